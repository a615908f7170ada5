"""Texts put out and topics taken up (lexicon ``text_act_verbs``), read by
:mod:`auditor.nlp.stance` with the other views held: "[the Gazette] [published]
[portions of the memo]", "[the council] [issued] [a statement on the vote]", "[she]
[wrote] [a memoir of her years in office]", "[ministers] met [to discuss] [the crisis]",
"[the fact-checkers] [examined] [his claim]".

No word of the text or the talk is quoted, so the object is the content. Two things keep
the reading strict, since these verbs have many plain uses: the subject is a speaker
and not itself a document ("the report issued ..." is not read), and the object is of
the kind the verb wants: a text (lexicon ``text_act_objects``, "sent [a letter]", not
"sent his son to school"; "a series of tweets" is read through to "tweets") for a verb
of putting out a text, and for a verb of taking up a topic any noun phrase but a place,
a time or an amount ("discussed [the test]", not "discussed Tuesday").
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from auditor.lexicon import load_lexicon
from auditor.nlp.cues import cue_tokens, verb_lemma
from auditor.nlp.documents import is_document
from auditor.nlp.labels import NOUN_POS, PASSIVE_MARKERS, TIME_ENTITIES, VERBAL_POS
from auditor.nlp.public_acts import act_object_end
from auditor.nlp.speaking import can_speak
from auditor.nlp.stance_copular import Stance, is_infinitive
from auditor.nlp.verb_subjects import subject_of
from auditor.nlp.view_objects import holds_view_object

#: Entity labels of an object that is a place, a time or an amount: "discussed Ohio".
CIRCUMSTANCE_LABELS = {
    "GPE", "LOC", "FAC", "DATE", "TIME", "MONEY", "QUANTITY", "PERCENT", "CARDINAL",
    "ORDINAL",
}
#: Pronouns that can stand for a topic taken up ("discussed it", "examined this").
TOPIC_PRONOUNS = {"it", "this", "that", "them", "what", "everything", "something"}


@cache
def _verb_kinds() -> dict[str, str]:
    """Each verb of ``text_act_verbs`` with its kind: "out" (a text put out) or "topic"."""
    return dict(entry.rsplit(maxsplit=1) for entry in load_lexicon("text_act_verbs"))


def text_act(verb: Token) -> Stance | None:
    """"[The Gazette] [published] [portions of the memo]", "[leaders] met [to discuss]
    [the crisis]": a verb of ``text_act_verbs`` in the active, with a speaker as subject
    and an object of the kind the verb wants; the object runs over the complements after
    it ("issued [a statement on the vote]")."""
    kind = _verb_kinds().get(verb_lemma(verb))
    if kind is None or verb.pos_ != "VERB":
        return None
    if any(c.dep_ in PASSIVE_MARKERS for c in verb.children):
        return None  # "the memo was published": who put it out is not the subject
    if _permitted_or_able(verb):
        return None  # "not authorized to discuss the talks": nobody's act
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    holder = subject_of(verb)
    if obj is None or holder is None or not can_speak(holder) or is_document(holder):
        return None  # "the report examines ...": a document's, read by documents.py
    if not _fits(kind, obj):
        return None
    cue = cue_tokens(verb)
    return Stance(verb, holder, cue[0], cue[-1], obj.left_edge.i, _object_end(verb, obj))


def _permitted_or_able(verb: Token) -> bool:
    """An infinitive that says what someone may, can or is told to do, not what they did:
    under a passive, an adjective or a noun ("was not authorized [to discuss] the talks",
    "is able [to publish] it", "the authority [to issue] rules"). A purpose clause ("met
    [to discuss] the crisis") and the infinitive of an active verb ("went on [to
    discuss] the polls") are read."""
    if not is_infinitive(verb) or verb.dep_ not in {"xcomp", "acl"}:
        return False
    head = verb.head
    if verb.dep_ == "acl" or head.pos_ not in VERBAL_POS:
        return True
    return any(c.dep_ in PASSIVE_MARKERS for c in head.children)


def _fits(kind: str, obj: Token) -> bool:
    """The object is of the kind the verb wants: a text put out, a topic taken up, or a
    proposal weighed ("weighed [plans for ...]", not "weighed the apples")."""
    if kind == "out":
        return is_text(obj)
    if kind == "view":
        return is_topic(obj) and holds_view_object(obj)
    return is_topic(obj)


def _object_end(verb: Token, obj: Token) -> int:
    """Where the text or topic ends: over the complements after the object ("issued [a
    statement in observance of the holiday]", "sent [a resolution to the full House]"),
    but not over a time phrase, which says when it was put out ("sent [a letter]
    Thursday", "published [the video] on Friday")."""
    return min(act_object_end(verb, obj), _first_time_phrase(verb, obj))


def _first_time_phrase(verb: Token, obj: Token) -> int:
    """Where the first time phrase hung on ``verb`` after ``obj`` starts ("sent a letter
    [Thursday]"), else the end of the sentence."""
    for child in verb.rights:
        if child.i > obj.i and _time_phrase(child):
            return child.left_edge.i
    return verb.sent.end


def _time_phrase(token: Token) -> bool:
    """"Thursday", "early Friday", "on Friday", "in the days since ...": a phrase that
    says when."""
    if token.ent_type_ in TIME_ENTITIES:
        return True
    if token.dep_ != "prep":
        return False
    obj = next((c for c in token.children if c.dep_ == "pobj"), None)
    return obj is not None and obj.ent_type_ in TIME_ENTITIES


def is_text(obj: Token) -> bool:
    """``obj`` heads a text someone writes or puts out ("a statement", "the video"), or
    a quantity or part of one ("a flurry of tweets", "portions of the memo")."""
    texts = load_lexicon("text_act_objects")
    lemma = obj.lemma_.lower()
    if obj.pos_ != "NOUN":
        return False
    if lemma in texts:
        return True
    if f"{lemma} of" not in texts:
        return False
    of = next((c for c in obj.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    inner = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
    return inner is not None and is_text(inner)


def is_topic(obj: Token) -> bool:
    """``obj`` can be a topic taken up: a noun phrase or pronoun that is not a place, a
    time or an amount ("discussed [the test]", "examined [it]", not "discussed Tuesday")."""
    if obj.ent_type_ in CIRCUMSTANCE_LABELS:
        return False
    if obj.pos_ == "PRON":
        return obj.lower_ in TOPIC_PRONOUNS
    return obj.pos_ in NOUN_POS
