"""Direct quotations: which cue and speaker each quotation found by ``auditor_quotes`` has.

A quotation takes the reporting verb that governs it or sits beside it ("...,' said X",
"X said: '...'", "'...,' X added", a paragraph ending "X said:" before it), a dash
signature ('"..." ― Maria Lopez'), or nothing (it may float, see
:mod:`auditor.nlp.floating`). A quotation that is only part of what a verb reports is
left to the reported-speech pass as a mixed quote.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from auditor.nlp.content import reported_content
from auditor.nlp.content_verbs import word_count
from auditor.nlp.continuation import continues_quote
from auditor.nlp.cues import (
    cue_tokens,
    is_reporting_verb,
)
from auditor.nlp.labels import CONJUNCTION_POS, NOMINAL_SUBJECTS
from auditor.nlp.quote_frames import (
    colon_cue,
    dash_signature,
    fronted_clause,
    interrupting_cue,
    inverted_cue,
    is_nickname,
    speaker_between,
    token_range,
)
from auditor.nlp.quote_lists import continues_a_list
from auditor.nlp.quote_shapes import looks_like_title, quote_text
from auditor.nlp.quote_speaker import (
    only_subject_between,
    speaker_after_quote,
    speaker_of,
)
from auditor.nlp.raw import QuoteIndex, RawAttribution

#: A quotation shorter than this many words, inside a sentence, is read as a scare quote
#: or a title ("a 'buffer zone'") unless a reporting verb governs it.
MIN_QUOTE_WORDS = 4


#: How many tokens after a closing quotation mark a cue may start ("', said X").
MAX_CUE_GAP_AFTER = 4


#: How far a cue may follow at most, when every word before it is its subject: a name
#: with a long title ('", Jane Roe, director of the ... and a professor at ..., said').
MAX_CUE_GAP_AFTER_SUBJECT = 40


#: How many tokens before an opening quotation mark a cue may end ("X said: '").
MAX_CUE_GAP_BEFORE = 3


#: How a quotation's words may hang on the verb that reports them.
GOVERNED_DEPS = {"ccomp", "parataxis", "dobj", "xcomp", "csubj", "advcl", "conj", "ROOT"}


_quote_tokens = token_range


def is_standalone_quote(doc: Doc, quote: dict, min_words: int) -> bool:
    """A quotation long enough to be someone's words rather than a scare quote or title."""
    start, end = _quote_tokens(doc, quote)
    words = word_count(doc, start, end)
    if words >= min_words:
        return True
    # A short quote that is a whole sentence on its own ("'Never.'") still counts.
    return words >= 1 and starts_sentence(doc, start)


def starts_sentence(doc: Doc, start: int) -> bool:
    """Token ``start`` opens a sentence: it follows a sentence end, a paragraph break or
    a quotation that closed a sentence ('"Yes." "You sure?" she asked')."""
    i = start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 0 or "\n" in doc[i + 1 : start].text or "\n" in doc[i].whitespace_:
        return True
    previous = doc[i]
    if previous.is_quote and i > 0:
        previous = doc[i - 1]  # a closing mark: look at what it closes
    return previous.text[-1] in ".!?"


#: Marks a quotation that is only part of what a verb reports (a mixed quote).
PART_OF_REPORTED_SPEECH = RawAttribution("mixed", (0, 0))


def direct_attribution(
    doc: Doc, index: QuoteIndex, qid: int, quote: dict, min_words: int
) -> RawAttribution | None:
    """The attribution of quotation ``qid``; None when it has no cue of its own (it may
    float), ``PART_OF_REPORTED_SPEECH`` when it is part of a paraphrase (mixed)."""
    q_start, q_end = _quote_tokens(doc, quote)
    if q_end <= q_start:
        return None
    interrupting = interrupting_cue(doc, index, qid)
    if interrupting is not None:
        # '"The council," she said, sighing, "has failed."': both halves take the cue
        # between them and are joined afterwards (join_halves).
        return _attributed(doc, index, qid, quote, interrupting, q_end)
    verb = _governing_verb(doc, index, qid, q_start, q_end)
    if verb is not None and verb.i < q_start:
        verb = _nearer_cue_before(doc, index, verb.i, q_start) or verb
    if verb is None:
        verb = _adjacent_verb(doc, index, q_start, q_end)
    if verb is None:
        return dash_signature(doc, qid, quote, q_end)
    if verb.i >= q_end and continues_a_list(index, qid):
        # 'went on about "A," and "B," Lee said yes': the last of a list of quotations
        # belongs with the first, not to the clause after it
        return PART_OF_REPORTED_SPEECH
    if _names_a_work(doc, index, quote, q_start, q_end):
        return None
    if not is_standalone_quote(doc, quote, min_words) and not _spoken_sentence(
        doc, verb, q_start, q_end
    ):
        return None  # a scare quote or a title: the reported-speech pass may take it as mixed
    if _paraphrase_around(doc, verb, q_start, q_end):
        return PART_OF_REPORTED_SPEECH
    attribution = _attributed(doc, index, qid, quote, verb, q_end)
    fronted = fronted_clause(doc, index, quote, verb, q_start)
    if fronted is not None:
        attribution.kind = "mixed"
        attribution.content = (doc[fronted].idx, quote["end"])
    return attribution


