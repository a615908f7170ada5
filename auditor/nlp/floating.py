"""Quotations with no cue of their own: a quoted sentence goes on with, or inherits the
speaker of, the attribution just before it in the same or the previous paragraph."""

from __future__ import annotations

import bisect
import heapq
import re

from spacy.tokens import Doc, Token

from auditor.lexicon import load_lexicon
from auditor.nlp.content_verbs import is_content_verb
from auditor.nlp.continuation import continues_quote, framing_attribution, join_passage
from auditor.nlp.doctext import doc_text
from auditor.nlp.labels import NOMINAL_SUBJECTS
from auditor.nlp.pronouns import PERSONAL_SUBJECTS
from auditor.nlp.quote_shapes import looks_like_title
from auditor.nlp.raw import RawAttribution
from auditor.nlp.verb_subjects import subject_bounds


class _Preceding:
    """The attribution whose content starts last among those that end by an offset (the
    latest added among equal starts), for offsets asked in increasing order.

    Contents not yet ended wait in a heap by end; ended ones move to a heap by start. A
    content that grows past the offset (a quote joined to it) goes back to wait, so each
    query costs a few heap steps instead of a sort of every attribution.
    """

    def __init__(self, attributions: list[RawAttribution]) -> None:
        self.items = list(attributions)
        self._waiting = [(a.content[1], pos) for pos, a in enumerate(self.items)]
        heapq.heapify(self._waiting)
        self._ended: list[tuple[int, int]] = []  # (-start, -position): latest first

    def add(self, attribution: RawAttribution) -> None:
        heapq.heappush(self._waiting, (attribution.content[1], len(self.items)))
        self.items.append(attribution)

    def before(self, offset: int) -> RawAttribution | None:
        waiting, ended = self._waiting, self._ended
        while waiting and waiting[0][0] <= offset:
            end, pos = heapq.heappop(waiting)
            content = self.items[pos].content
            if content[1] != end:  # grew while waiting
                heapq.heappush(waiting, (content[1], pos))
            else:
                heapq.heappush(ended, (-content[0], -pos))
        while ended:
            pos = -ended[0][1]
            content = self.items[pos].content
            if content[1] <= offset:
                return self.items[pos]
            heapq.heappop(ended)  # grew past the offset: wait again
            heapq.heappush(waiting, (content[1], pos))
        return None


def _paragraph_of(newlines: list[int], offset: int) -> int:
    """How many newlines come before ``offset``."""
    return bisect.bisect_left(newlines, offset)


def attach_floating(
    doc: Doc, quotes: list[dict], pending: list[int], found: list[RawAttribution]
) -> list[RawAttribution]:
    """Give each cue-less quotation the speaker of the attribution just before it, or
    join it to that attribution when it goes on with its quote (see
    :mod:`auditor.nlp.continuation`)."""
    text = doc_text(doc)
    newlines = [m.start() for m in re.finditer("\n", text)]
    result = _Preceding(found)
    by_cue = {a.cue_head: a for a in found if a.cue_head is not None}
    quoted = sorted((q["start"], q["end"]) for q in quotes)
    for qid in pending:
        quote = quotes[qid]
        # The closest attribution before the quote speaks on, if it named anyone.
        previous = result.before(quote["start"])
        if previous is not None and previous.source is None:
            previous = None
        if previous is not None:
            # '"A," said Lee, speaking of the vote. "B."': the aside's attribution comes
            # last, but the quote goes on with the one it is the aside of.
            framing = framing_attribution(doc, previous, by_cue)
            if framing is not None and continues_quote(text, framing, quote, doc):
                previous = framing
        if previous is not None and continues_quote(text, previous, quote, doc):
            # '"A," she said. "B."' and '"Every time," he said, "you lose."' are one
            # attribution whose words run on past the cue.
            join_passage(text, previous, quote, qid, quoted)
            continue
        if not _starts_sentence(text, quote) or _goes_on_after(text, quote):
            # A phrase quoted inside a sentence: the speaker of that sentence's attribution
            # says it ("She added that ..., because, "..."" ); with none, nobody is said to
            # say it: keep it, but do not hand it the last speaker's name.
            if previous is not None and _goes_on_in_sentence(doc, text, previous, quote):
                previous.content = (previous.content[0], quote["end"])
                previous.quote_ids.append(qid)
                if previous.kind == "indirect":
                    previous.kind = "mixed"
                continue
            result.add(RawAttribution("direct", (quote["start"], quote["end"]), quote_ids=[qid]))
            continue
        attribution = RawAttribution(
            kind="direct", content=(quote["start"], quote["end"]), quote_ids=[qid]
        )
        subject = dash_inserted_speaker(doc, quote["start"]) or sentence_subject_before(
            doc, quote["start"], previous
        )
        if subject is not None:
            # "The 52-year-old did not hold back. "We were misled."": the person the
            # sentence before is about says it, not an earlier speaker.
            attribution.kind = "floating"
            verb = subject.head if subject.head.i > subject.i else None
            attribution.source = subject_bounds(subject, verb)
            attribution.source_head = subject.idx
        elif previous is not None:
            gap_paragraphs = _paragraph_of(newlines, quote["start"]) - _paragraph_of(
                newlines, previous.content[1]
            )
            # Blank lines count as paragraph separators of their own in the view.
            between = text[previous.content[1] : quote["start"]]
            paragraphs_between = sum(1 for part in between.split("\n")[1:-1] if part.strip())
            if gap_paragraphs == 0 or paragraphs_between == 0:
                attribution.kind = "floating"
                attribution.source = previous.source
                attribution.source_head = previous.source_head
                attribution.inherited_from = previous.content[0]
        result.add(attribution)
    return result.items


