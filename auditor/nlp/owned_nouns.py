"""A noun of speech and who owns it, shared by the passes whose cue is a noun (noun cues,
copular claims, topical nouns, proposals, given judgements): the owner of "[the mayor's]
claim that ...", where such a cue starts ("the council [made a strong condemnation] of"),
and the attribution record a noun cue makes.
"""

from __future__ import annotations

from spacy.tokens import Token

from auditor.lexicon import load_lexicon
from auditor.nlp.carried_claims import speech_owner
from auditor.nlp.labels import ACTOR_ENTITIES
from auditor.nlp.possessors import broken_possessor, with_possessive_mark
from auditor.nlp.pursued_claims import pursuer_of
from auditor.nlp.raw import RawAttribution
from auditor.nlp.speaking import can_speak
from auditor.nlp.verb_subjects import subject_bounds, subject_of

#: Possessive pronouns that name a speaker ("his claim", "their plan").
POSSESSIVE_PRONOUNS = {"his", "her", "their", "its", "my", "our", "your"}

#: Verbs that merely carry a noun cue, so their subject is its speaker: "X made the
#: claim that", "X issued a warning that", "X repeated his charge that".
LIGHT_VERBS = load_lexicon("light_verbs")


def noun_owner(noun: Token, modifier: bool = True) -> Token | None:
    """Who holds what the noun names: its possessor ("[the mayor's] plan"), the object of
    "by" ("a decision by [the board]"), the subject of a light verb ("[the council] made a
    condemnation of"), or, with ``modifier``, a modifier naming a speaker ("a [Times]
    report"); ``None`` for an unowned or generic noun ("the plan", "an individual's
    decision"). Without ``modifier`` for nouns whose modifier is as often the topic ("FBI
    criticism")."""
    return _speaker_of(noun, modifier)


def _speaker_of(noun: Token, modifier: bool = True) -> Token | None:
    """Who holds the claim: the possessor, the object of "by", the subject of a light
    verb the noun is the object of, or of a verb of persisting the noun follows, or the
    owner of the words that carry it."""
    for child in noun.children:
        if child.dep_ == "poss" and (can_speak(child) or child.lower_ in POSSESSIVE_PRONOUNS):
            if _generic(child):
                return None
            pursuer = pursuer_of(noun) if child.pos_ == "PRON" else None
            # "[Marsh] continues his adulation of ...": the subject names who "his" is
            return pursuer if pursuer is not None and pursuer.pos_ != "PRON" else child
        if child.dep_ == "prep" and child.lower_ in {"by", "from"}:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and can_speak(obj):
                return obj
    owner = broken_possessor(noun)  # "[police]'s earlier claim", the parse lost
    if owner is None and modifier:
        owner = compound_owner(noun)
    if owner is not None:
        return owner
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in LIGHT_VERBS:
        subject = subject_of(head)
        if can_speak(subject):
            return subject
    # "[Democrats] persisted in arguments that ...", "[his] remarks carried an admission"
    return pursuer_of(noun) or speech_owner(noun, _speaker_of)


def _generic(owner: Token) -> bool:
    """An owner with an indefinite article is anyone at all, no source: "[an
    individual's] decision to release the returns"."""
    return any(c.dep_ == "det" and c.lower_ in {"a", "an", "any", "every"} for c in owner.children)


def compound_owner(noun: Token) -> Token | None:
    """A modifier that names who said or holds the noun: "a [New York Times] report that
    ...", "[media] pronouncements that ...". A modifier that names a topic ("the [tax]
    plan") cannot speak and is no owner."""
    for child in noun.children:
        if child.dep_ != "compound" or child.i > noun.i:
            continue
        if child.pos_ == "PROPN" and child.ent_type_ in ACTOR_ENTITIES | {""}:
            if can_speak(child):
                return child
        elif child.pos_ == "NOUN" and child.lower_ in load_lexicon("media_nouns"):
            return child
    return None


def noun_cue_start(noun: Token, owner: Token | None) -> Token:
    """The first word of a noun cue: the light verb whose subject owns it ("the council
    [made a strong condemnation] of"), its determiner and adjectives ("[a tacit
    acknowledgment] that", "his [latest effort] to"), but not a determiner of a name that
    owns the noun ("[a Times] report": the article goes with the owner)."""
    if (
        owner is not None
        and noun.dep_ == "dobj"
        and owner.head == noun.head != noun
        and owner.i < noun.head.i  # the subject, not a misread word after the verb
    ):
        return noun.head
    first = noun
    for child in reversed(list(noun.lefts)):
        if child.i != first.i - 1 or child.dep_ not in {"det", "amod"}:
            break
        if child.dep_ == "det" and owner is not None and owner.dep_ == "compound":
            break
        first = child
    return first


def spoken_by(
    speaker: Token,
    kind: str,
    content: tuple[int, int],
    cue_first: Token,
    cue_last: Token,
    cue_head: Token,
) -> RawAttribution:
    """The record of a noun or predicate cue: ``speaker`` says ``content`` (character
    bounds) through the words ``cue_first`` .. ``cue_last``, headed by ``cue_head``: in
    "[Her] [claim] that [costs fell] was wrong", speaker "Her", cue "claim"."""
    return RawAttribution(
        kind=kind,
        content=content,
        cue=(cue_first.idx, cue_last.idx + len(cue_last)),
        cue_head=cue_head.idx,
        source=with_possessive_mark(speaker, subject_bounds(speaker)),
        source_head=speaker.idx,
    )
