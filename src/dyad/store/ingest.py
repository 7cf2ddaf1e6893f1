"""Ingesting articles into the store: read, skip what is stored, analyse, write by the batch.

An article is known by its content hash (its ``doc_id``): one the store holds is skipped, unless ``reprocess``
asks to code it again with this dyad version, replacing its rows. Each batch is one transaction, so an ingest
stopped at any point (even by ``kill -9``) keeps every batch it committed, and a rerun finishes the rest without
duplicates.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from dyad import __version__
from dyad.errors import InputError
from dyad.ingest import iter_documents
from dyad.model import Document
from dyad.options import Options
from dyad.pipeline import Pipeline
from dyad.serialize import records
from dyad.store import Store


@dataclass
class IngestReport:
    """What an ingest did."""

    read: int = 0
    skipped: int = 0
    coded: int = 0
    replaced: int = 0
    failed: list[InputError] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)


def ingest(
    paths: Sequence[str | os.PathLike[str]],
    store: Store,
    options: Options | None = None,
    reprocess: bool = False,
    batch_size: int = 50,
    progress: Callable[[IngestReport], Any] | None = None,
) -> IngestReport:
    """Ingest every article of ``paths`` into ``store``; unreadable inputs are listed in the report."""
    options = options or Options()
    pipeline = Pipeline()
    report = IngestReport()
    pending: list[Document] = []

    def flush() -> None:
        if not pending:
            return
        known = set() if reprocess else store.stored(d.doc_id for d in pending)
        todo = []
        seen: set[str] = set()
        for document in pending:
            if document.doc_id in known or document.doc_id in seen:
                report.skipped += 1
                continue
            seen.add(document.doc_id)
            todo.append(document)
        batch = [list(records(pipeline(d, options), include_text=True)) for d in todo]
        if batch:
            written = store.write(batch, __version__)
            report.coded += written.documents
            report.replaced += written.replaced
            for table, n in (written.rows or {}).items():
                report.rows[table] = report.rows.get(table, 0) + n
        pending.clear()
        if progress is not None:
            progress(report)

    for item in iter_documents([os.fspath(p) for p in paths], options):
        if isinstance(item, InputError):
            report.failed.append(item)
            continue
        report.read += 1
        pending.append(item)
        if len(pending) >= batch_size:
            flush()
    flush()
    return report
