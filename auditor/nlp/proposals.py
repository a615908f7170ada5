"""What an owned plan would do: the owner of a plan or proposal is the source of what the
plan is said to do.

- subject of a modal predicate: "[Mrs. Lee's] [plan] would also [cap deductions at 28
  percent and raise the estate tax]" - the predicate after the modal is the content;
- "under" the plan: "Under [the senator's] [plan], [taxpayers would pay their ordinary
  rate]" - the clause the phrase is attached to is the content;
- what it is meant to do: "[her] [plan is intended] [to make sure the wealthiest pay
  more]" - the infinitive is the content, the noun with its passive verb the cue.

A plan with no owner ("the plan would cut taxes", "a plan for the city") is the writer's
description; the owner is found by :func:`auditor.nlp.owned_nouns.noun_owner`. Nouns in the
lexicon ``proposal_nouns``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from auditor.lexicon import load_lexicon
from auditor.nlp.content_verbs import inside_reported_clause
from auditor.nlp.cues import trimmed_bounds
from auditor.nlp.doctext import doc_tokens
from auditor.nlp.labels import VERBAL_POS
from auditor.nlp.owned_nouns import noun_owner, spoken_by
from auditor.nlp.raw import QuoteIndex, RawAttribution

#: Passive verbs that say what a plan is for ("is intended to", "is designed to").
PURPOSE_VERBS = "proposal_purpose_verbs"
#: Modals that make a predicate what the plan would do, not what happened to it ("the plan
#: would cap ..." against "the plan failed").
PLAN_MODALS = {"would", "will", "could", "might", "may", "can", "should", "'d", "'ll"}


def proposal_attributions(doc: Doc, index: QuoteIndex) -> list[RawAttribution]:
    """One attribution per owned plan that is the subject of a modal predicate or the
    object of a sentence's "under"."""
    found = []
    nouns = load_lexicon("proposal_nouns")
    for noun in doc_tokens(doc):
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in nouns:
            continue
        if index.inside(noun) is not None:
            continue  # a plan mentioned inside a quotation is the quoted speaker's
        owner = noun_owner(noun)
        if owner is None:
            continue
        purpose = _what_it_is_meant_to_do(noun)
        if purpose is not None:
            found.append(spoken_by(owner, "indirect", purpose, noun, noun.head, noun))
            continue
        content = _what_it_would_do(noun) or _clause_under(noun)
        if content is not None:
            found.append(spoken_by(owner, "indirect", content, noun, noun, noun))
    return found


def _what_it_is_meant_to_do(noun: Token) -> tuple[int, int] | None:
    """The infinitive of a passive verb of purpose the noun is the subject of: "plan is
    intended [to make sure the wealthiest pay more]"."""
    verb = noun.head
    if noun.dep_ != "nsubjpass" or verb.lemma_.lower() not in load_lexicon(PURPOSE_VERBS):
        return None
    goal = next(
        (
            c for c in verb.children
            if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)
        ),
        None,
    )
    if goal is None:
        return None
    return trimmed_bounds(noun.doc, goal.left_edge.i, goal.right_edge.i + 1)


def _what_it_would_do(noun: Token) -> tuple[int, int] | None:
    """The predicate of a modal verb the noun is the subject of, from the verb on:
    "plan would also [cap deductions and raise the estate tax]"."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.pos_ not in VERBAL_POS or inside_reported_clause(verb):
        return None
    if not any(c.dep_ == "aux" and c.lower_ in PLAN_MODALS for c in verb.children):
        return None
    start = min(
        [verb.i] + [c.left_edge.i for c in verb.rights if c.dep_ not in {"punct", "cc", "conj"}]
    )
    return trimmed_bounds(noun.doc, start, verb.right_edge.i + 1)


def _clause_under(noun: Token) -> tuple[int, int] | None:
    """The clause after "Under <owner's plan>," at the start of a sentence: "Under his
    plan, [families would pay less]"."""
    preposition = noun.head
    if noun.dep_ != "pobj" or preposition.lower_ != "under" or preposition.dep_ != "prep":
        return None
    # the phrase opens the sentence, so it frames all of it (the parser may hang it on
    # any verb of the clause)
    if preposition.i != preposition.sent.start:
        return None
    after = noun.right_edge.i + 1
    doc = noun.doc
    if after >= preposition.sent.end or doc[after].text != ",":
        return None
    return trimmed_bounds(doc, after + 1, preposition.sent.end)
