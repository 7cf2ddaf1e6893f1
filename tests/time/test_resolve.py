"""Values: against the document date, the clause's tense, and the narrative."""

from __future__ import annotations

import dyad
from tests.time.conftest import find


def test_day_without_year_takes_the_document_year_and_is_marked_inferred() -> None:
    analysis = dyad.extract("On 17 April the court lifted the ban.", date="2025-04-28")
    timex = find(analysis, "17 April")
    assert (timex.value, timex.precision, timex.inferred) == ("2025-04-17", "day", True)


def test_relative_date_anchors_on_previous_day_in_the_narrative() -> None:
    text = (
        "On 3 March the envoy arrived in Kabul. Officials were cautious about the visit in 2019 terms. "
        "Five days later, he travelled on to Tashkent."
    )
    analysis = dyad.extract(text, date="2025-04-28")
    later = find(analysis, "Five days later")
    assert later.value == "2025-03-08"
    assert later.anchor == "2025-03-03"


def test_historical_narrative_counts_from_its_own_dates() -> None:
    text = "The accord was signed in 2008. Two years later, the parties met again in Oslo."
    analysis = dyad.extract(text, date="2024-06-01")
    assert find(analysis, "Two years later").value == "2010"


def test_weekday_points_back_in_past_tense_and_ahead_in_future_tense() -> None:
    # 28 April 2025 is a Monday.
    past = dyad.extract("The minister resigned on Thursday.", date="2025-04-28")
    future = dyad.extract("The minister will resign on Thursday.", date="2025-04-28")
    assert find(past, "Thursday").value == "2025-04-24"
    assert find(future, "Thursday").value == "2025-05-01"


def test_month_named_in_future_tense_is_next_occurrence() -> None:
    analysis = dyad.extract("A summit will take place in February.", date="2025-04-28")
    assert find(analysis, "February").value == "2026-02"


def test_values_do_not_depend_on_todays_clock() -> None:
    analysis = dyad.extract("The embassy reopened yesterday after last year's attack.", date="1998-08-20")
    assert find(analysis, "yesterday").value == "1998-08-19"
    assert find(analysis, "last year").value == "1997"


def test_year_ago_comparison_keeps_the_reported_period() -> None:
    text = "Profit rose in the third quarter. Sales were $5 million, up from $4 million a year earlier."
    analysis = dyad.extract(text, date="1989-10-26")
    assert find(analysis, "the third quarter").value == "1989-Q3"
    assert find(analysis, "a year earlier").value == "1988-Q3"


def test_precision_modifiers_and_durations() -> None:
    analysis = dyad.extract(
        "Talks resumed in late November and lasted more than three weeks; a deal is due early next year.",
        date="2025-12-10",
    )
    late = find(analysis, "late November")
    assert (late.value, late.mod) == ("2025-11", "END")
    weeks = find(analysis, "more than three weeks")
    assert (weeks.type, weeks.value, weeks.mod) == ("DURATION", "P3W", "MORE_THAN")
    early = find(analysis, "early next year")
    assert (early.value, early.mod) == ("2026", "START")


def test_seasons_quarters_and_sets() -> None:
    analysis = dyad.extract(
        "Fighting eased last winter; the fund reports quarterly and meets every other year.",
        date="1995-06-14",
    )
    assert find(analysis, "last winter").value == "1994-WI"
    assert find(analysis, "every other year").value == "P2Y"


def test_a_day_a_few_days_ahead_is_not_taken_back_a_year_by_a_past_tense() -> None:
    # A deadline extended "to 20 November" in a story of 12 November is eight days away, not a year old.
    analysis = dyad.extract("The bank extended its bid to Nov. 20 after talks stalled.", date="2024-11-12")
    assert find(analysis, "Nov. 20").value == "2024-11-20"


def test_a_possessive_month_ends_no_range() -> None:
    text = "After a revision Friday to December's jobs figures, hiring looked stronger."
    analysis = dyad.extract(text, date="2024-02-09")
    assert find(analysis, "December").value == "2023-12"


