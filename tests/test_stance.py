"""Views held without a verb of saying (auditor.nlp.stance): what someone knows, feels,
wants, supports or opposes, on sentences written for the test, and the concrete uses of
the same verbs that must report nothing."""

from __future__ import annotations

import pytest


def with_cue(analysis, cue: str):
    """The one attribution whose cue is ``cue``."""
    found = [a for a in analysis.attributions if a.cue is not None and a.cue.text == cue]
    assert len(found) == 1, [(a.cue and a.cue.text, a.content.text) for a in analysis.attributions]
    return found[0]


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        # verbs of knowing, feeling and voting
        (
            "I know all about Senator Dale Morrow and his plans for the harbor.",
            "know all about",
            "I",
            "Senator Dale Morrow and his plans for the harbor",
        ),
        (
            "Councilwoman Rita Vance despises the parking plan.",
            "despises",
            "Councilwoman Rita Vance",
            "the parking plan",
        ),
        (
            "The farmers resent being left out of the water talks.",
            "resent",
            "The farmers",
            "being left out of the water talks",
        ),
        (
            "The zoning board voted Tuesday to delay the tower until spring.",
            "voted",
            "The zoning board",
            "to delay the tower until spring",
        ),
        (
            "Mayor Ken Oduya voted against the transit levy.",
            "voted against",
            "Mayor Ken Oduya",
            "the transit levy",
        ),
        (
            "Most residents assumed that the bridge would reopen by June.",
            "assumed",
            "Most residents",
            "the bridge would reopen by June",
        ),
        (
            "The league would like to add two teams next season.",
            "would like",
            "The league",
            "to add two teams next season",
        ),
        # a verb of regarding with an adverb of judgement
        (
            "Most farmers view the trade deal unfavorably.",
            "view",
            "Most farmers",
            "the trade deal unfavorably",
        ),
        # a view held: "have" with a noun of a view
        (
            "Governor Ana Pell has no illusions about the cartel's reach into the ports.",
            "has no illusions about",
            "Governor Ana Pell",
            "the cartel's reach into the ports",
        ),
        (
            "The auditors have questions about the fund's spending in 2019.",
            "have questions about",
            "The auditors",
            "the fund's spending",
        ),
        # adjectives and participles of stance after a copula
        (
            "Many residents are convinced the new dam will ruin the valley.",
            "are convinced",
            "Many residents",
            "the new dam will ruin the valley",
        ),
        (
            "Parents were frustrated that the district cancelled the buses.",
            "were frustrated",
            "Parents",
            "the district cancelled the buses",
        ),
        (
            "Coach Lena Marsh is determined to rebuild the team.",
            "is determined",
            "Coach Lena Marsh",
            "to rebuild the team",
        ),
        (
            "Voters remain skeptical of the harbor plan.",
            "remain skeptical of",
            "Voters",
            "the harbor plan",
        ),
        (
            "Councilman Ed Fry seems confident that the levy will pass.",
            "seems confident",
            "Councilman Ed Fry",
            "the levy will pass",
        ),
        (
            "Senator Hal Briggs is against the pipeline.",
            "is against",
            "Senator Hal Briggs",
            "the pipeline",
        ),
        (
            "The nurses' union is in favor of the staffing bill.",
            "is in favor of",
            "The nurses' union",
            "the staffing bill",
        ),
        (
            "Campaign aides were coy about whether the governor would run again.",
            "were coy about",
            "Campaign aides",
            "the governor would run again",
        ),
        # a prepositional cue after a time phrase
        (
            "Governor Ana Pell spoke out Monday about the closing of the mill.",
            "spoke out Monday about",
            "Governor Ana Pell",
            "the closing of the mill",
        ),
        # what was learned, set before the verb
        (
            "The mayor was taken to a hospital after the crash, her aides have learned.",
            "have learned",
            "her aides",
            "The mayor was taken to a hospital after the crash",
        ),
    ],
)
def test_view_held(analyze, text, cue, source, content):
    a = with_cue(analyze(text), cue)
    assert a.source is not None and a.source.text == source
    assert a.content.text == content


def test_content_stops_before_the_writers_aside(analyze):
    a = with_cue(
        analyze("Board members were coy about whether they would sell, despite weeks of losses."),
        "were coy about",
    )
    assert a.content.text == "they would sell"


def test_extraposed_it_holds_no_view(analyze):
    a = with_cue(analyze("It was obvious that the levee would not hold."), "was obvious")
    assert a.source is None
    assert a.content.text == "the levee would not hold"


@pytest.mark.parametrize(
    "text",
    [
        "Trump visited Ohio.",
        "She saw the car near the station.",
        "He knows the area well.",
        "I like pizza.",
        "They voted on Tuesday.",
        "The new owner would assume office in January.",
        "Ten judges will hear the case next week.",
        "The children love the beach at Redmond Cove.",
        "The senator has a house on the lake.",
        "The storm is against the wind.",
        "She viewed the harbor quickly from the deck.",
    ],
)
def test_concrete_uses_report_nothing(analyze, text):
    assert analyze(text).attributions == []


def test_a_view_inside_what_was_said_is_one_attribution(analyze):
    analysis = analyze("Lee said she despises the parking plan.")
    assert [a.cue.text for a in analysis.attributions] == ["said"]


def test_a_view_inside_a_quotation_is_not_the_narrators(analyze):
    analysis = analyze('"I know all about his plans," Lee said.')
    assert [a.cue.text for a in analysis.attributions] == ["said"]


def test_an_outlet_that_has_learned_vouches_for_itself(analyze):
    analysis = analyze("The bridge was never inspected, the Harbor Ledger has learned.")
    assert analysis.attributions == []


def test_a_view_asked_about_is_not_held(analyze):
    assert analyze("Would you still vote for the mayor after the scandal?").attributions == []


def test_holds_the_view_that(analyze):
    a = with_cue(
        analyze("Judge Omar Reyes holds the view that the fee is a tax."), "holds the view"
    )
    assert a.source.text == "Judge Omar Reyes"
    assert a.content.text == "the fee is a tax"
