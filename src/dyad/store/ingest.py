"""Ingesting articles into the store: read, skip what is stored, analyse, write by the batch.

An article is known by its content hash (its ``doc_id``): one the store holds is skipped, unless ``reprocess``
asks to code it again with this dyad version, replacing its rows. Each batch is one transaction, so an ingest
stopped at any point (even by ``kill -9``) keeps every batch it committed, and a rerun finishes the rest without
duplicates.

The pipeline runs where the ``engine`` says (:mod:`dyad.store.engines`: this process, worker processes, or a
dask cluster); this process alone reads the inputs, lazily, and writes the store, batch after batch in the order
read. At most a few batches are in flight at once, so memory stays flat however many articles stream through,
and the stored records are the same whatever the engine and the number of workers.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dyad import __version__
from dyad.errors import InputError
from dyad.ingest import iter_documents
from dyad.model import Document
from dyad.options import Options
from dyad.store import Store
from dyad.store.engines import CHUNK, Coded, Dask, Engine, Local, Runner, chunks, start
from dyad.store.parquet import parquet_folder, write_parquet


@dataclass
class IngestReport:
    """What an ingest did. ``analysed`` counts the articles through the pipeline so far (they count as
    ``coded`` once their batch is stored); ``parquet`` is the Parquet folder written, if any."""

    read: int = 0
    skipped: int = 0
    coded: int = 0
    replaced: int = 0
    failed: list[InputError] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    analysed: int = 0
    workers: int = 1
    parquet: Path | None = None

    @property
    def done(self) -> int:
        """Inputs dealt with so far: analysed, skipped or unreadable."""
        return self.analysed + self.skipped + len(self.failed)


@dataclass
class _Batch:
    """A batch of articles being coded: its documents' ids and the chunks the workers return."""

    ids: list[str]
    parts: list[Callable[[], Coded]]


class _Writer:
    """Sends batches to the workers and stores them, oldest first, keeping a bounded number in flight."""

    def __init__(
        self,
        store: Store,
        runner: Runner,
        report: IngestReport,
        reprocess: bool,
        limit: int,
        notify: Callable[[IngestReport], Any],
    ) -> None:
        self.store = store
        self.runner = runner
        self.report = report
        self.reprocess = reprocess
        self.limit = limit
        self.notify = notify
        self.queue: deque[_Batch] = deque()
        self.in_flight: dict[str, int] = {}
        self.in_flight_docs = 0

    def submit(self, read: list[Document]) -> None:
        """Skip the articles stored (or on their way), send the others to the workers."""
        if not read:
            return
        known = set() if self.reprocess else self.store.stored(d.doc_id for d in read) | set(self.in_flight)
        todo: list[Document] = []
        seen: set[str] = set()
        for document in read:
            if document.doc_id in known or document.doc_id in seen:
                self.report.skipped += 1
                continue
            seen.add(document.doc_id)
            todo.append(document)
        if todo:
            parts = [self.runner.submit(chunk) for chunk in chunks(todo, self.runner.workers)]
            self.queue.append(_Batch([d.doc_id for d in todo], parts))
            for doc_id in seen:
                self.in_flight[doc_id] = self.in_flight.get(doc_id, 0) + 1
            self.in_flight_docs += len(todo)
        self.notify(self.report)
        while self.queue and self.in_flight_docs > self.limit:
            self.store_oldest()

    def store_oldest(self) -> None:
        batch = self.queue.popleft()
        coded: Coded = []
        for part in batch.parts:
            done = part()
            coded.extend(done)
            self.report.analysed += len(done)
            self.notify(self.report)
        written = self.store.write(coded, __version__)
        self.report.coded += written.documents
        self.report.replaced += written.replaced
        for table, n in (written.rows or {}).items():
            self.report.rows[table] = self.report.rows.get(table, 0) + n
        for doc_id in batch.ids:
            self.in_flight[doc_id] -= 1
            if not self.in_flight[doc_id]:
                del self.in_flight[doc_id]
        self.in_flight_docs -= len(batch.ids)
        self.notify(self.report)

    def drain(self) -> None:
        while self.queue:
            self.store_oldest()


def ingest(
    paths: Sequence[str | os.PathLike[str]],
    store: Store,
    options: Options | None = None,
    reprocess: bool = False,
    batch_size: int = 50,
    progress: Callable[[IngestReport], Any] | None = None,
    engine: Engine | None = None,
    parquet: str | os.PathLike[str] | None = None,
) -> IngestReport:
    """Ingest every article of ``paths`` into ``store``; unreadable inputs are listed in the report.

    ``engine`` says where the pipeline runs (default: :class:`~dyad.store.engines.Local`, this process).
    ``parquet`` names a folder to write the store's tables to as partitioned Parquet once the ingest is done
    (:func:`~dyad.store.parquet.write_parquet`); with the :class:`~dyad.store.engines.Dask` engine it defaults
    to the folder beside the store (:func:`~dyad.store.parquet.parquet_folder`). ``progress`` is called with the
    report as articles are dealt with.
    """
    options = options or Options()
    engine = engine or Local()
    if parquet is None and isinstance(engine, Dask):
        parquet = parquet_folder(store.path)
    report = IngestReport()

    def notify(current: IngestReport) -> None:
        if progress is not None:
            progress(current)

    with start(engine, options) as runner:
        report.workers = runner.workers
        # In this process a batch is coded when it is stored; workers keep enough queued to stay busy.
        limit = 0 if runner.workers == 1 else max(batch_size, 2 * runner.workers * CHUNK)
        writer = _Writer(store, runner, report, reprocess, limit, notify)
        pending: list[Document] = []
        for item in iter_documents([os.fspath(p) for p in paths], options):
            if isinstance(item, InputError):
                report.failed.append(item)
                notify(report)
                continue
            report.read += 1
            pending.append(item)
            if len(pending) >= batch_size:
                writer.submit(pending)
                pending = []
        writer.submit(pending)
        writer.drain()
    if parquet is not None:
        write_parquet(store, parquet)
        report.parquet = Path(parquet)
    return report
