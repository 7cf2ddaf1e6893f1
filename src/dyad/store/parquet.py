"""The store's tables as partitioned Parquet, for tools that read a dataset folder (dask, Spark, pandas, DuckDB).

``write_parquet`` writes one folder per table, hive-partitioned by the year of the document's date
(``TABLE/doc_year=2024/*.parquet``; ``doc_year=__HIVE_DEFAULT_PARTITION__`` for undated documents), with the
same columns as the store (JSON columns as JSON strings). The folder mirrors the store: it is written anew from
the store's tables, next to the old one, and swapped in whole when complete, so it never holds a partial or a
doubled copy, however the ingest before it was interrupted. A ``_dyad.json`` file marks it as dyad's; a folder
without one is never overwritten.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from pathlib import Path

from dyad import __version__
from dyad.store import SCHEMA_VERSION, Store, StoreError, columns

MARKER = "_dyad.json"
PARTITION = "doc_year"


def parquet_folder(db: str | os.PathLike[str]) -> Path:
    """The default Parquet folder of a store: beside it, named like it (``dyad.duckdb`` -> ``dyad.parquet``)."""
    path = Path(db)
    return path.with_suffix(".parquet") if path.suffix else path.with_name(path.name + ".parquet")


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def write_parquet(store: Store, folder: str | os.PathLike[str]) -> dict[str, int]:
    """Write every table of ``store`` under ``folder``, replacing what an earlier run wrote there; the rows
    written per table."""
    target = Path(folder)
    foreign = target.exists() and not (target / MARKER).exists()
    if foreign and (not target.is_dir() or any(target.iterdir())):
        raise StoreError(f"{target}: not a dyad Parquet folder (no {MARKER}); left as it is")
    target.parent.mkdir(parents=True, exist_ok=True)
    fresh = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.tmp")
    old = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.old")
    fresh.mkdir()
    counts: dict[str, int] = {}
    try:
        for table in columns():
            row = store.con.execute(f"SELECT count(*) FROM {table}").fetchone()
            counts[table] = int(row[0]) if row else 0
            (fresh / table).mkdir()
            store.con.execute(
                f"COPY (SELECT t.*, year(try_cast(d.date AS DATE)) AS {PARTITION} FROM {table} AS t "
                f"LEFT JOIN (SELECT doc_id, date FROM documents) AS d ON t.doc_id = d.doc_id) "
                f"TO {_literal(fresh / table)} "
                f"(FORMAT parquet, PARTITION_BY ({PARTITION}), OVERWRITE_OR_IGNORE, FILENAME_PATTERN 'part-{{i}}')"
            )
        marker = {
            "dyad_version": __version__,
            "schema_version": SCHEMA_VERSION,
            "partitioned_by": PARTITION,
            "rows": counts,
        }
        (fresh / MARKER).write_text(json.dumps(marker, indent=1) + "\n", encoding="utf-8")
        if target.exists():
            target.rename(old)
        fresh.rename(target)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        if old.exists() and not target.exists():
            old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)
    return counts
