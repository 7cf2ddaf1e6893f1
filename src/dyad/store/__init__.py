"""The corpus store: an embedded DuckDB file holding the exchange records of every ingested article.

One table per record kind (``documents``, ``actors``, ``mentions``, ``timexes``, ``places``, ``events``,
``quotes``), with the columns of the exchange format (``docs/format.md``; nested objects are JSON columns) and
the dyad version that coded each row. ``dyad_meta`` records the schema version, ``dyad_migrations`` the
migrations applied. Rows go in by the batch, through DuckDB's bulk JSON reader, one transaction a batch.

DuckDB lets one process write a file at a time: a second writer, or a reader while a writer holds the file, gets
:class:`StoreBusyError`; a file that is not a DuckDB database, or not a dyad store, gets :class:`StoreError`.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import duckdb

from dyad.errors import DyadError
from dyad.serialize import schema
from dyad.store import dyads
from dyad.store.merge import create_tables as create_merge_tables
from dyad.store.search import INDEX_TABLES, create_index, index_documents

if TYPE_CHECKING:
    import pandas as pd

    from dyad.store.export import ExportReport
    from dyad.store.merge import MergeOptions, MergeReport
    from dyad.store.query import ActorProfile, Filters

SCHEMA_VERSION = 5
TABLES = {
    "document": "documents",
    "actor": "actors",
    "timex": "timexes",
    "place": "places",
    "event": "events",
    "quote": "quotes",
}
_MENTION_COLUMNS = {"doc_id": "VARCHAR", "actor_id": "VARCHAR", "start": "BIGINT", "end": "BIGINT"}


class StoreError(DyadError):
    """A store file that cannot be opened or used."""


class StoreBusyError(StoreError):
    """The store is held by another process that writes to it."""


def _duck_type(spec: dict[str, Any]) -> str:
    """The DuckDB column type of a property of the record schema: scalars as they are, the rest JSON."""
    if "const" in spec or "enum" in spec:
        values = spec.get("enum", [spec.get("const")])
        python_types = {type(v) for v in values if v is not None}
        return "BIGINT" if python_types == {int} else "VARCHAR"
    kind = spec.get("type")
    kinds = [kind] if isinstance(kind, str) else [k for k in (kind or []) if k != "null"]
    if len(kinds) != 1:
        return "JSON"
    scalar = {"string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE", "boolean": "BOOLEAN"}
    return scalar.get(kinds[0], "JSON")


def columns() -> dict[str, dict[str, str]]:
    """Table name -> column -> DuckDB type, from the shipped record schema."""
    defs = schema()["$defs"]
    out: dict[str, dict[str, str]] = {}
    for kind, table in TABLES.items():
        props = defs[f"{kind}_record"]["properties"]
        cols = {name: _duck_type(spec) for name, spec in props.items()}
        if kind == "document":
            cols["text"] = "VARCHAR"
        cols["dyad_version"] = "VARCHAR"
        out[table] = cols
    out["mentions"] = {**_MENTION_COLUMNS, "dyad_version": "VARCHAR"}
    out["dyads"] = {**dyads.COLUMNS, "dyad_version": "VARCHAR"}
    return out


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# Each migration takes the store from the version before it to its own.
MIGRATIONS: tuple[tuple[int, str], ...] = (
    (1, "tables of the exchange format, v1"),
    (2, "full-text index: terms and doc_lengths, filled for the documents stored"),
    (3, "events.mentions: the further mentions of an event in its article"),
    (4, "cross-article merging: article_signatures, article_links, event_clusters, event_cluster_members"),
    (5, "dyads: one typed row per actor and recipient of an event, filled for the events stored"),
)


def _migrate_to(con: Any, version: int) -> None:
    if version == 1:
        for table, cols in columns().items():
            body = ", ".join(f"{_quote(c)} {t}" for c, t in cols.items())
            con.execute(f"CREATE TABLE IF NOT EXISTS {table} ({body})")
    elif version == 2:
        create_index(con)
    elif version == 3:
        _add_missing_columns(con)
    elif version == 4:
        create_merge_tables(con)
    elif version == 5:
        body = ", ".join(f"{_quote(c)} {t}" for c, t in columns()["dyads"].items())
        con.execute(f"CREATE TABLE IF NOT EXISTS dyads ({body})")
        con.execute("DELETE FROM dyads")
        dyads.fill(con)


def _add_missing_columns(con: Any) -> None:
    """Columns the record schema has gained since a table was made, added empty (NULL) to it."""
    tables = {row[0] for row in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    for table, cols in columns().items():
        if table not in tables:
            continue  # made, with all its columns, by the migration that brings it
        have = {row[0] for row in con.execute(f"DESCRIBE {table}").fetchall()}
        for name, kind in cols.items():
            if name not in have:
                con.execute(f"ALTER TABLE {table} ADD COLUMN {_quote(name)} {kind}")


@dataclass
class WriteReport:
    """What one batch added."""

    documents: int = 0
    replaced: int = 0
    rows: dict[str, int] | None = None


class Store:
    """A DuckDB store file."""

    def __init__(self, path: str | os.PathLike[str], read_only: bool = False) -> None:
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no such store (create one with `dyad ingest`)")
        self.con = self._connect(read_only)
        self.read_only = read_only
        if not read_only:
            self.migrate()
        else:
            self._check()
            if self.version() < SCHEMA_VERSION:
                # An older store opened to read is migrated first, like one opened to write, then read.
                self.con.close()
                Store(self.path).close()
                self.con = self._connect(read_only=True)

    def _connect(self, read_only: bool) -> duckdb.DuckDBPyConnection:
        try:
            return duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.IOException as exc:
            message = str(exc)
            if "lock" in message.lower():
                raise StoreBusyError(
                    f"{self.path}: the store is busy: another dyad process is writing to it; try again when it ends"
                ) from exc
            raise StoreError(f"{self.path}: not a DuckDB database file ({message.splitlines()[0]})") from exc
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open the store ({str(exc).splitlines()[0]})") from exc

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Schema -------------------------------------------------------------------------------------------
    def _tables(self) -> set[str]:
        return {
            row[0] for row in self.con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        }

    def _check(self) -> None:
        tables = self._tables()
        if tables and "dyad_meta" not in tables:
            raise StoreError(f"{self.path}: a DuckDB database, but not a dyad store (no dyad_meta table)")
        if not tables:
            raise StoreError(f"{self.path}: an empty database, not a dyad store")
        version = self.version()
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: store schema {version} is newer than this dyad knows ({SCHEMA_VERSION})"
            )

    def version(self) -> int:
        row = self.con.execute("SELECT value FROM dyad_meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def migrate(self) -> None:
        """Create the tables, or bring an older store up to this version, recording each migration."""
        tables = self._tables()
        if tables and "dyad_meta" not in tables:
            raise StoreError(f"{self.path}: a DuckDB database, but not a dyad store (no dyad_meta table)")
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute("CREATE TABLE IF NOT EXISTS dyad_meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
            self.con.execute(
                "CREATE TABLE IF NOT EXISTS dyad_migrations "
                "(version INTEGER, description VARCHAR, applied_at TIMESTAMP DEFAULT current_timestamp)"
            )
            current = self.version()
            if current > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path}: store schema {current} is newer than this dyad knows ({SCHEMA_VERSION})"
                )
            for version, description in MIGRATIONS:
                if version > current:
                    _migrate_to(self.con, version)
                    self.con.execute(
                        "INSERT INTO dyad_migrations (version, description) VALUES (?, ?)",
                        [version, description],
                    )
            self.con.execute(
                "INSERT OR REPLACE INTO dyad_meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)]
            )
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    # Writing ------------------------------------------------------------------------------------------
    def stored(self, doc_ids: Iterable[str]) -> set[str]:
        """Which of ``doc_ids`` the store already holds."""
        ids = list(dict.fromkeys(doc_ids))
        if not ids:
            return set()
        rows = self.con.execute(
            "SELECT doc_id FROM documents WHERE list_contains(?, doc_id)", [ids]
        ).fetchall()
        return {r[0] for r in rows}

    def write(self, batch: Sequence[Sequence[dict[str, Any]]], version: str) -> WriteReport:
        """Store the records of a batch of documents (each a list of exchange records) in one transaction,
        replacing what the store held for the same documents."""
        cols = columns()
        rows: dict[str, list[dict[str, Any]]] = {table: [] for table in cols}
        doc_ids: list[str] = []
        for records in batch:
            document_dates = {r["doc_id"]: r.get("date") for r in records if r["kind"] == "document"}
            for record in records:
                table = TABLES[record["kind"]]
                row = {c: record.get(c) for c in cols[table] if c != "dyad_version"}
                row["dyad_version"] = version
                rows[table].append(row)
                if record["kind"] == "document":
                    doc_ids.append(record["doc_id"])
                if record["kind"] == "event":
                    for dyad in dyads.rows(record, document_dates.get(record["doc_id"])):
                        rows["dyads"].append({**dyad, "dyad_version": version})
                if record["kind"] == "actor":
                    for mention in record.get("mentions") or ():
                        rows["mentions"].append(
                            {
                                "doc_id": record["doc_id"],
                                "actor_id": record["actor_id"],
                                "start": mention["start"],
                                "end": mention["end"],
                                "dyad_version": version,
                            }
                        )
        report = WriteReport(rows={t: len(r) for t, r in rows.items()})
        with tempfile.TemporaryDirectory(prefix="dyad-batch-") as folder:
            files = {}
            for table, table_rows in rows.items():
                if not table_rows:
                    continue
                path = Path(folder) / f"{table}.jsonl"
                with path.open("w", encoding="utf-8") as handle:
                    for row in table_rows:
                        handle.write(json.dumps(row, ensure_ascii=False))
                        handle.write("\n")
                files[table] = path
            self.con.execute("BEGIN TRANSACTION")
            try:
                existing = self.stored(doc_ids)
                report.replaced = len(existing)
                if existing:
                    for table in [*cols, *INDEX_TABLES]:
                        self.con.execute(
                            f"DELETE FROM {table} WHERE list_contains(?, doc_id)", [sorted(existing)]
                        )
                for table, path in files.items():
                    spec = ", ".join(f"{json.dumps(c)}: '{t}'" for c, t in cols[table].items())
                    names = ", ".join(_quote(c) for c in cols[table])
                    self.con.execute(
                        f"INSERT INTO {table} ({names}) SELECT {names} FROM read_json(?, columns = {{{spec}}}, "
                        "format = 'newline_delimited', maximum_object_size = 268435456)",
                        [str(path)],
                    )
                index_documents(self.con, [(row["doc_id"], row.get("text")) for row in rows["documents"]])
                self.con.execute("COMMIT")
            except BaseException:
                self.con.execute("ROLLBACK")
                raise
        report.documents = len(doc_ids)
        return report

    # Reading ------------------------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        """Rows per table."""
        out = {}
        for table in columns():
            row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
            out[table] = int(row[0]) if row else 0
        return out

    def query(
        self, sql: str, parameters: Sequence[Any] | None = None
    ) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Run a query; its column names and rows."""
        try:
            result = self.con.execute(sql, list(parameters or []))
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: {str(exc).splitlines()[0]}") from exc
        names = [d[0] for d in (result.description or [])]
        return names, result.fetchall()

    # Queries, as pandas DataFrames (see dyad.store.query) ----------------------------------------------
    def events(self, filters: Filters | None = None, **given: Any) -> pd.DataFrame:
        """The events that pass the filters (``Filters`` or its fields by name: ``actor="RUS"``, ``type="ASSAULT"``,
        ``since="2025-04"`` ...)."""
        from dyad.store import query

        return query.events(self, query.filters(filters, **given))

    def quotes(self, filters: Filters | None = None, **given: Any) -> pd.DataFrame:
        """The quotes that pass the filters (``actor`` is the speaker)."""
        from dyad.store import query

        return query.quotes(self, query.filters(filters, **given))

    def actors(self, filters: Filters | None = None, **given: Any) -> pd.DataFrame:
        """The actors, one row per actor id, with their counts of articles, mentions, events and quotes."""
        from dyad.store import query

        return query.actors(self, query.filters(filters, **given))

    def actor(self, name: str) -> ActorProfile:
        """The records, dated roles, events by type and quotes of the actors named ``name``."""
        from dyad.store import query

        return query.actor(self, name)

    def relation(
        self,
        a: str,
        b: str,
        by: str = "month",
        directed: bool = False,
        filters: Filters | None = None,
        **given: Any,
    ) -> pd.DataFrame:
        """The events between ``a`` and ``b`` per period: counts and summed event_scale."""
        from dyad.store import query

        return query.relation(self, a, b, by=by, directed=directed, f=query.filters(filters, **given))

    def export(
        self, fmt: str, out: str | os.PathLike[str] | IO[str], filters: Filters | None = None, **given: Any
    ) -> ExportReport:
        """Export the store, or the events that pass the filters, as ``parquet``, ``csv`` (a folder of one file a
        table), ``jsonl``, ``plover``, ``gdelt`` or ``graphml`` (a file or an open text handle)."""
        from dyad.store import export, query

        return export.export(self, fmt, out, query.filters(filters, **given))

    def search(self, text: str, limit: int = 10) -> pd.DataFrame:
        """The articles that best match ``text`` (BM25), with a snippet and its offsets."""
        from dyad.store import query

        return query.search(self, text, limit=limit)

    # Cross-article merging (see dyad.store.merge) --------------------------------------------------------
    def merge(self, options: MergeOptions | None = None) -> MergeReport:
        """Link the near-duplicate articles and gather the reports of each event into clusters, for the whole
        store, in one transaction."""
        from dyad.store import merge

        return merge.merge(self, options)

    def clusters(self, filters: Filters | None = None, **given: Any) -> pd.DataFrame:
        """The event clusters (as of the last merge) that pass the event filters, one row each."""
        from dyad.store import query

        return query.clusters(self, query.filters(filters, **given))

    def cluster(self, cluster_id: str) -> pd.DataFrame:
        """The event records of one cluster, as :meth:`events` gives them, with their evidence sentences."""
        from dyad.store import query

        return query.cluster(self, cluster_id)


@contextmanager
def opened(path: str | os.PathLike[str], read_only: bool = False) -> Iterator[Store]:
    store = Store(path, read_only=read_only)
    try:
        yield store
    finally:
        store.close()
