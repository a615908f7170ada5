"""The source span of a pronoun subject: the word alone, or with what describes it.

A personal pronoun is its own source ("[she] said"). A quantifier or demonstrative
pronoun is often described after it, and the description says who is meant: "[Those
close to him] say", "[Everyone I interviewed] agreed", "[Many of his aides] believe";
a negation before it is part of who is counted: "[Not everyone] agrees".
"""

from __future__ import annotations

from spacy.tokens import Token

#: Dependencies of a description after a pronoun: "those [polled]", "those [close to
#: him]", "everyone [I interviewed]", "many [of his aides]".
_DESCRIPTIONS = {"acl", "relcl", "amod", "prep"}
#: Tags of personal and possessive pronouns, which take no description of their own.
_PERSONAL = {"PRP", "PRP$", "WP", "WP$"}


def pronoun_source_bounds(subject: Token) -> tuple[int, int]:
    """Character bounds of the source headed by the pronoun ``subject``.

    >>> # "Not everyone I asked agreed." -> "Not everyone I asked"
    """
    start, end = subject, subject
    if subject.tag_ not in _PERSONAL:
        described = [c for c in subject.rights if _describes(subject, c)]
        if described:
            end = described[-1].right_edge
    negation = next((c for c in subject.lefts if c.dep_ == "neg"), None)
    if negation is not None:
        start = negation
    while end.i > subject.i and (end.is_punct or end.is_space):
        end = end.doc[end.i - 1]
    return start.idx, end.idx + len(end)


def _describes(pronoun: Token, child: Token) -> bool:
    """``child`` says who the pronoun stands for: a clause or adjective after it, "of"
    after a quantifier ("many [of his aides]"), any place after a demonstrative ("those
    [in the room]"); not a comparison ("someone [like Lee]" points at Lee)."""
    if child.dep_ != "prep":
        return child.dep_ in _DESCRIPTIONS
    return child.lower_ == "of" or pronoun.tag_ == "DT"
