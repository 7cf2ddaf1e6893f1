from __future__ import annotations

from collections.abc import Callable

import pytest

import dyad
from dyad.model import Analysis, TimeValue


@pytest.fixture
def timexes() -> Callable[..., list[tuple[str, str | None]]]:
    """``(text, value)`` of every time expression dyad finds in ``text`` with the document date ``date``."""

    def run(text: str, date: str | None = "2025-04-28") -> list[tuple[str, str | None]]:
        analysis = dyad.extract(text, date=date)
        return [(analysis.document.slice(t.span), t.value) for t in analysis.timexes]

    return run


def find(analysis: Analysis, text: str) -> TimeValue:
    for timex in analysis.timexes:
        if analysis.document.slice(timex.span) == text:
            return timex
    raise AssertionError(
        f"no time expression {text!r} in {[analysis.document.slice(t.span) for t in analysis.timexes]}"
    )
