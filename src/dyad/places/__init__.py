"""Stage ``places``: toponyms and where they are.

Geoparsing is not built yet (the places issue); the stage adds an empty layer so that later stages
can declare that they read it.
"""

from __future__ import annotations

from dataclasses import replace

from dyad.model import Analysis
from dyad.options import Options
from dyad.stage import Stage


@Stage.define("places", requires={"parse", "sentences"}, assigns={"places"})
def STAGE(analysis: Analysis, options: Options) -> Analysis:
    return replace(analysis, places=())
