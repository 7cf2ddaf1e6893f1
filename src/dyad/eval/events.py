"""The events stage scored against gold events: what ``dyad eval events`` runs.

Gold is JSON Lines, one text per line (a sentence or an article): ``{"id", "date", "text", "events":
[{"trigger", "start", "end", "event", "mode", "actor": [words], "recipient": [words], "factuality", "date",
"reported_by"}]}`` (see ``tests/fixtures/events/GUIDELINES.md``).

A predicted event matches a gold event when their triggers overlap (one to one, same type first). On matched
events: the type, mode, actor, recipient, factuality and date are compared. Actor and recipient are right when
every predicted argument pairs with some gold words and all gold words with some argument: an argument pairs with
gold words when one of its mentions overlaps them (else when the words name it, or name a place in its state).

Scores: detection precision, recall and F1; the share of extra events (predicted events that match no gold one,
per gold event); type accuracy (on matched events) and macro-F1 over the types (an event counts for its type only
when matched and typed right); actor, recipient, mode, factuality and date accuracy on matched events; triple
accuracy (gold events found with the right type, actor and recipient); and the share right among events given a
confidence of 0.8 or more.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from dyad.errors import MalformedInputError
from dyad.eval.gold import gold_lines
from dyad.ingest import make_document
from dyad.knowledge.events import EVENTS
from dyad.model import ActorRef, Analysis, Span
from dyad.options import Options

_FACTUALITY = ("asserted", "negated", "hypothetical", "conditional", "planned")


@dataclass(frozen=True)
class GoldEvent:
    start: int
    end: int
    trigger: str
    event: str
    mode: str | None
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    factuality: str
    date: str | None


@dataclass(frozen=True)
class GoldText:
    where: str
    text: str
    date: Any
    events: tuple[GoldEvent, ...]


def read_gold(path: str | os.PathLike[str]) -> Iterator[GoldText]:
    """The texts of a gold JSON Lines file; a malformed line raises :class:`MalformedInputError`."""
    for line in gold_lines(path, "events", _events):
        for e in line.annotations:
            if line.text[e.start : e.end] != e.trigger:
                raise MalformedInputError(line.where, f"trigger {e.trigger!r} does not match its offsets")
            if e.event not in EVENTS:
                raise MalformedInputError(line.where, f"unknown event type {e.event!r}")
            if e.factuality not in _FACTUALITY:
                raise MalformedInputError(line.where, f"unknown factuality {e.factuality!r}")
        yield GoldText(line.id, line.text, line.date, line.annotations)


def _events(record: dict[str, Any]) -> tuple[GoldEvent, ...]:
    return tuple(
        GoldEvent(
            int(e["start"]),
            int(e["end"]),
            e["trigger"],
            e["event"],
            e.get("mode") or None,
            tuple(e.get("actor") or ()),
            tuple(e.get("recipient") or ()),
            e.get("factuality") or "asserted",
            e.get("date") or None,
        )
        for e in record["events"]
    )


@dataclass
class EventScores:
    """Counts pooled over texts; :meth:`metrics` turns them into scores."""

    texts: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    type_right: int = 0
    mode_checked: int = 0
    mode_right: int = 0
    actor_right: int = 0
    recipient_right: int = 0
    triples_right: int = 0
    factuality_right: int = 0
    date_checked: int = 0
    date_right: int = 0
    confident: int = 0
    confident_right: int = 0
    per_type: dict[str, list[int]] = field(default_factory=dict)  # type -> [tp, fp, fn]
    mistakes: Counter[tuple[str, str, str]] = field(default_factory=Counter)

    def metrics(self) -> dict[str, float]:
        def ratio(a: float, b: float) -> float:
            return a / b if b else 0.0

        precision, recall = ratio(self.matched, self.predicted), ratio(self.matched, self.gold)
        f1s = []
        for event in EVENTS:
            tp, fp, fn = self.per_type.get(event, [0, 0, 0])
            if tp + fn == 0:
                continue
            p, r = ratio(tp, tp + fp), ratio(tp, tp + fn)
            f1s.append(ratio(2 * p * r, p + r))
        return {
            "detection_precision": precision,
            "detection_recall": recall,
            "detection_f1": ratio(2 * precision * recall, precision + recall),
            "extra_events": ratio(self.predicted - self.matched, self.gold),
            "type_accuracy": ratio(self.type_right, self.matched),
            "type_macro_f1": sum(f1s) / len(f1s) if f1s else 0.0,
            "mode_accuracy": ratio(self.mode_right, self.mode_checked),
            "actor_accuracy": ratio(self.actor_right, self.matched),
            "recipient_accuracy": ratio(self.recipient_right, self.matched),
            "triple_accuracy": ratio(self.triples_right, self.gold),
            "factuality_accuracy": ratio(self.factuality_right, self.matched),
            "date_accuracy": ratio(self.date_right, self.date_checked),
            "confident_precision": ratio(self.confident_right, self.confident),
        }

    def counts(self) -> dict[str, int]:
        return {k: v for k, v in vars(self).items() if isinstance(v, int)}

    def tally(self, event: str, slot: int) -> None:
        self.per_type.setdefault(event, [0, 0, 0])[slot] += 1


def _norm(text: str) -> str:
    text = re.sub(r"^(the|a|an)\s+", "", text.strip().lower())
    return re.sub(r"['’]s$", "", text)


class _Matcher:
    """Whether a predicted argument is the one some gold words name."""

    def __init__(self, analysis: Analysis) -> None:
        self.text = analysis.document.text
        self.mentions: dict[str, list[Span]] = {}
        for actor in analysis.actors:
            self.mentions[actor.actor_id] = [m.span for m in actor.mentions]
        self.places = analysis.places

    def occurrences(self, words: str, near: Span) -> list[Span]:
        found = [Span(m.start(), m.end()) for m in re.finditer(re.escape(words), self.text)]
        inside = [s for s in found if near.start <= s.start < near.end]
        return inside or found

    def pairs(self, ref: ActorRef, words: str, near: Span) -> bool:
        spans = self.occurrences(words, near)
        for mention in self.mentions.get(ref.actor_id, []):
            if any(mention.start < s.end and s.start < mention.end for s in spans):
                return True
        w, name = _norm(words), _norm(ref.name)
        if w and (w == name or w in name.split() or name in w):
            return True
        for place in self.places:
            if place.country_code == ref.country and any(
                place.span.start < s.end and s.start < place.span.end for s in spans
            ):
                return ref.type == "state"
        return False

    def same(self, refs: Sequence[ActorRef], words: Sequence[str], near: Span) -> bool:
        """Every predicted argument is named by some gold words, and all gold words name some argument."""
        return all(any(self.pairs(r, w, near) for w in words) for r in refs) and all(
            any(self.pairs(r, w, near) for r in refs) for w in words
        )


def _date_right(predicted: str | None, gold: str) -> bool:
    return bool(predicted) and (predicted == gold or (predicted or "").startswith(gold))


def score(gold: GoldText, analysis: Analysis, scores: EventScores) -> None:
    scores.texts += 1
    scores.gold += len(gold.events)
    predicted = list(analysis.events)
    scores.predicted += len(predicted)
    matcher = _Matcher(analysis)
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for same_type in (True, False):
        for gi, g in enumerate(gold.events):
            if gi in pairs:
                continue
            for pi, p in enumerate(predicted):
                if pi in taken or not (p.trigger.start < g.end and g.start < p.trigger.end):
                    continue
                if same_type and p.event != g.event:
                    continue
                pairs[gi] = pi
                taken.add(pi)
                break
    right_events: set[int] = set()
    for gi, g in enumerate(gold.events):
        if gi not in pairs:
            scores.tally(g.event, 2)
            scores.mistakes[(g.trigger, g.event, "(missed)")] += 1
            continue
        p = predicted[pairs[gi]]
        scores.matched += 1
        near = p.sentence
        actor_ok = matcher.same(p.actor, g.actor, near)
        recipient_ok = matcher.same(p.recipient, g.recipient, near)
        if p.event == g.event:
            scores.type_right += 1
            scores.tally(g.event, 0)
            right_events.add(pairs[gi])
            if g.mode or p.mode:
                scores.mode_checked += 1
                scores.mode_right += p.mode == g.mode
        else:
            scores.tally(g.event, 2)
            scores.tally(p.event, 1)
            scores.mistakes[(g.trigger, g.event, p.event)] += 1
        scores.actor_right += actor_ok
        scores.recipient_right += recipient_ok
        scores.triples_right += p.event == g.event and actor_ok and recipient_ok
        scores.factuality_right += p.factuality == g.factuality
        if g.date:
            scores.date_checked += 1
            scores.date_right += _date_right(p.date, g.date)
    for pi, p in enumerate(predicted):
        if pi not in taken:
            scores.tally(p.event, 1)
            words = analysis.document.text[p.trigger.start : p.trigger.end]
            scores.mistakes[(words, "(no event)", p.event)] += 1
        if p.confidence >= 0.8:
            scores.confident += 1
            scores.confident_right += pi in right_events


def evaluate_events(paths: Sequence[str | os.PathLike[str]], options: Options | None = None) -> EventScores:
    """Score the events stage on gold files, each text with its own date as the publication date."""
    from dyad.pipeline import DEFAULT_STAGES, Pipeline

    options = options or Options()
    pipeline = Pipeline(DEFAULT_STAGES)
    scores = EventScores()
    for path in paths:
        for gold in read_gold(path):
            opts = options.with_(date=gold.date)
            document = make_document(gold.text, gold.where, opts, layout="\n" in gold.text.strip())
            score(gold, pipeline(document, opts), scores)
    return scores
