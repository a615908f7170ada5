"""``auditor audit``: reports for articles, files or folders of them."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from auditor.commands.options import (
    CONTEXT_SETTINGS,
    config_option,
    full_parse_option,
    max_chars_option,
    model_option,
    registry_option,
    schema_option,
)


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("inputs", nargs=-1, required=True, metavar="ARTICLE_OR_DIR...")
@click.option(
    "--format",
    "fmt",
    default="markdown",
    show_default=True,
    metavar="FORMAT",
    help=(
        "Report format: markdown, html, json, jsonl, sarif, github or text; "
        "with --out, several separated by commas (markdown,json)."
    ),
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write one report per article into this folder instead of printing.",
)
@model_option
@full_parse_option
@config_option
@max_chars_option
@registry_option
@schema_option
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but the reports and errors.")
def audit(
    inputs: tuple[str, ...],
    fmt: str,
    out_dir: Path | None,
    model: str,
    full_parse: bool,
    config_path: Path | None,
    max_chars: int,
    registry: Path | None,
    schema: str,
    quiet: bool,
) -> None:
    """Audit ARTICLE files or folders of them (.txt, .md, .html, .docx); "-" reads stdin.

    Prints the report to stdout, or with --out writes one report per article, named after
    the article, into that folder (never over an article: that is refused).

    \b
    An article that cannot be read or audited is listed on stderr and the others are
    reported. Exit codes: 0 all audited, 1 some failed, 2 none could be audited (a single
    bad article) or a usage error.
    """
    from auditor.commands.audit_run import run_audit

    run = run_audit(
        inputs,
        fmt=fmt,
        out_dir=out_dir,
        model=model,
        full_parse=full_parse,
        config_path=config_path,
        quiet=quiet,
        stdin=sys.stdin,
        max_chars=max_chars,
        registry=registry,
        schema=int(schema),
    )
    click.get_current_context().exit(run.exit_code)