def test_a_planned_weekday_lies_ahead_of_a_past_tense_plan() -> None:
    # 5 January 2024 is a Friday.
    analysis = dyad.extract("Farmers planned a protest march in the capital on Saturday.", date="2024-01-05")
    assert find(analysis, "Saturday").value == "2024-01-06"


def test_a_plan_told_in_the_past_tense_takes_the_nearer_weekday() -> None:
    # 7 January 2024 is a Sunday: the concert planned for Saturday was the day before.
    analysis = dyad.extract(
        "A concert planned for Saturday was called off because of the storm.", date="2024-01-07"
    )
    assert find(analysis, "Saturday").value == "2024-01-06"


def test_as_soon_as_a_weekday_lies_ahead() -> None:
    # 3 January 2024 is a Wednesday.
    analysis = dyad.extract(
        "Aid trucks may cross the border as soon as Tuesday, the envoy said.", date="2024-01-03"
    )
    assert find(analysis, "Tuesday").value == "2024-01-09"


def test_a_weekday_after_is_to_lies_ahead() -> None:
    # 3 January 2024 is a Wednesday.
    analysis = dyad.extract("The ferries are to sail again from Busan Monday.", date="2024-01-03")
    assert find(analysis, "Monday").value == "2024-01-08"


def test_a_quarter_under_way_is_this_years_even_in_the_past_tense() -> None:
    analysis = dyad.extract(
        "The shipbuilder reported a sharp drop in fourth-quarter orders.", date="2023-11-03"
    )
    assert find(analysis, "fourth-quarter").value == "2023-Q4"


def test_a_month_after_a_modal_verb_reached_through_a_gerund_lies_ahead() -> None:
    text = "The new members can now take part in planning for the alliance summit in April."
    analysis = dyad.extract(text, date="2023-12-05")
    assert find(analysis, "April").value == "2024-04"


def test_a_date_when_something_falls_due_lies_ahead() -> None:
    analysis = dyad.extract("The board declared a special dividend, payable Dec. 15.", date="2023-10-26")
    assert find(analysis, "Dec. 15").value == "2023-12-15"


def test_a_record_set_on_a_day_is_behind_the_report() -> None:
    analysis = dyad.extract("The index closed near the record high set on Aug. 6.", date="2024-02-06")
    assert find(analysis, "Aug. 6").value == "2023-08-06"


def test_the_end_of_a_period_keeps_the_document_year_whatever_year_the_sentence_names() -> None:
    text = "Under a plan approved in 2019, the fund had bought 40,000 shares through Sept. 29."
    analysis = dyad.extract(text, date="2023-10-30")
    assert find(analysis, "Sept. 29").value == "2023-09-29"


def test_each_weekday_each_month_and_weekday_nights_are_sets() -> None:
    analysis = dyad.extract(
        "Night ferries run on Friday and Saturday nights in summer, and a day boat each Sunday. Pilgrims gather "
        "each August.",
        date="2024-01-03",
    )
    assert find(analysis, "Saturday nights").value == "XXXX-WXX-6TNI"
    assert find(analysis, "each Sunday").value == "XXXX-WXX-7"
    assert find(analysis, "each August").value == "XXXX-08"


def test_a_year_ago_quarter_is_a_year_before_the_one_named() -> None:
    analysis = dyad.extract(
        "The brewer's sales rose in the third quarter. In the year-ago second quarter it had lost money, and "
        "for the quarter a year ago it earned little.",
        date="2023-11-03",
    )
    assert find(analysis, "the year-ago second quarter").value == "2022-Q2"
    assert find(analysis, "the quarter a year ago").value == "2022-Q3"


def test_a_deadline_still_to_come_and_the_week_of_a_day() -> None:
    # 3 January 2024 is a Wednesday.
    analysis = dyad.extract(
        "The agency has given the tenants until noon Monday to leave. A ruling is due the week of January 22.",
        date="2024-01-03",
    )
    assert find(analysis, "noon Monday").value == "2024-01-08T12:00"
    assert find(analysis, "the week of January 22").value == "2024-W04"


