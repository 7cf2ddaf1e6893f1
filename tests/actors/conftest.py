from __future__ import annotations

import dyad
from dyad.model import Actor, Analysis


def actor_of(analysis: Analysis, text: str, nth: int = 0) -> Actor:
    """The actor of the ``nth`` mention whose text is ``text``."""
    hits = []
    for actor in analysis.actors:
        for mention in actor.mentions:
            if analysis.document.slice(mention.span) == text:
                hits.append((mention.span.start, actor))
    hits.sort(key=lambda h: h[0])
    if len(hits) <= nth:
        found = sorted(analysis.document.slice(m.span) for a in analysis.actors for m in a.mentions)
        raise AssertionError(f"no mention {text!r} (#{nth}); mentions: {found}")
    return hits[nth][1]


def mentioned(analysis: Analysis) -> set[str]:
    return {analysis.document.slice(m.span) for a in analysis.actors for m in a.mentions}


def extract(text: str, date: str) -> Analysis:
    return dyad.extract(text, date=date)
