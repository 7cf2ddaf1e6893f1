"""Cross-article merging on a real store: wire copies are linked, one event reported by several articles is one
cluster, the rest stays apart, and merging again changes nothing."""

from __future__ import annotations

import csv
import io
import json
import random
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd
import pytest
from click.testing import Result

from dyad.errors import ConfigurationError
from dyad.store import SCHEMA_VERSION, Store, StoreError
from dyad.store.ingest import ingest
from dyad.store.merge import MERGE_TABLES, MergeOptions, Report, cluster_reports, merge
from dyad.store.minhash import MinHasher, similarity
from dyad.store.query import NotFoundError

Cli = Callable[..., Result]

_EXPULSION = (
    "Norway expels three Russian diplomats over spying\n\n"
    "Norway expelled three Russian diplomats on Monday, accusing them of spying on offshore gas platforms in the "
    "North Sea. The Norwegian foreign ministry said the three men had worked for Russian military intelligence "
    "under diplomatic cover and had photographed pipelines and control rooms from fishing boats. Officials said "
    "the diplomats must leave the country within a week. The Russian embassy in Oslo called the decision "
    "groundless and said Moscow would respond. Relations between the two neighbours have cooled since 2022, and "
    "Norway has tightened security around its energy installations, which supply much of the gas burned in "
    "Western Europe."
)
ARTICLES = [
    {  # the wire story
        "id": "wire",
        "date": "2025-06-09",
        "source": "Northline Wire",
        "title": "Norway expels three Russian diplomats over spying",
        "text": _EXPULSION,
    },
    {  # a newspaper's reprint of it the next day: one word respelt, a credit line added
        "id": "reprint",
        "date": "2025-06-10",
        "source": "Coastal Courier",
        "title": "Norway expels three Russian diplomats over spying",
        "text": _EXPULSION.replace("neighbours", "neighbors") + "\n\n(Northline Wire)",
    },
    {  # the same expulsion, in other words
        "id": "own",
        "date": "2025-06-10",
        "source": "Fjord Times",
        "title": "Oslo sends Russian envoys home",
        "text": "Oslo sends Russian envoys home\n\n"
        "The government in Oslo has ordered three members of the Russian embassy staff out of the country. "
        "Norway expelled the three Russian diplomats on Monday after its security police linked them to "
        "surveillance of undersea cables and gas pipelines. Moscow denied the charge. Analysts in Oslo expect "
        "Russia to expel Norwegian diplomats in return.",
    },
    {  # something else altogether
        "id": "lake",
        "date": "2025-06-12",
        "source": "Lakeside Post",
        "title": "Kenya and Tanzania sign a deal on Lake Victoria fishing",
        "text": "Kenya and Tanzania sign a deal on Lake Victoria fishing\n\n"
        "Kenya and Tanzania signed an agreement on Thursday to patrol Lake Victoria together and curb illegal "
        "fishing. The two governments said joint patrols would begin in August. Fishermen on both shores "
        "welcomed the accord.",
    },
]
MERGED = ("article_links", "event_clusters", "event_cluster_members")


def _build(folder: Path, articles: list[dict[str, str]]) -> Path:
    source = folder / "articles.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    db = folder / "merge.duckdb"
    with Store(db) as store:
        assert ingest([source], store).coded == len(articles)
        store.merge()
    return db


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("merge"), ARTICLES)


@pytest.fixture
def store(db: Path) -> Iterator[Store]:
    with Store(db, read_only=True) as opened:
        yield opened


def doc_ids(store: Store) -> dict[str, str]:
    """The doc_id of each article, by its id in ARTICLES."""
    _, rows = store.query("SELECT external_id, doc_id FROM documents")
    return dict(rows)


def tables(store: Store) -> dict[str, list[tuple[object, ...]]]:
    return {table: store.query(f"SELECT * FROM {table} ORDER BY ALL")[1] for table in MERGED}


def expulsion(store: Store) -> dict[str, object]:
    (row,) = store.clusters(type="SANCTION", actor="NOR", recipient="RUS").to_dict("records")
    return row


# Near-duplicate articles -----------------------------------------------------------------------------------


def test_the_reprint_is_linked_to_the_earlier_wire_story(store: Store) -> None:
    ids = doc_ids(store)
    _, links = store.query("SELECT doc_id, duplicate_of, similarity FROM article_links")
    assert [(doc, original) for doc, original, _ in links] == [(ids["reprint"], ids["wire"])]
    assert links[0][2] >= MergeOptions().threshold


