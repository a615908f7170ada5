"""Reported speech and "according to X": attributions whose content is read off the parse.

A verb of saying, thinking or stance reports its clause or object (see
:func:`auditor.nlp.content.reported_content`); "according to X" attributes the clause it
hangs on to X.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from auditor.nlp.apparent_acts import with_hedge
from auditor.nlp.claim_bounds import close_quotes
from auditor.nlp.content import makes_clear, reported_content
from auditor.nlp.content_verbs import (
    inside_reported_clause,
    is_content_verb,
    preposition_of_cue,
    word_count,
)
from auditor.nlp.cues import cue_tokens, trimmed_bounds
from auditor.nlp.doctext import doc_tokens
from auditor.nlp.judging import agentless_verdict
from auditor.nlp.labels import FINITE_TAGS
from auditor.nlp.passive_content import raised_content
from auditor.nlp.raw import QuoteIndex, RawAttribution, overlaps
from auditor.nlp.repairs.stranded_clauses import stranded_clause
from auditor.nlp.source_names import is_media_name
from auditor.nlp.verb_subjects import subject_bounds, subject_of


def reported_speech(
    doc: Doc,
    index: QuoteIndex,
    used_cues: set[int],
    taken: list[tuple[int, int]] | None = None,
) -> list[RawAttribution]:
    """One attribution per verb that reports something, except verbs inside quotations
    and verbs inside what another verb reports. The cue of a direct quote (``used_cues``;
    ``taken`` are the direct quotes' contents) may only report words before it that no
    direct quote holds."""
    found = []
    for token in doc_tokens(doc):
        if not (is_content_verb(token) or makes_clear(token) or agentless_verdict(token)):
            continue  # a verdict needs no reporting verb: "the claim was rated half true"
        if index.inside(token) is not None:
            continue  # speech reported inside a quotation belongs to the quoted speaker
        if inside_reported_clause(token) and stranded_clause(token) is None:
            continue  # "X said [she believes Y]": X's claim, reported as one attribution
        content_range = reported_content(token)
        verdict = None
        if content_range is None:
            content_range = verdict = agentless_verdict(token)
        if content_range is None:
            continue
        start, end = content_range
        if token.idx in used_cues and end > token.i:
            # the cue of a direct quote; only words before it may still be its content:
            # 'Oz is "smart as hell," Lee wrote, and "full of it."'
            continue
        end, via = _split_trailing_according(doc, start, end)
        bounds = trimmed_bounds(doc, start, end)
        if bounds is None or word_count(doc, start, end) < _min_content_words(doc, start, end):
            continue
        bounds = close_quotes(index, bounds)
        if token.idx in used_cues and any(overlaps(bounds, t) for t in taken or []):
            continue
        quote_ids = sorted(
            {q for t in doc[start:end] if (q := index.inside(t)) is not None}
        )
        kind = "mixed" if quote_ids else "indirect"
        # "The minister is said to have resigned": the subject is what the claim is about.
        subject = (
            None
            if verdict is not None or raised_content(token) == content_range
            else subject_of(token)
        )
        cue = with_hedge(token, cue_tokens(token))  # "[appeared to blame]"
        preposition = preposition_of_cue(token)
        if preposition is not None and preposition.i > cue[-1].i and preposition.idx < bounds[0]:
            # "called for | a recount": the preposition completes the cue.
            cue = [*cue, preposition]
        attribution = RawAttribution(
            kind=kind,
            content=bounds,
            cue=(cue[0].idx, cue[-1].idx + len(cue[-1])),
            cue_head=token.idx,
            quote_ids=quote_ids,
            via=via,
        )
        if subject is not None:
            attribution.source = subject_bounds(subject, token)
            attribution.source_head = subject.idx
        found.append(attribution)
    return found


def _min_content_words(doc: Doc, start: int, end: int) -> int:
    """One word is enough for a name ("Pell endorsed Marsh"); anything else needs two."""
    words = [t for t in doc[start:end] if not (t.is_punct or t.is_space)]
    return 1 if words and all(t.pos_ == "PROPN" for t in words) else 2


def _split_trailing_according(doc: Doc, start: int, end: int) -> tuple[int, tuple | None]:
    """Cut a trailing ", according to X" off a content span; X is who passed it on."""
    for i in range(start, end - 1):
        if doc[i].lower_ == "according" and doc[i + 1].lower_ == "to":
            source = next((c for c in doc[i + 1].children if c.dep_ == "pobj"), None)
            if source is None or source.right_edge.i + 1 < end - 1:
                return end, None
            return i, subject_bounds(source)
    return end, None


def according_to(
    doc: Doc, index: QuoteIndex, existing: list[RawAttribution]
) -> list[RawAttribution]:
    """"According to X, ..." and "..., according to X": X is the source of the clause;
    when a speaker already claims the clause ("Y said ..., according to X"), X is only
    recorded as who passed it on (``via``)."""
    found = []
    tokens = doc_tokens(doc)
    for token in tokens:
        if token.lower_ != "according" or token.i + 1 >= len(doc):
            continue
        to = tokens[token.i + 1]
        if to.lower_ != "to":
            continue
        if index.inside(token) is not None:
            continue
        source = next((c for c in to.children if c.dep_ == "pobj"), None)
        phrase_start = token.i
        phrase_end = (source.right_edge.i + 1) if source is not None else to.i + 1
        sentence = token.sent
        if source is not None:
            phrase_end = _before_misread_apposition(doc, source, phrase_end, sentence.end)
        # The claim is the rest of the sentence, on whichever side holds the clause.
        before = trimmed_bounds(doc, sentence.start, phrase_start)
        after = trimmed_bounds(doc, phrase_end, sentence.end)
        if before and after and _trailing_phrase(doc, phrase_end, sentence.end, phrase_start):
            content = before  # "X rose 20 percent, according to Y, twice the rate of Z"
        elif before and after:
            content = (before[0], after[1])
        else:
            content = before or after
        if content is None:
            continue
        content = close_quotes(index, content)
        # A direct quote next to "according to X" already took this phrase as its cue.
        if any(overlaps(a.content, content) and a.cue_head == token.idx for a in existing):
            continue
        # "X said ..., according to Y": Y passed on what X said.
        speaker_claim = next(
            (a for a in existing if a.source is not None and overlaps(a.content, content)),
            None,
        )
        if speaker_claim is not None:
            if speaker_claim.via is None and source is not None:
                speaker_claim.via = subject_bounds(source)
            if not _holds_cue(content, speaker_claim) or source is None or is_media_name(
                doc.text[slice(*subject_bounds(source))]
            ):
                continue  # an outlet passed the speaker's words on: recorded as ``via``
            # "Police have said they will not release the videos, according to the
            # family's lawyers": the lawyers are the source of the whole report, the
            # police's statement included; both attributions stand.
        attribution = RawAttribution(
            kind="according_to",
            content=content,
            cue=(token.idx, to.idx + len(to)),
            cue_head=token.idx,
        )
        if source is not None:
            attribution.source = subject_bounds(source)
            if phrase_end <= source.right_edge.i:
                attribution.source = trimmed_bounds(doc, source.left_edge.i, phrase_end)
            attribution.source_head = source.idx
        found.append(attribution)
    return found


def _trailing_phrase(doc: Doc, start: int, end: int, phrase_start: int) -> bool:
    """Tokens ``[start, end)`` after a mid-sentence "according to X" add a phrase to a
    claim already complete before it (", more than twice what it projected", ", and other
    scientists"): no verb of their own, and a finite verb before the phrase."""
    sentence_start = doc[phrase_start].sent.start
    if phrase_start <= sentence_start or doc[phrase_start - 1].text != ",":
        return False
    before_has_clause = any(t.tag_ in FINITE_TAGS for t in doc[sentence_start:phrase_start])
    after_has_clause = any(t.tag_ in FINITE_TAGS for t in doc[start:end])
    return before_has_clause and not after_has_clause


def _holds_cue(content: tuple[int, int], attribution: RawAttribution) -> bool:
    """``attribution``'s cue and content both lie inside ``content``."""
    return (
        attribution.cue is not None
        and content[0] <= attribution.cue[0]
        and attribution.content[1] <= content[1]
        and content[0] <= attribution.content[0]
    )


def _before_misread_apposition(doc: Doc, source: Token, end: int, sentence_end: int) -> int:
    """"According to Rush Limbaugh, the move reeks of fear": the parser may take the
    claim for an apposition of the source; an "apposition" that runs to the end of the
    sentence is the claim, so the source stops at the comma before it."""
    for token in doc[source.i : end]:
        if token.dep_ != "appos" or token.head.i < source.left_edge.i:
            continue
        start = token.left_edge.i
        last = sentence_end - 1
        while last > start and (doc[last].is_punct or doc[last].is_space):
            last -= 1
        if token.right_edge.i >= last and start > 0 and doc[start - 1].text == ",":
            return start - 1
    return end
