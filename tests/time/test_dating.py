"""Dates of clauses: what the events and quotes stages will read."""

from __future__ import annotations

import dyad
from dyad.model import Analysis, Dating


def dating(analysis: Analysis, word: str) -> Dating:
    text = analysis.document.text
    start = text.index(word)
    found = analysis.dating_of(dyad.Span(start, start + len(word)))
    assert found is not None, word
    return found


TEXT = (
    "On 17 April the court lifted the ban. The decision surprised diplomats. "
    "Envoys will meet in Kazan in May 2025, officials said."
)


def test_clause_takes_its_own_time_expression() -> None:
    analysis = dyad.extract(TEXT, date="2025-04-28")
    lifted = dating(analysis, "lifted")
    assert (lifted.value, lifted.source, lifted.inferred) == ("2025-04-17", "clause", True)


def test_clause_without_date_takes_the_narrative_at_coarser_precision() -> None:
    analysis = dyad.extract(TEXT, date="2025-04-28")
    surprised = dating(analysis, "surprised")
    assert (surprised.value, surprised.precision, surprised.source) == ("2025-04", "month", "narrative")
    assert surprised.inferred


def test_future_clause_is_marked_future() -> None:
    analysis = dyad.extract(TEXT, date="2025-04-28")
    meet = dating(analysis, "meet")
    assert meet.value == "2025-05" and meet.future and meet.tense == "future"


def test_document_date_is_never_given_at_day_precision_without_text_support() -> None:
    analysis = dyad.extract("The minister resigned. Parliament accepted the resignation.", date="2025-04-28")
    for d in analysis.datings:
        assert d.precision != "day"
        assert d.source == "document" and d.value == "2025-04" and d.inferred