def test_signatures_estimate_the_jaccard_similarity_of_word_5_grams() -> None:
    hasher = MinHasher()
    wire, reprint, own, lake = (hasher.signature(a["text"]) for a in ARTICLES)
    assert wire is not None and reprint is not None and own is not None and lake is not None
    shingles = [set(hasher.shingles(a["text"]).tolist()) for a in ARTICLES[:2]]
    jaccard = len(shingles[0] & shingles[1]) / len(shingles[0] | shingles[1])
    assert jaccard > 0.85 and abs(similarity(wire, reprint) - jaccard) < 0.1
    assert similarity(wire, own) < 0.1 and similarity(own, lake) < 0.1
    assert similarity(wire, wire) == 1.0
    assert hasher.signature(" \n ") is None
    assert (
        MinHasher().signature("Four words, no more.") is not None
    )  # fewer words than a shingle: one shingle


def test_a_higher_threshold_leaves_the_reprint_unlinked(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.duckdb"
    shutil.copy(db, copy)
    with Store(copy) as store:
        report = merge(store, MergeOptions(threshold=0.99))
        assert report.duplicates == 0 and report.signed == 0  # the signatures were kept
        assert store.query("SELECT count(*) FROM article_links")[1] == [(0,)]
        assert expulsion(store)["num_sources"] == 3  # now three sources


# Event clusters --------------------------------------------------------------------------------------------


def test_the_expulsion_is_one_cluster_of_three_articles_and_two_sources(store: Store) -> None:
    ids = doc_ids(store)
    cluster = expulsion(store)
    assert cluster["num_articles"] == 3 and cluster["num_events"] == 3
    assert cluster["num_sources"] == 2  # the reprint counts with the wire story
    assert cluster["num_mentions"] >= cluster["num_events"]
    assert (cluster["date"], cluster["date_precision"]) == ("2025-06-09", "day")
    assert cluster["mode"] == "expel" and cluster["factuality"] == "asserted"
    assert (cluster["first_date"], cluster["first_doc_id"], cluster["last_date"]) == (
        "2025-06-09",
        ids["wire"],
        "2025-06-10",
    )
    assert cluster["first_title"] == "Norway expels three Russian diplomats over spying"
    assert cluster["evidence"].startswith("Norway expelled three Russian diplomats on Monday")


def test_a_cluster_links_to_the_evidence_of_every_report(store: Store) -> None:
    ids = doc_ids(store)
    members = store.cluster(str(expulsion(store)["cluster_id"]))
    assert sorted(members["doc_id"]) == sorted([ids["wire"], ids["reprint"], ids["own"]])
    assert set(members["event"]) == {"SANCTION"}
    for row in members.itertuples():
        article = next(a for a in ARTICLES if ids[a["id"]] == row.doc_id)
        assert article["text"][row.evidence_start : row.evidence_end] == row.evidence
        assert "expelled" in row.evidence
    copies = dict(zip(members["doc_id"], members["duplicate_of"], strict=True))
    assert copies[ids["reprint"]] == ids["wire"] and pd.isna(copies[ids["own"]])
    with pytest.raises(NotFoundError):
        store.cluster("no-such-cluster")


def test_the_unrelated_event_stays_alone(store: Store) -> None:
    ids = doc_ids(store)
    (deal,) = store.clusters(actor="KEN").to_dict("records")
    assert deal["num_articles"] == deal["num_events"] == deal["num_sources"] == 1
    # No cluster mixes the lake article's events with another article's.
    _, mixed = store.query(
        "SELECT cluster_id FROM event_cluster_members GROUP BY cluster_id "
        "HAVING bool_or(doc_id = ?) AND count(DISTINCT doc_id) > 1",
        [ids["lake"]],
    )
    assert mixed == []


def test_every_event_is_in_exactly_one_cluster(store: Store) -> None:
    _, rows = store.query(
        "SELECT count(*), count(DISTINCT (doc_id, event_id)), (SELECT count(*) FROM events) "
        "FROM event_cluster_members"
    )
    members, distinct, events = rows[0]
    assert members == distinct == events
    _, total = store.query("SELECT sum(num_events) FROM event_clusters")
    assert total == [(events,)]


def test_merging_again_gives_the_same_tables(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.duckdb"
    shutil.copy(db, copy)
    with Store(copy) as store:
        before = tables(store)
        report = store.merge()
        assert tables(store) == before
    assert report.signed == 0 and report.documents == 4
    assert (report.duplicates, report.groups, report.largest) == (1, 1, 3)
    assert report.events == sum(1 for _ in before["event_cluster_members"])


def test_the_order_articles_were_ingested_in_does_not_matter(db: Path, tmp_path: Path) -> None:
    reversed_db = _build(tmp_path, ARTICLES[::-1])
    with Store(db, read_only=True) as forward, Store(reversed_db, read_only=True) as backward:
        assert tables(forward) == tables(backward)


def test_cluster_filters_are_those_of_events(store: Store) -> None:
    assert set(store.clusters(type="SANCTION")["event"]) == {"SANCTION"}
    assert len(store.clusters(since="2025-06-09", until="2025-06-09")) == 2  # the expulsion, the accusation
    assert store.clusters(text="Moyale").empty
    assert set(store.clusters(text="Victoria")["first_source"]) == {"Lakeside Post"}
    assert set(store.clusters(country="TZA")["actor"]) == {"Kenya; Tanzania"}
    assert len(store.clusters(limit=2)) == 2
    with pytest.raises(ConfigurationError):
        store.clusters(type="EXPEL")


def test_merging_a_store_opened_to_read_is_an_error(store: Store) -> None:
    with pytest.raises(StoreError, match="opened to read"):
        store.merge()


def test_merge_options_are_checked() -> None:
    with pytest.raises(ConfigurationError):
        MergeOptions(threshold=0)
    with pytest.raises(ConfigurationError):
        MergeOptions(day_window=-1)


def test_a_store_of_schema_3_gains_the_merge_tables(db: Path, tmp_path: Path) -> None:
    old = tmp_path / "old.duckdb"
    shutil.copy(db, old)
    with Store(old) as store:  # take it back to schema 3, before merging
        for table in MERGE_TABLES:
            store.con.execute(f"DROP TABLE {table}")
        store.con.execute("DELETE FROM dyad_migrations WHERE version > 3")
        store.con.execute("UPDATE dyad_meta SET value = '3' WHERE key = 'schema_version'")
    with Store(old, read_only=True) as store:
        assert store.version() == SCHEMA_VERSION
        assert store.clusters().empty
    with Store(old) as store, Store(db, read_only=True) as fresh:
        store.merge()
        assert tables(store) == tables(fresh)


# The clustering rule, on reports made by hand ---------------------------------------------------------------

DAY = 20_248  # 2025-06-09, in days since 1970-01-01
JUNE = (20_240, 20_269)  # 2025-06
JULY = (20_270, 20_300)


def day(n: int) -> tuple[int, int]:
    return DAY + n, DAY + n


def sanction(actor: str, recipient: str, dates: tuple[int, int] | None, place: str | None = None) -> Report:
    start, end = dates if dates else (None, None)
    return Report("SANCTION", actor, recipient, place, start, end)


def partition(reports: list[Report]) -> set[frozenset[int]]:
    groups: dict[int, set[int]] = {}
    for i, number in enumerate(cluster_reports(reports)):
        groups.setdefault(number, set()).add(i)
    return {frozenset(g) for g in groups.values()}


def test_day_dates_a_day_apart_merge_but_clusters_do_not_drift() -> None:
    reports = [sanction("NOR", "RUS", day(n)) for n in (0, 0, 1, 2, 3)]
    groups = partition(reports)
    assert frozenset({0, 1, 2}) in groups  # the 9th (twice) and the 10th
    for group in groups:
        days = [reports[i].start or 0 for i in group]
        assert max(days) - min(days) <= 1


def test_different_sides_places_or_types_stay_apart() -> None:
    reports = [
        sanction("NOR", "RUS", day(0), place="oslo"),
        sanction("FIN", "RUS", day(0), place="oslo"),
        sanction("NOR", "RUS", day(0), place="bergen"),
        Report("ACCUSE", "NOR", "RUS", "oslo", DAY, DAY),
    ]
    assert len(partition(reports)) == 4


def test_a_report_without_a_place_joins_the_one_place_it_fits() -> None:
    one = [sanction("NOR", "RUS", day(0), place="oslo"), sanction("NOR", "RUS", day(0))]
    assert partition(one) == {frozenset({0, 1})}
    two = [*one, sanction("NOR", "RUS", day(0), place="bergen")]
    assert partition(two) == {frozenset({0}), frozenset({1}), frozenset({2})}


def test_an_empty_side_joins_the_one_cluster_it_fits_and_never_bridges_two() -> None:
    one = [sanction("NOR", "RUS", day(0)), sanction("NOR", "", day(0))]
    assert partition(one) == {frozenset({0, 1})}
    two = [sanction("NOR", "RUS", day(0)), sanction("FIN", "RUS", day(0)), sanction("", "RUS", day(0))]
    assert partition(two) == {frozenset({0}), frozenset({1}), frozenset({2})}


def test_a_coarse_date_joins_the_one_cluster_inside_it_only() -> None:
    one = [sanction("NOR", "RUS", day(0)), sanction("NOR", "RUS", JUNE)]
    assert partition(one) == {frozenset({0, 1})}
    two = [sanction("NOR", "RUS", day(0)), sanction("NOR", "RUS", day(10)), sanction("NOR", "RUS", JUNE)]
    assert partition(two) == {frozenset({0}), frozenset({1}), frozenset({2})}
    other_month = [sanction("NOR", "RUS", day(0)), sanction("NOR", "RUS", JULY)]
    assert len(partition(other_month)) == 2


def test_reports_without_sides_merge_only_within_their_duplicate_group() -> None:
    reports = [
        Report("SUPPORT", "", "", None, DAY, DAY, group="a"),
        Report("SUPPORT", "", "", None, DAY, DAY, group="a"),
        Report("SUPPORT", "", "", None, DAY, DAY, group="b"),
        Report("SUPPORT", "KEN", "", None, DAY, DAY, group="b"),
    ]
    assert partition(reports) == {frozenset({0, 1}), frozenset({2}), frozenset({3})}


def test_clustering_does_not_depend_on_the_order_of_the_reports() -> None:
    rng = random.Random(8)
    sides = ["NOR", "RUS", "FIN", ""]
    reports = []
    for _ in range(400):
        start = DAY + rng.randrange(20)
        dates = rng.choice([(start, start), (start, start), JUNE, None])
        reports.append(
            sanction(rng.choice(sides), rng.choice(sides), dates, rng.choice([None, None, "oslo"]))
        )
    expected = partition(reports)
    for _ in range(3):
        order = list(range(len(reports)))
        rng.shuffle(order)
        shuffled = partition([reports[i] for i in order])
        assert {frozenset(order[i] for i in group) for group in shuffled} == expected


# The command line ------------------------------------------------------------------------------------------


def test_merge_command_prints_a_one_line_summary(cli: Cli, db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.duckdb"
    shutil.copy(db, copy)
    result = cli("merge", "--db", str(copy))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("\n") == 1
    assert "4 articles, 1 linked to a near-duplicate (1 group)" in result.stdout
    missing = cli("merge", "--db", str(tmp_path / "none.duckdb"))
    assert missing.exit_code == 1 and "no such store" in missing.stderr
    assert not (tmp_path / "none.duckdb").exists()
    wrong = cli("merge", "--db", str(copy), "--threshold", "1.5")
    assert wrong.exit_code == 2


def test_clusters_command_prints_a_table_json_and_csv(cli: Cli, db: Path) -> None:
    table = cli("clusters", "--db", str(db), "--type", "SANCTION", "--actor", "NOR")
    assert table.exit_code == 0, table.stderr
    assert "Norway" in table.stdout and "1 clusters" in table.stdout
    result = cli("clusters", "--db", str(db), "--actor", "NOR", "--type", "sanction", "--format", "json")
    (row,) = json.loads(result.stdout)
    assert (row["num_articles"], row["num_sources"], row["first_date"]) == (3, 2, "2025-06-09")
    result = cli("clusters", "--db", str(db), "--since", "2025-06-12", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["actor"] for r in rows] == ["Kenya; Tanzania"] and rows[0]["num_articles"] == "1"
    wrong = cli("clusters", "--db", str(db), "--type", "EXPEL")
    assert wrong.exit_code == 2


def test_cluster_command_lists_the_reports_with_their_evidence(cli: Cli, db: Path) -> None:
    listed = cli("clusters", "--db", str(db), "--type", "SANCTION", "--actor", "NOR", "--format", "json")
    cluster_id = json.loads(listed.stdout)[0]["cluster_id"]
    result = cli("cluster", cluster_id, "--db", str(db), "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert {r["source"] for r in rows} == {"Northline Wire", "Coastal Courier", "Fjord Times"}
    assert all("expelled" in r["evidence"] for r in rows)
    missing = cli("cluster", "nothing-here", "--db", str(db))
    assert missing.exit_code == 1 and "no event cluster" in missing.stderr
