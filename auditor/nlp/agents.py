"""Passive participles with a by-agent: the agent is the source, what the participle is
said of is the content.

A passive clause with its agent is read in :func:`auditor.nlp.passive_content.passive_content`
("the claim was rejected by the court"). A participle without an auxiliary does the same
job in two places the clause reading misses: on a noun, as a reduced relative clause
("the laws [proposed by the governor]", "a view [echoed by every economist]"), and on a
clause, as a participial phrase ("Charter schools remain popular, [promoted by the
governor and the mayor]"). In both the agent reported something about the noun or the
subject: the laws were proposed, the schools promoted. Only verbs whose object is what was
said or stood for (``reporting_verbs_with_object``, ``stance_verbs``) report anything:
"the house [built by his father]", "the car, [driven by a friend]," do not.
"""

from __future__ import annotations

from spacy.tokens import Token

from auditor.lexicon import load_lexicon
from auditor.nlp.labels import AUXILIARIES, NOMINAL_SUBJECTS, NOUN_POS
from auditor.nlp.speaking import can_speak

#: Dependencies of a subject the participial phrase of a clause is said of.
_SUBJECTS = NOMINAL_SUBJECTS


def by_phrase(verb: Token) -> Token | None:
    """The "by" of a verb's agent: the parser's agent, or, for a passive with a predicate,
    the "by" it hung on the predicate noun ("has been called [a liar] [by reporters]": the
    reporters did the calling, not the liar)."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is not None:
        return agent
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    for predicate in verb.rights:
        if predicate.dep_ != "oprd":
            continue
        for child in predicate.rights:
            if child.dep_ == "prep" and child.lower_ == "by":
                return child
    return None


def agent_of(verb: Token) -> Token | None:
    """The noun of a verb's by-agent ("proposed by [the governor]"), or None."""
    agent = by_phrase(verb)
    if agent is None:
        return None
    return next((c for c in agent.children if c.dep_ == "pobj"), None)


def participle_content(verb: Token) -> tuple[int, int] | None:
    """Token range of what a passive participle with a speaking agent reports: the noun
    phrase it hangs on, up to the participle ("[the laws] proposed by the governor"), or
    the subject of the clause it hangs on ("[Charter schools] remain popular, promoted by
    the governor"); None for anything else."""
    if verb.tag_ != "VBN" or any(c.dep_ in AUXILIARIES for c in verb.children):
        return None
    lemma = verb.lemma_.lower()
    if lemma not in load_lexicon("reporting_verbs_with_object") and lemma not in load_lexicon(
        "stance_verbs"
    ):
        return None
    if not can_speak(agent_of(verb)):
        return None
    if verb.dep_ == "acl" and verb.head.pos_ in NOUN_POS and verb.head.i < verb.i:
        return _phrase_before(verb.head, verb)
    if verb.dep_ == "advcl" and verb.head.i < verb.i:
        subject = next((c for c in verb.head.children if c.dep_ in _SUBJECTS), None)
        if subject is not None and subject.pos_ in NOUN_POS:
            return subject.left_edge.i, subject.right_edge.i + 1
    return None


def _phrase_before(noun: Token, participle: Token) -> tuple[int, int] | None:
    """The noun's phrase up to the participle that hangs on it, without the comma before
    it: "[a view], echoed by ..." -> "a view"."""
    start = noun.left_edge.i
    end = participle.left_edge.i
    doc = noun.doc
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return (start, end) if end > start else None
