"""Full-text search: an index filled at ingest, BM25 ranking, snippets, and the migration that indexes old stores."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from dyad.errors import ConfigurationError
from dyad.store import SCHEMA_VERSION, Store
from dyad.store.ingest import ingest
from dyad.store.search import normalise, snippet, tokens
from tests.store.corpus import build, write_articles

Cli = Callable[..., Result]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("search"))


def test_terms_are_case_folded_without_accents_or_plural_s() -> None:
    assert [t for t, _, _ in tokens("Sanctions on the Café, Countries' ports; a I 7")] == [
        "sanction",
        "on",
        "the",
        "cafe",
        "country",
        "port",
        "7",
    ]
    assert normalise("glasses") == "glasse" and normalise("status") == "status"


def test_search_ranks_the_relevant_article_first_with_a_snippet(db: Path) -> None:
    with Store(db, read_only=True) as store:
        found = store.search("coast guard collision")
        assert found.iloc[0]["title"] == "Manila accuses Beijing over collision at the shoal"
        assert found.iloc[0]["matched"] == 3 and found["score"].is_monotonic_decreasing
        _, texts = store.query("SELECT text FROM documents WHERE doc_id = ?", [found.iloc[0]["doc_id"]])
        top = found.iloc[0]
        assert texts[0][0][top["snippet_start"] : top["snippet_end"]] == top["snippet"]
        assert "coast guard" in top["snippet"]
        water = store.search("river water farmers")  # "our own waters" matches one word of the shoal article
        assert list(water["title"]) == [
            "Kenya and Ethiopia agree to reopen border trade",
            "Manila accuses Beijing over collision at the shoal",
        ]
        assert list(water["matched"]) == [3, 1]


def test_search_finds_plurals_and_words_without_their_accents(db: Path) -> None:
    with Store(db, read_only=True) as store:
        assert list(store.search("agreements")["title"]) == [
            "Kenya and Ethiopia agree to reopen border trade"
        ]
        cafe = store.search("CAFE")
        assert len(cafe) == 1 and "café" in cafe.iloc[0]["snippet"]
        assert store.search("volcano").empty
        with pytest.raises(ConfigurationError, match="no word"):
            store.search("?!")


def test_snippet_centres_on_the_words_searched_for() -> None:
    text = "Filler words here. " * 30 + "The river water was shared." + " More filler." * 30
    found = snippet(text, ["river", "water"], width=80)
    assert "river water" in text[found.start : found.end] and found.end - found.start <= 100
    assert [text[s:e] for s, e in found.hits] == ["river", "water"]


def test_recoding_an_article_keeps_one_index_entry_per_term(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(db.read_bytes())
    with Store(copy) as store:
        _, before = store.query("SELECT count(*), sum(tf) FROM terms")
        ingest([write_articles(tmp_path)], store, reprocess=True)
        _, after = store.query("SELECT count(*), sum(tf) FROM terms")
        _, lengths = store.query("SELECT count(*), count(DISTINCT doc_id) FROM doc_lengths")
    assert after == before and lengths == [(3, 3)]


def test_migration_indexes_the_documents_stored_before_it(db: Path, tmp_path: Path) -> None:
    old = tmp_path / "old.duckdb"
    old.write_bytes(db.read_bytes())
    with Store(old) as store:  # take it back to schema 1: no index
        store.con.execute("DROP TABLE terms")
        store.con.execute("DROP TABLE doc_lengths")
        store.con.execute("DELETE FROM dyad_migrations WHERE version > 1")
        store.con.execute("UPDATE dyad_meta SET value = '1' WHERE key = 'schema_version'")
    with Store(old, read_only=True) as store:  # opening it, even to read, migrates it
        assert store.version() == SCHEMA_VERSION
        _, migrations = store.query("SELECT version FROM dyad_migrations ORDER BY version")
        assert migrations == [(v,) for v in range(1, SCHEMA_VERSION + 1)]
        assert store.search("coast guard collision").iloc[0]["title"].startswith("Manila accuses")
    with Store(old, read_only=True) as migrated, Store(db, read_only=True) as fresh:
        query = "SELECT doc_id, term, tf FROM terms ORDER BY ALL"
        assert migrated.query(query) == fresh.query(query)


def test_search_command_prints_json_with_offsets(cli: Cli, db: Path) -> None:
    result = cli("search", "supply boats reef", "--db", str(db), "--format", "json", "--limit", "1")
    assert result.exit_code == 0, result.stderr
    (hit,) = json.loads(result.stdout)
    assert hit["title"] == "China warns the Philippines of countermeasures"
    assert hit["snippet_end"] > hit["snippet_start"] >= 0 and hit["score"] > 0
    table = cli("search", "supply boats reef", "--db", str(db))
    assert "China warns" in table.stdout and "1 articles" in table.stdout
