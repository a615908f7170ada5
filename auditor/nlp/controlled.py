"""Who speaks through a verb that a verb of causing or permitting governs.

In "The panel forced the chief executive to admit that no one was fired" the admission
is the chief executive's: a verb of causing ("force", "lead", "prompt", "leave") passes
the infinitive or participle after its object to that object ("led the reporter to
conclude ...", "left many voters feeling that ..."). In the passive the subject is the
one made to speak ("the chief executive was forced to admit ..."), never the agent who
did the forcing. The verbs are listed in ``auditor/lexicons/causative_verbs.txt``.
"""

from __future__ import annotations

from spacy.tokens import Token

from auditor.lexicon import load_lexicon
from auditor.nlp.labels import VERB_OBJECTS

#: Objects that stand for no one: "made [it] possible to ...", "left [that] to say".
_EXPLETIVES = {"it", "this", "that", "what"}


def caused_speaker(verb: Token) -> Token | None:
    """The one who speaks through ``verb`` when it is the complement of a verb of causing
    or permitting: the object before it ("forced [the chief] to admit"), or the subject of
    a passive ("[the chief] was forced to admit"); None for any other verb."""
    if verb.dep_ != "xcomp" or verb.head.i == verb.i:
        return None
    cause = verb.head
    if cause.lemma_.lower() not in load_lexicon("causative_verbs"):
        return None
    obj = next(
        (
            c for c in cause.children
            if c.dep_ in VERB_OBJECTS and c.i < verb.i and c.lower_ not in _EXPLETIVES
        ),
        None,
    )
    if obj is not None:
        return obj
    if any(c.dep_ == "auxpass" for c in cause.children):
        return next((c for c in cause.children if c.dep_ == "nsubjpass"), None)
    return None
