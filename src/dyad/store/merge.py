"""Cross-article merging: near-duplicate articles, and the reports of one real-world event gathered in a cluster.

:func:`merge` recomputes both for the whole store, in one transaction, from what the store holds; running it
twice gives the same tables.

**Near-duplicate articles** (wire copies, lightly edited reprints) are found with MinHash and locality-sensitive
hashing over the word 5-grams ("shingles") of each article's text: two articles whose estimated Jaccard
similarity of shingles is :data:`THRESHOLD` (0.8) or more are duplicates, and duplicates of duplicates form one
group. The earliest-dated article of a group (then the smallest ``doc_id``) is the canonical one; every other is
linked to it in ``article_links (doc_id, duplicate_of, similarity)``. The signatures are kept in
``article_signatures``, so a later merge only computes those of the new articles.

**Event clusters** gather the event records of the same PLOVER type whose actors, recipients, dates and places
are compatible (see :func:`cluster_reports`) into ``event_clusters``, one row per cluster with its counts of
reports, articles and sources, and ``event_cluster_members (cluster_id, doc_id, event_id)``, which links each
cluster to every event record in it, and so to every evidence sentence.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from dyad.errors import ConfigurationError

if TYPE_CHECKING:
    from dyad.store import Store
    from dyad.store.minhash import MinHasher

THRESHOLD = 0.8
"""Estimated Jaccard similarity of word 5-gram shingles from which two articles are near-duplicates."""
DAY_WINDOW = 1

MERGE_TABLES: dict[str, dict[str, str]] = {
    "article_signatures": {"doc_id": "VARCHAR", "signature": "BLOB"},
    "article_links": {"doc_id": "VARCHAR", "duplicate_of": "VARCHAR", "similarity": "DOUBLE"},
    "event_clusters": {
        "cluster_id": "VARCHAR",
        "event": "VARCHAR",
        "mode": "VARCHAR",
        "cameo": "VARCHAR",
        "quad_code": "BIGINT",
        "event_scale": "DOUBLE",
        "actor": "JSON",
        "recipient": "JSON",
        "date": "VARCHAR",
        "date_precision": "VARCHAR",
        "event_loc": "JSON",
        "factuality": "VARCHAR",
        "confidence": "DOUBLE",
        "num_events": "BIGINT",
        "num_mentions": "BIGINT",
        "num_sources": "BIGINT",
        "num_articles": "BIGINT",
        "first_doc_id": "VARCHAR",
        "first_date": "VARCHAR",
        "last_date": "VARCHAR",
        "best_doc_id": "VARCHAR",
        "best_event_id": "VARCHAR",
    },
    "event_cluster_members": {"cluster_id": "VARCHAR", "doc_id": "VARCHAR", "event_id": "VARCHAR"},
}


def create_tables(con: Any) -> None:
    """Create the merge tables (the schema migration to version 4); they stay empty until :func:`merge`."""
    for table, cols in MERGE_TABLES.items():
        body = ", ".join(f'"{name}" {kind}' for name, kind in cols.items())
        con.execute(f"CREATE TABLE IF NOT EXISTS {table} ({body})")


@dataclass(frozen=True)
class MergeOptions:
    """How :func:`merge` decides: ``threshold``, the estimated Jaccard similarity from which two articles are
    near-duplicates; ``day_window``, how many days apart two day-dated reports of one event may be."""

    threshold: float = THRESHOLD
    day_window: int = DAY_WINDOW

    def __post_init__(self) -> None:
        if not 0 < self.threshold <= 1:
            raise ConfigurationError(f"a similarity threshold is above 0 and at most 1, not {self.threshold}")
        if self.day_window < 0:
            raise ConfigurationError(f"a day window is 0 or more, not {self.day_window}")


@dataclass(frozen=True)
class MergeReport:
    """What a merge found."""

    documents: int
    """Articles in the store."""
    signed: int
    """Articles whose MinHash signature was computed by this merge (the others were kept from before)."""
    duplicates: int
    """Articles linked to an earlier near-identical one."""
    groups: int
    """Groups of near-identical articles (each has one canonical article and one or more duplicates)."""
    events: int
    """Event records."""
    clusters: int
    """Event clusters."""
    merged: int
    """Clusters of more than one event record."""
    largest: int
    """The most articles one cluster has."""


# Near-duplicate articles ------------------------------------------------------------------------------------


class _Groups:
    """Union-find over ``0..n-1``."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:
            self.parent[i], i = root, self.parent[i]
        return root

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)

    def groups(self) -> list[list[int]]:
        """The sets of two or more, each in increasing order, ordered by their smallest member."""
        by_root: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            by_root.setdefault(self.find(i), []).append(i)
        return [members for _, members in sorted(by_root.items()) if len(members) > 1]


