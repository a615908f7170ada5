"""A relative clause with no relative word, misread as a conjunct of the main verb.

"The paper hailed him as "the fixer" for the jobs he was bringing to the city": "he was
bringing ..." describes "the jobs" (a contact clause, with no "that"), but the parser
makes "bringing" a second verb of "hailed", so what the paper hailed him for stops at
"jobs". A conjunct with no comma or "and" before it, whose subject comes right after a
noun, is such a clause and belongs to the content that ends at that noun.
"""

from __future__ import annotations

from spacy.tokens import Token

from auditor.nlp.labels import NOUN_POS, VERBAL_POS


def through_contact_clause(verb: Token, end: int) -> int:
    """Token index past a contact clause that opens at ``end``, right after the last noun
    of ``verb``'s content; ``end`` when there is none."""
    for child in verb.rights:
        if child.left_edge.i == end and is_contact_clause(child):
            return child.right_edge.i + 1
    return end


def is_contact_clause(child: Token) -> bool:
    """``child``, a conjunct verb, opens with its own subject right after a noun that
    follows its head: 'for the jobs [he was bringing]', not 'hailed him, and he ...'."""
    if child.dep_ != "conj" or child.pos_ not in VERBAL_POS:
        return False
    first = child.left_edge
    if first.dep_ != "nsubj" or first.head != child or first.i == 0:
        return False
    before = child.doc[first.i - 1]
    return before.pos_ in NOUN_POS and before.i > child.head.i