def _attributed(
    doc: Doc, index: QuoteIndex, qid: int, quote: dict, verb: Token, q_end: int
) -> RawAttribution:
    """Quotation ``qid`` attributed through ``verb`` to the speaker it names."""
    cue = cue_tokens(verb)
    attribution = RawAttribution(
        kind="direct",
        content=(quote["start"], quote["end"]),
        cue=(cue[0].idx, cue[-1].idx + len(cue[-1])),
        cue_head=verb.idx,
        quote_ids=[qid],
    )
    speaker = speaker_of(doc, index, verb, q_end)
    if speaker is not None:
        attribution.source_head = speaker[0].idx
        attribution.source = speaker[1]
    return attribution


def _names_a_work(doc: Doc, index: QuoteIndex, quote: dict, q_start: int, q_end: int) -> bool:
    """A title inside a noun phrase, not words anyone said: 'On Tuesday's episode of "The
    Morning Show," the nominee said ...'."""
    if not looks_like_title(quote_text(index.text, quote)):
        return False
    heads = [
        t for t in doc[q_start:q_end]
        if not (t.is_punct or t.is_space) and not (q_start <= t.head.i < q_end)
    ]
    return len(heads) == 1 and heads[0].dep_ in {"pobj", "compound", "poss"}


def _spoken_sentence(doc: Doc, verb: Token, q_start: int, q_end: int) -> bool:
    """A short quote that is a whole utterance the verb reports: 'chanted "What
    curfew?"', 'she said, "Never."' (a sentence mark inside the quote, object of the
    verb)."""
    inner = [t for t in doc[q_start:q_end] if not (t.is_quote or t.is_space)]
    if not inner or inner[-1].text not in {"?", "!", "."}:
        return False
    return any(t.head == verb and t.dep_ in {"dobj", "ccomp", "npadvmod"} for t in inner) or any(
        t.i < q_start and t.text in {",", ":"} for t in doc[verb.i + 1 : q_start]
    )


def _paraphrase_around(doc: Doc, verb: Token, q_start: int, q_end: int) -> bool:
    """What the verb reports holds the quote and several words of paraphrase besides:
    'said that the campaign was "taking a close look" at provisions' and 'praised the mayor
    for "bold new ideas"' are mixed quotes."""
    content = reported_content(verb)
    if content is None:
        return False
    start, end = content
    # The quote's words, not its marks or final punctuation, which the parser often
    # hangs on the reporting verb.
    words = [t.i for t in doc[q_start:q_end] if not (t.is_punct or t.is_space)]
    if not words or not (start <= words[0] and words[-1] < end):
        return False
    outside = [
        t for t in doc[start:end]
        if not (q_start <= t.i < q_end) and (t.is_alpha or t.like_num) and t.lower_ != "that"
    ]
    return len(outside) >= 3


def _governing_verb(
    doc: Doc, index: QuoteIndex, qid: int, q_start: int, q_end: int
) -> Token | None:
    """A reporting verb outside the quote that a token inside it depends on."""
    for token in doc[q_start:q_end]:
        head = token.head
        if token.dep_ not in GOVERNED_DEPS:
            continue
        if head.i < q_start or head.i >= q_end:
            if is_reporting_verb(head) and index.inside(head) is None:
                if _within_reach(doc, head, q_start, q_end):
                    return head
    return None


#: How many tokens a nearer reporting verb may stand before the quote it takes over.
MAX_NEARER_CUE_GAP = 10


def _nearer_cue_before(doc: Doc, index: QuoteIndex, after: int, q_start: int) -> Token | None:
    """A reporting verb with a speaker of its own shortly before the quote and after token
    ``after`` (the verb that governs the quote): in 'the ad ends with footage of Lee
    saying at the debate, "..."' the parser hangs the quote on "ends", but Lee is the one
    saying it."""
    for i in range(q_start - 1, max(after, q_start - 1 - MAX_NEARER_CUE_GAP), -1):
        token = doc[i]
        if token.text in {".", "!", "?"} or index.inside(token) is not None:
            return None
        if is_reporting_verb(token) and token.pos_ == "VERB":
            if token.dep_ == "relcl" or any(q_start <= a.i for a in token.ancestors):
                # "anybody who complains about it "is not having a good night"": a verb
                # inside the quoted clause's own subject
                return None
            subject = next(
                (c for c in token.children if c.dep_ in NOMINAL_SUBJECTS), None
            )
            if subject is None and token.dep_ == "acl" and token.tag_ == "VBG":
                subject = token.head  # "footage of [Lee] saying ..."
            if subject is not None and after < subject.i < token.i:
                return token
            return None
    return None