def _sign_new_documents(store: Store, hasher: MinHasher) -> int:
    """Compute and keep the signatures of the articles that have none yet; how many were computed."""
    import pandas as pd

    from dyad.store import minhash

    con = store.con
    row = con.execute("SELECT value FROM dyad_meta WHERE key = 'minhash'").fetchone()
    if row is None or row[0] != minhash.VERSION:
        con.execute("DELETE FROM article_signatures")
        con.execute("INSERT OR REPLACE INTO dyad_meta VALUES ('minhash', ?)", [minhash.VERSION])
    con.execute("DELETE FROM article_signatures WHERE doc_id NOT IN (SELECT doc_id FROM documents)")
    # One pass over the texts, keeping only the signatures (half a kilobyte an article), then stored in bulk.
    result = con.execute("SELECT doc_id, text FROM documents ANTI JOIN article_signatures USING (doc_id)")
    ids: list[str] = []
    blobs: list[bytes | None] = []
    while rows := result.fetchmany(1000):
        for doc_id, text in rows:
            sig = hasher.signature(text or "")
            ids.append(doc_id)
            blobs.append(None if sig is None else sig.tobytes())
    for begin in range(0, len(ids), 50_000):
        frame = pd.DataFrame(
            {
                "doc_id": ids[begin : begin + 50_000],
                "signature": pd.Series(blobs[begin : begin + 50_000], dtype=object),
            }
        )
        con.register("_dyad_signatures", frame)
        try:
            con.execute(
                "INSERT INTO article_signatures SELECT doc_id, CAST(signature AS BLOB) FROM _dyad_signatures"
            )
        finally:
            con.unregister("_dyad_signatures")
    return len(ids)


@dataclass
class _Links:
    documents: int = 0
    duplicates: int = 0
    groups: int = 0


# The pairs of articles to compare: within each LSH bucket (articles with the same values in one band), each
# article with the bucket's first one and with the one before it (by doc_id), rather than every pair, so that a
# story reprinted by hundreds of sites costs hundreds of comparisons, not tens of thousands. Being alike is
# transitive here (duplicates of duplicates make one group), so little is lost.
_CANDIDATES_SQL = """
    WITH shared AS (
        SELECT doc, min(doc) OVER bucket AS head, lag(doc) OVER (bucket ORDER BY doc) AS prev
        FROM _dyad_bands
        WHERE (band, key) IN (SELECT (band, key) FROM _dyad_bands GROUP BY band, key HAVING count(*) > 1)
        WINDOW bucket AS (PARTITION BY band, key)
    )
    SELECT DISTINCT i, j FROM (
        SELECT head AS i, doc AS j FROM shared WHERE doc <> head
        UNION ALL
        SELECT prev, doc FROM shared WHERE prev IS NOT NULL AND prev <> head
    )
"""


