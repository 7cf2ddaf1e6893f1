"""Where the pipeline runs during an ingest: in this process, in worker processes, or on a dask cluster.

An engine takes chunks of documents and gives back the exchange records of each; it never touches the store,
which the ingesting process alone writes (DuckDB lets one process write a file). Chunks are handed back in the
order they were given, so a parallel ingest writes the same batches, in the same order, as a serial one.

- :class:`Local` with ``workers=1`` runs the pipeline in this process; with more, in that many processes started
  with ``spawn`` (safe wherever Python runs), each loading the spaCy pipeline and dyad's knowledge once. A worker
  whose parent dies, even by ``kill -9``, exits at once rather than linger.
- :class:`Dask` runs it on a dask.distributed cluster, the one whose scheduler is given or a ``LocalCluster`` of
  single-threaded worker processes; it needs the ``[dask]`` extra.
"""

from __future__ import annotations

import functools
import importlib
import logging
import math
import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from dyad.errors import ConfigurationError, DyadError
from dyad.model import Document
from dyad.options import Options
from dyad.pipeline import Pipeline
from dyad.serialize import Record, records

#: The records of each document of a chunk, in the chunk's order.
Coded = list[list[Record]]
#: Documents sent to a worker at a time (fewer when a batch is small): small enough for a steady progress bar
#: and an even spread over the workers, large enough that sending them costs nothing next to coding them.
CHUNK = 8


class EngineError(DyadError):
    """The workers that run the pipeline failed: a worker died, or the cluster cannot be reached."""


@dataclass(frozen=True)
class Local:
    """Run the pipeline on this machine: in this process (``workers=1``) or in ``workers`` processes."""

    workers: int = 1

    def __post_init__(self) -> None:
        if self.workers < 1:
            raise ConfigurationError(f"workers must be 1 or more, not {self.workers}")


@dataclass(frozen=True)
class Dask:
    """Run the pipeline on dask.distributed: the cluster whose scheduler is at ``scheduler`` (its workers need
    dyad installed, and the files named in the options), else a ``LocalCluster`` of ``workers`` processes
    (default: one per core)."""

    scheduler: str | None = None
    workers: int | None = None

    def __post_init__(self) -> None:
        if self.workers is not None and self.workers < 1:
            raise ConfigurationError(f"workers must be 1 or more, not {self.workers}")


Engine = Local | Dask


@functools.lru_cache(maxsize=1)
def _pipeline() -> Pipeline:
    return Pipeline()


def code_documents(documents: Sequence[Document], options: Options) -> Coded:
    """The exchange records (with the text) of each document; what every worker runs. The pipeline, the spaCy
    model and the knowledge are loaded on the first call in a process and kept."""
    pipeline = _pipeline()
    return [list(records(pipeline(document, options), include_text=True)) for document in documents]


def chunks(documents: Sequence[Document], workers: int) -> list[Sequence[Document]]:
    """``documents`` cut into the chunks sent to the workers: one by one in this process, else spread evenly
    over the workers in chunks of at most :data:`CHUNK`."""
    size = 1 if workers == 1 else max(1, min(CHUNK, math.ceil(len(documents) / workers)))
    return [documents[i : i + size] for i in range(0, len(documents), size)]


class Runner:
    """A started engine: :meth:`submit` a chunk, get a function that waits for its records."""

    workers = 1

    def submit(self, documents: Sequence[Document]) -> Callable[[], Coded]:
        raise NotImplementedError

    def close(self, cancel: bool = False) -> None:
        """Stop the workers (``cancel``: dropping the work not yet started)."""

    def __enter__(self) -> Runner:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close(cancel=kind is not None)


class InProcess(Runner):
    """The pipeline in this process, run when the records are asked for."""

    def __init__(self, options: Options) -> None:
        self.options = options

    def submit(self, documents: Sequence[Document]) -> Callable[[], Coded]:
        return functools.partial(code_documents, list(documents), self.options)


def _exit_with_parent(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])
    os._exit(1)


def _start_worker() -> None:
    """In each worker process: leave Ctrl-C to the parent, and exit as soon as the parent is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with_parent, args=(parent.sentinel,), daemon=True).start()


class Processes(Runner):
    """The pipeline in ``workers`` spawned processes of this machine."""

    def __init__(self, workers: int, options: Options) -> None:
        self.workers = workers
        self.options = options
        self.pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context("spawn"), initializer=_start_worker
        )

    def submit(self, documents: Sequence[Document]) -> Callable[[], Coded]:
        future: Future[Coded] = self.pool.submit(code_documents, list(documents), self.options)

        def result() -> Coded:
            try:
                return future.result()
            except BrokenProcessPool as exc:
                raise EngineError(
                    "a worker process died while coding articles (out of memory? killed?)"
                ) from exc

        return result

    def close(self, cancel: bool = False) -> None:
        self.pool.shutdown(wait=True, cancel_futures=cancel)


class DaskRunner(Runner):
    """The pipeline on a dask.distributed cluster."""

    def __init__(self, engine: Dask, options: Options) -> None:
        try:
            distributed: Any = importlib.import_module("distributed")
        except ImportError as exc:
            raise ConfigurationError(
                "the dask engine needs dask and distributed: pip install 'dyad[dask]'"
            ) from exc
        self.options = options
        self.cluster: Any = None
        try:
            if engine.scheduler:
                self.client: Any = distributed.Client(engine.scheduler, timeout="20s")
            else:
                self.cluster = distributed.LocalCluster(
                    n_workers=engine.workers or os.cpu_count() or 1,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
                self.client = distributed.Client(self.cluster)
        except (OSError, TimeoutError) as exc:
            self.close()
            where = engine.scheduler or "a local cluster"
            raise EngineError(f"cannot start dask on {where}: {str(exc).splitlines()[0]}") from exc
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))

    def submit(self, documents: Sequence[Document]) -> Callable[[], Coded]:
        future = self.client.submit(code_documents, list(documents), self.options, pure=False)

        def result() -> Coded:
            try:
                coded: Coded = future.result()
            finally:
                future.release()
            return coded

        return result

    def close(self, cancel: bool = False) -> None:
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
        if self.cluster is not None:
            self.cluster.close()


def start(engine: Engine, options: Options) -> Runner:
    """Start the workers of ``engine``."""
    if isinstance(engine, Dask):
        return DaskRunner(engine, options)
    if engine.workers == 1:
        return InProcess(options)
    return Processes(engine.workers, options)
