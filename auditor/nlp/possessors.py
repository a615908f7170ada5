"""A possessor the parser failed to attach: "[Tulsa police]'s earlier claim that ...",
"[editorial boards]' disdain for ...". Before a plural or a name ending in a possessive
mark, the parser often hangs the owner elsewhere (as the object of "than", the subject
of a misread verb) and keeps only the mark on it; read from the words, the owner is the
noun the mark closes, right before the noun cue and its modifiers.
"""

from __future__ import annotations

from spacy.tokens import Token

from auditor.nlp.labels import NOUN_POS
from auditor.nlp.speaking import can_speak

#: Possessive marks, as the tokenizer splits them off.
POSSESSIVE_MARKS = {"'s", "’s", "'", "’"}
#: Dependents that may stand between a possessor and its noun ("police's [earlier] claim").
MODIFIER_DEPS = {"amod", "compound", "advmod", "nummod", "nmod"}


def broken_possessor(noun: Token) -> Token | None:
    """The noun a possessive mark before ``noun`` closes, when the parse does not make it
    the possessor: "[police]'s earlier claim" -> "police"; ``None`` when the noun has a
    possessor in the parse or no mark precedes it."""
    if any(c.dep_ == "poss" for c in noun.children):
        return None
    doc = noun.doc
    i = noun.i - 1
    while i >= 0 and doc[i].head == noun and doc[i].dep_ in MODIFIER_DEPS:
        i -= 1
    mark = doc[i] if i >= 1 else None
    if mark is None or mark.text not in POSSESSIVE_MARKS or not (
        mark.dep_ == "case" or mark.tag_ == "POS"
    ):
        return None
    owner = doc[i - 1]  # the mark may hang anywhere; the owner is the word it closes
    if owner.pos_ not in NOUN_POS or not can_speak(owner):
        return None
    return owner


def with_possessive_mark(owner: Token, bounds: tuple[int, int]) -> tuple[int, int]:
    """An owner's character bounds with the possessive mark right after them, which the
    parse may have hung elsewhere: "[Tulsa police's] earlier claim"."""
    doc = owner.doc
    after = next((t for t in doc[owner.i + 1 :] if t.idx >= bounds[1]), None)
    if after is not None and after.idx == bounds[1] and after.text in POSSESSIVE_MARKS:
        return bounds[0], after.idx + len(after)
    return bounds