def _link_duplicates(store: Store, hasher: MinHasher, threshold: float) -> _Links:
    """Rewrite ``article_links`` from the stored signatures."""
    import numpy as np
    import pandas as pd

    from dyad.store import minhash

    con = store.con
    con.execute("DELETE FROM article_links")
    query = "FROM article_signatures s JOIN documents d USING (doc_id) WHERE s.signature IS NOT NULL"
    row = con.execute(f"SELECT count(*) {query}").fetchone()
    n = int(row[0]) if row else 0
    links = _Links(documents=n)
    if n < 2:
        return links
    ids: list[str] = []
    dates: list[str | None] = []
    sigs = np.empty((n, minhash.PERMUTATIONS), dtype=np.uint32)
    result = con.execute(f"SELECT s.doc_id, d.date, s.signature {query} ORDER BY s.doc_id")
    while rows := result.fetchmany(10_000):
        begin = len(ids)
        for doc_id, date, _ in rows:
            ids.append(doc_id)
            dates.append(date)
        sigs[begin : len(ids)] = np.frombuffer(b"".join(r[2] for r in rows), dtype=np.uint32).reshape(
            len(rows), minhash.PERMUTATIONS
        )
    keys = hasher.band_keys(sigs)
    bands = pd.DataFrame(
        {
            "doc": np.repeat(np.arange(n, dtype=np.int64), minhash.BANDS),
            "band": np.tile(np.arange(minhash.BANDS, dtype=np.int64), n),
            "key": keys.reshape(-1),
        }
    )
    con.register("_dyad_bands", bands)
    try:
        pairs = con.execute(_CANDIDATES_SQL).fetchnumpy()
    finally:
        con.unregister("_dyad_bands")
    first, second = np.asarray(pairs["i"], dtype=np.int64), np.asarray(pairs["j"], dtype=np.int64)
    found = _Groups(n)
    if len(first):
        alike = (sigs[first] == sigs[second]).mean(axis=1) >= threshold
        for i, j in zip(first[alike].tolist(), second[alike].tolist(), strict=True):
            found.union(i, j)
    out_ids, out_canon, out_sim = [], [], []
    for members in found.groups():
        canon = min(members, key=lambda i: (dates[i] is None, dates[i] or "", ids[i]))
        links.groups += 1
        for i in members:
            if i != canon:
                out_ids.append(ids[i])
                out_canon.append(ids[canon])
                out_sim.append(round(minhash.similarity(sigs[i], sigs[canon]), 4))
    links.duplicates = len(out_ids)
    if out_ids:
        frame = pd.DataFrame({"doc_id": out_ids, "duplicate_of": out_canon, "similarity": out_sim})
        con.register("_dyad_links", frame)
        try:
            con.execute("INSERT INTO article_links SELECT * FROM _dyad_links ORDER BY doc_id")
        finally:
            con.unregister("_dyad_links")
    return links


# Event clusters ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Report:
    """Event records as the clustering sees them: ``count`` records alike in all of these fields.

    ``actor`` and ``recipient`` are the sorted actor ids of each side joined by ``|`` (empty when the side is
    not known); ``place`` identifies the event's place (None when it has none); ``start`` and ``end`` are the
    first and last day of its date's period, as days since 1970-01-01 (the same day for a day date; None when
    undated); ``group`` is the canonical article of the near-duplicate group of its article (only needed for
    reports with neither actor nor recipient).
    """

    event: str
    actor: str
    recipient: str
    place: str | None
    start: int | None
    end: int | None
    group: str = ""
    count: int = 1

    @property
    def sides(self) -> int:
        return bool(self.actor) + bool(self.recipient)

    @property
    def is_day(self) -> bool:
        return self.start is not None and self.start == self.end


class _Slots:
    """The clusters of one key (a type and the ids of one side, or of both), findable by their reports' days."""

    def __init__(self) -> None:
        self.by_day: dict[int, list[_Cluster]] = {}
        self.undayed: list[_Cluster] = []  # clusters created without a day-dated report
        self.every: list[_Cluster] = []

    def near(self, r: Report, window: int) -> Iterator[_Cluster]:
        """The clusters that may accept ``r`` (a superset; a cluster may come more than once)."""
        if r.start is None or r.end is None:
            yield from self.every
            return
        low, high = (r.start - window, r.end + window) if r.is_day else (r.start, r.end)
        if high - low < len(self.by_day):
            for day in range(low, high + 1):
                yield from self.by_day.get(day, ())
        else:
            for day, found in self.by_day.items():
                if low <= day <= high:
                    yield from found
        yield from self.undayed


