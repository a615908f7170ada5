"""Pick examples of what went wrong, with enough context for a developer to see why.

Three kinds: ``missed`` (a gold attribution no prediction matched), ``spurious`` (a
prediction that matched no gold attribution) and ``wrong_source`` (content matched, but
the predicted source does not overlap the gold one). Each example carries the nearest
attribution on the other side, since "predicted, but with the wrong boundaries" and
"not predicted at all" need different fixes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import zip_longest
from typing import Any

from auditor.evaluate.scoring import DocumentScore
from auditor.evaluate.spans import AttributionSpans, Fragments, bounds, jaccard, text_of

KINDS = ("missed", "spurious", "wrong_source")

#: Characters of context shown either side of a content span.
CONTEXT = 60
#: Longest piece of a content or source shown before it is shortened in the middle.
LONGEST = 160


@dataclass
class SideView:
    """One attribution (gold or predicted) as text."""

    content: str
    cue: str | None
    source: str | None
    ref: str

    def to_dict(self) -> dict[str, Any]:
        return {"content": self.content, "cue": self.cue, "source": self.source, "ref": self.ref}


@dataclass
class ErrorExample:
    """One missed, spurious or wrong-source attribution, with its context."""

    kind: str
    document: str
    line: int
    context: str
    gold: SideView | None
    predicted: SideView | None
    jaccard: float | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "document": self.document,
            "line": self.line,
            "context": self.context,
            "gold": self.gold.to_dict() if self.gold else None,
            "predicted": self.predicted.to_dict() if self.predicted else None,
            "jaccard": None if self.jaccard is None else round(self.jaccard, 3),
        }


@dataclass
class DocumentData:
    """What :func:`pick_errors` needs for one document besides its score."""

    text: str
    gold: Sequence[AttributionSpans]
    pred: Sequence[AttributionSpans]


def pick_errors(
    scores: Sequence[DocumentScore], data: Sequence[DocumentData], n: int
) -> dict[str, list[ErrorExample]]:
    """Up to ``n`` examples of each kind, taken round-robin across documents.

    Round-robin (one from each document in turn) shows ``n`` different documents before
    a second example from any one, so a single bad article does not fill the listing.
    """
    picked: dict[str, list[ErrorExample]] = {kind: [] for kind in KINDS}
    if n <= 0:
        return picked
    per_doc: dict[str, list[list[tuple[DocumentScore, DocumentData, int]]]] = {
        kind: [] for kind in KINDS
    }
    for score, doc in zip(scores, data, strict=True):
        per_doc["missed"].append([(score, doc, gi) for gi in score.missed])
        per_doc["spurious"].append([(score, doc, pi) for pi in score.spurious])
        per_doc["wrong_source"].append(
            [(score, doc, i) for i, m in enumerate(score.matches) if not m.source_ok]
        )
    for kind in KINDS:
        for row in zip_longest(*per_doc[kind]):
            for entry in row:
                if entry is not None and len(picked[kind]) < n:
                    picked[kind].append(_example(kind, *entry))
            if len(picked[kind]) >= n:
                break
    return picked


def _example(kind: str, score: DocumentScore, doc: DocumentData, index: int) -> ErrorExample:
    if kind == "wrong_source":
        match = score.matches[index]
        gold, pred, similarity = doc.gold[match.gold], doc.pred[match.pred], match.jaccard
        anchor = gold.content
    elif kind == "missed":
        gold = doc.gold[index]
        pred, similarity = _nearest(gold.content, doc.pred)
        anchor = gold.content
    else:
        pred = doc.pred[index]
        gold, similarity = _nearest(pred.content, doc.gold)
        anchor = pred.content
    start = bounds(anchor)[0]
    return ErrorExample(
        kind=kind,
        document=score.name,
        line=doc.text.count("\n", 0, start) + 1,
        context=context(doc.text, anchor),
        gold=_side(doc.text, gold) if gold else None,
        predicted=_side(doc.text, pred) if pred else None,
        jaccard=similarity,
    )


def _nearest(
    target: Fragments, others: Sequence[AttributionSpans]
) -> tuple[AttributionSpans | None, float | None]:
    best, best_score = None, 0.0
    for other in others:
        score = jaccard(target, other.content)
        if score > best_score:
            best, best_score = other, score
    return (best, best_score) if best is not None else (None, None)


def _side(text: str, a: AttributionSpans) -> SideView:
    return SideView(
        content=shorten(text_of(text, a.content, " \u2026 ")),
        cue=shorten(text_of(text, a.cue, " \u2026 ")) if a.cue else None,
        source=shorten(text_of(text, a.source, " \u2026 ")) if a.source else None,
        ref=a.ref,
    )


def context(text: str, span: Fragments, width: int = CONTEXT) -> str:
    """The span in its surroundings, marked ``[[...]]``, on one line."""
    start, end = bounds(span)
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    inner = shorten(text[start:end])
    lead = "\u2026" if start > width else ""
    tail = "\u2026" if end + width < len(text) else ""
    return _one_line(f"{lead}{before}[[{inner}]]{after}{tail}")


def shorten(value: str, longest: int = LONGEST) -> str:
    """``value`` on one line, cut in the middle when longer than ``longest``."""
    value = _one_line(value)
    if len(value) <= longest:
        return value
    head = longest * 2 // 3
    return f"{value[:head]} \u2026 {value[-(longest - head - 3) :]}"


def _one_line(value: str) -> str:
    return " ".join(value.split())
