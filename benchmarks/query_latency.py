"""Query latency on a large store: a relation time series over 10 million generated events.

    .venv/bin/python -m benchmarks.query_latency [--events 10000000] [--repeat 5] [--keep FILE]

A store made by dyad (so with its real tables and column types) is filled by DuckDB itself with ``--events``
generated events, ten per document: PLOVER types with their quad class and ``event_scale``, dates over ten years,
actor and recipient lists of one actor each (JSON, as dyad writes them) drawn with a skew, so that a few
countries are in most events, as in news. Then each query is timed ``--repeat`` times (the best and the median
are printed):

- ``full scan``: count the events and sum their scores, the baseline every query pays at least once;
- ``relation, first actor``: events of one pair of countries (both directions) by month, with their count and
  summed ``event_scale``, matching the first actor of each list;
- ``relation, any actor``: the same, matching any actor of the lists (``$[*]``), as dyad's queries do;
- ``relation, typed ids``: the same on the actor ids made once into typed ``VARCHAR[]`` columns (a table beside
  the events), to show what such columns would bring; ``typed first``: on a plain ``VARCHAR`` column of the
  first actor's id;
- ``dyad relation``: ``dyad.store.query.relation`` (``dyad relation A B``), which reads the typed ``dyads``
  table (one row per actor and recipient of an event) that an ingest fills beside the events.

The target of the corpus issue is a relation time series under 0.5 s.
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dyad.store import Store, dyads

TYPES = [  # PLOVER event types, with a quad class and a score on the event scale
    ("AGREE", 1, 3.0),
    ("CONSULT", 1, 2.5),
    ("SUPPORT", 1, 3.5),
    ("COOPERATE", 2, 5.0),
    ("AID", 2, 6.0),
    ("RETREAT", 2, 4.0),
    ("REQUEST", 1, 1.5),
    ("ACCUSE", 3, -2.0),
    ("REJECT", 3, -4.0),
    ("THREATEN", 3, -6.0),
    ("PROTEST", 3, -5.0),
    ("SANCTION", 4, -6.5),
    ("MOBILIZE", 4, -7.0),
    ("COERCE", 4, -8.0),
    ("ASSAULT", 4, -9.0),
    ("FIGHT", 4, -10.0),
]
COUNTRIES = [
    "USA", "RUS", "CHN", "UKR", "ISR", "IRN", "GBR", "FRA", "DEU", "IND", "PAK", "TUR", "SYR", "IRQ", "AFG",
    "PSE", "EGY", "SAU", "JPN", "KOR", "PRK", "BRA", "MEX", "COL", "VEN", "NGA", "KEN", "ETH", "SDN", "SOM",
    "ZAF", "KAZ", "UZB", "PHL", "IDN", "VNM", "THA", "MMR", "POL", "ITA", "ESP", "CAN", "AUS", "ARG", "CHL",
    "LBN", "YEM", "LBY", "MLI", "BFA",
]  # fmt: skip


def _list(values: list[str]) -> str:
    return "[" + ", ".join("'" + v + "'" for v in values) + "]"


def fill(store: Store, n: int) -> None:
    """Generate ``n`` events (and a document for every ten) in the store's own tables."""
    kinds = _list([t for t, _, _ in TYPES])
    quads = "[" + ", ".join(str(q) for _, q, _ in TYPES) + "]"
    scales = "[" + ", ".join(str(s) for _, _, s in TYPES) + "]"
    countries = _list(COUNTRIES)
    # A skewed draw: the square of a uniform number favours the first countries of the list.
    pick = "1 + CAST(floor({k} * pow((hash(i * {salt}) % 100003) / 100003.0, 2)) AS BIGINT)"
    actor = pick.format(k=len(COUNTRIES), salt=7919)
    recipient = pick.format(k=len(COUNTRIES), salt=104729)
    con = store.con
    con.execute("BEGIN TRANSACTION")
    con.execute(
        f"""
        INSERT INTO documents (doc_id, kind, date, date_source, language, n_chars, dyad_version)
        SELECT printf('%016x', i), 'document',
            CAST(DATE '2015-01-01' + CAST(hash(i) % 3652 AS INTEGER) AS VARCHAR), 'metadata', 'en', 2000, 'bench'
        FROM range({(n + 9) // 10}) AS r(i)
        """
    )
    con.execute(
        f"""
        INSERT INTO events (doc_id, kind, id, event, quad_code, event_scale, date, date_precision,
            date_inferred, actor, recipient, factuality, event_text, confidence, dyad_version)
        SELECT printf('%016x', i // 10), 'event', 'ev-' || i, {kinds}[t], {quads}[t], {scales}[t],
            CAST(DATE '2015-01-01' + CAST(hash(i // 10) % 3652 AS INTEGER) AS VARCHAR), '"day"', false,
            json_array(json_object('actor_id', {countries}[a], 'name', {countries}[a], 'type', 'state',
                'country', {countries}[a], 'sector', 'GOV')),
            json_array(json_object('actor_id', {countries}[b], 'name', {countries}[b], 'type', 'state',
                'country', {countries}[b], 'sector', 'GOV')),
            'asserted', 'said', 0.5 + (hash(i) % 50) / 100.0, 'bench'
        FROM (SELECT i, 1 + CAST(hash(i * 31) % {len(TYPES)} AS BIGINT) AS t, {actor} AS a, {recipient} AS b
              FROM range({n}) AS r(i))
        """
    )
    con.execute("COMMIT")
    con.execute("CHECKPOINT")


