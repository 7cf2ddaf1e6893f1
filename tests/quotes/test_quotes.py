"""Quotes: direct, indirect and mixed speech with resolved speakers; scare quotes and titles are not speech."""

from __future__ import annotations

import dyad
from dyad.model import Analysis, Quote
from dyad.quotes.marks import find


def quote_with(analysis: Analysis, words: str) -> Quote:
    for quote in analysis.quotes:
        if words in analysis.document.slice(quote.span):
            return quote
    raise AssertionError([analysis.document.slice(q.span) for q in analysis.quotes])


def test_every_common_quotation_style_is_found() -> None:
    text = (
        'He said “one two”, «trois quatre», „fünf sechs“, "seven eight" and ‘nine ten’; the Taliban’s rule.'
    )
    assert [text[q.inner_start : q.inner_end] for q in find(text)] == [
        "one two",
        "trois quatre",
        "fünf sechs",
        "seven eight",
        "nine ten",
    ]


def test_quote_over_two_paragraphs_is_one_stretch() -> None:
    text = "“The first part runs on\n\n“and the second ends here,” she said."
    (quote,) = find(text)
    assert text[quote.start : quote.end].endswith("ends here,”")


def test_direct_quote_broken_by_its_attribution_has_both_parts_and_the_speaker() -> None:
    text = "“We will not abandon the talks,” Turkish Foreign Minister Hakan Fidan said on Monday, “not this year.”"
    analysis = dyad.extract(text, date="2024-03-12")
    quote = quote_with(analysis, "abandon the talks")
    assert quote.quote_type == "direct" and len(quote.parts) == 2
    assert quote.speaker is not None and quote.speaker.name == "Hakan Fidan"
    assert quote.date == "2024-03-11"


def test_scare_quotes_and_titles_are_not_speech() -> None:
    text = (
        "Kabul presented the decision as a “historic step” and welcomed the “Permanent Bilateral Commission” "
        "on Tuesday."
    )
    assert dyad.extract(text, date="2025-04-23").quotes == ()


def test_indirect_speech_names_the_speaker_through_a_pronoun() -> None:
    text = (
        "Sergey Lavrov arrived in Tashkent on Monday. He said that Moscow would keep taking part in the Doha "
        "consultations."
    )
    quote = quote_with(dyad.extract(text, date="2025-04-23"), "Doha consultations")
    assert quote.quote_type == "indirect"
    assert quote.speaker is not None and quote.speaker.name == "Sergey Lavrov"
    assert quote.cue is not None and text[quote.cue.start : quote.cue.end] == "said"


def test_reported_speech_with_quoted_words_is_mixed_and_according_to_names_the_source() -> None:
    text = (
        "Kazakhstan's foreign minister said the new railway would be a “lifeline for the whole region”. "
        "According to the Taliban's foreign ministry, the two sides also discussed water sharing."
    )
    analysis = dyad.extract(text, date="2024-08-15")
    mixed = quote_with(analysis, "railway")
    assert mixed.quote_type == "mixed" and mixed.speaker is not None and mixed.speaker.country == "KAZ"
    according = quote_with(analysis, "water sharing")
    assert according.speaker is not None and according.speaker.country == "AFG"


def test_a_speaker_the_text_does_not_name_is_none() -> None:
    text = "It was reported on Friday that the talks had broken down over the prisoner exchange."
    analysis = dyad.extract(text, date="2024-08-15")
    assert all(q.speaker is None for q in analysis.quotes)


def test_verbal_event_said_in_a_quote_points_to_it() -> None:
    text = "Beijing accused Manila of provocation near the shoal, a spokesman said on Tuesday."
    analysis = dyad.extract(text, date="2025-04-23")
    accuse = next(e for e in analysis.events if e.event == "ACCUSE")
    assert accuse.quote_id in {q.id for q in analysis.quotes}
