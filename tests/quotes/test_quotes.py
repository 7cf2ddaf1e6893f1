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


def quoted(text: str, words: str) -> tuple[Analysis, Quote]:
    """The analysis of ``text`` and its quote that contains ``words``."""
    analysis = dyad.extract(text, date="2024-05-02")
    return analysis, quote_with(analysis, words)


def reported(text: str) -> set[str]:
    """The words of every quote dyad finds in ``text``."""
    analysis = dyad.extract(text, date="2024-05-02")
    return {analysis.document.slice(q.span) for q in analysis.quotes}


def sources(text: str, width: int) -> dict[str, str | None]:
    """The words naming the speaker of each quote dyad finds in ``text``, by the first ``width`` characters of
    the quote."""
    analysis = dyad.extract(text, date="2024-05-02")
    return {
        analysis.document.slice(q.span)[:width]: analysis.document.slice(q.source) if q.source else None
        for q in analysis.quotes
    }


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


def _said(analysis: Analysis) -> list[tuple[str, str | None, list[str]]]:
    return [
        (
            q.quote_type,
            q.speaker.name if q.speaker else None,
            [analysis.document.slice(p) for p in q.parts or (q.span,)],
        )
        for q in analysis.quotes
    ]


def test_a_speaker_named_by_a_common_noun_still_reports_speech() -> None:
    analysis = dyad.extract(
        "The state auditor said the ministry had overspent its budget.", date="2024-05-02"
    )
    assert [(kind, parts) for kind, _, parts in _said(analysis)] == [
        ("indirect", ["the ministry had overspent its budget"])
    ]
    assert analysis.document.slice(analysis.quotes[0].source) == "The state auditor"


def test_a_parenthetical_attribution_splits_what_was_said_around_it() -> None:
    analysis = dyad.extract(
        "To stop the fraud, Mr. Okafor said, the banks must share their data.", date="2024-05-02"
    )
    [(kind, speaker, parts)] = _said(analysis)
    assert kind == "indirect" and speaker is not None and speaker.endswith("Okafor")
    assert parts == ["To stop the fraud", "the banks must share their data"]


def test_calls_for_and_calls_something_a_name_are_reported_speech() -> None:
    demand = dyad.extract("The opposition called for an inquiry into the arms deal.", date="2024-05-02")
    label = dyad.extract("The senator called the ruling an insult to voters.", date="2024-05-02")
    meeting = dyad.extract("The president called a meeting of the security council.", date="2024-05-02")
    assert [parts for _, _, parts in _said(demand)] == [["an inquiry into the arms deal"]]
    assert [parts for _, _, parts in _said(label)] == [["the ruling an insult to voters"]]
    assert meeting.quotes == ()


def test_a_signature_after_a_dash_names_the_speaker_and_short_replies_count() -> None:
    text = (
        "Voices from the valley\n\nResidents spoke after the flood.\n\n"
        "“Nobody asked us what we wanted.” ― Maria Delgado\n\n“Really?” she said to the officer."
    )
    analysis = dyad.extract(text, date="2024-05-02")
    spoken = _said(analysis)
    first = analysis.quotes[0]
    assert spoken[0][0] == "direct" and spoken[0][2] == ["“Nobody asked us what we wanted.”"]
    assert first.source is not None and "Delgado" in analysis.document.slice(first.source)
    assert spoken[1][0] == "direct" and spoken[1][2] == ["“Really?”"]


def test_she_is_not_the_person_the_text_calls_mr() -> None:
    text = (
        "Mrs. Adeyemi chaired the hearing on Monday. Then Mr. Emeka Bello spoke for an hour. "
        "The budget would be revised, she said."
    )
    analysis = dyad.extract(text, date="2024-05-02")
    (quote,) = analysis.quotes
    assert quote.speaker is not None and quote.speaker.name.endswith("Adeyemi")


def test_a_verb_of_saying_that_opens_the_next_quote_does_not_close_the_one_before() -> None:
    text = "Amina Yusuf spoke in Kano on Monday. “The plan has failed.” She adds, “Who will pay for it now?”"
    analysis = dyad.extract(text, date="2024-05-02")
    asked = quote_with(analysis, "Who will pay")
    assert [analysis.document.slice(p) for p in asked.parts or (asked.span,)] == [
        "“Who will pay for it now?”"
    ]
    assert asked.cue is not None and analysis.document.slice(asked.cue) == "adds"


