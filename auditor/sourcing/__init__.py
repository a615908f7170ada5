"""Sourcing: compliance flags, unattributed claims, grades and the document score.

The audit calls, in order::

    annotate(analysis)                      # flags, refined source types, analysis.claims
    findings = pack.evaluate(analysis, article)
    summary = summarize(analysis, findings) # Attribution.grade, score, grade, why

``explain_flags(analysis)`` gives, for every attribution, the words that justify each of
its flags (rules use them in their messages; reports may show them).
"""

from __future__ import annotations

from dataclasses import dataclass

from auditor.model import Analysis, Claim
from auditor.sourcing.flags import FLAGS, attribution_flags
from auditor.sourcing.grades import grade_attribution, grade_for_score, summarize
from auditor.sourcing.nesting import Nesting
from auditor.sourcing.text_index import TextIndex, mask_quotes
from auditor.sourcing.unsourced_claims import CLAIM_KINDS, find_claims

__all__ = [
    "CLAIM_KINDS",
    "FLAGS",
    "SourcingFacts",
    "TextIndex",
    "annotate",
    "explain_flags",
    "grade_attribution",
    "grade_for_score",
    "sourcing_facts",
    "summarize",
]


@dataclass
class SourcingFacts:
    """Flags with their evidence and claims of one analysis (the source types were
    decided by the NLP stage, once)."""

    #: attribution id -> flag -> the words in the text that justify it
    flags: dict[str, dict[str, str]]
    claims: list[Claim]


def sourcing_facts(analysis: Analysis) -> SourcingFacts:
    """Compute flags, source types and claims without changing ``analysis``."""
    index = TextIndex.of(analysis)
    masked = mask_quotes(analysis.text, analysis.quotes)
    nesting = Nesting(analysis, index)
    flags = {
        a.id: attribution_flags(analysis, a, index, masked, nesting) for a in analysis.attributions
    }
    facts = find_claims(analysis, index)
    for attribution_id, evidence in facts.unverified.items():
        flags.setdefault(attribution_id, {})["unverified"] = f"the text says {evidence}"
    return SourcingFacts(flags=flags, claims=facts.claims)


def annotate(analysis: Analysis) -> SourcingFacts:
    """Set flags and refined source types on each attribution and fill ``analysis.claims``.

    Flags already on an attribution (set by the NLP stage) are kept; claims found here are
    added to any already there. Returns the facts with the evidence for each flag.
    """
    facts = sourcing_facts(analysis)
    for attribution in analysis.attributions:
        new = [f for f in facts.flags.get(attribution.id, {}) if f not in attribution.flags]
        attribution.flags.extend(new)
        attribution.flags.sort(key=lambda f: list(FLAGS).index(f) if f in FLAGS else len(FLAGS))
    known = {(c.start, c.end, c.status) for c in analysis.claims}
    analysis.claims.extend(c for c in facts.claims if (c.start, c.end, c.status) not in known)
    analysis.claims.sort(key=lambda c: (c.start, c.status))
    return facts


def explain_flags(analysis: Analysis) -> dict[str, dict[str, str]]:
    """Attribution id -> flag -> why, for the flags found in the text."""
    return sourcing_facts(analysis).flags
