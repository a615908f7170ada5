"""The ``auditor`` command line.

Exit codes, for every command: 0 success (for ``check``: nothing at or above
``--fail-on``), 1 findings at or above ``--fail-on``, 2 usage or runtime error. Errors are
one line on stderr, never a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from auditor import __version__
from auditor.commands.options import (
    CONTEXT_SETTINGS,
    config_option,
    max_chars_option,
    model_option,
)
from auditor.errors import AuditorError


class AuditorGroup(click.Group):
    """A click group that turns the auditor's own errors into one line and exit code 2."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except AuditorError as exc:
            click.echo(f"auditor: error: {exc}", err=True)
            ctx.exit(2)
        except KeyboardInterrupt:
            click.echo("auditor: interrupted", err=True)
            ctx.exit(130)


@click.group(cls=AuditorGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "-V", "--version", prog_name="auditor")
def cli() -> None:
    """Audit who said what in news articles, and how well each claim is sourced.

    \b
    Start with:
      auditor audit article.txt              Markdown report on stdout
      auditor audit drafts/ --out reports/   one report per article
      auditor check draft.md --fail-on error pre-publication gate (exit 1 on errors)
      auditor rules                          the rules and their severities
    """


@cli.command(context_settings=CONTEXT_SETTINGS)
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
@config_option
@max_chars_option
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but the reports and errors.")
def audit(
    inputs: tuple[str, ...],
    fmt: str,
    out_dir: Path | None,
    model: str,
    config_path: Path | None,
    max_chars: int,
    quiet: bool,
) -> None:
    """Audit ARTICLE files or folders of them (.txt, .md, .html); "-" reads stdin.

    Prints the report to stdout, or with --out writes one report per article, named after
    the article, into that folder (never over an article: that is refused).

    \b
    An article that cannot be read or audited is listed on stderr and the others are
    reported. Exit codes: 0 all audited, 1 some failed, 2 none could be audited (a single
    bad article) or a usage error.
    """
    from auditor.runner import run_audit

    run = run_audit(
        inputs,
        fmt=fmt,
        out_dir=out_dir,
        model=model,
        config_path=config_path,
        quiet=quiet,
        stdin=sys.stdin,
        max_chars=max_chars,
    )
    click.get_current_context().exit(run.exit_code)


from auditor.evaluate.command import evaluate  # noqa: E402

cli.add_command(evaluate)

from auditor.commands.check_cmd import check  # noqa: E402
from auditor.commands.rules_cmd import rule, rules  # noqa: E402

cli.add_command(rules)
cli.add_command(rule)
cli.add_command(check)

from auditor.commands.batch_cmd import batch  # noqa: E402

cli.add_command(batch)

from auditor.commands.sources_cmd import sources  # noqa: E402

cli.add_command(sources)


def main() -> None:
    """Entry point of the ``auditor`` command."""
    cli(prog_name="auditor")


if __name__ == "__main__":
    main()
