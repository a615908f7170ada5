"""An owned claim stated through "is that": "[The governor's] [bet is] [that voters will
forgive the delay]", "[Her] [argument was] [that the court had no say]".

The noun (lexicons ``reporting_nouns_clausal`` and ``copular_claim_nouns``) is the
subject of "be" and the that-clause its complement; the owner found by
:func:`auditor.nlp.owned_nouns.noun_owner` is the source, the noun with "is" the cue. A noun
with no owner ("The concern is that ...", "an individual's bet is that ...") and a
sentence inside what someone else says ("Lee suggests that Mexico's best argument is
that ...") make no attribution here.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from auditor.lexicon import load_lexicon
from auditor.nlp.content_verbs import inside_reported_clause
from auditor.nlp.cues import trimmed_bounds
from auditor.nlp.doctext import doc_tokens
from auditor.nlp.owned_nouns import noun_cue_start, noun_owner, spoken_by
from auditor.nlp.raw import QuoteIndex, RawAttribution


def copular_claim_attributions(doc: Doc, index: QuoteIndex) -> list[RawAttribution]:
    """One attribution per owned claim noun that is the subject of "is that ..."."""
    found = []
    nouns = load_lexicon("reporting_nouns_clausal") | load_lexicon("copular_claim_nouns")
    for noun in doc_tokens(doc):
        if noun.pos_ != "NOUN" or noun.dep_ != "nsubj" or noun.lemma_.lower() not in nouns:
            continue
        verb = noun.head
        if verb.lemma_ != "be" or index.inside(noun) is not None:
            continue
        if inside_reported_clause(verb):
            continue  # "suggests that Mexico's best argument is that ...": one claim
        clause = _that_clause(verb)
        owner = noun_owner(noun, modifier=False) if clause is not None else None
        if owner is None:
            continue
        bounds = trimmed_bounds(doc, clause.left_edge.i, clause.right_edge.i + 1)
        if bounds is None:
            continue
        first = noun_cue_start(noun, owner)
        found.append(spoken_by(owner, "indirect", bounds, first, verb, noun))
    return found


def _that_clause(verb: Token) -> Token | None:
    """The that-clause after "is": "bet is [that voters will forgive the delay]"."""
    for child in verb.rights:
        if child.dep_ == "ccomp" and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in child.children
        ):
            return child
    return None
