"""Source-type scoring of ``auditor evaluate`` (issue 12, item 1).

The gold under tests/fixtures/source_types/ is written for these tests: two made-up
articles (ferry, clinic) with eleven sourced attributions and their labels in
source-types.tsv. The clinic's split quotation has its content written crossed in the
TSV (start of the last fragment, end of the first), as the dev split writes such rows.

``STUB`` below answers for the pipeline with hand-made predictions and types; the figures
the tests expect are worked out by hand from it:

    ferry   Ruiz named_person ok, aides -> unknown, Critics uncovered, report document ok,
            Gazette (media) -> named_organization, Someone anonymous ok
    clinic  Varga named_person ok, She (named_person) -> anonymous, Varga (quote) ok,
            Some residents vague ok, We (other) -> unknown
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

import auditor.commands.evaluate_cmd as command_module
from auditor.evaluate import AttributionSpans, PipelinePredictor, evaluate_gold, read_gold
from auditor.evaluate.render import render_table
from auditor.evaluate.source_type_errors import sentence_bounds
from auditor.evaluate.source_types import (
    SourceTypeScores,
    covering_prediction,
    figures,
    type_sources,
)
from auditor.evaluate.source_types_tsv import GoldSourceType, read_source_types
from auditor.evaluate.spans import as_attribution_spans, span

GOLD = Path(__file__).parent / "fixtures" / "source_types"
TEXTS = {
    name: (GOLD / "text" / f"{name}.txt").read_text(encoding="utf-8")
    for name in ("ferry", "clinic")
}


def _at(doc: str, piece: str, nth: int = 0) -> tuple[int, int]:
    text, start = TEXTS[doc], -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return start, start + len(piece)


def pred(doc: str, source: str, content: str, kind: str | None, *, nth: int = 0, speaker=None):
    return AttributionSpans(
        content=span(*_at(doc, content)),
        source=span(*_at(doc, source, nth)),
        ref=f"{doc}:{source}",
        source_type=kind,
        speaker=speaker,
    )


STUB = {
    "ferry": [
        pred("ferry", "Mayor Ana Ruiz", "the ferry would run", "named_person", speaker="Ana Ruiz"),
        pred("ferry", "Two aides", "the budget would be late", "unknown", speaker="Two aides"),
        pred("ferry", "A city report", "that the old pier", "document"),
        pred("ferry", "The Harbor Gazette", "tolls would rise", "named_organization"),
        pred("ferry", "Someone", "the contract had not", "anonymous"),
    ],
    "clinic": [
        pred("clinic", "Dr. Lena Varga", "the clinic would open", "named_person"),
        pred("clinic", "She", "twelve nurses", "anonymous", speaker="Lena Varga"),
        pred("clinic", "Varga", '"The wards are ready,"', "named_person", nth=1),
        pred("clinic", "Some residents", "the clinic is too small", "vague"),
        pred("clinic", "We", "the town needs", None),
    ],
}


def stub_predictor(texts):
    by_text = {text: STUB[name] for name, text in TEXTS.items()}
    for text in texts:
        yield by_text[text]


def run(show_errors: int = 0):
    gold = read_gold(GOLD)
    types = read_source_types(GOLD / "source-types.tsv", gold)
    return evaluate_gold(gold, stub_predictor, show_errors=show_errors, source_types=types)


# --------------------------------------------------------------------------- reading


def test_reader_reads_every_row_and_uncrosses_a_split_content():
    gold = read_gold(GOLD)
    types = read_source_types(GOLD / "source-types.tsv", gold)
    assert types.warnings == []
    assert types.path == "source-types.tsv"
    assert Counter(r.label for r in types.rows) == {
        "named_person": 4,
        "anonymous": 2,
        "vague": 2,
        "document": 1,
        "media": 1,
        "other": 1,
    }
    quote = next(r for r in types.rows if r.document == "clinic" and r.line == 10)
    assert quote.content == (
        _at("clinic", '"The wards are ready,"'),
        _at("clinic", '"and so are the nurses."'),
    )


def _write_gold_with(tmp_path: Path, rows: list[str]) -> Path:
    for sub in ("text", "ann"):
        (tmp_path / sub).mkdir()
        for name in ("ferry", "clinic"):
            ext = "txt" if sub == "text" else "ann"
            data = (GOLD / sub / f"{name}.{ext}").read_bytes()
            (tmp_path / sub / f"{name}.{ext}").write_bytes(data)
    tsv = tmp_path / "source-types.tsv"
    tsv.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return tsv


BAD_ROWS = [
    "doc\tsource_start\tsource_end\tcontent_start\tcontent_end\tlabel",
    "ferry\t24\t38\t44\t76\tnamed_person",  # 2: good
    "ferry\t24\t38\t44\tnamed_person",  # 3: five fields
    "ferry\tx\t38\t44\t76\tnamed_person",  # 4: not a number
    "ferry\t24\t38\t44\t76\tcelebrity",  # 5: unknown label
    "ferry\t38\t24\t44\t76\tnamed_person",  # 6: reversed source
    "ferry\t24\t9999\t44\t76\tnamed_person",  # 7: outside the text
    "ferry\t-1\t38\t44\t76\tnamed_person",  # 8: negative
    "nowhere\t1\t2\t3\t4\tvague",  # 9: document not in the folder
    "nowhere\t5\t6\t7\t8\tvague",  # 10: same document: warned once
    "",  # 11: blank
    "ferry\t79\t104\t9000\t9100\tanonymous",  # 12: content unusable: kept, warned
    'ferry\t137\t156\t161\t183\t"vague',  # 13: a quote is a character, not CSV quoting
]


def test_reader_warns_per_line_and_keeps_the_good_rows(tmp_path):
    tsv = _write_gold_with(tmp_path, BAD_ROWS)
    gold = read_gold(tmp_path)
    types = read_source_types(tsv, gold)
    by_line = {w.line: w.message for w in types.warnings}
    assert all(w.path == "source-types.tsv" for w in types.warnings)
    assert sorted(by_line) == [3, 4, 5, 6, 7, 8, 9, 12, 13]
    assert "want 6 tab-separated fields" in by_line[3]
    assert "whole numbers" in by_line[4]
    assert "unknown label 'celebrity'" in by_line[5]
    assert "empty or reversed" in by_line[6]
    assert "outside the text of ferry" in by_line[7]
    assert "negative" in by_line[8]
    assert "'nowhere' is not in the gold folder" in by_line[9]
    assert "scored by its source alone" in by_line[12]
    assert "unknown label '\"vague'" in by_line[13]
    assert [(r.line, r.content) for r in types.rows] == [(2, span(44, 76)), (12, None)]


def test_reader_leaves_out_documents_outside_the_limit_quietly(tmp_path):
    tsv = _write_gold_with(tmp_path, BAD_ROWS[:2] + ["clinic\t24\t38\t44\t75\tnamed_person"])
    gold = read_gold(tmp_path, limit=1)  # clinic only (names sorted)
    types = read_source_types(tsv, gold)
    assert types.warnings == []
    assert [r.document for r in types.rows] == ["clinic"]


def test_reader_header_with_other_names_is_warned_about(tmp_path):
    tsv = _write_gold_with(tmp_path, ["doc\tstart\tend\tcstart\tcend\ttype", BAD_ROWS[1]])
    types = read_source_types(tsv, read_gold(tmp_path))
    assert [(w.line, "is not" in w.message) for w in types.warnings] == [(1, True)]
    assert len(types.rows) == 1


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda p: p / "missing.tsv", "does not exist"),
        (lambda p: p, "is a folder"),
        (lambda p: (p / "bad.tsv", (p / "bad.tsv").write_bytes(b"\xff\xfe\x00"))[0], "cannot read"),
    ],
)
def test_reader_unreadable_file_is_an_auditor_error(tmp_path, make, message):
    from auditor.errors import AuditorError

    with pytest.raises(AuditorError, match=message):
        read_source_types(make(tmp_path), read_gold(GOLD))


# --------------------------------------------------------------------------- matching


def _gold_row(source, content, label="vague"):
    return GoldSourceType("d", span(*source), span(*content) if content else None, label, 1)


def test_covering_prediction_prefers_content_overlap_then_source_overlap():
    gold = _gold_row((10, 20), (30, 60))
    candidates = [
        AttributionSpans(content=span(0, 9), source=span(10, 20)),  # whole source, no content
        AttributionSpans(content=span(40, 60), source=span(15, 16)),  # 20 characters shared
        AttributionSpans(content=span(30, 45), source=span(10, 20)),  # 15 characters shared
        AttributionSpans(content=span(30, 60), source=span(21, 25)),  # source does not touch
        AttributionSpans(content=span(30, 60)),  # no source at all
    ]
    assert covering_prediction(gold, candidates) == 1
    assert covering_prediction(gold, candidates[2:]) == 0
    # Equal content: the larger source overlap, then the earlier prediction.
    tied = [candidates[1], AttributionSpans(content=span(40, 60), source=span(10, 20))]
    assert covering_prediction(gold, tied) == 1
    assert covering_prediction(gold, [tied[1], tied[1]]) == 0
    # Without a usable gold content only the source counts.
    assert covering_prediction(_gold_row((10, 20), None), candidates) == 0
    assert covering_prediction(gold, candidates[3:]) is None


def test_one_prediction_may_cover_several_gold_sources():
    rows = [_gold_row((10, 20), (30, 40)), _gold_row((10, 20), (50, 60), "anonymous")]
    one = [AttributionSpans(content=span(30, 60), source=span(10, 20), source_type="vague")]
    typed = type_sources(rows, one)
    assert [(t.predicted, t.predicted_type) for t in typed] == [(0, "vague"), (0, "vague")]
    assert [t.misjudged for t in typed] == [False, True]


def test_predictions_keep_the_models_source_type_and_speaker():
    from auditor.model import Attribution, Span, Speaker

    text = "Ruiz said it rains."
    model = Attribution(
        "a1", "indirect", Span.of(text, 10, 18), Span.of(text, 5, 9), Span.of(text, 0, 4),
        speaker=Speaker(name="Ana Ruiz"), source_type="named_person",
    )  # fmt: skip
    converted = as_attribution_spans(model)
    assert (converted.source_type, converted.speaker) == ("named_person", "Ana Ruiz")
    assert as_attribution_spans(((10, 18), None, (0, 4))).source_type is None


# --------------------------------------------------------------------------- scoring


def test_figures_hand_computed():
    report = run()
    scores = report.source_types.scores
    coarse = scores.coarse
    assert (coarse.gold, coarse.covered, coarse.correct, coarse.unknown) == (10, 9, 7, 1)
    assert coarse.coverage == pytest.approx(0.9)
    assert coarse.accuracy == pytest.approx(7 / 9)
    assert coarse.unknown_share == pytest.approx(1 / 9)
    assert coarse.macro_recall == pytest.approx((0.8 + 0.5 + 1 + 1) / 4)
    per_class = {
        name: (c.tp, c.predicted, c.covered, c.gold, c.precision, c.recall)
        for name, c in coarse.classes.items()
    }
    assert per_class == {
        "named": (4, 4, 5, 5, 1.0, 0.8),
        "anonymous": (1, 2, 2, 2, 0.5, 0.5),
        "vague": (1, 1, 1, 2, 1.0, 1.0),
        "document": (1, 1, 1, 1, 1.0, 1.0),
    }
    assert coarse.classes["vague"].coverage == 0.5
    assert scores.other == 1


def test_fine_figures_for_information():
    fine = run().source_types.scores.fine
    assert fine.accuracy == pytest.approx(6 / 9)
    assert fine.classes["named_person"].recall == 0.75
    assert fine.classes["named_organization"].precision == 0.0
    assert fine.classes["named_organization"].recall is None  # no such gold source
    assert fine.classes["media"].precision is None  # nothing predicted media
    assert fine.classes["media"].recall == 0.0
    # Macro over the fine classes with covered gold: person .75, media 0, anonymous .5,
    # vague 1, document 1.
    assert fine.macro_recall == pytest.approx(3.25 / 5)


def test_confusion_matrix_keeps_other_rows_and_uncovered_column():
    scores = run().source_types.scores
    assert {k: v for k, v in scores.coarse_matrix.items() if v} == {
        ("named", "named"): 4,
        ("named", "anonymous"): 1,
        ("anonymous", "anonymous"): 1,
        ("anonymous", "unknown"): 1,
        ("vague", "vague"): 1,
        ("vague", "uncovered"): 1,
        ("document", "document"): 1,
        ("other", "unknown"): 1,
    }
    assert scores.confusions() == [
        ("anonymous", "unknown", 1),
        ("media", "named_organization", 1),
        ("named_person", "anonymous", 1),
        ("vague", "uncovered", 1),
    ]


def test_figures_without_gold_are_none_not_a_division_error():
    empty = figures(Counter(), ("named", "vague"))
    assert (empty.coverage, empty.accuracy, empty.unknown_share, empty.macro_recall) == (
        None,
        None,
        None,
        None,
    )
    assert SourceTypeScores().to_dict()["coverage"] is None


def test_errors_list_misjudged_and_uncovered_sources_in_their_sentence():
    errors = run(show_errors=5).source_types.errors
    misjudged = [(e.document, e.source, e.gold, e.predicted) for e in errors["misjudged"]]
    assert misjudged == [
        ("clinic", "She", "named_person", "anonymous"),
        ("ferry", "Two aides to the governor", "anonymous", "unknown"),
    ]
    she = errors["misjudged"][0]
    assert she.sentence == "[[She]] added that twelve nurses had been hired."
    assert (she.speaker, she.predicted_source, she.line) == ("Lena Varga", "She", 3)
    (critics,) = errors["uncovered"]
    assert critics.sentence == "[[Critics of the plan]] say the fares are too high."
    assert (critics.predicted, critics.ref) == ("uncovered", None)


def test_sentence_bounds_skip_title_abbreviations():
    text = "It rained. Then Dr. Varga said so. After."
    start = text.index("Varga")
    assert text[slice(*sentence_bounds(text, start, start + 5))] == "Then Dr. Varga said so."


# --------------------------------------------------------------------------- command


@pytest.fixture
def cli(monkeypatch):
    from auditor.cli import cli as main

    def invoke(*args):
        monkeypatch.setattr(command_module, "make_predictor", lambda *a, **k: stub_predictor)
        return CliRunner().invoke(main, ["evaluate", *[str(a) for a in args]])

    return invoke


def test_cli_table_carries_the_source_type_block(cli):
    result = cli(GOLD)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "source types (source-types.tsv): 10 gold sources scored, 1 labelled other" in out
    assert "coverage 0.900 (9 of 10)   accuracy 0.778 (7 of 9)" in out
    assert "macro recall 0.825   unknown 0.111 (1 of 9)" in out
    assert re.search(r"\nnamed\s+1\.000\s+0\.800\s+1\.000\s+4\s+4\s+5\s+5\n", out)
    assert re.search(r"\n  media\s+n/a\s+0\.000\s+1\.000\s+0\s+0\s+1\s+1\n", out)
    assert re.search(r"\n  vague\s+0\s+0\s+1\s+0\s+0\s+1\n", out)  # coarse matrix row
    assert re.search(r"\n  other\s+0\s+0\s+0\s+0\s+1\s+0\n", out)
    assert "  anonymous -> unknown" in out  # the largest confusions
    report = out[out.index("source types") :]
    assert all(len(line) <= 100 for line in report.splitlines())


def test_cli_json_carries_the_block_and_keeps_the_old_metrics(cli):
    result = cli(GOLD, "--format", "json", "--show-errors", "1")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    block = data["source_types"]
    assert (block["coverage"], block["accuracy"], block["macro_recall"]) == (0.9, 0.7778, 0.825)
    assert block["classes"]["anonymous"]["precision"] == 0.5
    assert block["fine"]["classes"]["named_person"]["recall"] == 0.75
    confusion = block["confusion"]
    assert confusion["rows"] == ["named", "anonymous", "vague", "document", "other"]
    assert confusion["columns"][-2:] == ["unknown", "uncovered"]
    assert confusion["counts"][2] == [0, 0, 1, 0, 0, 1]
    assert [len(block["errors"][k]) for k in ("misjudged", "uncovered")] == [1, 1]
    assert set(data["metrics"]) == {"exact", "lenient_content", "end_to_end", "direct_quote_recall"}


def test_cli_show_errors_prints_sentences_types_and_speakers(cli):
    out = cli(GOLD, "--show-errors", "2").stdout
    assert "misjudged sources: covered, put in the wrong coarse class (2 of 2):" in out
    assert "sentence:  [[She]] added that twelve nurses had been hired." in out
    assert "gold:      \u00abShe\u00bb named_person   predicted: anonymous" in out
    assert "speaker Lena Varga" in out
    assert "uncovered sources: no predicted source overlaps them (1 of 1):" in out


def test_cli_source_types_option_and_its_errors(cli, tmp_path):
    tsv = _write_gold_with(tmp_path, BAD_ROWS)
    result = cli(GOLD, "--source-types", tsv)
    assert result.exit_code == 0, result.output
    assert f"auditor: warning: {tsv}:3: want 6 tab-separated fields" in result.stderr
    assert "Traceback" not in result.output
    assert "2 gold sources scored" in result.stdout  # rows 2 and 12 of BAD_ROWS
    missing = cli(GOLD, "--source-types", tmp_path / "nope.tsv")
    assert missing.exit_code == 2
    assert missing.stderr.startswith("auditor: error: source-types file")


def test_cli_without_source_types_prints_no_block(cli, tmp_path):
    tsv = _write_gold_with(tmp_path, BAD_ROWS[:2])
    tsv.unlink()
    result = cli(tmp_path)
    assert result.exit_code == 0, result.output
    assert "source types" not in result.stdout
    assert "source_types" not in json.loads(cli(tmp_path, "--format", "json").stdout)


def test_render_table_of_a_report_without_source_types_is_unchanged():
    gold = read_gold(GOLD)
    assert "source types" not in render_table(evaluate_gold(gold, stub_predictor))


# --------------------------------------------------------------------------- real pipeline


def test_pipeline_predictor_reports_the_type_the_audit_reports(nlp):
    """The evaluation reads the source type the audit reports ("Someone, speaking on
    condition of anonymity" is anonymous in both)."""
    from auditor import Auditor, article_from_text

    texts = [TEXTS["ferry"], TEXTS["clinic"]]
    predicted = list(PipelinePredictor(nlp)(texts))
    auditor = Auditor(nlp=nlp)
    for text, attributions in zip(texts, predicted, strict=True):
        audited = auditor.audit(article_from_text(text)).attributions
        assert [(a.source, a.source_type) for a in attributions] == [
            (a.source, a.source_type) for a in audited
        ]
    someone = _at("ferry", "Someone")
    final = {(a.source.start, a.source.end): a.source_type for a in predicted[0] if a.source}
    assert final[someone] == "anonymous"
