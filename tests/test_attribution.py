"""The auditor_attributions component: direct, reported, mixed, according-to and floating."""

from __future__ import annotations

import pytest
from parses import parsed


def only(analysis, kind=None):
    found = [a for a in analysis.attributions if kind is None or a.kind == kind]
    assert len(found) == 1, [(a.kind, a.content.text) for a in analysis.attributions]
    return found[0]


def test_speaker_after_quote_inverted(analyze):
    a = only(analyze('"The pumps failed twice last night," said Marta Kowalczyk.'))
    assert a.kind == "direct"
    assert a.content.text == '"The pumps failed twice last night,"'
    assert a.cue.text == "said"
    assert a.source.text == "Marta Kowalczyk"
    assert a.speaker.name == "Marta Kowalczyk"


def test_speaker_after_quote_subject_first(analyze):
    a = only(analyze("'We will reopen the road by Friday,' the mayor said."))
    assert a.kind == "direct"
    assert a.source.text == "the mayor"
    assert a.content.text.startswith("'We will")


def test_speaker_before_quote_with_colon(analyze):
    a = only(analyze('Ana Ruiz said: "Nobody will lose their job over this decision."'))
    assert a.kind == "direct"
    assert a.source.text == "Ana Ruiz"
    assert a.content.text == '"Nobody will lose their job over this decision."'


def test_speaker_with_apposition_and_description(analyze):
    analysis = analyze(
        '"The ground is saturated," said Marta Kowalczyk, the chief hydrologist of the '
        "river authority."
    )
    a = only(analysis)
    assert a.speaker.name == "Marta Kowalczyk"
    assert a.speaker.description == "the chief hydrologist of the river authority"


def test_speaker_inside_quote_joins_both_halves(analyze):
    text = (
        '"We have sandbags," said Ivo Brandt, who runs the village shop. '
        '"And we have boats for everyone who needs one."'
    )
    a = only(analyze(text))
    # One speech act whose words run on past the cue: one attribution, both halves.
    assert a.kind == "direct"
    assert a.content.start == 0 and a.content.end == len(text)
    assert a.speaker.name == "Ivo Brandt"


def test_quote_in_next_paragraph_floats_with_previous_speaker(analyze):
    analysis = analyze(
        '"We have sandbags," said Ivo Brandt, who runs the village shop.\n'
        '"And we have boats for everyone who needs one."'
    )
    assert [a.kind for a in analysis.attributions] == ["direct", "floating"]
    assert analysis.attributions[1].speaker.name == "Ivo Brandt"


def test_single_quotes_are_quotations_not_apostrophes(analyze):
    a = only(analyze("'It's a major headache for the bakery's customers,' said Tomas Lindqvist."))
    assert a.content.text == "'It's a major headache for the bakery's customers,'"
    assert a.speaker.name == "Tomas Lindqvist"


def test_reported_speech_with_that(analyze):
    a = only(analyze("In a short statement, Ruiz confirmed that the bridge would stay shut."))
    assert a.kind == "indirect"
    assert a.cue.text == "confirmed"
    assert a.source.text == "Ruiz"
    assert a.content.text == "the bridge would stay shut"


def test_reported_speech_without_that(analyze):
    a = only(analyze("He estimates repairs will cost about four million dollars."))
    assert a.kind == "indirect"
    assert a.source.text == "He"
    assert a.content.text == "repairs will cost about four million dollars"


def test_mixed_quote(analyze):
    a = only(analyze('The engineer said the cracks were "small but in the wrong place."'))
    assert a.kind == "mixed"
    assert a.source.text == "The engineer"


def test_according_to_at_start(analyze):
    a = only(analyze("According to the Department of Transportation, 42,000 cars cross each day."))
    assert a.kind == "according_to"
    assert a.source.text == "the Department of Transportation"
    assert a.content.text == "42,000 cars cross each day"


def test_according_to_at_end_is_recorded_as_passed_on(analyze):
    a = only(
        analyze("Petra Lindgren said the plant would close in May, according to the Daily Ledger.")
    )
    assert a.source.text == "Petra Lindgren"
    assert a.content.text == "the plant would close in May"
    assert a.via.text == "the Daily Ledger"


def test_participle_with_absolute_subject(analyze):
    a = only(
        analyze(
            "The plan drew praise, with Denis Marchetti, the head of the union, declaring "
            "that the deal protects every job."
        )
    )
    assert a.speaker.name == "Denis Marchetti"
    assert a.content.text == "the deal protects every job"


def test_scare_quote_is_not_an_attribution(analyze):
    analysis = analyze("The closure has turned the old quay into a 'dead zone' for shops.")
    assert analysis.attributions == []


def test_object_of_a_characterizing_verb_is_what_was_said(analyze):
    a = only(analyze("Residents call the empty lot a 'dead zone' these days."))
    assert a.kind == "mixed"
    assert a.content.text == "the empty lot a 'dead zone'"
    assert a.source.text == "Residents"


def test_quote_without_any_speaker_is_kept_without_source(analyze):
    analysis = analyze('The report ended there.\n"Nobody saw the water coming until it was here."')
    quote = [a for a in analysis.attributions if a.content.text.startswith('"Nobody')]
    assert quote and quote[0].source is None and quote[0].speaker is None


def test_cue_after_sentence_final_quote_is_not_taken(analyze):
    analysis = analyze(
        'Ana Ruiz spoke first. "The bridge is closed for good reason." '
        "As the storm continues, the river keeps rising."
    )
    quote = [a for a in analysis.attributions if a.content.text.startswith('"The bridge')]
    assert quote and (quote[0].cue is None or quote[0].cue.text != "continues")


def test_offsets_slice_the_text(analyze):
    text = (
        "Harbor officials said on Monday that the pier would close. "
        '"It is not safe," said Ana Ruiz. She added that repairs start in June.'
    )
    analysis = analyze(text)
    assert len(analysis.attributions) == 3
    for a in analysis.attributions:
        for span in (a.content, a.cue, a.source):
            if span is not None:
                assert text[span.start : span.end] == span.text


