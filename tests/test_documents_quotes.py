"""A quotation followed by the document that holds it ('"...," the letter reads'): the
document is the source, typed as a document; a person reading, a thing that is no
document, or a verb with an object of its own leave the quotation alone. Sentences
written for the test."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        (
            "Parents from six cities signed the letter. “We see our children thriving "
            "in these schools,” the letter reads.",
            "reads",
            "the letter",
            "“We see our children thriving in these schools,”",
        ),
        (
            "“Local leaders called it the comeback of the decade,” the article read.",
            "read",
            "the article",
            "“Local leaders called it the comeback of the decade,”",
        ),
        (
            "“We see our children thriving in these schools,” reads the letter.",
            "reads",
            "the letter",
            "“We see our children thriving in these schools,”",
        ),
    ],
)
def test_document_reads_the_quotation(analyze, text, cue, source, content):
    quoted = [a for a in analyze(text).attributions if a.kind == "direct"]
    assert len(quoted) == 1
    a = quoted[0]
    assert a.cue is not None and a.cue.text == cue
    assert a.source is not None and a.source.text == source
    assert a.source_type == "document"
    assert a.content.text == content


@pytest.mark.parametrize(
    "text",
    [
        "“Stop the cuts at once,” the signs read.",
        "“We will not stop now,” the letter lists as its first demand.",
    ],
)
def test_no_document_reads_the_quotation(analyze, text):
    assert not any(
        a.cue is not None and a.cue.text in {"read", "lists"} for a in analyze(text).attributions
    )


def test_person_reading_keeps_the_speaker(analyze):
    a = next(
        a
        for a in analyze("“We will not stop,” said the mayor, reading the letter.").attributions
        if a.kind == "direct"
    )
    assert a.cue.text == "said"
    assert a.source.text == "the mayor"
