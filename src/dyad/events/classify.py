"""The statistical side of event detection: a linear model over cheap features of a trigger and its clause that
gives a probability to each PLOVER type and to "no event".

The model is trained by ``training/events/train.py`` on dyad's own labelled sentences and shipped as
``data/event_model.json``; it decides where the lexicon is unsure (a low prior, or several rows) and may code a
verb the lexicon does not list when it is very sure. Without the file the stage codes from the lexicon alone.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from dyad.knowledge.events import Predicate

# Defaults of the two settings a model file may override (see ``Model``).
UNLISTED_THRESHOLD = 0.8
LEXICON_WEIGHT = 0.5
# How much the lexicon weighs for a trigger word the model never saw in training: its say there rests only on
# the words around, so the lexicon's row (written for that word) leads.
UNSEEN_LEXICON_WEIGHT = 0.8
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "and",
        "or",
        "but",
        "with",
        "by",
        "from",
        "as",
        "that",
        "this",
        "these",
        "those",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "it",
        "its",
        "their",
        "his",
        "her",
        "they",
        "he",
        "she",
        "we",
        "i",
        "you",
        "which",
        "who",
        "whom",
        "said",
        "says",
        "will",
        "would",
    ]
)


def features(candidate: Any, args: Any = None) -> list[str]:
    """The features of a candidate trigger: its lemma and part of speech, its object, prepositions, particle,
    complement, governor, the kinds of its subject and object, the lexicon's say, and nearby words."""
    head = candidate.head
    key = candidate.key_token
    lemma = candidate.lemma
    out = [f"L={lemma}", f"P={candidate.pos}", f"LP={lemma}|{candidate.pos}", f"D={key.dep_}"]
    if candidate.light is not None:
        out.append(f"LV={str(head.lemma_).lower()}")
        out.append(f"LVN={str(head.lemma_).lower()}|{lemma}")
    for child in head.children:
        dep = child.dep_
        word = str(child.lemma_).lower()
        if dep in ("dobj", "obj") and (candidate.light is None or child.i != candidate.light.i):
            out += [f"O={word}", f"LO={lemma}|{word}"]
        elif dep in ("prep", "agent", "dative"):
            out += [f"PR={word}", f"LPR={lemma}|{word}"]
            pobj = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                out.append(f"PO={word}|{str(pobj.lemma_).lower()}")
        elif dep == "prt":
            out += [f"PRT={lemma}|{word}"]
        elif dep in ("xcomp", "ccomp"):
            out += [f"X={dep}|{word}", f"LX={lemma}|{word}"]
        elif dep in ("neg",):
            out.append("NEG")
        elif dep in ("aux",) and word in ("will", "would", "could", "may", "might", "should", "to"):
            out.append(f"AUX={word}")
        elif dep in ("nsubj", "nsubjpass"):
            out.append(f"S={child.ent_type_ or child.pos_}")
            out.append(f"SW={word}")
            if dep == "nsubjpass":
                out.append("PASSIVE")
    if key.i != head.i:
        for child in key.children:
            if child.dep_ == "prep":
                out.append(f"NPR={lemma}|{child.lower_}")
            if child.dep_ in ("amod", "compound"):
                out.append(f"NM={str(child.lemma_).lower()}")
    if head.head.i != head.i:
        out.append(f"H={str(head.head.lemma_).lower()}|{head.dep_}")
    for row in candidate.rows[:3]:
        out.append(f"R={row.event}")
        out.append(f"RP={row.event}|{round(row.prior, 1)}")
    if not candidate.rows:
        out.append("R=NONE")
    if args is not None:
        subject = args.slot(head, "subj", "verb" if candidate.pos == "verb" or candidate.light else "noun")
        if subject is not None:
            actors = args.actors_of(subject)
            generic = None if actors else args.generic_of(subject)  # "the rebels", "protesters"
            out.append(f"SA={actors[0].type if actors else (generic.type if generic else 'none')}")
    sent = key.sent
    for token in sent:
        if abs(token.i - key.i) <= 6 and token.i != key.i and token.is_alpha:
            word = str(token.lemma_).lower()
            if word not in _STOP:
                out.append(f"W={word}")
    return out


