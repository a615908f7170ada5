"""A quoted passage that goes on with the attribution before it (issue 13): it becomes a
part of that attribution, whose extent runs from the first passage to the last; a
passage whose speaker cannot be found that way stays its own attribution."""

from __future__ import annotations

import pytest


def with_cue(analysis, cue_word: str):
    """The one attribution whose cue is ``cue_word``."""
    found = [a for a in analysis.attributions if a.cue is not None and a.cue.text == cue_word]
    assert len(found) == 1, [(a.cue and a.cue.text, a.content.text) for a in analysis.attributions]
    return found[0]


def part_texts(attribution) -> list[str]:
    return [p.text for p in attribution.parts] or [attribution.content.text]


@pytest.mark.parametrize(
    ("frame", "aside_cue", "aside"),
    [
        (
            "Rosa Lindqvist said, speaking of the island service.",
            "speaking of",
            "the island service",
        ),
        (
            "said Rosa Lindqvist, emphasizing how often the service fails.",
            "emphasizing",
            "how often the service fails",
        ),
    ],
)
def test_quote_resumed_after_an_aside_of_the_speaker_is_one_attribution(
    analyze, frame, aside_cue, aside
):
    text = (
        f'"The ferry is too old. It breaks down every week," {frame} '
        '"We have asked for a new boat for years."'
    )
    analysis = analyze(text)
    said = with_cue(analysis, "said")
    assert said.source.text == "Rosa Lindqvist"
    assert said.content.text == text
    assert part_texts(said) == [
        '"The ferry is too old. It breaks down every week,"',
        '"We have asked for a new boat for years."',
    ]
    # the aside keeps its own attribution, in the frame between the passages
    assert with_cue(analysis, aside_cue).content.text == aside
    assert len(analysis.attributions) == 2


def test_claim_before_its_cue_goes_on_in_the_quote_after_it(analyze):
    text = (
        "Turnout in the valley will fall this year, Omar Delacroix said. "
        '"People are tired of driving an hour to vote."'
    )
    analysis = analyze(text)
    said = with_cue(analysis, "said")
    assert said.source.text == "Omar Delacroix"
    assert said.content.text == text
    assert part_texts(said) == [
        "Turnout in the valley will fall this year",
        '"People are tired of driving an hour to vote."',
    ]
    assert len(analysis.attributions) == 1


def test_mixed_quote_before_its_cue_goes_on_in_the_quote_after_it(analyze):
    text = (
        'The new timetable is "a step backwards," Ines Vargas added. '
        '"Nobody asked the riders what they needed."'
    )
    said = with_cue(analyze(text), "added")
    assert said.content.text == text
    assert part_texts(said)[-1] == '"Nobody asked the riders what they needed."'


def test_claim_after_its_cue_does_not_take_the_next_quote(analyze):
    # The cue frames the that-clause it introduces; the quote after it inherits the
    # speaker but is not part of that claim.
    text = (
        "Omar Delacroix said that turnout in the valley would fall this year. "
        '"People are tired of driving an hour to vote."'
    )
    analysis = analyze(text)
    said = with_cue(analysis, "said")
    assert said.content.text == "turnout in the valley would fall this year"
    quote = next(a for a in analysis.attributions if a.cue is None)
    assert quote.content.text == '"People are tired of driving an hour to vote."'
    assert quote.source.text == "Omar Delacroix"


def test_going_on_to_a_second_act_keeps_the_quotes_apart(analyze):
    text = (
        '"We cut the waiting lists in half," Mayor Tove Brandt said, going on to compare '
        'her record with her rival\'s. "He promised a clinic and built a car park."'
    )
    said = with_cue(analyze(text), "said")
    assert said.content.text == '"We cut the waiting lists in half,"'


def test_narrators_sentence_between_keeps_the_quotes_apart(analyze):
    text = (
        '"The pier is safe," Lena Hart said. The council disagreed last week. '
        '"We inspected every beam."'
    )
    said = with_cue(analyze(text), "said")
    assert said.content.text == '"The pier is safe,"'


def test_long_frame_keeps_short_passages_apart(analyze):
    # Joining would make the content mostly the frame: the halves stay two attributions.
    text = (
        '"No," said Henrik Solberg, a retired ferry captain who ran the northern route '
        'for thirty years before the company sold its last boat. "Never."'
    )
    said = with_cue(analyze(text), "said")
    assert said.content.text == '"No,"'


def test_quote_with_no_speaker_before_it_stays_its_own(analyze):
    text = 'The hall was full by noon. "Nobody expected this many people."'
    analysis = analyze(text)
    assert [a.content.text for a in analysis.attributions] == [
        '"Nobody expected this many people."'
    ]
    assert analysis.attributions[0].source is None
