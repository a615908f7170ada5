"""Content parts: the speaker's own words inside an attribution's extent."""

from __future__ import annotations

import pytest

from auditor.model import Attribution, Span
from auditor.nlp.parts import content_parts
from auditor.nlp.quotes import find_quotes
from auditor.nlp.raw import RawAttribution


def _at(text: str, piece: str, after: int = 0) -> tuple[int, int]:
    start = text.index(piece, after)
    return start, start + len(piece)


def _parts(text: str, content: str, *frames: str) -> list[str]:
    quotes = [(q.start, q.end) for q in find_quotes(text)]
    ranges = content_parts(text, _at(text, content), [_at(text, f) for f in frames], quotes)
    return [text[s:e] for s, e in ranges]


def test_quote_interrupted_by_its_attribution_gives_two_parts_with_their_marks():
    text = '"The pier will reopen," said Lena Hart, the harbour master. "It needs a month."'
    assert _parts(text, text, "said", "Lena Hart, the harbour master") == [
        '"The pier will reopen,"',
        '"It needs a month."',
    ]


def test_aside_between_two_quotations_is_no_part():
    text = "\u201cThe board,\u201d he said, shrugging, \u201cnever listens.\u201d"
    assert _parts(text, text, "said", "he") == [
        "\u201cThe board,\u201d",
        "\u201cnever listens.\u201d",
    ]


def test_quoted_title_in_the_frame_is_no_part():
    text = (
        '"Rents doubled in two years," Dana Pruitt said on the radio show "City Desk." '
        '"Nobody planned for it."'
    )
    assert _parts(text, text, "said", "Dana Pruitt") == [
        '"Rents doubled in two years,"',
        '"Nobody planned for it."',
    ]


def test_mixed_quote_opening_with_a_quotation_and_running_on_is_one_part():
    text = 'The audit found "serious lapses" in the tender and a "pattern of neglect," it said.'
    content = '"serious lapses" in the tender and a "pattern of neglect,"'
    assert _parts(text, content, "said", "it") == [content]


def test_quotation_resumed_in_the_next_paragraph_joins_its_passage():
    text = '"We trained all winter," said Coach Abel. "We were ready.\n"Then the rain came."'
    assert _parts(text, text, "said", "Coach Abel")[0] == '"We trained all winter,"'
    # As two quotations (the first left open at its paragraph's end).
    second, third = text.index('"We were'), text.index('"Then')
    quotes = [(0, 24), (second, text.index("\n")), (third, len(text))]
    ranges = content_parts(text, (0, len(text)), [_at(text, "said")], quotes)
    assert [text[s:e] for s, e in ranges] == [
        '"We trained all winter,"',
        '"We were ready.\n"Then the rain came."',
    ]


def test_unbroken_quote_is_one_part_equal_to_the_extent():
    text = 'The chef said: "We grow our own herbs."'
    content = '"We grow our own herbs."'
    assert _parts(text, content, "said", "The chef") == [content]


def test_reported_clause_is_one_part():
    text = "The coach said that the team had trained through the storm."
    content = "that the team had trained through the storm"
    assert _parts(text, content, "said", "The coach") == [content]


def test_mixed_quote_inside_a_clause_is_one_part():
    text = 'Okafor told the panel that the repairs were "badly overdue," then left.'
    content = 'that the repairs were "badly overdue,"'
    assert _parts(text, content, "told", "Okafor") == [content]


def test_frame_set_into_a_clause_is_cut_out_with_its_parenthetical():
    text = "The outage, the operator told customers on Friday, was caused by a storm."
    content = "The outage, the operator told customers on Friday, was caused by a storm"
    assert _parts(text, content, "told", "the operator") == [
        "The outage",
        "was caused by a storm",
    ]


def test_frame_at_the_end_of_a_clause_is_cut_without_the_comma():
    text = "Fares will rise in spring, the transit agency said."
    content = "Fares will rise in spring, the transit agency said"
    assert _parts(text, content, "said", "the transit agency") == ["Fares will rise in spring"]


def test_a_frame_covering_everything_leaves_the_extent():
    text = "She said so."
    assert content_parts(text, (0, 8), [(0, 8)], []) == [(0, 8)]


def test_parts_stay_inside_the_extent_when_the_quote_runs_on():
    text = '"The works start today and finish never'
    quotes = [(q.start, q.end) for q in find_quotes(text)]
    assert content_parts(text, (0, 20), [], quotes) == [(0, 20)]


def test_model_serializes_parts_inside_the_content():
    text = '"Yes," she said. "No."'
    attribution = Attribution(
        id="a1",
        kind="direct",
        content=Span.of(text, 0, len(text)),
        parts=[Span.of(text, 0, 6), Span.of(text, 17, 22)],
    )
    content = attribution.to_dict()["content"]
    assert (content["start"], content["end"], content["text"]) == (0, len(text), text)
    assert [p["text"] for p in content["parts"]] == ['"Yes,"', '"No."']


def test_model_without_parts_gives_the_extent_as_its_one_part():
    attribution = Attribution(id="a1", kind="indirect", content=Span.of("It rained.", 0, 9))
    assert attribution.to_dict()["content"]["parts"] == [
        {"start": 0, "end": 9, "text": "It rained"}
    ]


def test_raw_record_keeps_parts_a_pass_gives_and_refuses_stray_ones():
    record = RawAttribution(kind="direct", content=(0, 20), parts=[(0, 6), (10, 20)])
    assert record.to_dict()["parts"] == [[0, 6], [10, 20]]
    assert RawAttribution(kind="direct", content=(0, 20)).to_dict()["parts"] is None
    with pytest.raises(ValueError, match="outside its content"):
        RawAttribution(kind="direct", content=(0, 20), parts=[(15, 25)]).to_dict()


def test_every_extraction_pass_gets_parts_through_the_analysis(nlp):
    from auditor.analysis import analysis_from_doc

    text = (
        '"The ferry runs again," said Omar Diallo, the port director. "Twice a day."\n'
        "The tolls, the council said on Tuesday, will stay the same."
    )
    analysis = analysis_from_doc(nlp(text))
    quoted = next(a for a in analysis.attributions if a.content.text.startswith('"The ferry'))
    assert [p.text for p in quoted.passages] == ['"The ferry runs again,"', '"Twice a day."']
    for attribution in analysis.attributions:
        for part in attribution.passages:
            assert attribution.content.start <= part.start < part.end <= attribution.content.end
            assert text[part.start : part.end] == part.text


def test_schema_1_form_drops_parts_and_keeps_everything_else():
    from auditor.model import SCHEMA
    from auditor.report.json_format import as_schema_1

    text = '"Yes," she said. "No."'
    attribution = Attribution(
        id="a1",
        kind="direct",
        content=Span.of(text, 0, len(text)),
        parts=[Span.of(text, 0, 6), Span.of(text, 17, 22)],
    )
    new = {"schema": SCHEMA, "attributions": [attribution.to_dict()], "claims": []}
    old = as_schema_1(new)
    assert SCHEMA == "auditor/2" and old["schema"] == "auditor/1"
    assert old["attributions"][0]["content"] == {"start": 0, "end": len(text), "text": text}
    assert "parts" in new["attributions"][0]["content"]  # the original is left alone
    with pytest.raises(ValueError, match="cannot convert"):
        as_schema_1({"schema": "auditor-batch/1"})
