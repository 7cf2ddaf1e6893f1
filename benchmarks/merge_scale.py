"""Cross-article merging on a large store: ``dyad merge`` over generated articles and events.

    .venv/bin/python -m benchmarks.merge_scale [--events 1000000] [--keep FILE]

A store made by dyad is filled by DuckDB itself (as in ``benchmarks.query_latency``) with ``--events`` events,
ten per article, and each article gets a text of 150 words drawn from a vocabulary of 5,000; one article in ten
is a reprint of the one before it with one word changed, so that the near-duplicate search has groups to find.
Then ``merge`` runs twice: the first time signs every article, the second reuses the signatures. Each run prints
its time and what it found.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.query_latency import fill
from dyad.store import Store
from dyad.store.merge import merge

TEXTS = """
    UPDATE documents SET text = (
        SELECT string_agg('w' || CAST(hash(seed || CAST(k AS VARCHAR)) % 5000 AS VARCHAR), ' ' ORDER BY k)
        FROM range(150) r(k)
    ) || CASE WHEN reprint THEN ' reprinted' ELSE '' END
    FROM (
        SELECT doc_id AS id,
            CASE WHEN row_number() OVER (ORDER BY doc_id) % 10 = 0
                THEN lag(doc_id) OVER (ORDER BY doc_id) ELSE doc_id END AS seed,
            row_number() OVER (ORDER BY doc_id) % 10 = 0 AS reprint
        FROM documents
    ) s
    WHERE documents.doc_id = s.id
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument(
        "--keep", type=Path, help="build (or reuse) the store at this path instead of a temp one"
    )
    args = parser.parse_args(argv)
    out = sys.stdout
    with tempfile.TemporaryDirectory(prefix="dyad-bench-") as folder:
        path = args.keep or Path(folder) / "merge.duckdb"
        reuse = path.exists()
        with Store(path) as store:
            if not reuse:
                start = time.perf_counter()
                fill(store, args.events)
                store.con.execute(TEXTS)
                out.write(f"generated {args.events:,} events in {time.perf_counter() - start:.1f} s\n")
            for run in ("first merge", "second merge"):
                start = time.perf_counter()
                report = merge(store)
                out.write(f"{run}: {time.perf_counter() - start:.1f} s, {report}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
