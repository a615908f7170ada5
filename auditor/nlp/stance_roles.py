"""Counted holders of a stance: "[a few early] [supporters of] [the bill]", "[dozens of
longtime] [critics of] [the plan]". The role noun with "of" is the cue, what it takes a
stance on the content, and the words that count the holders the source (the holders are
the noun itself, so a role noun with no count - "the bill's supporters", "supporters of
the bill" - names nobody in particular). "X is a critic of Y" is a predicate cue
(:func:`auditor.nlp.nominal.predicate_stance_attributions`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from auditor.lexicon import load_lexicon
from auditor.nlp.cues import trimmed_bounds
from auditor.nlp.doctext import doc_tokens
from auditor.nlp.labels import COPULAR_COMPLEMENTS, PREPOSITION_OBJECTS
from auditor.nlp.raw import QuoteIndex, RawAttribution

#: Role nouns of the stance lexicon (its adjectives are read by the predicate pass).
ROLE_POS = "NOUN"


def counted_role_attributions(doc: Doc, index: QuoteIndex) -> list[RawAttribution]:
    """One attribution per counted role noun of stance with an "of" object."""
    found = []
    roles = load_lexicon("stance_predicates")
    for noun in doc_tokens(doc):
        if noun.pos_ != ROLE_POS or noun.lemma_.lower() not in roles:
            continue
        if noun.dep_ in COPULAR_COMPLEMENTS or index.inside(noun) is not None:
            continue  # "she is a critic of": the predicate pass has it
        preposition = next(
            (c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"), None
        )
        topic = None
        if preposition is not None:
            topic = next((c for c in preposition.children if c.dep_ in PREPOSITION_OBJECTS), None)
        count = _count_words(noun)
        if topic is None or count is None:
            continue
        content = trimmed_bounds(doc, topic.left_edge.i, topic.right_edge.i + 1)
        if content is None:
            continue
        first, last = count
        found.append(
            RawAttribution(
                kind="indirect",
                content=content,
                cue=(noun.idx, preposition.idx + len(preposition)),
                cue_head=noun.idx,
                source=(first.idx, last.idx + len(last)),
                source_head=noun.idx,
            )
        )
    return found


def _count_words(noun: Token) -> tuple[Token, Token] | None:
    """The words before the noun, when one of them counts its holders: "[a few early]
    supporters", "[three former] aides"; ``None`` without a count."""
    before = [c for c in noun.lefts if c.dep_ in {"det", "nummod", "amod", "quantmod"}]
    if not before:
        return None
    counts = load_lexicon("speaker_quantities")
    # the count modifies the noun itself: "[few] early supporters", not "the [most]
    # strident opponents" (a superlative)
    if not any(c.like_num or (c.lower_ in counts and c.dep_ != "det") for c in before):
        return None
    first = min(t.i for c in before for t in c.subtree)
    doc = noun.doc
    return doc[first], doc[noun.i - 1]
