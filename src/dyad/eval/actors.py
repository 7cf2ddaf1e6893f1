"""The actors stage scored against gold actor mentions: what ``dyad eval actors`` runs.

Gold is JSON Lines, one document per line: ``{"id", "date", "text", "mentions": [{"start", "end", "text",
"actor": {"id", "name", "type", "country", "sector"}, "role"}]}`` (see ``tests/fixtures/actors/README.md``).
Predicted mentions are matched to gold ones by character overlap, one to one, largest overlap first. On
matched mentions the actor's type, country and sector are compared, and its id when the gold gives one (an
institution's id counts as its owner's, so ``RUS.supreme-court`` matches a gold ``RUS``).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from dyad.errors import InputError, MalformedInputError
from dyad.eval.gold import gold_lines
from dyad.ingest import make_document
from dyad.model import Actor
from dyad.options import Options
from dyad.pipeline import Pipeline


@dataclass(frozen=True)
class GoldMention:
    start: int
    end: int
    text: str
    id: str | None
    type: str | None
    country: str | None
    sector: str | None
    role: str | None


@dataclass(frozen=True)
class GoldDocument:
    where: str
    text: str
    date: Any
    mentions: tuple[GoldMention, ...]


def read_gold(path: str | os.PathLike[str]) -> Iterator[GoldDocument]:
    """The documents of a gold JSON Lines file; a malformed line raises :class:`MalformedInputError`."""
    for line in gold_lines(path, "actors", _mentions):
        for m in line.annotations:
            if line.text[m.start : m.end] != m.text:
                raise MalformedInputError(line.where, f"mention {m.text!r} does not match its offsets")
        yield GoldDocument(line.id, line.text, line.date, line.annotations)


def _mentions(record: dict[str, Any]) -> tuple[GoldMention, ...]:
    return tuple(
        GoldMention(
            m["start"],
            m["end"],
            m["text"],
            m["actor"].get("id"),
            m["actor"].get("type"),
            m["actor"].get("country"),
            m["actor"].get("sector"),
            m.get("role"),
        )
        for m in record["mentions"]
    )


@dataclass
class ActorScores:
    """Counts pooled over documents; :meth:`metrics` turns them into scores."""

    documents: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    type_correct: int = 0
    country_correct: int = 0
    sector_correct: int = 0
    with_id: int = 0
    id_correct: int = 0
    roles: int = 0
    roles_correct: int = 0
    all_correct: int = 0
    errors: Counter[tuple[str, str, str]] = field(default_factory=Counter)

    def metrics(self) -> dict[str, float]:
        def ratio(a: int, b: int) -> float:
            return a / b if b else 0.0

        precision, recall = ratio(self.matched, self.predicted), ratio(self.matched, self.gold)
        return {
            "mention_precision": precision,
            "mention_recall": recall,
            "mention_f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
            "type_accuracy": ratio(self.type_correct, self.matched),
            "country_accuracy": ratio(self.country_correct, self.matched),
            "sector_accuracy": ratio(self.sector_correct, self.matched),
            "id_accuracy": ratio(self.id_correct, self.with_id),
            "dated_role_accuracy": ratio(self.roles_correct, self.roles),
            "resolution_accuracy": ratio(self.all_correct, self.matched),
        }

    def counts(self) -> dict[str, int]:
        return {k: v for k, v in vars(self).items() if isinstance(v, int)}


def _same_id(gold: str, predicted: str) -> bool:
    return predicted == gold or predicted.split(".", 1)[0] == gold


def score(gold: GoldDocument, actors: Sequence[Actor], scores: ActorScores) -> None:
    """Add one document's counts to ``scores``."""
    predicted = [(m.span.start, m.span.end, a) for a in actors for m in a.mentions]
    scores.documents += 1
    scores.gold += len(gold.mentions)
    scores.predicted += len(predicted)
    pairs = sorted(
        (
            (min(g.end, p[1]) - max(g.start, p[0]), gi, pi)
            for gi, g in enumerate(gold.mentions)
            for pi, p in enumerate(predicted)
            if min(g.end, p[1]) > max(g.start, p[0])
        ),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        g, actor = gold.mentions[gi], predicted[pi][2]
        scores.matched += 1
        type_ok = g.type == actor.type
        country_ok = g.country == actor.country
        sector_ok = g.sector == actor.sector
        scores.type_correct += type_ok
        scores.country_correct += country_ok
        scores.sector_correct += sector_ok
        id_ok = True
        if g.id:
            scores.with_id += 1
            id_ok = _same_id(g.id, actor.actor_id)
            scores.id_correct += id_ok
            if g.role and g.id.startswith("per:"):
                scores.roles += 1
                scores.roles_correct += id_ok
        ok = type_ok and country_ok and sector_ok and id_ok
        scores.all_correct += ok
        if not ok:
            scores.errors[
                (
                    g.text,
                    f"{g.id or '-'} {g.type} {g.country} {g.sector}",
                    f"{actor.actor_id} {actor.type} {actor.country} {actor.sector}",
                )
            ] += 1
    for gi, g in enumerate(gold.mentions):
        if gi not in used_g:
            scores.errors[(g.text, f"{g.id or '-'} {g.type} {g.country} {g.sector}", "(missed)")] += 1
    for pi, (start, end, actor) in enumerate(predicted):
        if pi not in used_p:
            scores.errors[(gold.text[start:end], "(not in gold)", f"{actor.actor_id} {actor.type}")] += 1


def evaluate_actors(paths: Sequence[str | os.PathLike[str]], options: Options | None = None) -> ActorScores:
    """Score the actors stage on gold files, each document with its own date as the publication date."""
    from dyad import actors, parse, time

    options = options or Options()
    pipeline = Pipeline([parse.STAGE, time.STAGE, actors.STAGE])
    scores = ActorScores()
    for path in paths:
        for gold in read_gold(path):
            opts = options.with_(date=gold.date)
            try:
                document = make_document(gold.text, gold.where, opts)
            except InputError:
                raise
            score(gold, pipeline(document, opts).actors, scores)
    return scores
