"""Constructions of attribution beyond "X said Y", each on sentences written for the test:
counts and shares of speakers, relative pronouns, nested according-to, prepositional cues,
verbs the lemmatizer misreads, documents and polls as sources, quoted labels under verbs
of naming and judging."""

from __future__ import annotations

import pytest

from auditor.nlp.cues import verb_lemma


def with_cue(analysis, cue_word: str):
    """The one attribution whose cue holds ``cue_word``."""
    found = [a for a in analysis.attributions if a.cue is not None and cue_word in a.cue.text]
    assert len(found) == 1, [(a.cue and a.cue.text, a.content.text) for a in analysis.attributions]
    return found[0]


# --- who can speak: counts, shares, indefinites, relative pronouns -----------------------


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        (
            "A number of county commissioners urged the board to delay the vote.",
            "urged",
            "A number of county commissioners",
            "the board to delay the vote",
        ),
        (
            "Dozens of shop owners oppose the new parking fees.",
            "oppose",
            "Dozens of shop owners",
            "the new parking fees",
        ),
        (
            "No one expected a turnout of that size in the spring primary.",
            "expected",
            "No one",
            "a turnout of that size in the spring primary",
        ),
    ],
)
def test_counts_and_indefinites_speak(analyze, text, cue, source, content):
    a = with_cue(analyze(text), cue)
    assert a.source is not None and a.source.text == source
    assert a.content.text == content


def test_relative_that_speaks_for_its_antecedent(analyze):
    a = with_cue(
        analyze("The plan was drafted with two unions that want to keep the old timetable."),
        "want",
    )
    assert a.content.text == "to keep the old timetable"


def test_count_of_things_does_not_speak(analyze):
    analysis = analyze("A number of bridges need to be repaired before winter.")
    assert not any(a.cue is not None and a.cue.text == "need" for a in analysis.attributions)


def test_poll_share_on_its_own_is_a_source(analyze):
    a = with_cue(
        analyze("Most residents back the tax, while a quarter call it a waste of money."),
        "call",
    )
    assert a.source.text == "a quarter"
    assert a.content.text == "it a waste of money"


# --- according to X around another attribution ---------------------------------------


def test_according_to_a_person_around_a_statement_nests(analyze):
    analysis = analyze(
        "The agency has said it will not publish the inspection report, according to "
        "lawyers for the tenants."
    )
    according = [a for a in analysis.attributions if a.kind == "according_to"]
    assert len(according) == 1
    assert according[0].source.text == "lawyers for the tenants"
    assert according[0].content.text.startswith("The agency has said")
    inner = with_cue(analysis, "said")
    assert inner.content.text == "it will not publish the inspection report"


def test_according_to_an_outlet_is_who_passed_it_on(analyze):
    analysis = analyze(
        "Petra Lindgren said the plant would close in May, according to the Daily Ledger."
    )
    assert [a.kind for a in analysis.attributions] == ["indirect"]
    assert analysis.attributions[0].via.text == "the Daily Ledger"


# --- prepositional cues and lemmas ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The coach responded with sharp attacks on the referees.",
            "responded with",
            "sharp attacks on the referees",
        ),
        (
            "The two ministers sparred over whether the border should reopen.",
            "sparred over",
            "the border should reopen",
        ),
        (
            "Several board members bristled at the suggestion that they had been careless.",
            "bristled at",
            "the suggestion that they had been careless",
        ),
    ],
)
def test_prepositional_cues(analyze, text, cue, content):
    a = with_cue(analyze(text), cue.split()[0])
    assert a.cue.text == cue
    assert a.content.text == content


def test_forms_of_verbs_in_e_get_their_lemma(nlp):
    doc = nlp("She hopes the bridge opens, he is hoping for rain, and they hoped for more.")
    lemmas = {t.text: verb_lemma(t) for t in doc}
    assert lemmas["hopes"] == lemmas["hoping"] == lemmas["hoped"] == "hope"
    doc = nlp("The rabbit hops and hopped across the lawn.")
    assert {verb_lemma(t) for t in doc if t.lower_.startswith("hop")} == {"hop"}


def test_hopes_is_a_cue(analyze):
    a = with_cue(analyze("The mayor hopes the new bridge will open by June."), "hopes")
    assert a.content.text == "the new bridge will open by June"


