"""Rules that generalize (issue 12, item 3): each case is written in wording of its own, to
pin a phenomenon rather than one sentence: a loaded or mind-reading verb only as an
attribution cue, "unverified" as a family of constructions, weasel attributions beyond a
list, labels and republication notes at the top."""

from __future__ import annotations

import pytest

from auditor.ingest import article_from_text
from auditor.rules.verbs import verb_forms


def _spans(auditor, text: str, rule: str) -> list[str]:
    result = auditor.audit(article_from_text(text, format="text"))
    return [text[f.start : f.end] for f in result.findings if f.rule == rule]


def test_verb_forms_cover_every_tense_and_particle_verbs() -> None:
    assert verb_forms("admit") == {
        "admit": "base",
        "admits": "s",
        "admitted": "ed",
        "admitting": "ing",
    }
    assert set(verb_forms("concede")) == {"concede", "concedes", "conceded", "conceding"}
    assert "pointing out" in verb_forms("point out")
    assert verb_forms("think")["thought"] == "ed"
    # A house lexicon's consonant + y verbs: deny, denies, denied, denying.
    assert set(verb_forms("deny")) == {"deny", "denies", "denied", "denying"}
    assert set(verb_forms("play")) == {"play", "plays", "played", "playing"}


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("The ministry claims the dam is safe.", "claims"),
        ("Prosecutors maintain that the contract was forged.", "maintain"),
        ("The striker concedes he was offside.", "concedes"),
        ('"I was wrong," the minister admits.', "admits"),
        ("The landlord insisted that the heating had been repaired.", "insisted"),
    ],
)
def test_loaded_verb_fires_on_an_attribution_cue_in_any_form(auditor, text, verb) -> None:
    assert _spans(auditor, text, "VERB001") == [verb]


@pytest.mark.parametrize(
    "text",
    [
        "Two climbers were admitted to the clinic with frostbite.",
        "The cyclist claimed her first stage win in the Alps.",
        "The goalkeeper conceded three goals before half-time.",
        "The X-ray revealed a crack in the bone.",
        "The museum admits school groups without charge.",
        "The council maintains twelve parks.",
        "The guide pointed out the castle to the tourists.",
    ],
)
def test_loaded_verb_is_silent_in_senses_that_are_not_attribution(auditor, text) -> None:
    assert _spans(auditor, text, "VERB001") == []


def test_loaded_verb_message_suggests_the_neutral_form_of_the_same_tense(auditor) -> None:
    result = auditor.audit(article_from_text("The mayor concedes the budget is short."))
    (finding,) = [f for f in result.findings if f.rule == "VERB001"]
    assert "'says'" in finding.message


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("Bankers fear the currency will collapse.", "fear"),
        ("The coach is convinced that his team will win.", "is convinced"),
        ("Many residents believed the mine would reopen.", "believed"),
    ],
)
def test_mind_reading_verb_with_plural_subjects_and_predicates(auditor, text, at) -> None:
    assert _spans(auditor, text, "VERB002") == [at]


@pytest.mark.parametrize(
    "text",
    ["Farmers fear drought every summer.", "He feels much better today, his doctor said."],
)
def test_mind_reading_verb_needs_a_clause(auditor, text) -> None:
    assert _spans(auditor, text, "VERB002") == []


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (
            "Protesters said the police had fired rubber bullets. The agency could not "
            "independently verify the claim.",
            "fired rubber bullets",
        ),
        (
            "The club said the coach had resigned. We were unable to check this.",
            "the coach had resigned",
        ),
        (
            "The firm says it paid every worker, which the Gazette has not been able to "
            "independently confirm.",
            "paid every worker",
        ),
        (
            "The governor said the fires were out. That account has not yet been corroborated.",
            "the fires were out",
        ),
    ],
)
def test_unverified_family_lands_on_the_claim(auditor, text, claim) -> None:
    spans = _spans(auditor, text, "PROV002")
    assert spans and all(claim in span for span in spans), spans


