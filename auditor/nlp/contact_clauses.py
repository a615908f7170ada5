"""The subject of a relative clause without "that" that the parser swallowed.

"That is a fraction of the $20 million [experts say] it costs to run": the clause "experts
say it costs" describes the sum, with "experts" for its subject; the parser reads "$20
million experts" as one noun phrase and hangs "say" on the sentence (or makes it the root)
with no subject. A verb with no subject, hung loosely (``dep``) right after a plural noun
or a name that can speak, or made the root right after one that ends a prepositional
phrase, has that noun for its subject.
"""

from __future__ import annotations

from spacy.tokens import Token

from auditor.nlp.speaking import can_speak

#: Tags of the nouns that stand bare for speakers ("experts", "Democrats", "Lee").
_SPEAKER_TAGS = {"NNS", "NNPS", "NNP"}


def swallowed_subject(verb: Token) -> Token | None:
    """The noun right before a loosely attached verb of saying that has no subject
    ("$20 million [experts] say it costs"), when it can speak; None otherwise."""
    if verb.dep_ not in {"dep", "ROOT"} or verb.i == 0:
        return None
    if any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children):
        return None
    before = verb.doc[verb.i - 1]
    if before.tag_ not in _SPEAKER_TAGS or before.dep_ == "compound":
        return None
    if verb.dep_ == "ROOT" and before.dep_ != "pobj":
        return None  # a root verb's subject is only swallowed into a phrase before it
    return before if can_speak(before) else None


def swallowed_bounds(subject: Token, verb: Token) -> tuple[int, int] | None:
    """Character bounds of a swallowed subject of ``verb``: the noun with the parts of its
    name before it ("Ana [Lee] says"), not the phrase that swallowed it ("the $20 million
    [experts]"); None when ``subject`` is not one."""
    if swallowed_subject(verb) != subject:
        return None
    start = subject
    doc = subject.doc
    while start.i > 0 and doc[start.i - 1].dep_ == "compound" and doc[start.i - 1].head == subject:
        start = doc[start.i - 1]
    return start.idx, subject.idx + len(subject)
