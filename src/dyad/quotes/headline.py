"""Attributions in a headline: "Okafor: Talks With the Rebels Will Resume", "Okafor Says Talks Will Resume",
"Talks Will Resume, Okafor Says".

A headline is not parsed with the body, and its words are in title case, so it is read with three patterns. The
source is a name of at most five words; after a colon it must name an actor of the article (or be a poll, survey,
study or report), since column labels ("The Latest: ...", "Analysis: ...") share the form.
"""

from __future__ import annotations

import hashlib
import re

from dyad.model import ActorRef, Analysis, Quote, Span
from dyad.quotes.marks import MARKS

_NAME = r"[A-Z0-9][\w.'’&-]*(?: [A-Z0-9&][\w.'’&-]*| (?:of|the|de|al|von|van)){0,4}"
_VERBS = (
    "says|said|tells|told|warns|claims|insists|urges|vows|pledges|denies|admits|argues|asks|predicts|promises"
    "|suggests|accuses|calls for|calls on|blames"
)
_LABELLED = re.compile(rf"(?P<src>{_NAME}): (?P<said>\S.*?)[.\s]*")
_SAYS = re.compile(rf"(?P<src>{_NAME}) (?P<cue>(?i:{_VERBS})) (?P<said>\S.*?)[.\s]*")
_SAYS_AFTER = re.compile(
    rf"(?P<said>\S.*?), (?P<src>{_NAME}) (?P<cue>(?i:says|said|warns|claims|argues))[.\s]*"
)
# Sources that speak under a column label's form: "Poll: Voters Turn Away From ...".
_DOCUMENTS = frozenset({"poll", "polls", "survey", "study", "report"})


def _actor(analysis: Analysis, name: str) -> ActorRef | None:
    """The actor of the article that ``name`` names: by a mention with the same words or the same last word."""
    text = analysis.document.text
    last = name.split()[-1].lower()
    for actor in analysis.actors:
        if actor.name.lower() == name.lower() or actor.name.split()[-1].lower() == last:
            return ActorRef.of(actor)
        for mention in actor.mentions:
            words = text[mention.span.start : mention.span.end]
            if words.lower() == name.lower() or (
                mention.span.end - mention.span.start > 2 and words.split()[-1].lower() == last
            ):
                return ActorRef.of(actor)
    return None


def _headline(analysis: Analysis) -> Span | None:
    """The headline: the title, or a first paragraph of one short line that the layout kept as body because it
    ends with a full stop."""
    document = analysis.document
    title = next((r.span for r in document.regions if r.kind == "title"), None)
    if title is not None:
        return title
    text = document.text
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    if end < 0 or not text.startswith("\n", end + 1) or len(text[start:end].split()) > 25:
        return None
    return Span(start, len(text[:end].rstrip()))


def headline_quotes(analysis: Analysis, found: tuple[Quote, ...] = ()) -> tuple[Quote, ...]:
    """The attribution a headline makes, if it makes one and the body's reading of it (``found``) does not."""
    document = analysis.document
    title = _headline(analysis)
    if title is None or any(title.start <= q.span.start < title.end for q in found):
        return ()
    line = document.text[title.start : title.end]
    offset = title.start
    for pattern in (_SAYS_AFTER, _SAYS, _LABELLED):
        match = pattern.fullmatch(line)
        if match is None:
            continue
        name = match.group("src")
        speaker = _actor(analysis, name)
        if pattern is _LABELLED and speaker is None and name.split()[-1].lower() not in _DOCUMENTS:
            continue
        start, end = offset + match.start("said"), offset + match.end("said")
        said = document.text[start:end]
        if len(said.split()) < 2:
            continue
        cue = (
            Span(offset + match.start("cue"), offset + match.end("cue"))
            if "cue" in pattern.groupindex
            else Span(offset + match.end("src"), offset + match.end("src") + 1)
        )
        quoted = said[:1] in MARKS and said.rstrip(".")[-1:] in MARKS
        digest = hashlib.sha1(f"{document.doc_id}:{start}:{end}".encode()).hexdigest()
        return (
            Quote(
                id=f"qt-{digest[:12]}",
                span=Span(start, end),
                sentence=title,
                quote_type="direct" if quoted else "indirect",
                speaker=speaker,
                cue=cue,
                source=Span(offset + match.start("src"), offset + match.end("src")),
            ),
        )
    return ()
