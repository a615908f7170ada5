"""Score the type the auditor gives each source against gold source types.

The protocol (docs/evaluation.md has the full text):

- a gold source is *covered* when a predicted attribution has a source sharing a
  character with it; of several, the one whose content shares the most characters with
  the gold content is taken (then the larger source overlap, then the earlier one). One
  prediction may cover several gold sources (a source serving several attributions).
- its predicted type is that attribution's ``source_type`` (``unknown`` when it has none);
  an uncovered gold source is counted in the column ``uncovered``.
- the scored classes are coarse: ``named`` (named_person, named_organization, media),
  ``anonymous``, ``vague``, ``document``. Gold ``other`` rows are shown in the confusion
  matrix and left out of every figure. The fine classes are reported for information.
- coverage = covered / gold sources; accuracy, per-class precision and recall, macro
  recall and the unknown share are over covered sources.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from auditor.evaluate.source_types_tsv import GoldSourceType
from auditor.evaluate.spans import AttributionSpans, overlap

#: Coarse class of each gold label and predicted type; anything else maps to itself.
COARSE = {
    "named_person": "named",
    "named_organization": "named",
    "media": "named",
}
#: The classes scored, in report order.
COARSE_CLASSES = ("named", "anonymous", "vague", "document")
#: The fine classes, reported for information.
FINE_CLASSES = ("named_person", "named_organization", "media", "anonymous", "vague", "document")
#: Gold label shown in the matrix but not scored.
OTHER = "other"
#: Predicted type of a source the auditor could not type.
UNKNOWN = "unknown"
#: Column of gold sources no predicted source overlaps.
UNCOVERED = "uncovered"


def coarse(label: str) -> str:
    """The coarse class of a fine gold label or predicted type."""
    return COARSE.get(label, label)


@dataclass(frozen=True)
class TypedSource:
    """One gold source and what the auditor made of it."""

    gold: GoldSourceType
    #: index of the covering prediction in its document's list, None when uncovered
    predicted: int | None
    #: the prediction's source type, ``unknown`` if it has none, ``uncovered``
    predicted_type: str

    @property
    def misjudged(self) -> bool:
        """Covered, scored, and put in the wrong coarse class."""
        return (
            self.predicted is not None
            and self.gold.label != OTHER
            and coarse(self.predicted_type) != coarse(self.gold.label)
        )

    @property
    def uncovered(self) -> bool:
        """Scored, and no predicted source overlaps it."""
        return self.predicted is None and self.gold.label != OTHER


def covering_prediction(gold: GoldSourceType, pred: Sequence[AttributionSpans]) -> int | None:
    """Index of the prediction covering ``gold``'s source (see the module text), or None."""
    best: tuple[int, int, int] | None = None
    for index, attribution in enumerate(pred):
        if attribution.source is None:
            continue
        shared_source = overlap(gold.source, attribution.source)
        if not shared_source:
            continue
        shared_content = overlap(gold.content, attribution.content) if gold.content else 0
        key = (shared_content, shared_source, -index)
        if best is None or key > best:
            best = key
    return None if best is None else -best[2]


def type_sources(
    gold: Iterable[GoldSourceType], pred: Sequence[AttributionSpans]
) -> list[TypedSource]:
    """Match each gold source of one document to its covering prediction."""
    typed = []
    for row in gold:
        index = covering_prediction(row, pred)
        if index is None:
            typed.append(TypedSource(row, None, UNCOVERED))
        else:
            typed.append(TypedSource(row, index, pred[index].source_type or UNKNOWN))
    return typed


@dataclass
class ClassScore:
    """Precision and recall of one class over covered sources, and its coverage."""

    tp: int = 0
    predicted: int = 0
    covered: int = 0
    gold: int = 0

    @property
    def precision(self) -> float | None:
        return _share(self.tp, self.predicted)

    @property
    def recall(self) -> float | None:
        return _share(self.tp, self.covered)

    @property
    def coverage(self) -> float | None:
        return _share(self.covered, self.gold)

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": _round(self.precision),
            "recall": _round(self.recall),
            "coverage": _round(self.coverage),
            "tp": self.tp,
            "predicted": self.predicted,
            "covered": self.covered,
            "gold": self.gold,
        }


