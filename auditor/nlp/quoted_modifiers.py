"""A quotation used as a modifier of the noun after it: 'what critics call a "use it or
lose it" approach to voting', 'a "pay to play" scheme'.

The quoted words describe the noun that follows the closing mark, so a content that ends
at that mark ends halfway through its noun phrase. The parser, which cannot read the
quoted clause as a modifier, often leaves the noun stranded (even as a root of its own),
so the noun is found by position: right after the closing mark, with a determiner before
the opening one.
"""

from __future__ import annotations

from spacy.tokens import Doc

#: Words that open the noun phrase before the opening mark.
OPENERS = {"DET", "PRON"}


def through_modified_noun(doc: Doc, end: int) -> int:
    """Token index past the noun (and its prepositional phrases) that the quotation ending
    at token ``end`` modifies: 'a ["use it or lose it"] [approach to voting]'; ``end``
    when the quotation is no such modifier."""
    closing = end if end < len(doc) and doc[end].is_quote else end - 1
    if closing < 0 or closing + 1 >= len(doc) or not doc[closing].is_quote:
        return end  # the parser may leave the closing mark out of the content
    noun = doc[closing + 1]
    if noun.pos_ != "NOUN" or not noun.is_lower:
        return end
    opening = next((t for t in reversed(doc[:closing]) if t.is_quote), None)
    if opening is None or opening.i == 0:
        return end
    inner = doc[opening.i + 1 : closing]
    if not len(inner) or inner[-1].is_punct:
        return end  # '"...," officials said': the quotation is a whole utterance
    if doc[opening.i - 1].pos_ not in OPENERS or doc[opening.i - 1].tag_ == "PRP":
        return end
    after = noun.i + 1
    for child in noun.rights:
        if child.dep_ == "prep" and child.i == after:
            after = child.right_edge.i + 1
    return after