def test_component_values_are_plain_for_multiprocessing(nlp):
    doc = nlp('"We are ready," said Ana Ruiz.')
    import srsly

    # Everything stored on Doc._ must survive msgpack, as nlp.pipe(n_process>1) needs.
    for name in ("auditor_quotes", "auditor_attributions", "auditor_speakers"):
        value = getattr(doc._, name)
        assert srsly.msgpack_loads(srsly.msgpack_dumps(value)) == value


# ------------------------------------------------------------ objects and complements


def test_object_and_preposition_of_an_accusing_verb(analyze):
    a = only(analyze("Councillor Ines Moreau accused the contractor of hiding the defects."))
    assert a.kind == "indirect"
    assert a.cue.text == "accused"
    assert a.content.text == "the contractor of hiding the defects"
    assert a.source.text == "Councillor Ines Moreau"


def test_infinitive_of_an_intention_verb(analyze):
    a = only(analyze("The fishermen's union vowed to block the harbor until the fees are cut."))
    assert a.cue.text == "vowed"
    assert a.content.text == "to block the harbor until the fees are cut"
    assert a.source.text == "The fishermen's union"


def test_prepositional_cue_keeps_its_preposition(analyze):
    a = only(analyze("Residents have called for an independent inquiry into the spill."))
    assert a.cue.text == "have called for"
    assert a.content.text == "an independent inquiry into the spill"


def test_stance_verb_with_an_object(analyze):
    a = only(analyze("The teachers' federation endorsed Mayor Okafor's school budget."))
    assert a.cue.text == "endorsed"
    assert a.content.text == "Mayor Okafor's school budget"


def test_addressee_alone_is_no_content(analyze):
    assert analyze("The minister told reporters on the steps of the court.").attributions == []


def test_bare_pronoun_object_is_no_content(analyze):
    assert analyze("The ministry denied it.").attributions == []


def test_infinitive_under_a_non_reporting_word_is_nobody_s_statement(analyze):
    analysis = analyze("The clerk, who was not authorized to discuss the tender, left early.")
    assert analysis.attributions == []


def test_passive_subject_is_not_a_speaker(analyze):
    assert analyze("The driver was charged with reckless endangerment.").attributions == []


def test_mixed_quote_whose_subject_precedes_the_quote(analyze):
    a = only(
        analyze('Okafor said the new pumps bought by the city "do nothing to stop the flooding."')
    )
    assert a.kind == "mixed"
    assert a.content.text.startswith("the new pumps bought by the city")


def test_second_clause_hung_on_the_cue_stays_in_the_content(analyze):
    a = only(
        analyze(
            "Parents said they had doubts about the new timetable, but would not block the board."
        )
    )
    assert a.content.text == (
        "they had doubts about the new timetable, but would not block the board"
    )


def test_trailing_aside_is_not_part_of_the_claim(analyze):
    a = only(
        analyze(
            "The inspector said the dam needed repairs, which the county has delayed for years."
        )
    )
    assert a.content.text == "the dam needed repairs"


def test_trailing_apposition_is_not_part_of_the_claim(analyze):
    a = only(analyze("Lopez said she would not support Mr. Hale, the favorite of the board."))
    assert a.content.text == "she would not support Mr. Hale"


def test_single_name_is_enough_for_an_endorsement(analyze):
    a = only(analyze("The dockworkers' union endorsed Okafor."))
    assert a.content.text == "Okafor"


def test_passive_with_agent_reports_its_subject(analyze):
    a = only(analyze("The bypass plan was criticized by the regional planning board."))
    assert a.content.text == "The bypass plan"
    assert a.source.text == "the regional planning board"


def test_poll_shows_a_finding(analyze):
    a = only(analyze("The latest poll shows the incumbent ahead by four points."))
    assert a.cue.text == "shows"
    assert a.content.text == "the incumbent ahead by four points"


def test_mixed_content_keeps_the_closing_quotation_mark(analyze):
    a = only(analyze('The coach called the referee\'s decision "a disgrace."'))
    assert a.kind == "mixed"
    assert a.content.text == 'the referee\'s decision "a disgrace."'


# ------------------------------------------------------------------------ noun cues


def test_possessed_claim_noun_with_that_clause(analyze):
    a = only(analyze("Voters doubted the mayor's claim that the tunnel would open in May."))
    assert a.cue.text == "claim"
    assert a.source.text == "the mayor's"
    assert a.content.text == "the tunnel would open in May"


def test_pledge_noun_with_infinitive(analyze):
    analysis = analyze("Her pledge to cut ferry fares won her the island vote.")
    a = only(analysis)
    assert a.cue.text == "pledge"
    assert a.content.text == "to cut ferry fares"


def test_infinitive_of_purpose_after_a_noun_is_no_claim(analyze):
    assert analyze("The council's proposals to widen the road were shelved.").attributions == []


def test_in_a_statement_frames_the_sentence(analyze):
    a = only(analyze("In a statement, the new pumps will be installed before winter."))
    assert a.kind == "according_to"
    assert a.cue.text == "In"
    assert a.source.text == "a statement"
    assert a.content.text == "the new pumps will be installed before winter"


def test_in_a_statement_gives_way_to_the_verb_of_the_sentence(analyze):
    a = only(analyze("In a statement, the ministry said the pumps would arrive in June."))
    assert a.cue.text == "said"
    assert a.source.text == "the ministry"


# ------------------------------------------------------------ quotes and their cues


def test_long_speaker_name_between_quote_and_verb(analyze):
    a = only(
        analyze('"We will rebuild the pier," harbor authority chief Dana Whitcombe said Monday.')
    )
    assert a.kind == "direct"
    assert a.source.text == "harbor authority chief Dana Whitcombe"


def test_exclamation_then_capitalized_speaker(analyze):
    a = only(analyze('"This is our year!" Mayor Ruiz shouted to the crowd.'))
    assert a.kind == "direct"
    assert a.source.text == "Mayor Ruiz"


