"""The one list of extraction passes and the overlap rule between passes
(:mod:`auditor.nlp.passes`)."""

from __future__ import annotations

from auditor.nlp.passes import PASSES, Pass, blocked_by_earlier
from auditor.nlp.raw import RawAttribution


def test_passes_run_in_the_documented_order():
    names = [step.name for step in PASSES]
    assert len(names) == len(set(names))
    assert names[:3] == ["direct quotes", "reported speech", "according to"]
    assert names[-1] == "quoted under any verb"
    assert names.index("framed") < names.index("speaker colon")


def test_only_passes_that_yield_are_blocked_by_earlier_content():
    earlier = [RawAttribution("indirect", (20, 50), cue=(14, 18), source=(0, 13))]
    overlapping = RawAttribution("indirect", (30, 60), cue=(3, 12))
    apart = RawAttribution("indirect", (60, 80), cue=(52, 56))
    yielding = Pass("yields", lambda state: (), yields_to_earlier=True)
    keeping = Pass("keeps", lambda state: ())
    assert blocked_by_earlier(yielding, overlapping, earlier)
    assert not blocked_by_earlier(yielding, apart, earlier)
    assert not blocked_by_earlier(keeping, overlapping, earlier)


def test_a_framed_report_yields_to_the_verb_that_says_it(nlp):
    text = "In a statement, the agency said the levee would hold."
    records = nlp(text)._.auditor_attributions
    cues = [text[slice(*r["cue"])] for r in records if r["cue"]]
    assert cues.count("said") == 1 and len(records) == 1
