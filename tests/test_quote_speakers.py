"""Every quoted passage gets a speaker: the constructions news uses around direct quotes
(interrupted quotes, speakers written after or before the cue, colon introductions,
quotes that follow their attribution sentence, present-tense cues, several speakers in a
paragraph), and a quote with no findable speaker stays without one. Sentences are our own.

The sentences and their speakers are cases in tests/cases/quote_speakers.yaml (run by
tests/test_cases.py); here, the one that also asks the rules for their finding.
"""

from __future__ import annotations

from auditor.analysis import analysis_from_doc
from auditor.ingest import article_from_text


def attributions(nlp, text):
    return analysis_from_doc(nlp(text)).attributions


def covering(found, words):
    """The attributions whose content holds ``words``."""
    return [a for a in found if words in a.content.text]


def one_covering(found, words):
    holders = covering(found, words)
    assert len(holders) == 1, [(a.kind, a.content.text) for a in found]
    return holders[0]


def test_quote_with_no_findable_speaker_has_no_source(nlp, auditor):
    text = (
        "The town council met on Monday night to vote on the library budget.\n\n"
        '"We cannot keep the reading rooms open on weekends any more, not with this money."'
    )
    found = attributions(nlp, text)
    quote = one_covering(found, "We cannot keep the reading rooms")
    assert quote.source is None and quote.speaker is None
    findings = auditor.audit(article_from_text(text, format="text")).findings
    assert any(f.rule == "ATTR002" for f in findings)