def test_colon_at_paragraph_end_introduces_next_paragraph_quote(analyze):
    analysis = analyze(
        'The harbor master said:\n\n"Nobody should take a boat out before the storm passes."'
    )
    a = only(analysis)
    assert a.kind == "direct"
    assert a.source.text == "The harbor master"
    assert a.content.text.startswith('"Nobody')


def test_as_she_put_it(analyze):
    a = only(analyze("As the harbor master put it, the old pier is finished."))
    assert a.cue.text == "put"
    assert a.source.text == "the harbor master"
    assert a.content.text == "the old pier is finished"


def test_quote_signed_with_a_dash_glued_to_the_mark(analyze):
    a = only(analyze("“The buses never come on time.”― Ines Moreau"))
    assert a.source.text == "Ines Moreau"


def test_halves_stay_apart_when_the_speaker_between_them_is_long(analyze):
    text = (
        '"It is over," said Ivo Brandt, who has run the village shop on the quay since '
        'his father retired in the spring of 1988. "We lost."'
    )
    analysis = analyze(text)
    assert [a.kind for a in analysis.attributions] == ["direct", "floating"]
    assert all(a.speaker.name == "Ivo Brandt" for a in analysis.attributions)


def test_outer_claim_holds_an_inner_quote_with_its_own_cue(analyze):
    analysis = analyze(
        'The council pledged to fine the operator over what it called "a reckless and '
        'dangerous breach of the rules."'
    )
    cues = sorted(a.cue.text for a in analysis.attributions)
    assert cues == ["called", "pledged"]


def test_nested_belief_is_part_of_the_outer_claim(analyze):
    a = only(analyze("The mayor said she believes the ferry will run again by June."))
    assert a.cue.text == "said"
    assert a.content.text == "she believes the ferry will run again by June"


def test_second_act_of_the_same_speaker_stays_its_own_attribution(analyze):
    analysis = analyze(
        "The minister said the army would stay in the north and warned against any "
        "attempt to cross the border."
    )
    assert sorted(a.cue.text for a in analysis.attributions) == ["said", "warned against"]


def test_both_halves_around_one_cue_are_one_attribution(analyze):
    a = only(
        analyze('"On this evidence," the auditor said, "the deal should never have been signed."')
    )
    assert a.content.text.startswith('"On this evidence,"')
    assert a.content.text.endswith('signed."')


def test_later_infinitives_hung_on_the_cue_stay_in_the_content(analyze):
    a = only(
        analyze(
            "She wants to double the bus fleet, widen the bridge and build a new ferry terminal."
        )
    )
    assert a.content.text == (
        "to double the bus fleet, widen the bridge and build a new ferry terminal"
    )


def test_object_before_a_clause_without_that(analyze):
    a = only(analyze("Okafor cited remarks the governor had made about the port as proof."))
    assert a.content.text.startswith("remarks the governor had made")


# ------------------------------------------------------------------------ headlines


def test_title_case_headline_is_read_in_sentence_case(analyze):
    analysis = analyze(
        "Dock Workers Rip Port Authority As A 'Reckless Landlord'\n\n"
        "The union said on Monday that rents at the harbor had doubled."
    )
    headline = [a for a in analysis.attributions if a.content.start < 50]
    assert len(headline) == 1
    assert headline[0].cue.text == "Rip"
    assert headline[0].source.text == "Dock Workers"
    assert headline[0].content.text.startswith("Port Authority")


def test_pipe_reparses_the_batch_s_headlines_together(nlp, monkeypatch):
    texts = [
        "Dock Workers Rip Port Authority As A 'Reckless Landlord'\n\n"
        "The union said on Monday that rents at the harbor had doubled.",
        "Mayor Seeks New Ferry Funds As City Marks Harbor Anniversary\n\n"
        "The mayor asked the council for money on Tuesday.",
        "the ferry ran late.\n\nNobody said why.",
    ]
    one_by_one = [doc._.auditor_attributions for doc in map(nlp, texts)]
    finder = nlp.get_pipe("auditor_attributions")
    calls = []
    reparse_all = finder._reparse_all
    monkeypatch.setattr(
        finder, "_reparse_all", lambda lines: calls.append(lines) or reparse_all(lines)
    )
    piped = [doc._.auditor_attributions for doc in nlp.pipe(texts, batch_size=8)]
    assert piped == one_by_one
    assert any(a["content"][0] < 50 for a in piped[0])  # the headline's attribution
    # Both title-case headlines in one pass of the model; the lower-case line in none.
    assert [len(lines) for lines in calls] == [2]


def test_headline_claim_runs_to_the_end_of_the_line(analyze):
    analysis = analyze(
        "Mayor Seeks New Ferry Funds As City Marks Harbor Anniversary\n\n"
        "The mayor asked the council for money on Tuesday."
    )
    headline = [a for a in analysis.attributions if a.content.start < 60]
    assert headline and headline[0].content.text == (
        "New Ferry Funds As City Marks Harbor Anniversary"
    )


def test_document_noun_before_a_headline_colon(analyze):
    analysis = analyze("Survey: Most Residents Want The Old Pier Rebuilt\n\nIt asked 900 people.")
    headline = [a for a in analysis.attributions if a.content.start < 50]
    assert headline and headline[0].source.text == "Survey"


def test_title_before_a_colon_is_not_a_speaker(analyze):
    analysis = analyze(
        "Trouble On The Water: Ferry Service Cut To Two Boats\n\nThe ferry company cut service."
    )
    assert not [a for a in analysis.attributions if a.cue and a.cue.text == ":"]


def test_raising_passive_has_no_source(analyze):
    a = only(analyze("The harbor master is said to have resigned over the ferry contract."))
    assert a.cue.text == "is said"
    assert a.source is None
    assert a.content.text == "The harbor master is said to have resigned over the ferry contract"


def test_expected_to_is_an_attribution_to_nobody(analyze):
    a = only(analyze("Turnout is expected to rise above sixty percent."))
    assert a.source is None
    assert a.content.text.startswith("Turnout")


