"""Documents named by a preposition of the clause they source ("Lind did fare well in
online polls", "by one estimate", "per the party's bylaws"): the preposition is the cue,
the poll, estimate or document the source (typed as a document), the clause or subject it
modifies the content. Near-misses name no document or sit under a verb of saying.
Sentences written for the test."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        (
            "The senator's recent gains in some polls in the Midwest may prove short-lived.",
            "in",
            "some polls in the Midwest",
            "The senator's recent gains",
        ),
        (
            "Lind did fare well in online polls conducted after the first forum.",
            "in",
            "online polls conducted after the first forum",
            "Lind did fare well",
        ),
        (
            "Despite claims that she won the forum, she did not receive a bump in one of "
            "the first polls to emerge.",
            "in",
            "one of the first polls",
            "she did not receive a bump",
        ),
        (
            "In this poll, Brandt rose 1 percentage point since the forum.",
            "In",
            "this poll",
            "Brandt rose 1 percentage point since the forum",
        ),
        (
            "In the valley alone, 300,000 acres have been damaged by mining, by one estimate.",
            "by",
            "one estimate",
            "300,000 acres have been damaged by mining",
        ),
        (
            "Proxies are barred when filling a vacancy, per the party's bylaws.",
            "per",
            "the party's bylaws",
            "Proxies are barred when filling a vacancy",
        ),
    ],
)
def test_preposition_names_the_document(analyze, text, cue, source, content):
    found = [a for a in analyze(text).attributions if a.cue is not None and a.cue.text == cue]
    assert len(found) == 1
    a = found[0]
    assert a.source.text == source
    assert a.source_type == "document"
    assert a.content.text == content


@pytest.mark.parametrize(
    "text",
    [
        "The city spends $40 per person on parks.",
        "The house was damaged by the storm.",
        "Few people believe in polls anymore.",
        "The volunteers met in the survey office on Main Street.",
        "She said in the survey that she would move.",
    ],
)
def test_no_document_named(analyze, text):
    assert not any(
        a.cue is not None and a.cue.text.lower() in {"in", "by", "per"}
        for a in analyze(text).attributions
    )


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        (
            "As stated in Lee's commentary, there are many questions about the permit.",
            "stated",
            "Lee's commentary",
            "there are many questions about the permit",
        ),
        (
            "As outlined in the report, the county will close two clinics.",
            "outlined",
            "the report",
            "the county will close two clinics",
        ),
        (
            "All of this is powerfully documented in the film.",
            "documented",
            "the film",
            "All of this",
        ),
    ],
)
def test_said_in_a_document_is_the_documents(analyze, text, cue, source, content):
    found = [a for a in analyze(text).attributions if a.cue is not None and cue in a.cue.text]
    assert len(found) == 1
    a = found[0]
    assert a.source.text == source
    assert a.source_type == "document"
    assert a.content.text == content


def test_said_in_a_person_keeps_the_speaker(analyze):
    """Not a document after "in": the clause's subject stays the source."""
    found = [
        a
        for a in analyze("As she said in Denver, the county will close two clinics.").attributions
        if a.cue is not None and "said" in a.cue.text
    ]
    assert len(found) == 1 and found[0].source.text == "she"
