"""Property tests: any text through ingest + the full pipeline yields valid spans."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.analysis import analysis_from_doc
from auditor.ingest import article_from_text

MARKS = ['"', "'", "“", "”", "‘", "’", "«", "»", "„", "''", "—", ":", ","]
WORDS = ["said", "Ana Ruiz", "he", "according to", "the ministry", "that", "officials",
         "'90s", "Ukraine's", "the forces'", "\n", "\n\n", ".", "Dr.", "told reporters"]

fragments = st.lists(
    st.one_of(st.sampled_from(MARKS), st.sampled_from(WORDS), st.text(max_size=12)),
    max_size=60,
).map(" ".join)
texts = st.one_of(st.text(max_size=400), fragments)


def check_analysis(source: str, analysis) -> None:
    n = len(source)
    for a in analysis.attributions:
        for span in (a.content, a.cue, a.source, a.via):
            if span is not None:
                assert 0 <= span.start <= span.end <= n
                assert source[span.start : span.end] == span.text
    for cluster in analysis.speakers:
        for mention in cluster.mentions:
            assert source[mention.start : mention.end] == mention.text
    for start, end in analysis.sentences + analysis.paragraphs:
        assert 0 <= start <= end <= n


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, fmt=st.sampled_from(["text", "markdown", "html"]))
def test_random_text_never_breaks_the_pipeline(nlp, text, fmt):
    article = article_from_text(text, format=fmt)
    check_analysis(article.source, analysis_from_doc(nlp(article.view), article.source))


@pytest.mark.slow
def test_very_long_paragraph(nlp):
    sentence = "'It is fine,' said Ana Ruiz, who spoke \"on the record\" about Ukraine's '90s. "
    text = sentence * 400  # one paragraph of about 30,000 characters
    article = article_from_text(text)
    analysis = analysis_from_doc(nlp(article.view), article.source)
    check_analysis(article.source, analysis)
    assert len(analysis.attributions) >= 300
