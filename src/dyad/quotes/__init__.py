"""Stage ``quotes``: direct and indirect speech and its speakers.

Quote extraction is not built yet (the quotes issue). Until it is, the stage returns no quotes rather
than invented ones.
"""

from __future__ import annotations

from dataclasses import replace

from dyad.model import Analysis
from dyad.options import Options
from dyad.stage import Stage


@Stage.define("quotes", requires={"parse", "sentences", "actors", "timexes"}, assigns={"quotes"})
def STAGE(analysis: Analysis, options: Options) -> Analysis:
    return replace(analysis, quotes=())
