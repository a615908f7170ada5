"""A source phrase stops before an aside that is an attribution of its own.

"Ana Ruiz, who has argued that the tax is unfair, voted against it": the relative clause
is Ruiz's own claim (its source is "who", standing for her), so the source of "voted" is
"Ana Ruiz", not the name with the claim inside it; likewise "Lee, speaking to reporters on
Monday, said ..." when the participle is itself a cue. An aside that attributes nothing
("Ana Ruiz, who chairs the committee, said ...") describes the speaker and stays in the
source, as editors (and the PolNeAR annotators) read it. So does any aside of an unnamed
source ("a miner, who asked not to be named because ..., said"): it says why the source
is unnamed or how it knows, which the sourcing stage reads off the source phrase.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from auditor.nlp.cues import is_reporting_verb
from auditor.nlp.labels import NOUN_CLAUSES
from auditor.nlp.raw import RawAttribution

#: Punctuation that opens an aside.
_OPENERS = {",", "—", "–", "--"}


def without_attributed_asides(
    doc: Doc, found: list[RawAttribution]
) -> list[RawAttribution]:
    """Cut each source before an aside of its phrase that holds the cue of another
    attribution in ``found``, a verb of saying; the records are changed in place and
    returned."""
    speech = {t.idx for t in doc if is_reporting_verb(t)}
    # a verb of saying, not of stance: "who has been challenging the industry" describes
    cue_heads = {a.cue_head for a in found if a.cue_head in speech}
    for attribution in found:
        if attribution.source is None:
            continue
        end = _aside_start(doc, attribution, cue_heads)
        if end is not None:
            attribution.source = (attribution.source[0], end)
    return found


def _aside_start(doc: Doc, attribution: RawAttribution, cue_heads: set[int]) -> int | None:
    """Character offset where the source's attributed aside begins (its comma excluded),
    or None when it has none."""
    start, end = attribution.source
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    for token in span:
        if not _is_aside(token, span.start, span.end) or token.head.pos_ != "PROPN":
            continue  # an unnamed source's aside says how it knows or why it is unnamed
        # only the part inside the source: a cue the parser hung on the aside is not in it
        clause_start, clause_end = token.left_edge.i, min(token.right_edge.i, span.end - 1)
        if attribution.cue_head is not None and (
            doc[clause_start].idx <= attribution.cue_head <= doc[clause_end].idx
        ):
            continue  # the aside holds this attribution's own cue
        if any(doc[clause_start].idx <= c <= doc[clause_end].idx for c in cue_heads):
            opener = doc[clause_start - 1]
            before = doc[opener.i - 1]
            return before.idx + len(before) if before.idx + len(before) > start else None
    return None


def _is_aside(token: Token, first: int, last: int) -> bool:
    """``token`` heads a relative clause or participle inside tokens ``[first, last)``,
    set off by punctuation after the noun it describes."""
    if token.dep_ not in NOUN_CLAUSES or token.head.i >= token.i or token.head.i < first:
        return False
    opener = token.left_edge.i - 1
    return opener > first and opener < last and token.doc[opener].text in _OPENERS
