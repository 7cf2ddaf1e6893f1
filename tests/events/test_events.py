"""Events: type, arguments, factuality, date, place and codes of what the text says happened."""

from __future__ import annotations

from tests.events.conftest import event_at, extract, names


def test_meeting_names_who_met_whom_with_date_and_place() -> None:
    analysis = extract("Sergey Lavrov met Wang Yi in Beijing on Monday to discuss trade.", "2025-03-12")
    met = event_at(analysis, "met")
    assert met.event == "CONSULT"
    assert names(met.actor) == ["Sergey Lavrov"] and names(met.recipient) == ["Wang Yi"]
    assert met.date == "2025-03-10" and met.event_loc is not None and met.event_loc.name == "Beijing"
    assert met.factuality == "asserted"


def test_visit_has_the_host_state_as_recipient() -> None:
    analysis = extract("Kazakhstan's foreign minister travelled to Kabul on Tuesday.", "2024-08-15")
    trip = event_at(analysis, "travelled")
    assert (trip.event, trip.mode) == ("CONSULT", "visit")
    assert [r.country for r in trip.recipient] == ["AFG"]
    assert [a.country for a in trip.actor] == ["KAZ"]


def test_passive_attack_names_the_attacker_as_actor() -> None:
    analysis = extract("A Malian army convoy was attacked by JNIM fighters near Gao on Sunday.", "2024-05-14")
    attack = event_at(analysis, "attacked")
    assert attack.event == "ASSAULT"
    assert any("JNIM" in a.name or a.actor_id.endswith("jnim") for a in attack.actor), attack.actor
    assert attack.quad_code == 4 and attack.event_scale is not None and attack.event_scale < -5


def test_denied_meeting_is_negated_and_future_one_planned() -> None:
    negated = event_at(extract("The Iranian foreign minister did not meet the IAEA chief in Vienna."), "meet")
    planned = event_at(extract("The Turkish president will visit Baku next week."), "visit")
    assert negated.factuality == "negated"
    assert planned.factuality == "planned" and planned.date == "2025-W12"


def test_condition_makes_an_offer_conditional() -> None:
    analysis = extract("Washington will lift the sanctions on Caracas if the election is free.")
    lift = event_at(analysis, "lift")
    assert lift.factuality == "conditional"


def test_a_demand_to_release_is_one_request_not_a_release() -> None:
    analysis = extract("The UN urged the Houthis to release the detained aid workers.", "2024-06-20")
    assert [e.event for e in analysis.events] == ["REQUEST"]
    request = analysis.events[0]
    assert "Houthis" in names(request.recipient)


def test_light_verb_phrase_is_one_event() -> None:
    analysis = extract("Armenia and Azerbaijan held talks in Washington on Friday.", "2025-08-09")
    talks = [e for e in analysis.events if e.event == "CONSULT"]
    assert len(talks) == 1
    assert sorted(names(talks[0].actor)) == ["Armenia", "Azerbaijan"]
    assert "held" in analysis.document.slice(talks[0].trigger)


def test_reported_shelling_is_the_ministry_s_claim() -> None:
    analysis = extract(
        "Ukraine's defence ministry said Russian forces had shelled Kherson overnight.", "2024-11-03"
    )
    shelling = event_at(analysis, "shelled")
    assert shelling.event == "ASSAULT"
    assert shelling.reported_by is not None and shelling.reported_by.country == "UKR"
    assert [a.country for a in shelling.actor] == ["RUS"]


def test_every_event_carries_codes_evidence_and_a_confidence() -> None:
    analysis = extract(
        "Beijing accused Manila of provocation and summoned the Philippine ambassador.", "2025-04-23"
    )
    assert analysis.events
    for event in analysis.events:
        assert event.cameo and event.cameo.isdigit()
        assert event.quad_code in (1, 2, 3, 4)
        assert 0.0 <= event.confidence <= 1.0
        assert event.sentence.start <= event.trigger.start < event.trigger.end <= event.sentence.end


def test_accusation_of_an_aim_is_one_event_but_of_an_attack_two() -> None:
    aim = extract(
        "The spy chief accused Western agencies of seeking to weaken the government in Kabul.", "2025-04-20"
    )
    assert [e.event for e in aim.events] == ["ACCUSE"]
    attack = extract("Kyiv accused Russia of shelling a hospital in Kherson on Sunday.", "2024-11-04")
    shelling = event_at(attack, "shelling")
    assert shelling.event == "ASSAULT" and [a.country for a in shelling.actor] == ["RUS"]
    assert shelling.reported_by is not None and shelling.reported_by.country == "UKR"


def test_a_condition_binds_only_the_clause_it_is_attached_to() -> None:
    text = (
        "The minister repeated the offer during his visit to Tashkent on Monday, saying Moscow would keep "
        "taking part in the talks so long as the other side negotiated in good faith."
    )
    analysis = extract(text, "2025-04-23")
    assert event_at(analysis, "visit").factuality == "asserted"


def test_announced_meeting_that_would_take_place_is_planned() -> None:
    analysis = extract(
        "The envoy announced that a ministerial meeting would take place in Kazan in May.", "2025-04-23"
    )
    meeting = event_at(analysis, "meeting")
    assert (meeting.event, meeting.factuality, meeting.date) == ("CONSULT", "planned", "2025-05")
    assert meeting.event_loc is not None and meeting.event_loc.name == "Kazan"


def test_a_terrorist_attack_names_terrorists_as_its_doers_and_threatens_nothing() -> None:
    text = (
        "Tensions rose after a terrorist attack in Balochistan, which threatens to derail talks "
        "between the two governments."
    )
    analysis = extract(text, "2024-11-12")
    attack = event_at(analysis, "attack")
    assert attack.event == "ASSAULT" and names(attack.actor) == ["Terrorists"]
    assert attack.event_loc is not None and attack.event_loc.name == "Balochistan"
    # the attack "threatens" talks: no actor threatens anyone
    assert "THREATEN" not in [e.event for e in analysis.events]


def test_trigger_words_the_classifier_never_saw_follow_the_lexicon() -> None:
    text = "The army says it is combatting the insurgents, who renounced violence last year."
    analysis = extract(text, "2024-11-12")
    assert event_at(analysis, "combatting").event == "ASSAULT"
    renounced = event_at(analysis, "renounced")
    assert renounced.event == "RETREAT" and renounced.date == "2023"


def test_a_condition_on_the_verb_above_makes_the_event_conditional() -> None:
    text = (
        "Norway remains committed to participating in the Geneva talks so long as both delegations "
        "negotiate in good faith."
    )
    talks = event_at(extract(text, "2024-11-12"), "participating")
    assert talks.event == "CONSULT" and talks.factuality == "conditional"


def test_an_event_named_again_is_one_event_with_both_mentions() -> None:
    text = (
        "On 3 June the constitutional court lifted the ban on the opposition party. Observers were surprised. "
        "The court's decision to lift the ban was welcomed in Brussels."
    )
    analysis = extract(text, "2024-06-10")
    lifts = [e for e in analysis.events if e.event == "CONCEDE"]
    assert len(lifts) == 1 and lifts[0].date == "2024-06-03"
    assert [analysis.document.slice(m) for m in lifts[0].mentions] == ["lift"]
    assert lifts[0].mentions[0].start > text.index("decision")


def test_a_date_in_a_relative_clause_dates_only_that_clause() -> None:
    text = "The rebels, who seized the town in 2019, have now agreed to talks with the government."
    analysis = extract(text, "2024-11-12")
    assert event_at(analysis, "seized").date == "2019"
    assert event_at(analysis, "agreed").date == "2024-11"
