"""Everything after the NLP stays near-linear in the number of quotes and attributions
(issue 11, item 8): joining pieces, sourcing and rules, the provenance record and every
renderer.

Each stage runs on a long article cut in pieces and on one twice as long, and the lines of
auditor code it executes are counted (a count of operations that does not depend on the
machine's speed). Twice the article must cost at most ~2.5 times the lines; a pass over
quotes x attributions, or over every mark for every segment, makes it ~4. Lines rather
than calls (as in ``tests/test_nlp_robust.py``): a quadratic loop here often calls nothing.
"""

from __future__ import annotations

import sys

import pytest

from auditor.model import line_and_column

RENDERERS = ("markdown", "html", "json", "sarif", "github", "text")
STAGES = ("join", "sourcing and rules", "record", *RENDERERS)
#: Pieces this small make the short test articles take the long-article path.
PIECE_CHARS = 4000

_SENTENCES = (
    'Officials said "the new bridge will close" soon, and Ana Ruiz said it was fine. ',
    '"We are ready," Ruiz told reporters, though a city engineer disagreed. ',
    "According to the transport ministry, 40 percent of the crossings are unsafe. ",
    'Council member Tom Okafor said the plan "is not finished yet" and asked for data. ',
)


def _article_text(paragraphs: int) -> str:
    """``paragraphs`` paragraphs of quotes, named and unnamed sources and claims."""
    return "".join(
        "".join(_SENTENCES[(p + k) % len(_SENTENCES)] for k in range(8)) + "\n\n"
        for p in range(paragraphs)
    )


class _LineCounter:
    """Counts the lines of auditor code executed (the NLP components excluded)."""

    def __init__(self) -> None:
        self.lines = 0

    def _local(self, frame, event, _arg):
        if event == "line":
            self.lines += 1
        return self._local

    def _global(self, frame, event, _arg):
        name = frame.f_code.co_filename
        if "/auditor/" in name and "/auditor/nlp/" not in name:
            return self._local
        return None

    def run(self, fn, *args):
        sys.settrace(self._global)
        try:
            return fn(*args)
        finally:
            sys.settrace(None)


def _stage_lines(auditor, paragraphs: int) -> dict[str, int]:
    from auditor.analysis import analysis_from_doc
    from auditor.ingest import article_from_text
    from auditor.pieces import join_analyses, piece_bounds, shift_analysis
    from auditor.provenance.record import article_record
    from auditor.report import render

    article = article_from_text(_article_text(paragraphs))
    parts = []
    for number, (start, end) in enumerate(piece_bounds(article.view, PIECE_CHARS), start=1):
        part = analysis_from_doc(auditor.nlp(article.view[start:end]), article.source[start:end])
        parts.append(shift_analysis(part, start, f"p{number}-"))
    lines = {}
    counter = _LineCounter()
    analysis = counter.run(join_analyses, article.source, article.view, parts)
    lines["join"] = counter.lines
    counter = _LineCounter()
    result = counter.run(auditor._finish, article, analysis)
    lines["sourcing and rules"] = counter.lines
    for stage, fn, args in [
        ("record", article_record, (analysis,)),
        *((fmt, render, (result, fmt)) for fmt in RENDERERS),
    ]:
        counter = _LineCounter()
        counter.run(fn, *args)
        lines[stage] = counter.lines
    assert len(result.attributions) > 2 * paragraphs * 4, "the article must be dense"
    assert len(parts) > 3, "the article must go through pieces"
    return lines


@pytest.fixture(scope="module")
def lines_at(nlp):
    from auditor.audit import Auditor

    auditor = Auditor(nlp=nlp, piece_chars=PIECE_CHARS)
    return {size: _stage_lines(auditor, size) for size in (30, 60)}


@pytest.mark.slow
@pytest.mark.parametrize("stage", STAGES)
def test_stages_after_the_model_scale_linearly(lines_at, stage):
    """Twice the quotes and attributions cost at most ~2.5 times the lines of code."""
    one, two = lines_at[30][stage], lines_at[60][stage]
    assert two < 2.5 * one, (stage, one, two)


class _ScannedText(str):
    """A text that adds up how many characters its searches look at."""

    scanned = 0

    def _scan(self, start, end) -> None:
        start, end, _ = slice(start, end).indices(len(self))
        type(self).scanned += max(0, end - start)

    def count(self, sub, start=None, end=None):
        self._scan(start, end)
        return super().count(sub, start, end)

    def find(self, sub, start=None, end=None):
        found = super().find(sub, start, end)
        self._scan(start, found + 1 if found >= 0 else end)
        return found

    def rfind(self, sub, start=None, end=None):
        found = super().rfind(sub, start, end)
        self._scan(found if found >= 0 else start, end)
        return found


def test_line_and_column_of_many_offsets_reads_the_text_once():
    """Line numbers come from one index of line starts, not a count from the start of the
    text for every finding (O(findings x text)); the answers are those of counting."""
    plain = "a line of the article\n" * 500
    text = _ScannedText(plain)
    offsets = range(0, len(plain), 7)
    found = [line_and_column(text, offset) for offset in offsets]
    assert _ScannedText.scanned < 3 * len(plain), _ScannedText.scanned
    for offset, (line, column) in zip(offsets, found, strict=True):
        assert line == plain.count("\n", 0, offset) + 1
        assert column == offset - (plain.rfind("\n", 0, offset) + 1) + 1