def test_a_quote_that_goes_on_in_the_next_sentence_is_one_quote_in_parts() -> None:
    text = "Voters watched the debate.\n\n“I agree,” Melanie Ortiz said to the screen. “I agree with every word.”"
    analysis = dyad.extract(text, date="2024-05-02")
    (quote,) = analysis.quotes
    assert [analysis.document.slice(p) for p in quote.parts] == ["“I agree,”", "“I agree with every word.”"]


def test_what_is_denied_or_announced_is_the_content_of_the_report() -> None:
    analysis = dyad.extract(
        "The defence ministry denied reports of a secret arms deal with Minsk.", date="2024-05-02"
    )
    assert [(kind, parts) for kind, _, parts in _said(analysis)] == [
        ("indirect", ["reports of a secret arms deal with Minsk"])
    ]


def test_signature_glued_to_the_closing_mark_names_the_speaker() -> None:
    text = "Readers answered our survey.\n\n“The border talks went nowhere. Nobody listened to us.”― Amina Yusuf\n"
    analysis, quote = quoted(text, "border talks")
    assert quote.source is not None and analysis.document.slice(quote.source) == "Amina Yusuf"


def test_according_to_content_leaves_out_the_source_and_its_description() -> None:
    text = (
        "Grain exports would fall by a third next year, according to a study by Olena Kovalenko, a farm "
        "economist, who wrote it for the ministry.\n\nThe ministry has not answered."
    )
    analysis, quote = quoted(text, "Grain exports")
    assert analysis.document.slice(quote.span) == "Grain exports would fall by a third next year"


def test_clauses_the_writer_adds_after_what_was_said_are_left_out() -> None:
    text = (
        "The envoy said he expects the ceasefire to hold through the winter, which surprised the observers. "
        "The minister said the convoy would reach Goma by Friday and warned against any attack on it."
    )
    analysis = dyad.extract(text, date="2024-05-02")
    assert analysis.document.slice(quote_with(analysis, "ceasefire").span).endswith("through the winter")
    convoy = quote_with(analysis, "convoy")
    assert analysis.document.slice(convoy.span) == "the convoy would reach Goma by Friday"


def test_groups_documents_and_anyone_can_be_sources() -> None:
    text = (
        "Many of the farmers believe the new dam will dry out their fields. Then someone asked how the "
        "pipeline could be finished by spring. The report is blunt. It says the ministry ignored three warnings."
    )
    analysis = dyad.extract(text, date="2024-05-02")
    sources = {analysis.document.slice(q.source) for q in analysis.quotes if q.source is not None}
    assert {"Many of the farmers", "someone", "It"} <= sources


def test_a_call_on_someone_to_act_is_reported_with_whom_it_addresses() -> None:
    text = "The foreign minister called on both militias to withdraw from the airport and reopen the road."
    analysis, quote = quoted(text, "militias")
    assert (
        analysis.document.slice(quote.span)
        == "both militias to withdraw from the airport and reopen the road"
    )


def test_the_clause_after_the_cue_is_what_was_said_when_another_comes_before_it() -> None:
    text = "The vote was close; the electoral board says the count will end on Sunday."
    analysis = dyad.extract(text, date="2024-05-02")
    (quote,) = analysis.quotes
    assert analysis.document.slice(quote.span) == "the count will end on Sunday"


def test_transcript_turns_are_quotes_of_the_speaker_in_capitals() -> None:
    text = (
        "The host questioned the senator on Sunday.\n\n"
        "BRENNAN: Will the committee hold hearings before the vote?\n\n"
        "KLOBUCAR: We will hold them next month, and every witness will be heard.\n\n"
        "CORRECTION: An earlier version of this story gave the wrong date."
    )
    analysis = dyad.extract(text, date="2024-05-02")
    turns = {
        analysis.document.slice(q.source): analysis.document.slice(q.span)
        for q in analysis.quotes
        if q.source
    }
    assert turns["KLOBUCAR"] == "We will hold them next month, and every witness will be heard."
    assert "BRENNAN" in turns and "CORRECTION" not in turns


def test_what_follows_a_colon_after_a_verb_of_saying_is_what_was_said() -> None:
    text = "The mayor added: the bridge will stay closed. Repairs need another month.\n\nTraffic was light."
    analysis, quote = quoted(text, "bridge")
    assert analysis.document.slice(quote.span) == "the bridge will stay closed. Repairs need another month"


def test_what_is_questioned_expressed_or_noted_is_reported() -> None:
    text = (
        "The opposition leader questioned the legitimacy of the count. The bishops expressed deep concern "
        "about the arrests."
    )
    contents = reported(text)
    assert {"the legitimacy of the count", "deep concern about the arrests"} <= contents