@dataclass(eq=False, slots=True)
class _Cluster:
    number: int
    actor: str
    recipient: str
    place: str | None
    slots: list[_Slots]
    days: set[int] = field(default_factory=set)
    periods: set[tuple[int, int]] = field(default_factory=set)
    size: int = 0

    def identity(self) -> tuple[str, str, str | None]:
        return self.actor, self.recipient, self.place

    def accepts(self, r: Report, window: int) -> bool:
        """Whether ``r`` is compatible with every report in the cluster."""
        if r.place is not None and self.place is not None and r.place != self.place:
            return False
        if r.start is None or r.end is None:
            return True
        s, t = r.start, r.end
        if s == t and any(abs(s - d) > window for d in self.days):
            return False
        if s != t and any(not s <= d <= t for d in self.days):
            return False
        return all((ps <= s and t <= pt) or (s <= ps and pt <= t) for ps, pt in self.periods)

    def distance(self, r: Report, window: int) -> int:
        if r.start is None or not self.days:
            return window + 1
        return min(abs(r.start - d) for d in self.days)

    def add(self, r: Report, new: bool) -> None:
        start, end = r.start, r.end
        is_day = start is not None and start == end
        for slot in self.slots:
            if new:
                slot.every.append(self)
                if not is_day:
                    slot.undayed.append(self)
            if is_day and start is not None and start not in self.days:
                slot.by_day.setdefault(start, []).append(self)
        self.size += r.count
        if r.place is not None:
            self.place = r.place
        if start is not None and end is not None:
            if is_day:
                self.days.add(start)
            else:
                self.periods.add((start, end))


def _lookup_key(r: Report) -> tuple[str, ...]:
    """The key under which the clusters ``r`` may join are found."""
    if r.actor and r.recipient:
        return ("both", r.event, r.actor, r.recipient)
    if r.actor:
        return ("actor", r.event, r.actor)
    if r.recipient:
        return ("recipient", r.event, r.recipient)
    return ("none", r.event, r.group)


def _cluster_keys(r: Report) -> list[tuple[str, ...]]:
    """The keys under which a cluster that ``r`` starts is found."""
    if not r.actor and not r.recipient:
        return [("none", r.event, r.group)]
    keys: list[tuple[str, ...]] = [("both", r.event, r.actor, r.recipient)]
    if r.actor:
        keys.append(("actor", r.event, r.actor))
    if r.recipient:
        keys.append(("recipient", r.event, r.recipient))
    return keys


