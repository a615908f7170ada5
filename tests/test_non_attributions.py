"""Candidates that attribute nothing (auditor.nlp.non_attributions), on sentences written
for the test: the reporter's framing, seen events, questions put to the reader, quoted
labels and subheadings, label colons; each beside a near-miss that must still be found."""

from __future__ import annotations

import pytest

from auditor.nlp.non_attributions import without_non_attributions
from auditor.nlp.raw import RawAttribution


def triples(analysis) -> list[tuple[str | None, str | None, str]]:
    return [
        (a.cue.text if a.cue else None, a.source.text if a.source else None, a.content.text)
        for a in analysis.attributions
    ]


@pytest.mark.parametrize(
    "text",
    [
        # the reporter's framing: nobody is said to note, say, know or tell anything
        "It is worth noting that the bridge has been closed twice this year.",
        "It goes without saying that the harbor needs dredging before winter.",
        "It is impossible to judge the levy without knowing how the county would spend it.",
        # a sight or an event lived through, not a view
        "A guard saw the van leave the depot shortly before midnight.",
        "Tenants in the district would see their rent rise by a third under the plan.",
        # a yes-no question put to the reader
        "Do you know where your mayor's campaign money comes from?",
        "Would you believe she lost the race by four votes?",
        # a request to the reader
        "Now tell us the levy is fair!",
        "Ask yourself whether the pier is worth the cost.",
        # a quoted term that labels the object of a verb not of saying
        "She would also close the so-called ''harbor bonus'' loophole that favors shipping firms.",
        # labels before a colon
        "CLARIFICATION: An earlier version of this story misstated the date of the hearing.",
        "[Video: FULL SPEECH: Mayor Reyes at the Harbor Forum in Portland (5/4/21) Watch online.]",
    ],
)
def test_attributes_nothing(analyze, text):
    assert triples(analyze(text)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # framing inside what someone said: the speaker's attribution stands
            "Officials said it was too early to tell whether the fire was set on purpose.",
            [
                (
                    "said",
                    "Officials",
                    "it was too early to tell whether the fire was set on purpose",
                )
            ],
        ),
        (  # a noting with a speaker of its own
            "Ms. Ferrand noted that the bridge has been closed twice this year.",
            [("noted", "Ms. Ferrand", "the bridge has been closed twice this year")],
        ),
        (  # "see ... as": a view held
            "Farmers in the valley see the plan as a threat to their water rights.",
            [("see", "Farmers in the valley", "the plan as a threat to their water rights")],
        ),
        (  # a question about what a third person believes
            "Does the governor believe the tunnel will be finished on time?",
            [("believe", "the governor", "the tunnel will be finished on time")],
        ),
        (  # a negated imperative: the writer's own forecast
            "Don't expect the council to cut the levy.",
            [("Don't expect", None, "the council to cut the levy")],
        ),
        (  # an imperative inside a quotation is the speaker's words
            '"Tell them the levy is fair," Ms. Reyes said.',
            [("said", "Ms. Reyes", '"Tell them the levy is fair,"')],
        ),
        (  # the quoted words are what a verb of naming calls the proposal
            "Mr. Odell called the proposal a ''harbor bonus'' for shipping firms.",
            [("called", "Mr. Odell", "the proposal a ''harbor bonus'' for shipping firms")],
        ),
        (  # a transcript speaker before the colon
            "MARSH: We will rebuild the pier and the boardwalk by next summer.",
            [(":", "MARSH", "We will rebuild the pier and the boardwalk by next summer")],
        ),
    ],
)
def test_near_misses_still_found(analyze, text, expected):
    assert triples(analyze(text)) == expected


def test_title_case_subheading_is_not_the_last_speakers(analyze):
    text = (
        '"We will rebuild the pier," Mayor Tom Reyes said.\n\n'
        "'Salt in the Timbers.'\n\nThe pier was built in 1911."
    )
    assert triples(analyze(text)) == [("said", "Mayor Tom Reyes", '"We will rebuild the pier,"')]


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
