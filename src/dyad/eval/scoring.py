"""Scores of predicted time expressions against gold ones, TempEval-3 Task A style, pooled over documents.

- strict: a prediction with exactly the span of a gold expression;
- relaxed: any overlap of characters, each gold and each prediction matched at most once, greedily by
  the largest overlap;
- type and value accuracy: over the relaxed matches, the share with the gold type / value;
- type and value F1: a relaxed match with the gold type / value is a true positive.

Precision with no prediction, recall with no gold and accuracy with no match are 0.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from dyad.eval.floors import FloorFailure, check_floors, load_floors
from dyad.eval.timeml import GoldTimex
from dyad.model import TimeValue

_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Outcome:
    """What became of one gold expression: its relaxed match (or ``None``) and whether a span is exact."""

    gold: GoldTimex
    predicted: TimeValue | None
    strict: bool

    @property
    def type_correct(self) -> bool:
        return self.predicted is not None and self.predicted.type == self.gold.type

    @property
    def value_correct(self) -> bool:
        return self.predicted is not None and same_value(self.predicted.value, self.gold.value)


@dataclass(frozen=True)
class TimexError:
    """A gold expression missed (``predicted_value`` is ``None`` and ``matched`` false) or given a wrong value."""

    text: str
    gold_value: str | None
    predicted_value: str | None
    matched: bool
    count: int


@dataclass(frozen=True)
class ShapeScore:
    """How the gold expressions whose values have one shape (digits as ``d``: ``dddd-dd-dd``, ``PdY``) fared."""

    shape: str
    gold: int
    matched: int
    value_correct: int


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


_WEEK = re.compile(r"-W(\d)(?!\d)")
_HOUR = re.compile(r"T(\d\d)$")


def canonical_value(value: str | None) -> str | None:
    """A TimeML value in one spelling of the forms that mean the same: ISO week numbers with two digits
    (``2000-W7`` is ``2000-W07``) and hours with their minutes (``T17`` is ``T17:00``)."""
    if value is None:
        return None
    return _HOUR.sub(r"T\1:00", _WEEK.sub(r"-W0\1", value))


def same_value(a: str | None, b: str | None) -> bool:
    """Whether two TimeML values name the same time, told apart only by spelling."""
    return canonical_value(a) == canonical_value(b)


def value_shape(value: str | None) -> str:
    """The shape of a TimeML value: each digit written ``d`` (``1998-01-08`` → ``dddd-dd-dd``)."""
    return "(none)" if value is None else _DIGIT.sub("d", value)


@dataclass(frozen=True)
class TimeScores:
    """The outcome of each gold expression and the number of predictions, pooled over ``documents``.

    ``skipped`` counts the gold documents that could not be read or analysed.
    """

    documents: int = 0
    predicted: int = 0
    outcomes: tuple[Outcome, ...] = ()
    skipped: int = 0

    @property
    def gold(self) -> int:
        return len(self.outcomes)

    @property
    def strict_matches(self) -> int:
        return sum(1 for o in self.outcomes if o.strict)

    @property
    def relaxed_matches(self) -> int:
        return sum(1 for o in self.outcomes if o.predicted is not None)

    @property
    def type_matches(self) -> int:
        return sum(1 for o in self.outcomes if o.type_correct)

    @property
    def value_matches(self) -> int:
        return sum(1 for o in self.outcomes if o.value_correct)

    def metrics(self) -> dict[str, float]:
        """Every score, by name (``strict_f1``, ``relaxed_precision``, ``value_accuracy``, ...)."""
        out: dict[str, float] = {}
        for name, hits in (
            ("strict", self.strict_matches),
            ("relaxed", self.relaxed_matches),
            ("type", self.type_matches),
            ("value", self.value_matches),
        ):
            precision, recall = _ratio(hits, self.predicted), _ratio(hits, self.gold)
            out[f"{name}_precision"], out[f"{name}_recall"] = precision, recall
            out[f"{name}_f1"] = _f1(precision, recall)
        out["type_accuracy"] = _ratio(self.type_matches, self.relaxed_matches)
        out["value_accuracy"] = _ratio(self.value_matches, self.relaxed_matches)
        return out

    def counts(self) -> dict[str, int]:
        """The numbers of documents, expressions and matches."""
        return {
            "documents": self.documents,
            "skipped": self.skipped,
            "gold": self.gold,
            "predicted": self.predicted,
            "strict_matches": self.strict_matches,
            "relaxed_matches": self.relaxed_matches,
            "type_matches": self.type_matches,
            "value_matches": self.value_matches,
        }

    def errors(self, n: int | None = None) -> list[TimexError]:
        """The ``n`` commonest misses and wrong values, by gold text (case folded), gold and predicted value."""
        tally: Counter[tuple[str, str | None, str | None, bool]] = Counter(
            (
                " ".join(o.gold.text.lower().split()),
                o.gold.value,
                o.predicted.value if o.predicted else None,
                o.predicted is not None,
            )
            for o in self.outcomes
            if not o.value_correct
        )
        return [TimexError(*key, count=count) for key, count in tally.most_common(n)]

    def shapes(self, n: int | None = None) -> list[ShapeScore]:
        """Scores by the shape of the gold value, the ``n`` commonest shapes (all by default)."""
        groups: dict[str, list[Outcome]] = {}
        for o in self.outcomes:
            groups.setdefault(value_shape(o.gold.value), []).append(o)
        scores = [
            ShapeScore(
                shape,
                len(group),
                sum(1 for o in group if o.predicted is not None),
                sum(1 for o in group if o.value_correct),
            )
            for shape, group in groups.items()
        ]
        return sorted(scores, key=lambda s: (-s.gold, s.shape))[:n]

    def as_dict(self, errors: int = 0) -> dict[str, Any]:
        """The counts and scores as a JSON-ready dict; with ``errors`` > 0, the commonest errors and shapes."""
        out: dict[str, Any] = {**self.counts(), **self.metrics()}
        if errors > 0:
            out["errors"] = [asdict(e) for e in self.errors(errors)]
            out["shapes"] = [asdict(s) for s in self.shapes(errors)]
        return out

    def __add__(self, other: TimeScores) -> TimeScores:
        return TimeScores(
            self.documents + other.documents,
            self.predicted + other.predicted,
            self.outcomes + other.outcomes,
            self.skipped + other.skipped,
        )


def _overlap(gold: GoldTimex, predicted: TimeValue) -> int:
    return max(0, min(gold.end, predicted.span.end) - max(gold.start, predicted.span.start))


def match_relaxed(gold: Sequence[GoldTimex], predicted: Sequence[TimeValue]) -> dict[int, int]:
    """Gold index → predicted index: overlapping pairs, largest overlap (then exact span, then first) first."""
    pairs = sorted(
        (
            -_overlap(g, p),
            (g.start, g.end) != (p.span.start, p.span.end),
            gi,
            pi,
        )
        for gi, g in enumerate(gold)
        for pi, p in enumerate(predicted)
        if _overlap(g, p) > 0
    )
    matches: dict[int, int] = {}
    used: set[int] = set()
    for _, _, gi, pi in pairs:
        if gi not in matches and pi not in used:
            matches[gi] = pi
            used.add(pi)
    return matches


def score_document(gold: Sequence[GoldTimex], predicted: Sequence[TimeValue]) -> TimeScores:
    """The scores of one document's predictions against its gold expressions."""
    matches = match_relaxed(gold, predicted)
    spans = Counter((p.span.start, p.span.end) for p in predicted)
    outcomes = []
    for i, g in enumerate(gold):
        strict = spans[g.start, g.end] > 0
        if strict:
            spans[g.start, g.end] -= 1
        outcomes.append(Outcome(g, predicted[matches[i]] if i in matches else None, strict))
    return TimeScores(documents=1, predicted=len(predicted), outcomes=tuple(outcomes))


def pool(scores: Iterable[TimeScores]) -> TimeScores:
    """Scores of several documents pooled (micro-averaged)."""
    return sum(scores, TimeScores())


def read_floors(path: str | Path) -> dict[str, float]:
    """A floors file of the time scores (see :meth:`TimeScores.metrics`)."""
    return load_floors(path, TimeScores().metrics())


def below_floors(scores: TimeScores, floors: Mapping[str, float]) -> list[FloorFailure]:
    """The time scores under their floors."""
    return check_floors(scores.metrics(), floors)
