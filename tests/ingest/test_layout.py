from __future__ import annotations

import datetime as dt

from dyad.ingest.layout import analyze, parse_date_line


def kinds(text: str) -> dict[str, str]:
    layout = analyze(text)
    return {text[r.span.start : r.span.end]: r.kind for r in layout.regions}


BODY = (
    "Russia's envoy travelled to Kabul on Tuesday for talks with the foreign minister, officials said. "
    "The two sides discussed trade, transit routes and security along the northern border."
)


def test_title_byline_and_dateline_become_metadata() -> None:
    text = f"Envoy travels to Kabul\n\nBy Jane Roe and John Doe\nPublished 14 March 2025\n\n{BODY}\n"
    layout = analyze(text)
    assert layout.title == "Envoy travels to Kabul"
    assert layout.author == "Jane Roe and John Doe"
    assert layout.date == dt.date(2025, 3, 14)
    found = kinds(text)
    assert found["Envoy travels to Kabul"] == "title"
    assert found["By Jane Roe and John Doe"] == "byline"
    assert found["Published 14 March 2025"] == "dateline"
    assert found[BODY] == "body"


def test_heading_between_paragraphs_is_kept_out_of_the_body() -> None:
    text = f"{BODY}\n\nRegional Stability\n\n{BODY}\n"
    assert kinds(text)["Regional Stability"] == "heading"


def test_short_last_line_is_not_a_heading() -> None:
    text = f"{BODY}\n\nMore talks are planned\n"
    assert kinds(text)["More talks are planned"] == "body"


def test_comment_form_trailer_is_boilerplate() -> None:
    text = (
        f"{BODY}\n\n{BODY}\n\nLeave a Reply\n\nYour email address will not be published.\n\n"
        "Comment *\n\nName *\n\nRequired fields are marked *\n\nPost Comment\n"
    )
    layout = analyze(text)
    body = [text[r.span.start : r.span.end] for r in layout.regions if r.kind == "body"]
    assert body == [BODY, BODY]


def test_share_newsletter_and_cookie_lines_are_boilerplate() -> None:
    text = (
        f"{BODY}\n\n{BODY}\n\nShare this article\nFacebook\nX\nLinkedIn\n\n"
        "Follow us on Telegram\nSubscribe to our newsletter\nThe day's top stories in your inbox.\n\n"
        "We use cookies to improve your experience on our site.\nAccept all\n"
    )
    layout = analyze(text)
    body = [text[r.span.start : r.span.end] for r in layout.regions if r.kind == "body"]
    assert body == [BODY, BODY]


def test_a_sentence_about_cookies_is_not_a_cookie_notice() -> None:
    line = (
        "Bakers in Kabul said the price of flour for bread and cookies had doubled since the border closed."
    )
    assert kinds(f"{BODY}\n\n{line}\n\n{BODY}\n")[line] == "body"


def test_sentence_starting_with_by_is_not_a_byline() -> None:
    text = f"Talks resume\n\nBy Sunday, the talks had ended without a deal.\n\n{BODY}\n"
    layout = analyze(text)
    assert layout.author is None
    assert kinds(text)["By Sunday, the talks had ended without a deal."] == "body"


def test_wire_dateline_at_the_start_of_the_body_gives_the_date() -> None:
    text = f"HAVANA, 7 February 2024 — {BODY}\n\n{BODY}\n"
    assert analyze(text).date == dt.date(2024, 2, 7)


def test_offsets_of_regions_point_into_the_original_text() -> None:
    text = f"  Title line here\r\n\r\n{BODY}\r\n"
    layout = analyze(text)
    assert [text[r.span.start : r.span.end] for r in layout.regions] == ["Title line here", BODY]


def test_date_lines_in_common_forms() -> None:
    assert parse_date_line("Friday, 14 March 2025")[0] == dt.date(2025, 3, 14)
    assert parse_date_line("March 14, 2025 10:30 GMT")[0] == dt.date(2025, 3, 14)
    assert parse_date_line("Updated: 2025-03-14T10:00:00Z") == (dt.date(2025, 3, 14), "updated")
    assert parse_date_line("14 Foo 2025") == (None, None)
    assert parse_date_line("31 February 2025") == (None, None)
