"""Idioms of saying or revealing whose words are not a reporting verb of their own.

- "have (much, more, little, nothing) to say about/on": "[The mayor] has had little to
  say about [the audit]", "[the filings] would have more to say on [his debts]" - the
  subject of "have" is the source, the object of the preposition after "say" what is
  said, and "have ... to say about" the cue;
- a verb with a fixed object and "on" (lexicon ``revealing_idioms``): "[the records]
  could shed light on [how the fund was spent]" - the subject, a speaker or a document,
  is the source and the topic what is said;
- "leave no (little) doubt that": "[the studies] left little doubt [that the river was
  rising]" - the subject says the that-clause.

The subject must be able to speak ("the storm had little to say about it" is no one's
statement) and the idiom must not sit inside what another verb reports.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from auditor.lexicon import load_lexicon
from auditor.nlp.content_verbs import inside_reported_clause
from auditor.nlp.cues import cue_tokens, noun_phrase_bounds, trimmed_bounds, verb_lemma
from auditor.nlp.doctext import doc_tokens
from auditor.nlp.documents import is_document
from auditor.nlp.labels import COMPLEMENT_CLAUSES, PREPOSITION_OBJECTS, VERBAL_POS
from auditor.nlp.raw import QuoteIndex, RawAttribution
from auditor.nlp.speaking import can_speak
from auditor.nlp.verb_subjects import subject_bounds, subject_of

#: Words that make "leave ... doubt" a claim ("left [little] doubt that ...").
NO_DOUBT = {"no", "little"}
#: Prepositions after "to say" and after a revealing idiom that introduce the topic.
TOPIC_PREPS = {"about", "on", "upon", "regarding"}


def idiom_attributions(doc: Doc, index: QuoteIndex) -> list[RawAttribution]:
    """One attribution per "have ... to say about" and per revealing idiom with a topic."""
    found = []
    for token in doc_tokens(doc):
        if token.pos_ not in VERBAL_POS or index.inside(token) is not None:
            continue
        idiom = _had_to_say(token) or _revealing(token) or _no_doubt(token)
        if idiom is None:
            continue
        verb, cue_end, topic = idiom
        speaker = subject_of(verb)
        if topic is None or not _can_tell(speaker) or inside_reported_clause(verb):
            continue
        content = trimmed_bounds(doc, topic.left_edge.i, topic.right_edge.i + 1)
        if content is None:
            continue
        first = cue_tokens(verb)[0]
        found.append(
            RawAttribution(
                kind="indirect",
                content=content,
                cue=(first.idx, cue_end.idx + len(cue_end)),
                cue_head=verb.idx,
                source=_speaker_bounds(speaker, verb),
                source_head=speaker.idx,
            )
        )
    return found


def _had_to_say(say: Token) -> tuple[Token, Token, Token | None] | None:
    """"has little [to say] [about] X": the verb "have" that holds the amount, and the
    preposition after "say"."""
    if verb_lemma(say) != "say" or say.dep_ not in {"relcl", "acl", "xcomp"}:
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in say.children):
        return None
    amount = say.head
    have = amount.head if amount.dep_ == "dobj" else amount
    if verb_lemma(have) != "have":
        return None
    preposition = next(
        (c for c in say.rights if c.dep_ == "prep" and c.lower_ in TOPIC_PREPS), None
    )
    return (have, preposition, _object_of(preposition)) if preposition is not None else None


def _revealing(verb: Token) -> tuple[Token, Token, Token | None] | None:
    """"could [shed] light [on] X": the verb of a revealing idiom and its "on"."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    if f"{verb_lemma(verb)} {obj.lemma_.lower()}" not in load_lexicon("revealing_idioms"):
        return None
    for head in (verb, obj):
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in {"on", "upon"}:
                return verb, child, _object_of(child)
    return None


def _no_doubt(verb: Token) -> tuple[Token, Token, Token | None] | None:
    """"[left] little [doubt] [that the river was rising]": the verb, "doubt" and its
    that-clause."""
    if verb_lemma(verb) != "leave":
        return None
    doubt = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_ == "doubt"), None)
    if doubt is None or not any(c.lower_ in NO_DOUBT for c in doubt.children):
        return None
    clause = next(
        (
            c for c in doubt.children
            if c.dep_ in COMPLEMENT_CLAUSES and any(m.lower_ == "that" for m in c.children)
        ),
        None,
    )
    return verb, doubt, clause


def _object_of(preposition: Token) -> Token | None:
    return next((c for c in preposition.children if c.dep_ in PREPOSITION_OBJECTS), None)


def _can_tell(subject: Token | None) -> bool:
    """A speaker or a document, or a coordination holding one ("[those and even older
    returns] would shed light on ...")."""
    if subject is None:
        return False
    return any(can_speak(t) or is_document(t) for t in (subject, *subject.conjuncts))


def _speaker_bounds(speaker: Token, verb: Token) -> tuple[int, int]:
    """The subject's phrase, all of a coordination ("[Those and even older returns]")."""
    if speaker.conjuncts:
        return noun_phrase_bounds(speaker, verb)
    return subject_bounds(speaker, verb)