def cluster_reports(reports: Sequence[Report], day_window: int = DAY_WINDOW) -> list[int]:
    """The cluster number of each report (numbers from 0, in the order clusters are made).

    Reports are compatible when they have the same PLOVER type; the same actor ids and the same recipient ids,
    a side left empty being compatible with any; the same place or none; and compatible dates: two day dates at
    most ``day_window`` days apart, else one date's period inside the other's (``2025-06-09`` is inside
    ``2025-06``; an undated report fits any date).

    A report joins a cluster only when it is compatible with every report already in it, so clusters do not
    drift (day dates in one cluster are at most ``day_window`` apart) and one vague report cannot bridge two
    events. The most specific reports are placed first: both sides known, then one; day dates, then coarser
    ones, then none; with a place before without; the dates most reports give before the others. A report that
    fits clusters of different actors, recipients or places joins only one of exactly its own (its empty side
    is not guessed); a day-dated report that fits several clusters joins the nearest in date (then the
    largest); a report of a coarser date that fits several joins none of them but one of its own date. Reports
    with neither actor nor recipient are too vague to match across articles: they only merge with reports of
    the same near-duplicate group. Reports alike in every field always share a cluster, and the result depends
    only on the reports, not on their order.
    """
    density: Counter[tuple[Any, ...]] = Counter()
    for r in reports:
        density[(r.event, r.actor, r.recipient, r.start, r.end)] += r.count

    def specific_first(i: int) -> tuple[Any, ...]:
        r = reports[i]
        span = 1 << 40 if r.start is None or r.end is None else r.end - r.start
        same = density[(r.event, r.actor, r.recipient, r.start, r.end)]
        return (
            r.event,
            -r.sides,
            span,
            r.place is None,
            -same,
            r.start or 0,
            r.actor,
            r.recipient,
            r.place or "",
            r.group,
        )

    # How many reports still to place look clusters up under each key: a cluster is only filed under the keys
    # that some report will look up, which spares most of the work on a store of many distinct events.
    pending = Counter(_lookup_key(r) for r in reports)
    slots: dict[tuple[str, ...], _Slots] = {}
    assigned = [0] * len(reports)
    clusters: list[_Cluster] = []
    for i in sorted(range(len(reports)), key=specific_first):
        r = reports[i]
        key = _lookup_key(r)
        pending[key] -= 1
        slot = slots.get(key)
        fits: list[_Cluster] = []
        if slot is not None:
            seen: dict[int, _Cluster] = {}
            for c in slot.near(r, day_window):
                if c.number not in seen and c.accepts(r, day_window):
                    seen[c.number] = c
            fits = list(seen.values())
        if len(fits) > 1 and len({c.identity() for c in fits}) > 1:
            fits = [c for c in fits if c.identity() == (r.actor, r.recipient, r.place)]
        if len(fits) > 1 and not r.is_day:
            period = set() if r.start is None or r.end is None else {(r.start, r.end)}
            fits = [c for c in fits if not c.days and c.periods == period]
        if len(fits) == 1:
            chosen = fits[0]
            chosen.add(r, new=False)
        elif fits:
            chosen = min(fits, key=lambda c: (c.distance(r, day_window), -c.size, c.number))
            chosen.add(r, new=False)
        else:
            filed = []
            for k in _cluster_keys(r):
                if pending[k] > 0:
                    filed.append(slots.get(k) or slots.setdefault(k, _Slots()))
            chosen = _Cluster(len(clusters), r.actor, r.recipient, r.place, filed)
            clusters.append(chosen)
            chosen.add(r, new=True)
        assigned[i] = chosen.number
    return assigned


def _date_days(column: str) -> tuple[str, str]:
    """SQL giving the first and last day (days since 1970-01-01) of the period of the partial date ``column``."""
    from dyad.store.query import _date_end, _date_start

    def days(expr: str) -> str:
        return f"date_diff('day', DATE '1970-01-01', TRY_CAST({expr} AS DATE))"

    return days(_date_start(column)), days(_date_end(column))


def _ids(column: str) -> str:
    return (
        f"array_to_string(list_sort(list_distinct(list_filter(json_extract_string({column}, '$[*].actor_id'), "
        "lambda x: x IS NOT NULL))), '|')"
    )


def _reports_sql() -> str:
    """A temporary table of the event records with what the clustering needs; records alike in all of it share
    a ``unit`` number (and always a cluster)."""
    start, end = _date_days("coalesce(e.date, d.date)")
    return f"""
        CREATE OR REPLACE TEMP TABLE _dyad_reports AS
        SELECT *, dense_rank() OVER (
            ORDER BY event, actor_key, recipient_key, place_key NULLS FIRST, start_day NULLS FIRST,
                end_day NULLS FIRST, grp) AS unit
        FROM (
            SELECT e.doc_id, e.id AS event_id, e.event,
                coalesce({_ids("e.actor")}, '') AS actor_key, coalesce({_ids("e.recipient")}, '') AS recipient_key,
                coalesce(CAST(json_extract(e.event_loc, '$.geonameid') AS VARCHAR),
                    lower(json_extract_string(e.event_loc, '$.name'))) AS place_key,
                {start} AS start_day, {end} AS end_day,
                coalesce(l.duplicate_of, e.doc_id) AS canonical,
                CASE WHEN actor_key = '' AND recipient_key = '' THEN canonical ELSE '' END AS grp,
                coalesce(e.date, d.date) AS when_,
                CASE WHEN e.date IS NOT NULL THEN json_extract_string(e.date_precision, '$')
                    WHEN d.date IS NOT NULL THEN 'day' END AS when_precision,
                d.date AS doc_date,
                CAST(json_extract(e.trigger, '$.start') AS BIGINT) AS trigger_start,
                1 + coalesce(json_array_length(e.mentions), 0) AS n_mentions
            FROM events e LEFT JOIN documents d ON d.doc_id = e.doc_id
            LEFT JOIN article_links l ON l.doc_id = e.doc_id
            WHERE e.event IS NOT NULL
        )
    """


