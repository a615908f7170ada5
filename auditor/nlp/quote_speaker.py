"""Who speaks a direct quotation through its cue verb: the verb's subject, unless the
parser made a word of the quotation its subject; the words between the quotation and the
verb; a name after the verb; for a participle of saying, the main clause's subject."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from auditor.nlp.labels import NOMINAL_SUBJECTS, VERBAL_POS
from auditor.nlp.quote_frames import speaker_after_cue, speaker_between
from auditor.nlp.raw import QuoteIndex
from auditor.nlp.verb_subjects import subject_bounds, subject_of


def speaker_of(
    doc: Doc, index: QuoteIndex, verb: Token, q_end: int
) -> tuple[Token, tuple[int, int]] | None:
    """Who speaks through ``verb``: its subject, unless that is a word of a quotation
    (the parser hangs quoted words on the cue), then the words between the quotation and
    the verb, then a name right after the verb."""
    subject = _shown_speaker(verb) or subject_of(past_relative_clauses(verb))
    if subject is None and verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        # "X sings to the crowd before asking them, "..."": who does the main verb asks
        subject = subject_of(verb.head.head)
    if subject is not None and index.inside(subject) is not None:
        subject = speaker_after_quote(verb, q_end)
    if subject is not None and index.inside(subject) is None:
        return subject, subject_bounds(subject, verb)
    return speaker_between(doc, index, q_end, verb) or speaker_after_cue(doc, index, verb)


def past_relative_clauses(verb: Token) -> Token:
    """For a participle of saying set off by a comma with no subject of its own, the
    verb of the sentence's main clause, whatever clause the parser hung it on: in
    "protesters marched around the stadium - where the team played - while chanting,
    "..."" the chanting is the protesters', and in "Lee was defensive when pressed about a
    builder who said he was cheated, saying, "..."" the saying is Lee's."""
    if verb.tag_ != "VBG" or any(c.dep_ in NOMINAL_SUBJECTS for c in verb.children):
        return verb
    doc = verb.doc
    previous = doc[verb.i - 1] if verb.i > 0 else None
    if previous is not None and previous.lower_ in {"while", "when", "after", "before"}:
        previous = doc[verb.i - 2] if verb.i > 1 else None
    root = verb.sent.root
    if previous is None or previous.text not in {",", "-", "—", "–"}:
        return verb
    if root is verb or root.pos_ not in VERBAL_POS:
        return verb
    return root


def speaker_after_quote(verb: Token, q_end: int) -> Token | None:
    """The verb's subject after the quote: '"The pumps held," said Mr. Hale' where the
    parser also took "pumps" inside the quote for a subject."""
    after = [c for c in verb.children if c.dep_ in NOMINAL_SUBJECTS and c.i >= q_end]
    return after[0] if after else subject_of(verb)


def only_subject_between(doc: Doc, q_end: int, verb: Token) -> bool:
    """Every word between the quote and the verb belongs to the verb's subject or its
    auxiliaries: '"...," Dale County police Chief Ann Boyd said'. The subject is the one
    after the quote: the parser may also hang a word of the quote on the verb."""
    subject = speaker_after_quote(verb, q_end)
    if subject is None or subject.i < q_end:
        return False
    left, right = subject.left_edge.i, subject.right_edge.i
    return all(
        t.is_punct or t.is_space or left <= t.i <= right or t.head == verb
        for t in doc[q_end : verb.i]
    )


def _shown_speaker(verb: Token) -> Token | None:
    """The person a recording shows speaking: in "the ad uses footage of Ana Ruiz saying,
    "..."" the parser hangs the participle on "footage" or on "uses", but Ana Ruiz says
    it."""
    if verb.tag_ != "VBG" or verb.i == 0:
        return None
    if any(c.dep_ in NOMINAL_SUBJECTS for c in verb.children):
        return None
    person = verb.doc[verb.i - 1]
    if person.pos_ not in {"PROPN", "PRON"} or person.dep_ != "pobj":
        return None
    return person if person.head.lower_ == "of" and person.head.head.pos_ == "NOUN" else None