# --- verdicts in the passive, documents as sources, gerund complements ---------------


def test_agentless_accusation_is_a_claim_without_source(analyze):
    a = with_cue(
        analyze("The contractor was accused of billing the city twice for the same repairs."),
        "accused",
    )
    assert a.source is None
    assert a.content.text == (
        "The contractor was accused of billing the city twice for the same repairs"
    )


def test_agentless_verdict_stops_before_an_aside(analyze):
    a = with_cue(
        analyze(
            "The guards have been blamed for the escape, with reports of open gates at night."
        ),
        "blamed",
    )
    assert a.content.text == "The guards have been blamed for the escape"


@pytest.mark.parametrize(
    "text",
    [
        "The meeting was called off.",  # another verb
        "The witness was called to testify on Monday.",  # summoned, not named
        "The plan was criticized by three councillors.",  # an agent: reported speech
    ],
)
def test_not_an_agentless_verdict(analyze, text):
    assert not any(
        a.source is None and a.content.text.startswith("The ")
        for a in analyze(text).attributions
    )


def test_reduced_relative_document_is_the_source(analyze):
    a = with_cue(
        analyze("Court filings released Monday show that the company hid its losses."),
        "show",
    )
    assert a.source.text == "Court filings released Monday"
    assert a.content.text == "the company hid its losses"


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        (
            "The letter included a list of donors who gave more than the limit.",
            "included",
            "The letter",
            "a list of donors who gave more than the limit",
        ),
        (
            "The memo outlines a plan to close three schools.",
            "outlines",
            "The memo",
            "a plan to close three schools",
        ),
    ],
)
def test_documents_set_out_what_they_hold(analyze, text, cue, source, content):
    a = with_cue(analyze(text), cue)
    assert a.source.text == source
    assert a.content.text == content


def test_holding_verb_without_a_document_is_no_attribution(analyze):
    analysis = analyze("The squad included two rookies and a veteran goalkeeper.")
    assert not any(a.cue is not None and "included" in a.cue.text for a in analysis.attributions)


def test_gerund_complement_is_the_content(analyze):
    a = with_cue(
        analyze("The governor proposes doing away with the tax on groceries."), "proposes"
    )
    assert a.content.text == "doing away with the tax on groceries"


# --- quoted words inside a reported clause; quoted labels under naming and judging ----


def test_quoted_words_inside_a_reported_clause(analyze):
    a = with_cue(
        analyze(
            'Ortega told the board that the audit was "badly overdue," before leaving the '
            "meeting early."
        ),
        "told",
    )
    assert a.kind == "mixed"
    assert a.source.text == "Ortega"
    assert a.content.text == 'the audit was "badly overdue,"'


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        (
            'The treasurer called the budget "a work of fiction" at the hearing.',
            "called",
            "The treasurer",
            'the budget "a work of fiction"',
        ),
        (
            'Rival traders dubbed him "the weatherman" after the storm.',
            "dubbed",
            "Rival traders",
            'him "the weatherman"',
        ),
        (
            'The union denounced the "reckless" closure of the depot.',
            "denounced",
            "The union",
            'the "reckless" closure of the depot',
        ),
        (
            'The coach praised her "stubbornness" in the final set.',
            "praised",
            "The coach",
            'her "stubbornness"',
        ),
        (
            'The ferry company accused the harbour board of "gross negligence" last week.',
            "accused",
            "The ferry company",
            'of "gross negligence"',
        ),
        (
            'The mayor described the new stadium as "a monument to vanity."',
            "described",
            "The mayor",
            'the new stadium as "a monument to vanity."',
        ),
        (
            'The senator is describing as "reckless" a proposal by the governor to sell the port.',
            "describing",
            "The senator",
            'as "reckless"',
        ),
    ],
)
def test_quoted_labels_under_verbs_of_naming_and_judging(analyze, text, cue, source, content):
    a = with_cue(analyze(text), cue)
    assert a.kind == "mixed"
    assert a.source.text == source
    assert a.content.text == content


def test_post_saying_a_quoted_word(analyze):
    a = with_cue(
        analyze('The candidate shared a post saying the recount was "rigged".'), "saying"
    )
    assert a.source.text == "a post"
    assert a.content.text == 'the recount was "rigged"'


