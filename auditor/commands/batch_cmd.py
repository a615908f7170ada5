"""``auditor batch``: audit a corpus into a resumable result store with a corpus report.

Exit 0 when every document was audited, 1 when any failed (listed in errors.jsonl) or the
provenance step was skipped (a damaged or locked registry), 2 on a usage or runtime error
or when another run uses the --out folder, 130 when interrupted (finished documents are
kept).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from auditor.commands.options import (
    CONTEXT_SETTINGS,
    config_option,
    full_parse_option,
    model_option,
)
from auditor.limits import DEFAULT_MAX_CHARS, DEFAULT_PIECE_CHARS


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for results.jsonl, errors.jsonl, index.md/html and reports/ (resumable).",
)
@click.option(
    "--format",
    "fmt",
    default="markdown",
    show_default=True,
    metavar="FORMAT[,FORMAT]",
    help="Per-article report formats: markdown, html, json, jsonl, sarif, github, text.",
)
@click.option("--no-reports", is_flag=True, help="Write no per-article reports, only results.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    metavar="N",
    help="Worker processes (0: one per CPU); with --engine dask, LocalCluster workers.",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="local: processes on this machine; dask: a Dask cluster (pip install ...[dask]).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Dask scheduler to use (tcp://host:8786); default: a LocalCluster of --jobs workers.",
)
@click.option(
    "--max-chars",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_CHARS,
    show_default=True,
    metavar="N",
    help="Longer documents are not audited (listed in errors.jsonl).",
)
@click.option(
    "--piece-chars",
    type=click.IntRange(min=1000),
    default=DEFAULT_PIECE_CHARS,
    show_default=True,
    metavar="N",
    help="Longer documents are processed in pieces of about this size (cut at paragraphs).",
)
@click.option(
    "--html-extractor",
    type=click.Choice(["auto", "trafilatura", "builtin"]),
    default="auto",
    show_default=True,
    help="How HTML pages are reduced to the article (auto: trafilatura when installed).",
)
@model_option
@full_parse_option
@config_option
@click.option(
    "--registry",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="AUDITOR_REGISTRY",
    metavar="PATH",
    help="Source registry (SQLite) to add this corpus to and check it against; share one "
    "between runs [default: OUT/sources.sqlite].",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress; only failures are printed.")
def batch(
    inputs: tuple[str, ...],
    out_dir: Path,
    fmt: str,
    no_reports: bool,
    jobs: int,
    engine: str,
    scheduler: str | None,
    max_chars: int,
    piece_chars: int,
    html_extractor: str,
    model: str,
    full_parse: bool,
    config_path: Path | None,
    registry: Path | None,
    quiet: bool,
) -> None:
    """Audit many articles: INPUT is a folder (searched for .txt, .md, .html, .docx), a file, a
    quoted glob ("archive/**/*.html") or JSON Lines records (.jsonl, .jsonl.gz) with
    "id" and "text" and optional title, url, published, outlet and author.

    \b
    Writes into --out:
      results.jsonl   every document's auditor/2 JSON with its metadata, one per line
      errors.jsonl    every document that failed, with the reason
      index.md/.html  the corpus report (grades, source mix by outlet/author/month,
                      most quoted speakers, frequent findings, worst articles)
      reports/        one report per article in each --format
      provenance.md   articles sharing an origin, quotes that drift, sources to check
                      (and provenance.jsonl); speakers go to the --registry

    Re-running the same command skips documents already done (same content, rules and
    model) and retries failed ones; Ctrl-C keeps everything finished. One run at a time
    uses a --out folder; bad records and non-regular files are listed in errors.jsonl.

    \b
    Exit codes: 0 all audited; 1 some documents failed, or the provenance step was
    skipped (a damaged or locked registry: everything else is still written); 2 bad
    usage, or --out in use by another run; 130 interrupted.
    """
    import os

    from auditor.batch import BatchOptions, run_batch
    from auditor.commands.audit_run import parse_formats
    from auditor.provenance.batch import with_provenance

    formats = () if no_reports else tuple(parse_formats(fmt))
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    options = BatchOptions(
        out_dir=out_dir,
        formats=formats,
        jobs=jobs or os.cpu_count() or 1,
        engine=engine,
        scheduler=scheduler,
        model=model,
        full_parse=full_parse,
        config_path=config_path,
        max_chars=max_chars,
        piece_chars=piece_chars,
        html_extractor=html_extractor,
        quiet=quiet,
    )
    # The provenance stage comes after the batch: composed here, above both.
    options = with_provenance(options, registry or out_dir / "sources.sqlite")
    summary = run_batch(inputs, options, stream=sys.stderr)
    click.get_current_context().exit(summary.exit_code)
