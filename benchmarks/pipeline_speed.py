"""End-to-end words per second of dyad against spaCy's own ``nlp.pipe`` on the same texts, in the same run.

    .venv/bin/python -m benchmarks.pipeline_speed [--articles 300] [--corpus FILE.jsonl]

The texts are synthetic articles (``benchmarks.synthetic``) or a JSON Lines file of your own. Three timings, one
process each way, after a warm-up that loads the spaCy pipeline and dyad's knowledge:

- ``spacy``: ``nlp.pipe`` over the article texts with the same spaCy pipeline dyad loads;
- ``dyad pipeline``: reading the JSON Lines file, the whole pipeline and the serialisation of the records;
- ``dyad ingest``: the same, plus the writes of the records (and the search index) to a fresh DuckDB store.

The three are timed in turn, for a few rounds, and the best time of each counts, so that the load of other
processes on the machine weighs least. Words are the white-space separated words of the texts, the same count for each, so the ratio of rates is the
ratio of times. The target of the corpus issue is dyad at 0.6x spaCy or better.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import synthetic
from dyad.ingest import iter_documents
from dyad.model import Document
from dyad.nlp import load_pipeline
from dyad.options import Options
from dyad.pipeline import Pipeline
from dyad.serialize import records
from dyad.store import Store
from dyad.store.ingest import ingest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300, help="synthetic articles to generate")
    parser.add_argument("--corpus", type=Path, help="a JSON Lines file of articles instead")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of the three timings; the best counts")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="dyad-bench-") as folder:
        source = args.corpus or synthetic.write(Path(folder) / "articles.jsonl", args.articles)
        texts = [json.loads(line)["text"] for line in source.read_text(encoding="utf-8").splitlines() if line]
        words = sum(len(t.split()) for t in texts)
        options = Options()
        nlp = load_pipeline(options.model_candidates())
        pipeline = Pipeline()
        warm = [d for d in iter_documents([source], options) if isinstance(d, Document)][:5]
        for document in warm:
            list(records(pipeline(document, options), include_text=True))
        list(nlp.pipe(texts[:5]))

        def spacy_seconds() -> float:
            start = time.perf_counter()
            for _ in nlp.pipe(texts):
                pass
            return time.perf_counter() - start

        def pipeline_seconds() -> float:
            start = time.perf_counter()
            for item in iter_documents([source], options):
                if isinstance(item, Document):
                    list(records(pipeline(item, options), include_text=True))
            return time.perf_counter() - start

        def ingest_seconds(run: int) -> float:
            start = time.perf_counter()
            with Store(Path(folder) / f"bench{run}.duckdb") as store:
                ingest([source], store, options)
            return time.perf_counter() - start

        times: dict[str, list[float]] = {"spacy nlp.pipe": [], "dyad pipeline": [], "dyad ingest": []}
        for run in range(args.repeat):
            times["spacy nlp.pipe"].append(spacy_seconds())
            times["dyad pipeline"].append(pipeline_seconds())
            times["dyad ingest"].append(ingest_seconds(run))
    best = {name: min(seconds) for name, seconds in times.items()}
    spacy = best["spacy nlp.pipe"]
    out = sys.stdout
    out.write(f"{len(texts)} articles, {words:,} words, {args.repeat} rounds (best of each)\n")
    out.write(f"{'run':16} {'seconds':>8} {'words/s':>9} {'vs spaCy':>9}  all rounds\n")
    for name, seconds in best.items():
        rounds = " ".join(f"{s:.2f}" for s in times[name])
        out.write(f"{name:16} {seconds:8.2f} {words / seconds:9,.0f} {spacy / seconds:8.2f}x  {rounds}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
