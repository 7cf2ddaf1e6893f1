"""The command line: formats, progress, and one clear line for each bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from tests.conftest import ARTICLE, ROOT

Cli = Callable[..., Result]
Write = Callable[[str, bytes | str], Path]


def jsonl(result: Result) -> list[dict[str, object]]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_extract_jsonl_prints_document_actor_and_timex_records(cli: Cli, write: Write) -> None:
    result = cli("extract", str(write("a.txt", ARTICLE)), "--format", "jsonl", "--date", "2025-03-14")
    assert result.exit_code == 0, result.stderr
    records = jsonl(result)
    kinds = [r["kind"] for r in records]
    assert kinds[0] == "document" and "actor" in kinds and "timex" in kinds
    assert records[0]["date"] == "2025-03-14" and records[0]["date_source"] == "given"
    names = {r["name"] for r in records if r["kind"] == "actor"}
    assert {"Kazakhstan", "Uzbekistan", "Murat Nurtleu"} <= names
    assert "Jane Roe" not in names  # the byline is metadata, not an actor
    assert result.stderr == ""


def test_extract_json_gives_one_object_per_document(cli: Cli, write: Write) -> None:
    result = cli(
        "extract", str(write("a.txt", ARTICLE)), str(write("b.txt", ARTICLE + "More.\n")), "--format", "json"
    )
    data = json.loads(result.stdout)
    assert [sorted(d) for d in data] == [["actors", "document", "events", "places", "quotes", "timexes"]] * 2
    assert data[0]["events"] and all(e["kind"] == "event" for e in data[0]["events"])
    quote, called = data[0]["quotes"]
    # "..., officials said": reported, by no one named
    assert quote["quote_type"] == "indirect" and quote["speaker"] is None and quote["cue"] == "said"
    # "Murat Nurtleu ... called the accord a turning point": his words, in other words
    assert called["speaker"]["name"] == "Murat Nurtleu" and called["cue"] == "called"


def test_table_shows_actors_and_time_expressions(cli: Cli, write: Write) -> None:
    result = cli("extract", str(write("a.txt", ARTICLE)))
    assert result.exit_code == 0
    out = result.stdout
    assert "Kazakhstan and Uzbekistan sign water accord" in out
    assert "Actors" in out and "Murat Nurtleu" in out
    assert "Time expressions" in out and "Tuesday" in out
    assert "Events" in out and "SUPPORT" in out and "signed" in out
    assert "Quotes" in out and "indirect" in out


def test_out_file_is_written(cli: Cli, write: Write, tmp_path: Path) -> None:
    out = tmp_path / "records.jsonl"
    result = cli("extract", str(write("a.txt", ARTICLE)), "--format", "jsonl", "--out", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text().splitlines()[0])["kind"] == "document"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"\n  \n", "empty file (only white space)"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00", "not text: a PNG image"),
        (
            "latin.txt",
            "Le ministre a visité Kaboul mardi.".encode("cp1252"),
            "not UTF-8 (byte 0xE9 at offset 19)",
        ),
        ("mixed.txt", "Kaboré “said”. ".encode() + "é".encode("cp1252"), "mixed encodings"),
        ("nav.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article text found"),
        ("bad.jsonl", b'{"text": "oops"\n', "malformed JSON"),
        (
            "fr.txt",
            "Le ministre a déclaré mardi que les discussions avec la délégation ont été utiles "
            "et qu'elles vont continuer dans les prochains jours.".encode(),
            "the text is in French",
        ),
    ],
)
def test_bad_input_gets_one_line_naming_file_and_reason(
    cli: Cli, write: Write, name: str, content: bytes, reason: str
) -> None:
    path = write(name, content)
    result = cli("extract", str(path), "--format", "jsonl")
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"dyad: error: {path}") and reason in lines[0]
    assert "Traceback" not in result.stderr


def test_missing_path_is_reported(cli: Cli, tmp_path: Path) -> None:
    result = cli("extract", str(tmp_path / "nope.txt"))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"dyad: error: {tmp_path / 'nope.txt'}: no such file or directory"


def test_file_over_size_limit_is_reported(cli: Cli, write: Write) -> None:
    path = write("big.txt", ARTICLE * 50)
    result = cli("extract", str(path), "--max-size", "2k")
    assert result.exit_code == 1
    size = len((ARTICLE * 50).encode())
    expected = f"dyad: error: {path}: {size:,} bytes, over the 2,000 bytes limit (see --max-size)"
    assert result.stderr.strip() == expected


def test_batch_skips_bad_files_and_succeeds_when_one_is_read(cli: Cli, write: Write) -> None:
    bad, good = write("bad.txt", b""), write("good.txt", ARTICLE)
    result = cli("extract", str(bad), str(good), "--format", "jsonl")
    assert result.exit_code == 0
    assert result.stderr.strip() == f"dyad: error: {bad}: empty file"
    assert [r["path"] for r in jsonl(result) if r["kind"] == "document"] == [str(good)]


def test_strict_makes_any_failure_fatal(cli: Cli, write: Write) -> None:
    bad, good = write("bad.txt", b""), write("good.txt", ARTICLE)
    result = cli("extract", str(bad), str(good), "--format", "jsonl", "--strict")
    assert result.exit_code == 1
    assert result.stdout == ""


def test_failed_run_leaves_an_existing_out_file_alone(cli: Cli, write: Write, tmp_path: Path) -> None:
    out = write("records.jsonl", "earlier results\n")
    result = cli("extract", str(write("bad.txt", b"")), "--format", "jsonl", "--out", str(out))
    assert result.exit_code == 1
    assert out.read_text() == "earlier results\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt", "records.jsonl"]


def test_bad_date_option_is_a_usage_error(cli: Cli, write: Write) -> None:
    result = cli("extract", str(write("a.txt", ARTICLE)), "--date", "17 April")
    assert result.exit_code == 2
    assert "not a YYYY-MM-DD date" in result.stderr


def test_standard_input_is_read_with_a_dash(cli: Cli) -> None:
    result = cli("extract", "-", "--format", "jsonl", input=ARTICLE.encode())
    assert result.exit_code == 0
    assert jsonl(result)[0]["path"] is None


def test_installed_command_runs_and_reports_errors_without_traceback(write: Write) -> None:
    bad = write("bad.txt", b"\x00\x01\x02binary")
    dyad = Path(sys.executable).parent / "dyad"
    env = {**os.environ, "NO_COLOR": "1"}
    result = subprocess.run(
        [str(dyad), "extract", str(bad)], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert result.returncode == 1
    assert result.stderr == f"dyad: error: {bad}: not text: binary data (NUL bytes)\n"


def test_progress_bar_appears_on_a_terminal_for_several_documents(write: Write) -> None:
    import pty
    import threading

    a, b = write("a.txt", ARTICLE), write("b.txt", ARTICLE.replace("Tuesday", "Monday"))
    dyad = Path(sys.executable).parent / "dyad"
    primary, secondary = pty.openpty()
    seen = bytearray()

    def drain() -> None:  # read the terminal while the command runs, so that it never blocks on it
        while True:
            try:
                chunk = os.read(primary, 65536)
            except OSError:
                return
            if not chunk:
                return
            seen.extend(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "100"}
    proc = subprocess.Popen(
        [str(dyad), "extract", str(a), str(b), "--format", "jsonl"],
        stdout=subprocess.PIPE,
        stderr=secondary,
        env=env,
        cwd=ROOT,
    )
    out, _ = proc.communicate(timeout=120)
    os.close(secondary)
    reader.join(timeout=10)
    os.close(primary)
    assert proc.returncode == 0
    assert b"articles" in seen and b"2" in seen
    assert len([line for line in out.splitlines() if b'"kind":"document"' in line]) == 2
