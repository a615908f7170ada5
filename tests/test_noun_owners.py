"""Who owns a cue that is not a plain "X said": acts hedged by "appeared to", judgements
given and received, idioms of saying, claims stated with "is that", nouns after verbs of
persisting, gerunds after "have no way of", and topics after a phrase of time. Sentences
written for the test, each with near-misses that must not fire."""

from __future__ import annotations

import pytest


def with_cue(analysis, cue_word: str):
    """The one attribution whose cue holds ``cue_word``."""
    found = [a for a in analysis.attributions if a.cue is not None and cue_word in a.cue.text]
    assert len(found) == 1, [(a.cue and a.cue.text, a.content.text) for a in analysis.attributions]
    return found[0]


def sources(analysis) -> list[str | None]:
    return [a.source.text if a.source is not None else None for a in analysis.attributions]


def cues(analysis) -> list[str | None]:
    return [a.cue.text if a.cue is not None else None for a in analysis.attributions]


# --- apparent acts: "appeared to blame" -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        (
            "Last week Governor Ana Ruiz appeared to blame the contractors for the delays.",
            "appeared to blame",
            "Governor Ana Ruiz",
            "the contractors for the delays",
        ),
        (
            "The senator seemed to suggest that the vote would slip to next week.",
            "seemed to suggest",
            "The senator",
            "the vote would slip to next week",
        ),
    ],
)
def test_hedged_act_belongs_to_the_subject(analyze, text, cue, source, content):
    found = with_cue(analyze(text), cue)
    assert found.cue.text == cue
    assert found.source.text == source
    assert found.content.text == content


@pytest.mark.parametrize(
    "text",
    [
        "The new bridge appears to work well in the winter.",
        "Mr. Okafor appeared to be feeling better after the long hearing.",
        "The mayor seems to have vanished from public view.",
    ],
)
def test_raising_verb_without_an_act_of_speech_has_no_source(analyze, text):
    analysis = analyze(text)
    assert all(source is None for source in sources(analysis)), sources(analysis)


# --- judgements given and received ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        (
            "During the primary, the Gazette gave Ms. Alvarez a warm endorsement.",
            "a warm endorsement",
            "the Gazette",
            "Ms. Alvarez",
        ),
        (
            "The state's largest union is throwing its support behind Governor Tom Reyes.",
            "throwing its support behind",
            "The state's largest union",
            "Governor Tom Reyes",
        ),
        (
            "Senator Lena Park faced sharp criticism from members of her own party.",
            "faced sharp criticism",
            "members of her own party",
            "Senator Lena Park",
        ),
        (
            "Mr. Reyes enjoyed strong support from older voters, especially women, who "
            "helped him win the primary.",
            "enjoyed strong support",
            "older voters, especially women,",
            "Mr. Reyes",
        ),
    ],
)
def test_judgement_given_or_received(analyze, text, cue, source, content):
    found = with_cue(analyze(text), cue)
    assert found.cue.text == cue
    assert found.source.text == source
    assert found.content.text == content


@pytest.mark.parametrize(
    "text",
    [
        "The carnival drew a large crowd from the suburbs.",
        "She gave him a ride to the station.",
        "The team received new jerseys from the sponsor.",
    ],
)
def test_no_judgement_no_attribution(analyze, text):
    assert analyze(text).attributions == []


# --- idioms of saying -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        (
            "The mayor has had little to say about the audit.",
            "has had little to say about",
            "The mayor",
            "the audit",
        ),
        (
            "It is likely that the filings would have more to say on his debts.",
            "would have more to say on",
            "the filings",
            "his debts",
        ),
        (
            "Those and even older records would shed light on the loans.",
            "would shed light on",
            "Those and even older records",
            "the loans",
        ),
        (
            "The report left no doubt that the river was rising.",
            "left no doubt",
            "The report",
            "the river was rising",
        ),
    ],
)
def test_idiom_of_saying(analyze, text, cue, source, content):
    found = with_cue(analyze(text), cue)
    assert found.cue.text == cue
    assert found.source.text == source
    assert found.content.text == content


@pytest.mark.parametrize(
    "text",
    [
        "The storm had little to say about anything.",
        "The lamp shed light on the table.",
        "The storm left little doubt that winter had come.",
    ],
)
def test_idiom_without_a_speaker(analyze, text):
    assert analyze(text).attributions == []


# --- owned claims stated with "is that" ----------------------------------------------


def test_owned_claim_stated_with_is_that(analyze):
    found = with_cue(analyze("The governor's bet is that voters will forgive the delay."), "bet")
    assert found.cue.text == "bet is"
    assert found.source.text == "The governor's"
    assert found.content.text == "voters will forgive the delay"


@pytest.mark.parametrize(
    "text",
    [
        "The concern is that the bridge will not hold.",
        "Dr. Lee suggests that the city's best argument is that the plan saves money.",
    ],
)
def test_unowned_or_reported_is_that_makes_no_claim_of_its_own(analyze, text):
    analysis = analyze(text)
    assert not any(cue and cue.endswith(" is") for cue in cues(analysis)), cues(analysis)


# --- nouns after verbs of persisting ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        (
            "Republicans also persisted in arguments that the board was hiding the costs.",
            "arguments",
            "Republicans",
            "the board was hiding the costs",
        ),
        (
            "Meanwhile Senator Ruiz continues his criticism of the port deal.",
            "continues his criticism of",
            "Senator Ruiz",
            "the port deal",
        ),
    ],
)
def test_noun_after_verb_of_persisting_is_the_subjects(analyze, text, cue, source, content):
    found = with_cue(analyze(text), cue)
    assert found.cue.text == cue
    assert found.source.text == source
    assert found.content.text == content


