"""Stage ``actors``: who the document is about.

Mentions are recognised from dyad's shipped knowledge (``knowledge``, ``gazetteer``), the parser's named
entities and the parse itself (``recognize``), then resolved into actors: offices by date, roles learned from
the text, coreference inside the document (``resolve``). Users add actors with their own dictionaries
(``dictionaries``).
"""

from __future__ import annotations

import functools
from dataclasses import replace
from pathlib import Path
from typing import Any

from dyad.actors.recognize import Recognizer
from dyad.actors.resolve import Resolver
from dyad.knowledge.actors import Knowledge, knowledge
from dyad.model import Analysis
from dyad.nlp import load_pipeline
from dyad.options import Options
from dyad.stage import Stage


@functools.lru_cache(maxsize=8)
def recognizer(kb: Knowledge, nlp: Any) -> Recognizer:
    return Recognizer(kb, nlp)


@Stage.define("actors", requires={"parse", "sentences", "timexes", "datings"}, assigns={"mentions", "actors"})
def STAGE(analysis: Analysis, options: Options) -> Analysis:
    kb = knowledge(tuple(Path(p) for p in options.actors))
    nlp = load_pipeline(options.model_candidates())
    rec = recognizer(kb, nlp)
    doc = analysis.parse
    spans = []
    for sentence in analysis.sentences:
        span = doc.char_span(sentence.span.start, sentence.span.end, alignment_mode="expand")
        if span is not None:
            spans.append((span.start, span.end))
    founds, context = rec.find(doc, spans)
    actors = Resolver(kb, rec, analysis).run(founds, context)
    mentions = tuple(sorted((m for a in actors for m in a.mentions), key=lambda m: m.span))
    return replace(analysis, mentions=mentions, actors=actors)
