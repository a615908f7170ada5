"""The clause of a verb or adjective of saying or thinking that the parser hung on a verb
higher up in the sentence.

When a clause without "that" follows a cue inside a subordinate clause or a phrase, the
parser often attaches it to the main verb instead: in "Lee told the panel, after he
admitted under questioning [he had not read the report]" the bracketed clause is read as
the complement of "told"; in "While she conceded [costs were rising], Lee noted ..." as a
complement of "noted"; in "..., a race in which she was sure [Lee would win]" as a
complement of the main verb. The clause starts right where the cue's own phrase ends, so
it is the cue's. Used by :func:`auditor.nlp.content.reported_content` and by the copular
stances of :mod:`auditor.nlp.stance_copular`.
"""

from __future__ import annotations

from spacy.tokens import Token

from auditor.lexicon import load_lexicon
from auditor.nlp.cues import verb_lemma
from auditor.nlp.labels import (
    AUXILIARIES,
    COMPLEMENT_OR_ADVERBIAL_CLAUSES,
    FINITE_TAGS,
    NOMINAL_SUBJECTS,
    VERB_OBJECTS,
)
from auditor.nlp.pronouns import PERSONAL_SUBJECTS

#: Dependents of a cue that may stand between it and the stranded clause: "admitted
#: [under questioning] ...", "conceded [on Monday] ...".
BETWEEN_DEPS = {"prep", "npadvmod", "advmod", "neg", "aux", "auxpass", "prt"}


def stranded_clause(cue: Token) -> Token | None:
    """The head of a finite clause with a subject of its own that starts right after the
    phrase of ``cue`` and hangs on a verb above ``cue`` ("while she conceded [costs were
    rising], Lee noted"), or None. ``cue`` must have no complement or object of its own,
    and the clause must open with its subject, not with a conjunction ("conceded it, [and]
    Lee noted") or a comma."""
    if cue.pos_ not in {"VERB", "ADJ"}:
        return None
    if any(c.dep_ in {"ccomp", "dobj", "xcomp", "attr"} for c in cue.children):
        return None
    if any(c.i > cue.i and c.dep_ not in BETWEEN_DEPS for c in cue.children):
        return None
    doc = cue.doc
    start = cue.right_edge.i + 1
    if start >= len(doc) or doc[start].is_punct or doc[start].is_space:
        return None
    clause = _clause_starting_at(doc[start], cue)
    if clause is None or not _is_ancestor(clause.head, cue):
        return None
    return clause


def _clause_starting_at(first: Token, cue: Token) -> Token | None:
    """The finite clause whose subject is the phrase opening with ``first``; before the
    subject it may hold only the cue's own clause ("[while she conceded] costs were
    rising": the parser made the cue's clause an adverbial of the stranded one)."""
    subject = first
    while (
        subject.head != subject
        and subject.head.left_edge == first
        and subject.dep_ not in NOMINAL_SUBJECTS
    ):
        subject = subject.head
    if subject.dep_ not in NOMINAL_SUBJECTS or subject.left_edge != first:
        return None
    clause = subject.head
    if clause.dep_ not in COMPLEMENT_OR_ADVERBIAL_CLAUSES:
        return None
    before = [c for c in clause.children if c.i < first.i]
    if any(c != cue and not _is_ancestor(c, cue) for c in before):
        return None  # the clause opens before the cue's phrase: not stranded after it
    finite = clause.tag_ in FINITE_TAGS or any(
        c.dep_ in AUXILIARIES and c.tag_ in FINITE_TAGS for c in clause.children
    )
    return clause if finite else None


def _is_ancestor(token: Token, descendant: Token) -> bool:
    return any(a == token for a in descendant.ancestors)


#: Subject pronouns: a clause opened by one after an addressee is no relative clause on it
#: when nothing in the clause is missing ("reminded [the voters] [she was the first]").
SUBJECT_PRONOUNS = PERSONAL_SUBJECTS
#: Dependents that complete a clause's verb, so that no relative pronoun is left out of
#: it: "[he] was [the only one]", "[she] had [no choice]".
COMPLETING_DEPS = {"attr", "acomp", "dobj", "ccomp", "xcomp", "oprd"}


def clause_on_addressee(cue: Token) -> Token | None:
    """"Lee reminded [the voters] [she was the first governor cutting taxes]": after the
    addressee of a verb like "remind" or "tell" (lexicon ``reporting_verbs_addressee``),
    the parser reads a clause without "that" as a relative clause on the addressee. It is
    what was said when it opens with a subject pronoun and its verb is complete, so no
    relative pronoun was left out ("told the woman [he met]" keeps its relative
    reading)."""
    if verb_lemma(cue) not in load_lexicon("reporting_verbs_addressee"):
        return None
    addressee = next((c for c in cue.rights if c.dep_ in VERB_OBJECTS), None)
    if addressee is None:
        return None
    for clause in addressee.rights:
        if clause.dep_ != "relcl" or clause.left_edge.lower_ not in SUBJECT_PRONOUNS:
            continue
        subject = clause.left_edge
        if subject.head == clause and subject.dep_ == "nsubj" and any(
            c.dep_ in COMPLETING_DEPS for c in clause.children
        ):
            return clause
    return None