def relation_sql(any_actor: bool) -> str:
    """Events between ``$1`` and ``$2`` (both ways) by month: count and summed score. ``any_actor`` matches any
    actor of the lists, else the first."""
    if any_actor:
        actor, recipient = (f"json_extract_string({c}, '$[*].actor_id')" for c in ("actor", "recipient"))
        test = (
            f"(list_contains({actor}, $1) AND list_contains({recipient}, $2)) "
            f"OR (list_contains({actor}, $2) AND list_contains({recipient}, $1))"
        )
    else:
        actor, recipient = (f"json_extract_string({c}, '$[0].actor_id')" for c in ("actor", "recipient"))
        test = f"({actor} = $1 AND {recipient} = $2) OR ({actor} = $2 AND {recipient} = $1)"
    return (
        "SELECT substr(date, 1, 7) AS month, count(*) AS events, sum(event_scale) AS score "
        f"FROM events WHERE {test} GROUP BY month ORDER BY month"
    )


# What the relation costs when the actor ids are typed columns rather than JSON: made once, beside the events.
TYPED = """
    CREATE TABLE bench_event_actors AS
    SELECT substr(date, 1, 7) AS month, event_scale,
        CAST(json_extract_string(actor, '$[*].actor_id') AS VARCHAR[]) AS actor_ids,
        CAST(json_extract_string(recipient, '$[*].actor_id') AS VARCHAR[]) AS recipient_ids,
        json_extract_string(actor, '$[0].actor_id') AS actor_id,
        json_extract_string(recipient, '$[0].actor_id') AS recipient_id
    FROM events
"""
TYPED_RELATION = """
    SELECT month, count(*) AS events, sum(event_scale) AS score FROM bench_event_actors
    WHERE (list_contains(actor_ids, $1) AND list_contains(recipient_ids, $2))
        OR (list_contains(actor_ids, $2) AND list_contains(recipient_ids, $1))
    GROUP BY month ORDER BY month
"""
TYPED_FIRST = """
    SELECT month, count(*) AS events, sum(event_scale) AS score FROM bench_event_actors
    WHERE (actor_id = $1 AND recipient_id = $2) OR (actor_id = $2 AND recipient_id = $1)
    GROUP BY month ORDER BY month
"""


def timed(run: Callable[[], Any], repeat: int) -> tuple[list[float], Any]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return times, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--pair", nargs=2, default=["RUS", "UKR"], metavar=("A", "B"))
    parser.add_argument(
        "--keep", type=Path, help="build (or reuse) the store at this path instead of a temp one"
    )
    args = parser.parse_args(argv)
    out = sys.stdout
    with tempfile.TemporaryDirectory(prefix="dyad-bench-") as folder:
        path = args.keep or Path(folder) / "events.duckdb"
        reuse = path.exists()
        with Store(path) as store:
            if not reuse:
                start = time.perf_counter()
                fill(store, args.events)
                out.write(f"generated {args.events:,} events in {time.perf_counter() - start:.1f} s\n")
                start = time.perf_counter()
                store.con.execute("DELETE FROM dyads")
                dyads.fill(store.con)  # the rows an ingest writes beside each event
                store.con.execute("CHECKPOINT")
                out.write(f"dyads made in {time.perf_counter() - start:.1f} s\n")
                start = time.perf_counter()
                store.con.execute(TYPED)
                out.write(f"typed actor-id columns made in {time.perf_counter() - start:.1f} s\n")
        a, b = args.pair
        with Store(path, read_only=True) as store:
            _, rows = store.query("SELECT count(*) FROM events")
            out.write(f"{rows[0][0]:,} events, {path.stat().st_size / 1e6:,.0f} MB; pair {a}-{b}\n")
            con = store.con
            runs: dict[str, Callable[[], Any]] = {
                "full scan": lambda: con.execute("SELECT count(*), sum(event_scale) FROM events").fetchall(),
                "relation, first actor": lambda: con.execute(
                    relation_sql(any_actor=False), [a, b]
                ).fetchall(),
                "relation, any actor": lambda: con.execute(relation_sql(any_actor=True), [a, b]).fetchall(),
                "relation, typed ids": lambda: con.execute(TYPED_RELATION, [a, b]).fetchall(),
                "relation, typed first": lambda: con.execute(TYPED_FIRST, [a, b]).fetchall(),
            }
            query: Any = importlib.import_module("dyad.store.query")
            if hasattr(query, "relation"):
                runs["dyad relation"] = lambda: query.relation(store, a, b)
            results: dict[str, tuple[list[float], Any]] = {}
            for name, run in runs.items():
                results[name] = timed(run, args.repeat)
    base = min(results["full scan"][0])
    out.write(f"{'query':24} {'best s':>8} {'median s':>9} {'vs scan':>8} {'rows':>6}\n")
    for name, (times, result) in results.items():
        out.write(
            f"{name:24} {min(times):8.3f} {statistics.median(times):9.3f} {min(times) / base:7.1f}x "
            f"{len(result):6}\n"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
