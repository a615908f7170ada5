"""``auditor check``: a pre-publication gate for CI and CMS hooks.

Exit 0 when no finding is at or above ``--fail-on``, 1 when one is, 2 on a usage or
runtime error (unreadable article, bad configuration or rule file).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from auditor.commands.options import CONTEXT_SETTINGS, config_option, model_option
from auditor.model import SEVERITIES

SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}


def failing(findings, fail_on: str) -> list:
    """The findings at or above severity ``fail_on``."""
    floor = SEVERITY_RANK[fail_on]
    return [f for f in findings if SEVERITY_RANK.get(f.severity, 0) >= floor]


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("inputs", nargs=-1, required=True, metavar="ARTICLE...")
@click.option(
    "--fail-on",
    type=click.Choice(SEVERITIES),
    default=None,
    help="Lowest severity that fails the check [default: the config's fail-on, else error].",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "github", "json"]),
    default="text",
    show_default=True,
    help="text: path:line:col: ID message; github: workflow annotations; json: auditor/1.",
)
@model_option
@config_option
@click.option(
    "--keep-going",
    is_flag=True,
    help="Skip broken rule files and unreadable articles (reported), check the rest.",
)
def check(
    inputs: tuple[str, ...],
    fail_on: str | None,
    fmt: str,
    model: str,
    config_path: Path | None,
    keep_going: bool,
) -> None:
    """Check ARTICLE files (or folders; "-" reads stdin) and fail on findings.

    \b
    Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it,
    2 usage or runtime error. Configuration is found upward from each article.
    """
    from auditor.audit import Auditor
    from auditor.config import load_config
    from auditor.errors import AuditorError
    from auditor.ingest import collect_inputs, read_article, read_stdin
    from auditor.report import render_many
    from auditor.rules import load_rule_pack

    errors = 0
    results = []
    nlp = None
    auditors: dict[object, Auditor] = {}
    levels = []
    for path in collect_inputs(inputs):
        try:
            article = read_stdin(sys.stdin) if path == "-" else read_article(path)
            start = Path.cwd() if path == "-" else Path(path)
            config = load_config(start=start, explicit=config_path)
            key = config.path
            if key not in auditors:
                pack = load_rule_pack(config, keep_going=keep_going)
                for problem in pack.problems:
                    click.echo(f"auditor: warning: skipped rule file: {problem}", err=True)
                auditor = (
                    Auditor(model, config=config, rule_pack=pack)
                    if nlp is None
                    else Auditor(model, nlp=nlp, config=config, rule_pack=pack)
                )
                nlp = auditor.nlp
                auditors[key] = auditor
            results.append(auditors[key].audit(article))
            levels.append(fail_on or config.fail_on)
        except AuditorError as exc:
            if not keep_going:
                raise
            errors += 1
            click.echo(f"auditor: error: {exc}", err=True)

    text = render_many(results, fmt) if results else ""
    if text:
        click.echo(text, nl=not text.endswith("\n"))
    failed = sum(len(failing(r.findings, lvl)) for r, lvl in zip(results, levels, strict=True))
    level = fail_on or (levels[0] if levels else "error")
    articles = f"{len(results)} article{'s' if len(results) != 1 else ''}"
    if failed:
        click.echo(f"auditor: {failed} finding(s) at or above {level} in {articles}", err=True)
    else:
        click.echo(f"auditor: no findings at or above {level} in {articles}", err=True)
    click.get_current_context().exit(2 if errors else 1 if failed else 0)
