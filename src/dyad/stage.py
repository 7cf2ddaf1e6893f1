"""What a pipeline stage is: a function from an analysis to an analysis, with the layers it needs and adds."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from dyad.model import Analysis
from dyad.options import Options

StageFunction = Callable[[Analysis, Options], Analysis]


@dataclass(frozen=True)
class Stage:
    """A named step of the pipeline.

    ``requires`` are the layers it reads, ``assigns`` the layers it adds; the runner checks both.
    """

    name: str
    requires: frozenset[str]
    assigns: frozenset[str]
    run: StageFunction

    @classmethod
    def define(cls, name: str, requires: set[str], assigns: set[str]) -> Callable[[StageFunction], Stage]:
        """Decorator that turns a function into a stage."""

        def wrap(function: StageFunction) -> Stage:
            return cls(name, frozenset(requires), frozenset(assigns), function)

        return wrap
