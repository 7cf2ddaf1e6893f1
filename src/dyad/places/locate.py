"""Where clauses happen: the place attached to a clause ("met in Kabul", "during his visit to Uzbekistan"),
else the first place of the sentence. Metonymic toponyms ("Moscow said") are not locations."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dyad.model import Locating, Place, Sentence, Span
from dyad.places.resolve import GATHERINGS

_LOCATIVE = frozenset(
    {
        "in",
        "at",
        "near",
        "inside",
        "outside",
        "across",
        "into",
        "to",
        "from",
        "on",
        "over",
        "off",
        "around",
        "throughout",
        "within",
        "along",
        "toward",
        "towards",
        "through",
        "via",
        "between",
    }
)
# "on the sidelines of the Kazan forum", "in the outskirts of Kabul": a place reached through "of".
_WHERE_NOUNS = frozenset(
    [
        "sidelines",
        "margins",
        "margin",
        "outskirts",
        "centre",
        "center",
        "heart",
        "streets",
        "city",
        "town",
        "capital",
        "village",
        "region",
        "province",
        "north",
        "south",
        "east",
        "west",
        "suburbs",
        "edge",
        "border",
        "coast",
        "part",
        "parts",
        "area",
        "areas",
        "vicinity",
        "venue",
    ]
)
_CLAUSES = frozenset({"ccomp", "advcl", "relcl", "xcomp", "csubj", "parataxis", "acl"})


def _locative(prep: Any) -> bool:
    if prep.lower_ in _LOCATIVE:
        return True
    noun = prep.head
    return bool(
        prep.lower_ == "of"
        and noun.lower_ in _WHERE_NOUNS
        and noun.dep_ == "pobj"
        and noun.head.lower_ in _LOCATIVE
    )


def _clause_place(verb: Any, places: dict[int, Span]) -> Span | None:
    """The first literal place reached from the verb through prepositions, without entering another clause."""
    queue = [verb]
    seen = {verb.i}
    while queue:
        token = queue.pop(0)
        for child in token.children:
            if (
                child.i in seen
                or child.dep_ in _CLAUSES
                or (child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"))
            ):
                continue
            seen.add(child.i)
            if child.dep_ == "pobj" and child.i in places and _locative(child.head):
                return places[child.i]
            if (
                child.dep_ in ("prep", "pobj", "dobj", "npadvmod", "agent", "compound", "conj")
                or child.pos_ == "ADP"
            ):
                queue.append(child)
    return None


def _describes_noun(doc: Any, place: Span, verb: Any) -> bool:
    """Whether a place only says where someone or something is ("commentators in Russia", "the embassy in
    Kabul"): it then places no other clause of the sentence."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    prep = root.head
    if root.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ not in ("NOUN", "PROPN", "PRON"):
        return False
    owner = prep.head
    return owner.i != verb.i and not any(t.i == owner.i for t in verb.subtree if t.dep_ in ("dobj", "pobj"))


def locate_clauses(doc: Any, sentences: Sequence[Sentence], places: Sequence[Place]) -> tuple[Locating, ...]:
    """A locating for every verb of the body sentences that has a place in its clause or sentence."""
    literal = [p for p in places if not p.metonymic and p.lat is not None]
    by_token: dict[int, Span] = {}
    for place in literal:
        span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
        if span is not None:
            by_token[span.root.i] = place.span
            root = span.root
            if root.dep_ == "compound" and root.head.lower_ in GATHERINGS:
                by_token.setdefault(root.head.i, place.span)
    out: list[Locating] = []
    for sentence in sentences:
        span = doc.char_span(sentence.span.start, sentence.span.end, alignment_mode="expand")
        if span is None:
            continue
        inside = [p.span for p in literal if sentence.span.contains(p.span)]
        for token in span:
            if token.pos_ != "VERB" and not (token.pos_ == "AUX" and token.dep_ == "ROOT"):
                continue
            head = Span(token.idx, token.idx + len(token.text))
            where = _clause_place(token, by_token)
            if where is not None:
                out.append(Locating(head, where, "clause"))
                continue
            # The sentence's place, unless it belongs to a clause of this verb ("said the talks would be
            # held in Doha": the saying is not in Doha).
            nested = [
                (t.idx, t.idx + len(t.text))
                for child in token.children
                if child.dep_ in _CLAUSES
                for t in (child.subtree)
            ]
            outside = [
                s
                for s in inside
                if not any(a <= s.start < b for a, b in nested) and not _describes_noun(doc, s, token)
            ]
            if outside:
                out.append(Locating(head, outside[0], "sentence"))
    return tuple(out)
