"""Ingest at scale: articles a second and peak memory of ``dyad ingest`` on generated articles.

    .venv/bin/python -m benchmarks.ingest_scale [--articles 10000] [--small 500] [--runs local:1 local:2 dask:2]

Writes ``--articles`` synthetic articles (``benchmarks.synthetic``) to a JSON Lines file and ingests them into a
fresh store once per run (``ENGINE:WORKERS``), each in a fresh process, timing it and reading the high-water mark
of resident memory (``getrusage``) of the ingesting process and of its largest worker. Each run is repeated on
the first ``--small`` articles: memory that stays flat has the same peak for both sizes.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks import synthetic


def child(source: Path, db: Path, engine: str, workers: int) -> dict[str, Any]:
    """Ingest in this process; what it took."""
    from dyad.store import Store
    from dyad.store.engines import Dask, Local
    from dyad.store.ingest import ingest

    runner = Dask(workers=workers) if engine == "dask" else Local(workers)
    start = time.perf_counter()
    with Store(db) as store:
        report = ingest([source], store, engine=runner)
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "coded": report.coded,
        "self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "workers_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def run(source: Path, folder: Path, spec: str) -> dict[str, Any]:
    engine, _, workers = spec.partition(":")
    db = folder / f"{spec.replace(':', '-')}-{source.stem}.duckdb"
    command = [
        sys.executable,
        "-m",
        "benchmarks.ingest_scale",
        "--child",
        str(source),
        str(db),
        engine,
        workers,
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--small", type=int, default=500)
    parser.add_argument("--runs", nargs="+", default=["local:1", "local:2"], metavar="ENGINE:WORKERS")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        source, db, engine, workers = args.child
        sys.stdout.write(json.dumps(child(Path(source), Path(db), engine, int(workers))) + "\n")
        return 0
    out = sys.stdout
    with tempfile.TemporaryDirectory(prefix="dyad-bench-") as name:
        folder = Path(name)
        big = synthetic.write(folder / "big.jsonl", args.articles)
        small = synthetic.write(folder / "small.jsonl", args.small)
        words = sum(len(json.loads(line)["text"].split()) for line in big.open(encoding="utf-8"))
        out.write(f"{args.articles:,} articles ({words:,} words); memory also measured on {args.small:,}\n")
        out.write(
            f"{'run':9} {'seconds':>8} {'articles/s':>10} {'words/s':>8} {'peak MB':>8} {'worker MB':>9} "
            f"{'peak MB, small':>14} {'worker MB, small':>16}\n"
        )
        for spec in args.runs:
            large = run(big, folder, spec)
            little = run(small, folder, spec)
            workers = f"{large['workers_mb']:9.0f}" if not spec.endswith(":1") else f"{'-':>9}"
            workers_small = f"{little['workers_mb']:16.0f}" if not spec.endswith(":1") else f"{'-':>16}"
            out.write(
                f"{spec:9} {large['seconds']:8.1f} {large['coded'] / large['seconds']:10.2f} "
                f"{words / large['seconds']:8,.0f} {large['self_mb']:8.0f} {workers} "
                f"{little['self_mb']:14.0f} {workers_small}\n"
            )
            out.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
