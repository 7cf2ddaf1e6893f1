"""The shipped event knowledge: PLOVER types, CAMEO codes and the predicate lexicon agree with each other."""

from __future__ import annotations

from dyad.knowledge.events import EVENTS, knowledge


def test_every_plover_type_has_a_quad_a_score_and_cameo_codes() -> None:
    kb = knowledge()
    assert sorted(kb.types) == sorted(EVENTS)
    for event in EVENTS:
        assert kb.types[event].quad in (1, 2, 3, 4)
        assert kb.code_for(event, None) is not None, event


def test_lexicon_covers_every_type_with_valid_rows() -> None:
    kb = knowledge()
    covered = {row.event for rows in kb.predicates.values() for row in rows}
    assert covered == set(EVENTS)
    for rows in kb.predicates.values():
        for row in rows:
            assert row.cameo in kb.codes and 0.0 <= row.prior <= 1.0
            assert row.mode is None or row.mode in kb.types[row.event].modes


def test_cameo_codes_convert_to_plover_as_published() -> None:
    kb = knowledge()
    assert (kb.codes["042"].event, kb.codes["042"].mode) == ("CONSULT", "visit")
    assert kb.codes["173"].event == "COERCE" and kb.codes["190"].event == "ASSAULT"
    assert kb.codes["010"].event is None  # public statements: dropped by PLOVER
