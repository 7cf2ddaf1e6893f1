"""Stage ``places``: toponyms resolved to places, and where each clause happens.

``gazetteer`` knows the places; ``resolve`` finds the toponyms of a document and picks the place each names,
keeping those the actors stage took for actors ("Moscow said") as metonymic; ``locate`` gives clauses their
location.
"""

from __future__ import annotations

import functools
from dataclasses import replace

from dyad.knowledge.actors import knowledge
from dyad.knowledge.names import Gazetteer as NameFinder
from dyad.knowledge.places import Gazetteer, gazetteer
from dyad.model import Analysis
from dyad.nlp import load_pipeline
from dyad.options import Options
from dyad.places.locate import locate_clauses
from dyad.places.resolve import Resolver, region_names
from dyad.stage import Stage


@functools.lru_cache(maxsize=2)
def name_finder(gaz: Gazetteer, nlp: object) -> NameFinder:
    """A token matcher for the names of countries, regions and divisions (cities come from the parser)."""
    return NameFinder(region_names(gaz), lambda texts: nlp.tokenizer.pipe(texts))  # type: ignore[attr-defined]


@Stage.define("places", requires={"parse", "sentences", "actors"}, assigns={"places", "locatings"})
def STAGE(analysis: Analysis, options: Options) -> Analysis:
    gaz = gazetteer(knowledge())
    names = name_finder(gaz, load_pipeline(options.model_candidates()))
    places = Resolver(gaz, names, analysis).places()
    locatings = locate_clauses(analysis.parse, analysis.sentences, places)
    return replace(analysis, places=places, locatings=locatings)