def test_stance_stated_with_be_and_an_adjective(analyze):
    a = only(analyze("Senator Okafor has been critical of the harbor contract."))
    assert a.cue.text == "has been critical of"
    assert a.content.text == "the harbor contract"
    assert a.source.text == "Senator Okafor"


def test_stance_stated_with_a_role_noun(analyze):
    a = only(analyze("Lopez is a longtime supporter of the ferry union."))
    assert a.content.text == "the ferry union"


def test_stance_inside_what_was_said_is_not_its_own_attribution(analyze):
    a = only(analyze("The ministry said it was opposed to the new tariff."))
    assert a.cue.text == "said"


def test_short_quoted_utterance_that_the_verb_reports(analyze):
    analysis = analyze('Fishermen on the quay chanted "No more fees!" until the meeting ended.')
    direct = [a for a in analysis.attributions if a.kind == "direct"]
    assert direct and direct[0].content.text == '"No more fees!"'
    assert direct[0].source.text == "Fishermen on the quay"


def test_according_to_whose_claim_the_parser_reads_as_apposition(analyze):
    a = only(
        analyze("According to longtime harbor pilot Maria Lopez, the new channel reeks of haste.")
    )
    assert a.source.text == "longtime harbor pilot Maria Lopez"
    assert a.content.text == "the new channel reeks of haste"


def test_naming_verb_reports_its_object_and_predicate(analyze):
    a = only(analyze("Critics dubbed the ferry plan a boat to nowhere."))
    assert a.cue.text == "dubbed"
    assert a.content.text == "the ferry plan a boat to nowhere"


def test_outlet_has_learned_is_no_attribution(analyze):
    # The outlet vouches for itself; rule ATTR004 flags the sentence as unsourced.
    analysis = analyze("The Harbor Gazette has learned that the ferry contract was never signed.")
    assert analysis.attributions == []


def test_court_ruled_against(analyze):
    a = only(analyze("A federal judge ruled against the port's new fee schedule."))
    assert a.cue.text == "ruled against"
    assert a.content.text == "the port's new fee schedule"


def test_lemmatizer_slip_on_regular_past_is_put_right(analyze):
    a = only(analyze("Okafor hoped to reopen the pier before the summer season."))
    assert a.cue.text == "hoped"
    assert a.content.text == "to reopen the pier before the summer season"


def test_encouraging_others(analyze):
    a = only(analyze("The mayor encouraged residents to report flooded basements."))
    assert a.content.text == "residents to report flooded basements"


def test_verb_the_tagger_read_as_a_noun(nlp):
    from spacy.tokens import Doc

    from auditor.nlp.cues import acts_as_verb, is_reporting_verb

    # "Okafor claims that fees rose", with "claims" mis-tagged as a noun at the root.
    doc = Doc(
        nlp.vocab,
        words=["Okafor", "claims", "that", "fees", "rose"],
        pos=["PROPN", "NOUN", "SCONJ", "NOUN", "VERB"],
        deps=["nsubj", "ROOT", "mark", "nsubj", "ccomp"],
        heads=[1, 1, 4, 4, 1],
        lemmas=["Okafor", "claim", "that", "fee", "rise"],
    )
    assert acts_as_verb(doc[1]) and is_reporting_verb(doc[1])
    assert not acts_as_verb(doc[3])  # a noun that is a subject, not a verb


def test_role_of_a_named_person_can_speak(analyze):
    a = only(analyze("Okafor's running mate, Ines Moreau, plans to cut ferry fares."))
    assert a.cue.text == "plans"
    assert a.content.text == "to cut ferry fares"


def test_dash_signature_after_a_non_breaking_space(analyze):
    a = only(analyze("“The ferry is always late.”\u00a0― Ines Moreau"))
    assert a.source.text == "Ines Moreau"


def test_according_to_a_quotation_that_runs_over_sentences(analyze):
    text = (
        'According to Lopez, "the pier is unsafe. Nobody should fish there." The council met later.'
    )
    a = only(analyze(text))
    assert a.content.text == '"the pier is unsafe. Nobody should fish there."'


def test_writer_s_concessive_aside_is_not_part_of_the_claim(analyze):
    analysis = analyze(
        "Okafor claimed that the fees were fair, although he refused to publish the audit."
    )
    cues = {a.cue.text: a.content.text for a in analysis.attributions}
    assert cues["claimed"] == "the fees were fair"
    assert cues["refused"] == "to publish the audit"


def test_narrator_sentence_between_quotes_keeps_them_apart(analyze):
    text = (
        '"We have had floods before," Lopez said at the pier. She did not mention the dam. '
        '"This one is different."'
    )
    analysis = analyze(text)
    first = [a for a in analysis.attributions if a.content.text.startswith('"We have')]
    assert first and "dam" not in first[0].content.text


def test_title_abbreviation_between_quotes_is_no_sentence_end(analyze):
    text = '"The pumps held," said Mr. Hale. "The walls did not."'
    a = only(analyze(text))
    assert a.content.text == text.rstrip()


def test_expressed_concern_is_one_attribution(analyze):
    a = only(analyze("Residents expressed concern that the new pier would block the view."))
    assert a.cue.text == "expressed"
    assert a.content.text == "concern that the new pier would block the view"


def test_supporter_of_two_things(analyze):
    a = only(analyze("Lopez is a longtime supporter of the union and of its strike fund."))
    assert a.content.text == "the union and of its strike fund"


def test_intention_of_unnamed_people_is_no_attribution(analyze):
    # A claim about the officials, not the officials speaking: no anonymous source here.
    assert analyze("Hospital officials plan to ask the state for more money.").attributions == []


def test_intention_of_a_named_body_is_an_attribution(analyze):
    a = only(analyze("The Harbor Authority plans to ask the state for more money."))
    assert a.cue.text == "plans"


# --- direct-quote recall: quotations in paraphrase, long speakers, split quotes ---------


def find(analysis, startswith):
    """The one attribution whose content starts with ``startswith``."""
    found = [a for a in analysis.attributions if a.content.text.startswith(startswith)]
    assert len(found) == 1, [(a.kind, a.content.text) for a in analysis.attributions]
    return found[0]


