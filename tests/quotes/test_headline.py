"""Headlines: the attribution a headline makes, with the speaker among the article's actors."""

from __future__ import annotations

import dyad

BODY = (
    "\n\nNigeria's foreign minister, Yusuf Tuggar, spoke to reporters in Abuja on Monday. Tuggar said the "
    "border with Niger would reopen once the talks ended.\n"
)


def headline_quote(title: str) -> tuple[str, str | None, str | None]:
    analysis = dyad.extract(title + BODY, date="2024-05-02")
    (quote,) = [q for q in analysis.quotes if q.span.start < len(title)]
    source = analysis.document.slice(quote.source) if quote.source else None
    return analysis.document.slice(quote.span), source, quote.speaker.name if quote.speaker else None


def test_a_name_and_a_colon_attribute_the_headline_to_an_actor_of_the_article() -> None:
    said, source, speaker = headline_quote("Tuggar: Border With Niger Will Reopen After Talks")
    assert said == "Border With Niger Will Reopen After Talks" and source == "Tuggar"
    assert speaker is not None and "Tuggar" in speaker


def test_says_before_or_after_the_claim_attributes_it() -> None:
    assert headline_quote("Border Will Reopen After Talks, Nigerian Minister Says")[:2] == (
        "Border Will Reopen After Talks",
        "Nigerian Minister",
    )
    assert headline_quote("Tuggar says border with Niger will reopen")[:2] == (
        "border with Niger will reopen",
        "Tuggar",
    )


def test_a_column_label_is_not_a_speaker() -> None:
    analysis = dyad.extract("The Latest: Border With Niger Will Reopen" + BODY, date="2024-05-02")
    assert all(q.span.start > 45 for q in analysis.quotes)
