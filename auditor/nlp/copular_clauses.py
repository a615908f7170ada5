"""Pieces of a copular stance with a clause that the parse leaves unmarked: the copula
written with a curly apostrophe, the holder of a copula coordinated with an earlier
verb, and an indirect question as the clause ("not sure [if] ...", "unsure [whether]").
Used by :func:`auditor.nlp.stance_copular.copular_stance`.
"""

from __future__ import annotations

from spacy.tokens import Token

from auditor.lexicon import load_lexicon
from auditor.nlp.labels import ADJECTIVE_COMPLEMENTS, NOMINAL_SUBJECTS

#: Contracted forms of "be" whatever the apostrophe: the lemmatizer only knows the
#: straight one ("she's" -> "be", but "she’s" -> "’").
BE_CONTRACTIONS = {"'s", "'re", "'m", "\u2019s", "\u2019re", "\u2019m"}
#: Conjunctions that open an indirect question: "not sure [if] it would pass".
QUESTION_MARKS = {"if", "whether"}


def is_copula_be(token: Token) -> bool:
    """A form of "be", contracted with either apostrophe: "she’s so frustrated"."""
    if token.lemma_ == "be":
        return True
    return token.tag_ in {"VBZ", "VBP"} and token.lower_ in BE_CONTRACTIONS


def coordinated_holder(copula: Token) -> Token | None:
    """The subject of the verb a subjectless copula is coordinated with: "[they] had
    applied or [were] not sure if ..."; None when there is none."""
    if copula.dep_ != "conj":
        return None
    return next((c for c in copula.head.children if c.dep_ in NOMINAL_SUBJECTS), None)


def indirect_question(predicate: Token) -> Token | None:
    """The indirect question after an adjective of certainty, on the adjective or, where
    the parser hung it there, on its copula: "[were] not sure [if they could pay]"."""
    owners = [predicate]
    if predicate.dep_ in ADJECTIVE_COMPLEMENTS:
        owners.append(predicate.head)
    for owner in owners:
        question = _question_on(owner, predicate)
        if question is not None:
            return question
    return None


def _question_on(owner: Token, predicate: Token) -> Token | None:
    """The head of a clause opened by "if" or "whether", with a subject of its own, that
    the parser hung on ``predicate`` as an adverbial clause: "sure [if they could pay]".
    Only after an adjective of certainty (lexicon ``stance_predicates_question``): "happy
    [if they win]" is a condition."""
    if predicate.lower_ not in load_lexicon("stance_predicates_question"):
        return None
    for child in owner.rights:
        if child.dep_ != "advcl" or child.i < predicate.i:
            continue
        marks = [c for c in child.children if c.dep_ == "mark"]
        if marks and marks[0].lower_ in QUESTION_MARKS and marks[0].i == child.left_edge.i:
            if any(c.dep_ in NOMINAL_SUBJECTS for c in child.children):
                return child
    return None