def test_i_think_inside_someone_s_words_is_not_a_second_quote() -> None:
    text = (
        "“Let them talk first, because I think the border deal is fair,” the mayor said. "
        "Do you know where the ballots went?"
    )
    analysis = dyad.extract(text, date="2024-05-02")
    assert [q.quote_type for q in analysis.quotes] == ["direct"]


def test_a_closing_mark_that_opens_a_paragraph_opens_a_quote() -> None:
    text = "Readers wrote in.\n”Fear. I am afraid the truce will collapse.” ― Edwin Monroy\n"
    (quote,) = find(text)
    assert text[quote.inner_start : quote.inner_end] == "Fear. I am afraid the truce will collapse."


def test_a_long_attribution_after_a_quote_is_still_its_cue() -> None:
    text = (
        "“The harvest was poor. The roads were shut. Nobody came to help us,” a farmer from the northern "
        "district told reporters. Prices rose again in March."
    )
    analysis, quote = quoted(text, "Nobody came")
    assert quote.quote_type == "direct" and quote.source is not None
    assert analysis.document.slice(quote.source).startswith("a farmer")


def test_which_speaks_for_the_noun_it_follows() -> None:
    text = (
        "The penalty was set by the European Commission, which argued that the shipyard had hidden its debts."
    )
    _, quote = quoted(text, "hidden its debts")
    assert quote.speaker is not None and quote.speaker.name == "European Commission"


def test_as_someone_said_reports_the_clause_it_joins() -> None:
    text = "The footage does not show the driver's face, as the prosecutors have said."
    analysis, quote = quoted(text, "footage")
    assert analysis.document.slice(quote.span) == "The footage does not show the driver's face"
    assert quote.source is not None and analysis.document.slice(quote.source) == "the prosecutors"


def test_a_speaker_in_the_next_sentence_who_says_something_else_does_not_take_the_quote() -> None:
    text = (
        "At the dam site, the president told farmers: “We will keep every canal open,” and “the hard fact is "
        "that the reservoir is running out.” Last spring, Water Minister Ana Ruiz insisted that “the lake feeds "
        "everyone who lives on its banks.”"
    )
    analysis, quote = quoted(text, "running out")
    assert quote.source is not None and analysis.document.slice(quote.source) == "the president"


def test_which_after_a_place_is_not_a_speaker_of_what_threatens() -> None:
    text = "The talks followed a car bombing in Quetta, which threatens to wreck a decade of border accords."
    analysis = dyad.extract(text, date="2024-05-02")
    assert analysis.quotes == ()


def test_speaker_after_an_inverted_verb_of_saying_and_a_verb_before_a_colon_and_a_date() -> None:
    text = (
        "The council met on Tuesday. “Sanctions alone will not end the war,” said Brazil's envoy, Sergio "
        "Danese, “and everyone here knows it.” Foreign Minister Ana Ruiz said last week: „We must not repeat "
        "the mistakes of the past. Trade is not a strategy.“"
    )
    analysis = dyad.extract(text, date="2024-05-02")
    envoy = quote_with(analysis, "Sanctions alone")
    assert envoy.source is not None and analysis.document.slice(envoy.source).startswith("Brazil's envoy")
    ruiz = quote_with(analysis, "mistakes of the past")
    assert ruiz.cue is not None and analysis.document.slice(ruiz.cue) == "said"


def test_a_parenthetical_cue_reports_its_whole_sentence_but_not_a_concession() -> None:
    text = (
        "The talks opened on Monday. Though the first round went smoothly, the envoy said, a second one would be "
        "much harder, although nobody has set a date for it."
    )
    analysis, quote = quoted(text, "first round")
    assert [analysis.document.slice(p) for p in quote.parts] == [
        "Though the first round went smoothly",
        "a second one would be much harder",
    ]


def test_objects_with_what_completes_them_are_reported() -> None:
    text = (
        "The talks resumed. The governor described the ruling as a disgrace. The envoy told his aides to prepare "
        "a second offer. A new poll shows the mayor ahead by three points. The weather turned cold."
    )
    contents = reported(text)
    assert {
        "the ruling as a disgrace",
        "his aides to prepare a second offer",
        "the mayor ahead by three points",
    } <= contents
    assert not any("weather" in c for c in contents)