def _read_units(con: Any) -> tuple[list[int], list[Report]]:
    """The units of ``_dyad_reports``: their numbers, and each as a :class:`Report` with its count."""
    result = con.execute(
        "SELECT unit, any_value(event), any_value(actor_key), any_value(recipient_key), any_value(place_key), "
        "any_value(start_day), any_value(end_day), any_value(grp), count(*) FROM _dyad_reports "
        "GROUP BY unit ORDER BY unit"
    )
    units: list[int] = []
    reports: list[Report] = []
    while rows := result.fetchmany(10_000):
        for unit, event, actor, recipient, place, start, end, group, count in rows:
            if start is None or end is None:
                start = end = None
            units.append(unit)
            reports.append(Report(event, actor, recipient, place, start, end, group, count))
    return units, reports


_MEMBERS_SQL = """
    WITH ids AS (
        SELECT x.k, first(r.doc_id || '-' || r.event_id ORDER BY r.doc_date NULLS LAST, r.doc_id, r.trigger_start,
            r.event_id) AS cluster_id
        FROM _dyad_assigned x JOIN _dyad_reports r USING (unit) GROUP BY x.k
    )
    SELECT ids.cluster_id, r.doc_id, r.event_id FROM _dyad_assigned x JOIN ids USING (k) JOIN _dyad_reports r USING (unit)
    ORDER BY ids.cluster_id, r.doc_id, r.event_id
"""
_CLUSTERS_SQL = """
    WITH a AS (
        SELECT m.cluster_id, r.*, e.mode, e.cameo, e.quad_code, e.event_scale, e.actor, e.recipient, e.event_loc,
            e.factuality, e.confidence,
            coalesce(nullif(lower(trim(cd.source)), ''), 'article:' || r.canonical) AS source_key,
            count(*) OVER (PARTITION BY m.cluster_id, r.when_) AS agree
        FROM event_cluster_members m JOIN _dyad_reports r USING (doc_id, event_id)
        JOIN events e ON e.doc_id = r.doc_id AND e.id = r.event_id
        LEFT JOIN documents cd ON cd.doc_id = r.canonical
    ),
    best AS (
        SELECT * FROM (
            SELECT a.*, row_number() OVER (
                PARTITION BY cluster_id ORDER BY (end_day - start_day) NULLS LAST, confidence DESC NULLS LAST,
                    agree DESC, doc_date NULLS LAST, doc_id, event_id) AS rank
            FROM a
        ) WHERE rank = 1
    ),
    facts AS (
        SELECT cluster_id, first(factuality ORDER BY n DESC, factuality) AS factuality
        FROM (SELECT cluster_id, factuality, count(*) AS n FROM a WHERE factuality IS NOT NULL GROUP BY ALL)
        GROUP BY cluster_id
    ),
    totals AS (
        SELECT cluster_id,
            first(actor ORDER BY doc_date NULLS LAST, doc_id, event_id) FILTER (WHERE actor_key <> '') AS actor,
            first(recipient ORDER BY doc_date NULLS LAST, doc_id, event_id) FILTER (WHERE recipient_key <> '')
                AS recipient,
            first(event_loc ORDER BY doc_date NULLS LAST, doc_id, event_id) FILTER (WHERE place_key IS NOT NULL)
                AS event_loc,
            max(confidence) AS confidence,
            count(*) AS num_events, sum(n_mentions) AS num_mentions,
            count(DISTINCT source_key) AS num_sources, count(DISTINCT doc_id) AS num_articles,
            first(doc_id ORDER BY doc_date NULLS LAST, doc_id) AS first_doc_id,
            min(doc_date) AS first_date, max(doc_date) AS last_date
        FROM a GROUP BY cluster_id
    )
    SELECT cluster_id, best.event, best.mode, best.cameo, best.quad_code, best.event_scale,
        coalesce(totals.actor, '[]'), coalesce(totals.recipient, '[]'), best.when_, best.when_precision,
        totals.event_loc, facts.factuality, totals.confidence,
        totals.num_events, totals.num_mentions, totals.num_sources, totals.num_articles,
        totals.first_doc_id, totals.first_date, totals.last_date, best.doc_id, best.event_id
    FROM best JOIN totals USING (cluster_id) LEFT JOIN facts USING (cluster_id)
    ORDER BY cluster_id
"""


