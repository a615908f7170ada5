"""Noun cues with a topic phrase and an owner: "[Ruiz's] comments on [the shooting]",
"[North Korea's] claims about [the potency of its test]", "[his] theory of [America's
role]", "[the council] made a condemnation of [the attack]". The owner (found by
:func:`auditor.nlp.owned_nouns.noun_owner`) is the source, the noun with its preposition the
cue, and the preposition's object what is said or judged (lexicon
``reporting_nouns_topical``)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from auditor.lexicon import load_lexicon
from auditor.nlp.cues import trimmed_bounds
from auditor.nlp.doctext import doc_tokens
from auditor.nlp.labels import PREPOSITION_OBJECTS, TIME_ENTITIES
from auditor.nlp.owned_nouns import noun_cue_start, noun_owner, spoken_by
from auditor.nlp.raw import QuoteIndex, RawAttribution

#: Prepositions that introduce what a noun of speech or stance is about.
TOPIC_PREPS = {"of", "about", "on", "over", "with", "regarding", "toward", "towards"}


def topical_noun_attributions(doc: Doc, index: QuoteIndex) -> list[RawAttribution]:
    """One attribution per owned noun of speech or stance with a topic phrase."""
    found = []
    nouns = load_lexicon("reporting_nouns_topical")
    for noun in doc_tokens(doc):
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in nouns:
            continue
        if index.inside(noun) is not None:
            continue  # a noun inside a quotation is the quoted speaker's word
        topic = _topic(noun)
        owner = noun_owner(noun, modifier=False) if topic is not None else None
        if owner is None:
            continue
        preposition = topic.head
        bounds = trimmed_bounds(doc, topic.left_edge.i, topic.right_edge.i + 1)
        if bounds is None:
            continue
        first = noun_cue_start(noun, owner)
        found.append(spoken_by(owner, "indirect", bounds, first, preposition, noun))
    return found


def _topic(noun: Token) -> Token | None:
    """The object of the topic preposition right after the noun (adverbs of time
    between them allowed: "comments Tuesday on ...")."""
    doc = noun.doc
    i = noun.i + 1
    while i < len(doc) and doc[i].head == noun and doc[i].dep_ == "npadvmod":
        i += 1
    heads = {noun}
    when = _time_phrase(doc[i]) if i < len(doc) and doc[i].head == noun else None
    if when is not None:
        # "his announcement [in 2014] of new rules": the parser may hang "of" on the date
        i = when.i + 1
        heads.add(when)
    if i >= len(doc) or doc[i].head not in heads or doc[i].dep_ != "prep":
        return None
    if doc[i].lower_ not in TOPIC_PREPS:
        return None
    topic = next((c for c in doc[i].children if c.dep_ in PREPOSITION_OBJECTS), None)
    if topic is not None and topic.ent_type_ in TIME_ENTITIES:
        return None  # "his remarks on Saturday": when, not what
    return topic


def _time_phrase(preposition: Token) -> Token | None:
    """The object of a phrase of time right after a noun ("remarks [in June]", "a
    statement [on Tuesday]"), or ``None``."""
    if preposition.dep_ != "prep" or preposition.lower_ not in {"in", "on", "at"}:
        return None
    when = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    if when is None or when.ent_type_ not in TIME_ENTITIES or when.i != preposition.i + 1:
        return None  # one word of time: "in 2014", "on Tuesday"
    return when
