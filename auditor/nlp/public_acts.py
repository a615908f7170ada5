"""Public acts that express a position (lexicon ``public_act_verbs``), read by
:mod:`auditor.nlp.stance` like verbs of attitude: "[The council] [imposed] [sanctions on
the regime]", "[the senator] [grilled] [the banker on Tuesday for his role]", "[she]
[laid out] [her proposals]".

Two things set them apart from verbs of knowing and feeling: many are phrasal ("lay
out", "strike down", "play up"), so the particle is part of the cue; and the complements
after the object are part of what was done ("appoints [him as senator]"), so the content
runs over them.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from auditor.lexicon import load_lexicon
from auditor.nlp.cues import cue_tokens, verb_lemma
from auditor.nlp.stance_copular import Stance
from auditor.nlp.view_objects import holds_view_object

#: Dependents after the object of a public act that belong to what was done: "[imposed]
#: [sanctions on the regime]", "[appoints] [him as senator]", "[grilled] [the banker on
#: Tuesday for his role]", "[struck] [them down]".
ACT_OBJECT_COMPLEMENTS = {"prep", "prt", "oprd", "dative", "npadvmod"}


@cache
def _act_lemmas() -> frozenset[str]:
    """The first words of ``public_act_verbs`` that are not verbs of attitude too."""
    attitude = {entry.split()[0] for entry in load_lexicon("attitude_verbs")}
    return frozenset(entry.split()[0] for entry in load_lexicon("public_act_verbs")) - attitude


def is_act_verb(verb: Token) -> bool:
    """``verb`` is a public act ("imposed", "is doubling down on"), not a verb of
    attitude: its prepositional object must name a person, a group or a proposition."""
    return verb_lemma(verb) in _act_lemmas()


def phrasal_lemma(verb: Token, entries: frozenset[str]) -> str:
    """The verb with its particle when the pair is one of ``entries`` ("[laid out] her
    plan", "[struck down] the law"), else its lemma alone ("laid the bricks" is not "lay
    out")."""
    lemma = verb_lemma(verb)
    for child in verb.rights:
        if child.dep_ == "prt" and f"{lemma} {child.lower_}" in entries:
            return f"{lemma} {child.lower_}"
    return lemma


def act_object_end(verb: Token, obj: Token) -> int:
    """Where the object ``obj`` of a public act ends with the complements that follow it,
    up to a comma or a dependent of another kind: "imposed [sanctions on the regime],
    freezing its assets" (the participle is the writer's)."""
    end = obj.right_edge.i + 1
    for child in verb.rights:
        if child.i <= obj.i:
            continue
        if child.dep_ not in ACT_OBJECT_COMPLEMENTS or any(
            t.is_punct for t in verb.doc[end : child.left_edge.i]
        ):
            break
        end = child.right_edge.i + 1
    return end


def passive_act(verb: Token) -> Stance | None:
    """ "[The bill] [was vetoed] by [the governor]", "[a record penalty] [imposed] by [the
    bureau]": a public act in the passive, or a participle after its noun, with a "by"
    phrase naming who acted. The act's object, before the verb, is the content; it must
    name a person, a group or a proposition ("the road was blocked by the storm" and
    "six were appointed by presidents" report nothing here)."""
    if verb.pos_ != "VERB" or verb.tag_ != "VBN" or not is_act_verb(verb):
        return None
    agent = next((c for c in verb.rights if c.dep_ == "agent"), None)
    holder = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    if holder is None:
        return None
    subject = next((c for c in verb.lefts if c.dep_ == "nsubjpass"), None)
    if subject is not None:
        obj, start, end = subject, subject.left_edge.i, subject.right_edge.i + 1
    elif verb.dep_ == "acl" and verb.head.i < verb.i:
        obj, start, end = verb.head, verb.head.left_edge.i, verb.i
    else:
        return None
    if obj.pos_ == "PRON" or not holds_view_object(obj):
        return None  # "which was repealed by ...": the relative pronoun names nothing
    cue = cue_tokens(verb)
    return Stance(verb, holder, cue[0], cue[-1], start, end, fronted=True)
