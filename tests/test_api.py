from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest

import dyad
from dyad.errors import EmptyInputError, InputError
from tests.conftest import ARTICLE

Write = Callable[[str, bytes | str], Path]


def test_extract_takes_text_and_a_date_string() -> None:
    analysis = dyad.extract(ARTICLE, date="2025-03-14")
    assert analysis.document.date == dt.date(2025, 3, 14)
    assert analysis.document.path is None
    assert {a.name for a in analysis.actors} >= {"Kazakhstan", "Murat Nurtleu"}


def test_extract_takes_a_path(write: Write) -> None:
    path = write("a.txt", ARTICLE)
    assert dyad.extract(path).document.path == str(path)
    assert dyad.extract(str(path)).document.doc_id == dyad.extract(ARTICLE).document.doc_id


def test_extract_raises_typed_errors(write: Write) -> None:
    with pytest.raises(EmptyInputError):
        dyad.extract(write("e.txt", b""))
    feed = write("f.jsonl", "\n".join(json.dumps({"text": ARTICLE + str(i)}) for i in range(2)))
    with pytest.raises(InputError, match="several articles"):
        dyad.extract(feed)


def test_process_yields_errors_as_values_and_keeps_going(write: Write) -> None:
    results = list(dyad.process([write("bad.txt", b""), write("good.txt", ARTICLE)]))
    assert isinstance(results[0], EmptyInputError)
    assert isinstance(results[1], dyad.Analysis)


def test_options_are_shared_with_the_cli() -> None:
    options = dyad.Options(date=dt.date(2025, 1, 2))
    assert dyad.extract(ARTICLE, options=options).document.date_source == "given"
    assert options.with_(max_bytes=10).max_bytes == 10


def test_one_long_line_of_text_is_read_as_text_not_as_a_path() -> None:
    text = "The foreign ministers met in Tashkent on Tuesday and agreed on water quotas. " * 4
    assert "Tashkent" in dyad.extract(text.strip()).document.text