def test_speaker_with_a_long_title_after_the_quote(analyze):
    analysis = analyze(
        '"It closes a loophole that has cost the county dearly," Jane Roe, director of the '
        "Center for Rural Housing Studies and a professor at the Hillcrest School of Law at "
        'Marlow University, said of the bill. "It also costs nothing."'
    )
    a = find(analysis, '"It closes')
    assert a.kind == "direct"
    assert a.content.text == '"It closes a loophole that has cost the county dearly,"'
    assert a.cue.text == "said"
    assert a.source.text.startswith("Jane Roe, director of the Center")


def test_but_after_a_quote_opens_a_new_clause_not_a_cue(analyze):
    analysis = analyze(
        'Okafor said the tape did not give "any proof that the driver had a weapon in the '
        'car," but she said the records "match what witnesses told us" about the night.'
    )
    first = find(analysis, "the tape did not give")
    assert first.source.text == "Okafor"
    assert first.content.text.endswith('in the car,"')
    second = find(analysis, "the records")
    assert second.cue.text == "said" and second.source.text == "she"
    assert second.content.text.endswith("about the night")


def test_content_does_not_stop_halfway_through_a_quote(analyze):
    a = only(
        analyze(
            "Tomas Reyes, of Dayton, said he had served in the army \"for the town's sake, "
            'knowing that nobody back home would thank us."'
        )
    )
    assert a.kind == "mixed"
    assert a.content.text.endswith('nobody back home would thank us."')


def test_that_clause_after_a_time_phrase(analyze):
    analysis = analyze(
        'Lind tweeted in the early morning hours that the deal was "a fraud" and "a '
        'disgrace" and encouraged voters to "look it up" themselves.'
    )
    a = find(analysis, "the deal was")
    assert a.content.text == 'the deal was "a fraud" and "a disgrace"'
    assert a.cue.text == "tweeted" and a.source.text == "Lind"


def test_infinitive_of_what_the_speaker_went_and_did(analyze):
    a = only(analyze('The senator went on television to accuse the agency of "gross negligence."'))
    assert a.cue.text == "to accuse"
    assert a.source.text == "The senator"
    assert a.content.text.startswith('the agency of "gross negligence')


def test_emphasis_verb_as_the_main_predicate(analyze):
    a = only(
        analyze(
            'Governor Hale is stressing the need to protect the coast from "relentless storms" '
            "this winter."
        )
    )
    assert a.cue.text == "is stressing" and a.source.text == "Governor Hale"
    assert '"relentless storms"' in a.content.text


def test_complement_after_the_verb_wins_over_a_fronted_clause(analyze):
    analysis = analyze(
        'While she admitted funding was short, Lind also noted several "hidden costs" made '
        "the project harder."
    )
    a = find(analysis, "several")
    assert a.cue.text == "noted"
    assert a.content.text == 'several "hidden costs" made the project harder'


def test_setting_after_the_quoted_label_is_cut(analyze):
    a = only(
        analyze(
            'Mayor Okafor criticized the budget as a "reckless plan" during a town hall in '
            "Dayton, Ohio, for the council."
        )
    )
    assert a.content.text == 'the budget as a "reckless plan"'


def test_quoted_words_typed_by_a_speaker(analyze):
    a = only(analyze('On her chart, a nurse had typed "no known allergies."'))
    assert a.kind == "direct"
    assert a.content.text == '"no known allergies."'
    assert a.cue.text == "had typed" and a.source.text == "a nurse"


def test_quoted_label_under_a_verb_of_attack(analyze):
    a = only(analyze('Reid has been pounding the governor as a "con artist" for months.'))
    assert a.kind == "mixed"
    assert a.source.text == "Reid"
    assert a.content.text.startswith('the governor as a "con artist"')


def test_quote_after_a_colon_is_the_whole_content(analyze):
    a = only(analyze('The mayor is rolling out a blunt new slogan: "We fix things."'))
    assert a.kind == "direct"
    assert a.content.text == '"We fix things."'
    assert a.source.text == "The mayor"


def test_scare_quote_under_a_subject_that_cannot_speak(analyze):
    assert analyze('The storm left a "trail of destruction" across the county.').attributions == []


def test_scare_quote_under_an_impersonal_subject(analyze):
    assert analyze('It used the phrase "deep concern" twice.').attributions == []


def test_quoted_title_is_nobody_s_words(analyze):
    show = analyze('She sat for an interview on the network\'s show, "Politics Now."')
    assert show.attributions == []
    analysis = analyze("On Monday's episode of \"The Evening Hour,\" the senator said she'd run.")
    a = only(analysis)
    assert a.content.text == "she'd run"
    assert a.source.text == "the senator"


def test_sung_title_is_uttered(analyze):
    a = only(
        analyze(
            'The band leader called the mayors to the stage, singing "Happy Days Are Here Again."'
        )
    )
    assert a.kind == "direct"
    assert a.cue.text == "singing" and a.source.text == "The band leader"


def test_one_word_label_ranked_as_something(analyze):
    a = only(analyze('Many voters listed "Other" as their religion.'))
    assert a.content.text == '"Other" as their religion'
    assert a.source.text == "Many voters"


def test_rating_with_its_comparison(analyze):
    a = only(
        analyze(
            'The agency rated 40 percent of the claims as "false" compared to 12 percent of '
            "the others."
        )
    )
    assert a.content.text == (
        '40 percent of the claims as "false" compared to 12 percent of the others'
    )


def test_short_question_after_a_paragraph_break(analyze):
    analysis = analyze('The room fell quiet.\n\n"You sure?" she said, but he had already left.')
    a = find(analysis, '"You sure?"')
    assert a.kind == "direct"
    assert a.cue.text == "said" and a.source.text == "she"


def test_surrogates_can_speak(analyze):
    a = only(analyze('Her surrogates called the plan "a giveaway" for the rich.'))
    assert a.source.text == "Her surrogates"
    assert a.content.text.startswith('the plan "a giveaway"')


