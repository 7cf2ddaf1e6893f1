"""The corpus store: a real DuckDB file; idempotent ingest, reprocessing, one transaction a batch, clear errors."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dyad import __version__
from dyad.store import Store, StoreBusyError, StoreError, columns
from dyad.store.ingest import ingest
from tests.conftest import ROOT

EXAMPLES = ROOT / "examples"


def articles(folder: Path, n: int) -> Path:
    """A JSON Lines file of ``n`` distinct short articles, built from the event gold's sentences."""
    lines = (ROOT / "tests" / "fixtures" / "events" / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    sentences = [json.loads(line) for line in lines]
    path = folder / "articles.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            group = sentences[3 * i : 3 * i + 3]
            text = " ".join(s["text"] for s in group)
            out.write(json.dumps({"id": f"a{i}", "date": group[0]["date"], "text": text}) + "\n")
    return path


def test_ingesting_twice_stores_each_article_once(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        first = ingest([EXAMPLES], store)
        counts = store.counts()
        second = ingest([EXAMPLES], store)
        assert first.coded == first.read > 0 and second.coded == 0 and second.skipped == second.read
        assert store.counts() == counts
        _, rows = store.query("SELECT count(DISTINCT doc_id) = count(*) FROM documents")
        assert rows == [(True,)]


def test_reprocessing_replaces_an_articles_rows_and_records_the_version(tmp_path: Path) -> None:
    target = EXAMPLES / "kazakhstan-afghanistan-talks.txt"
    with Store(tmp_path / "s.duckdb") as store:
        ingest([target], store)
        before = store.counts()
        again = ingest([target], store, reprocess=True)
        assert again.coded == 1 and again.replaced == 1 and store.counts() == before
        _, versions = store.query("SELECT DISTINCT dyad_version FROM events")
        assert versions == [(__version__,)]


def test_tables_follow_the_exchange_format(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        ingest([EXAMPLES / "philippines-china-scarborough.txt"], store)
        _, rows = store.query(
            "SELECT event, cameo, quad_code, factuality, json_extract_string(actor, '$[0].country') "
            "FROM events WHERE event = 'ACCUSE'"
        )
        assert rows and all(r[1] and r[2] == 3 for r in rows)
        assert set(columns()["events"]) >= {"event", "mode", "actor", "recipient", "event_loc", "text_info"}
        _, text = store.query("SELECT length(text) > 100 FROM documents")
        assert text == [(True,)]


def test_a_file_that_is_not_a_store_gets_a_clear_error_and_is_left_alone(tmp_path: Path) -> None:
    bad = tmp_path / "notes.duckdb"
    bad.write_text("these are my notes, not a database\n")
    with pytest.raises(StoreError, match="not a DuckDB database file"):
        Store(bad)
    assert bad.read_text() == "these are my notes, not a database\n"
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_sql_is_read_only(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        ingest([EXAMPLES / "kazakhstan-afghanistan-talks.txt"], store)
    with Store(path, read_only=True) as store, pytest.raises(StoreError):
        store.query("DELETE FROM events")


def test_a_second_writer_is_told_the_store_is_busy(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import time; from dyad.store import Store; s = Store({str(path)!r}); "
            "print('open', flush=True); time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreBusyError, match="busy"):
            Store(path)
    finally:
        holder.kill()
        holder.communicate()


def test_killed_ingest_keeps_committed_batches_and_a_rerun_finishes_without_duplicates(
    tmp_path: Path,
) -> None:
    source = articles(tmp_path, 12)
    killed, clean = tmp_path / "killed.duckdb", tmp_path / "clean.duckdb"
    command = [str(Path(sys.executable).parent / "dyad"), "ingest", str(source), "--batch", "2", "--db"]
    process = subprocess.Popen([*command, str(killed)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and process.poll() is None:
        wal = Path(f"{killed}.wal")
        if killed.exists() and wal.exists() and wal.stat().st_size > 50_000:
            break  # batches are being written
        time.sleep(0.05)
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.wait()
    rerun = subprocess.run([*command, str(killed)], capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    subprocess.run([*command, str(clean)], check=True, capture_output=True)
    with Store(killed, read_only=True) as a, Store(clean, read_only=True) as b:
        assert a.counts() == b.counts() and a.counts()["documents"] == 12
        _, rows = a.query("SELECT count(DISTINCT doc_id) FROM documents")
        assert rows == [(12,)]


def test_a_store_from_before_event_mentions_gains_the_column_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        ingest([EXAMPLES / "philippines-china-scarborough.txt"], store)
        before = store.counts()
        # take it back to schema 2, before events had their further mentions
        store.con.execute("ALTER TABLE events DROP COLUMN mentions")
        store.con.execute("DELETE FROM dyad_migrations WHERE version > 2")
        store.con.execute("UPDATE dyad_meta SET value = '2' WHERE key = 'schema_version'")
    with Store(path) as store:
        assert "mentions" in {row[0] for row in store.con.execute("DESCRIBE events").fetchall()}
        assert store.counts() == before
        ingest([EXAMPLES / "kazakhstan-afghanistan-talks.txt"], store)
        _, rows = store.query("SELECT count(*) FROM events WHERE mentions IS NOT NULL")
        assert rows[0][0] > 0


def test_the_dyads_of_a_store_from_before_them_match_those_written_at_ingest(tmp_path: Path) -> None:
    fresh, old = tmp_path / "fresh.duckdb", tmp_path / "old.duckdb"
    with Store(fresh) as store:
        ingest([EXAMPLES], store)
        _, written = store.query("SELECT * EXCLUDE (dyad_version) FROM dyads ORDER BY ALL")
    assert written  # the samples have events with an actor and a recipient
    old.write_bytes(fresh.read_bytes())
    with Store(old) as store:  # take it back to schema 4, before the dyads table
        store.con.execute("DROP TABLE dyads")
        store.con.execute("DELETE FROM dyad_migrations WHERE version > 4")
        store.con.execute("UPDATE dyad_meta SET value = '4' WHERE key = 'schema_version'")
    with Store(old, read_only=True) as store:
        _, migrated = store.query("SELECT * EXCLUDE (dyad_version) FROM dyads ORDER BY ALL")
    assert migrated == written
