"""Render an :class:`EvaluationReport` as a plain-text table or as JSON."""

from __future__ import annotations

import json

from auditor.evaluate.conventions import PARTS
from auditor.evaluate.diagnostics import ErrorExample, SideView, shorten
from auditor.evaluate.evaluation import EvaluationReport
from auditor.evaluate.render_source_types import (
    error_totals,
    source_type_lines,
    type_error_lines,
)
from auditor.evaluate.scoring import EXACT_ROLES, Counts, worst_documents
from auditor.evaluate.speaker_accuracy import SpeakerCounts

_HEADINGS = {
    "missed": "missed: gold attributions no prediction matched",
    "spurious": "spurious: predictions that matched no gold attribution",
    "wrong_source": "wrong source: content matched, source does not overlap the gold source",
}


def render_json(report: EvaluationReport, *, per_doc: bool = False) -> str:
    """The report as indented JSON (schema ``auditor-evaluate/1``)."""
    return json.dumps(report.to_dict(per_doc=per_doc), indent=2, ensure_ascii=False) + "\n"


def render_table(report: EvaluationReport, *, per_doc: bool = False) -> str:
    """The report as aligned plain text: metrics, counts, failures, then the optional parts."""
    scores = report.scores
    title = f"Evaluation of {report.gold_dir}" + (f" with {report.model}" if report.model else "")
    if report.content == PARTS:
        title += " (each content part scored as a content)"
    lines = [
        title,
        "",
        f"{'metric':<20} {'precision':>9} {'recall':>7} {'F1':>7} "
        f"{'tp':>6} {'pred':>6} {'gold':>6}",
    ]
    for role in EXACT_ROLES:
        lines.append(_metric_row(f"exact {role}", scores.exact[role]))
    lines.append(_metric_row("lenient content", scores.lenient))
    lines.append(_metric_row("end-to-end", scores.end_to_end))
    recall = scores.direct_recall
    shown = "n/a" if recall is None else f"{recall:.3f}"
    lines.append(
        f"{'direct-quote recall':<20} {'':>9} {shown:>7} {'':>7} "
        f"{scores.direct.tp:>6} {'':>6} {scores.direct.gold:>6}"
    )
    if report.speakers is not None:
        lines += _speaker_rows(report.speakers)
    counts = report.counts()
    gold, predicted = (
        ("gold passages", "predicted passages")
        if report.content == PARTS
        else ("gold attributions", "predicted")
    )
    lines += [
        "",
        f"documents {counts['documents']}   failed {counts['failed_documents']}   "
        f"{gold} {counts['gold_attributions']}   "
        f"{predicted} {counts['predicted_attributions']}   seconds {counts['seconds']:.1f}",
    ]
    if report.source_types is not None:
        lines += ["", *source_type_lines(report.source_types)]
    if report.failures:
        lines += ["", f"failed documents ({len(report.failures)}), scored as predicting nothing:"]
        lines += [f"  {name}: {shorten(error, 120)}" for name, error in report.failures]
    if per_doc:
        lines += ["", *_per_doc_lines(report)]
    for kind, examples in report.errors.items():
        lines += ["", *_error_lines(kind, examples, report)]
    if report.source_types is not None:
        totals = error_totals(report.source_types)
        for kind, examples in report.source_types.errors.items():
            lines += ["", *type_error_lines(kind, examples, totals[kind])]
    return "\n".join(lines) + "\n"


def _speaker_rows(counts: SpeakerCounts) -> list[str]:
    accuracy = counts.accuracy
    shown = "n/a" if accuracy is None else f"{accuracy:.3f}"
    return [
        f"{'speaker accuracy':<20} {'':>9} {shown:>7} {'':>7} "
        f"{counts.agree:>6} {'':>6} {counts.scored:>6}",
        f"{'':<20} (of {counts.scored} matched contents with a gold speaker name: "
        f"{counts.surname_only} agree by surname only, {counts.missing} have no speaker)",
    ]


def _metric_row(label: str, c: Counts) -> str:
    return (
        f"{label:<20} {c.precision:>9.3f} {c.recall:>7.3f} {c.f1:>7.3f} "
        f"{c.tp:>6} {c.pred:>6} {c.gold:>6}"
    )


def _per_doc_lines(report: EvaluationReport) -> list[str]:
    documents = worst_documents(report.scores)
    width = min(60, max([len("document")] + [len(d.name) for d in documents]))
    lines = [
        "documents, worst end-to-end F1 first:",
        f"  {'document':<{width}} {'gold':>5} {'pred':>5} {'content F1':>10} {'e2e F1':>7}",
    ]
    for d in documents:
        name = d.name if len(d.name) <= width else d.name[: width - 1] + "\u2026"
        row = (
            f"  {name:<{width}} {d.lenient.gold:>5} {d.lenient.pred:>5} "
            f"{d.lenient.f1:>10.3f} {d.end_to_end.f1:>7.3f}"
        )
        lines.append(row + ("   FAILED" if d.failed else ""))
    return lines


def _error_lines(kind: str, examples: list[ErrorExample], report: EvaluationReport) -> list[str]:
    total = {
        "missed": report.scores.lenient.gold - report.scores.lenient.tp,
        "spurious": report.scores.lenient.pred - report.scores.lenient.tp,
        "wrong_source": report.scores.lenient.tp - report.scores.end_to_end.tp,
    }[kind]
    lines = [f"{_HEADINGS[kind]} ({len(examples)} of {total}):"]
    for e in examples:
        lines.append(f"  {e.document}, line {e.line}")
        lines.append(f"    context:   {e.context}")
        similarity = "" if e.jaccard is None else f" (Jaccard {e.jaccard:.2f})"
        if kind == "missed":
            lines.append(f"    gold:      {_side(e.gold, content=False)}")
            lines.append(f"    nearest prediction{similarity}: {_side(e.predicted)}")
        elif kind == "spurious":
            lines.append(f"    predicted: {_side(e.predicted, content=False)}")
            lines.append(f"    nearest gold{similarity}: {_side(e.gold)}")
        else:
            lines.append(f"    gold:      {_side(e.gold)}")
            lines.append(f"    predicted: {_side(e.predicted)}{similarity}")
    return lines


def _side(side: SideView | None, *, content: bool = True) -> str:
    if side is None:
        return "none"
    parts = [
        f"source {_quoted(side.source)}",
        f"cue {_quoted(side.cue)}",
    ]
    if content:
        parts.append(f"content {_quoted(side.content)}")
    if side.ref:
        parts.append(f"[{side.ref}]")
    return "  ".join(parts)


def _quoted(value: str | None) -> str:
    return "none" if value is None else f"\u00ab{value}\u00bb"
