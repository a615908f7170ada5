"""Candidates that attribute nothing (auditor.nlp.non_attributions), on sentences written
for the test: the reporter's framing, seen events, questions put to the reader, quoted
labels and subheadings, label colons; each beside a near-miss that must still be found.
The sentences are cases in tests/cases/not_attributions.yaml (run by tests/test_cases.py);
here, the ones that need more than one look at the result, and the filter on records."""

from __future__ import annotations

from attribution_spans import spans as triples

from auditor.nlp.non_attributions import without_non_attributions
from auditor.nlp.raw import RawAttribution


def test_quoted_sentence_on_its_own_line_still_inherits(analyze):
    text = (
        '"We will rebuild the pier," Mayor Tom Reyes said.\n\n'
        '"It will take two years and every crew we have."'
    )
    found = triples(analyze(text))
    assert found[0] == ("said", "Mayor Tom Reyes", '"We will rebuild the pier,"')
    second = '"It will take two years and every crew we have."'
    assert any(content == second for *_, content in found)


def test_quoted_nickname_inside_a_name(nlp):
    doc = nlp('Gov. Ellen "Ellie" Marsh cut the ribbon at noon.')
    start = doc.text.index('"Ellie"')
    nickname = RawAttribution("floating", (start, start + len('"Ellie"')))
    start = doc.text.index("cut")
    unrelated = RawAttribution("floating", (start, len(doc.text)))
    assert without_non_attributions(doc, [nickname, unrelated]) == [unrelated]
