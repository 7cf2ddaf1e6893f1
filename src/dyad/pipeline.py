"""The pipeline runner: the one place that knows the order of the stages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from dyad import actors, events, parse, places, quotes, time
from dyad.errors import PipelineError
from dyad.model import Analysis, Document
from dyad.options import Options
from dyad.stage import Stage

#: The stages of a full analysis, in order.
DEFAULT_STAGES: tuple[Stage, ...] = (
    parse.STAGE,
    time.STAGE,
    actors.STAGE,
    places.STAGE,
    quotes.STAGE,
    events.STAGE,
)


class Pipeline:
    """Ordered stages; each stage is given the layers it requires, else the pipeline is refused."""

    def __init__(self, stages: Sequence[Stage] = DEFAULT_STAGES) -> None:
        available = {"document"}
        for stage in stages:
            missing = stage.requires - available
            if missing:
                raise PipelineError(
                    f"stage {stage.name!r} requires {', '.join(sorted(missing))}, added by no earlier stage"
                )
            available |= stage.assigns
        self.stages = tuple(stages)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(stage.name for stage in self.stages)

    def __call__(self, document: Document, options: Options) -> Analysis:
        analysis = Analysis(document=document)
        for stage in self.stages:
            analysis = stage.run(analysis, options)
            analysis = replace(analysis, layers=analysis.layers | stage.assigns)
        return analysis
