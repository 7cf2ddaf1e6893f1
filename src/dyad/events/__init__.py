"""Stage ``events``: who did what to whom, when and where, coded in PLOVER with CAMEO alongside.

``detect`` finds triggers (verbs, event nouns, light-verb phrases) and the lexicon rows that fit them;
``classify`` holds the statistical model that decides where the lexicon is unsure or silent; ``arguments``
reads actor and recipient from the parse through the actors stage; ``factuality`` tells facts from plans,
possibilities, conditions and denials, and finds whose claim an event is; ``code`` gives the mode, CAMEO code,
quad class and score. Dates come from the time stage, locations from the places stage; a verbal event said in
a quote points to it (``quote_id``).
"""

from __future__ import annotations

from dataclasses import replace

from dyad.events.extract import Extractor
from dyad.knowledge.events import knowledge
from dyad.model import Analysis
from dyad.options import Options
from dyad.stage import Stage


@Stage.define(
    "events",
    requires={"parse", "sentences", "actors", "timexes", "places", "locatings", "quotes"},
    assigns={"events"},
)
def STAGE(analysis: Analysis, options: Options) -> Analysis:
    return replace(analysis, events=Extractor(knowledge(), analysis, options).events())
