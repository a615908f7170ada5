"""Quotations in a list: 'railed against "rigged polls," and "crooked media" and "the
swamp"' quotes one speaker three times in one object.

A writer who strings quoted phrases together with "and", "or" or commas gives them all
to the verb the first one hangs on; the parser often hangs the later ones elsewhere (on a
verb further on, or as a conjunct of the main verb), so they are found by their marks.
"""

from __future__ import annotations

import re

from auditor.nlp.raw import QuoteIndex

#: What may stand between two listed quotations: commas, and one coordinator.
LIST_SEPARATOR = re.compile(r"[ \t\u00a0]*(?:,[ \t\u00a0]*)?(?:(?:and|or|nor)[ \t\u00a0]+)?")


def next_listed_quote(index: QuoteIndex, end: int) -> int | None:
    """The quotation that continues a list after the closing mark at ``end``:
    '"rigged polls," and "crooked media"' (the separator must hold a comma or a
    coordinator: two quotations side by side are two utterances)."""
    closing = index.quote_at(end - 1)
    if closing is None or index.quotes[closing]["end"] != end:
        return None
    separator = LIST_SEPARATOR.match(index.text, end)
    if separator is None or not separator.group().strip(" \t\u00a0"):
        return None
    following = index.quote_at(separator.end())
    if following is None or index.quotes[following]["start"] != separator.end():
        return None
    return following


def through_listed_quotes(index: QuoteIndex, end: int) -> tuple[int, list[int]]:
    """The end of the last quotation in the list that ends at ``end``, and the ids of the
    quotations it added: 'went on about "how the system is rigged," and "wounded
    families" and "our struggling citizens,"' runs to the third closing mark."""
    added: list[int] = []
    following = next_listed_quote(index, end)
    while following is not None and following not in added:
        added.append(following)
        end = index.quotes[following]["end"]
        following = next_listed_quote(index, end)
    return end, added


def continues_a_list(index: QuoteIndex, qid: int) -> bool:
    """Quotation ``qid`` follows another one in a list ('"A," and "B"'), so it belongs to
    whatever took the first, not to a cue of its own after it."""
    return qid > 0 and next_listed_quote(index, index.quotes[qid - 1]["end"]) == qid