def test_gerund_after_by_shares_the_subject(analyze):
    a = with_cue(
        analyze("The club answered the complaint by announcing that the stand would close."),
        "announcing",
    )
    assert a.source.text == "The club"


def test_gerund_after_for_is_not_the_subjects_statement(analyze):
    analysis = analyze("The regulator fined the firm for promoting risky loans to pensioners.")
    assert not any(
        a.cue is not None and a.cue.text == "promoting" and a.source is not None
        and a.source.text == "The regulator"
        for a in analysis.attributions
    )


# --- verbs of regarding; a colon that closes its paragraph ---------------------------


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "Critics of the plan see the new toll as an opportunity to fix the roads.",
            "see",
            "the new toll as an opportunity to fix the roads",
        ),
        ("The judge found the law unconstitutional.", "found", "the law unconstitutional"),
    ],
)
def test_verbs_of_regarding_with_a_predicate(analyze, text, cue, content):
    a = with_cue(analyze(text), cue)
    assert a.content.text == content


@pytest.mark.parametrize(
    "text", ["She saw the tweet on Monday.", "We found the keys in the car."]
)
def test_verbs_of_regarding_with_a_bare_object_report_nothing(analyze, text):
    assert analyze(text).attributions == []


def test_colon_closing_a_paragraph_introduces_the_next(analyze):
    text = (
        "The mayor spoke at length on Tuesday. The governor added:\n\n"
        "The budget is a fantasy. Nobody in this building believes it will balance.\n\n"
        "The vote is set for Friday."
    )
    a = with_cue(analyze(text), "added")
    assert a.source.text == "The governor"
    assert a.content.text == (
        "The budget is a fantasy. Nobody in this building believes it will balance"
    )


# --- noun cues with a possessor and a topic; according-to before a trailing phrase ----


@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    [
        (
            "The senator's comments Tuesday on the flooding were welcomed by farmers.",
            "The senator's",
            "comments Tuesday on",
            "the flooding",
        ),
        (
            "The agency's claims about the safety of the dam were disputed.",
            "The agency's",
            "claims about",
            "the safety of the dam",
        ),
        ("His theory of the town's decline is simple.", "His", "theory of", "the town's decline"),
    ],
)
def test_owned_noun_cue_with_a_topic(analyze, text, source, cue, content):
    a = with_cue(analyze(text), cue.split()[0])
    assert a.source.text == source
    assert a.cue.text == cue
    assert a.content.text == content


@pytest.mark.parametrize(
    "text",
    [
        "Her book about the war sold well.",  # not a noun of speech
        "His remarks on Saturday were brief.",  # a date says when, not what
        "The comments about the plan were brief.",  # nobody owns them
    ],
)
def test_not_an_owned_noun_cue_with_a_topic(analyze, text):
    assert not any(a.kind == "indirect" for a in analyze(text).attributions)


def test_according_to_mid_sentence_before_a_trailing_phrase(analyze):
    analysis = analyze(
        "Rents rose 9 percent last year, according to the housing board, twice the rate of "
        "wages."
    )
    a = with_cue(analysis, "According to".lower())
    assert a.source.text == "the housing board"
    assert a.content.text == "Rents rose 9 percent last year"


def test_title_the_parser_split_from_the_name_stays_in_the_source(analyze):
    # In this context the parser makes "admiral" and "Pello" two subjects of "told"; the
    # name is the speaker and the title before it belongs to the source span.
    analysis = analyze(
        "A majority of those asked back the levy.\n\n"
        "Retired admiral Joan Pello told reporters that the navy was ready."
    )
    a = with_cue(analysis, "told")
    assert a.source.text == "Retired admiral Joan Pello"
    assert a.content.text == "the navy was ready"


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        (
            "A majority of those questioned reject the new toll.",
            "reject",
            "A majority of those questioned",
            "the new toll",
        ),
        (
            "Those interviewed said the clinic had run out of vaccine.",
            "said",
            "Those interviewed",
            "the clinic had run out of vaccine",
        ),
    ],
)
def test_those_described_by_a_participle_speak(analyze, text, cue, source, content):
    a = with_cue(analyze(text), cue)
    assert a.source.text == source
    assert a.content.text == content


