"""What a verb of saying reports when the parser hung its clause somewhere else.

The tagger and parser read a that-clause after a long addressee as a relative clause on a
noun of the addressee ("told [a meeting of island leaders] [that few people understood
...]"), and a clause with no "that" after a time phrase as an adverbial clause ("said
[after the convention] [he would not accept ...]"). Both are the reported clause. Used
by :func:`auditor.nlp.content.reported_content` when the verb has no clausal complement.
"""

from __future__ import annotations

from spacy.tokens import Token

from auditor.lexicon import load_lexicon
from auditor.nlp.cues import is_reporting_verb, verb_lemma
from auditor.nlp.labels import (
    AUXILIARIES,
    COMPLEMENT_OR_ADVERBIAL_CLAUSES,
    FINITE_TAGS,
    NOMINAL_SUBJECTS,
    NOUN_CLAUSES,
)

#: Words opening an indirect question ("have not said [when] they would vote").
QUESTION_WORDS = {"when", "whether", "how", "why", "where", "what", "who", "if"}
#: Dependencies of what may stand between a verb of saying and a clause without "that"
#: ("said [after the vote] he would resign").
OPENING_PHRASE_DEPS = {"prep", "npadvmod", "punct"}
#: Prepositions that give the topic of what was told; a that-clause in their phrase
#: belongs to its noun ("asked about [his declaration that it was a bomb]").
TOPIC_PREPS = {"about", "of", "for", "against", "over", "regarding", "concerning"}


def misplaced_complement(verb: Token) -> Token | None:
    """The head of the clause ``verb`` reports when the parser hung it elsewhere, or None:
    a that-clause on the addressee (:func:`that_clause_on_addressee`), a clause without
    "that" read as an adverbial clause (:func:`unmarked_clause`), or an indirect question
    under a negated verb (:func:`question_not_answered`)."""
    if not is_reporting_verb(verb):
        return None
    return (
        that_clause_on_addressee(verb) or unmarked_clause(verb) or question_not_answered(verb)
    )


def that_clause_on_addressee(verb: Token) -> Token | None:
    """"In Lima last week, she told [a meeting of mayors] [that few people understood the
    stakes]", "He told one of his aides on many occasions that "the war is lost"": the
    parser hung the that-clause on a noun of the addressee or of a phrase after it, but a
    clause opened by the conjunction "that" with a subject of its own is no relative
    clause ("told the woman [that] she had met" keeps its relative pronoun as the object,
    and is left alone; "asked about [his claim that ...]" is the noun's clause)."""
    if verb_lemma(verb) not in load_lexicon("reporting_verbs_addressee"):
        return None
    for phrase in verb.rights:
        if phrase.dep_ not in {"dobj", "prep", "npadvmod"} or phrase.lower_ in TOPIC_PREPS:
            continue  # "asked about [the claim that ...]": the clause is the noun's
        for token in phrase.subtree:
            if token.dep_ in NOUN_CLAUSES and _opened_by_conjunction_that(token):
                return token
    return None


def _opened_by_conjunction_that(clause: Token) -> bool:
    """A finite clause whose first word is "that" as a conjunction and whose subject is
    another word: "[that] few people understood", not "[that] has followed"."""
    first = clause.left_edge
    return (
        first.lower_ == "that"
        and first.dep_ == "mark"
        and first.head == clause
        and _finite(clause)
        and any(c.dep_ in NOMINAL_SUBJECTS and c != first for c in clause.children)
    )


def unmarked_clause(verb: Token) -> Token | None:
    """"Lee said after the convention [he would not accept the offer]": a finite clause
    with its own subject and no conjunction, after the verb, that the parser made an
    adverbial clause; an adverbial clause needs a conjunction ("said so [when] he left")."""
    for clause in verb.rights:
        if clause.dep_ != "advcl" or not _finite(clause):
            continue
        subject = next((c for c in clause.children if c.dep_ in NOMINAL_SUBJECTS), None)
        if subject is None or subject.i < verb.i:
            continue
        if all(
            c.dep_ in OPENING_PHRASE_DEPS for c in clause.children if c.i < subject.left_edge.i
        ):
            return clause  # only a phrase of time or place before the subject
    return None


def clause_start(clause: Token, start: int) -> int:
    """Where the content of a clause read as adverbial starts: at its subject, since the
    phrase before it tells when the verb of saying happened ("said [after the
    convention] he would not accept"); ``start`` for any other clause."""
    if clause.dep_ != "advcl" or any(c.dep_ == "mark" for c in clause.children):
        return start
    subject = next((c for c in clause.children if c.dep_ in NOMINAL_SUBJECTS), None)
    if subject is None or subject.left_edge.i <= start:
        return start
    if all(c.dep_ in OPENING_PHRASE_DEPS for c in clause.children if c.i < subject.left_edge.i):
        return subject.left_edge.i
    return start


def question_not_answered(verb: Token) -> Token | None:
    """"Lawmakers have not said [when they would vote]": under a negated verb of saying a
    clause opened by a question word is what was not said (the parser calls it an
    adverbial clause); "did not comment when asked" has no subject of its own."""
    if not any(c.dep_ == "neg" for c in verb.children):
        return None
    for clause in verb.rights:
        if clause.dep_ not in COMPLEMENT_OR_ADVERBIAL_CLAUSES or not _finite(clause):
            continue
        first = clause.left_edge
        if first.lower_ not in QUESTION_WORDS or first.head != clause:
            continue
        if any(c.dep_ in NOMINAL_SUBJECTS and c != first for c in clause.children):
            return clause
    return None


def _finite(clause: Token) -> bool:
    """A verb with a tense or a modal or auxiliary of its own."""
    return clause.tag_ in FINITE_TAGS or any(
        c.dep_ in AUXILIARIES and c.tag_ in FINITE_TAGS for c in clause.children
    )
