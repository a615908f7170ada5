"""Where a content ends (issue 12): what a reported clause or object takes in after its
head, and what it leaves to the writer."""

from __future__ import annotations

import pytest

from auditor.analysis import analysis_from_doc


@pytest.fixture
def analyze(nlp):
    def run(text: str):
        return analysis_from_doc(nlp(text))

    return run


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
