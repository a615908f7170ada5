"""Documents as sources beyond verbs of saying: binding texts that allow, require or
forbid ("the rules permit members to vote by proxy"), studies and audits that found
something ("a 2019 audit found 40 errors"), averages that show a standing. Typed as
documents; near-misses (a document that is acted on, a thing that allows, a binding
text's own terms) are no attribution. Sentences written for the test."""

from __future__ import annotations

import pytest


def with_cue(analysis, cue_word: str):
    """The one attribution whose cue holds ``cue_word``."""
    found = [a for a in analysis.attributions if a.cue is not None and cue_word in a.cue.text]
    assert len(found) == 1, [(a.cue and a.cue.text, a.content.text) for a in analysis.attributions]
    return found[0]


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        (
            "The treaty obligates countries to admit refugees.",
            "obligates",
            "The treaty",
            "countries to admit refugees",
        ),
        (
            "The league's existing rules empower the committee to name a new coach.",
            "empower",
            "The league's existing rules",
            "the committee to name a new coach",
        ),
        (
            "Though typically club rules permit members to send proxies, it is forbidden "
            "in a runoff.",
            "permit",
            "club rules",
            "members to send proxies",
        ),
        (
            "He helped write the first accord committing every member state to cutting its debt.",
            "committing",
            "the first accord",
            "every member state to cutting its debt",
        ),
    ],
)
def test_binding_text_reports_what_it_allows_or_requires(analyze, text, cue, source, content):
    a = with_cue(analyze(text), cue)
    assert a.source.text == source
    assert a.source_type == "document"
    assert a.content.text == content


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        (
            "A 2019 audit by the state comptroller found 40 errors in the voter rolls.",
            "found",
            "A 2019 audit by the state comptroller",
            "40 errors in the voter rolls",
        ),
        (
            "A 2012 study by a university professor found 12 cases of fraud out of two "
            "million votes cast.",
            "found",
            "A 2012 study by a university professor",
            "12 cases of fraud out of two million votes cast",
        ),
        (
            "Video of the crash shows the driver with his hands on the wheel in the "
            "moments before the impact.",
            "shows",
            "Video of the crash",
            "the driver with his hands on the wheel in the moments before the impact",
        ),
        (
            "The audit exposed gaps in the county's bookkeeping.",
            "exposed",
            "The audit",
            "gaps in the county's bookkeeping",
        ),
        (
            'The 30-second spot, titled "Greed," features a report that the firm lost millions.',
            "features",
            'The 30-second spot, titled "Greed,"',
            "a report that the firm lost millions",
        ),
        (
            "One chart sums up the gap between the two cities.",
            "sums up",
            "One chart",
            "the gap between the two cities",
        ),
        (
            "The documentary powerfully highlights the cost of the drought.",
            "highlights",
            "The documentary",
            "the cost of the drought",
        ),
        (
            "Brandt released his returns in 2010, even though they exposed his offshore accounts.",
            "exposed",
            "they",
            "his offshore accounts",
        ),
        (
            "He studied reports like the 2014 state assessment, which tied the heat waves "
            "to rising sea temperatures.",
            "tied",
            "which",
            "the heat waves to rising sea temperatures",
        ),
        (
            "The station's average of recent polls shows Lind ahead by 2.5 points.",
            "shows",
            "The station's average of recent polls",
            "Lind ahead by 2.5 points",
        ),
    ],
)
def test_document_reports_what_it_found(analyze, text, cue, source, content):
    a = with_cue(analyze(text), cue)
    assert a.source.text == source
    assert a.source_type == "document"
    assert a.content.text == content


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The weather allowed crews to work through the night.", "allowed"),
        ("The inspectors found a leak in the tank.", "found"),
        ("The documents were shredded.", "shredded"),
        ("The report was delayed.", "delayed"),
        ("The rules include few guidelines on proxies.", "include"),
        ("The report was found in a drawer.", "found"),
        ("The new road links the two villages.", "links"),
        ("The team found a good spot for the picnic.", "found"),
        ("The lamp highlights the old paintings on the wall.", "highlights"),
        (
            "Brandt met the donors in 2010, even though they exposed his offshore accounts.",
            "exposed",
        ),
        ("Guidelines that allow firms to defer taxes were dropped.", "allow"),
    ],
)
def test_no_document_attribution(analyze, text, cue):
    """A thing that allows, people who find a thing, documents acted on, and the terms a
    binding text holds are nobody's report."""
    analysis = analyze(text)
    assert not any(a.cue is not None and cue in a.cue.text for a in analysis.attributions)


def test_a_piece_of_writing_is_a_document(analyze):
    a = with_cue(analyze("The piece argued that the new tax was unfair to renters."), "argued")
    assert a.source.text == "The piece"
    assert a.source_type == "document"


def test_a_speaker_keeps_the_setting_out(analyze):
    """Only a document holds what follows its object; a speaker's setting stays out."""
    a = with_cue(analyze("The governor criticized the law during a stop in Flint."), "criticized")
    assert a.content.text == "the law"


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "Tracking averages show Lind with a lead in the high single digits, with one "
            "site showing her ahead 4 points.",
            "show",
            "Lind with a lead in the high single digits",
        ),
        (
            "Polls show a close race in the state, where ten electoral votes are at stake.",
            "show",
            "a close race in the state",
        ),
        (
            "The memo outlines a plan, which the board rejected, to close three schools.",
            "outlines",
            "a plan, which the board rejected, to close three schools",
        ),
    ],
)
def test_document_content_stops_before_a_closing_aside(analyze, text, cue, content):
    found = [a for a in analyze(text).attributions if a.cue is not None and a.cue.text == cue]
    assert len(found) == 1
    assert found[0].content.text == content
