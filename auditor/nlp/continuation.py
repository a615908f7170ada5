"""A quoted passage that goes on with the attribution before it: one speaker's quote
resumed after its cue ('"We lost," said Ana Ruiz, the coach. "We will be back."').

Schema auditor/2 gives such an attribution one content whose extent runs from the first
passage to the last, and whose parts are the passages without the frame between them
(:mod:`auditor.nlp.parts`). A passage is joined only when the text between holds nothing
but that attribution's own frame (its cue, its source, an aside of the same speaker):
a quotation with no findable speaker stays its own attribution, never silently merged.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from auditor.nlp.content_verbs import is_content_verb
from auditor.nlp.parts import content_parts
from auditor.nlp.raw import RawAttribution
from auditor.text import title_abbreviations

#: Most characters of frame between two passages of one quote.
MAX_FRAME = 250
#: Kinds of attribution a quotation may go on with whatever their cue's place.
QUOTE_KINDS = {"direct", "floating"}
#: What comes right before a claim that opens its sentence (nothing: the text's start).
SENTENCE_OPENERS = {"", ".", "!", "?", "\n", '"', "\u201d"}
#: Where a sentence ends, so that what follows opens a sentence of its own.
SENTENCE_ENDS = (".", "!", "?", ".\u201d", '."', "!\u201d", "?\u201d")


def continues_quote(
    text: str, previous: RawAttribution, quote: dict, doc: Doc | None = None
) -> bool:
    """The quote goes on with the previous attribution: same paragraph, and nothing but
    that attribution's own cue and source in between.

    The previous attribution is a direct quote ('"A," she said. "B."'), or any content
    its cue follows ('Turnout will fall, Lee said. "People are tired."'): the cue between
    the two passages frames both. A content is one stretch of text, so joining the halves
    takes in the cue and source between them. When those are longer than the quoted
    words ('"A," said X, a lawyer who ... . "B."'), the halves stay two attributions, the
    second inheriting the speaker.
    """
    if previous.content[1] > quote["start"] or not _frames_what_follows(previous, doc):
        return False
    between = text[previous.content[1] : quote["start"]]
    if "\n" in between or len(between) > MAX_FRAME:
        return False
    quoted = (previous.content[1] - previous.content[0]) + (quote["end"] - quote["start"])
    if len(between.strip()) > quoted:
        return False
    if not between.strip(" ,.:;"):
        return previous.kind in QUOTE_KINDS
    if _more_than_one_sentence(between):
        return False  # '"A," she said. He left. "B."': the narrator spoke in between
    marks = [previous.cue, previous.source]
    if doc is not None and _second_act(
        doc,
        previous.content[1],
        quote["start"],
        previous,
        closed=between.rstrip().endswith(SENTENCE_ENDS),
    ):
        return False
    return any(m is not None and previous.content[1] <= m[0] < quote["start"] for m in marks)


def _frames_what_follows(previous: RawAttribution, doc: Doc | None) -> bool:
    """A direct quote, or a sentence-long claim its cue follows ('Turnout will fall, Lee
    said.'). Not a content its cue comes before ('Lee said that X.': the cue frames X,
    not the next quote), nor one that does not open its sentence or holds a cue of its
    own before any quotation ('Lee scolded him: "A," she said.': the second cue goes
    with what follows)."""
    if previous.kind in QUOTE_KINDS:
        return True
    if previous.cue is None or previous.cue[0] < previous.content[1] or doc is None:
        return False
    span = doc.char_span(*previous.content, alignment_mode="expand")
    opening = doc.text[: previous.content[0]].rstrip(" \t")[-1:]
    if span is None or span.start != span.sent.start or opening not in SENTENCE_OPENERS:
        return False
    for token in span:
        if token.is_quote:
            return True
        if is_content_verb(token):
            return False
    return True


def framing_attribution(
    doc: Doc, aside: RawAttribution, by_cue: dict[int, RawAttribution]
) -> RawAttribution | None:
    """The attribution whose frame holds ``aside``: in '"A," said Lee, speaking of the
    vote.', the attribution of "speaking of" hangs on "said", whose quote comes before.
    ``by_cue`` maps cue-head offsets to attributions. None when ``aside`` stands alone."""
    if aside.cue_head is None:
        return None
    span = doc.char_span(aside.cue_head, aside.cue_head + 1, alignment_mode="expand")
    if span is None:
        return None
    token: Token = span[0]
    for _ in range(3):
        if token.dep_ not in {"advcl", "xcomp", "conj", "prep", "pcomp", "relcl", "acl"}:
            return None
        token = token.head
        framing = by_cue.get(token.idx)
        if framing is not None and framing is not aside:
            # only a quotation resumes past an aside of its own ('"A," she said, citing
            # the law. "B."'); after a reported claim the narrator has moved on
            before = framing.content[1] <= aside.content[0] and framing.kind in QUOTE_KINDS
            return framing if before and framing.source is not None else None
    return None


def join_passage(
    text: str,
    previous: RawAttribution,
    quote: dict,
    qid: int,
    quoted: list[tuple[int, int]],
) -> None:
    """Make ``quote`` the last passage of ``previous``: its parts are the passages it had
    and the quote. They are recorded now, so that the attributions of asides in the frame
    between passages ('said Lee, speaking of the vote') are known to sit outside the
    speaker's words."""
    parts = previous.parts
    if parts is None:
        frames = [previous.cue, previous.source, previous.via]
        parts = content_parts(text, previous.content, frames, quoted)
    previous.content = (previous.content[0], quote["end"])
    previous.quote_ids.append(qid)
    previous.parts = [*parts, (quote["start"], quote["end"])]


def _second_act(
    doc: Doc, start: int, end: int, previous: RawAttribution, *, closed: bool = False
) -> bool:
    """Between the two quotes, besides the cue, a participle of saying introduces the
    second one: '"A," Lee said, suggesting a few questions, including: "B?"', '"A," Lee
    said, going on to contrast the plans. "B."'. Not a bare participle of manner: in
    '"A," she said, sighing, "B."' both halves are one quote. When a sentence end
    (``closed``) parts the participle from the second quote, only "going on to" a verb
    of saying announces it; '"A," said Lee, speaking of the vote. "B."' goes on with A."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return False
    return any(
        t.idx != previous.cue_head
        and is_content_verb(t)
        # "suggesting ...", "going on to say ..."
        and ((t.tag_ == "VBG" and not closed) or (t.dep_ == "xcomp" and t.head.tag_ == "VBG"))
        # with words of its own: a bare "sighing" or "pausing" is the manner of the cue
        and any(not c.is_punct and t.i < c.i < span.end for c in t.children)
        for t in span
    )


def _more_than_one_sentence(between: str) -> bool:
    """Words follow a sentence end: the text between two quotes holds a sentence of its
    own besides the cue ('," Okafor said. He did not say more. "')."""
    words = between.split()
    for i, word in enumerate(words[:-1]):
        if word[-1:] not in {".", "!", "?"}:
            continue
        if word.strip(",;:'\"”’") in title_abbreviations() or re.fullmatch(r"(?:[A-Z]\.)+", word):
            continue  # "Mr.", "Sen.", "D.C.", initials: no sentence ends there
        if words[i + 1][:1].isupper():
            return True
    return False
