"""Stage ``quotes``: direct and indirect speech, its speakers, cues and dates.

``marks`` finds the stretches between quotation marks in every common style; ``extract`` tells speech from scare
quotes and titles, finds indirect and mixed speech, and resolves speakers through the actors stage.
"""

from __future__ import annotations

from dataclasses import replace

from dyad.model import Analysis
from dyad.options import Options
from dyad.quotes.extract import QuoteFinder
from dyad.stage import Stage


@Stage.define("quotes", requires={"parse", "sentences", "actors", "timexes", "datings"}, assigns={"quotes"})
def STAGE(analysis: Analysis, options: Options) -> Analysis:
    return replace(analysis, quotes=QuoteFinder(analysis).quotes())
