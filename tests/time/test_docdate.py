"""The document date: given, from metadata, or inferred from the text."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import dyad

UNDATED = (
    "In 2025, the foreign minister said the sanctions must end. On 9 March the council met in closed session. "
    "On 14 March, envoys travelled to Riyadh for talks. A follow-up meeting will be held in June 2025."
)


def test_undated_article_date_is_inferred_from_its_past_and_future_mentions() -> None:
    document = dyad.extract(UNDATED).document
    assert document.date_source == "inferred"
    assert document.date == dt.date(2025, 3, 14)


def test_given_date_wins_over_inference() -> None:
    document = dyad.extract(UNDATED, date="2025-05-02").document
    assert (document.date, document.date_source) == (dt.date(2025, 5, 2), "given")


def test_metadata_date_wins_over_inference(write: Callable[[str, bytes | str], Path]) -> None:
    path = write("feed.jsonl", json.dumps({"text": UNDATED, "date": "2025-04-01"}) + "\n")
    document = dyad.extract(path).document
    assert (document.date, document.date_source) == (dt.date(2025, 4, 1), "metadata")


def test_text_without_any_year_leaves_the_date_unknown() -> None:
    document = dyad.extract("The envoy met the minister on Tuesday and left the next day.").document
    assert document.date is None and document.date_source is None
