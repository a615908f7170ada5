"""Texts put out and topics taken up (lexicon ``text_act_verbs``, read by
auditor.nlp.text_acts through auditor.nlp.stance): the object is the content when it is a
text (for a verb of putting out a text) or a topic (for a verb of taking one up), and the
subject a speaker that is not itself a document."""

from __future__ import annotations

import pytest
from attribution_spans import spans


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        # putting out a text
        (
            "The Harbor Ledger published portions of the mayor's private memo.",
            "published",
            "The Harbor Ledger",
            "portions of the mayor's private memo",
        ),
        (
            "Senator Mabel Orr issued a two-page statement in defense of the pipeline.",
            "issued",
            "Senator Mabel Orr",
            "a two-page statement in defense of the pipeline",
        ),
        (
            "The city council sent a cease-and-desist letter on Monday.",
            "sent",
            "The city council",
            "a cease-and-desist letter",
        ),
        (
            "Governor Pell unleashed a flurry of angry tweets.",
            "unleashed",
            "Governor Pell",
            "a flurry of angry tweets",
        ),
        (
            "Dr. Ilse Varga wrote a memoir of her years at the clinic.",
            "wrote",
            "Dr. Ilse Varga",
            "a memoir of her years at the clinic",
        ),
        # taking up a topic
        (
            "Finance ministers gathered in Oslo to discuss the currency crisis.",
            "to discuss",
            "Finance ministers",
            "the currency crisis",
        ),
        (
            "Two reporters examined the senator's claim.",
            "examined",
            "Two reporters",
            "the senator's claim",
        ),
        (
            "The finance minister explored the risks of a new border agency.",
            "explored",
            "The finance minister",
            "the risks of a new border agency",
        ),
        # weighing a proposal
        (
            "Party leaders weighed plans for a snap election.",
            "weighed",
            "Party leaders",
            "plans for a snap election",
        ),
    ],
)
def test_text_act_is_attributed(analyze, text, cue, source, content):
    assert (cue, source, content) in spans(analyze(text))


@pytest.mark.parametrize(
    "text",
    [
        "The couple sent their son to a boarding school.",  # a person sent, not a text
        "Mr. Abbot wrote the number on a napkin.",  # a number, not a text
        "The printer published the catalogue of spring seeds.",  # not a text of the list
        "The memo was published by the Harbor Ledger.",  # passive: no subject who acts
        "The report examined the river's flow.",  # a document: documents.py reads it
        "The board will discuss Tuesday.",  # a time, not a topic
        "The candidate released his tax returns.",  # records disclosed: "release" unlisted
        "The grocer weighed the apples.",  # a thing weighed, not a proposal
        "The aide was not allowed to publish the memo.",  # what she may do, not did
    ],
)
def test_near_miss_reports_nothing(analyze, text):
    assert spans(analyze(text)) == []