#: Pronouns that stand for a person or group who may go on to speak.
SPEAKER_PRONOUNS = PERSONAL_SUBJECTS


def sentence_subject_before(
    doc: Doc, start: int, previous: RawAttribution | None
) -> Token | None:
    """The subject of the sentence right before a quotation starting at ``start``, in
    the same paragraph, when that sentence has no attribution of its own and its subject
    is a person or body (a name, a person pronoun, a person noun): the quotation is that
    speaker's ("Blake disagreed. "The council knew for years.""). None otherwise."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return None
    last = doc[span.start - 1]
    if last.is_space or "\n" in last.whitespace_:
        return None  # the quotation opens its paragraph
    closed = last.text[-1:] in {".", "!", "?"} or (
        last.is_quote and span.start > 1 and doc[span.start - 2].text[-1:] in {".", "!", "?"}
    )
    if not closed:
        return None  # "... this finding: "...": no sentence of its own before the quote
    sentence = last.sent
    if previous is not None and previous.content[1] > sentence.start_char:
        return None  # the sentence has an attribution: its speaker goes on (see above)
    subject = next(
        (c for c in sentence.root.children if c.dep_ in NOMINAL_SUBJECTS), None
    )
    return subject if subject is not None and _names_a_speaker(subject) else None


DASHES = {"-", "--", "—", "–"}


def dash_inserted_speaker(doc: Doc, start: int) -> Token | None:
    """A quotation set into a sentence between dashes: 'the candidate Ana Ruiz --
    "..." -- and ...' is the named person's; 'treating the remark as a compliment --
    "..." --' is the sentence subject's. None when no dash comes right before."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or span.start < 2:
        return None
    dash = doc[span.start - 1]
    if dash.text not in DASHES or "\n" in dash.whitespace_:
        return None
    before = doc[span.start - 2]
    if before.is_punct or before.is_space:
        return None
    if before.pos_ == "PROPN" and _names_a_speaker(before):
        return before
    root = before.sent.root
    subject = next((c for c in root.children if c.dep_ in NOMINAL_SUBJECTS), None)
    if subject is not None and subject.i < dash.i and _names_a_speaker(subject):
        return subject
    return None


def _names_a_speaker(token: Token) -> bool:
    """A person or a body, not a thing: "Blake", "she", "the mayor", "the 52-year-old"."""
    if token.pos_ == "PROPN":
        return token.ent_type_ in {"", "PERSON", "ORG", "NORP"}
    if token.pos_ == "PRON":
        return token.lower_ in SPEAKER_PRONOUNS
    if token.lower_ == "old" and any(c.lower_ == "year" for c in token.children):
        return True  # "the 52-year-old"
    lemma = token.lemma_.lower()
    return lemma in load_lexicon("speaker_nouns") or lemma in load_lexicon("person_titles")


#: Most characters of the reporter's words between a reported clause and a quotation
#: that carries it on in the same sentence.
MAX_SENTENCE_GAP = 100


def _goes_on_in_sentence(
    doc: Doc, text: str, previous: RawAttribution, quote: dict
) -> bool:
    """The quotation carries on, in the same sentence, what ``previous`` reports ("She
    added that turnout was low, which hurts because, "In the end, ..."", the quoted words
    are hers): its cue is in that sentence and no other verb of saying stands between."""
    if previous.cue is None or previous.content[1] > quote["start"]:
        return False
    if quote["start"] - previous.content[1] > MAX_SENTENCE_GAP:
        return False
    span = doc.char_span(quote["start"], quote["start"] + 1, alignment_mode="expand")
    if span is None:
        return False
    sentence = span[0].sent
    if not sentence.start_char <= previous.cue[0] < quote["start"]:
        return False
    between = doc.char_span(previous.content[1], quote["start"], alignment_mode="contract")
    return between is None or not any(is_content_verb(t) for t in between)


def _goes_on_after(text: str, quote: dict) -> bool:
    """The quotation is a title the sentence goes on after ('"Songs of the Long River" was
    written by ...'), not words anyone is quoted as saying."""
    inner = text[quote["start"] : quote["end"]].rstrip(" \"'”’»")
    if inner[-1:] in {".", "!", "?", ",", "…", "—", "-"} or not looks_like_title(inner):
        return False
    after = text[quote["end"] : quote["end"] + 2].lstrip(" ")
    return after[:1].islower()


def _starts_sentence(text: str, quote: dict) -> bool:
    i = quote["start"]
    while i > 0 and text[i - 1] in " \t":  # no copy of all the text before
        i -= 1
    return i == 0 or text[i - 1] in ".!?:\n\"”’'»—―-"
