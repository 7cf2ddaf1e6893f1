"""Exports of a real store: tables round-trip, records match what extract writes, PLOVER, GDELT and GraphML."""

from __future__ import annotations

import csv
import json
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import duckdb
import jsonschema
import pytest
from click.testing import Result

from dyad.api import process
from dyad.errors import InputError
from dyad.options import Options
from dyad.serialize import records, schema
from dyad.store import Store, columns
from dyad.store.export import GDELT_COLUMNS, MERGED_TABLES
from tests.store.corpus import build, write_articles

Cli = Callable[..., Result]
NS = {"g": "http://graphml.graphdrawing.org/xmlns"}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("export"))


def lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_jsonl_export_gives_back_the_records_extract_writes(db: Path, tmp_path: Path) -> None:
    source = write_articles(db.parent)
    expected = []
    for item in process([source], Options(include_text=True)):
        assert not isinstance(item, InputError)
        expected.extend(records(item, include_text=True))
    with Store(db, read_only=True) as store:
        report = store.export("jsonl", tmp_path / "records.jsonl")
    exported = lines(tmp_path / "records.jsonl")
    assert report.rows["document"] == 3 and report.rows["event"] == sum(
        r["kind"] == "event" for r in expected
    )

    def key(record: dict[str, object]) -> str:
        return json.dumps(record, sort_keys=True)

    assert sorted(map(key, exported)) == sorted(map(key, expected))
    validator = jsonschema.Draft202012Validator(schema())
    for record in exported:
        validator.validate(record)
    assert [r["kind"] for r in exported[:2]] == ["document", "actor"]


def test_parquet_export_round_trips_every_table(db: Path, tmp_path: Path) -> None:
    with Store(db, read_only=True) as store:
        report = store.export("parquet", tmp_path / "tables")
        counts = store.counts()
    assert {t: n for t, n in report.rows.items() if t in counts} == counts
    assert sorted(p.name for p in report.paths) == sorted(
        f"{t}.parquet" for t in [*columns(), *MERGED_TABLES]
    )
    con = duckdb.connect(str(db), read_only=True)
    try:
        for table in columns():
            path = str(tmp_path / "tables" / f"{table}.parquet")
            rows = con.execute(
                f"SELECT count(*) FROM (SELECT * FROM {table} EXCEPT ALL SELECT * FROM read_parquet(?))",
                [path],
            ).fetchone()
            assert rows == (0,), table
    finally:
        con.close()


def test_parquet_export_carries_the_event_clusters_of_a_merged_store(db: Path, tmp_path: Path) -> None:
    merged = tmp_path / "merged.duckdb"
    shutil.copy(db, merged)
    with Store(merged) as store:
        store.merge()
        _, clusters = store.query("SELECT count(*) FROM event_clusters")
        report = store.export("parquet", tmp_path / "tables")
    assert clusters[0][0] > 0 and report.rows["event_clusters"] == clusters[0][0]
    con = duckdb.connect()
    try:
        read = con.execute(
            "SELECT count(*) FROM read_parquet(?)",
            [str(tmp_path / "tables" / "event_cluster_members.parquet")],
        ).fetchone()
    finally:
        con.close()
    assert read is not None and read[0] == report.rows["event_cluster_members"] > 0


def test_filtered_csv_export_keeps_the_matching_events_and_their_articles(db: Path, tmp_path: Path) -> None:
    with Store(db, read_only=True) as store:
        report = store.export("csv", tmp_path / "csv", type="ACCUSE")
    with (tmp_path / "csv" / "events.csv").open(encoding="utf-8") as handle:
        events = list(csv.DictReader(handle))
    with (tmp_path / "csv" / "documents.csv").open(encoding="utf-8") as handle:
        documents = list(csv.DictReader(handle))
    assert len(events) == report.rows["events"] == 2 and {e["event"] for e in events} == {"ACCUSE"}
    assert [d["external_id"] for d in documents] == ["shoal-1"]
    assert json.loads(events[0]["actor"])[0]["country"] == "PHL"  # JSON columns stay JSON text


