"""How much each pipeline stage adds to the spaCy parse, as a ratio measured in one run.

    .venv/bin/python -m benchmarks.stage_cost [--corpus DIR] [--repeat 3]

The corpus is the bundled samples plus, when present, the TimeBank+AQUAINT texts under
``../shared/dev-data/timebank`` (read at run time, for measuring only). Each stage is timed on the same
documents in the same process as the parse, so machine load cancels out of the ratios.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from dyad.eval.timeml import iter_timeml
from dyad.ingest import iter_documents, make_document
from dyad.model import Analysis, Document
from dyad.options import Options
from dyad.pipeline import DEFAULT_STAGES

ROOT = Path(__file__).resolve().parents[1]
TIMEBANK = ROOT.parent / "shared" / "dev-data" / "timebank"


def corpus(extra: Path | None) -> Iterator[tuple[Document, Options]]:
    for item in iter_documents([ROOT / "examples"]):
        if isinstance(item, Document):
            yield item, Options()
    folder = extra or (TIMEBANK if TIMEBANK.exists() else None)
    if folder is not None:
        for gold in iter_timeml([folder]):
            if not isinstance(gold, Exception):
                options = Options(date=gold.dct)
                yield make_document(gold.text, gold.where, options, layout=False), options


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, help="a folder of TimeML files to add to the samples")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    docs = list(corpus(args.corpus))
    chars = sum(d.n_chars for d, _ in docs)
    totals = {stage.name: 0.0 for stage in DEFAULT_STAGES}
    for _ in range(args.repeat):
        for document, options in docs:
            analysis = Analysis(document=document)
            for stage in DEFAULT_STAGES:
                start = time.perf_counter()
                analysis = stage.run(analysis, options)
                totals[stage.name] += time.perf_counter() - start
                analysis = replace(analysis, layers=analysis.layers | stage.assigns)
    parse = totals["nlp"]
    sys.stdout.write(f"{len(docs)} documents, {chars:,} characters, {args.repeat} runs\n")
    sys.stdout.write(f"{'stage':10} {'seconds':>9} {'vs parse':>9}\n")
    for name, seconds in totals.items():
        sys.stdout.write(f"{name:10} {seconds:9.2f} {seconds / parse:9.1%}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
