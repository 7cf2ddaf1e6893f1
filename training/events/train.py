"""Train the events stage's classifier on dyad's labelled sentences and write ``src/dyad/events/data/event_model.json``.

    .venv/bin/python training/events/train.py [--epochs 6] [--dev-share 0.15] [--seed 7]

Reads every ``*.jsonl`` here (the format of ``tests/fixtures/events/GUIDELINES.md``; the gold sets under
``tests/`` are never used). Each sentence runs through dyad's pipeline up to the places stage; every candidate
trigger the events stage would consider is an example, labelled with the type of the gold event whose trigger it
overlaps, else NONE; but a lexicon word that is not the coded event of a sentence with one is left out, as the
sets code one event per sentence and it may be an uncoded one. A multinomial logistic regression (AdaGrad, L2) is fitted on the training share. On the
development share the script then picks the two decision settings (the lexicon's weight, the threshold for verbs
the lexicon does not list), the softmax temperature, and fits the confidence calibration (isotonic) on whether the stage's events are
right, and reports what it measured.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
TARGET = ROOT / "src" / "dyad" / "events" / "data" / "event_model.json"


@dataclass
class Sentence:
    id: str
    date: str | None
    text: str
    events: list[dict[str, Any]]


def read(folder: Path) -> list[Sentence]:
    out = []
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                out.append(Sentence(record["id"], record.get("date"), record["text"], record["events"]))
    return out


def is_dev(sentence: Sentence, share: float) -> bool:
    digest = hashlib.sha1(sentence.id.encode()).digest()
    return digest[0] / 256 < share


def analyse(sentences: Sequence[Sentence]) -> list[tuple[Sentence, Any]]:
    """Each sentence through the pipeline up to the places stage."""
    from dyad import actors, parse, places, time
    from dyad.ingest import make_document
    from dyad.options import Options, parse_date
    from dyad.pipeline import Pipeline

    pipeline = Pipeline([parse.STAGE, time.STAGE, actors.STAGE, places.STAGE])
    out = []
    for n, s in enumerate(sentences, start=1):
        options = Options().with_(date=parse_date(s.date) if s.date else None)
        document = make_document(s.text, s.id, options, layout=False)
        out.append((s, pipeline(document, options)))
        if n % 500 == 0:
            sys.stderr.write(f"  analysed {n}/{len(sentences)}\n")
    return out


def examples(analysed: Sequence[tuple[Sentence, Any]]) -> list[tuple[list[str], str, Any]]:
    """(features, label, candidate) for every candidate trigger."""
    from dyad.events import extract
    from dyad.events.classify import features
    from dyad.events.detect import candidates
    from dyad.knowledge.events import knowledge
    from dyad.options import Options

    kb = knowledge()
    out = []
    for sentence, analysis in analysed:
        extractor = extract.Extractor(kb, analysis, Options())
        doc = analysis.parse
        for cand in candidates(doc, 0, len(doc), kb):
            first, last = doc[cand.trigger[0]], doc[cand.trigger[1] - 1]
            start, end = first.idx, last.idx + len(last.text)
            label = "NONE"
            for event in sentence.events:
                if event["start"] < end and start < event["end"]:
                    label = event["event"]
                    break
            if label == "NONE" and sentence.events and cand.rows:
                # The training sets code the main event of a sentence; another event word in it may be an
                # uncoded event ("said after talks with ..."), so it is no evidence of "no event".
                continue
            out.append((features(cand, extractor.args), label, cand))
    return out


def train(data: Sequence[tuple[list[str], str, Any]], labels: Sequence[str], epochs: int, seed: int) -> Any:
    from dyad.events.classify import Model

    index = {label: i for i, label in enumerate(labels)}
    k = len(labels)
    weights: dict[str, list[float]] = {}
    squares: dict[str, list[float]] = {}
    bias = [0.0] * k
    bias_sq = [1e-8] * k
    rate, l2 = 0.3, 1e-3
    order = list(range(len(data)))
    rng = random.Random(seed)
    for epoch in range(epochs):
        rng.shuffle(order)
        loss = 0.0
        for n in order:
            feats, label, _ = data[n]
            scores = list(bias)
            for f in feats:
                w = weights.get(f)
                if w is not None:
                    for i in range(k):
                        scores[i] += w[i]
            top = max(scores)
            exp = [math.exp(s - top) for s in scores]
            norm = sum(exp)
            probs = [e / norm for e in exp]
            gold = index[label]
            loss -= math.log(max(probs[gold], 1e-12))
            grad = [p - (1.0 if i == gold else 0.0) for i, p in enumerate(probs)]
            for i in range(k):
                bias_sq[i] += grad[i] ** 2
                bias[i] -= rate * grad[i] / math.sqrt(bias_sq[i])
            for f in feats:
                w = weights.setdefault(f, [0.0] * k)
                sq = squares.setdefault(f, [1e-8] * k)
                for i in range(k):
                    g = grad[i] + l2 * w[i]
                    sq[i] += g * g
                    w[i] -= rate * g / math.sqrt(sq[i])
        sys.stderr.write(f"  epoch {epoch + 1}: mean loss {loss / len(data):.4f}\n")
    weights = {f: w for f, w in weights.items() if max(abs(v) for v in w) >= 0.01}
    return Model(tuple(labels), weights, bias)


def temperature(model: Any, data: Sequence[tuple[list[str], str, Any]]) -> float:
    """The softmax temperature that gives the development examples the lowest log-loss."""
    best = (math.inf, 1.0)
    for t in (1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0):
        model.temperature = t
        loss = -sum(math.log(max(model.probabilities(f)[label], 1e-12)) for f, label, _ in data) / len(data)
        best = min(best, (loss, t))
    return best[1]


def isotonic(points: Sequence[tuple[float, bool]], bins: int = 12) -> list[tuple[float, float]]:
    """Pool-adjacent-violators on (raw probability, right) pairs, summarised as a few knots."""
    pairs = sorted(points)
    blocks: list[list[float]] = []  # [sum_x, sum_y, count]
    for x, y in pairs:
        blocks.append([x, float(y), 1.0])
        while len(blocks) > 1 and blocks[-2][1] / blocks[-2][2] > blocks[-1][1] / blocks[-1][2]:
            b = blocks.pop()
            blocks[-1] = [blocks[-1][0] + b[0], blocks[-1][1] + b[1], blocks[-1][2] + b[2]]
    knots = [(b[0] / b[2], b[1] / b[2]) for b in blocks]
    if len(knots) > bins:
        step = len(knots) / bins
        knots = [knots[int(i * step)] for i in range(bins)] + [knots[-1]]
    return [(round(x, 4), round(y, 4)) for x, y in knots]


def measure(analysed: Sequence[tuple[Sentence, Any]]) -> tuple[dict[str, float], list[tuple[float, bool]]]:
    """Run the events stage on analysed sentences; detection scores and (confidence, right) pairs."""
    from dyad.events import extract
    from dyad.knowledge.events import knowledge
    from dyad.options import Options

    kb = knowledge()
    gold = predicted = matched = typed = 0
    pairs: list[tuple[float, bool]] = []
    for sentence, analysis in analysed:
        events = extract.Extractor(kb, analysis, Options()).events()
        gold += len(sentence.events)
        predicted += len(events)
        used: set[int] = set()
        for event in events:
            right = False
            for gi, g in enumerate(sentence.events):
                if gi not in used and event.trigger.start < g["end"] and g["start"] < event.trigger.end:
                    used.add(gi)
                    matched += 1
                    right = event.event == g["event"]
                    typed += right
                    break
            pairs.append((event.confidence, right))
    precision = matched / predicted if predicted else 0.0
    recall = matched / gold if gold else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "extra": (predicted - matched) / gold if gold else 0.0,
        "type_accuracy": typed / matched if matched else 0.0,
        "right_per_gold": typed / gold if gold else 0.0,
    }, pairs


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--dev-share", type=float, default=0.15)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)

    from dyad.events import classify
    from dyad.knowledge.events import EVENTS

    sentences = read(Path(__file__).resolve().parent)
    dev = [s for s in sentences if is_dev(s, args.dev_share)]
    train_set = [s for s in sentences if not is_dev(s, args.dev_share)]
    sys.stderr.write(f"{len(train_set)} training and {len(dev)} development sentences\n")
    classify.install(None)  # candidates and features must not depend on an earlier model
    analysed_train, analysed_dev = analyse(train_set), analyse(dev)
    data = examples(analysed_train)
    labels = ("NONE", *EVENTS)
    sys.stderr.write(
        f"{len(data)} candidates; labels {Counter(label for _, label, _ in data).most_common()}\n"
    )
    model = train(data, labels, args.epochs, args.seed)
    dev_data = examples(analysed_dev)
    model.temperature = temperature(model, dev_data)
    sys.stderr.write(f"  temperature {model.temperature}\n")
    classify.uninstall()

    best: tuple[float, float, float] | None = None
    for weight in (0.3, 0.4, 0.5, 0.6):
        for threshold in (0.85, 0.9, 0.95, 1.01):
            model.lexicon_weight, model.unlisted_threshold = weight, threshold
            classify.install(model)
            scores, _ = measure(analysed_dev)
            classify.uninstall()
            # Right events per gold event, with extra events counting against.
            value = scores["right_per_gold"] - 0.5 * scores["extra"]
            sys.stderr.write(f"  weight {weight} threshold {threshold}: {json.dumps(scores)}\n")
            if best is None or value > best[0]:
                best = (value, weight, threshold)
    assert best is not None
    model.lexicon_weight, model.unlisted_threshold = best[1], best[2]
    classify.install(model)
    scores, pairs = measure(analysed_dev)
    classify.uninstall()
    calibration = isotonic(pairs)
    classify.install(model, classify.Calibration(calibration))
    calibrated, calibrated_pairs = measure(analysed_dev)
    classify.uninstall()
    confident = [right for p, right in calibrated_pairs if p >= 0.8]
    report = {
        "training_sentences": len(train_set),
        "development_sentences": len(dev),
        "candidates": len(data),
        "features": len(model.weights),
        "temperature": model.temperature,
        "lexicon_weight": model.lexicon_weight,
        "unlisted_threshold": model.unlisted_threshold,
        "development": calibrated,
        "confident_share_right": sum(confident) / len(confident) if confident else None,
        "confident_events": len(confident),
    }
    out = model.to_json()
    out["calibration"] = calibration
    out["trained_on"] = report
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(json.dumps(out, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    sys.stdout.write(json.dumps(report, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