def test_which_after_an_organization_speaks(analyze):
    a = only(
        analyze(
            "The reporters turned to the county sheriff's office which reported \"1,204 "
            'emergency calls" in August.'
        )
    )
    assert a.source.text == "which"
    assert '"1,204 emergency calls"' in a.content.text


def test_parenthetical_speaker_inside_the_claim(analyze):
    text = 'These workers, Lind explained at the hearing, were "well paid," earning $40,000 a year.'
    a = only(analyze(text))
    assert a.cue.text == "explained" and a.source.text == "Lind"
    assert a.content.text == text.rstrip(".")


def test_quoted_second_clause_goes_on_with_the_claim(analyze):
    a = only(
        analyze(
            'The chief also said that it was too early to name a cause, and there was "no '
            'sign" of arson yet.'
        )
    )
    assert a.content.text.endswith('"no sign" of arson yet')
    a = only(analyze('Lind said the plan would fail, and there was "no money" left for repairs.'))
    assert a.content.text == 'the plan would fail, and there was "no money" left for repairs'


def test_non_finite_conjunct_goes_on_with_the_claim(analyze):
    analysis = analyze(
        'She said she remembers the client being "annoyed," and the partner being patient with her.'
    )
    a = find(analysis, "she remembers")
    assert a.content.text.endswith("the partner being patient with her")


def test_when_it_comes_to_is_part_of_the_claim(analyze):
    a = only(
        analyze(
            'Lind said there is a "real gap in pay between the two hospitals," when it comes '
            "to how many nurses work nights."
        )
    )
    assert a.content.text.endswith("when it comes to how many nurses work nights")


def test_second_cue_between_two_quotes_keeps_them_apart(analyze):
    analysis = analyze(
        '"We need to talk about schools," Lind said, suggesting a few questions, including, '
        '"Why are the buses late? Who is paying for the repairs?"'
    )
    first = find(analysis, '"We need')
    assert first.content.text == '"We need to talk about schools,"'
    second = find(analysis, "a few questions")
    assert second.cue.text == "suggesting" and second.source.text == "Lind"


def test_quotes_inside_a_pasted_excerpt_keep_their_speakers(analyze):
    analysis = analyze(
        "The Tribune reports:\n\n"
        '"The first time she went, she was anxious. On her chart, in a box labeled '
        '"history," a nurse had typed "no known allergies."\n\n'
        '"She left the next day, chanting "No more! No more!"'
    )
    typed = find(analysis, '"no known allergies."')
    assert typed.source.text == "a nurse"
    chant = find(analysis, '"No more!')
    assert chant.cue.text == "chanting" and chant.source.text == "She"


def test_list_of_deeds_without_a_subject(analyze):
    a = only(analyze('Mocks his rivals and calls them "losers" and "clowns."'))
    assert a.cue.text == "calls"
    assert a.source is None
    assert a.content.text == 'them "losers" and "clowns."'


def test_comment_that_described_belongs_to_who_made_it(analyze):
    a = only(
        analyze(
            "The report prompted the minister to make a comment that described the protesters "
            'as "paid agitators."'
        )
    )
    assert a.source.text == "the minister"
    assert a.content.text == 'the protesters as "paid agitators."'


def test_words_before_a_direct_quote_s_cue(analyze):
    analysis = analyze(
        'The plan is "bold and smart," Lind wrote in a memo to staff, and "long overdue."'
    )
    before = find(analysis, "The plan is")
    assert before.content.text == 'The plan is "bold and smart,"'
    assert before.cue.text == "wrote" and before.source.text == "Lind"
    assert find(analysis, '"long overdue."').cue.text == "wrote"


def test_lower_case_quote_goes_on_a_fronted_clause(analyze):
    text = 'So when the buyer backed out last spring, Mr. Okafor said, "we were stunned."'
    a = only(analyze(text))
    assert a.kind == "mixed"
    assert a.content.text == text
    assert a.source.text == "Mr. Okafor"


def test_trailing_participle_is_the_writer_s(analyze):
    a = only(
        analyze(
            'The president told voters he would consider it a "personal insult" if they '
            "stayed home, implicitly putting his name on the ballot."
        )
    )
    assert a.content.text == 'he would consider it a "personal insult" if they stayed home'


def test_bare_verbs_continue_an_infinitive_complement(analyze):
    a = only(
        analyze(
            "The group advocates rules to end the deferral of income, stop tax inversions and "
            'close loopholes like "double dipping."'
        )
    )
    assert a.content.text.endswith('close loopholes like "double dipping."')


def test_second_verb_of_the_same_speaker_is_cut(analyze):
    analysis = analyze('Critics call the plan "a giveaway" and describe its backers as lobbyists.')
    assert find(analysis, "the plan").content.text == 'the plan "a giveaway"'
    assert find(analysis, "its backers").cue.text == "describe"


def test_nearer_cue_between_the_governing_verb_and_the_quote(analyze):
    analysis = analyze(
        "The ad concludes with footage of the senator saying at the debate last week, "
        '"That makes me tough."'
    )
    a = find(analysis, '"That makes me tough."')
    assert a.cue.text == "saying"
    assert "senator" in a.source.text


@pytest.mark.parametrize(
    ("quoted", "title"),
    [
        ('"Morning Briefing"', True),
        ('"Contract with the Voters,"', True),
        ('"13th."', True),
        ('"Lock him up! Lock him up!"', False),
        ('"a disgrace"', False),
        ('"the Islamic State"', False),
    ],
)
def test_looks_like_title(quoted, title):
    from auditor.nlp.quoted import looks_like_title

    assert looks_like_title(quoted) is title


def test_content_drops_the_bracket_that_closes_the_writer_s_aside(nlp):
    from auditor.nlp.cues import trimmed_bounds

    doc = nlp.make_doc('the "paper tigers") met')
    end = [t.i for t in doc if t.text == ")"][0] + 1
    start, stop = trimmed_bounds(doc, 0, end)
    assert doc.text[start:stop] == 'the "paper tigers"'


