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
