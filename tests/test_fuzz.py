"""Fuzz: hostile and random text through ingest, quote pairing, the whole audit and every
renderer. Nothing may raise but the one documented refusal (``IngestError`` for text that
is not valid Unicode), and every span the auditor emits slices the input to its text.

CI runs a bounded number of examples; the long run (its figure is in docs/robustness.md)
sets ``AUDITOR_FUZZ_EXAMPLES``::

    AUDITOR_FUZZ_EXAMPLES=100000 pytest tests/test_fuzz.py -p no:cacheprovider
"""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.ingest import IngestError, article_from_text
from auditor.model import line_and_column
from auditor.nlp.quotes import find_nested_quotes, find_quotes
from auditor.report import FORMATS, render, render_many

#: Examples per test: a few hundred in CI, as many as asked for in a long run.
LONG_RUN = int(os.environ.get("AUDITOR_FUZZ_EXAMPLES", "0"))


def budget(ci_examples: int) -> settings:
    return settings(
        max_examples=LONG_RUN or ci_examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )


QUOTE_MARKS = ['"', "'", "“", "”", "‘", "’", "«", "»", "„", "‚", "‹", "›", "「", "」",
               "『", "』", "''", "``", "—", "–"]
SYNTAX = [":", ",", ".", ";", "?", "!", "\n", "\n\n", "\r\n", "\r", "\t", " ", "\u2028", "\x85",
          "\x00", "\x0b", "\ufeff", "\u200b", "\u00a0", "> ", ">>>> ", "- ", "* ", "1. ",
          "# ", "```", "    ", "| a | b |\n|---|---|", "<!-- auditor: ignore[ANON001] x -->",
          "<!-- auditor: ignore -->", "<p>", "</p>", "<blockquote>", "<script>", "&amp;",
          "&#0;", "&#xD800;", "<br>", "[x](http://a.test)", "![i](x)", "\\", "`", "*", "_"]
WORDS = ["said", "says", "told", "according to", "claimed", "admitted", "believes",
         "officials", "sources", "analysts", "the ministry", "Ana Ruiz", "Ruiz", "he", "she",
         "they", "who", "that", "Reuters reported", "could not be verified", "a report",
         "the poll", "Dr.", "U.S.", "Mr.", "12", "3.5%", "1,000", "killed", "will", "it",
         "'90s", "Ukraine's", "the forces'", "http://x.test/a", "#tag", "@user"]
#: Lone surrogates, which no UTF-8 file can hold but a Python string or JSON record can.
SURROGATES = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)

#: Short letter strings the tagger reads as words of unknown kinds (names, verbs, nouns).
letters = st.text(alphabet="abcdefghijklmnopqrstuvwxyzAIR", min_size=1, max_size=7)

pieces = st.one_of(
    letters,
    st.sampled_from(QUOTE_MARKS),
    st.sampled_from(SYNTAX),
    st.sampled_from(WORDS),
    st.text(max_size=8),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=8),
)
fragments = st.lists(pieces, max_size=80).map(" ".join)
tight = st.lists(pieces, max_size=80).map("".join)


@st.composite
def ladders(draw) -> str:
    """Markdown nesting ladders and runs of one mark: deep structure in little text."""
    unit = draw(st.sampled_from([">", "- ", "  - ", "* ", "1. ", '"', "“", "'", ":", "(", "["]))
    depth = draw(st.integers(min_value=1, max_value=120))
    if draw(st.booleans()):
        return "\n".join(unit * level + " said x" for level in range(1, depth + 1))
    return unit * depth + " word"


@st.composite
def with_surrogate(draw) -> str:
    text = draw(fragments)
    at = draw(st.integers(min_value=0, max_value=len(text)))
    return text[:at] + draw(SURROGATES) + text[at:]


texts = st.one_of(fragments, tight, st.text(max_size=300), ladders(), with_surrogate())
input_formats = st.sampled_from(["text", "markdown", "html"])


def ingest(text: str, fmt: str):
    """The article, or None for the documented refusal of text that is not Unicode."""
    try:
        article = article_from_text(text, format=fmt)
    except IngestError:
        assert any(0xD800 <= ord(ch) <= 0xDFFF for ch in text), "refused a valid text"
        return None
    article.source.encode("utf-8")  # a report can always be written
    assert len(article.view) == len(article.source)
    return article


def assert_span(source: str, span: dict | None) -> None:
    if span is None:
        return
    start, end = span["start"], span["end"]
    assert 0 <= start <= end <= len(source), span
    assert source[start:end] == span["text"], span


def assert_result(source: str, data: dict) -> None:
    """Every span of the JSON contract slices ``source`` to its text."""
    for attribution in data["attributions"]:
        for role in ("content", "cue", "source"):
            assert_span(source, attribution[role])
    for claim in data["claims"]:
        assert_span(source, claim)
    for finding in data["findings"]:
        assert 0 <= finding["start"] <= finding["end"] <= len(source), finding
        assert (finding["line"], finding["column"]) == line_and_column(source, finding["start"])


@budget(ci_examples=400)
@given(text=texts)
def test_quote_pairing_never_raises_and_pairs_marks(text):
    for quote in find_quotes(text) + find_nested_quotes(text):
        assert 0 <= quote.start < quote.end <= len(text), quote
        assert text.startswith(quote.open_mark, quote.start), quote
        assert quote.inner_start <= quote.inner_end


@budget(ci_examples=400)
@given(text=texts, fmt=input_formats)
def test_ingest_keeps_offsets_or_refuses_cleanly(text, fmt):
    ingest(text, fmt)


def assert_renders(results: list) -> None:
    """Every renderer writes ``results`` as UTF-8 text; the JSON formats parse."""
    for report_format in FORMATS:
        if len(results) == 1:
            rendered = render(results[0], report_format)
        else:
            rendered = render_many(results, report_format)
        rendered.encode("utf-8")
        if report_format in ("json", "sarif"):
            json.loads(rendered)
        elif report_format == "jsonl":
            assert len(rendered.splitlines()) == len(results)
            for line in rendered.splitlines():
                json.loads(line)


@pytest.mark.slow
@budget(ci_examples=300)
@given(text=texts, fmt=input_formats)
def test_audit_and_every_renderer(auditor, text, fmt):
    article = ingest(text, fmt)
    if article is None:
        return
    result = auditor.audit(article)
    assert_result(article.source, result.to_dict())
    assert_renders([result])


@pytest.mark.slow
@budget(ci_examples=30)
@given(first=texts, second=texts)
def test_several_documents_render_together(auditor, first, second):
    articles = [a for a in (ingest(first, "text"), ingest(second, "markdown")) if a]
    results = list(auditor.audit_many(articles))
    for article, result in zip(articles, results, strict=True):
        assert_result(article.source, result.to_dict())
    if results:
        assert_renders(results)
