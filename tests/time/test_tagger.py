"""What counts as a time expression, and what does not."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Timexes = Callable[..., list[tuple[str, str | None]]]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The court ruled on 17 April.", ("17 April", "2025-04-17")),
        ("The treaty was signed on April 17, 2025, in Geneva.", ("April 17, 2025", "2025-04-17")),
        ("The note was dated 17/04/2025 and sent to Ankara.", ("17/04/2025", "2025-04-17")),
        ("The register lists the transfer under 2025-04-17.", ("2025-04-17", "2025-04-17")),
        ("Talks stalled in mid-April.", ("mid-April", "2025-04")),
        ("The mission ended in early 2025.", ("early 2025", "2025")),
        ("Fighting flared repeatedly in the 1990s.", ("the 1990s", "199")),
        ("Exports grew in Q3 2024, the ministry said.", ("Q3 2024", "2024-Q3")),
        ("The army withdrew two years ago.", ("two years ago", "2023")),
        ("Observers have been deployed since 2021.", ("2021", "2021")),
        ("The embargo lasted for three years.", ("three years", "P3Y")),
        ("The commission meets every year in Vienna.", ("every year", "P1Y")),
        ("Envoys met yesterday in Doha.", ("yesterday", "2025-04-27")),
        ("The ministers will meet next month in Cairo.", ("next month", "2025-05")),
        ("Turnout fell earlier this year, officials said.", ("earlier this year", "2025")),
        ("The ceasefire has held since the spring of 2024.", ("the spring of 2024", "2024-SP")),
        ("Leaders held talks last week.", ("last week", "2025-W17")),
    ],
)
def test_expression_is_found_with_its_value(
    timexes: Timexes, sentence: str, expected: tuple[str, str]
) -> None:
    assert expected in timexes(sentence)


def test_range_gives_both_ends(timexes: Timexes) -> None:
    found = timexes("Inspectors worked there from 2019 to 2021. Prices rose between March and May.")
    assert ("2019", "2019") in found and ("2021", "2021") in found
    assert ("March", "2025-03") in found and ("May", "2025-05") in found


def test_bare_month_in_a_sentence_about_an_earlier_year_takes_that_year(timexes: Timexes) -> None:
    assert ("March", "2021-03") in timexes("In 2021 the inspectors left in March.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials said they may meet again before the vote.",
        "Protesters plan to march on the parliament building.",
        "Now, the question is whether the truce will hold.",
        "The floods displaced 2,003 people in the valley.",
        "The council passed Resolution 2231 after long talks.",
        "A 1500-strong force was sent to the border.",
        "The parties agreed to hold a second round of talks.",
        "Analysts warned that prices could fall sharply.",
        "We know the talks were difficult.",
        "The Communist Party daily Pravda printed the letter in full.",
    ],
)
def test_false_hits_are_not_time_expressions(timexes: Timexes, sentence: str) -> None:
    assert timexes(sentence) == []


def test_now_as_time_is_kept_but_not_as_discourse_marker(timexes: Timexes) -> None:
    assert timexes("The talks are now in their third week.")[0] == ("now", "PRESENT_REF")


def test_age_and_rate_are_not_durations(timexes: Timexes) -> None:
    assert timexes("A 6-year-old boy was rescued; the airline runs four flights a week.") == []


def test_headings_and_boilerplate_give_no_time_expressions(timexes: Timexes) -> None:
    text = "Talks in March\n\nBy Ana Ruiz\n\nThe envoys met in Rabat on Tuesday to discuss the border.\n"
    assert [t for t, _ in timexes(text)] == ["Tuesday"]


def test_a_year_after_a_determiner_dates_its_noun_and_an_amount_may_follow_a_quarter(
    timexes: Timexes,
) -> None:
    values = dict(
        timexes(
            "Leaders of the 1998 marches have left the town. The mill booked a loss for the second quarter of "
            "$12 million. The latest period had a small profit. He backed the 2012 Olympics bid.",
            date="2023-11-03",
        )
    )
    assert values["1998"] == "1998"
    assert values["2012"] == "2012"
    assert values["the second quarter"] == "2023-Q2"
    assert values["The latest period"].startswith("2023-Q")


def test_coming_months_without_an_article_and_a_fiscal_quarter_are_times(timexes: Timexes) -> None:
    values = dict(
        timexes(
            "Growth in lending may cool in coming months, bankers say. The miner earned $3 million in the fiscal "
            "third-quarter.",
            date="2023-11-03",
        )
    )
    assert values["coming months"] == "FUTURE_REF"
    assert values["the fiscal third-quarter"] == "2023-Q3"


def test_model_years_event_names_decimals_and_quarterly_are_not_times(timexes: Timexes) -> None:
    found = timexes(
        "Her 1991 Volvo was found. Crowds joined the annual March for Peace. The index fell to 2174.61. The "
        "mill posted its first quarterly loss.",
        date="2023-11-03",
    )
    assert found == []


def test_a_season_after_into_is_a_time(timexes: Timexes) -> None:
    assert timexes("The queues at the border lasted well into the summer.", date="2023-11-03") == [
        ("the summer", "2023-SU")
    ]


def test_the_second_day_of_a_pair_is_its_own_date(timexes: Timexes) -> None:
    assert timexes("The fair runs on June 8 and 9 in the old port.", date="2023-05-02") == [
        ("June 8", "2023-06-08"),
        ("9", "2023-06-09"),
    ]


def test_a_year_in_words_after_a_month_or_season_dates_it(timexes: Timexes) -> None:
    found = timexes(
        "March nineteen ninety-eight. A truck bomb hit the port. The drought began in the summer of two "
        "thousand and three.",
        date="2010-06-01",
    )
    assert found == [
        ("March nineteen ninety-eight", "1998-03"),
        ("the summer of two thousand and three", "2003-SU"),
    ]


def test_a_count_of_hundreds_or_thousands_of_years_is_a_duration_not_a_year(timexes: Timexes) -> None:
    assert timexes("The walls have stood for more than two thousand years.", date="2010-06-01") == [
        ("more than two thousand years", "P2000Y")
    ]
    assert timexes("The dynasty ruled for three hundred years.", date="2010-06-01") == [
        ("three hundred years", "P300Y")
    ]


def test_more_or_additional_units_are_durations(timexes: Timexes) -> None:
    found = timexes(
        "The monitors will stay two more weeks, and the mandate may be renewed for an additional year.",
        date="2010-06-01",
    )
    assert found == [("two more weeks", "P2W"), ("an additional year", "P1Y")]


def test_an_hour_told_by_the_part_of_the_day_is_a_time(timexes: Timexes) -> None:
    # 9 June 2010 is a Wednesday.
    found = timexes(
        "The convoy left at 5 in the morning. A second one set off at 11 at night. Two died in the morning "
        "raid.",
        date="2010-06-09",
    )
    assert found == [("5 in the morning", "2010-06-09T05:00"), ("11 at night", "2010-06-09T23:00")]


def test_the_last_half_or_first_two_quarters_of_a_year_is_a_half(timexes: Timexes) -> None:
    found = timexes(
        "Orders fell in the last half of 2009 and should recover in the first two quarters of 2011. In the last "
        "half hour of trading, prices jumped.",
        date="2010-06-09",
    )
    assert found[:2] == [("the last half of 2009", "2009-H2"), ("the first two quarters of 2011", "2011-H1")]
    assert "the last half" not in [text for text, _ in found]


def test_unit_long_adjectives_and_rate_adjectives_are_times(timexes: Timexes) -> None:
    found = timexes(
        "After a day-long session and a decades-long dispute, the minister gave his weekly press briefing "
        "on average hourly wages. The bank raised its quarterly dividend.",
        date="2010-06-09",
    )
    assert found == [("a day-long", "P1D"), ("decades-long", "PXY"), ("weekly", "P1W"), ("hourly", "PT1H")]


def test_a_year_after_for_is_a_year_and_year_end_may_go_without_an_article(timexes: Timexes) -> None:
    found = timexes("Profit will fall for 2011, and the sale should close by year's end.", date="2010-06-09")
    assert found == [("2011", "2011"), ("year's end", "2010")]


def test_now_that_is_the_present_but_a_sentence_opening_now_is_not(timexes: Timexes) -> None:
    found = timexes(
        "Trade will recover now that the port is open. Now, the ministers say, the hard part begins."
    )
    assert found == [("now", "PRESENT_REF")]


def test_a_year_before_a_company_name_and_its_noun_is_a_year(timexes: Timexes) -> None:
    found = timexes(
        "The analyst cut her 2012 Nokia sales forecast. Police found his 1998 Toyota Corolla.",
        date="2011-05-02",
    )
    assert found == [("2012", "2012")]


def test_over_the_years_and_the_weeks_ahead_are_times_but_a_habit_in_the_morning_is_not(
    timexes: Timexes,
) -> None:
    found = timexes(
        "Over the years the harbour silted up. Exporters expect tighter credit in the weeks ahead. The ferry "
        "leaves in the morning.",
        date="2011-05-02",
    )
    assert found == [("the years", "PXY"), ("the weeks ahead", "FUTURE_REF")]


def test_in_the_morning_after_a_named_day_is_that_days_morning(timexes: Timexes) -> None:
    # 29 April 2011 is a Friday.
    found = timexes("Markets slid on Friday. Traders sold steel shares in the morning.", date="2011-05-02")
    assert found == [("Friday", "2011-04-29"), ("the morning", "2011-04-29TMO")]


def test_recent_quarters_are_the_past_and_ordinal_quarters_of_no_year_have_none(timexes: Timexes) -> None:
    found = timexes(
        "Shipping earnings have sagged in recent quarters. Most of the grain moves in the fourth quarters.",
        date="2011-05-02",
    )
    assert found == [("recent quarters", "PAST_REF"), ("the fourth quarters", "XXXX-Q4")]


def test_a_unit_and_a_half_is_counted_in(timexes: Timexes) -> None:
    assert timexes("The blockade lasted two years and a half.", date="2011-05-02") == [
        ("two years and a half", "P2Y6M")
    ]