@pytest.mark.parametrize(
    "text",
    [
        "Officials could not confirm whether the bridge would reopen.",
        "The police could not confirm how many people were inside.",
        "It could not be confirmed when the ferry would sail again.",
    ],
)
def test_checking_an_open_question_is_not_an_unverified_claim(auditor, text) -> None:
    assert _spans(auditor, text, "PROV002") == []


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("Historians believe the fort was built by the Romans.", "Historians believe"),
        ("Some forecasters expected a mild winter.", "Some forecasters expected"),
        ("Several studies have found that the pill is safe.", "Several studies have found"),
        ("The newspaper understands that the coach will be sacked.", "The newspaper understands"),
    ],
)
def test_weasel_attribution_beyond_the_textbook_list(auditor, text, at) -> None:
    assert _spans(auditor, text, "ATTR003") == [at]


def test_weasel_class_with_a_qualifier_is_not_vague(auditor) -> None:
    text = "Historians at the University of Porto believe the fort was built by the Romans."
    assert _spans(auditor, text, "ATTR003") == []


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("The goalkeeper is understood to have asked for a transfer.", "is understood to have"),
        ("The rebels were said to be short of ammunition.", "were said to be"),
    ],
)
def test_hearsay_passives_need_a_source(auditor, text, at) -> None:
    assert _spans(auditor, text, "ATTR004") == [at]


def test_reportedly_is_excused_by_a_source_in_the_sentence(auditor) -> None:
    text = "Troops have reportedly left the town, according to the OSCE monitoring team."
    assert _spans(auditor, text, "ATTR004") == []


def test_counts_in_words_are_casualty_claims(auditor) -> None:
    (span,) = _spans(auditor, "Eleven miners were killed in the blast.", "ATTR001")
    assert "Eleven miners were killed" in span


def test_going_to_is_a_prediction_and_a_forecaster_attributes_it(auditor) -> None:
    assert _spans(auditor, "The drought is going to ruin the harvest.", "ATTR006")
    text = "The drought will ruin the harvest, the farmers' union predicted on Friday."
    assert _spans(auditor, text, "ATTR006") == []


def test_polls_show_is_an_unnamed_study(auditor) -> None:
    assert _spans(auditor, "Surveys show most parents back the plan.", "ATTR007") == [
        "Surveys show"
    ]


OPINION_BODY = (
    "To be honest, the reform is a failure. I think the minister knows it. "
    "Frankly, nobody believes him."
)


@pytest.mark.parametrize(
    "label",
    ["ANALYSIS: ", "Commentary\n\n", "Guest column by Omar Said\n\n", "Headline here\n\nOp-ed\n\n"],
)
def test_opinion_label_at_the_top_in_several_forms(auditor, label) -> None:
    assert _spans(auditor, label + OPINION_BODY, "DOC003") == []


def test_unlabelled_opinion_still_flagged(auditor) -> None:
    assert _spans(auditor, "Analysis of the budget follows. " + OPINION_BODY, "DOC003")


@pytest.mark.parametrize(
    ("text", "at"),
    [
        (
            "Rents rose again.\n\nThis piece appears courtesy of the Tenants' Gazette.",
            "appears courtesy of",
        ),
        (
            "Rents rose again.\n\nIt is published under a syndication agreement with Metro News.",
            "syndication agreement",
        ),
        ("Rents rose again.\n\nThis report first ran in the Evening Star.", "first ran"),
    ],
)
def test_republication_notes_in_other_words(auditor, text, at) -> None:
    spans = _spans(auditor, text, "PROV006")
    assert spans and all(at in span or span in at for span in spans), spans


@pytest.mark.parametrize(
    "text",
    [
        "The opera was first performed and first published in 1901.",
        "The court noted that the views expressed by the witness were not evidence.",
    ],
)
def test_notes_about_other_things_are_not_republication(auditor, text) -> None:
    assert _spans(auditor, text, "PROV006") == []


@pytest.mark.parametrize(
    "text",
    [
        'The novel "The Last Summer of the Lighthouse Keeper" won the prize on Monday.',
        'A placard reading "Stop the war before it reaches our doors and our homes" was raised.',
        'The headline: "Minister quits after row over secret budget deal".',
    ],
)
def test_a_title_or_written_text_needs_no_speaker(auditor, text) -> None:
    assert _spans(auditor, text, "ATTR002") == []


def test_spoken_words_without_a_speaker_still_flagged(auditor) -> None:
    text = 'The vote was close.\n\n"We were robbed of this election by people who never voted."'
    (span,) = _spans(auditor, text, "ATTR002")
    assert span.startswith('"We were robbed')