def test_gerunds_warnings_against_and_agreements_to_act_are_reported() -> None:
    text = (
        "The council met. The mayor proposed closing the bridge at night. The general warned against a hasty "
        "withdrawal from the border. The rebels agreed to free the hostages by Friday."
    )
    contents = reported(text)
    assert {
        "closing the bridge at night",
        "a hasty withdrawal from the border",
        "to free the hostages by Friday",
    } <= contents


def test_what_is_praised_or_condemned_is_reported_but_not_what_is_attacked() -> None:
    text = (
        "The summit closed. The foreign minister condemned the shelling of the grain port. Rebels attacked "
        "the army base near the river."
    )
    contents = reported(text)
    assert "the shelling of the grain port" in contents
    assert not any("army base" in c for c in contents)


def test_what_is_pointed_out_or_pointed_to_is_reported() -> None:
    text = (
        "The hearing went on. The auditor pointed out that the contract had never been signed. The senator "
        "pointed to reports that the mayor had lied about the contract."
    )
    contents = reported(text)
    assert "that the contract had never been signed" in contents
    assert "reports that the mayor had lied about the contract" in contents


def test_so_called_names_and_titles_in_title_case_are_not_speech() -> None:
    text = (
        "Delegates argued for days over the so-called “new collective quantified goal” that rich countries "
        "pledge each year. The paper ran the column 'All Bets Are Off.' on its front page."
    )
    assert dyad.extract(text, date="2024-05-02").quotes == ()


def test_a_call_for_someone_to_act_and_a_quoted_name_given_are_reported() -> None:
    contents = reported(
        "The hearing was tense. The senator called for the judges to resign before the vote. The governor "
        "calls the new tax ‘a reckless gamble’ in every speech. The board called a meeting for Tuesday."
    )
    assert {"the judges to resign before the vote", "the new tax ‘a reckless gamble’"} <= contents
    assert not any("meeting" in c for c in contents)


def test_what_someone_is_confident_or_afraid_of_is_reported() -> None:
    contents = reported(
        "The talks ended. Officials are confident that the truce will hold through the winter. The hall was "
        "certain to fill."
    )
    assert "that the truce will hold through the winter" in contents
    assert not any("hall" in c or "fill" in c for c in contents)


def test_quotes_closed_by_a_short_or_long_attribution_keep_their_own_speakers() -> None:
    text = (
        "The radio spot aired daily.\n\n“Bread costs more. Rent costs more. Who is paying for the palace?” a "
        "voice in the opposition's spot asks. The clip closes on the minister boasting, “I earned every coin,” "
        "as his rival mocked him.\n\n“Can anyone explain the budget to me?” Ortiz asked. “Nobody here can.”"
    )
    found = sources(text, 12)
    assert found["“Bread costs"] == "a voice in the opposition's spot"
    assert found["“Can anyone "] == "Ortiz"
    assert found.get("“I earned ev") != "his rival"
    analysis, ortiz = quoted(text, "Can anyone")
    assert analysis.document.slice(ortiz.parts[-1]) == "“Nobody here can.”"


def test_a_verb_of_saying_a_few_words_before_the_comma_that_opens_a_quote_is_its_cue() -> None:
    text = (
        "The clip went viral. It shows the treasurer saying at a fundraiser last spring, “Every coin went to "
        "the schools,” while the guests clapped."
    )
    analysis, quote = quoted(text, "Every coin")
    assert quote.cue is not None and analysis.document.slice(quote.cue) == "saying"
    assert quote.source is not None and "treasurer" in analysis.document.slice(quote.source)


def test_a_reason_and_a_second_predicate_hung_on_the_cue_stay_in_what_was_said() -> None:
    contents = reported(
        "The callers said they had doubts about the mayor, but could not bring themselves to vote against her. "
        "Councillor Ana Ruiz said the charge reeked of double standards, because her rivals had long ignored "
        "the audit."
    )
    assert "they had doubts about the mayor, but could not bring themselves to vote against her" in contents
    assert "the charge reeked of double standards, because her rivals had long ignored the audit" in contents


def test_a_quote_in_the_paragraph_after_a_cue_and_a_colon_is_the_cue_speakers() -> None:
    text = (
        'The pollster spoke at length on Monday.\n\nMarsh continued:\n\n"Wages matter most to these voters, '
        'and the numbers here show it."\n\nIn May, Ortiz made the following remarks:\n\n“We will not sign '
        'this deal, not this year and not the next.”\n\nThe terms:\n\n"Wages will rise by four percent."'
    )
    found = sources(text, 8)
    assert found['"Wages m'] == "Marsh"
    assert found["“We will"] == "Ortiz"
    assert '"Wages w' not in found


