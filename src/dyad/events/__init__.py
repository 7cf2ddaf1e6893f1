"""Stage ``events``: who did what to whom, coded in PLOVER.

Event coding is not built yet (the events issue). Until it is, the stage returns no events rather than
invented ones.
"""

from __future__ import annotations

from dataclasses import replace

from dyad.model import Analysis
from dyad.options import Options
from dyad.stage import Stage


@Stage.define(
    "events", requires={"parse", "sentences", "actors", "timexes", "places", "locatings"}, assigns={"events"}
)
def STAGE(analysis: Analysis, options: Options) -> Analysis:
    return replace(analysis, events=())
