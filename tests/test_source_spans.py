"""Where a source phrase begins and ends (auditor.nlp.source_edges, pronoun_sources), on
sentences written for the test: datelines, stray quotation marks, occasion participles,
closing commas and dashes, focus adverbs, dates hung on the speaker, and pronouns with
their descriptions; with near-misses that must keep their words. The sentences are cases
in tests/cases/source_spans.yaml (run by tests/test_cases.py); here, the edge helper alone."""

from __future__ import annotations

import pytest

from auditor.nlp.source_edges import source_edges


def _edges(nlp, text: str, drawn: str) -> str:
    """The source ``source_edges`` settles for a source drawn as ``drawn`` in ``text``."""
    doc = nlp(text)
    start = text.index(drawn)
    bounds = source_edges(doc, (start, start + len(drawn)))
    assert bounds is not None
    return text[bounds[0] : bounds[1]]


@pytest.mark.parametrize(
    ("text", "drawn", "settled"),
    [
        # a dateline before a dash
        (
            "OAKDALE -- Mayor Ana Ruiz said the bridge would reopen in March.",
            "OAKDALE -- Mayor Ana Ruiz",
            "Mayor Ana Ruiz",
        ),
        # a conjunction the parser hung on the verb
        ("But Ruiz said the bridge would reopen.", "But Ruiz", "Ruiz"),
        # a quotation mark with no partner in the source
        ('"RUIZ: We will rebuild.', '"RUIZ', "RUIZ"),
        # an aside opened inside the source takes its closing comma
        (
            "Tom Baker, a former contractor, said the plan would fail.",
            "Tom Baker, a former contractor",
            "Tom Baker, a former contractor,",
        ),
        # never end inside a hyphenated word
        ("His ex-wife agreed with the court.", "His ex", "His ex-wife"),
        # near-misses: a hyphen inside a word, a paired dash, a plain name
        ("His ex-wife agreed with the court.", "His ex-wife", "His ex-wife"),
        (
            "Ruiz -- the mayor -- said the bridge would reopen.",
            "Ruiz -- the mayor --",
            "Ruiz -- the mayor --",
        ),
        ("Tom Baker, who chairs the board, said no.", "Tom Baker", "Tom Baker"),
    ],
)
def test_source_edges(nlp, text, drawn, settled):
    assert _edges(nlp, text, drawn) == settled
