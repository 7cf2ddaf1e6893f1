"""Who each mention is: states, institutions, offices by date, learned roles and coreference."""

from __future__ import annotations

from tests.actors.conftest import actor_of, extract, mentioned


def test_capital_standing_for_its_government_is_the_state_but_not_as_a_place() -> None:
    analysis = extract(
        "Moscow said it would help. The envoy later travelled to Moscow for talks.", "2025-04-10"
    )
    assert actor_of(analysis, "Moscow").actor_id == "RUS"
    assert (
        len([m for a in analysis.actors for m in a.mentions if analysis.document.slice(m.span) == "Moscow"])
        == 1
    )


def test_possessive_institution_is_its_own_actor_with_a_sector() -> None:
    analysis = extract("Russia's Supreme Court lifted the ban on Thursday.", "2025-04-20")
    court = actor_of(analysis, "Supreme Court")
    assert (court.name, court.country, court.sector, court.type) == (
        "Supreme Court of Russia",
        "RUS",
        "JUD",
        "organization",
    )
    assert actor_of(analysis, "Russia").actor_id == "RUS"


def test_office_resolves_to_the_holder_on_the_date() -> None:
    text = "The US president spoke to reporters about the tariffs on Monday."
    assert actor_of(extract(text, "2018-06-12"), "US president").name == "Donald Trump"
    assert actor_of(extract(text, "2022-06-14"), "US president").name == "Joe Biden"


def test_lone_surname_of_an_office_holder_is_that_person() -> None:
    lavrov = actor_of(
        extract("Lavrov said a special session would be held in Kazan.", "2025-04-20"), "Lavrov"
    )
    assert (lavrov.actor_id, lavrov.type, lavrov.country) == ("per:sergey-lavrov", "person", "RUS")


def test_kremlin_and_officials_are_the_government_of_the_state() -> None:
    analysis = extract(
        "The Kremlin rejected the claim. Afghan officials welcomed the decision.", "2025-04-20"
    )
    assert actor_of(analysis, "Kremlin").actor_id == "RUS"
    assert actor_of(analysis, "Afghan officials").actor_id == "AFG"


def test_apposition_gives_an_unknown_person_a_role_country_and_sector() -> None:
    text = "Russia's special envoy for Afghanistan, Zamir Kabulov, arrived in Kabul. Kabulov met officials there."
    analysis = extract(text, "2025-04-22")
    envoy = actor_of(analysis, "Zamir Kabulov")
    assert (envoy.type, envoy.country, envoy.sector) == ("person", "RUS", "GOV")
    assert envoy.roles[0].title == "special envoy for Afghanistan"
    assert actor_of(analysis, "Kabulov") is envoy
    assert actor_of(analysis, "special envoy for Afghanistan") is envoy


def test_head_of_an_agency_takes_its_sector_and_the_acronym_is_the_agency() -> None:
    text = (
        "Sergei Naryshkin, head of Russia's foreign intelligence service (SVR), said on Monday that Western "
        "intelligence agencies were meddling in the region. The SVR did not give details."
    )
    analysis = extract(text, "2025-04-20")
    chief = actor_of(analysis, "Sergei Naryshkin")
    assert (chief.country, chief.sector) == ("RUS", "SPY")
    assert chief.roles[0].title == "head of the foreign intelligence service (SVR)"
    service = actor_of(analysis, "foreign intelligence service")
    assert actor_of(analysis, "SVR", 1) is service and service.sector == "SPY"
    west = actor_of(analysis, "Western intelligence agencies")
    assert west.actor_id.startswith("bloc:west") and west.sector == "SPY"


def test_title_before_a_name_is_a_role_not_part_of_the_name() -> None:
    analysis = extract(
        "Foreign Minister Sergey Lavrov met his Chinese counterpart. Lavrov said he was satisfied.",
        "2025-04-20",
    )
    lavrov = actor_of(analysis, "Sergey Lavrov")
    assert lavrov.actor_id == "per:sergey-lavrov" and lavrov.country == "RUS"
    assert actor_of(analysis, "Lavrov") is lavrov and actor_of(analysis, "he") is lavrov
    assert "Foreign Minister Sergey Lavrov" not in mentioned(analysis)


def test_armed_group_sector_follows_the_date() -> None:
    text = "The Taliban attacked a checkpoint near the city."
    assert actor_of(extract(text, "2019-05-01"), "Taliban").sector == "REB"
    assert actor_of(extract(text, "2023-05-01"), "Taliban").sector == "GOV"


def test_description_points_back_to_the_alliance() -> None:
    text = "Kazakhstan asked the Collective Security Treaty Organization (CSTO) for help. The alliance sent troops."
    analysis = extract(text, "2022-01-06")
    assert actor_of(analysis, "alliance").actor_id == "igo:csto"


def test_byline_and_heading_are_not_actors() -> None:
    text = "Talks in Kabul\n\nBy Maria Lopez\n\nRussia and Afghanistan signed a trade deal on Monday.\n\nRussian Reaction\n\nMoscow called it a milestone for the region.\n"
    analysis = extract(text, "2025-04-21")
    names = mentioned(analysis)
    assert "Maria Lopez" not in names and "Russian" not in names
    assert {"Russia", "Afghanistan", "Moscow"} <= names
