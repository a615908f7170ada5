"""Which verbs report content, and which of their words are the reported clause.

A verb reports content when it is a reporting verb ("said", "believes"), a verb of stance
("endorses", "refuses to"), a raising verb ("is said to") or the verb of a prepositional cue
("called for", "spoke of"). The helpers here are shared by every reader of content spans
(:mod:`auditor.nlp.content`, :mod:`auditor.nlp.object_content` and the passes that ask
whether a stance sits inside a clause someone else reports).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from auditor.lexicon import load_lexicon
from auditor.nlp.claim_end import concessive
from auditor.nlp.cues import acts_as_verb, is_reporting_verb, verb_lemma
from auditor.nlp.documents import document_reports
from auditor.nlp.labels import (
    COORDINATE_OR_ADVERBIAL_CLAUSES,
    NOMINAL_SUBJECTS,
    PARTICLES_OR_ADVERBS,
    PARTICLES_OR_PREPOSITIONS,
    PREPOSITION_OBJECTS,
    VERB_OBJECTS,
    VERBAL_POS,
)
from auditor.nlp.speaking import can_speak
from auditor.nlp.verb_subjects import subject_of

#: Named-entity labels of a prepositional object that says when or where, not what.
CIRCUMSTANCE_LABELS = {"DATE", "TIME", "GPE", "LOC", "FAC", "EVENT"}
#: Prepositions whose object, with one of those labels, is a circumstance ("from Ohio").
CIRCUMSTANCE_PREPS = {"on", "at", "to", "over", "from"}


def word_count(doc: Doc, start: int, end: int) -> int:
    """Words and numbers among tokens ``[start, end)``."""
    return sum(1 for t in doc[start:end] if t.is_alpha or t.like_num)


def is_content_verb(token: Token) -> bool:
    """A verb that may attribute content: a reporting verb ("said", "believes"), a verb of
    stance that reports through its object ("endorses", "refuses to"), or the verb of a
    prepositional cue ("called for", "spoke of")."""
    if not acts_as_verb(token):
        return False
    lemma = verb_lemma(token)
    if lemma in load_lexicon("aspectual_verbs") and not can_speak(subject_of(token)):
        if any(c.dep_ == "xcomp" for c in token.children):
            return False  # "as the conflict continues to evolve, ..."
    return (
        is_reporting_verb(token)
        or lemma in load_lexicon("stance_verbs")
        or lemma in load_lexicon("raising_verbs")
        or preposition_of_cue(token) is not None
        or document_reports(token)
    )


def inside_reported_clause(token: Token) -> bool:
    """``token`` is part of what a reporting verb above it reports ("said she would not
    support Hale"): a stance there is the speaker's claim, not an attribution of its own."""
    if (
        token.dep_ in COORDINATE_OR_ADVERBIAL_CLAUSES
        and is_reporting_verb(token)
        and not any(c.dep_ in NOMINAL_SUBJECTS for c in token.children)
    ):
        # "said he would act and warned against delay", "..., citing the risks": a second
        # act of the same speaker that the parser hung inside the first one's clause.
        return False
    if token.dep_ == "xcomp" and is_content_verb(token.head) and any(
        c.dep_ in VERB_OBJECTS and c.i < token.i for c in token.head.children
    ):
        return True  # "urged [the board] to explain ...": what was urged, not an act
    current = token
    for _ in range(8):
        if current.dep_ == "advcl" and any(concessive(c) for c in current.children):
            return False  # "claimed X, although he refused to ...": the writer's aside
        if current.dep_ in {"ccomp", "conj", "xcomp", "advcl"} and current.head != current:
            if current.dep_ == "ccomp" and is_reporting_verb(current.head):
                return True
            current = current.head
            continue
        break
    return False


def preposition_of_cue(verb: Token) -> Token | None:
    """The preposition that completes a prepositional cue ("called for", "spoke of",
    "complained about"): listed with the verb, right after it or its particle."""
    doc = verb.doc
    i = verb.i + 1
    while (
        i < len(doc)
        and doc[i].dep_ in PARTICLES_OR_ADVERBS
        and doc[i].head == verb
        and not _particle_with_object(doc[i])
    ):
        i += 1
    if i < len(doc) and doc[i].head == verb and doc[i].dep_ in PARTICLES_OR_PREPOSITIONS:
        pair = f"{verb_lemma(verb)} {doc[i].lower_}"
        if pair in load_lexicon("reporting_verb_prepositions") and says_what(doc[i]):
            return doc[i]
    return None


def _particle_with_object(token: Token) -> bool:
    """"called [on] fellow senators to ...": a preposition the parser took for a particle,
    its object still hung on it."""
    return token.dep_ == "prt" and any(c.dep_ == "pobj" for c in token.children)


def is_infinitive(token: Token) -> bool:
    """A verb with its infinitive marker: "[to appeal]", "expected [to rise]"."""
    return token.pos_ in VERBAL_POS and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children
    )


def says_what(preposition: Token) -> bool:
    """A prepositional object that is a topic or a claim, not a time or a place."""
    objects = [c for c in preposition.children if c.dep_ in PREPOSITION_OBJECTS]
    if not objects:
        return False
    obj = objects[0]
    if obj.ent_type_ in CIRCUMSTANCE_LABELS and preposition.lower_ in CIRCUMSTANCE_PREPS:
        return False
    return not (obj.pos_ == "PRON" and obj.lower_ not in {"what", "whatever"} and len(
        list(obj.subtree)
    ) == 1 and preposition.lower_ in {"to", "with", "at"})
