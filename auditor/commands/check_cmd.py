"""``auditor check``: a pre-publication gate for CI and CMS hooks.

Exit 0 when no finding is at or above ``--fail-on``, 1 when one is, 2 on a usage or
runtime error (unreadable article, bad configuration or rule file). An article that cannot
be read or audited never stops the others: it is listed on stderr, the rest are checked,
and the exit code is 2 (a gate cannot pass an article it could not check).
"""

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
)
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
    help="text: path:line:col: ID message; github: workflow annotations; json: auditor/2.",
)
@model_option
@full_parse_option
@config_option
@max_chars_option
@registry_option
@click.option(
    "--keep-going",
    is_flag=True,
    help="Skip broken rule files and configurations (reported), check with the rest.",
)
def check(
    inputs: tuple[str, ...],
    fail_on: str | None,
    fmt: str,
    model: str,
    full_parse: bool,
    config_path: Path | None,
    max_chars: int,
    registry: Path | None,
    keep_going: bool,
) -> None:
    """Check ARTICLE files (or folders; "-" reads stdin) and fail on findings.

    \b
    Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it,
    2 usage or runtime error. Configuration is found upward from each article.
    With --registry (or AUDITOR_REGISTRY) the registry rules weigh each article against
    the newsroom's source registry.
    An article that cannot be read or audited is listed on stderr, the others are
    checked, and the exit code is 2.
    """
    from auditor.commands.audit_run import failure_line, open_desk
    from auditor.ingest import collect_inputs, read_article, read_stdin
    from auditor.report import render_many

    desk = open_desk(registry)
    gate = _Gate(model, config_path, keep_going, full_parse)
    results = []
    levels = []
    errors = 0
    for path in collect_inputs(inputs):
        try:
            if path == "-":
                article = read_stdin(sys.stdin, max_chars=max_chars)
            else:
                article = read_article(path, max_chars=max_chars)
            auditor, config = gate.auditor_for(path)
            result = auditor.audit(article)
            if desk is not None:
                result = desk.apply(result, article, auditor.rule_pack)
        except Exception as exc:  # noqa: BLE001 - this article's failure, not the others'
            if isinstance(exc, _SetupError):
                raise exc.__cause__ from None
            errors += 1
            click.echo(f"auditor: error: {failure_line(path, exc)}", err=True)
            continue
        results.append(result)
        levels.append(fail_on or config.fail_on)

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


class _SetupError(Exception):
    """A bad configuration or rule file without --keep-going: stops the whole check."""


class _Gate:
    """One Auditor per configuration found, all sharing one loaded pipeline."""

    def __init__(
        self, model: str, config_path: Path | None, keep_going: bool, full_parse: bool = False
    ) -> None:
        self.model = model
        self.full_parse = full_parse
        self.config_path = config_path
        self.keep_going = keep_going
        self.nlp = None
        self.auditors: dict[object, object] = {}

    def auditor_for(self, path: str):
        """The Auditor and configuration for the article at ``path`` ("-": the cwd's)."""
        from auditor.audit import Auditor
        from auditor.config import load_config
        from auditor.errors import AuditorError
        from auditor.rules import load_rule_pack

        try:
            start = Path.cwd() if path == "-" else Path(path)
            config = load_config(start=start, explicit=self.config_path)
            if config.path not in self.auditors:
                pack = load_rule_pack(config, keep_going=self.keep_going)
                for problem in pack.problems:
                    click.echo(f"auditor: warning: skipped rule file: {problem}", err=True)
                auditor = Auditor(
                    self.model,
                    nlp=self.nlp,
                    config=config,
                    rule_pack=pack,
                    full_parse=self.full_parse,
                )
                self.nlp = auditor.nlp
                self.auditors[config.path] = auditor
        except AuditorError as exc:
            if self.keep_going:
                raise
            raise _SetupError() from exc
        return self.auditors[config.path], config
