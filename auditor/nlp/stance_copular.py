"""Adjectives and participles of stance after "be" or another copula, with what they
take: "[we] [are convinced] [this is the only way]", "[he] [is determined] [to win]",
"[parents] [were frustrated] [that the buses were cut]", "[she] [seems confident] [that
...]", and the prepositional predicates "[the senator] [is against] [it]", "[she] [is in
favor of] [the bill]" (lexicon ``stance_predicates``). Also the record of a view found,
shared with :mod:`auditor.nlp.stance`, which runs this construction with the others.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from auditor.lexicon import load_lexicon
from auditor.nlp.content_verbs import says_what
from auditor.nlp.copular_clauses import coordinated_holder, indirect_question, is_copula_be
from auditor.nlp.labels import (
    ADJECTIVE_COMPLEMENTS,
    ADVERBS_OR_NEGATIONS,
    NOMINAL_SUBJECTS,
    OPEN_OR_ADVERBIAL_CLAUSES,
    PREPOSITION_OBJECTS,
    VERBAL_POS,
)
from auditor.nlp.repairs.stranded_clauses import stranded_clause

#: Verbs that link a subject to an adjective of stance ("seems confident that",
#: "came away convinced that", "grew wary of").
COPULAS = load_lexicon("stance_copulas")
#: Prepositions whose object is what a stance, a view or a feeling is about.
ABOUT_PREPS = {
    "of", "about", "on", "over", "with", "to", "toward", "towards", "in", "at", "for",
    "regarding", "against",
}


@dataclass
class Stance:
    """One view found: who holds it, the cue words and the content's token range."""

    head: Token
    #: None for an extraposed "it" ("it is not clear whether ..."): a view of nobody named
    holder: Token | None
    cue_first: Token
    cue_last: Token
    start: int
    end: int
    #: the content comes before the cue, closed by a comma ("..., the paper has learned")
    fronted: bool = False


def copular_stance(token: Token) -> Stance | None:
    """The stance ``token`` (a copula, or a participle read as a passive) heads: "[we]
    [are convinced] [this is ...]", "[he] [is determined] [to win]", "[she] [seems
    confident] [that ...]", "[protesters] [were frustrated] [that ...]", "[the senator]
    [is against] [it]"."""
    predicates = load_lexicon("stance_predicates")
    if (token.lemma_ in COPULAS or is_copula_be(token)) and token.pos_ in VERBAL_POS:
        holder = next((c for c in token.children if c.dep_ == "nsubj"), None)
        holder = holder or coordinated_holder(token)  # "[they] applied or [were] not sure if"
        if holder is None:
            return None
        phrase = _prepositional_predicate(token, predicates)
        if phrase is not None:
            preposition, obj = phrase
            return Stance(
                token, holder, _cue_start(token), preposition, obj.left_edge.i,
                preposition.right_edge.i + 1,
            )
        predicate = next(
            (
                c for c in token.rights
                if c.dep_ in ADJECTIVE_COMPLEMENTS
                and (_is_stance_word(c, predicates) or indirect_question(c) is not None)
            ),
            None,
        )
        return _with_complement(token, holder, predicate) if predicate is not None else None
    auxiliary = next((c for c in token.children if c.dep_ == "auxpass"), None)
    if token.tag_ == "VBN" and token.lower_ in predicates and auxiliary is not None:
        # "[Protesters] [were frustrated] [that ...]": the parser reads a passive, and may
        # hang the subject on the auxiliary
        subjects = [*token.children, *auxiliary.children]
        holder = next((c for c in subjects if c.dep_ in NOMINAL_SUBJECTS), None)
        if holder is None or any(c.dep_ == "agent" for c in token.children):
            return None
        return _with_complement(token, holder, token)
    return None


def _is_stance_word(token: Token, predicates: frozenset[str]) -> bool:
    return token.lower_ in predicates or token.lemma_.lower() in predicates


def _cue_start(head: Token) -> Token:
    """The first of the head's auxiliaries and negation right before it ("has not been")."""
    before = [c for c in head.children if c.dep_ in {"aux", "auxpass", "neg"} and c.i < head.i]
    return min([head, *before], key=lambda t: t.i)


def _with_complement(head: Token, holder: Token | None, predicate: Token) -> Stance | None:
    """The stance with what its predicate takes: a clause, an infinitive, or the object of
    a preposition of aboutness ("sure [that ...]", "determined [to win]", "wary [of
    X]"), looked for on the predicate and, where the parser hung it there, on the head."""
    owners = [predicate] if predicate is head else [predicate, head]
    for owner in owners:
        for child in owner.rights:
            if child.i <= predicate.i:
                continue
            clause = child.dep_ == "ccomp"
            if clause or (child.dep_ in OPEN_OR_ADVERBIAL_CLAUSES and is_infinitive(child)):
                if holder is not None and holder.lower_ == "it":
                    holder = None  # "it is not clear whether ...": no one holds the view
                return Stance(
                    head, holder, _cue_start(head), predicate, child.left_edge.i,
                    child.right_edge.i + 1,
                )
            if child.dep_ == "prep" and child.lower_ in ABOUT_PREPS and says_what(child):
                obj = preposition_object(child)
                if obj is not None:
                    return Stance(
                        head, holder, _cue_start(head), child, obj.left_edge.i,
                        child.right_edge.i + 1,
                    )
    question = indirect_question(predicate)  # "not sure [if it would pass]"
    if question is not None:
        return Stance(
            head, holder, _cue_start(head), predicate, question.left_edge.i,
            question.right_edge.i + 1,
        )
    stranded = stranded_clause(predicate)  # "a race in which she was sure [Lee would win]"
    if stranded is not None:
        return Stance(
            head, holder, _cue_start(head), predicate, predicate.right_edge.i + 1,
            stranded.right_edge.i + 1,
        )
    return None


def _prepositional_predicate(
    copula: Token, predicates: frozenset[str]
) -> tuple[Token, Token] | None:
    """"is [against] it", "is [in favor of] the bill": a listed phrase right after the
    copula (and its adverbs), ending in the preposition whose object the stance is about."""
    doc = copula.doc
    i = copula.i + 1
    while i < len(doc) and doc[i].dep_ in ADVERBS_OR_NEGATIONS and doc[i].head == copula:
        i += 1
    for length in (3, 1):
        words = doc[i : i + length]
        if len(words) < length or " ".join(t.lower_ for t in words) not in predicates:
            continue
        preposition = words[-1]
        if preposition.pos_ != "ADP" or words[0].head != copula:
            continue
        obj = preposition_object(preposition)
        if obj is not None:
            return preposition, obj
    return None


def preposition_object(preposition: Token) -> Token | None:
    """The object of ``preposition`` ("about [the plan]", "of [leaving]")."""
    return next((c for c in preposition.children if c.dep_ in PREPOSITION_OBJECTS), None)


def is_infinitive(token: Token) -> bool:
    """``token`` is a verb with "to" ("[to win]")."""
    return token.pos_ in VERBAL_POS and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children
    )
