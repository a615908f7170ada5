"""Who speaks through a participle or gerund that has no subject of its own.

:func:`auditor.nlp.verb_subjects.subject_of` climbs from such a verb to the verb it hangs on; these
helpers answer where the parse alone misleads it:

- an absolute phrase: "The plan drew praise, with Denis Marchetti, the head of the union,
  declaring that ...": the object of "with" is the one declaring. Only a "with" that
  opens its phrase (after a comma, a dash, a conjunction or at the start of the sentence)
  makes one: in "filed a complaint Monday with the ethics board, claiming that ..." the
  one claiming is the subject of "filed". A relative clause set into the phrase ("with
  Ana Ruiz - who has called for new taxes - lambasting the plan") does not hide its noun;
- a gerund of manner or time ("left after announcing", "aside from saying"), after an
  adjective ("donors intent on deciding"), after a speech frame ('...," Lee said, going
  on to say'), on an occasion of speech ("spoke at a news conference announcing");
- a main verb the parser read as a participle ("[One of the nurses] who sent the letter
  called ...").
"""

from __future__ import annotations

from spacy.tokens import Token

from auditor.lexicon import load_lexicon
from auditor.nlp.labels import NOUN_OR_NUMBER_POS, NOUN_POS, PAST_VERB_TAGS, VERBAL_POS
from auditor.nlp.speaking import can_speak

#: Words after which "with" opens an absolute phrase.
_OPENERS = {",", "—", "–", "--", "-", "(", ";", "and", "but"}
#: How many heads to climb from the word before the participle to the object of "with".
_MAX_CLIMB = 8


def absolute_subject(verb: Token) -> Token | None:
    """The object of an absolute "with" right before the participle ``verb`` ("with
    [Denis Marchetti], the head of the union, declaring"), or None."""
    if verb.tag_ != "VBG":
        return None
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and doc[i].is_punct:
        i -= 1
    if i < 0:
        return None
    candidate = doc[i]
    for _ in range(_MAX_CLIMB):
        if candidate.dep_ == "pobj" and candidate.head.lower_ == "with":
            return candidate if _opens_phrase(candidate.head) else None
        if candidate.head.i == candidate.i or candidate.head.i >= verb.i:
            return None
        candidate = candidate.head
    return None


def _opens_phrase(preposition: Token) -> bool:
    """"with" starts the sentence or follows a comma, dash or conjunction."""
    if preposition.i == preposition.sent.start:
        return True
    return preposition.doc[preposition.i - 1].lower_ in _OPENERS


def subject_of_misread_main_verb(verb: Token) -> Token | None:
    """"[One of the doctors] who signed the letter called him a fraud": the parser read the
    main verb as a participle on the noun before it ("the letter called ...") and left the
    sentence with a noun for its root. A past form with no passive auxiliary or agent, in
    a sentence whose root is that noun before it, is the main verb, and the root its
    subject; None for a real participle ("the letter, signed by ...") in a full sentence."""
    if verb.dep_ != "acl" or verb.tag_ not in PAST_VERB_TAGS:
        return None
    if any(c.dep_ in {"agent", "auxpass", "nsubj", "nsubjpass"} for c in verb.children):
        return None
    root = verb.sent.root
    if root.pos_ not in NOUN_OR_NUMBER_POS or root.i >= verb.i:
        return None
    return root


def manner_gerund_host(gerund: Token, prepositions: set[str]) -> Token | None:
    """The verb a gerund in a phrase of manner or time hangs on ("left after
    [announcing]", "answered by [saying]"), also through the adverb the parser may put
    between them ("refused to discuss it, aside from [saying] ..."); None for another
    word. ``prepositions`` are the ones that open such a phrase."""
    if gerund.dep_ != "pcomp" or gerund.tag_ != "VBG":
        return None
    preposition = gerund.head
    if preposition.dep_ != "prep" or preposition.lower_ not in prepositions:
        return None
    host = preposition.head
    if host.pos_ == "ADV" and host.dep_ == "advmod":
        host = host.head  # "aside from", "apart from"
    return host if host.pos_ in VERBAL_POS else None


def adjective_holder(gerund: Token) -> Token | None:
    """Who a gerund after an adjective of will or readiness belongs to ("donors [intent]
    on deciding who wins", "Lee was [eager] about showing ..."): the noun phrase the
    adjective follows ("[a group] of donors intent on"), or the verb it completes (whose
    subject is then found as usual); None when the gerund is not in such a phrase."""
    if gerund.dep_ != "pcomp" or gerund.tag_ != "VBG" or gerund.head.dep_ != "prep":
        return None
    adjective = gerund.head.head
    if adjective.pos_ != "ADJ" or adjective.i >= gerund.i:
        return None
    if adjective.dep_ == "acomp":
        return adjective.head  # "was intent on proving": the verb's subject proves
    before = adjective.doc[adjective.left_edge.i - 1] if adjective.left_edge.i > 0 else None
    if before is None or before.pos_ not in NOUN_POS:
        return None
    while before.dep_ == "pobj" and before.head.lower_ == "of" and before.head.head.pos_ in {
        "NOUN", "PROPN", "NUM", "PRON"
    }:
        before = before.head.head  # "[a group] of donors intent on": the group
    return before


def frame_subject(verb: Token) -> Token | None:
    """'"...," Lee said, going on to say that ...': a participle right after a speech frame
    set into the sentence goes on with the frame's speaker. The parser often makes the
    frame a parenthetical (``parataxis``) and hangs the participle on the quoted clause,
    whose subject is someone else; None when no such frame comes right before ``verb``."""
    if verb.tag_ != "VBG" or verb.dep_ != "advcl":
        return None
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and doc[i].is_punct:
        i -= 1
    if i < 0 or i == verb.i - 1:
        return None  # the frame is set off by a comma
    frame = doc[i]
    if frame.dep_ in {"nsubj"} and frame.head.i < verb.i:
        frame = frame.head  # '..., said Lee, adding ...'
    if frame.dep_ != "parataxis" or frame.lemma_.lower() not in load_lexicon("reporting_verbs"):
        return None
    return next((c for c in frame.children if c.dep_ == "nsubj"), None)


def occasion_host(participle: Token) -> Token | None:
    """"She spoke at [a news conference] announcing that ...": a participle of saying on an
    occasion of speech (``speech_settings``) that cannot speak itself goes with the verb
    whose setting the occasion is, and so with that verb's subject; None otherwise ("a
    statement announcing ..." can speak for itself)."""
    if participle.dep_ != "acl" or participle.tag_ != "VBG":
        return None
    occasion = participle.head
    if occasion.lemma_.lower() not in load_lexicon("speech_settings") or can_speak(occasion):
        return None
    if occasion.dep_ != "pobj" or occasion.head.dep_ != "prep":
        return None
    host = occasion.head.head
    return host if host.pos_ in VERBAL_POS else None
