"""Stage ``time``: time expressions of the body text.

For now the expressions are the parser's DATE and TIME entities, not yet normalised (``value`` is
``None``); resolution against the document date is the time issue's work.
"""

from __future__ import annotations

from dataclasses import replace

from dyad.model import Analysis, Span, TimeValue, TimexType
from dyad.options import Options
from dyad.stage import Stage

_TYPES: dict[str, TimexType] = {"DATE": "DATE", "TIME": "TIME"}


@Stage.define("time", requires={"parse", "sentences"}, assigns={"timexes"})
def STAGE(analysis: Analysis, options: Options) -> Analysis:
    timexes = []
    for ent in analysis.parse.ents:
        kind = _TYPES.get(ent.label_)
        span = Span(ent.start_char, ent.end_char)
        if kind and analysis.sentence_of(span) is not None:
            timexes.append(TimeValue(span=span, type=kind))
    return replace(analysis, timexes=tuple(timexes))
