"""Checkable claims with no source, and claims the text itself calls unverified.

A sentence is a checkable claim when, outside quotation marks, it holds a casualty count,
a percentage, an allegation, another figure, a superlative about an event or a prediction
(cue lists: ``auditor/lexicons/claims_*.txt``). It is *unattributed* unless an attribution
covers it: its content, cue or source lies in the sentence, or the previous sentence of the
paragraph is attributed and this one carries it over ("He added...", "The report also..."),
or its own wording names who claims it where the extractor found no attribution ("the
ISW report states:", "X accused Y of").
A sentence saying a claim "could not be independently verified" (or "was unable to check",
"has not been able to confirm": ``sourcing_unverified.txt``) makes the claim it points at
*unverified*: the previous sentence when the note points back ("The claim could not...",
"Reuters could not verify the claim"), its own sentence otherwise. A check of an open
question ("Officials could not confirm whether the school would reopen") doubts no claim:
the "whether" clause is the news, so it marks nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor import lexicon
from auditor.model import Analysis, Claim
from auditor.sourcing.text_index import TextIndex, mask_quotes

#: Claim kinds, in the order they are tried (the first that matches names the claim).
CLAIM_KINDS = (
    "casualties",
    "percentage",
    "allegation",
    "number",
    "superlative",
    "prediction",
)

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
# Numbers that are not figures: years, dates, times, ordinals, model names, URLs.
_NOT_FIGURES = re.compile(
    rf"""
    https?://\S+ | www\.\S+
    | \b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,\s*\d{{4}})?\b
    | \b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b
    | \b(?:1[6-9]\d\d|20\d\d)s?\b
    | \b\d{{1,2}}[:.]\d\d\s*(?:[ap]\.?m\.?)?
    | \b\d{{1,2}}\s*[ap]\.?m\.?
    | \b\d+(?:st|nd|rd|th)\b
    | \b[A-Za-z]+-?\d+[A-Za-z]*\b
    | \b\d+-[A-Za-z]+\b
    | \b\d+/\d+(?:/\d+)?\b
    """,
    re.VERBOSE | re.IGNORECASE,
)


@dataclass
class ClaimFacts:
    """What the claim finder saw: the claims and the attributions it marked unverified."""

    claims: list[Claim]
    #: attribution id -> evidence of the unverified marker that applies to it.
    unverified: dict[str, str]


#: Every alternative of _NOT_FIGURES needs a digit or a web address: without either, the
#: text is returned as it is (the substitution scans each word several times).
_MAY_HOLD_NON_FIGURES = re.compile(r"\d|://|www\.", re.IGNORECASE)


def _without_non_figures(text: str) -> str:
    if _MAY_HOLD_NON_FIGURES.search(text) is None:
        return text
    return _NOT_FIGURES.sub(lambda m: " " * len(m.group()), text)


def claim_kind(sentence: str) -> str | None:
    """The kind of checkable claim in ``sentence`` (quotes already blanked), or None."""
    figures_text = _without_non_figures(sentence)
    has_figure = lexicon.pattern("claims_figures").search(figures_text) is not None
    if has_figure and lexicon.pattern("claims_casualties").search(sentence):
        return "casualties"
    if lexicon.pattern("claims_casualty_counts").search(sentence):
        return "casualties"
    if lexicon.pattern("claims_percentages").search(figures_text):
        return "percentage"
    if lexicon.pattern("claims_allegations").search(sentence):
        return "allegation"
    if has_figure:
        return "number"
    if lexicon.pattern("claims_superlatives").search(sentence):
        return "superlative"
    if lexicon.pattern("claims_predictions").search(sentence):
        return "prediction"
    return None


def _covered_sentences(analysis: Analysis, index: TextIndex) -> dict[int, list[str]]:
    # Ids as dict keys: in order, each once, without a scan of a crowded sentence's list.
    covered: dict[int, dict[str, None]] = {}
    for attribution in analysis.attributions:
        for span in (attribution.content, attribution.cue, attribution.source):
            if span is None:
                continue
            for i in index.sentences_overlapping(span.start, span.end):
                covered.setdefault(i, {})[attribution.id] = None
    return {i: list(ids) for i, ids in covered.items()}


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _unverified_marker(sentence: str) -> re.Match | None:
    """The first marker in ``sentence`` that doubts a claim: a check of an open question
    ("could not confirm whether the school would reopen") reports the news itself, and
    is passed over."""
    for marker in lexicon.pattern("sourcing_unverified").finditer(sentence):
        if not lexicon.pattern("claims_open_questions").search(sentence[marker.end() :]):
            return marker
    return None


def _unverified_target(sentence: str, marker: re.Match, i: int, index: TextIndex) -> int:
    """The sentence whose claim ``marker`` doubts: the previous one of the paragraph when
    the note points back at it, by its subject ("The claim could not be confirmed",
    "This could not...") or by the object of the check ("Reuters could not verify the
    claim", "We were unable to check their account"); the marker's own sentence otherwise
    ("..., a claim that could not be verified", "..., which the paper has not been able to
    confirm")."""
    prev = index.previous_in_paragraph(i)
    if prev is None:
        return i
    if lexicon.pattern("claims_unverified_referents").search(sentence):
        return prev
    after = sentence[marker.end() :]
    if lexicon.pattern("claims_unverified_objects").search(after) and not _holds_claim(
        sentence[: marker.start()]
    ):
        return prev
    return i


def _holds_claim(before: str) -> bool:
    """Whether the words before a marker state something of their own (a clause before a
    comma or "which"), rather than only name who could not check."""
    return re.search(r"[,;:]|\b(?:which|that|but)\b", before) is not None


def find_claims(analysis: Analysis, index: TextIndex | None = None) -> ClaimFacts:
    """Unattributed and unverified checkable claims of ``analysis`` (pure: changes nothing)."""
    index = index or TextIndex.of(analysis)
    text = analysis.text
    masked = mask_quotes(text, analysis.quotes)
    covered = _covered_sentences(analysis, index)
    claims: list[Claim] = []
    unverified: dict[str, str] = {}

    for i, (start, end) in enumerate(index.sentences):
        sentence = masked[start:end]
        kind = claim_kind(sentence)
        if kind is None or i in covered:
            continue
        if lexicon.pattern("claims_self_attributed").search(sentence):
            continue
        prev = index.previous_in_paragraph(i)
        if prev is not None and prev in covered:
            if lexicon.pattern("claims_carryover").search(sentence):
                continue
        s, e = _trimmed(text, start, end)
        claims.append(Claim(s, e, text[s:e], kind, "unattributed"))

    for i, (start, end) in enumerate(index.sentences):
        sentence = masked[start:end]
        marker = _unverified_marker(sentence)
        if marker is None:
            continue
        target = _unverified_target(sentence, marker, i, index)
        t_start, t_end = index.sentences[target]
        kind = claim_kind(masked[t_start:t_end]) or "statement"
        s, e = _trimmed(text, t_start, t_end)
        claims.append(Claim(s, e, text[s:e], kind, "unverified"))
        evidence = f"'{' '.join(marker.group().split())}'"
        for attribution_id in covered.get(target, []) + covered.get(i, []):
            unverified.setdefault(attribution_id, evidence)

    claims.sort(key=lambda c: (c.start, c.status))
    return ClaimFacts(claims, unverified)
