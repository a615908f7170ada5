"""Measure attribution extraction against brat-standoff gold (``auditor evaluate``).

    >>> from auditor.evaluate import read_gold, evaluate_gold, render_table
    >>> report = evaluate_gold(read_gold("gold/"), my_predictor)  # doctest: +SKIP
    >>> print(render_table(report))  # doctest: +SKIP

``my_predictor`` is any callable taking a list of texts and returning, per text, a list of
predicted attributions (see :mod:`auditor.evaluate.predict`). The scorer itself
(:mod:`auditor.evaluate.scoring`) works on plain span tuples and needs no spaCy. With
gold source types (``read_source_types``), ``evaluate_gold(..., source_types=...)`` also
scores the ``source_type`` each predicted source was given
(:mod:`auditor.evaluate.source_types`).
"""

from auditor.evaluate.brat import GoldDataError, GoldDocument, GoldSet, GoldWarning, read_gold
from auditor.evaluate.evaluation import EvaluationReport, evaluate_gold
from auditor.evaluate.predict import PipelinePredictor, Prediction, Predictor, run_predictions
from auditor.evaluate.render import render_json, render_table
from auditor.evaluate.scoring import Counts, DocumentScore, Scores, aggregate, score_document
from auditor.evaluate.source_types import SourceTypeScores
from auditor.evaluate.source_types_tsv import SourceTypeGold, read_source_types
from auditor.evaluate.spans import AttributionSpans, fragments, span

__all__ = [
    "AttributionSpans",
    "Counts",
    "DocumentScore",
    "EvaluationReport",
    "GoldDataError",
    "GoldDocument",
    "GoldSet",
    "GoldWarning",
    "PipelinePredictor",
    "Prediction",
    "Predictor",
    "Scores",
    "SourceTypeGold",
    "SourceTypeScores",
    "aggregate",
    "evaluate_gold",
    "fragments",
    "read_gold",
    "read_source_types",
    "render_json",
    "render_table",
    "run_predictions",
    "score_document",
    "span",
]
