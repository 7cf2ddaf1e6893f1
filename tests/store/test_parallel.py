"""Parallel ingest: worker processes and dask store what one process stores; a killed run leaves no orphan and no
duplicate; the progress bar shows on a terminal only."""

from __future__ import annotations

import io
import os
import pty
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import pytest
from click.testing import Result
from rich.console import Console

from dyad.errors import InputError
from dyad.render import ArticleProgress
from dyad.store import Store, StoreError, columns
from dyad.store.engines import Dask, Local
from dyad.store.ingest import IngestReport, ingest
from dyad.store.parquet import MARKER, write_parquet
from tests.store.test_store import articles

DYAD = str(Path(sys.executable).parent / "dyad")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Twelve short articles, one of them twice, and a line that is not an article."""
    folder = tmp_path_factory.mktemp("corpus")
    path = articles(folder, 12)
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines[:5], lines[2], "{not json", *lines[5:]]) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, IngestReport]:
    """The store that one process makes of the corpus."""
    path = tmp_path_factory.mktemp("reference") / "one.duckdb"
    with Store(path) as store:
        report = ingest([corpus], store, batch_size=2)
    return path, report


def _differences(a: Path, b: Path) -> dict[str, int]:
    """Rows of each table found in one store and not the other (as multisets)."""
    con = duckdb.connect()
    con.execute(f"ATTACH '{a}' AS a (READ_ONLY)")
    con.execute(f"ATTACH '{b}' AS b (READ_ONLY)")
    out = {}
    for table in columns():
        row = con.execute(
            f"SELECT count(*) FROM ((SELECT * FROM a.{table} EXCEPT ALL SELECT * FROM b.{table}) "
            f"UNION ALL (SELECT * FROM b.{table} EXCEPT ALL SELECT * FROM a.{table}))"
        ).fetchone()
        out[table] = row[0] if row else -1
    con.close()
    return out


def _same_report(a: IngestReport, b: IngestReport) -> None:
    assert (a.read, a.coded, a.skipped, a.replaced, a.rows) == (
        b.read,
        b.coded,
        b.skipped,
        b.replaced,
        b.rows,
    )
    assert [str(e) for e in a.failed] == [str(e) for e in b.failed]


def test_two_workers_store_the_same_records_as_one(
    corpus: Path, reference: tuple[Path, IngestReport], tmp_path: Path
) -> None:
    one, expected = reference
    path = tmp_path / "two.duckdb"
    seen: list[int] = []
    with Store(path) as store:
        report = ingest(
            [corpus], store, batch_size=2, engine=Local(workers=2), progress=lambda r: seen.append(r.done)
        )
        again = ingest([corpus], store, batch_size=2, engine=Local(workers=2))
    assert report.workers == 2 and expected.coded == 12 and expected.skipped == 1
    assert len(expected.failed) == 1 and isinstance(expected.failed[0], InputError)
    _same_report(report, expected)
    assert _differences(one, path) == dict.fromkeys(columns(), 0)
    assert again.coded == 0 and again.skipped == 13
    assert seen == sorted(seen) and seen[-1] == 14


def test_reprocessing_with_workers_replaces_rows_without_duplicates(
    reference: tuple[Path, IngestReport], tmp_path: Path
) -> None:
    one, _ = reference
    path = tmp_path / "copy.duckdb"
    path.write_bytes(one.read_bytes())
    sample = tmp_path / "few.jsonl"
    lines = articles(tmp_path, 3).read_text(encoding="utf-8")
    sample.write_text(lines, encoding="utf-8")
    with Store(path) as store:
        report = ingest([sample], store, reprocess=True, engine=Local(workers=2))
    assert report.coded == report.replaced == 3
    # The same records, but for the path of the three documents, now read from another file.
    assert _differences(one, path) == {**dict.fromkeys(columns(), 0), "documents": 6}
    with Store(path, read_only=True) as store:
        _, rows = store.query(
            "SELECT count(DISTINCT doc_id), count(*), count(*) FILTER (path = ?) FROM documents",
            [str(sample)],
        )
        assert rows == [(12, 12, 3)]


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                out.append(int(entry.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads worker processes from /proc")
def test_killed_multi_worker_ingest_leaves_no_worker_and_a_rerun_has_no_duplicates(
    corpus: Path, reference: tuple[Path, IngestReport], tmp_path: Path
) -> None:
    one, _ = reference
    killed = tmp_path / "killed.duckdb"
    command = [DYAD, "ingest", str(corpus), "--batch", "2", "--workers", "2", "--db", str(killed)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and process.poll() is None:
        wal = Path(f"{killed}.wal")
        if wal.exists() and wal.stat().st_size > 50_000:
            break  # batches are being written
        time.sleep(0.05)
    workers = _children(process.pid)
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.wait()
    deadline = time.time() + 30
    while time.time() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.1)
    assert not [pid for pid in workers if _alive(pid)], "worker processes outlived their parent"
    rerun = subprocess.run(command, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert _differences(one, killed) == dict.fromkeys(columns(), 0)
    with Store(killed, read_only=True) as store:
        _, rows = store.query("SELECT count(DISTINCT doc_id), count(*) FROM documents")
        assert rows == [(12, 12)]


def test_dask_stores_the_same_records_and_writes_partitioned_parquet(
    corpus: Path, reference: tuple[Path, IngestReport], tmp_path: Path
) -> None:
    pytest.importorskip("distributed", reason="the [dask] extra is not installed")
    one, expected = reference
    path = tmp_path / "dask.duckdb"
    with Store(path) as store:
        report = ingest([corpus], store, batch_size=2, engine=Dask(workers=2))
        counts = store.counts()
    _same_report(report, expected)
    assert _differences(one, path) == dict.fromkeys(columns(), 0)
    folder = tmp_path / "dask.parquet"
    assert report.parquet == folder and (folder / MARKER).exists()
    assert list((folder / "events").glob("doc_year=*/*.parquet"))
    con = duckdb.connect()
    for table, n in counts.items():
        if n:
            read = con.execute(
                f"SELECT count(*) FROM read_parquet('{folder / table}/*/*.parquet', hive_partitioning = true)"
            ).fetchone()
            assert read == (n,), table


def test_dask_engine_without_the_extra_gets_a_one_line_error(
    cli: Callable[..., Result], write: Callable[[str, str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    source = write("a.txt", "Kazakhstan and Uzbekistan signed a water accord in Tashkent on Tuesday.\n")
    result = cli("ingest", str(source), "--db", str(source.parent / "s.duckdb"), "--engine", "dask")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "dyad: error: the dask engine needs dask and distributed: pip install 'dyad[dask]'"
    ]


def test_a_folder_that_is_not_dyads_parquet_is_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me")
    with Store(tmp_path / "s.duckdb") as store, pytest.raises(StoreError, match="not a dyad Parquet folder"):
        write_parquet(store, folder)
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]


def test_no_progress_bar_when_stderr_is_not_a_terminal(
    cli: Callable[..., Result], write: Callable[[str, str], Path]
) -> None:
    source = write("a.txt", "Kazakhstan and Uzbekistan signed a water accord in Tashkent on Tuesday.\n")
    result = cli("ingest", str(source), "--db", str(source.parent / "s.duckdb"))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert "1 coded" in result.stdout


def test_progress_bar_shows_articles_rate_and_eta_on_a_terminal() -> None:
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=120)
    with ArticleProgress(lambda: 4, console=console) as bar:
        bar.update(1)
        time.sleep(0.2)
        bar.update(3)
        assert bar.progress is not None
        bar.progress.refresh()
    shown = screen.getvalue()
    assert "articles" in shown and "3/4" in shown and "articles/s" in shown and "eta" in shown
    assert ArticleProgress(4, quiet=True, console=console).progress is None


def _on_a_terminal(command: list[str]) -> tuple[int, str]:
    """Run ``command`` with standard error on a pseudo-terminal; its status and what it wrote there."""
    master, slave = pty.openpty()
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "120"}
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=slave, env=env)
    os.close(slave)
    chunks: list[bytes] = []

    def read() -> None:
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=read)
    reader.start()
    status = process.wait()
    reader.join(timeout=10)
    os.close(master)
    return status, b"".join(chunks).decode("utf-8", "replace")


def test_progress_bar_on_a_terminal_unless_quiet(corpus: Path, tmp_path: Path) -> None:
    shown: dict[str, Any] = {}
    for name, extra in (("bar", []), ("quiet", ["--quiet"])):
        db = tmp_path / f"{name}.duckdb"
        status, shown[name] = _on_a_terminal([DYAD, "ingest", str(corpus), "--db", str(db), *extra])
        assert status == 0, shown[name]
    assert "articles" in shown["bar"] and "/14" in shown["bar"]
    assert "articles/s" not in shown["quiet"] and "\x1b[" not in shown["quiet"]
    assert "dyad: error:" in shown["quiet"]  # the unreadable line is still reported