def test_the_day_before_a_named_day_is_the_day_before_it() -> None:
    # 24 February 2000 is a Thursday.
    analysis = dyad.extract(
        "The day before last Tuesday's vote, the mayor met the two sides.", date="2000-02-24"
    )
    timex = find(analysis, "The day before last Tuesday")
    assert (timex.value, timex.anchor) == ("2000-02-21", "2000-02-22")


def test_a_deadline_month_not_told_in_the_past_lies_ahead() -> None:
    ahead = dyad.extract("The plan is to repay the credit line by February.", date="2009-10-30")
    behind = dyad.extract("The credit line was repaid by February.", date="2009-10-30")
    just_past = dyad.extract("The order to clear the camp by Jan. 14 stands.", date="2010-01-15")
    assert find(ahead, "February").value == "2010-02"
    assert find(behind, "February").value == "2009-02"
    assert find(just_past, "Jan. 14").value == "2010-01-14"


def test_a_holiday_week_and_a_part_of_the_day_with_an_edge() -> None:
    # Easter fell on 12 April 2009, in ISO week 15.
    analysis = dyad.extract(
        "Hotels were full during Easter week. By mid-afternoon yesterday the ferry had left the harbour.",
        date="2009-11-05",
    )
    assert find(analysis, "Easter week").value == "2009-W15"
    timex = find(analysis, "mid-afternoon yesterday")
    assert (timex.value, timex.mod) == ("2009-11-04TAF", "MID")


def test_that_same_day_is_the_day_just_told() -> None:
    analysis = dyad.extract(
        "The office was raided on 4 March. The files were taken away that same day.", date="2011-05-02"
    )
    assert find(analysis, "that same day").value == "2011-03-04"


def test_since_year_end_counts_from_the_last_year_end_passed() -> None:
    analysis = dyad.extract("The index has gained 8% since year-end.", date="2011-05-02")
    timex = find(analysis, "year-end")
    assert (timex.value, timex.mod) == ("2010", "END")


def test_a_forecast_quarter_is_not_the_period_a_year_ago_compares() -> None:
    analysis = dyad.extract(
        "The miner posted lower third-quarter profit. Analysts see the slump lasting into the second quarter of "
        "2012. In the year-ago period, it earned $9 million.",
        date="2011-10-26",
    )
    assert find(analysis, "the year-ago period").value == "2010-Q3"


def test_a_year_earlier_than_a_nine_month_total_is_last_year() -> None:
    analysis = dyad.extract(
        "The shipyard's profit rose in the third quarter. For the nine months, it earned $48 million, against a "
        "loss a year earlier.",
        date="2011-10-26",
    )
    assert find(analysis, "a year earlier").value == "2010"


def test_a_month_a_plan_was_made_for_is_the_nearer_one() -> None:
    analysis = dyad.extract(
        "The official said the handover was scheduled for late March. The record was set in March.",
        date="2013-02-10",
    )
    planned, record = [t for t in analysis.timexes if analysis.document.slice(t.span).endswith("March")]
    assert (planned.value, record.value) == ("2013-03", "2012-03")


def test_a_time_something_was_put_off_until_lies_ahead() -> None:
    # 30 March 2017 is a Thursday.
    analysis = dyad.extract(
        "The regulator delayed its ruling on the permits until Tuesday morning. The talks were adjourned "
        "until February.",
        date="2017-03-30",
    )
    assert find(analysis, "Tuesday morning").value == "2017-04-04TMO"
    assert find(analysis, "February").value == "2018-02"


def test_a_quarter_ended_on_a_day_is_the_calendar_quarter_holding_most_of_it() -> None:
    plain = dyad.extract(
        "Over the quarter ended May 31, the distributor sold 40,000 units.", date="2012-10-30"
    )
    fiscal = dyad.extract(
        "The chipmaker's fiscal first-quarter profit rose. Sales grew 9% over the quarter ending Sept. 28.",
        date="2012-10-30",
    )
    assert find(plain, "the quarter").value == "2012-Q2"
    assert find(fiscal, "the quarter").value == "2012-Q1"
