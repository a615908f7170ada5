"""Put the pieces together: gold set + predictor -> scores, failures and error examples."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from auditor.evaluate.brat import GoldSet, GoldWarning
from auditor.evaluate.conventions import EXTENT, as_passages
from auditor.evaluate.diagnostics import DocumentData, ErrorExample, pick_errors
from auditor.evaluate.predict import Prediction, Predictor, run_predictions
from auditor.evaluate.scoring import (
    DocumentScore,
    Scores,
    aggregate,
    score_document,
    worst_documents,
)
from auditor.evaluate.source_type_errors import SourceTypeError, TypedDocument, pick_type_errors
from auditor.evaluate.source_types import SourceTypeScores, type_sources
from auditor.evaluate.source_types_tsv import GoldSourceType, SourceTypeGold
from auditor.evaluate.speaker_accuracy import SpeakerCounts, score_speakers

#: Name of the JSON layout ``auditor evaluate --format json`` writes.
SCHEMA = "auditor-evaluate/1"


@dataclass
class SourceTypeReport:
    """How well the auditor typed the gold sources (when the gold has source types)."""

    #: the source-types file, relative to the gold folder when inside it
    path: str
    scores: SourceTypeScores
    errors: dict[str, list[SourceTypeError]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"file": self.path, **self.scores.to_dict()}
        if self.errors:
            data["errors"] = {
                kind: [e.to_dict() for e in examples] for kind, examples in self.errors.items()
            }
        return data


@dataclass
class EvaluationReport:
    """The outcome of one evaluation run, ready to render."""

    gold_dir: str
    model: str | None
    scores: Scores
    warnings: list[GoldWarning]
    errors: dict[str, list[ErrorExample]] = field(default_factory=dict)
    #: seconds per phase: ``load`` (model), ``extract``, ``score`` and ``total``
    seconds: dict[str, float] = field(default_factory=dict)
    #: source-type scores, when the gold came with source types
    source_types: SourceTypeReport | None = None
    #: what one content is: ``extent`` (as annotated) or ``parts`` (each passage)
    content: str = EXTENT
    #: speaker accuracy, when some gold source carries its resolved name
    speakers: SpeakerCounts | None = None

    @property
    def failures(self) -> list[tuple[str, str]]:
        """``(document, error)`` for each document whose extraction failed."""
        return [(d.name, d.failed) for d in self.scores.documents if d.failed]

    def counts(self) -> dict[str, Any]:
        """Documents, attributions, failures and time taken."""
        return {
            "documents": len(self.scores.documents),
            "failed_documents": len(self.failures),
            "gold_attributions": self.scores.lenient.gold,
            "predicted_attributions": self.scores.lenient.pred,
            "seconds": round(self.seconds.get("total", 0.0), 2),
        }

    def to_dict(self, *, per_doc: bool = False) -> dict[str, Any]:
        """The JSON layout (schema ``auditor-evaluate/1``)."""
        data: dict[str, Any] = {
            "schema": SCHEMA,
            "gold_dir": self.gold_dir,
            "model": self.model,
            "content": self.content,
            "counts": self.counts(),
            "metrics": self.scores.to_dict(),
            "failures": [{"document": name, "error": error} for name, error in self.failures],
            "warnings": [
                {"path": w.path, "line": w.line, "message": w.message} for w in self.warnings
            ],
            "seconds": {phase: round(value, 2) for phase, value in self.seconds.items()},
        }
        if self.speakers is not None:
            data["metrics"]["speaker_accuracy"] = self.speakers.to_dict()
        if self.source_types is not None:
            data["source_types"] = self.source_types.to_dict()
        if per_doc:
            data["documents"] = [d.to_dict() for d in worst_documents(self.scores)]
        if self.errors:
            data["errors"] = {
                kind: [e.to_dict() for e in examples] for kind, examples in self.errors.items()
            }
        return data


def evaluate_gold(
    gold: GoldSet,
    predictor: Predictor,
    *,
    window: int = 1,
    show_errors: int = 0,
    model: str | None = None,
    source_types: SourceTypeGold | None = None,
    content: str = EXTENT,
) -> EvaluationReport:
    """Run ``predictor`` over every gold text and score it.

    ``window`` is the predictor's batch size (see :func:`run_predictions`); a document
    whose extraction fails counts as predicting nothing, so its gold attributions are
    misses, and is listed in the report's failures. With ``source_types`` (read by
    :func:`~auditor.evaluate.source_types_tsv.read_source_types`) the types predicted for
    the gold sources are scored too; its warnings join the report's. ``content`` is the
    convention contents are scored in (:mod:`auditor.evaluate.conventions`); source
    types are scored on the attributions as they are, whatever it is.
    """
    started = time.perf_counter()
    predictions = run_predictions(predictor, [d.text for d in gold.documents], window=window)
    extracted = time.perf_counter()
    data = [
        DocumentData(
            doc.text,
            as_passages(doc.attributions, doc.text, content),
            as_passages(pred.attributions, doc.text, content),
        )
        for doc, pred in zip(gold.documents, predictions, strict=True)
    ]
    documents = [
        score_document(d.gold, d.pred, d.text, name=doc.name, failed=pred.error)
        for d, doc, pred in zip(data, gold.documents, predictions, strict=True)
    ]
    scores = aggregate(documents)
    speakers = _speaker_counts(data, documents)
    errors: dict[str, list[ErrorExample]] = {}
    if show_errors > 0:
        errors = pick_errors(documents, data, show_errors)
    typed = None
    if source_types is not None:
        typed = score_source_types(source_types, gold, predictions, show_errors=show_errors)
    finished = time.perf_counter()
    return EvaluationReport(
        gold_dir=gold.root,
        model=model,
        scores=scores,
        warnings=list(gold.warnings) + (source_types.warnings if source_types else []),
        errors=errors,
        seconds={"extract": extracted - started, "score": finished - extracted},
        source_types=typed,
        content=content,
        speakers=speakers,
    )


def _speaker_counts(
    data: list[DocumentData], documents: list[DocumentScore]
) -> SpeakerCounts | None:
    """Speaker accuracy over every document's matches; None when no gold source in the
    set carries a resolved name."""
    if not any(a.speaker for d in data for a in d.gold):
        return None
    total = SpeakerCounts()
    for d, scored in zip(data, documents, strict=True):
        total += score_speakers(d.gold, d.pred, scored.matches)
    return total


def score_source_types(
    source_types: SourceTypeGold,
    gold: GoldSet,
    predictions: list[Prediction],
    *,
    show_errors: int = 0,
) -> SourceTypeReport:
    """Type every gold source of ``source_types`` from the predictions of its document."""
    rows: dict[str, list[GoldSourceType]] = {}
    for row in source_types.rows:
        rows.setdefault(row.document, []).append(row)
    scores = SourceTypeScores()
    documents = []
    for doc, pred in zip(gold.documents, predictions, strict=True):
        typed = type_sources(rows.get(doc.name, []), pred.attributions)
        scores.add(typed)
        documents.append(TypedDocument(doc.name, doc.text, typed, pred.attributions))
    errors = pick_type_errors(documents, show_errors) if show_errors > 0 else {}
    return SourceTypeReport(path=source_types.path, scores=scores, errors=errors)
