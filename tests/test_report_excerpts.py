"""Excerpts: the sentence around a finding, trimmed around its focus."""

from __future__ import annotations

from test_report_fixtures import ARTICLE, article_result, span

from auditor.report.common import unquoted
from auditor.report.excerpts import ELLIPSIS, excerpt, sentence_bounds, sentence_excerpt, short


def test_sentence_excerpt_uses_the_analysis_sentences():
    result = article_result()
    s = span(ARTICLE, "estimated")
    ex = sentence_excerpt(result, s.start, s.end)
    assert (ex.before, ex.focus, ex.after) == (
        "Quell ",
        "estimated",
        " that repairs would cost 40 million.",
    )
    assert not ex.cut_before and not ex.cut_after


def test_sentence_bounds_fall_back_to_punctuation_without_analysis():
    result = article_result()
    result.analysis = None
    s = span(ARTICLE, "estimated")
    start, end = sentence_bounds(result, s.start, s.end)
    assert ARTICLE[start:end] == "Quell estimated that repairs would cost 40 million."
    s = span(ARTICLE, "A council official")
    start, end = sentence_bounds(result, s.start, s.end)
    assert ARTICLE[start:end].startswith("A council official, who spoke")
    assert ARTICLE[start:end].endswith("already spent.")


def test_a_span_over_two_sentences_gets_both():
    result = article_result()
    s = span(ARTICLE, "close. Traffic")
    start, end = sentence_bounds(result, s.start, s.end)
    assert (
        ARTICLE[start:end]
        == "Experts say the bridge may have to close. Traffic fell 12% last year."
    )


def test_long_context_is_cut_around_the_focus_with_ellipses():
    text = "word " * 200 + "FOCUS" + " more" * 200
    start = text.index("FOCUS")
    ex = excerpt(text, start, start + 5, 0, len(text), limit=60)
    assert ex.focus == "FOCUS"
    assert ex.cut_before and ex.cut_after
    assert len(ex.plain) <= 62
    assert ex.plain.startswith(ELLIPSIS) and ex.plain.endswith(ELLIPSIS)
    assert ex.before.startswith("word")  # cut at a word boundary


def test_a_focus_longer_than_the_limit_shows_its_beginning():
    text = "x " + "y" * 500
    ex = excerpt(text, 2, len(text), 0, len(text), limit=50)
    assert ex.focus == "y" * 49
    assert ex.cut_before and ex.cut_after


def test_out_of_range_offsets_are_clamped():
    ex = excerpt("short text", 50, 80)
    assert ex.plain == ""
    ex = excerpt("short text", -5, 5)
    assert ex.focus == "short"


def test_whitespace_and_line_breaks_collapse():
    assert short("a\n\n  b\tc") == "a b c"
    assert short("one two three four", 10) == "one two…"


def test_unquoted_strips_the_article_marks_but_not_apostrophes():
    assert unquoted('"We will rebuild,"') == "We will rebuild"
    assert unquoted("“Hold the line.”") == "Hold the line."
    assert unquoted("the soldiers’") == "the soldiers’"
    assert unquoted("«Non.»") == "Non."
    assert unquoted('"exchange" to end the war') == '"exchange" to end the war'
    assert unquoted("'We will,' she said.") == "'We will,' she said."
