from __future__ import annotations

import dyad
from dyad.model import Analysis, Event


def extract(text: str, date: str = "2025-03-12") -> Analysis:
    return dyad.extract(text, date=date)


def event_at(analysis: Analysis, trigger: str) -> Event:
    """The event whose trigger contains the words ``trigger``."""
    for event in analysis.events:
        if trigger in analysis.document.slice(event.trigger):
            return event
    found = [(analysis.document.slice(e.trigger), e.event) for e in analysis.events]
    raise AssertionError(f"no event on {trigger!r}; events: {found}")


def names(refs: tuple[object, ...]) -> list[str]:
    return [getattr(r, "name", "") for r in refs]