def test_content_takes_in_the_opening_mark_of_its_quote():
    from auditor.nlp.raw import QuoteIndex
    from auditor.nlp.reported import close_quotes

    text = 'It reported "2,000 calls" in May.'
    index = QuoteIndex([{"start": 12, "end": 25, "closed": True, "paragraphs": 1}], text)
    start, end = close_quotes(index, (13, 24))  # the parser left both marks out
    assert text[start:end] == '"2,000 calls"'


# --- rules that repair the parser's misreadings, on parses written out by hand ---------


def test_parenthetical_cue_misread_as_the_main_verb(nlp):
    from auditor.nlp.content import reported_content

    doc = parsed(nlp, [
        ("These", "DT", "DET", "det", 1, "these"),
        ("workers", "NNS", "NOUN", "npadvmod", 4, "worker"),
        (",", ",", "PUNCT", "punct", 4, ","),
        ("Lind", "NNP", "PROPN", "nsubj", 4, "Lind"),
        ("explained", "VBD", "VERB", "ROOT", 4, "explain"),
        (",", ",", "PUNCT", "punct", 4, ","),
        ("were", "VBD", "AUX", "conj", 4, "be"),
        ("well", "RB", "ADV", "advmod", 8, "well"),
        ("paid", "VBN", "VERB", "acomp", 6, "pay"),
        (".", ".", "PUNCT", "punct", 4, "."),
    ])  # fmt: skip
    assert reported_content(doc[4]) == (0, 10)


def test_fronted_setting_is_no_parenthetical(nlp):
    from auditor.nlp.content import reported_content

    doc = parsed(nlp, [
        ("In", "IN", "ADP", "prep", 3, "in"),
        ("August", "NNP", "PROPN", "pobj", 0, "August"),
        (",", ",", "PUNCT", "punct", 3, ","),
        ("Lind", "NNP", "PROPN", "nsubj", 4, "Lind"),
        ("explained", "VBD", "VERB", "ROOT", 4, "explain"),
        (",", ",", "PUNCT", "punct", 4, ","),
        ("smiling", "VBG", "VERB", "advcl", 4, "smile"),
        (".", ".", "PUNCT", "punct", 4, "."),
    ])  # fmt: skip
    assert reported_content(doc[4]) is None


def test_gerund_conjunct_misread_as_a_second_sentence(nlp):
    from auditor.nlp.content import reported_content

    doc = parsed(nlp, [
        ("She", "PRP", "PRON", "nsubj", 1, "she"),
        ("said", "VBD", "VERB", "ROOT", 1, "say"),
        ("she", "PRP", "PRON", "nsubj", 3, "she"),
        ("recalls", "VBZ", "VERB", "ccomp", 1, "recall"),
        ("the", "DT", "DET", "det", 5, "the"),
        ("aide", "NN", "NOUN", "nsubj", 6, "aide"),
        ("being", "VBG", "AUX", "ccomp", 3, "be"),
        ("tired", "JJ", "ADJ", "acomp", 6, "tired"),
        (",", ",", "PUNCT", "punct", 1, ","),
        ("and", "CC", "CCONJ", "cc", 1, "and"),
        ("the", "DT", "DET", "det", 11, "the"),
        ("boss", "NN", "NOUN", "nsubj", 12, "boss"),
        ("being", "VBG", "AUX", "conj", 1, "be"),
        ("kind", "JJ", "ADJ", "acomp", 12, "kind"),
        (".", ".", "PUNCT", "punct", 1, "."),
    ])  # fmt: skip
    assert reported_content(doc[1]) == (2, 14)


def test_finite_conjunct_is_the_narrator_s(nlp):
    from auditor.nlp.content import reported_content

    doc = parsed(nlp, [
        ("She", "PRP", "PRON", "nsubj", 1, "she"),
        ("said", "VBD", "VERB", "ROOT", 1, "say"),
        ("costs", "NNS", "NOUN", "nsubj", 3, "cost"),
        ("rose", "VBD", "VERB", "ccomp", 1, "rise"),
        (",", ",", "PUNCT", "punct", 1, ","),
        ("and", "CC", "CCONJ", "cc", 1, "and"),
        ("the", "DT", "DET", "det", 7, "the"),
        ("board", "NN", "NOUN", "nsubj", 8, "board"),
        ("left", "VBD", "VERB", "conj", 1, "leave"),
        (".", ".", "PUNCT", "punct", 1, "."),
    ])  # fmt: skip
    assert reported_content(doc[1]) == (2, 4)


@pytest.mark.parametrize(
    ("mark", "verb", "lemma", "subject"),
    [("when", "comes", "come", "it"), ("if", "builds", "build", "it")],
)
def test_condition_of_the_claim_misread_as_the_cue_s(nlp, mark, verb, lemma, subject):
    from auditor.nlp.content import reported_content

    doc = parsed(nlp, [
        ("Lind", "NNP", "PROPN", "nsubj", 1, "Lind"),
        ("said", "VBD", "VERB", "ROOT", 1, "say"),
        ("there", "EX", "PRON", "expl", 3, "there"),
        ("is", "VBZ", "VERB", "ccomp", 1, "be"),
        ("a", "DT", "DET", "det", 5, "a"),
        ("gap", "NN", "NOUN", "attr", 3, "gap"),
        (",", ",", "PUNCT", "punct", 1, ","),
        (mark, "WRB" if mark == "when" else "IN", "SCONJ", "advmod", 9, mark),
        (subject, "PRP", "PRON", "nsubj", 9, subject),
        (verb, "VBZ", "VERB", "advcl", 1, lemma),
        ("to", "IN", "ADP", "prep", 9, "to"),
        ("pay", "NN", "NOUN", "pobj", 10, "pay"),
        (".", ".", "PUNCT", "punct", 1, "."),
    ])  # fmt: skip
    assert reported_content(doc[1]) == (2, 12)