def test_a_bare_pointing_pronoun_is_no_speaker(analyze):
    analysis = analyze("Those reject the idea that prices will fall.")
    assert not any(a.cue is not None and a.cue.text == "reject" for a in analysis.attributions)


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            'The senator\'s figure was rated "largely accurate".',
            "rated",
            'The senator\'s figure was rated "largely accurate"',
        ),
        (
            'The new stadium was compared to a "money pit".',
            "compared",
            'The new stadium was compared to a "money pit"',
        ),
    ],
)
def test_agentless_rating_and_comparison_is_a_claim_without_source(analyze, text, cue, content):
    a = with_cue(analyze(text), cue)
    assert a.source is None
    assert a.content.text == content


@pytest.mark.parametrize(
    "text",
    [
        "The two budgets were compared in a short table.",  # a place, not a verdict
        "The loans were rated by the agency last week.",  # the agent is named: no verdict
    ],
)
def test_rating_or_comparing_without_a_verdict_is_no_claim(analyze, text):
    analysis = analyze(text)
    assert not any(a.source is None and a.kind != "direct" for a in analysis.attributions)


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        # parsed as a relative clause on "service"
        (
            "The chairman resigned, the wire service Sudpress reported.",
            "the wire service Sudpress",
            "The chairman resigned",
        ),
        # parsed as two subjects, "service" and "Pressnet"
        (
            "The council resigned, the wire service Pressnet reported.",
            "the wire service Pressnet",
            "The council resigned",
        ),
    ],
)
def test_trailing_outlet_named_by_its_descriptor(analyze, text, source, content):
    a = with_cue(analyze(text), "reported")
    assert a.source.text == source
    assert a.content.text == content


def test_a_relative_clause_on_a_noun_is_no_trailing_report(analyze):
    analysis = analyze("The board met on Monday, a day the manager Ilse Born announced.")
    assert not any(a.content.text == "The board met on Monday" for a in analysis.attributions)


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        (
            "The indictment states that the treasurer hid the losses.",
            "states",
            "The indictment",
            "the treasurer hid the losses",
        ),
        (
            "The court filing claims that the landlord forged the lease.",
            "claims",
            "The court filing",
            "the landlord forged the lease",
        ),
    ],
)
def test_document_subject_the_tagger_compounded_with_its_verb(
    analyze, text, cue, source, content
):
    a = with_cue(analyze(text), cue)
    assert a.source.text == source
    assert a.content.text == content


def test_a_plural_noun_without_a_clause_is_no_verb(analyze):
    analysis = analyze("The insurance claims rose sharply last year.")
    assert not any(a.cue is not None and a.cue.text == "claims" for a in analysis.attributions)


def test_indefinite_the_parser_hung_on_the_adverb_after_it_speaks(analyze):
    a = with_cue(analyze("Many online have derided the new logo."), "derided")
    assert a.source.text == "Many online"
    assert a.content.text == "the new logo"


def test_an_adverb_without_an_indefinite_is_no_speaker(analyze):
    analysis = analyze("Soon afterwards have come the protests against the video.")
    assert not any(a.source is not None and "Soon" in a.source.text for a in analysis.attributions)


def test_indefinite_on_an_adverb_the_parser_made_the_subject_speaks(analyze):
    a = with_cue(analyze("Some online have applauded the new mayor."), "applauded")
    assert a.source.text == "Some online"
    assert a.content.text == "the new mayor"


def test_an_adverb_subject_without_an_indefinite_is_no_speaker(analyze):
    analysis = analyze("Just online have critics praised the new mayor.")
    sources = [a.source.text for a in analysis.attributions if a.source is not None]
    assert sources == ["critics"]


def test_reported_clause_misread_as_a_second_subject(analyze):
    # the parser reads "reopened" as a participle on "bridge" and "bridge" as a second
    # subject of "reported"
    a = with_cue(
        analyze("The bridge reopened on Sunday, the news agency Ostwind reported."), "reported"
    )
    assert a.source.text == "the news agency Ostwind"
    assert a.content.text == "The bridge reopened on Sunday"


def test_a_verdict_with_a_cue_wins_over_the_bare_quotation_it_holds(analyze):
    a = with_cue(
        analyze(
            "The county purged voters who had not voted since 2010, in what is being "
            'criticized as a "use them or lose them" approach to voting.'
        ),
        "criticized",
    )
    assert a.source is None
    assert a.content.text == (
        'what is being criticized as a "use them or lose them" approach to voting'
    )