def test_noun_after_verb_of_reacting_is_not_the_subjects(analyze):
    found = with_cue(analyze("The senator took offense at suggestions that he had lied."), "sugg")
    assert found.source is None
    assert found.content.text == "he had lied"


# --- gerunds after "have no way of" ------------------------------------------------------


def test_gerund_completing_an_object_belongs_to_the_subject(analyze):
    text = "Voters will have no way of knowing how much he pays in taxes."
    found = with_cue(analyze(text), "knowing")
    assert found.source.text == "Voters"
    assert found.content.text == "how much he pays in taxes"


@pytest.mark.parametrize(
    "text",
    [
        "The council accused him of saying that the port is safe.",
        "The risk of saying that the port is safe is small.",
    ],
)
def test_gerund_after_of_elsewhere_has_no_such_owner(analyze, text):
    found = with_cue(analyze(text), "saying")
    assert found.source is None


# --- a topic after a phrase of time ------------------------------------------------------


def test_topic_after_a_time_phrase(analyze):
    text = "Voters were swayed by the governor's announcement in 2019 of new limits on rents."
    found = with_cue(analyze(text), "announcement")
    assert found.cue.text == "announcement in 2019 of"
    assert found.source.text == "the governor's"
    assert found.content.text == "new limits on rents"


# --- a possessor the parse lost, and someone else's claim under a verb -----------------


def test_possessor_before_modifiers_owns_the_claim(analyze):
    text = "The ruling contradicts Tulsa police’s earlier claim that the man had refused to stop."
    found = with_cue(analyze(text), "claim")
    assert found.cue.text == "earlier claim"
    assert "police’s" in found.source.text
    assert found.content.text == "the man had refused to stop"


def test_claim_of_another_stands_beside_the_verb(analyze):
    analysis = analyze("The video contradicts the mayor's claim that the dam would hold.")
    claim = with_cue(analysis, "claim")
    assert claim.source.text == "the mayor's"
    assert claim.content.text == "the dam would hold"
    verb = with_cue(analysis, "contradicts")
    assert verb.source.text == "The video"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("She expressed concern that the dam would fail.", "expressed"),
        ("He repeated his claim that the dam would fail.", "repeated"),
    ],
)
def test_own_claim_under_a_verb_is_one_attribution(analyze, text, cue):
    analysis = analyze(text)
    assert len(analysis.attributions) == 1
    assert with_cue(analysis, cue).content.text.endswith("the dam would fail")


# --- a claim carried by someone's words; a sentence framed by a named speaker's words ---


def test_claim_carried_by_owned_words(analyze):
    text = (
        "But her remarks on Monday carried a somber tone, and a tacit acknowledgment that "
        "the bill may fail."
    )
    found = with_cue(analyze(text), "acknowledgment")
    assert found.cue.text == "a tacit acknowledgment"
    assert found.source.text == "her"
    assert found.content.text == "the bill may fail"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The statement contained a warning that prices would rise.", "warning"),
        ("His plan contained a promise to cut fares.", "promise"),
    ],
)
def test_claim_carried_by_unowned_words_or_no_words(analyze, text, cue):
    analysis = analyze(text)
    assert not any(
        a.cue is not None and cue in a.cue.text and a.source is not None
        for a in analysis.attributions
    ), [(a.cue and a.cue.text, a.source and a.source.text) for a in analysis.attributions]


def test_sentence_framed_by_a_named_speakers_statement(analyze):
    text = "In a statement issued Tuesday, Senator Lena Ruiz was more cautious than her colleagues."
    found = with_cue(analyze(text), "In")
    assert found.source.text == "Senator Lena Ruiz"
    assert found.content.text == "was more cautious than her colleagues"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("In the poll, 43 percent were unsure about the levy.", "the poll"),
        ("In a statement, the ministry was blunt about the risks.", "a statement"),
    ],
)
def test_frame_stays_the_source_without_a_named_speaker(analyze, text, source):
    assert with_cue(analyze(text), "In").source.text == source


# --- two subjects read for one verb ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        (
            "His pledges to cut fares notwithstanding, independent audits agree the fund "
            "would run dry.",
            "agree",
            "independent audits",
        ),
        ("The Briefing: Okafor urges voters to check their registration.", "urges", "Okafor"),
    ],
)
def test_nearer_of_two_subjects_when_the_other_is_misread(analyze, text, cue, source):
    assert with_cue(analyze(text), cue).source.text == source


def test_apposition_before_the_verb_keeps_the_name(analyze):
    text = "Ban Ki-moon, the secretary general of the United Nations, vowed not to repeat it."
    assert with_cue(analyze(text), "vowed").source.text.startswith("Ban Ki-moon")


# --- what a poll measures, also after a verb of beginning ---------------------------------


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        ("Other polls will begin to measure the effect of the debate.", "Other polls",
         "the effect of the debate"),
        ("The poll measured support for the levy among older voters.", "The poll",
         "support for the levy among older voters"),
    ],
)
def test_poll_measures_what_it_holds(analyze, text, source, content):
    found = with_cue(analyze(text), "measure")
    assert found.source.text == source
    assert found.content.text == content


def test_person_measuring_reports_nothing(analyze):
    assert analyze("The coach will begin to measure the players.").attributions == []
