"""``auditor evaluate``: the two content conventions (extent, parts) and speaker accuracy.

tests/fixtures/brat/speakers/ is written for these tests: one article (ferry) whose
quotation interrupted by its attribution is annotated as two attributions, one per
passage, and whose every Source span carries the speaker's resolved name as a brat
``AnnotatorNotes`` line.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.commands import evaluate_cmd as command_module
from auditor.evaluate.brat import parse_ann, read_gold
from auditor.evaluate.conventions import as_passages, gold_passages
from auditor.evaluate.evaluation import evaluate_gold
from auditor.evaluate.predict import PipelinePredictor
from auditor.evaluate.render import render_table
from auditor.evaluate.spans import AttributionSpans, as_attribution_spans, fragments, span
from auditor.evaluate.speaker_accuracy import compare_names, name_key
from auditor.model import Attribution, Span, Speaker

SPEAKERS = Path(__file__).parent / "fixtures" / "brat" / "speakers"
FERRY = (SPEAKERS / "text" / "ferry.txt").read_text(encoding="utf-8")


def _pos(piece: str, text: str = FERRY) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


QUOTE_ALL = (
    '"The ferry runs again," said Omar Diallo, the port director. "Twice a day, from Monday."'
)
FIRST, SECOND = '"The ferry runs again,"', '"Twice a day, from Monday."'


def predicted(content, *, source=None, speaker=None, parts=()) -> AttributionSpans:
    return AttributionSpans(
        content=span(*_pos(content)),
        source=span(*_pos(source)) if source else None,
        speaker=speaker,
        parts=tuple(span(*_pos(p)) for p in parts),
    )


# ----------------------------------------------------------------------- gold notes


def test_annotator_notes_on_the_source_give_the_gold_speaker():
    text = "The mayor said it rained."
    ann = (
        "T1\tSource 0 9\tThe mayor\nT2\tCue 10 14\tsaid\nT3\tContent 15 24\tit rained\n"
        "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n#1\tAnnotatorNotes T1\tLina  Park\n"
        "#2\tAnnotatorNotes T3\tnot a source note\n"
    )
    warnings: list = []
    [attribution] = parse_ann(ann, text, warnings=warnings)
    assert attribution.speaker == "Lina Park"
    assert warnings == []


def test_the_fixture_carries_a_name_for_every_source():
    gold = read_gold(SPEAKERS)
    names = [a.speaker for a in gold.documents[0].attributions]
    assert names == ["Omar Diallo", "Omar Diallo", "Island Council", "Omar Diallo", "Rita Vance"]


# ----------------------------------------------------------------------- names


def test_names_compare_without_case_accents_punctuation_or_a_leading_the():
    assert name_key("  The Port  Authority. ") == ("port", "authority")
    assert compare_names("José O'Neil", "jose oneil") == "same"
    assert compare_names("Omar Diallo", "Diallo") == "surname"
    assert compare_names("Diallo", "Omar Diallo") == "surname"
    assert compare_names("Omar Diallo", "Omar Diop") == "different"
    assert compare_names("Omar Diallo", "Awa Diallo") == "different"
    assert compare_names("Omar Diallo", None) == "missing"


# ----------------------------------------------------------------------- conventions


def test_gold_passages_are_fragments_apart_by_more_than_white_space():
    text = '"One," he said. "Two\n"Three."'
    content = fragments([(0, 6), (16, 20), (21, 29)])
    assert gold_passages(content, text) == [((0, 6),), ((16, 29),)]


def test_parts_convention_splits_predictions_by_their_parts_and_keeps_extent_as_is():
    whole = predicted(QUOTE_ALL, source="Omar Diallo", speaker="Omar Diallo", parts=(FIRST, SECOND))
    plain = predicted("The tolls will stay the same")
    assert as_passages([whole, plain], FERRY, "extent") == [whole, plain]
    passages = as_passages([whole, plain], FERRY, "parts")
    assert [p.content for p in passages] == [span(*_pos(FIRST)), span(*_pos(SECOND)), plain.content]
    assert passages[0].source == whole.source and passages[1].speaker == "Omar Diallo"
    with pytest.raises(ValueError, match="unknown content convention"):
        as_passages([whole], FERRY, "sentences")


def test_a_model_attribution_brings_its_parts_and_speaker():
    text = '"Yes," she said. "No."'
    attribution = Attribution(
        id="a1",
        kind="direct",
        content=Span.of(text, 0, len(text)),
        parts=[Span.of(text, 0, 6), Span.of(text, 17, 22)],
        speaker=Speaker(name="Lina Park"),
    )
    spans = as_attribution_spans(attribution)
    assert spans.parts == (span(0, 6), span(17, 22)) and spans.speaker == "Lina Park"


# ----------------------------------------------------------------------- scoring


def _stub_predictions():
    return [
        predicted(QUOTE_ALL, source="Omar Diallo", speaker="Omar Diallo", parts=(FIRST, SECOND)),
        predicted("The tolls will stay the same", source="the island council", speaker=None),
        predicted(
            "that the old pier would be repaired by spring", source="Diallo", speaker="Diallo"
        ),
        predicted('"We waited long enough,"', source="Rita Vance", speaker="Rita Vane"),
    ]


def test_extent_convention_misses_passages_annotated_one_by_one():
    report = evaluate_gold(read_gold(SPEAKERS), lambda texts: [_stub_predictions() for _ in texts])
    assert (report.scores.lenient.tp, report.scores.lenient.pred, report.scores.lenient.gold) == (
        3,
        4,
        5,
    )
    assert report.content == "extent"
    # Matched with a name: the council (no speaker), Diallo (surname only), Rita (wrong).
    assert report.speakers.to_dict() == {
        "accuracy": round(1 / 3, 4),
        "scored": 3,
        "agree": 1,
        "surname_only": 1,
        "missing": 1,
    }


def test_parts_convention_scores_each_passage_and_its_speaker():
    gold = read_gold(SPEAKERS)
    report = evaluate_gold(
        gold, lambda texts: [_stub_predictions() for _ in texts], content="parts"
    )
    assert (report.scores.lenient.tp, report.scores.lenient.pred, report.scores.lenient.gold) == (
        5,
        5,
        5,
    )
    assert report.scores.direct.tp == report.scores.direct.gold == 3
    assert (report.speakers.scored, report.speakers.agree, report.speakers.missing) == (5, 3, 1)
    table = render_table(report)
    assert "each content part scored as a content" in table
    assert re.search(r"speaker accuracy\s+0\.600\s+3\s+5\n", table)
    assert "gold passages 5   predicted passages 5" in table


def test_no_speaker_figure_without_gold_names():
    gold = read_gold(SPEAKERS)
    for attribution in list(gold.documents[0].attributions):
        index = gold.documents[0].attributions.index(attribution)
        gold.documents[0].attributions[index] = AttributionSpans(
            content=attribution.content, cue=attribution.cue, source=attribution.source
        )
    report = evaluate_gold(gold, lambda texts: [_stub_predictions() for _ in texts])
    assert report.speakers is None
    assert "speaker_accuracy" not in report.to_dict()["metrics"]
    assert "speaker accuracy" not in render_table(report)


def test_the_auditor_finds_both_passages_of_an_interrupted_quote(nlp):
    gold = read_gold(SPEAKERS)
    extent = evaluate_gold(gold, PipelinePredictor(nlp))
    parts = evaluate_gold(gold, PipelinePredictor(nlp), content="parts")
    passages = {_pos(FIRST), _pos(SECOND)}
    matched = {
        gold.documents[0].attributions[m.gold].content[0] for m in parts.scores.documents[0].matches
    }
    assert passages <= matched
    unmatched = {
        gold.documents[0].attributions[i].content[0] for i in extent.scores.documents[0].missed
    }
    assert passages <= unmatched
    assert parts.speakers.agree >= 2


def test_cli_content_parts_json(monkeypatch):
    from auditor.cli import cli

    monkeypatch.setattr(
        command_module,
        "make_predictor",
        lambda model, **options: lambda texts: [_stub_predictions() for _ in texts],
    )
    result = CliRunner().invoke(
        cli, ["evaluate", str(SPEAKERS), "--content", "parts", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["content"] == "parts"
    assert data["metrics"]["lenient_content"]["tp"] == 5
    assert data["metrics"]["speaker_accuracy"]["agree"] == 3
    bad = CliRunner().invoke(cli, ["evaluate", str(SPEAKERS), "--content", "words"])
    assert bad.exit_code == 2