def test_blame_and_praise_for_something_report_whom_and_what_for() -> None:
    contents = reported(
        "The governor faulted the mayor for the slow response to the floods. Ortiz blasted her deputy for not "
        "paying the workers. The mayor praised the volunteers for years."
    )
    assert "the mayor for the slow response to the floods" in contents
    assert "her deputy for not paying the workers" in contents
    assert not any("for years" in c for c in contents)


def test_rulings_clear_statements_and_topics_of_speech_are_reported() -> None:
    contents = reported(
        "The appeals court ruled that the levy broke the state charter. The mayor spoke about the shortage of "
        "homes in the valley. The general made it clear that he no longer trusted the plan. Ortiz made the "
        "claim that the count was rigged. Many investors see the scheme as a fast track to residency."
    )
    assert "that the levy broke the state charter" in contents
    assert "the shortage of homes in the valley" in contents
    assert "that he no longer trusted the plan" in contents
    assert "that the count was rigged" in contents
    assert "the scheme as a fast track to residency" in contents


def test_who_makes_a_claim_is_its_speaker() -> None:
    _, quote = quoted("Senator Ana Ruiz made the claim that the count was rigged.", "count was rigged")
    assert quote.speaker is not None and quote.speaker.name == "Ana Ruiz"


def test_public_praise_and_blame_of_a_name_report_whom_it_was_about() -> None:
    text = (
        "Senator Ana Ruiz blasted Governor Tom Hale on Sunday. The union endorsed her. The new charter does "
        "not condemn Moscow by name."
    )
    analysis = dyad.extract(text, date="2024-05-02")
    contents = {analysis.document.slice(q.span): q for q in analysis.quotes}
    assert "Governor Tom Hale" in contents and "her" in contents
    speaker = contents["Governor Tom Hale"].speaker
    assert speaker is not None and speaker.name == "Ana Ruiz"
    assert "Moscow" not in contents


def test_calls_on_someone_to_act_are_reported_each_with_whom_they_address() -> None:
    contents = reported(
        "The victim's brother has called on the sheriff to publish the footage and called on students to stay "
        "calm."
    )
    assert {"the sheriff to publish the footage", "students to stay calm"} <= contents


def test_a_call_made_in_a_which_clause_is_the_call_of_the_noun_before_it() -> None:
    _, quote = quoted(
        "The European Union, which has called for higher levies on large estates, backed the plan.",
        "higher levies",
    )
    assert quote.speaker is not None and quote.speaker.name == "European Union"


def test_what_someone_thinks_or_hopes_is_not_reported_speech() -> None:
    contents = reported(
        "Ortiz thinks the bridge should never have been sold. Her aides hope the vote will be delayed. Ortiz "
        "said the bridge should never have been sold."
    )
    assert contents == {"the bridge should never have been sold"}


def test_what_someone_is_told_to_do_ends_before_a_dangling_and() -> None:
    assert "the driver to step out of the truck" in reported(
        "The officer told the driver to step out of the truck and, seconds later, fired."
    )


def test_a_second_clause_with_a_modal_and_the_same_subject_is_still_what_was_said() -> None:
    assert "her budget was simpler than his and, better still, would not swell the deficit" in reported(
        "Ortiz said her budget was simpler than his and, better still, would not swell the deficit."
    )


def test_talking_about_something_after_a_report_goes_on_with_it() -> None:
    assert "he ranked the bidders by their wealth and talked about which ones he trusted" in reported(
        "Former aides said he ranked the bidders by their wealth and talked about which ones he trusted."
    )


def test_a_participle_that_is_not_the_writers_comment_stays_in_what_was_said() -> None:
    contents = reported(
        "Ortiz said the new wing would show the old failures beside the later reforms, letting visitors judge both. "
        "Ruiz said the bridge was safe, contradicting the inspectors."
    )
    assert (
        "the new wing would show the old failures beside the later reforms, letting visitors judge both"
        in contents
    )
    assert "the bridge was safe" in contents


def test_what_something_is_called_runs_on_to_what_the_cue_adds_after_the_name() -> None:
    contents = reported(
        'The council put out a note calling the ballot "unlawful and in open contempt" of two earlier court '
        "rulings. She called him a liar on Tuesday, and the crowd cheered."
    )
    assert 'the ballot "unlawful and in open contempt" of two earlier court rulings' in contents
    assert "him a liar on Tuesday" in contents


