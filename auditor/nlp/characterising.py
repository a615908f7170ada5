"""A character or a cause a speaker gives someone or something (lexicon
``characterising_verbs``), read by :mod:`auditor.nlp.stance` with the other views held:
"[the senator] [painted] [her rival as a puppet of the banks]", "[he] [is casting]
[himself as a champion of workers]", "[the mayor] [linked] [the outage to the
cyberattack]".

The view is the pairing, so the content is the object with the preposition that gives
it its character or cause; without that preposition the verb reports nothing ("painted
the fence", "cast a ballot", "linked arms").
"""

from __future__ import annotations

from spacy.tokens import Token

from auditor.lexicon import load_lexicon
from auditor.nlp.cues import cue_tokens, verb_lemma
from auditor.nlp.labels import PASSIVE_MARKERS
from auditor.nlp.stance_copular import Stance, preposition_object
from auditor.nlp.verb_subjects import subject_of


def characterised_object(verb: Token) -> Stance | None:
    """"[The senator] [painted] [her rival as a puppet]", "[he] [linked] [the outage to
    the attack]": a listed verb in the active with an object and, after it, the listed
    preposition (which the parser may hang on the object) with an object of its own."""
    if verb.pos_ != "VERB" or any(c.dep_ in PASSIVE_MARKERS for c in verb.children):
        return None  # "was painted as a villain": by whom, the passive does not say
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    holder = subject_of(verb)
    if obj is None or holder is None:
        return None
    preposition = _listed_preposition(verb, obj)
    if preposition is None or preposition_object(preposition) is None:
        return None
    cue = cue_tokens(verb)
    end = max(preposition.right_edge.i, obj.right_edge.i) + 1
    return Stance(verb, holder, cue[0], cue[-1], obj.left_edge.i, end)


def _listed_preposition(verb: Token, obj: Token) -> Token | None:
    """The preposition listed with ``verb`` after its object ``obj``: hung on the verb
    ("painted [Lee] [as] a fraud") or on the object ("cast [himself as] a champion")."""
    entries = load_lexicon("characterising_verbs")
    lemma = verb_lemma(verb)
    candidates = [c for c in verb.rights if c.i > obj.i and c.dep_ == "prep"]
    candidates += [c for c in obj.rights if c.dep_ == "prep"]
    return next((c for c in candidates if f"{lemma} {c.lower_}" in entries), None)
