"""Toponyms: which place each names, and when a place name stands for a government."""

from __future__ import annotations

import dyad
from dyad.model import Analysis, Place


def place(analysis: Analysis, text: str, nth: int = 0) -> Place:
    found = [p for p in analysis.places if analysis.document.slice(p.span) == text]
    assert len(found) > nth, [analysis.document.slice(p.span) for p in analysis.places]
    return found[nth]


def test_ambiguous_city_follows_the_countries_of_the_article() -> None:
    text = (
        "Russian officials gathered in Kazan for a regional forum with delegations from Tatarstan and Moscow."
    )
    kazan = place(dyad.extract(text, date="2025-05-15"), "Kazan")
    assert (kazan.country_code, round(kazan.lat), round(kazan.lon)) == ("RUS", 56, 49)


def test_explicit_qualifier_wins() -> None:
    lebanon = place(
        dyad.extract("Clashes broke out in Tripoli, Lebanon, late on Sunday.", date="2024-06-10"), "Tripoli"
    )
    libya = place(
        dyad.extract("Militias fought near Tripoli as the Libyan parliament met.", date="2024-06-10"),
        "Tripoli",
    )
    assert lebanon.country_code == "LBN" and libya.country_code == "LBY"


def test_capital_standing_for_a_government_is_metonymic() -> None:
    analysis = dyad.extract(
        "Moscow said the talks had failed. The envoy then flew back to Moscow.", date="2025-04-20"
    )
    assert place(analysis, "Moscow", 0).metonymic is True
    assert place(analysis, "Moscow", 1).metonymic is False
    assert place(analysis, "Moscow", 1).country_code == "RUS"


def test_disputed_area_names_its_claimants() -> None:
    kashmir = place(
        dyad.extract("Shelling resumed along the line of control in Kashmir on Friday.", date="2025-05-09"),
        "Kashmir",
    )
    assert set(kashmir.claimants) >= {"IND", "PAK"}


def test_seas_and_regions_have_points() -> None:
    analysis = dyad.extract(
        "Tankers crossed the Caspian Sea while traders in Central Asia waited.", date="2025-05-09"
    )
    sea = place(analysis, "Caspian Sea")
    assert sea.feature == "sea" and 36 < sea.lat < 47 and 46 < sea.lon < 55
    assert place(analysis, "Central Asia").feature == "region"


def test_place_the_parser_took_for_a_person_is_a_place_not_an_actor() -> None:
    analysis = dyad.extract(
        "Ukrainian troops drove into Kherson on Friday as crowds cheered.", date="2022-11-12"
    )
    assert place(analysis, "Kherson").country_code == "UKR"
    assert not any(a.type == "person" for a in analysis.actors)


def test_directions_alone_are_not_toponyms() -> None:
    analysis = dyad.extract(
        "Tensions with the West and the South have grown, the minister said.", date="2025-05-09"
    )
    assert "South" not in [analysis.document.slice(p.span) for p in analysis.places]


def test_clause_is_located_where_the_text_says() -> None:
    text = "The minister met his counterpart in Tashkent. During his visit to Uzbekistan he also signed a water deal."
    analysis = dyad.extract(text, date="2025-04-23")
    met = analysis.locating_of(dyad.Span(text.index("met"), text.index("met") + 3))
    assert met is not None and analysis.document.slice(met.place) == "Tashkent" and met.source == "clause"
    signed = analysis.locating_of(dyad.Span(text.index("signed"), text.index("signed") + 6))
    assert signed is not None and analysis.document.slice(signed.place) == "Uzbekistan"


def test_gathering_named_after_a_city_puts_its_meetings_there() -> None:
    text = "The envoys agreed to hold a session on the margins of the Kazan Economic Forum next month."
    analysis = dyad.extract(text, date="2025-04-23")
    kazan = place(analysis, "Kazan")
    assert (kazan.country_code, kazan.metonymic) == ("RUS", False)
    hold = analysis.locating_of(dyad.Span(text.index("hold"), text.index("hold") + 4))
    assert hold is not None and analysis.document.slice(hold.place) == "Kazan" and hold.source == "clause"


def test_saying_is_not_located_where_the_reported_event_is() -> None:
    text = "The spokesman said the two delegations would gather in Doha after the holiday."
    analysis = dyad.extract(text, date="2025-04-23")
    said = analysis.locating_of(dyad.Span(text.index("said"), text.index("said") + 4))
    gather = analysis.locating_of(dyad.Span(text.index("gather"), text.index("gather") + 6))
    assert said is None
    assert gather is not None and analysis.document.slice(gather.place) == "Doha"