def test_plover_records_carry_the_plover_fields(db: Path, tmp_path: Path) -> None:
    with Store(db, read_only=True) as store:
        store.export("plover", tmp_path / "plover.jsonl", actor="PHL", recipient="CHN")
        n_events = len(store.events())
        store.export("plover", tmp_path / "all.jsonl")
    records = lines(tmp_path / "plover.jsonl")
    assert len(records) == 2
    for record in records:
        assert record["event"] == ["ACCUSE"] and record["quad_code"] == 3
        assert {"id", "date", "actor", "recipient", "event_text", "text", "text_info", "cite_info"} <= set(
            record
        )
        assert isinstance(record["date"], str) and len(record["date"]) == 10
        assert json.dumps(record["recipient"]).count('"country": "CHN"') == 1
    dated = {r["date"]: r["date_precision"] for r in records}
    assert dated == {"2025-03-01": "month", "2025-03-14": "day"}
    assert len(lines(tmp_path / "all.jsonl")) == n_events


def test_gdelt_rows_have_the_61_columns_and_the_cameo_codes(db: Path, tmp_path: Path) -> None:
    with Store(db, read_only=True) as store:
        store.export("gdelt", tmp_path / "events.tsv")
        n_events = len(store.events())
    rows = [line.split("\t") for line in (tmp_path / "events.tsv").read_text(encoding="utf-8").splitlines()]
    assert len(rows) == n_events and {len(r) for r in rows} == {len(GDELT_COLUMNS)} == {61}
    table = [dict(zip(GDELT_COLUMNS, r, strict=True)) for r in rows]
    threat = next(r for r in table if r["Actor1Code"] == "CHNGOV" and r["Actor2CountryCode"] == "PHL")
    assert threat["Day"] == "20250520" and threat["MonthYear"] == "202505" and threat["Year"] == "2025"
    assert threat["EventRootCode"] == threat["EventCode"][:2] == "13" and threat["QuadClass"] == "3"
    assert threat["Actor1Name"] == "CHINA" and threat["SOURCEURL"] == "https://news.example/shoal-2"
    assert float(threat["GoldsteinScale"]) < 0 and threat["DATEADDED"] == "20250520000000"
    assert [r["GlobalEventID"] for r in table] == [str(n) for n in range(1, n_events + 1)]


def test_graphml_is_the_actor_network_with_counts_per_event_type(db: Path, tmp_path: Path) -> None:
    with Store(db, read_only=True) as store:
        report = store.export("graphml", tmp_path / "net.graphml")
        events = store.events()
    root = ET.parse(tmp_path / "net.graphml").getroot()
    keys = {k.get("id"): k.get("attr.name") for k in root.findall("g:key", NS)}
    graph = root.find("g:graph", NS)
    assert graph is not None and graph.get("edgedefault") == "directed"
    nodes = {n.get("id"): n for n in graph.findall("g:node", NS)}
    edges = []
    for edge in graph.findall("g:edge", NS):
        data = {keys[d.get("key")]: d.text for d in edge.findall("g:data", NS)}
        edges.append((edge.get("source"), edge.get("target"), data))
    assert len(nodes) == report.rows["nodes"] and len(edges) == report.rows["edges"]
    assert all(source in nodes and target in nodes for source, target, _ in edges)
    pairs = events.dropna(subset=["actor_id", "recipient_id"])
    assert sum(int(d["count"] or 0) for _, _, d in edges) == len(pairs)  # one actor and recipient each here
    (accuse,) = [d for s, t, d in edges if (s, t) == ("PHL", "CHN")]
    assert accuse["event"] == "ACCUSE" and accuse["count"] == "1" and float(accuse["scale"] or 0) < 0
    label = {keys[d.get("key")]: d.text for d in nodes["per:william-ruto"].findall("g:data", NS)}
    assert label["label"] == "William Ruto" and label["type"] == "person"


def test_export_command_writes_files_and_standard_output(cli: Cli, db: Path, tmp_path: Path) -> None:
    result = cli("export", "--db", str(db), "--format", "parquet")
    assert result.exit_code == 2 and "--out" in result.stderr
    result = cli("export", "--db", str(db), "--format", "jsonl", "--type", "CONSULT")
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["event"] for r in records if r["kind"] == "event"] == ["CONSULT"]
    out = tmp_path / "net.graphml"
    result = cli("export", "--db", str(db), "--format", "graphml", "--out", str(out), "--country", "PHL")
    assert result.exit_code == 0 and result.stdout.startswith(f"{out}: ") and "edges" in result.stdout
    assert ET.parse(out).getroot().tag.endswith("graphml")
