"""Misreadings of the small model that lose an attribution, undone by reading the sentence
again with a nudge (auditor/nlp/repairs/rereading.py, detectors in
auditor/nlp/repairs/misparse_nudges.py):
a verb of saying read as a noun ("Harbor council votes to ..."), poll shares run into the
object before them, a subjectless verb in -s at the start of a sentence; and who can
speak: an object pronoun as the subject of a gerund, a name with a capital inside it.
Every sentence is written for the test."""

from __future__ import annotations

import pytest

from auditor.analysis import analysis_from_doc
from auditor.nlp.repairs.misparse_nudges import misread_verb, share_nudges, subjectless_nudges


@pytest.fixture
def model_reading(nlp):
    """The model's own reading, before any repair."""

    def run(text: str):
        return nlp.get_pipe("auditor_misparses").model_reading([text])[0]

    return run


def spans(analysis):
    return [
        (
            a.source.text if a.source else None,
            a.cue.text if a.cue else None,
            a.content.text,
        )
        for a in analysis.attributions
    ]


# --- a verb of saying or planning read as a noun -------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        (
            "Harbor council votes to close the old pier.",
            "votes",
            ("Harbor council", "votes", "to close the old pier"),
        ),
        (
            "County court rules against the new map.",
            "rules",
            ("County court", "rules against", "the new map"),
        ),
        (
            "State board votes to delay the audit.",
            "votes",
            ("State board", "votes", "to delay the audit"),
        ),
    ],
)
def test_verb_read_as_noun_is_read_again(nlp, model_reading, text, word, expected):
    misread = next(t for t in model_reading(text) if t.text == word)
    assert misread.pos_ == "NOUN" and misread_verb(misread)  # the model's misreading
    doc = nlp(text)
    assert expected in spans(analysis_from_doc(doc))
    verb = next(t for t in doc if t.text == word)
    assert verb.pos_ == "VERB" and verb.tag_ == "VBZ"


@pytest.mark.parametrize(
    "text",
    [
        "Her plans to hire staff were dropped.",  # a possessive before: a noun
        "At the hearing, Lee cited disparaging remarks Ruiz had made about the port.",
        "The votes of the council were counted twice.",  # a determiner before
        "Panels votes were counted.",  # no agreement: "panels" is plural
    ],
)
def test_nouns_of_saying_stay_nouns(model_reading, nlp, text):
    assert not any(misread_verb(t) for t in model_reading(text))


def test_object_of_a_verb_keeps_its_reading(analyze):
    analysis = analyze("Lee cited disparaging remarks Ruiz had made about the port.")
    assert ("Lee", "cited", "disparaging remarks Ruiz had made about the port") in spans(analysis)
    assert all(source != "disparaging" for source, _, _ in spans(analysis))


def test_repair_keeps_text_tokens_and_sentences(nlp):
    text = "The pier is old. Harbor council votes to close the old pier. Work starts soon."
    doc = nlp(text)
    assert doc.text == text
    assert [s.text for s in doc.sents] == [
        "The pier is old.",
        "Harbor council votes to close the old pier.",
        "Work starts soon.",
    ]
    assert "also" not in [t.lower_ for t in doc]


# --- poll shares run into the object before them --------------------------------------------


def test_coordinated_shares_each_speak(analyze):
    text = (
        "In a three-way race, 41 percent would pick Ruiz and 38 percent would choose Lee, "
        "while 9 percent prefer Hale and 2 percent support Oke."
    )
    found = spans(analyze(text))
    for expected in [
        ("41 percent", "would pick", "Ruiz"),
        ("38 percent", "would choose", "Lee"),
        ("9 percent", "prefer", "Hale"),
        ("2 percent", "support", "Oke"),
    ]:
        assert expected in found


def test_share_detector_needs_a_share_before_a_verb(model_reading):
    for text in (
        "Lee won 46 percent and Ruiz 44 percent.",  # no verb after the share
        "Lee thanked Ruiz and the staff would stay.",  # no share
        "41 percent would pick Ruiz, and 38 percent would choose Lee.",  # a comma already
    ):
        doc = model_reading(text)
        assert share_nudges(doc[:]) == []


# --- a subjectless verb in -s opening a sentence ---------------------------------------------


def test_subjectless_verb_speaks_for_nobody(nlp, model_reading):
    text = "Keeps saying he opposed the plan."
    first = model_reading(text)[0]
    assert first.pos_ == "NOUN" and subjectless_nudges(first.sent)
    doc = nlp(text)
    assert (None, "saying", "he opposed the plan") in spans(analysis_from_doc(doc))
    assert doc[0].tag_ == "VBZ"


def test_plural_subject_of_a_finite_verb_is_no_verb(model_reading):
    doc = model_reading("Officials said the plan failed.")
    assert subjectless_nudges(doc[:]) == []


# --- who can speak -------------------------------------------------------------------------


def test_object_pronoun_subject_of_a_gerund_speaks(analyze):
    analysis = analyze("There are recordings of him praising the plan.")
    assert ("him", "praising", "the plan") in spans(analysis)


def test_object_pronoun_object_does_not_speak(analyze):
    analysis = analyze("I saw them leaving the hall.")
    assert all(source != "them" for source, _, _ in spans(analysis))


def test_name_with_inner_capital_is_a_name(nlp):
    doc = nlp("Polls show Lee ahead, with PollWatch showing him up 3 points.")
    name = next(t for t in doc if t.text == "PollWatch")
    assert name.pos_ == "PROPN"
    found = spans(analysis_from_doc(doc))
    assert ("PollWatch", "showing", "him up 3 points") in found


# --- a second verb hung on an extraposed "it is ... that" -----------------------------------


def test_conjunct_hung_on_extraposed_it_keeps_the_clause_subject(analyze):
    analysis = analyze(
        "It is odd that Lee demands answers from the council, yet refuses to release his "
        "records or explain how he paid."
    )
    found = spans(analysis)
    assert ("Lee", "refuses", "to release his records or explain how he paid") in found
    assert ("Lee", "explain", "how he paid") in found
    assert all(source != "It" for source, _, _ in found)


def test_expletive_it_with_its_own_conjunct_is_left_alone(analyze):
    found = spans(analyze("It is clear that the plan failed, and Lee said so."))
    assert all(source != "the plan" for source, _, _ in found)