def test_time_of_the_saying_stays_out(nlp):
    from auditor.nlp.content import reported_content

    doc = parsed(nlp, [
        ("Lind", "NNP", "PROPN", "nsubj", 1, "Lind"),
        ("said", "VBD", "VERB", "ROOT", 1, "say"),
        ("costs", "NNS", "NOUN", "nsubj", 3, "cost"),
        ("rose", "VBD", "VERB", "ccomp", 1, "rise"),
        (",", ",", "PUNCT", "punct", 1, ","),
        ("when", "WRB", "SCONJ", "advmod", 6, "when"),
        ("asked", "VBN", "VERB", "advcl", 1, "ask"),
        (".", ".", "PUNCT", "punct", 1, "."),
    ])  # fmt: skip
    assert reported_content(doc[1]) == (2, 4)


def test_complement_after_the_cue_beats_a_fronted_one(nlp):
    from auditor.nlp.content import reported_content

    doc = parsed(nlp, [
        ("While", "IN", "SCONJ", "mark", 2, "while"),
        ("he", "PRP", "PRON", "nsubj", 2, "he"),
        ("admitted", "VBD", "VERB", "advcl", 4, "admit"),
        ("funds", "NNS", "NOUN", "nsubj", 4, "fund"),
        ("were", "VBD", "AUX", "ccomp", 8, "be"),
        ("short", "JJ", "ADJ", "acomp", 4, "short"),
        (",", ",", "PUNCT", "punct", 8, ","),
        ("Lind", "NNP", "PROPN", "nsubj", 8, "Lind"),
        ("noted", "VBD", "VERB", "ROOT", 8, "note"),
        ("costs", "NNS", "NOUN", "nsubj", 10, "cost"),
        ("rose", "VBD", "VERB", "ccomp", 8, "rise"),
        (".", ".", "PUNCT", "punct", 8, "."),
    ])  # fmt: skip
    assert reported_content(doc[8]) == (9, 11)


def test_second_act_in_the_base_form_is_cut(nlp):
    from auditor.nlp.content import claim_end

    doc = parsed(nlp, [
        ("Critics", "NNS", "NOUN", "nsubj", 1, "critic"),
        ("call", "VBP", "VERB", "ROOT", 1, "call"),
        ("the", "DT", "DET", "det", 3, "the"),
        ("plan", "NN", "NOUN", "dobj", 1, "plan"),
        ("a", "DT", "DET", "det", 5, "a"),
        ("giveaway", "NN", "NOUN", "oprd", 1, "giveaway"),
        ("and", "CC", "CCONJ", "cc", 5, "and"),
        ("describe", "VB", "VERB", "conj", 5, "describe"),
        ("its", "PRP$", "PRON", "poss", 9, "its"),
        ("backers", "NNS", "NOUN", "dobj", 7, "backer"),
        (".", ".", "PUNCT", "punct", 1, "."),
    ])  # fmt: skip
    assert claim_end(doc, 2, 10, doc[1]) == 6


def test_name_before_a_verb_left_without_subject(nlp):
    from auditor.nlp.cues import subject_of

    doc = parsed(nlp, [
        ("After", "IN", "ADP", "prep", 6, "after"),
        ("the", "DT", "DET", "det", 2, "the"),
        ("war", "NN", "NOUN", "pobj", 0, "war"),
        (",", ",", "PUNCT", "punct", 2, ","),
        ("Lee", "NNP", "PROPN", "conj", 2, "Lee"),
        ("and", "CC", "CCONJ", "cc", 4, "and"),
        ("Kim", "NNP", "PROPN", "conj", 4, "Kim"),
        ("call", "VBP", "VERB", "ROOT", 7, "call"),
        ("it", "PRP", "PRON", "dobj", 7, "it"),
        ("a", "DT", "DET", "det", 10, "a"),
        ("win", "NN", "NOUN", "oprd", 7, "win"),
        (".", ".", "PUNCT", "punct", 7, "."),
    ])  # fmt: skip
    assert subject_of(doc[7]).text == "Kim"
    doc = parsed(nlp, [
        ("Then", "RB", "ADV", "advmod", 1, "then"),
        ("call", "VB", "VERB", "ROOT", 1, "call"),
        ("it", "PRP", "PRON", "dobj", 1, "it"),
        (".", ".", "PUNCT", "punct", 1, "."),
    ])  # fmt: skip
    assert subject_of(doc[1]) is None


def test_that_clause_misread_as_a_relative_clause_of_a_time_phrase(nlp):
    from auditor.nlp.content import reported_content

    rows = [
        ("The", "DT", "DET", "det", 1, "the"),
        ("Times", "NNP", "PROPN", "nsubj", 2, "Times"),
        ("reported", "VBD", "VERB", "ROOT", 2, "report"),
        ("at", "IN", "ADP", "prep", 2, "at"),
        ("the", "DT", "DET", "det", 5, "the"),
        ("time", "NN", "NOUN", "pobj", 3, "time"),
        ("that", "WDT", "PRON", "advmod", 9, "that"),
        ("the", "DT", "DET", "det", 8, "the"),
        ("editor", "NN", "NOUN", "nsubj", 9, "editor"),
        ("quit", "VBD", "VERB", "relcl", 5, "quit"),
        (".", ".", "PUNCT", "punct", 2, "."),
    ]
    doc = parsed(nlp, rows)
    assert reported_content(doc[2]) == (6, 10)
    # a real relative clause: "that" is its subject
    rows[6:10] = [
        ("that", "WDT", "PRON", "nsubj", 7, "that"),
        ("was", "VBD", "AUX", "relcl", 5, "be"),
        ("busy", "JJ", "ADJ", "acomp", 7, "busy"),
    ]
    rows = [(*r[:4], r[4] if r[4] < 9 else r[4] - 1, r[5]) for r in rows]
    doc = parsed(nlp, rows)
    assert reported_content(doc[2]) is None


def test_continue_with_an_infinitive_only_marks_time(analyze):
    assert not analyze(
        "As the dispute over the pier continues to grow, the council and the port "
        "authority face a difficult choice."
    ).attributions
    said = only(analyze('"We will rebuild the pier," she continued.'))
    assert said.cue.text == "continued"
