"""Stage ``time``: time expressions resolved to the calendar, the document date, and the date of each clause.

``tagger`` finds the expressions, ``docdate`` works out the document date when none is given,
``resolve`` gives each expression its TimeML value against the document date and the narrative, and
``dating`` gives every clause the date it refers to.
"""

from __future__ import annotations

from dataclasses import replace

from dyad.model import Analysis, TimeValue
from dyad.options import Options
from dyad.stage import Stage
from dyad.time.dating import date_clauses
from dyad.time.docdate import infer_document_date
from dyad.time.resolve import Resolver
from dyad.time.tagger import candidates


@Stage.define("time", requires={"parse", "sentences"}, assigns={"timexes", "datings"})
def STAGE(analysis: Analysis, options: Options) -> Analysis:
    doc, document = analysis.parse, analysis.document
    found = list(candidates(doc, document.text, analysis.sentences))
    if document.date is None:
        inferred = infer_document_date(found, doc)
        if inferred is not None:
            document = replace(document, date=inferred, date_source="inferred")
    resolver = Resolver(doc, document.text, document.date)
    timexes: list[TimeValue] = []
    for candidate in found:
        sentence = analysis.sentence_of(candidate.span)
        resolved = resolver.resolve(candidate, sentence.index if sentence else 0)
        if resolved is not None:
            timexes.append(resolved.timex)
    datings = date_clauses(doc, analysis.sentences, timexes, resolver.narrative, document.date)
    return replace(analysis, document=document, timexes=tuple(timexes), datings=datings)
