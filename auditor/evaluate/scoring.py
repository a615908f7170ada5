"""Score predicted attributions against gold ones: pure functions over span tuples.

The protocol (docs/evaluation.md has the full text):

- exact span, per role: a predicted span counts when a gold span of the same role has the
  same fragments. Spans are counted once per attribution that carries them, on both sides,
  and each gold occurrence matches at most one predicted occurrence (multiset matching).
- lenient content: gold and predicted attributions are paired one-to-one, greedily by
  character Jaccard of their contents (highest first); a pair needs Jaccard >= 0.5.
- end-to-end: a lenient pair whose sources share a character, or that both lack a source.
- direct-quote recall: lenient recall over gold attributions whose content holds a double
  quotation mark.

Totals are micro-averaged: counts are summed over documents before dividing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from auditor.evaluate.spans import (
    AttributionSpans,
    bounds,
    holds_double_quote,
    jaccard,
    overlap,
    text_of,
)

#: Roles scored by exact span, in report order.
EXACT_ROLES = ("source", "cue", "content")

#: Minimum character Jaccard for a lenient content match.
LENIENT_THRESHOLD = 0.5


@dataclass
class Counts:
    """True positives against the number predicted and the number in the gold.

    With nothing predicted precision is 1.0 if the gold is empty too, else 0.0; recall is
    handled the same way, so a document with nothing to find and nothing found scores 1.0.
    """

    tp: int = 0
    pred: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else float(self.gold == 0)

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else float(self.pred == 0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.pred + other.pred, self.gold + other.gold)

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "predicted": self.pred,
            "gold": self.gold,
        }


@dataclass(frozen=True)
class Match:
    """A lenient pairing of gold attribution ``gold`` with predicted ``pred`` (indices)."""

    gold: int
    pred: int
    jaccard: float
    source_ok: bool


@dataclass
class DocumentScore:
    """Every count for one document, plus which attributions matched and which did not."""

    name: str
    exact: dict[str, Counts]
    lenient: Counts
    end_to_end: Counts
    direct: Counts
    matches: list[Match] = field(default_factory=list)
    missed: list[int] = field(default_factory=list)
    spurious: list[int] = field(default_factory=list)
    #: why extraction failed on this document (then nothing was predicted), else None
    failed: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "gold": self.lenient.gold,
            "predicted": self.lenient.pred,
            "failed": self.failed,
            "exact": {role: self.exact[role].to_dict() for role in EXACT_ROLES},
            "lenient_content": self.lenient.to_dict(),
            "end_to_end": self.end_to_end.to_dict(),
        }


@dataclass
class Scores:
    """Micro-averaged totals over documents, and the documents themselves."""

    documents: list[DocumentScore]
    exact: dict[str, Counts]
    lenient: Counts
    end_to_end: Counts
    direct: Counts

    @property
    def direct_recall(self) -> float | None:
        """Lenient recall on direct quotes; None when the gold has none."""
        return self.direct.recall if self.direct.gold else None

    def to_dict(self) -> dict[str, Any]:
        recall = self.direct_recall
        return {
            "exact": {role: self.exact[role].to_dict() for role in EXACT_ROLES},
            "lenient_content": self.lenient.to_dict(),
            "end_to_end": self.end_to_end.to_dict(),
            "direct_quote_recall": {
                "recall": None if recall is None else round(recall, 4),
                "tp": self.direct.tp,
                "gold": self.direct.gold,
            },
        }


def exact_counts(
    gold: Sequence[AttributionSpans], pred: Sequence[AttributionSpans], role: str
) -> Counts:
    """Exact-span counts for ``role``: multiset intersection of the role's spans."""
    gold_spans = Counter(a.role(role) for a in gold if a.role(role) is not None)
    pred_spans = Counter(a.role(role) for a in pred if a.role(role) is not None)
    tp = sum((gold_spans & pred_spans).values())
    return Counts(tp, sum(pred_spans.values()), sum(gold_spans.values()))


def match_contents(
    gold: Sequence[AttributionSpans],
    pred: Sequence[AttributionSpans],
    threshold: float = LENIENT_THRESHOLD,
) -> list[tuple[int, int, float]]:
    """Pair gold and predicted attributions one-to-one by content Jaccard, best first.

    Returns ``(gold index, pred index, jaccard)`` triples, sorted by gold index. Ties in
    Jaccard go to the earlier gold, then the earlier prediction, so results are stable.
    """
    candidates = []
    pred_bounds = [bounds(p.content) for p in pred]
    for gi, g in enumerate(gold):
        g_start, g_end = bounds(g.content)
        for pi, (p_start, p_end) in enumerate(pred_bounds):
            if p_start >= g_end or p_end <= g_start:
                continue  # cheap rejection before the fragment walk
            score = jaccard(g.content, pred[pi].content)
            if score >= threshold:
                candidates.append((-score, gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for neg_score, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi, -neg_score))
    pairs.sort()
    return pairs


def sources_agree(gold: AttributionSpans, pred: AttributionSpans) -> bool:
    """End-to-end source test: the sources share a character, or neither has one."""
    if gold.source is None or pred.source is None:
        return gold.source is None and pred.source is None
    return overlap(gold.source, pred.source) > 0


def score_document(
    gold: Sequence[AttributionSpans],
    pred: Sequence[AttributionSpans],
    text: str = "",
    *,
    name: str = "",
    threshold: float = LENIENT_THRESHOLD,
    failed: str | None = None,
) -> DocumentScore:
    """Score one document's predictions ``pred`` against its ``gold``.

    ``text`` is the document text, needed only to tell which gold contents are direct
    quotes; ``failed`` records why extraction failed (pass an empty ``pred`` then).
    """
    matches = [
        Match(gi, pi, score, sources_agree(gold[gi], pred[pi]))
        for gi, pi, score in match_contents(gold, pred, threshold)
    ]
    matched_gold = {m.gold for m in matches}
    matched_pred = {m.pred for m in matches}
    quoted = {gi for gi, g in enumerate(gold) if holds_double_quote(text_of(text, g.content))}
    return DocumentScore(
        name=name,
        exact={role: exact_counts(gold, pred, role) for role in EXACT_ROLES},
        lenient=Counts(len(matches), len(pred), len(gold)),
        end_to_end=Counts(sum(m.source_ok for m in matches), len(pred), len(gold)),
        direct=Counts(len(quoted & matched_gold), 0, len(quoted)),
        matches=matches,
        missed=[gi for gi in range(len(gold)) if gi not in matched_gold],
        spurious=[pi for pi in range(len(pred)) if pi not in matched_pred],
        failed=failed,
    )


def aggregate(documents: Iterable[DocumentScore]) -> Scores:
    """Sum document counts into micro-averaged totals."""
    documents = list(documents)
    exact = {role: Counts() for role in EXACT_ROLES}
    lenient, end_to_end, direct = Counts(), Counts(), Counts()
    for doc in documents:
        for role in EXACT_ROLES:
            exact[role] += doc.exact[role]
        lenient += doc.lenient
        end_to_end += doc.end_to_end
        direct += doc.direct
    return Scores(documents, exact, lenient, end_to_end, direct)


def worst_documents(scores: Scores) -> list[DocumentScore]:
    """Documents ordered worst first: by end-to-end F1, then by more gold at stake."""
    return sorted(scores.documents, key=lambda d: (d.end_to_end.f1, -d.lenient.gold, d.name))
