"""Noun cues with their owners, on sentences written for the test: nouns of deciding and
trying with an infinitive, complements misread as relative clauses, owners named by a
modifier, claims with no owner, and what an owned plan would do."""

from __future__ import annotations

import pytest


def with_cue(analysis, cue_word: str):
    """The one attribution whose cue holds ``cue_word``."""
    found = [a for a in analysis.attributions if a.cue is not None and cue_word in a.cue.text]
    assert len(found) == 1, [(a.cue and a.cue.text, a.content.text) for a in analysis.attributions]
    return found[0]


def without_cue(analysis, cue_word: str) -> None:
    assert not any(
        a.cue is not None and cue_word in a.cue.text for a in analysis.attributions
    ), [(a.cue and a.cue.text, a.content.text) for a in analysis.attributions]


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        (
            "The mayor's decision to close the schools angered the parents.",
            "decision",
            "The mayor's",
            "to close the schools",
        ),
        (
            "Touring the flooded towns is the governor's latest effort to win back the north.",
            "latest effort",
            "the governor's",
            "to win back the north",
        ),
        (
            "The speech showed the senator's eagerness to court younger voters.",
            "eagerness",
            "the senator's",
            "to court younger voters",
        ),
        (
            "This hasty decision by the council to raise the fares has angered riders.",
            "This hasty decision",
            "the council",
            "to raise the fares",
        ),
    ],
)
def test_owned_noun_of_deciding_takes_its_infinitive(analyze, text, cue, source, content):
    found = with_cue(analyze(text), cue)
    assert found.cue.text == cue
    assert found.source.text == source
    assert found.content.text == content


def test_generic_owner_is_no_source(analyze):
    """'an individual's decision': anyone at all, nobody in particular."""
    analysis = analyze(
        "Audits are not affected by an individual's decision to publish the returns."
    )
    without_cue(analysis, "decision")


def test_unowned_decision_is_no_claim(analyze):
    """A plan or decision with no owner describes; nobody claims it."""
    analysis = analyze("A decision to close the bridge was reached after the storm.")
    without_cue(analysis, "decision")


def test_owner_named_by_a_modifier(analyze):
    found = with_cue(
        analyze("The senator seized on a Chronicle report that the firm had lost $90 million."),
        "report",
    )
    assert found.cue.text == "report"
    assert found.source.text == "Chronicle"
    assert found.content.text == "the firm had lost $90 million"


def test_complement_clause_read_as_relative(analyze):
    """'media pronouncements that she had won': the clause is what was pronounced."""
    found = with_cue(
        analyze(
            "Despite media pronouncements that Ms. Okafor was the winner of the debate, "
            "she got no bump in the polls."
        ),
        "pronouncements",
    )
    assert found.source.text == "media"
    assert found.content.text == "Ms. Okafor was the winner of the debate"


def test_relative_clause_after_a_noun_of_saying_is_no_content(analyze):
    """'the warning that she repeated': 'that' is the clause's object, not a
    complementizer."""
    analysis = analyze("The senator's warning that she repeated at the rally was ignored.")
    without_cue(analysis, "warning")


def test_claim_with_no_owner_has_no_source(analyze):
    found = with_cue(
        analyze(
            "Leaders met on Friday amid growing concerns that the bloc is too dependent "
            "on imported gas."
        ),
        "concerns",
    )
    assert found.cue.text == "growing concerns"
    assert found.source is None
    assert found.content.text == "the bloc is too dependent on imported gas"


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        (
            "Ms. Varga's plan would also cap deductions at 28 percent and raise the estate tax.",
            "Ms. Varga's",
            "cap deductions at 28 percent and raise the estate tax",
        ),
        (
            "Under the senator's plan, families earning less than $50,000 would pay no tax.",
            "the senator's",
            "families earning less than $50,000 would pay no tax",
        ),
    ],
)
def test_what_an_owned_plan_would_do(analyze, text, source, content):
    found = with_cue(analyze(text), "plan")
    assert found.cue.text == "plan"
    assert found.source.text == source
    assert found.content.text == content


def test_what_an_owned_plan_is_meant_to_do(analyze):
    found = with_cue(
        analyze(
            "Although Mr. Ortiz's plan is intended to make sure the wealthiest pay more, "
            "it leaves loopholes intact."
        ),
        "plan",
    )
    assert found.cue.text == "plan is intended"
    assert found.source.text == "Mr. Ortiz's"
    assert found.content.text == "to make sure the wealthiest pay more"


@pytest.mark.parametrize(
    "text",
    [
        "The plan is intended to make sure the wealthiest pay more.",  # no owner
        "The plan would cut taxes for most families.",  # no owner
        "Under a plan for the city, families would pay less.",  # "for the city": no owner
        "His plan failed in the committee last year.",  # what happened to it, not its content
    ],
)
def test_plan_without_owner_or_modal_is_no_attribution(analyze, text):
    without_cue(analyze(text), "plan")


def test_light_verb_subject_owns_a_topical_noun(analyze):
    found = with_cue(
        analyze("The council made a strong condemnation of the attack on the clinic."),
        "condemnation",
    )
    assert found.cue.text == "made a strong condemnation of"
    assert found.source.text == "The council"
    assert found.content.text == "the attack on the clinic"


def test_modifier_of_a_topical_noun_is_no_owner(analyze):
    """'the FBI criticism of the report': the modifier may as well be who is criticized."""
    without_cue(analyze("The FBI criticism of the report was muted."), "criticism")


def test_by_an_owned_admission(analyze):
    analysis = analyze("By his own admission, the senator's tax returns run to thousands of pages.")
    found = with_cue(analysis, "admission")
    assert found.cue.text == "own admission"
    assert found.source.text == "his"
    assert found.content.text == "the senator's tax returns run to thousands of pages"


def test_by_an_unowned_estimate_is_no_attribution(analyze):
    without_cue(analyze("By some estimates, the project will cost $4 billion."), "estimates")


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        (
            "Several longtime critics of the mayor attended the hearing.",
            "critics of",
            "Several longtime",
            "the mayor",
        ),
        (
            "Three former opponents of the treaty signed the letter.",
            "opponents of",
            "Three former",
            "the treaty",
        ),
    ],
)
def test_counted_holders_of_a_stance(analyze, text, cue, source, content):
    found = with_cue(analyze(text), cue)
    assert found.source.text == source
    assert found.content.text == content


@pytest.mark.parametrize(
    "text",
    [
        "The bill's supporters rallied on Monday.",  # the possessor is what is supported
        "Supporters of the bill rallied on Monday.",  # nobody counted, nobody in particular
        "Some of the most strident opponents of the plan have embraced it.",  # superlative
    ],
)
def test_uncounted_role_noun_is_no_attribution(analyze, text):
    analysis = analyze(text)
    assert not any(
        a.cue is not None and a.cue.text.endswith(" of") for a in analysis.attributions
    ), [(a.cue and a.cue.text, a.content.text) for a in analysis.attributions]
