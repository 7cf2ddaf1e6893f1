"""Queries over a real store: filters return the right events, quotes and actors; profiles and relations."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import Result

from dyad.errors import ConfigurationError
from dyad.store import Store
from dyad.store.query import Filters, NotFoundError
from tests.store.corpus import build

Cli = Callable[..., Result]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("query"))


@pytest.fixture
def store(db: Path) -> Iterator[Store]:
    with Store(db, read_only=True) as opened:
        yield opened


def ids(cell: object) -> set[str]:
    return set(str(cell).split("; ")) if isinstance(cell, str) else set()


def test_actor_filter_matches_an_id_a_country_code_or_words_of_a_name(store: Store) -> None:
    by_id = store.events(actor="phl")
    assert len(by_id) >= 3
    assert all("PHL" in (ids(row.actor_id) | ids(row.actor_country)) for row in by_id.itertuples())
    assert "PHL.foreign-ministry" in set(by_id["actor_id"])  # the ministry's country is PHL
    by_name = store.events(actor="ruto")
    assert list(by_name["event"]) == ["CONSULT"] and list(by_name["recipient"]) == ["Abiy Ahmed"]
    assert store.events(actor="rut").empty  # whole words only


def test_actor_recipient_and_type_filters_combine(store: Store) -> None:
    accusations = store.events(actor="PHL", recipient="CHN", type="ACCUSE")
    assert len(accusations) == 2 and set(accusations["event"]) == {"ACCUSE"}
    assert set(accusations["title"]) == {"Manila accuses Beijing over collision at the shoal"}
    either = store.events(type=["ACCUSE", "THREATEN"])
    assert set(either["event"]) == {"ACCUSE", "THREATEN"}


def test_partial_dates_keep_events_whose_whole_date_lies_inside(store: Store) -> None:
    april = store.events(since="2025-04", until="2025-04")
    assert set(april["title"]) == {"Kenya and Ethiopia agree to reopen border trade"}
    assert {"2025-04", "2025-04-02"} <= set(april["date"])
    # An event dated only "2025-03" is not known to be after the 10th; the one of the 14th is.
    march = store.events(since="2025-03-10", until="2025-03")
    assert list(march["date"]) == ["2025-03-14"]
    assert len(store.events(since="2025", until="2025")) == len(store.events())
    assert store.events(until="2024").empty


def test_quad_factuality_country_and_limit_filters(store: Store) -> None:
    conflict = store.events(quad=[3, 4])
    assert not conflict.empty and set(conflict["quad_code"]) <= {3, 4}
    assert len(store.events(factuality="asserted")) == len(store.events())
    assert store.events(factuality="negated").empty
    assert list(store.events(country="eth")["event"]) == ["SUPPORT"]  # Ethiopia is one of its actors
    kenya = store.events(country="KEN").set_index("event")
    assert set(kenya.index) == {"SUPPORT", "CONSULT"} and kenya.loc["CONSULT", "location"] == "Nairobi"
    assert len(store.events(limit=2)) == 2


def test_text_filter_keeps_the_records_of_articles_with_all_the_words(store: Store) -> None:
    events = store.events(text="Moyale traders")
    assert set(events["title"]) == {"Kenya and Ethiopia agree to reopen border trade"}
    assert store.events(text="Moyale collision").empty
    quotes = store.quotes(text="bullied waters")  # both quotes of the article that has these words
    assert set(quotes["title"]) == {"Manila accuses Beijing over collision at the shoal"}
    assert "Enrique Manalo" in set(quotes["speaker"]) and len(quotes) == len(store.quotes(text="Scarborough"))


def test_quotes_filter_by_speaker_and_country(store: Store) -> None:
    ruto = store.quotes(actor="William Ruto")
    assert len(ruto) == 1 and ruto.iloc[0]["quote"].startswith('"Our farmers')
    assert ruto.iloc[0]["date"] == "2025-04-02"  # the article's date, as the quote has none of its own
    philippine = store.quotes(country="PHL")
    assert "Enrique Manalo" in set(philippine["speaker"])


def test_actors_are_counted_across_articles(store: Store) -> None:
    table = store.actors().set_index("actor_id")
    philippines = table.loc["PHL"]
    assert philippines["name"] == "Philippines" and philippines["documents"] == 2
    assert philippines["as_actor"] >= 2 and philippines["as_recipient"] >= 1
    assert table.loc["per:william-ruto", "quotes"] == 1
    kenyan = store.actors(country="KEN")
    assert "KEN" in set(kenyan["actor_id"]) and set(kenyan["country"]) == {"KEN"}
    assert list(store.actors(actor="ruto")["actor_id"]) == ["per:william-ruto"]


def test_actor_profile_gives_records_roles_events_and_quotes(store: Store) -> None:
    manalo = store.actor("enrique manalo")
    assert list(manalo.actors["actor_id"]) == ["per:enrique-manalo"]
    assert any("foreign secretary" in title.lower() for title in manalo.roles["title"])
    assert list(manalo.quotes["quote"]) == ['"We will not be bullied in our own waters,"']
    philippines = store.actor("PHL").events.set_index("event")
    assert philippines.loc["ACCUSE", "as_actor"] == 1
    assert philippines.loc["THREATEN", "as_recipient"] == 1
    with pytest.raises(NotFoundError, match="no actor named"):
        store.actor("Nobody Atall")


def test_relation_counts_both_ways_per_month_and_fills_the_gaps(store: Store) -> None:
    both = store.relation("PHL", "CHN")
    assert list(both["period"]) == ["2025-03", "2025-04", "2025-05"]
    assert list(both["events"]) == [2, 0, 1]
    assert list(both["a_to_b"]) == [2, 0, 0] and list(both["b_to_a"]) == [0, 0, 1]
    assert list(both["verbal_conflict"]) == [2, 0, 1]
    accusations = store.events(actor="PHL", recipient="CHN")
    assert both.iloc[0]["event_scale"] == pytest.approx(accusations["event_scale"].sum())
    directed = store.relation("PHL", "CHN", directed=True)
    assert list(directed["period"]) == ["2025-03"] and list(directed["events"]) == [2]
    yearly = store.relation("china", "philippines", by="year", type="THREATEN")
    assert list(yearly["period"]) == ["2025"] and list(yearly["events"]) == [1]


def test_bad_filters_are_configuration_errors(store: Store) -> None:
    with pytest.raises(ConfigurationError, match="unknown PLOVER event type"):
        store.events(type="FIGHT")
    with pytest.raises(ConfigurationError, match="not a date"):
        store.events(since="2025-13")
    with pytest.raises(ConfigurationError, match="quad class"):
        Filters(quad=(5,))
    with pytest.raises(ConfigurationError, match="unknown filter"):
        store.events(colour="red")
    with pytest.raises(ConfigurationError, match="does not apply to quotes"):
        store.quotes(type="ACCUSE")
    with pytest.raises(ConfigurationError, match="is after until"):
        store.events(since="2025-05", until="2025-04")


def test_events_command_prints_csv_and_json(cli: Cli, db: Path) -> None:
    result = cli("events", "--db", str(db), "--actor", "PHL", "--type", "accuse", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 2 and {r["event"] for r in rows} == {"ACCUSE"}
    result = cli("events", "--db", str(db), "--since", "2025-05", "--format", "json")
    data = json.loads(result.stdout)
    assert "THREATEN" in {d["event"] for d in data}
    assert all(d["url"] == "https://news.example/shoal-2" for d in data)


def test_query_commands_print_tables(cli: Cli, db: Path) -> None:
    result = cli("actor", "William Ruto", "--db", str(db))
    assert result.exit_code == 0, result.stderr
    assert "per:william-ruto" in result.stdout and "CONSULT" in result.stdout and "farmers" in result.stdout
    result = cli("relation", "PHL", "CHN", "--db", str(db), "--directed")
    assert result.exit_code == 0 and "2025-03" in result.stdout and "1 periods" in result.stdout
    result = cli("quotes", "--db", str(db), "--actor", "ruto")
    assert "1 quotes" in result.stdout
    result = cli("actors", "--db", str(db), "--limit", "3", "--format", "json")
    assert len(json.loads(result.stdout)) == 3


def test_query_commands_give_one_line_errors(cli: Cli, db: Path, tmp_path: Path) -> None:
    result = cli("actor", "Nobody Atall", "--db", str(db))
    assert result.exit_code == 1 and result.stderr.startswith("dyad: error:") and "no actor" in result.stderr
    result = cli("events", "--db", str(db), "--since", "April")
    assert result.exit_code == 2 and "not a date" in result.stderr
    result = cli("events", "--db", str(tmp_path / "none.duckdb"))
    assert result.exit_code == 1 and "no such store" in result.stderr


def test_query_commands_say_the_store_is_busy_while_a_writer_holds_it(
    cli: Cli, db: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "held.duckdb"
    copy.write_bytes(db.read_bytes())
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import time; from dyad.store import Store; s = Store({str(copy)!r}); "
            "print('open', flush=True); time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        for command in (["events"], ["search", "shoal"], ["actor", "PHL"], ["export", "--format", "jsonl"]):
            result = cli(*command, "--db", str(copy))
            assert result.exit_code == 1 and "the store is busy" in result.stderr, command
    finally:
        holder.kill()
        holder.communicate()
