"""The source-type block of the ``auditor evaluate`` table."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from auditor.evaluate.evaluation import SourceTypeReport
from auditor.evaluate.source_type_errors import SourceTypeError
from auditor.evaluate.source_types import (
    COARSE_CLASSES,
    FINE_CLASSES,
    OTHER,
    ClassScore,
    predicted_columns,
)

#: Short column headings for the fine matrix, so it fits in 100 columns.
_SHORT = {"named_person": "person", "named_organization": "organization"}

_CORNER = "gold \\ predicted"

_HEADINGS = {
    "misjudged": "misjudged sources: covered, put in the wrong coarse class",
    "uncovered": "uncovered sources: no predicted source overlaps them",
}


def source_type_lines(report: SourceTypeReport) -> list[str]:
    """The figures, the per-class table and both confusion matrices."""
    scores = report.scores
    coarse, fine = scores.coarse, scores.fine
    lines = [
        f"source types ({report.path}): {coarse.gold} gold sources scored, "
        f"{scores.other} labelled other (not scored)",
        f"coverage {_ratio(coarse.coverage, coarse.covered, coarse.gold)}   "
        f"accuracy {_ratio(coarse.accuracy, coarse.correct, coarse.covered)}",
        f"macro recall {_value(coarse.macro_recall)}   "
        f"unknown {_ratio(coarse.unknown_share, coarse.unknown, coarse.covered)}",
        "",
        f"{'class':<20} {'precision':>9} {'recall':>7} {'coverage':>8} "
        f"{'tp':>6} {'pred':>6} {'covered':>7} {'gold':>6}",
    ]
    lines += [_class_row(name, score) for name, score in coarse.classes.items()]
    lines.append(
        f"fine classes, for information (accuracy "
        f"{_ratio(fine.accuracy, fine.correct, fine.covered)}, "
        f"macro recall {_value(fine.macro_recall)}):"
    )
    lines += [_class_row(f"  {name}", score) for name, score in fine.classes.items()]
    lines += ["", "confusion, coarse (gold rows, predicted columns):"]
    lines += _matrix_lines(scores.coarse_matrix, (*COARSE_CLASSES, OTHER))
    lines += ["", "confusion, fine:"]
    lines += _matrix_lines(scores.matrix, (*FINE_CLASSES, OTHER))
    confusions = scores.confusions()
    if confusions:
        lines += ["", "largest confusions (fine, gold -> predicted):"]
        lines += [f"  {f'{g} -> {p}':<40} {n:>6}" for g, p, n in confusions]
    return lines


def type_error_lines(kind: str, examples: Sequence[SourceTypeError], total: int) -> list[str]:
    """One ``--show-errors`` listing (misjudged or uncovered sources)."""
    lines = [f"{_HEADINGS[kind]} ({len(examples)} of {total}):"]
    for e in examples:
        lines.append(f"  {e.document}, line {e.line} (source types line {e.tsv_line})")
        lines.append(f"    sentence:  {e.sentence}")
        predicted = f"{e.predicted}" if kind == "misjudged" else "none"
        lines.append(f"    gold:      \u00ab{e.source}\u00bb {e.gold}   predicted: {predicted}")
        if e.ref is not None:
            label = "auditor:  " if kind == "misjudged" else "same content:"
            source = "none" if e.predicted_source is None else f"\u00ab{e.predicted_source}\u00bb"
            lines.append(f"    {label} source {source}  speaker {e.speaker or 'none'}  [{e.ref}]")
    return lines


def error_totals(report: SourceTypeReport) -> dict[str, int]:
    """How many misjudged and uncovered sources there are in all."""
    coarse = report.scores.coarse
    return {"misjudged": coarse.covered - coarse.correct, "uncovered": coarse.gold - coarse.covered}


def _class_row(label: str, c: ClassScore) -> str:
    return (
        f"{label:<20} {_value(c.precision):>9} {_value(c.recall):>7} {_value(c.coverage):>8} "
        f"{c.tp:>6} {c.predicted:>6} {c.covered:>7} {c.gold:>6}"
    )


def _matrix_lines(matrix: Counter[tuple[str, str]], rows: Sequence[str]) -> list[str]:
    columns = predicted_columns(matrix, rows)
    widths = [max(6, len(_SHORT.get(c, c))) for c in columns]
    head = " ".join(f"{_SHORT.get(c, c):>{w}}" for c, w in zip(columns, widths, strict=True))
    lines = [f"  {_CORNER:<20}{head}"]
    for row in rows:
        cells = " ".join(f"{matrix[row, c]:>{w}}" for c, w in zip(columns, widths, strict=True))
        lines.append(f"  {row:<20}{cells}")
    return lines


def _value(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _ratio(value: float | None, part: int, whole: int) -> str:
    return f"{_value(value)} ({part} of {whole})"
