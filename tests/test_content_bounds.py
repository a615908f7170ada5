"""Where a content ends (issue 12): what a reported clause or object takes in after its
head, and what it leaves to the writer."""

from __future__ import annotations

import pytest
from parses import parsed

from auditor.nlp.content import reported_content


def with_cue(analysis, cue_word: str):
    """The one attribution whose cue is ``cue_word``."""
    found = [a for a in analysis.attributions if a.cue is not None and a.cue.text == cue_word]
    assert len(found) == 1, [(a.cue and a.cue.text, a.content.text) for a in analysis.attributions]
    return found[0]


# --- a which-clause closing a reported that-clause -----------------------------------


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        (
            "Inspectors warned that the dam would fail under heavy rain, which would flood "
            "the valley below.",
            "warned",
            "Inspectors",
            "the dam would fail under heavy rain, which would flood the valley below",
        ),
        (
            "The auditor wrote that the agency had hidden a large loss, which allowed it to "
            "skip a payment.",
            "wrote",
            "The auditor",
            "the agency had hidden a large loss, which allowed it to skip a payment",
        ),
    ],
)
def test_which_clause_closing_a_reported_clause_is_part_of_the_claim(
    analyze, text, cue, source, content
):
    a = with_cue(analyze(text), cue)
    assert a.source.text == source
    assert a.content.text == content


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # "which" is not the subject: the writer brings the story up to date
        (
            "Inspectors warned that the dam would fail under heavy rain, which the council "
            "has since disputed.",
            "warned",
            "the dam would fail under heavy rain",
        ),
        # an object content: the which-clause is the writer's description of the thing
        ("The mayor praised the new bridge, which opened in May.", "praised", "the new bridge"),
        # a who-clause says who a person is
        (
            "She said the report was written by Ilse Varga, who left the agency in June.",
            "said",
            "the report was written by Ilse Varga",
        ),
        # in a clause nested inside the claim: what the writer knows of the illness
        (
            "He said he expects Ms. Lund to fully recover from her bout with the flu, which "
            "kept her home for a week.",
            "said",
            "he expects Ms. Lund to fully recover from her bout with the flu",
        ),
    ],
)
def test_which_clause_of_the_writer_is_cut(analyze, text, cue, content):
    assert with_cue(analyze(text), cue).content.text == content


# --- coordinated gerunds under a verb of mentioning ----------------------------------


def test_gerund_read_as_adjective_still_coordinates_with_the_next_gerund(nlp):
    # The parser sometimes reads the first gerund as an adjective of its object
    # ("[refinancing] loans") and hangs the second one on the cue verb: the two are still
    # one coordinated content.
    rows = [
        ("Mr.", "NNP", "PROPN", "compound", 1, "Mr."),
        ("Haldane", "NNP", "PROPN", "nsubj", 3, "Haldane"),
        ("has", "VBZ", "AUX", "aux", 3, "have"),
        ("mentioned", "VBN", "VERB", "ROOT", 3, "mention"),
        ("refinancing", "VBG", "VERB", "amod", 6, "refinance"),
        ("farm", "NN", "NOUN", "compound", 6, "farm"),
        ("loans", "NNS", "NOUN", "dobj", 3, "loan"),
        ("and", "CC", "CCONJ", "cc", 3, "and"),
        ("forcing", "VBG", "VERB", "conj", 3, "force"),
        ("banks", "NNS", "NOUN", "dobj", 8, "bank"),
        ("to", "TO", "PART", "aux", 11, "to"),
        ("cap", "VB", "VERB", "xcomp", 8, "cap"),
        ("fees", "NNS", "NOUN", "dobj", 11, "fee"),
        (".", ".", "PUNCT", "punct", 3, "."),
    ]
    doc = parsed(nlp, rows)
    start, end = reported_content(doc[3])
    assert doc[start:end].text == "refinancing farm loans and forcing banks to cap fees"


def test_adjective_before_an_object_does_not_take_a_later_act(nlp):
    # "cited [rising] costs and [warned] ...": a second finite act is not a gerund
    rows = [
        ("Ms.", "NNP", "PROPN", "compound", 1, "Ms."),
        ("Ortega", "NNP", "PROPN", "nsubj", 2, "Ortega"),
        ("cited", "VBD", "VERB", "ROOT", 2, "cite"),
        ("rising", "VBG", "VERB", "amod", 4, "rise"),
        ("costs", "NNS", "NOUN", "dobj", 2, "cost"),
        ("and", "CC", "CCONJ", "cc", 2, "and"),
        ("left", "VBD", "VERB", "conj", 2, "leave"),
        ("early", "RB", "ADV", "advmod", 6, "early"),
        (".", ".", "PUNCT", "punct", 2, "."),
    ]
    doc = parsed(nlp, rows)
    start, end = reported_content(doc[2])
    assert doc[start:end].text == "rising costs"