def test_two_words_are_enough_for_what_is_declared_but_not_for_what_is_judged() -> None:
    contents = reported(
        "The ministry denied the report on Monday. Ortiz barely mentioned climate change. Western envoys "
        "defended the compromise. The envoy later stressed that point."
    )
    assert {"the report", "climate change"} <= contents
    assert "the compromise" not in contents and "that point" not in contents


def test_a_clause_after_a_misread_preposition_and_those_close_to_someone_are_reports() -> None:
    text = (
        "The mayor said after the vote she would refuse the union's money if it came. Those close to her say "
        "that, besides Ortiz, she is also looking at Ann Lee."
    )
    found = sources(text, 200)
    assert "she would refuse the union's money if it came" in found
    (looking,) = [q for q in found if "looking at Ann Lee" in q]
    assert found[looking] == "Those close to her"


def test_the_speaker_of_a_direct_quote_is_never_words_inside_it() -> None:
    text = (
        '"The team is close to despair. Total despair," said Nora Vance, a union organiser.\n\n'
        '"My reaction, that was outrageous," the strategist David Axe said on Sunday.\n\n'
        '"She would be a fine senator. One of the brightest members of the House," said Rep. Ann Lee (D-Md.).'
    )
    found = sources(text, 8)
    assert found['"The tea'] == "Nora Vance, a union organiser"
    assert found['"My reac'] is not None and "David Axe" in found['"My reac']
    assert found['"She wou'] == "Rep. Ann Lee (D-Md.)"


def test_a_speaker_named_between_two_parts_of_a_quote_is_found_around_the_second_part() -> None:
    analysis, quote = quoted(
        "“Talks without trust lead nowhere,” said Brazil's envoy, Ana Ruiz, “and everyone here knows it.”",
        "Talks without trust",
    )
    assert quote.source is not None and analysis.document.slice(quote.source) == "Brazil's envoy, Ana Ruiz"
    assert quote.speaker is not None and quote.speaker.country == "BRA"


def test_a_paragraph_set_out_after_a_cue_and_a_colon_is_what_was_said() -> None:
    text = (
        "The governor spoke on Monday.\n\nThe governor added:\n\nThat is the mayor all over. She has no plan, "
        "yet she talks without pause.\n\nThe terms:\n\nWages will rise by four percent each year."
    )
    found = sources(text, 200)
    assert found["That is the mayor all over. She has no plan, yet she talks without pause"] == "The governor"
    assert not any("Wages" in words for words in found)


def test_a_report_runs_on_into_a_next_sentence_that_carries_it_on() -> None:
    analysis, quote = quoted(
        "The archive, Ortiz said, would hold painful records. But it would also keep the hopes of the "
        "nation. And it opened in May.",
        "painful records",
    )
    assert analysis.document.slice(quote.parts[-1]) == "But it would also keep the hopes of the nation"


def test_in_someones_words_and_as_someone_put_it_give_the_words_a_speaker() -> None:
    text = (
        'The treaty, in the words of one envoy, was "a dead letter from the start." In Ortiz\'s words, the deal '
        'is "a trap for the poor." The plan, as one aide put it, is running on fumes. In other words, the plan '
        "failed."
    )
    found = sources(text, 200)
    assert found == {
        'The treaty, in the words of one envoy, was "a dead letter from the start."': "one envoy",
        'the deal is "a trap for the poor."': "Ortiz",
        "The plan, as one aide put it, is running on fumes": "one aide",
    }


def test_a_cue_set_inside_a_which_clause_reports_that_clause() -> None:
    analysis, quote = quoted(
        "The park is near the stadium, which, Ortiz said, is usually full of families on game days.",
        "game days",
    )
    assert [analysis.document.slice(p) for p in quote.parts] == [
        "which",
        "is usually full of families on game days",
    ]


def test_who_issues_a_statement_is_the_speaker_of_what_it_calls_things() -> None:
    analysis, quote = quoted(
        "The Arab League issued a statement calling the blockade a disgrace to the region.", "a disgrace"
    )
    assert quote.source is not None and analysis.document.slice(quote.source) == "The Arab League"


def test_calling_something_an_adjective_and_a_call_after_a_preposition_keep_their_speakers() -> None:
    found = sources(
        "Ortiz criticized the officer on Tuesday, calling her actions reckless and cruel. The envoy ended the "
        "week by calling the raids a crime.",
        200,
    )
    assert found["her actions reckless and cruel"] == "Ortiz"
    assert found["the raids a crime"] == "The envoy"