@dataclass
class Figures:
    """Every figure of one granularity (coarse or fine), from one confusion matrix."""

    classes: dict[str, ClassScore]
    gold: int
    covered: int
    correct: int
    unknown: int

    @property
    def coverage(self) -> float | None:
        return _share(self.covered, self.gold)

    @property
    def accuracy(self) -> float | None:
        return _share(self.correct, self.covered)

    @property
    def unknown_share(self) -> float | None:
        return _share(self.unknown, self.covered)

    @property
    def macro_recall(self) -> float | None:
        """Mean recall over the classes that have covered gold sources."""
        recalls = [c.recall for c in self.classes.values() if c.recall is not None]
        return sum(recalls) / len(recalls) if recalls else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "coverage": _round(self.coverage),
            "accuracy": _round(self.accuracy),
            "macro_recall": _round(self.macro_recall),
            "unknown_share": _round(self.unknown_share),
            "gold": self.gold,
            "covered": self.covered,
            "correct": self.correct,
            "unknown": self.unknown,
            "classes": {name: score.to_dict() for name, score in self.classes.items()},
        }


def figures(matrix: Counter[tuple[str, str]], classes: Sequence[str]) -> Figures:
    """Coverage, accuracy, per-class P/R and unknown share from a confusion ``matrix``
    of ``(gold, predicted)`` counts; rows whose gold is not in ``classes`` are left out."""
    scores = {name: ClassScore() for name in classes}
    for (gold, predicted), count in matrix.items():
        if gold not in scores:
            continue
        scores[gold].gold += count
        if predicted == UNCOVERED:
            continue
        scores[gold].covered += count
        if predicted in scores:
            scores[predicted].predicted += count
            if predicted == gold:
                scores[gold].tp += count
    unknown = sum(n for (g, p), n in matrix.items() if g in scores and p == UNKNOWN)
    return Figures(
        classes=scores,
        gold=sum(s.gold for s in scores.values()),
        covered=sum(s.covered for s in scores.values()),
        correct=sum(s.tp for s in scores.values()),
        unknown=unknown,
    )


@dataclass
class SourceTypeScores:
    """The confusion matrix of gold labels against predicted types, and its figures."""

    #: ``(gold label, predicted type or "uncovered")`` -> number of gold sources
    matrix: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, typed: Iterable[TypedSource]) -> None:
        """Count the typed gold sources of one document."""
        self.matrix.update((t.gold.label, t.predicted_type) for t in typed)

    @property
    def coarse_matrix(self) -> Counter[tuple[str, str]]:
        """The matrix with gold labels and predicted types in coarse classes."""
        merged: Counter[tuple[str, str]] = Counter()
        for (gold, predicted), count in self.matrix.items():
            merged[coarse(gold), coarse(predicted)] += count
        return merged

    @property
    def coarse(self) -> Figures:
        """The scored figures: coarse classes."""
        return figures(self.coarse_matrix, COARSE_CLASSES)

    @property
    def fine(self) -> Figures:
        """The same figures over the fine classes, for information."""
        return figures(self.matrix, FINE_CLASSES)

    @property
    def other(self) -> int:
        """Gold sources labelled ``other`` (shown, not scored)."""
        return sum(n for (gold, _), n in self.matrix.items() if gold == OTHER)

    def confusions(self, limit: int = 5) -> list[tuple[str, str, int]]:
        """The largest off-diagonal cells of the fine matrix, ``other`` rows left out."""
        cells = [
            (gold, predicted, count)
            for (gold, predicted), count in self.matrix.items()
            if gold != OTHER and gold != predicted and count
        ]
        cells.sort(key=lambda cell: (-cell[2], cell[0], cell[1]))
        return cells[:limit]

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.coarse.to_dict(),
            "other": self.other,
            "fine": self.fine.to_dict(),
            "confusion": matrix_dict(self.coarse_matrix, (*COARSE_CLASSES, OTHER)),
            "fine_confusion": matrix_dict(self.matrix, (*FINE_CLASSES, OTHER)),
        }


def matrix_dict(matrix: Counter[tuple[str, str]], rows: Sequence[str]) -> dict[str, Any]:
    """``{"rows": [...], "columns": [...], "counts": [[...], ...]}`` for JSON."""
    columns = predicted_columns(matrix, rows)
    return {
        "rows": list(rows),
        "columns": columns,
        "counts": [[matrix[row, column] for column in columns] for row in rows],
    }


def predicted_columns(matrix: Counter[tuple[str, str]], rows: Sequence[str]) -> list[str]:
    """The scored classes, then any other type predicted, then ``unknown`` and
    ``uncovered``."""
    scored = [row for row in rows if row != OTHER]
    extra = sorted({p for _, p in matrix} - set(scored) - {UNKNOWN, UNCOVERED})
    return [*scored, *extra, UNKNOWN, UNCOVERED]


def _share(part: int, whole: int) -> float | None:
    """``part / whole``, or None when there is nothing to divide by."""
    return part / whole if whole else None


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