# --- no sentence starts right after a word ---------------------------------------------


def test_no_sentence_starts_right_after_a_word_on_the_same_line(nlp):
    # "cited remarks | Vance had made ...": a sentence split there (no punctuation, no line
    # break) would cut the content at "remarks"; set before the parser, it is ruled out.
    from auditor.nlp.paragraphs import ParagraphBreaker

    text = "Ms. Ortega cited remarks Vance had made. Then she left.\nNew paragraph here"
    doc = ParagraphBreaker()(nlp.make_doc(text))
    starts = {t.text: t.is_sent_start for t in doc}
    assert starts["Vance"] is False
    assert starts["left"] is False
    assert starts["Then"] is None  # after a full stop: the parser decides
    assert starts["New"] is True  # a paragraph always starts a sentence


def test_object_content_runs_on_past_a_capitalized_subject(analyze):
    text = (
        "At the hearing, Ms. Ortega cited remarks Vance had made about the port as "
        "examples of his contempt for dock workers."
    )
    a = with_cue(analyze(text), "cited")
    assert a.source.text == "Ms. Ortega"
    assert a.content.text.startswith("remarks Vance had made about the port")


# --- a from-phrase after the object says whose it is ------------------------------------


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The senator unveiled a list of endorsements from 40 county sheriffs and fire chiefs.",
            "unveiled",
            "a list of endorsements from 40 county sheriffs and fire chiefs",
        ),
        # the setting of the act ("on Friday") stays out
        (
            "Her rival cited his own endorsements from 30 mayors on Friday.",
            "cited",
            "his own endorsements from 30 mayors",
        ),
        # a place the act was done from is a circumstance, not what was unveiled
        ("The governor unveiled the plan from Ohio.", "unveiled", "the plan"),
    ],
)
def test_from_phrase_after_the_object(analyze, text, cue, content):
    assert with_cue(analyze(text), cue).content.text == content


# --- an as-phrase after a prepositional cue -------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The coach referred to the loss as a lesson for the whole team.",
            "referred to",
            "the loss as a lesson for the whole team",
        ),
        (
            "The minister spoke of the reform as a turning point.",
            "spoke of",
            "the reform as a turning point",
        ),
        # "as" opening a clause of time is no predicate of the topic
        ("The minister spoke of the reform as the crowd cheered.", "spoke of", "the reform"),
    ],
)
def test_as_phrase_after_a_prepositional_cue(analyze, text, cue, content):
    assert with_cue(analyze(text), cue).content.text == content


# --- a content never ends on a coordinator ------------------------------------------------


def test_conjunct_after_a_dangling_or_goes_on_with_the_infinitive(nlp):
    # The tagger reads the bare verb after "or" as VBP and the parser hangs it on the cue:
    # it still shares the infinitive's "to".
    rows = [
        ("The", "DT", "DET", "det", 1, "the"),
        ("governor", "NN", "NOUN", "nsubj", 2, "governor"),
        ("declined", "VBD", "VERB", "ROOT", 2, "decline"),
        ("to", "TO", "PART", "aux", 4, "to"),
        ("criticize", "VB", "VERB", "xcomp", 2, "criticize"),
        ("the", "DT", "DET", "det", 6, "the"),
        ("utility", "NN", "NOUN", "dobj", 4, "utility"),
        ("or", "CC", "CCONJ", "cc", 4, "or"),
        ("even", "RB", "ADV", "advmod", 10, "even"),
        ("directly", "RB", "ADV", "advmod", 10, "directly"),
        ("blame", "VBP", "VERB", "conj", 2, "blame"),
        ("it", "PRP", "PRON", "dobj", 10, "it"),
        (".", ".", "PUNCT", "punct", 2, "."),
    ]
    doc = parsed(nlp, rows)
    start, end = reported_content(doc[2])
    assert doc[start:end].text == "to criticize the utility or even directly blame it"


def test_second_act_after_a_dangling_and_leaves_the_and_out(analyze):
    text = (
        "In the clip, the officer urges the driver to step out of the truck and repeatedly "
        'says, "Keep your hands up."'
    )
    analysis = analyze(text)
    assert with_cue(analysis, "urges").content.text == "the driver to step out of the truck"
    assert with_cue(analysis, "says").content.text == '"Keep your hands up."'


# --- a preposition of the cue read as a particle -----------------------------------------


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "In June, the Ohio senator called on fellow Democrats to withdraw their support.",
            "called on",
            "fellow Democrats to withdraw their support",
        ),
        (
            "The union has called on members to strike peacefully.",
            "has called on",
            "members to strike peacefully",
        ),
    ],
)
def test_preposition_read_as_particle_keeps_its_object_in_the_content(analyze, text, cue, content):
    assert with_cue(analyze(text), cue).content.text == content
