"""The TimeML reader: text without tags, exact offsets, the DCT date and the gold attributes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dyad.errors import MalformedInputError, MissingInputError
from dyad.eval.timeml import GoldTimex, iter_timeml, parse_timeml

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>test.1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2011-05-17T09:30" functionInDocument="CREATION_TIME">05/17/2011</TIMEX3></DCT>
<TITLE>Not part of the text</TITLE>
<TEXT>
The ferry <EVENT eid="e1" class="OCCURRENCE">sank</EVENT> <TIMEX3 tid="t1" type="DATE" value="2011-05-16">yesterday</TIMEX3><SIGNAL sid="s1">after</SIGNAL> <TIMEX3 tid="t2" type="DURATION" value="PT3H" mod="MORE_THAN">more than three hours</TIMEX3> at sea; Smith &amp; Sons <EVENT eid="e2" class="REPORTING">said</EVENT>
it <TIMEX3 tid="t3" type="SET" value="P1W" quant="EVERY">every week</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_text_has_no_tags_and_decoded_entities() -> None:
    doc = parse_timeml(TML, "test.tml")
    assert doc.text == (
        "\nThe ferry sank yesterdayafter more than three hours at sea; Smith & Sons said\nit every week.\n"
    )
    assert "Not part" not in doc.text


def test_gold_offsets_slice_the_text_of_each_timex() -> None:
    doc = parse_timeml(TML, "test.tml")
    assert [doc.text[t.start : t.end] for t in doc.timexes] == [
        "yesterday",
        "more than three hours",
        "every week",
    ]
    assert all(doc.text[t.start : t.end] == t.text for t in doc.timexes)


def test_gold_attributes_are_read_and_mod_defaults_to_none() -> None:
    yesterday, hours, week = parse_timeml(TML, "test.tml").timexes
    assert yesterday == GoldTimex(16, 25, "yesterday", "DATE", "2011-05-16", None)
    assert (hours.type, hours.value, hours.mod) == ("DURATION", "PT3H", "MORE_THAN")
    assert (week.type, week.value, week.mod) == ("SET", "P1W", None)


def test_dct_datetime_gives_its_date() -> None:
    assert parse_timeml(TML, "test.tml").dct == dt.date(2011, 5, 17)


def test_missing_dct_is_none() -> None:
    assert parse_timeml("<TimeML><TEXT>Today.</TEXT></TimeML>", "x.tml").dct is None


def test_malformed_xml_and_missing_text_are_input_errors() -> None:
    with pytest.raises(MalformedInputError, match="malformed XML"):
        parse_timeml("<TimeML><TEXT>open", "bad.tml")
    with pytest.raises(MalformedInputError, match="no <TEXT>"):
        parse_timeml("<TimeML></TimeML>", "bad.tml")


def test_folders_are_read_recursively_in_order_and_bad_files_yielded(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.tml").write_text(TML, encoding="utf-8")
    (tmp_path / "one.tml").write_text(TML, encoding="utf-8")
    (tmp_path / "zz.tml").write_text("<TimeML>", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not TimeML", encoding="utf-8")
    items = list(iter_timeml([tmp_path, tmp_path / "missing"]))
    assert [Path(getattr(i, "where", "")).name for i in items] == ["two.tml", "one.tml", "zz.tml", "missing"]
    assert isinstance(items[2], MalformedInputError) and isinstance(items[3], MissingInputError)
