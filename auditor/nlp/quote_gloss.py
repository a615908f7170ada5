"""A quoted name and the writer's gloss on it: 'after what she called a "tirade," a
string of posts that ...' gives her word, "tirade"; the noun phrase after the comma is
the writer explaining it, not what she called it.

The parser takes the gloss for a second predicate of the verb of naming (two ``oprd``)
or for an apposition to the quoted name; either way the content stops at the closing
quotation mark.
"""

from __future__ import annotations

from spacy.tokens import Token

from auditor.lexicon import load_lexicon
from auditor.nlp.cues import verb_lemma

#: How the gloss may hang: a second predicate of the verb, or an apposition.
GLOSS_DEPS = {"oprd", "appos", "dobj"}
#: How the quoted name may hang: the verb's predicate or object.
NAME_DEPS = {"oprd", "dobj"}


def gloss_start(verb: Token, parts: list[Token]) -> int | None:
    """Index of the token that opens a noun phrase glossing the quoted name among
    ``parts`` (the verb's object-like dependents): 'called it a "tirade," [a string of
    posts]'. None unless the verb names, the name is quoted and a comma closes it."""
    if not parts or verb_lemma(verb) not in load_lexicon("reporting_verbs_naming"):
        return None
    named = parts[-1]
    gloss = next((c for c in named.rights if c.dep_ == "appos"), None)
    if gloss is None and len(parts) >= 2 and parts[-1].dep_ in GLOSS_DEPS:
        named, gloss = parts[-2], parts[-1]  # the gloss read as a second predicate
    if gloss is None or named.dep_ not in NAME_DEPS or not _quoted_then_comma(named, gloss):
        return None
    if any(t.is_quote for t in gloss.subtree if t.i > _first_word(gloss).i):
        return None  # 'a "nasty guy," an "anchor baby"': a list of names, all quoted
    return _first_word(gloss).i


def _quoted_then_comma(named: Token, gloss: Token) -> bool:
    """Only a comma and the closing mark stand between the quoted name and the gloss:
    'a "tirade," a string', 'a "tirade", a string'."""
    doc = named.doc
    between = [t for t in doc[named.i + 1 : _first_word(gloss).i] if not t.is_space]
    if not between or not all(t.is_punct for t in between):
        return False
    return (
        any(t.text == "," for t in between)
        and any(t.is_quote for t in between)
        and any(t.is_quote for t in doc[named.left_edge.i : named.i])
    )


def _first_word(phrase: Token) -> Token:
    """The first token of ``phrase``'s subtree that is no mark: the parser often hangs
    the comma and closing mark before a gloss on the gloss itself."""
    return next((t for t in phrase.subtree if not (t.is_punct or t.is_space)), phrase)
