"""``auditor evaluate GOLD_DIR``: measure extraction against brat-standoff gold.

The command only reads its options and prints; the scoring is :mod:`auditor.evaluate`'s.
"""

from __future__ import annotations

import time
from pathlib import Path

import click

from auditor.commands.options import full_parse_option
from auditor.config import DEFAULT_MODEL
from auditor.evaluate.brat import GoldSet, GoldWarning, read_gold
from auditor.evaluate.conventions import CONVENTIONS, EXTENT
from auditor.evaluate.evaluation import evaluate_gold
from auditor.evaluate.predict import PipelinePredictor, Predictor
from auditor.evaluate.render import render_json, render_table
from auditor.evaluate.source_types_tsv import TSV_NAME, SourceTypeGold, read_source_types

#: Documents per nlp.pipe batch; also the window searched for the culprit of a failure.
BATCH_SIZE = 8
#: Gold-data warnings printed before the rest are summarized (JSON output has them all).
MAX_WARNINGS = 20


def make_predictor(
    model: str, *, jobs: int, batch_size: int = BATCH_SIZE, full_parse: bool = False
) -> Predictor:
    """Load ``model`` with the auditor's components and wrap it as a predictor
    (``full_parse``: the model's entity recognizer over every word)."""
    from auditor.pipeline import load_pipeline

    nlp = load_pipeline(model, full_parse=full_parse)
    return PipelinePredictor(nlp, n_process=jobs, batch_size=batch_size)


@click.command(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.argument("gold_dir", type=click.Path(path_type=Path), metavar="GOLD_DIR")
@click.option(
    "--model",
    default=DEFAULT_MODEL,
    show_default=True,
    metavar="NAME",
    help="Installed spaCy pipeline (package name or path) to evaluate.",
)
@full_parse_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@click.option("--per-doc", is_flag=True, help="List every document, worst end-to-end F1 first.")
@click.option(
    "--show-errors",
    type=click.IntRange(min=0),
    default=0,
    metavar="N",
    help="Show N missed, N spurious and N wrong-source attributions with context, and N "
    "misjudged and N uncovered sources with their sentence.",
)
@click.option(
    "--source-types",
    "source_types_file",
    type=click.Path(path_type=Path),
    default=None,
    metavar="FILE",
    help=f"Gold source types to score the auditor's source_type against "
    f"[default: GOLD_DIR/{TSV_NAME} when it exists].",
)
@click.option(
    "--content",
    "content",
    type=click.Choice(CONVENTIONS),
    default=EXTENT,
    show_default=True,
    help="What one content is: 'extent' as annotated (first to last character, fragments "
    "and all), or 'parts': each passage its own content (the auditor's content parts; a "
    "gold content's fragments), for gold that annotates each quoted passage.",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    metavar="N",
    help="Worker processes running the pipeline, on batches of 8 documents.",
)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Evaluate only the first N documents (by name).",
)
def evaluate(
    gold_dir: Path,
    model: str,
    full_parse: bool,
    fmt: str,
    per_doc: bool,
    show_errors: int,
    source_types_file: Path | None,
    content: str,
    jobs: int,
    limit: int | None,
) -> None:
    """Score attribution extraction against brat-standoff gold in GOLD_DIR.

    GOLD_DIR holds text/NAME.txt and ann/NAME.ann (Source, Cue and Content spans linked by
    Attribution relations, as in PolNeAR). Prints exact-span P/R/F1 for source, cue and
    content, lenient content P/R/F1 (one-to-one, character Jaccard >= 0.5), end-to-end
    P/R/F1 (lenient match whose source overlaps the gold source) and direct-quote recall.
    With source types (GOLD_DIR/source-types.tsv or --source-types) it also scores the
    type given to each gold source: coverage, accuracy, per-class precision and recall,
    macro recall, the share typed unknown and the confusion matrix. When Source spans
    carry brat AnnotatorNotes with the speaker's resolved name, it reports speaker
    accuracy over the matched contents. --content parts scores each passage of a content
    (the auditor's content parts) as a content of its own.
    Problems in the gold files are warnings on stderr; the rest is still scored. The
    protocol is in docs/evaluation.md.
    """
    started = time.perf_counter()
    gold = read_gold(gold_dir, limit=limit)
    source_types = _read_source_types(gold_dir, source_types_file, gold)
    _print_warnings(gold.warnings + (source_types.warnings if source_types else []))
    loading = time.perf_counter()
    predictor = make_predictor(model, jobs=jobs, batch_size=BATCH_SIZE, full_parse=full_parse)
    loaded = time.perf_counter()
    report = evaluate_gold(
        gold,
        predictor,
        window=BATCH_SIZE,
        show_errors=show_errors,
        model=model,
        source_types=source_types,
        content=content,
    )
    report.seconds["load"] = loaded - loading
    report.seconds["total"] = time.perf_counter() - started
    if fmt == "json":
        click.echo(render_json(report, per_doc=per_doc), nl=False)
    else:
        click.echo(render_table(report, per_doc=per_doc), nl=False)


def _read_source_types(gold_dir: Path, given: Path | None, gold: GoldSet) -> SourceTypeGold | None:
    """The gold source types: the file given, else GOLD_DIR's own when it has one."""
    path = given if given is not None else gold_dir / TSV_NAME
    if given is None and not path.is_file():
        return None
    return read_source_types(path, gold)


def _print_warnings(warnings: list[GoldWarning]) -> None:
    for warning in warnings[:MAX_WARNINGS]:
        click.echo(f"auditor: warning: {warning}", err=True)
    if len(warnings) > MAX_WARNINGS:
        click.echo(
            f"auditor: warning: ... and {len(warnings) - MAX_WARNINGS} more problems in the "
            "gold data (--format json lists them all)",
            err=True,
        )
