"""The quality gate: dyad's own gold fixtures, scored by the code users run, against pinned floors.

Floors live in ``tests/floors/``; raise them when quality rises, never lower them silently.
"""

from __future__ import annotations

from dyad.eval.scoring import below_floors, read_floors
from dyad.eval.time import evaluate_time
from tests.conftest import ROOT


def test_time_expressions_meet_their_floors_on_the_fixture_gold() -> None:
    scores = evaluate_time([ROOT / "tests" / "fixtures" / "timeml"])
    assert scores.documents >= 12 and scores.gold >= 220
    failures = below_floors(scores, read_floors(ROOT / "tests" / "floors" / "time.json"))
    assert failures == [], [str(f) for f in failures]


def test_actor_mentions_meet_their_floors_on_the_fixture_gold() -> None:
    from dyad.eval.actors import evaluate_actors
    from dyad.eval.floors import check_floors, load_floors

    scores = evaluate_actors([ROOT / "tests" / "fixtures" / "actors" / "gold.jsonl"])
    assert scores.documents >= 14 and scores.gold >= 170
    metrics = scores.metrics()
    failures = check_floors(metrics, load_floors(ROOT / "tests" / "floors" / "actors.json", metrics))
    assert failures == [], [str(f) for f in failures]


def test_toponyms_meet_their_floors_on_the_fixture_gold() -> None:
    from dyad.eval.floors import check_floors, load_floors
    from dyad.eval.places import evaluate_places

    scores = evaluate_places([ROOT / "tests" / "fixtures" / "places" / "gold.jsonl"])
    assert scores.counts()["documents"] >= 16 and scores.counts()["gold"] >= 250
    metrics = scores.metrics()
    failures = check_floors(metrics, load_floors(ROOT / "tests" / "floors" / "places.json", metrics))
    assert failures == [], [str(f) for f in failures]


def test_events_meet_their_floors_on_the_fixture_gold() -> None:
    from dyad.eval.events import evaluate_events
    from dyad.eval.floors import check_floors, load_floors

    folder = ROOT / "tests" / "fixtures" / "events"
    scores = evaluate_events([folder / "gold.jsonl", folder / "articles.jsonl"])
    assert scores.texts >= 345 and scores.gold >= 500
    metrics = scores.metrics()
    failures = check_floors(metrics, load_floors(ROOT / "tests" / "floors" / "events.json", metrics))
    assert failures == [], [str(f) for f in failures]


def test_quotes_meet_their_floors_on_the_fixture_gold() -> None:
    from dyad.eval.floors import check_floors, load_floors
    from dyad.eval.quotes import evaluate_quotes

    scores, _ = evaluate_quotes([ROOT / "tests" / "fixtures" / "quotes"])
    assert scores.articles >= 14 and scores.gold >= 120
    metrics = scores.metrics()
    failures = check_floors(metrics, load_floors(ROOT / "tests" / "floors" / "quotes.json", metrics))
    assert failures == [], [str(f) for f in failures]
