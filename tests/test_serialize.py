from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from dyad import extract, process
from dyad.model import ActorRef, Event, Quote, Span
from dyad.serialize import records, schema
from tests.conftest import ARTICLE


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(schema())
    return jsonschema.Draft202012Validator(schema())


def test_records_of_every_sample_validate_against_the_shipped_schema(
    examples: Path, validator: jsonschema.Draft202012Validator
) -> None:
    seen = set()
    for analysis in process([examples]):
        assert not isinstance(analysis, Exception), analysis
        for record in records(analysis, include_text=True):
            validator.validate(record)
            seen.add(record["kind"])
    assert {"document", "actor", "timex"} <= seen


def test_offsets_slice_the_document_text() -> None:
    analysis = extract(ARTICLE)
    text = analysis.document.text
    for record in records(analysis):
        if record["kind"] == "timex":
            assert text[record["start"] : record["end"]] == record["text"]
        if record["kind"] == "actor":
            assert all(text[m["start"] : m["end"]].strip() for m in record["mentions"])


def test_possessive_and_article_are_not_part_of_a_mention() -> None:
    analysis = extract(
        "The Taliban’s envoy met officials of the United Nations in Doha on Monday, the ministry said."
    )
    forms = {analysis.document.slice(m.span) for m in analysis.mentions}
    assert "Taliban" in forms and "United Nations" in forms
    assert not any(f.startswith("the ") or f.endswith("’s") for f in forms)


def test_event_and_quote_records_validate(validator: jsonschema.Draft202012Validator) -> None:
    """The schema also covers the records the later stages will fill."""
    from dataclasses import replace

    analysis = extract(ARTICLE)
    sentence = analysis.sentences[0].span
    kaz = ActorRef("KAZ", "Kazakhstan", "state", "KAZ", "GOV")
    event = Event(
        id="e1",
        event="AGREE",
        trigger=Span(sentence.start + 63, sentence.start + 69),
        sentence=sentence,
        cameo="057",
        quad_code=1,
        event_scale=2.5,
        date="2025-03-11",
        date_precision="day",
        actor=(kaz,),
        recipient=(ActorRef("UZB", "Uzbekistan", "state", "UZB", "GOV"),),
        confidence=0.9,
    )
    quote = Quote(id="q1", span=sentence, sentence=sentence, quote_type="indirect", speaker=None)
    analysis = replace(analysis, events=(event,), quotes=(quote,))
    out = [r for r in records(analysis) if r["kind"] in ("event", "quote")]
    for record in out:
        validator.validate(record)
    assert out[0]["text_info"] == {"start": sentence.start, "end": sentence.end, "sentence": 0}
    assert out[1]["speaker"] is None


def test_nothing_is_taken_from_titles_headings_or_boilerplate(examples: Path) -> None:
    for analysis in process([examples]):
        assert not isinstance(analysis, Exception), analysis
        body = analysis.document.body()
        spans = [m.span for m in analysis.mentions] + [t.span for t in analysis.timexes]
        assert all(any(b.contains(s) for b in body) for s in spans), analysis.document.path


def test_shipped_schema_is_the_one_the_build_script_writes() -> None:
    import importlib.util

    from tests.conftest import ROOT

    spec = importlib.util.spec_from_file_location("build_schema", ROOT / "tools" / "build_schema.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build() == schema()