def _within_reach(doc: Doc, verb: Token, q_start: int, q_end: int) -> bool:
    """The verb is in the sentence right around the quote, not clauses away, and not in a
    clause of its own after it ('"...," when her rival said')."""
    if verb.i >= q_end:
        between = doc[q_end : verb.i]
        first = next((t for t in between if not (t.is_punct or t.is_space)), None)
        if first is not None and (first.pos_ in CONJUNCTION_POS or first.tag_ == "WRB"):
            return False
    else:
        between = doc[verb.i + 1 : q_start]
    return len(between) <= 12 and not any(t.text in {".", "!", "?"} for t in between)


def _adjacent_verb(doc: Doc, index: QuoteIndex, q_start: int, q_end: int) -> Token | None:
    """A reporting verb right after the quote ("', said X") or right before it ("X said: '")."""
    if _cue_may_follow(doc, q_start, q_end):
        gap = 0
        i = q_end
        while i < len(doc) and gap <= MAX_CUE_GAP_AFTER_SUBJECT:
            token = doc[i]
            if _stops_search(token, index) and not is_nickname(doc, index, token):
                break
            if gap == 0 and (token.pos_ in CONJUNCTION_POS or token.tag_ == "WRB"):
                # '"...," but he said ...', '"...," when her rival said ...': a new
                # clause, not this quote's cue
                break
            if is_reporting_verb(token) and token.pos_ == "VERB":
                subject = speaker_after_quote(token, q_end)
                # '"...," the ISW said' / '"...," said X': the speaker follows the quote,
                # and a long name between quote and verb must be that speaker's.
                if subject is not None and subject.i >= q_end and (
                    gap <= MAX_CUE_GAP_AFTER or only_subject_between(doc, q_end, token)
                ):
                    return token
                if (subject is None or subject.i < q_end) and speaker_between(
                    doc, index, q_end, token
                ):
                    return token  # the parser missed the name between quote and verb
                if gap <= MAX_CUE_GAP_AFTER:
                    return None
                # a verb inside the speaker's description ("X, who has argued for
                # years that ..., said"): the cue may still come
            if not token.is_punct:
                gap += 1
            i += 1
    if _cue_may_precede(doc, q_start):
        gap = 0
        i = q_start - 1
        while i >= 0 and gap <= MAX_CUE_GAP_BEFORE:
            token = doc[i]
            if _stops_search(token, index):
                break
            if (is_reporting_verb(token) and token.pos_ == "VERB") or inverted_cue(token):
                return token
            if not token.is_punct:
                gap += 1
            i -= 1
    return _introduced_by_colon(doc, index, q_start)


def _introduced_by_colon(doc: Doc, index: QuoteIndex, q_start: int) -> Token | None:
    """A sentence that ends "X said:", "The Times reports:" or "X made the following
    comment:" introduces the quotation after it, in the same paragraph or opening the
    next one."""
    previous = next((t for t in reversed(doc[:q_start]) if not t.is_space), None)
    if previous is None or previous.text != ":" or index.inside(previous) is not None:
        return None
    return colon_cue(previous)


def _stops_search(token: Token, index: QuoteIndex) -> bool:
    return token.text in {".", "!", "?"} or "\n" in token.text or index.inside(token) is not None


def _cue_may_follow(doc: Doc, q_start: int, q_end: int) -> bool:
    """News puts the cue after a quote that ends in a comma ('...,' he said), or in ! or ?
    followed by a lower-case word ('...?' she asked); not after a closed sentence."""
    inner = [t for t in doc[q_start:q_end] if not (t.is_quote or t.is_space)]
    following = next((t for t in doc[q_end:] if not t.is_space), None)
    if not inner or following is None:
        return False
    last = inner[-1].text
    if last == ",":
        return True
    if last in {"!", "?"}:
        # '"Why now?" Smith asked.' as well as '"...?" she asked': the verb search that
        # follows still needs a reporting verb whose subject comes after the quote.
        return True
    if last in {"—", "–", "-", "..."}:
        return following.is_lower or following.text == ","
    if last == ".":
        return False
    # '...', the ISW said  (the comma outside the marks)
    return following.text == ","


def _cue_may_precede(doc: Doc, q_start: int) -> bool:
    """A cue may stand just before a quote introduced by ':' or ',' or by the verb itself."""
    previous = next((t for t in reversed(doc[:q_start]) if not t.is_space), None)
    if previous is None:
        return False
    return previous.text in {":", ","} or is_reporting_verb(previous)


def join_halves(
    text: str, found: list[RawAttribution], doc: Doc | None = None
) -> list[RawAttribution]:
    """'"On this basis," the analyst said, "unemployment is higher."': both halves took
    the one cue between them; they are one attribution."""
    joined: list[RawAttribution] = []
    for attribution in found:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and attribution.cue_head is not None
            and previous.cue_head == attribution.cue_head
            and continues_quote(
                text,
                previous,
                {"start": attribution.content[0], "end": attribution.content[1]},
                doc,
            )
        ):
            previous.content = (previous.content[0], attribution.content[1])
            previous.quote_ids.extend(attribution.quote_ids)
            continue
        joined.append(attribution)
    return joined
