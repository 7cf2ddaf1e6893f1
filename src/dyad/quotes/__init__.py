"""Stage ``quotes``: direct and indirect speech, its speakers, cues and dates.

``marks`` finds the stretches between quotation marks in every common style; ``extract`` tells speech from scare
quotes and titles, finds indirect and mixed speech, and resolves speakers through the actors stage; ``headline``
reads the attribution a headline makes.
"""

from __future__ import annotations

from dataclasses import replace

from dyad.model import Analysis
from dyad.options import Options
from dyad.quotes.extract import QuoteFinder
from dyad.quotes.headline import headline_quotes
from dyad.stage import Stage


@Stage.define("quotes", requires={"parse", "sentences", "actors", "timexes", "datings"}, assigns={"quotes"})
def STAGE(analysis: Analysis, options: Options) -> Analysis:
    found = QuoteFinder(analysis).quotes()
    found = (*headline_quotes(analysis, found), *found)
    return replace(analysis, quotes=tuple(sorted(found, key=lambda q: q.span.start)))
