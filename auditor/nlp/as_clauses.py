"""Where an "as X said" clause begins and ends, for the content around it.

"Yet, as Ms. Lee observed, in the first months of a term -- "what could you not pass?"":
the parser hangs the main clause's fronted phrase ("in the first months of a term") on
"observed", as if it said when she observed; but the comma after "observed" closes the
as-clause, and what follows it is what she observed. A connective before the as-clause
("Yet,", "But") links the sentence to the one before and is nobody's words.
"""

from __future__ import annotations

from spacy.tokens import Token

from auditor.nlp.cues import subtree_token_range
from auditor.nlp.labels import CONJUNCTION_OR_ADVERB_POS

#: Dependents of the as-clause's verb that may belong to the main clause after a comma.
FRONTED_DEPS = {"prep", "npadvmod", "advmod", "advcl"}


def as_clause_range(verb: Token) -> tuple[int, int]:
    """Token range of the as-clause of ``verb``: its subtree, cut at the comma after the
    verb when only phrases the main clause fronted follow it ("as Lee observed, [in the
    first months]")."""
    start, end = subtree_token_range(verb)
    doc = verb.doc
    after = verb.i + 1
    while after < end and doc[after].is_space:
        after += 1
    if after >= end or doc[after].text != ",":
        return start, end
    later = [c for c in verb.children if c.i > after]
    if later and all(c.dep_ in FRONTED_DEPS or c.is_punct for c in later):
        return start, after + 1
    return start, end


def opening_connective(verb: Token, start: int, clause_start: int) -> bool:
    """Only a connective and punctuation stand between the sentence's start ``start`` and
    the as-clause: "Yet, as Lee said, ...", "But as Lee said, ..."."""
    before = [t for t in verb.doc[start:clause_start] if not (t.is_punct or t.is_space)]
    return len(before) == 1 and (
        before[0].pos_ in CONJUNCTION_OR_ADVERB_POS and before[0].head.i >= clause_start
    )