@dataclass
class _Clusters:
    events: int = 0
    clusters: int = 0
    merged: int = 0
    largest: int = 0


def _cluster_events(store: Store, day_window: int) -> _Clusters:
    """Rewrite ``event_clusters`` and ``event_cluster_members`` (``article_links`` must be up to date)."""
    import pandas as pd

    con = store.con
    con.execute("DELETE FROM event_cluster_members")
    con.execute("DELETE FROM event_clusters")
    con.execute(_reports_sql())
    try:
        units, reports = _read_units(con)
        assigned = pd.DataFrame(
            {
                "unit": pd.Series(units, dtype="int64"),
                "k": pd.Series(cluster_reports(reports, day_window), dtype="int64"),
            }
        )
        if units:
            con.register("_dyad_assigned", assigned)
            try:
                con.execute(f"INSERT INTO event_cluster_members {_MEMBERS_SQL}")
            finally:
                con.unregister("_dyad_assigned")
            con.execute(f"INSERT INTO event_clusters {_CLUSTERS_SQL}")
    finally:
        con.execute("DROP TABLE IF EXISTS _dyad_reports")
    row = con.execute(
        "SELECT count(*), coalesce(sum(num_events), 0), count(*) FILTER (WHERE num_events > 1), "
        "coalesce(max(num_articles), 0) FROM event_clusters"
    ).fetchone()
    clusters, events, merged, largest = row if row else (0, 0, 0, 0)
    return _Clusters(events=int(events), clusters=int(clusters), merged=int(merged), largest=int(largest))


def merge(store: Store, options: MergeOptions | None = None) -> MergeReport:
    """Find the near-duplicate articles and the event clusters of the whole store, and rewrite ``article_links``,
    ``event_clusters`` and ``event_cluster_members`` with them, in one transaction."""
    from dyad.store import StoreError
    from dyad.store.minhash import MinHasher

    options = options or MergeOptions()
    if store.read_only:
        raise StoreError(f"{store.path}: opened to read; merging writes to the store")
    hasher = MinHasher()
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        signed = _sign_new_documents(store, hasher)
        links = _link_duplicates(store, hasher, options.threshold)
        found = _cluster_events(store, options.day_window)
        row = con.execute("SELECT count(*) FROM documents").fetchone()
        settings = json.dumps({"threshold": options.threshold, "day_window": options.day_window})
        con.execute(
            "INSERT OR REPLACE INTO dyad_meta VALUES ('merged_at', ?), ('merge_options', ?)",
            [datetime.now(UTC).isoformat(timespec="seconds"), settings],
        )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return MergeReport(
        documents=int(row[0]) if row else 0,
        signed=signed,
        duplicates=links.duplicates,
        groups=links.groups,
        events=found.events,
        clusters=found.clusters,
        merged=found.merged,
        largest=found.largest,
    )
