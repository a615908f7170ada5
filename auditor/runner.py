"""What ``auditor audit`` does: read articles, audit them, write or print the reports.

Kept apart from the click layer so the batch and check commands share the same steps.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO

import click

from auditor.errors import AuditorError
from auditor.ingest import Article, collect_inputs, read_article, read_stdin


def parse_formats(fmt: str) -> list[str]:
    """``"markdown,json"`` -> ``["markdown", "json"]``, each checked against the formats."""
    from auditor.report import check_format

    formats = [check_format(part.strip()) for part in fmt.split(",") if part.strip()]
    if not formats:
        raise AuditorError("--format needs at least one format")
    return formats


def read_inputs(inputs: Sequence[str], stdin: IO | None = None) -> list[Article]:
    """Every article named by ``inputs`` (files, folders, "-" for stdin), in order."""
    articles = []
    for path in collect_inputs(inputs):
        if path == "-":
            articles.append(read_stdin(stdin if stdin is not None else sys.stdin))
        else:
            articles.append(read_article(path))
    return articles


def report_names(articles: Sequence[Article]) -> list[str]:
    """A distinct file stem per article: its name, or its path when two names clash."""
    counts: dict[str, int] = {}
    for article in articles:
        counts[article.name] = counts.get(article.name, 0) + 1
    names = []
    for article in articles:
        if counts[article.name] == 1 or article.path == "-":
            names.append(article.name)
        else:
            stem = os.path.splitext(os.path.normpath(article.path))[0]
            names.append(stem.strip(os.sep).replace(os.sep, "__").replace(":", "_"))
    return names


def run_audit(
    inputs: Sequence[str],
    *,
    fmt: str = "markdown",
    out_dir: Path | None = None,
    model: str | None = None,
    config_path: Path | None = None,
    quiet: bool = False,
    stdin: IO | None = None,
) -> list:
    """Audit ``inputs`` and print the reports, or write them into ``out_dir``."""
    from auditor.audit import Auditor
    from auditor.config import load_config
    from auditor.report import EXTENSIONS, render, render_many

    formats = parse_formats(fmt)
    if out_dir is None and len(formats) > 1:
        raise AuditorError("several formats need --out (one file per article and format)")
    articles = read_inputs(inputs, stdin)
    first = next((a.path for a in articles if a.path != "-"), None)
    config = load_config(start=Path(first).parent if first else Path.cwd(), explicit=config_path)
    if not quiet:
        click.echo(f"auditor: loading model {model or 'default'}...", err=True)
    auditor = Auditor(model, config=config) if model else Auditor(config=config)
    results = []
    for number, (article, result) in enumerate(
        zip(articles, auditor.audit_many(articles), strict=True), start=1
    ):
        results.append(result)
        if not quiet and len(articles) > 1:
            click.echo(f"auditor: [{number}/{len(articles)}] {article.path}", err=True)
    if out_dir is None:
        text = render(results[0], formats[0]) if len(results) == 1 else render_many(
            results, formats[0]
        )
        click.echo(text, nl=not text.endswith("\n"))
        return results
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, result in zip(report_names(articles), results, strict=True):
        for one_format in formats:
            target = out_dir / f"{name}{EXTENSIONS[one_format]}"
            _write_atomically(target, render(result, one_format))
    if not quiet:
        click.echo(f"auditor: wrote {len(results) * len(formats)} report(s) to {out_dir}", err=True)
    return results


def _write_atomically(target: Path, text: str) -> None:
    temporary = target.with_name(target.name + ".part")
    temporary.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    os.replace(temporary, target)
