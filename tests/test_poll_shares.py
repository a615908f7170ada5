"""Poll shares as sources of the preference they count ("48 percent prefer Alvarez"):
typed as documents (the poll), and no attribution when the share is not of people or the
verb's subject is no share at all. Sentences written for the test."""

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
            "Among registered voters, 48 percent prefer Alvarez.",
            "prefer",
            "48 percent",
            "Alvarez",
        ),
        (
            "In the county survey, 31 percent would choose the bond plan.",
            "choose",
            "31 percent",
            "the bond plan",
        ),
        (
            "A majority of those polled approve the new curfew for teenagers.",
            "approve",
            "A majority of those polled",
            "the new curfew for teenagers",
        ),
        (
            "Sixty percent of voters disapprove of the plan.",
            "disapprove",
            "Sixty percent of voters",
            "the plan",
        ),
        (
            "Voters surveyed last week prefer the incumbent.",
            "prefer",
            "Voters surveyed last week",
            "the incumbent",
        ),
        (
            "Those polled also rated the economy as poor.",
            "rated",
            "Those polled",
            "the economy as poor",
        ),
    ],
)
def test_poll_share_states_a_preference(analyze, text, cue, source, content):
    a = with_cue(analyze(text), cue)
    assert a.source.text == source
    assert a.source_type == "document"
    assert a.content.text == content


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("40 percent of the budget goes to schools.", "goes"),
        ("The council chose a site for the new library.", "chose"),
        ("Ten percent of the fleet was chosen for the pilot.", "chosen"),
        ("Most drivers prefer the old bridge.", "prefer"),
        ("Drivers stopped last week prefer the old bridge.", "prefer"),
        ("Inspectors rated the bridge as safe.", "rated"),
    ],
)
def test_no_poll_share_no_preference_reported(analyze, text, cue):
    """Not a share of people, not a share, passive, or a plain group of people (whose
    liking is no statement)."""
    analysis = analyze(text)
    assert not any(a.cue is not None and cue in a.cue.text for a in analysis.attributions)
