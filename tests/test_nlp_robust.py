"""Robustness of the NLP stage (issue 11): every emitted span slices its text, and the
quotation passes stay near-linear in the number of marks."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.ingest import article_from_text
from auditor.model import Span

# --- spans are valid where they are made (item 19) -------------------------------------


def test_span_refuses_inverted_bounds():
    with pytest.raises(ValueError, match="bad span 2-1"):
        Span(2, 1, "")


def test_span_refuses_text_of_the_wrong_length():
    with pytest.raises(ValueError):
        Span(0, 3, "ab")
    with pytest.raises(ValueError):
        Span(-1, 0, "x")


def test_span_of_refuses_an_end_past_the_text():
    with pytest.raises(ValueError):
        Span.of("abc", 1, 4)
    assert Span.of("abc", 1, 3) == Span(1, 3, "bc")


def test_raw_record_refuses_an_inverted_source():
    from auditor.nlp.raw import RawAttribution

    with pytest.raises(ValueError, match="bad source"):
        RawAttribution("direct", (5, 9), source=(2, 1)).to_dict()


#: Texts of the shape that made inverted source spans: a colon introduces the content and
#: the parser hangs the words after it on the subject, across the verb.
COLON_TEXTS = [
    '. p sed of s: "l R,',
    ". h believes: 」we wl re",
    "\nAt.I. agreed to ditor: igbpoenas n,",
    '. k told of m: "z Q,',
]


def assert_spans_slice(result, text: str) -> None:
    """Every span in ``result`` (and its analysis) has 0 <= start <= end <= len(text) and
    slices ``text`` to its own text."""
    n = len(text)

    def check(start, end, span_text=None):
        assert 0 <= start <= end <= n, (start, end, text)
        if span_text is not None:
            assert text[start:end] == span_text, (start, end, text)

    for attribution in result.attributions:
        for span in (attribution.content, attribution.cue, attribution.source, attribution.via):
            if span is not None:
                check(span.start, span.end, span.text)
    for claim in result.claims:
        check(claim.start, claim.end, claim.text)
    for finding in result.findings:
        check(finding.start, finding.end)
    for quote in result.analysis.quotes:
        check(quote.start, quote.end)
        check(quote.inner_start, quote.inner_end)
    for cluster in result.analysis.speakers:
        for mention in cluster.mentions:
            check(mention.start, mention.end, mention.text)
    for start, end in result.analysis.sentences + result.analysis.paragraphs:
        check(start, end)


@pytest.mark.parametrize("text", COLON_TEXTS)
def test_colon_introduced_content_keeps_its_source_before_the_cue(auditor, text):
    result = auditor.audit(article_from_text(text))
    assert_spans_slice(result, text)
    sources = [a.source for a in result.attributions if a.source is not None]
    assert sources, "the subject before the cue is the source"
    for attribution in result.attributions:
        if attribution.source is not None and attribution.cue is not None:
            assert attribution.source.end <= attribution.cue.start
            assert attribution.source.text.strip()


_PIECES = [
    "p", "sed", "of", "s", "h", "believes", "we", "agreed", "to", "the", "mayor", "said",
    "Ruiz", "told", "officials", "At", "I.", "they", "and", "R", "wl", "re", "n",
    ":", ": ", ",", ".", "\n", " ", " ", " ",
    '"', "“", "”", "'", "‘", "’", "«", "»", "「", "」", "''", "—",
]  # fmt: skip

_short_texts = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=24).map(
    lambda parts: "".join(p if p in {" ", "\n"} else p + " " * (len(p) % 2) for p in parts)
)


@settings(
    max_examples=120,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=st.one_of(_short_texts, st.text(alphabet="ab :\"“”'’«»「」\n.,", max_size=30)))
def test_every_emitted_span_slices_the_text(auditor, text):
    result = auditor.audit(article_from_text(text))
    assert_spans_slice(result, text)


# --- dense quotation marks stay near-linear (item 8) ---------------------------------

_DENSE_WORDS = "the mayor said council figures plans they data report officials told".split()
_DENSE_PAIRS = [('"', '"'), ("“", "”"), ("‘", "’"), ("'", "'"), ("«", "»"), ("「", "」")]
_DENSE_CUES = ["{q}, Ruiz said.", "Ruiz said: {q}", "{q}", "officials told reporters {q}"]


def _dense_text(quotes: int) -> str:
    """``quotes`` short quotations, most with a cue, a paragraph break every 40."""
    parts = []
    for i in range(quotes):
        opener, closer = _DENSE_PAIRS[i % len(_DENSE_PAIRS)]
        words = " ".join(_DENSE_WORDS[(i * 7 + k) % len(_DENSE_WORDS)] for k in range(1 + i % 3))
        quote = f"{opener}{words}{',' if i % 2 else '.'}{closer}"
        parts.append(_DENSE_CUES[i % len(_DENSE_CUES)].format(q=quote))
        parts.append("\n" if i % 40 == 39 else " ")
    return "".join(parts)


def _calls_in_auditor_components(nlp, text: str) -> int:
    """Python function calls made in auditor.nlp code by the components after the parser:
    a count of operations that does not depend on the machine's speed."""
    import sys

    calls = 0

    def count(frame, event, _arg):
        nonlocal calls
        if event == "call" and "auditor" in frame.f_code.co_filename:
            calls += 1

    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name.startswith("auditor_") and name != "auditor_paragraphs":
            sys.setprofile(count)
            try:
                doc = component(doc)
            finally:
                sys.setprofile(None)
        else:
            doc = component(doc)
    assert len(doc._.auditor_attributions) > len(doc._.auditor_quotes) // 3
    return calls


@pytest.mark.slow
def test_quotation_passes_scale_linearly_in_the_marks(nlp):
    """Twice the quotations cost at most ~2.5 times the operations (a quotes x quotes or
    quotes x attributions pass makes it ~4)."""
    one = _calls_in_auditor_components(nlp, _dense_text(600))
    two = _calls_in_auditor_components(nlp, _dense_text(1200))
    assert two < 2.5 * one, (one, two)