@dataclass
class Model:
    """A multinomial logistic regression over string features.

    ``lexicon_weight`` is how much the lexicon's prior weighs against the model where both speak;
    ``unlisted_threshold`` how sure the model must be to code a verb the lexicon does not list.
    """

    labels: tuple[str, ...]
    weights: dict[str, list[float]]
    bias: list[float]
    temperature: float = 1.0
    lexicon_weight: float = LEXICON_WEIGHT
    unlisted_threshold: float = UNLISTED_THRESHOLD

    def scores(self, feats: Sequence[str]) -> list[float]:
        total = list(self.bias)
        for f in feats:
            w = self.weights.get(f)
            if w is not None:
                for i, v in enumerate(w):
                    total[i] += v
        return total

    def probabilities(self, feats: Sequence[str]) -> dict[str, float]:
        raw = [s / self.temperature for s in self.scores(feats)]
        top = max(raw)
        exp = [math.exp(s - top) for s in raw]
        norm = sum(exp)
        return {label: e / norm for label, e in zip(self.labels, exp, strict=True)}

    def predict(self, candidate: Any, args: Any = None) -> dict[str, float]:
        return self.probabilities(features(candidate, args))

    def knows(self, candidate: Any) -> bool:
        """Whether the model saw the trigger word (with its light verb, for "perpetrated attacks") in training."""
        if candidate.light is not None:
            return f"LV={str(candidate.head.lemma_).lower()}" in self.weights
        return f"L={candidate.lemma}" in self.weights

    def to_json(self) -> dict[str, Any]:
        return {
            "labels": list(self.labels),
            "bias": [round(b, 4) for b in self.bias],
            "temperature": self.temperature,
            "lexicon_weight": self.lexicon_weight,
            "unlisted_threshold": self.unlisted_threshold,
            "weights": {f: [round(v, 4) for v in w] for f, w in sorted(self.weights.items())},
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Model:
        return cls(
            tuple(data["labels"]),
            {f: list(w) for f, w in data["weights"].items()},
            list(data["bias"]),
            float(data.get("temperature", 1.0)),
            float(data.get("lexicon_weight", LEXICON_WEIGHT)),
            float(data.get("unlisted_threshold", UNLISTED_THRESHOLD)),
        )


@dataclass
class Calibration:
    """A monotone map from a raw event probability to the share of such events that are right."""

    points: list[tuple[float, float]]

    def __call__(self, p: float) -> float:
        if not self.points:
            return p
        if p <= self.points[0][0]:
            return self.points[0][1]
        for (x0, y0), (x1, y1) in zip(self.points, self.points[1:], strict=False):
            if p <= x1:
                return y0 + (y1 - y0) * (p - x0) / (x1 - x0) if x1 > x0 else y1
        return self.points[-1][1]


_installed: list[tuple[Model | None, Calibration]] = []


@functools.lru_cache(maxsize=1)
def _shipped() -> tuple[Model | None, Calibration]:
    source = resources.files("dyad.events").joinpath("data/event_model.json")
    if not source.is_file():
        return None, Calibration([])
    data = json.loads(source.read_text(encoding="utf-8"))
    calibration = Calibration([(float(x), float(y)) for x, y in data.get("calibration", [])])
    return Model.from_json(data), calibration


def _load() -> tuple[Model | None, Calibration]:
    return _installed[-1] if _installed else _shipped()


def install(model: Model | None, calibration: Calibration | None = None) -> None:
    """Use ``model`` (and ``calibration``) instead of the shipped ones, for training and measuring."""
    _installed.append((model, calibration or Calibration([])))


def uninstall() -> None:
    if _installed:
        _installed.pop()


def model() -> Model | None:
    """The model in use: the shipped one unless another is installed; ``None`` when there is none."""
    return _load()[0]


def calibrate(p: float) -> float:
    """The calibrated confidence of an event whose raw probability is ``p``."""
    return max(0.0, min(1.0, _load()[1](p)))


def mix(
    row: Predicate, rows: Sequence[Predicate], probs: Mapping[str, float], weight: float = LEXICON_WEIGHT
) -> dict[str, float]:
    """The lexicon's view (its rows' events at their priors, the rest "no event") mixed with the model's."""
    lexicon: dict[str, float] = {}
    for r in rows:
        lexicon[r.event] = max(lexicon.get(r.event, 0.0), r.prior)
    total = sum(lexicon.values())
    if total > 1:
        lexicon = {k: v / total for k, v in lexicon.items()}
    lexicon["NONE"] = max(0.0, 1.0 - sum(lexicon.values()))
    out = {}
    for label, p in probs.items():
        out[label] = weight * lexicon.get(label, 0.0) + (1 - weight) * p
    return out
