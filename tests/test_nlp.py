from __future__ import annotations

from pathlib import Path

from dyad import extract
from dyad.ingest import make_document
from dyad.nlp import CHUNK_CHARS, load_pipeline, masked_text, parse
from dyad.options import Options

BODY = "Russia's envoy travelled to Kabul on Tuesday. He met the foreign minister there"


def test_headings_and_title_are_not_in_body_sentences() -> None:
    text = f"Envoy travels to Kabul\n\nBy Jane Roe\n\n{BODY}\n\nGlobal Rivalry\n\n{BODY}.\n"
    analysis = extract(text)
    sentences = [analysis.document.slice(s.span) for s in analysis.sentences]
    assert sentences == [
        "Russia's envoy travelled to Kabul on Tuesday.",
        "He met the foreign minister there",
        "Russia's envoy travelled to Kabul on Tuesday.",
        "He met the foreign minister there.",
    ]
    assert not any("Rivalry" in s or "Jane Roe" in s for s in sentences)


def test_a_paragraph_without_final_stop_does_not_run_into_the_next() -> None:
    analysis = extract(f"{BODY}\n\n{BODY}.")
    assert all(s.span.end - s.span.start < 60 for s in analysis.sentences)


def test_masked_text_keeps_offsets() -> None:
    document = make_document(f"Title here\n\n{BODY}.\n", "<text>", Options())
    masked = masked_text(document)
    assert len(masked) == len(document.text)
    assert masked.strip() == f"{BODY}."


def test_long_document_is_parsed_in_chunks_with_offsets_intact() -> None:
    paragraph = (
        "The Kazakh foreign minister met his Uzbek counterpart in Tashkent on Tuesday to discuss water "
        "sharing, and the two sides agreed to meet again in Astana next month. "
    ) * 4
    text = "\n\n".join([paragraph.strip()] * (2 * CHUNK_CHARS // len(paragraph) + 3))
    document = make_document(text, "<text>", Options())
    nlp = load_pipeline(Options().model_candidates())
    doc = parse(nlp, document)
    assert doc.text == text
    ents = [e for e in doc.ents if e.text == "Tashkent"]
    assert len(ents) > 50
    assert all(text[e.start_char : e.end_char] == "Tashkent" for e in ents)


def test_pipeline_loads_the_pypi_english_model_when_no_other_is_named() -> None:
    nlp = load_pipeline(Options().model_candidates())
    assert nlp.meta["lang"] == "en"
    assert nlp.meta["version"] == "3.8.0"
    assert {"tagger", "parser", "ner", "lemmatizer"} <= set(nlp.pipe_names)


def test_unknown_model_is_a_clear_configuration_error(tmp_path: Path) -> None:
    import pytest

    from dyad.errors import ConfigurationError

    with pytest.raises(ConfigurationError, match="no spaCy pipeline installed"):
        load_pipeline(("no_such_model_xyz",))
    with pytest.raises(ConfigurationError, match="cannot load spaCy pipeline"):
        load_pipeline((str(tmp_path / "missing-model"),))
