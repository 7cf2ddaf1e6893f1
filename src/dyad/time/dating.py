"""Dates of clauses: the time expression that governs a clause, else the sentence's, else the narrative's."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from dyad.model import Dating, Sentence, Span, TimeValue
from dyad.time.calendar import Point
from dyad.time.resolve import Narrative
from dyad.time.tense import Tense, tense

# Links along which a clause inherits the date of the clause above it ("lifted the ban, revoking ...").
_INHERIT = frozenset({"advcl", "conj", "xcomp", "acl", "relcl", "pcomp"})
_COARSER = {"day": "month", "week": "month", "hour": "month", "minute": "month"}


def _calendar(value: str | None) -> bool:
    return bool(value) and value[0].isdigit() and "X" not in value[:4]  # type: ignore[index]


def _start(value: str) -> dt.date | None:
    """The first day a value covers (year, month or day precision, or a week/quarter/half/season)."""
    try:
        year = int(value[:4])
        rest = value[5:]
        if not rest:
            return dt.date(year, 1, 1)
        if rest[0] == "W":
            return dt.date.fromisocalendar(year, int(rest[1:3]), 1)
        if rest[0] == "Q":
            return dt.date(year, 3 * int(rest[1]) - 2, 1)
        if rest[0] == "H":
            return dt.date(year, 6 * int(rest[1]) - 5, 1)
        if rest[:2] in ("WI", "SP", "SU", "FA"):
            return dt.date(year, {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[rest[:2]], 1)
        month = int(rest[:2])
        day = int(rest[3:5]) if len(rest) >= 5 else 1
        return dt.date(year, month, day)
    except (ValueError, IndexError):
        return None


def _predicate(token: Any) -> Any:
    """The verb (or the noun) that a time expression's root token dates."""
    t = token
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX"):
            return t
        if (
            t.i != token.i
            and t.pos_ in ("NOUN", "PROPN")
            and token.dep_ in ("compound", "nummod", "amod", "poss", "nmod", "npadvmod", "pobj")
        ) and (t.dep_ not in ("pobj", "npadvmod", "obl") or t.head.pos_ not in ("VERB", "AUX")):
            return t
        if t.head.i == t.i:
            return t
        t = t.head
    return t


_SUBORDINATE = frozenset({"relcl"})


def _subordinate(token: Any) -> Any:
    """The subordinate clause a token sits in (its head word), or ``None`` in the main clause."""
    t = token
    for _ in range(12):
        if t.dep_ in _SUBORDINATE:
            return t
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def _governing(token: Any, governed: dict[int, TimeValue]) -> TimeValue | None:
    """The time expression of the token's clause, or of a clause it inherits its date from."""
    t = token
    for _ in range(6):
        if t.i in governed:
            return governed[t.i]
        if t.dep_ not in _INHERIT or t.head.i == t.i:
            return None
        t = t.head
    return None


def _dating(
    head: Span,
    timex: TimeValue | None,
    own: Sequence[TimeValue],
    story: Sequence[Point],
    dct: dt.date | None,
    clause_tense: Tense | None,
) -> Dating:
    if timex is not None:
        return Dating(head, timex.value, timex.precision, timex.inferred, "clause", timex.span, clause_tense)
    if own:
        first = own[0]
        return Dating(
            head, first.value, first.precision, first.inferred, "sentence", first.span, clause_tense
        )
    if story:
        point = story[-1]
        coarse = point.coarsen(_COARSER.get(point.precision, point.precision))
        return Dating(head, coarse.value(), coarse.precision, True, "narrative", None, clause_tense)
    if dct is not None:
        month = Point.of_date(dct).coarsen("month")
        return Dating(head, month.value(), "month", True, "document", None, clause_tense)
    return Dating(head, None, None, True, "document", None, clause_tense)


def date_clauses(
    doc: Any,
    sentences: Sequence[Sentence],
    timexes: Sequence[TimeValue],
    narrative: Narrative,
    dct: dt.date | None,
) -> tuple[Dating, ...]:
    """A dating for every verb of the body sentences, and for every noun that a date modifies."""
    by_sentence: dict[int, list[TimeValue]] = {}
    starts = [s.span.start for s in sentences]
    for timex in timexes:
        i = bisect.bisect_right(starts, timex.span.start) - 1
        if i >= 0 and timex.type in ("DATE", "TIME") and _calendar(timex.value):
            by_sentence.setdefault(i, []).append(timex)
    out: list[Dating] = []
    for sentence in sentences:
        span = doc.char_span(sentence.span.start, sentence.span.end, alignment_mode="expand")
        if span is None:
            continue
        own = by_sentence.get(sentence.index, [])
        governed: dict[int, TimeValue] = {}
        # A date inside a subordinate clause dates that clause only ("the Taliban, who have renounced
        # violence since 2021, are fighting ISIS": the fighting is not of 2021).
        confined: list[tuple[TimeValue, Any]] = []
        for timex in own:
            tspan = doc.char_span(timex.span.start, timex.span.end, alignment_mode="expand")
            if tspan is not None and len(tspan):
                predicate = _predicate(tspan.root)
                governed.setdefault(predicate.i, timex)
                confined.append((timex, _subordinate(predicate)))
        story = [p for p, index in narrative.points if index <= sentence.index]
        for token in span:
            is_verb = token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ == "ROOT")
            if not is_verb and token.i not in governed:
                continue
            clause_tense = tense(token) if is_verb else None
            head = Span(token.idx, token.idx + len(token.text))
            usable = [
                t
                for t, clause in confined
                if clause is None or clause.left_edge.i <= token.i <= clause.right_edge.i
            ]
            dating = _dating(head, _governing(token, governed), usable, story, dct, clause_tense)
            begins = _start(dating.value) if dating.value else None
            later = dct is not None and begins is not None and begins > dct
            if clause_tense == "future" or later:
                dating = replace(dating, future=True)
            out.append(dating)
    return tuple(out)
