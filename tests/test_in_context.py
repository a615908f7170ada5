"""Verbs of saying the parser misreads inside a whole article: each test runs an article
of several paragraphs, written for the test, in which the sentence's clause or speaker is
hung in the wrong place (a that-clause on the addressee, a clause without "that" taken for
an adverbial clause, a heading run into the sentence, a name misattached in the subject),
and near-misses that must not fire."""

from __future__ import annotations

import pytest


def with_cue(analysis, cue: str):
    """The first attribution, in the order of the text, whose cue is ``cue``."""
    found = [a for a in analysis.attributions if a.cue is not None and a.cue.text == cue]
    assert found, [(a.cue and a.cue.text, a.content.text) for a in analysis.attributions]
    return min(found, key=lambda a: a.content.start)


ARTICLES = {
    "that-clause hung on a noun of the addressee": (
        "The president has made water his theme this year.\n\n"
        "In Lima last week, he told a gathering of Andean village leaders that few people "
        "understood the risks of drought better than farmers in their part of the "
        "continent.\n\nHe returns in May.",
        "told",
        "he",
        "few people understood the risks of drought better than farmers in their part of "
        "the continent",
    ),
    "that-clause hung on a phrase after the addressee": (
        "A Life in Politics\n\nGerald Munt spent forty years in the state legislature, and "
        "his former aides remember him as a stubborn man.\n\nHe also told one of his young "
        'interns on a regular basis that "compromise is the enemy."\n\nHe retired in 2009.',
        "told",
        "He",
        '"compromise is the enemy."',
    ),
    "question under a negated verb of saying": (
        "Bridge Funding Stalls\n\nThe state's plan to replace the Harlow Bridge has run out "
        "of money, and engineers warn that the span is aging fast.\n\nLegislators have not "
        "said when they would take up the funding bill.\n\nThe bridge carries about 40,000 "
        "cars a day.",
        "have not said",
        "Legislators",
        "when they would take up the funding bill",
    ),
    "clause without 'that' after a time phrase": (
        "Senator Weighs Endorsement\n\nThe primary left deep wounds in the party, and the "
        "two rivals have barely spoken since.\n\nMs. Ortiz said after the primary she would "
        "not endorse her rival unless he apologized.\n\nHer campaign declined to comment "
        "further.",
        "said",
        "Ms. Ortiz",
        "she would not endorse her rival unless he apologized",
    ),
    "heading run into the sentence": (
        "Parents have many choices.\n\nTHE SAVINGS Back when he wrote his first guide, Mr. "
        "Haskell said that he considered credit cards a last resort. These days, he's "
        "changed his mind.",
        "said",
        "Mr. Haskell",
        "he considered credit cards a last resort",
    ),
    "verbless fragment before ', he said.'": (
        "A Crowded Race\n\nThe governor is weighing several names for the open seat, and "
        "party leaders are pressing him to decide soon.\n\nHe wants someone with experience "
        "in the legislature. People like Ms. Brandt, he said.\n\nA decision is expected "
        "next week.",
        "said",
        "he",
        "People like Ms. Brandt",
    ),
    "loose fragment before ', experts say.' under a headline": (
        "Mixed messages on Ortiz leave plan.\n\nLanguage unclear on whether single fathers "
        "are covered, experts say.\n\nThe senator's new proposal for paid leave is vague "
        "about who would be eligible, labor-policy experts say.",
        "say",
        "experts",
        "Language unclear on whether single fathers are covered",
    ),
    "'as X have said.' closing the sentence": (
        "Video Raises Questions\n\nThe recording does not include a view of the shooting "
        "itself.\n\nIt also does not answer whether Mr. Dale had a gun, as police have "
        "said.\n\nThe family has been demanding the release of the video.",
        "have said",
        "police",
        "It also does not answer whether Mr. Dale had a gun",
    ),
    "name closing the subject, hung on the noun before it": (
        "His former business partner at Lenox, Martin B. Cole, called him a master at "
        "bolting together impossible business transactions.\n\nThe mines employ about 900 "
        "people.",
        "called",
        "His former business partner at Lenox, Martin B. Cole,",
        "him a master at bolting together impossible business transactions",
    ),
    "gerund after 'despite' sharing the subject": (
        "Courts and Victims\n\nThe bill passed the House on Friday.\n\nSpeaker Ana Ruiz, "
        "despite admitting that she had concerns about the cost, said the families deserve "
        "their day in court.\n\nThe Senate votes next week.",
        "admitting",
        "Speaker Ana Ruiz",
        "she had concerns about the cost",
    ),
    "infinitive given to the object": (
        "Bank Chief Grilled\n\nThe hearing lasted four hours and grew tense as the afternoon "
        "went on.\n\nThe senator also forced Mr. Dunmore, who was under questioning from the "
        "banking committee, to admit that no senior managers had been punished.\n\nThe bank "
        "has paid a fine.",
        "to admit",
        "Mr. Dunmore, who was under questioning from the banking committee,",
        "no senior managers had been punished",
    ),
}


@pytest.mark.parametrize(("text", "cue", "source", "content"), ARTICLES.values(), ids=ARTICLES)
def test_verb_of_saying_in_context(analyze, text, cue, source, content):
    attribution = with_cue(analyze(text), cue)
    assert attribution.source is not None and attribution.source.text == source
    assert attribution.content.text == content


def test_that_clause_of_a_topic_noun_stays_the_nouns(analyze):
    analysis = analyze(
        "The Count Goes On\n\nReporters asked the governor about his claim that the vote "
        "was rigged.\n\nHe has given no evidence."
    )
    asked = with_cue(analysis, "asked")
    assert asked.content.text == "the governor about his claim that the vote was rigged"


def test_clause_with_a_conjunction_is_no_content(analyze):
    analysis = analyze(
        "A Quiet Exit\n\nThe mayor did not comment when asked.\n\nShe said so when she left "
        "the room.\n\nHer term ends in June."
    )
    assert not any(
        a.content.text in {"asked", "she left the room"} for a in analysis.attributions
    )


def test_apposition_and_coordination_are_no_heading(analyze):
    analysis = analyze(
        "Bridge Reopens\n\nAnn Lee, the mayor of Dunmore, said that the bridge would "
        "reopen.\n\nThe family, friends and neighbors have said that they want answers."
    )
    assert with_cue(analysis, "said").source.text == "Ann Lee, the mayor of Dunmore,"
    assert with_cue(analysis, "have said").source.text.startswith("The family")


def test_infinitive_under_a_rule_names_no_speaker(analyze):
    analysis = analyze(
        "Disclosure Rules\n\nThe state law requires candidates to disclose their income."
        "\n\nFew do so early."
    )
    assert not any(
        a.source is not None and a.source.text == "candidates" for a in analysis.attributions
    )
