"""Put the pieces together: gold set + predictor -> scores, failures and error examples."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from auditor.evaluate.brat import GoldSet, GoldWarning
from auditor.evaluate.diagnostics import DocumentData, ErrorExample, pick_errors
from auditor.evaluate.predict import Predictor, run_predictions
from auditor.evaluate.scoring import Scores, aggregate, score_document, worst_documents

#: Name of the JSON layout ``auditor evaluate --format json`` writes.
SCHEMA = "auditor-evaluate/1"


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
            "counts": self.counts(),
            "metrics": self.scores.to_dict(),
            "failures": [{"document": name, "error": error} for name, error in self.failures],
            "warnings": [
                {"path": w.path, "line": w.line, "message": w.message} for w in self.warnings
            ],
            "seconds": {phase: round(value, 2) for phase, value in self.seconds.items()},
        }
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
) -> EvaluationReport:
    """Run ``predictor`` over every gold text and score it.

    ``window`` is the predictor's batch size (see :func:`run_predictions`); a document
    whose extraction fails counts as predicting nothing, so its gold attributions are
    misses, and is listed in the report's failures.
    """
    started = time.perf_counter()
    predictions = run_predictions(predictor, [d.text for d in gold.documents], window=window)
    extracted = time.perf_counter()
    documents = [
        score_document(
            doc.attributions, pred.attributions, doc.text, name=doc.name, failed=pred.error
        )
        for doc, pred in zip(gold.documents, predictions, strict=True)
    ]
    scores = aggregate(documents)
    errors: dict[str, list[ErrorExample]] = {}
    if show_errors > 0:
        data = [
            DocumentData(doc.text, doc.attributions, pred.attributions)
            for doc, pred in zip(gold.documents, predictions, strict=True)
        ]
        errors = pick_errors(documents, data, show_errors)
    finished = time.perf_counter()
    return EvaluationReport(
        gold_dir=gold.root,
        model=model,
        scores=scores,
        warnings=list(gold.warnings),
        errors=errors,
        seconds={"extract": extracted - started, "score": finished - extracted},
    )
