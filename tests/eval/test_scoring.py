"""TempEval-3 style scores on hand-built predictions: strict and relaxed spans, types, values, floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyad.errors import ConfigurationError
from dyad.eval.scoring import (
    FloorFailure,
    TimeScores,
    below_floors,
    pool,
    read_floors,
    same_value,
    score_document,
)
from dyad.eval.timeml import GoldTimex
from dyad.model import Span, TimeValue, TimexType

TEXT = "The talks began on Monday, March 3, and lasted two weeks before a pause last year."
GOLD = (
    GoldTimex(19, 34, "Monday, March 3", "DATE", "2025-03-03"),
    GoldTimex(47, 56, "two weeks", "DURATION", "P2W"),
    GoldTimex(72, 81, "last year", "DATE", "2024"),
)


def test_gold_offsets_slice_the_sentence() -> None:
    assert [TEXT[g.start : g.end] for g in GOLD] == [g.text for g in GOLD]


def predicted(start: int, end: int, type: TimexType = "DATE", value: str | None = None) -> TimeValue:
    return TimeValue(span=Span(start, end), type=type, value=value)


def test_exact_spans_with_right_types_and_values_score_one() -> None:
    exact = [
        predicted(19, 34, "DATE", "2025-03-03"),
        predicted(47, 56, "DURATION", "P2W"),
        predicted(72, 81, "DATE", "2024"),
    ]
    scores = score_document(GOLD, exact)
    assert set(scores.metrics().values()) == {1.0}


def test_relaxed_counts_overlaps_that_strict_does_not() -> None:
    scores = score_document(GOLD, [predicted(19, 25, value="2025-03-03"), predicted(72, 81, value="2024")])
    m = scores.metrics()
    assert (m["strict_precision"], m["strict_recall"]) == (0.5, pytest.approx(1 / 3))
    assert (m["relaxed_precision"], m["relaxed_recall"]) == (1.0, pytest.approx(2 / 3))
    assert m["relaxed_f1"] == pytest.approx(0.8)
    assert m["value_accuracy"] == 1.0 and m["value_f1"] == pytest.approx(0.8)


def test_value_f1_counts_only_relaxed_matches_with_the_gold_value() -> None:
    scores = score_document(
        GOLD,
        [predicted(19, 34, value="2025-03-10"), predicted(47, 56, "DURATION", "P2W"), predicted(0, 3)],
    )
    m = scores.metrics()
    assert scores.value_matches == 1 and scores.relaxed_matches == 2
    assert m["value_precision"] == pytest.approx(1 / 3) and m["value_recall"] == pytest.approx(1 / 3)
    assert m["value_accuracy"] == 0.5
    assert m["type_accuracy"] == 1.0 and m["type_f1"] == pytest.approx(2 * (2 / 3) * (2 / 3) / (4 / 3))


def test_type_accuracy_is_over_relaxed_matches() -> None:
    scores = score_document(GOLD, [predicted(47, 56, "DATE"), predicted(72, 81, "DATE")])
    assert scores.metrics()["type_accuracy"] == 0.5
    assert scores.metrics()["type_precision"] == 0.5


def test_each_gold_takes_at_most_one_prediction_by_largest_overlap() -> None:
    scores = score_document(GOLD, [predicted(19, 22, value="x"), predicted(19, 34, value="2025-03-03")])
    (first, second, third) = scores.outcomes
    assert first.predicted is not None and first.predicted.span == Span(19, 34)
    assert second.predicted is None and third.predicted is None
    assert scores.metrics()["relaxed_precision"] == 0.5


def test_one_prediction_over_two_gold_matches_only_one() -> None:
    scores = score_document(GOLD, [predicted(19, 56)])
    assert scores.relaxed_matches == 1


def test_no_predictions_and_no_gold_score_zero_not_an_error() -> None:
    assert set(score_document(GOLD, []).metrics().values()) == {0.0}
    assert set(TimeScores().metrics().values()) == {0.0}


def test_scores_are_pooled_over_documents() -> None:
    good = score_document(GOLD, [predicted(g.start, g.end, value=g.value) for g in GOLD])
    empty = score_document(GOLD, [])
    total = pool([good, empty])
    assert (total.documents, total.gold, total.predicted) == (2, 6, 3)
    assert total.metrics()["relaxed_recall"] == 0.5 and total.metrics()["relaxed_precision"] == 1.0


def test_errors_list_misses_and_wrong_values_commonest_first() -> None:
    scores = pool(
        [
            score_document(GOLD, [predicted(19, 34, value="2025-03-10")]),
            score_document(GOLD, [predicted(47, 56)]),
        ]
    )
    errors = scores.errors()
    assert (errors[0].text, errors[0].gold_value, errors[0].count, errors[0].matched) == (
        "last year",
        "2024",
        2,
        False,
    )
    wrong = [e for e in errors if e.matched]
    assert {(e.text, e.predicted_value) for e in wrong} == {
        ("monday, march 3", "2025-03-10"),
        ("two weeks", None),
    }
    assert {s.shape: s.gold for s in scores.shapes()} == {"dddd-dd-dd": 2, "PdW": 2, "dddd": 2}


def test_as_dict_is_json_ready_with_counts_scores_and_optional_errors() -> None:
    scores = score_document(GOLD, [predicted(19, 34)])
    plain = scores.as_dict()
    assert plain["gold"] == 3 and plain["predicted"] == 1 and "value_f1" in plain and "errors" not in plain
    detailed = json.loads(json.dumps(scores.as_dict(errors=2)))
    assert len(detailed["errors"]) == 2 and detailed["shapes"]


def test_floors_report_each_score_below_its_floor(tmp_path: Path) -> None:
    path = tmp_path / "floors.json"
    path.write_text('{"relaxed_f1": 0.5, "value_f1": 0.8}', encoding="utf-8")
    floors = read_floors(path)
    scores = score_document(GOLD, [predicted(19, 34, value="2025-03-03"), predicted(47, 56)])
    assert below_floors(scores, floors) == [FloorFailure("value_f1", pytest.approx(0.4), 0.8)]
    assert str(FloorFailure("value_f1", 0.71, 0.8)) == "value_f1 0.71 is below the floor 0.80"
    assert str(FloorFailure("value_f1", 0.799, 0.8)) == "value_f1 0.799 is below the floor 0.800"


def test_unknown_floor_names_and_bad_files_are_configuration_errors(tmp_path: Path) -> None:
    path = tmp_path / "floors.json"
    path.write_text('{"valu_f1": 0.8}', encoding="utf-8")
    with pytest.raises(ConfigurationError, match="valu_f1"):
        read_floors(path)
    path.write_text('["value_f1"]', encoding="utf-8")
    with pytest.raises(ConfigurationError, match="JSON object"):
        read_floors(path)


def test_values_spelled_differently_but_meaning_the_same_time_match() -> None:
    assert same_value("2000-W7", "2000-W07")
    assert same_value("1989-11-06T17", "1989-11-06T17:00")
    assert not same_value("2000-W7", "2000-W17")
    assert not same_value("1989-11-06T17", "1989-11-06T18:00")
