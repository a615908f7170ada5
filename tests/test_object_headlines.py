"""Objects of speaking subjects in headline forms: a headline's label before a colon is
not the subject ("The Update: [Mayor Ruiz] urges ..."), and a verbal attack named by
the phrasal "go after" (lexicon ``public_act_verbs``)."""

from __future__ import annotations

import pytest
from attribution_spans import spans


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        (
            "The Update: Mayor Ruiz urges residents to conserve water.",
            "urges",
            "Mayor Ruiz",
            "residents to conserve water",
        ),
        (
            "Senator Pell went after Governor Ruiz on Tuesday.",
            "went after",
            "Senator Pell",
            "Governor Ruiz",
        ),
    ],
)
def test_object_of_speaking_subject(analyze, text, cue, source, content):
    assert (cue, source, content) in spans(analyze(text))


@pytest.mark.parametrize(
    "text",
    [
        "The dog went after the ball in the yard.",  # no view held, a thing chased
        "The Update: Rain falls on the valley.",  # no verb of saying after the label
    ],
)
def test_near_miss_reports_nothing(analyze, text):
    assert spans(analyze(text)) == []
