"""A claim's character bounds, settled the same way by the passes that read claims off
the parse: trimmed of edge punctuation, with the quotation marks it starts or ends in
taken in, and free of claims the pass already holds.

Example: in 'She said costs were "out of control."' the parser leaves the closing mark
out of the claim; :func:`close_quotes` takes it in.
"""

from __future__ import annotations

from spacy.tokens import Doc

from auditor.nlp.cues import trimmed_bounds
from auditor.nlp.raw import QuoteIndex, overlaps


def free_claim_bounds(
    doc: Doc, index: QuoteIndex, start: int, end: int, taken: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """The character bounds of tokens ``start:end`` as a claim (trimmed, quotation marks
    closed) when no claim in ``taken`` overlaps them; they are then added to ``taken``.
    None for an empty claim or one an earlier claim of the same pass already holds: in
    "She thinks, and he thinks, costs are rising" the second verb's claim is taken."""
    bounds = trimmed_bounds(doc, start, end)
    if bounds is None:
        return None
    bounds = close_quotes(index, bounds)
    if any(overlaps(bounds, t) for t in taken):
        return None
    taken.append(bounds)
    return bounds


def close_quotes(index: QuoteIndex, bounds: tuple[int, int]) -> tuple[int, int]:
    """Take in the closing mark of a quotation the content ends in, and the opening mark
    of one it starts in: the parser hangs marks and final punctuation on the verb, but
    the quoted words belong together: 'She said costs were ["out of control."]'."""
    start, end = bounds
    quote_id = index.quote_at(start)
    if quote_id is not None:
        quote = index.quotes[quote_id]
        if quote["start"] < start and not any(
            ch.isalnum() for ch in index.text[quote["start"] : start]
        ):
            start = quote["start"]
    quote_id = index.quote_at(end - 1)
    if quote_id is not None:
        quote = index.quotes[quote_id]
        if quote["start"] >= start and quote["end"] > end and (
            quote["start"] == start  # the content is a quotation that runs on
            or not any(ch.isalnum() for ch in index.text[end : quote["end"]])
            # 'said he fought "for our rights, knowing we had none."': the parser cut
            # the quoted words short, but a claim does not stop halfway through a quote
            or (quote.get("closed", True) and quote.get("paragraphs", 1) == 1)
        ):
            end = quote["end"]
    return start, end
