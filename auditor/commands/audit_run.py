"""What ``auditor audit`` does: read articles, audit them, write or print the reports.

Kept apart from the click commands so audit, check and batch share the same steps.

A bad document (unreadable, too large, or one whose audit raises) never takes the others
with it: it is listed on stderr as ``auditor: error: PATH: message`` and the rest are
reported. The exit code is 0 when every article was audited, 1 when some were and some
failed, 2 when none could be (so a single bad article is one line and exit code 2).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import click

from auditor.errors import AuditorError
from auditor.ingest import Article, collect_inputs, read_article, read_stdin
from auditor.limits import DEFAULT_MAX_CHARS


@dataclass
class AuditRun:
    """What :func:`run_audit` did: the results in input order, and the failed inputs."""

    results: list = field(default_factory=list)
    #: ``auditor: error:`` lines, one per input that could not be audited
    failures: list[str] = field(default_factory=list)
    #: report files written (with ``--out``)
    written: list[Path] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 all audited, 1 some failed, 2 none could be audited."""
        if not self.failures:
            return 0
        return 1 if self.results else 2


def parse_formats(fmt: str) -> list[str]:
    """``"markdown,json"`` -> ``["markdown", "json"]``, each checked against the formats."""
    from auditor.report import check_format

    formats = [check_format(part.strip()) for part in fmt.split(",") if part.strip()]
    if not formats:
        raise AuditorError("--format needs at least one format")
    return formats


def failure_line(path: str, exc: BaseException) -> str:
    """One line naming ``path`` and why it failed (the auditor's errors already name it)."""
    label = "stdin" if path == "-" else path
    if isinstance(exc, AuditorError):
        message = str(exc)
        if not message.startswith(label):
            message = f"{label}: {message}"
    else:
        # Why a component crashed is a bug to report, not the user's to fix: keep it short.
        message = f"{label}: crash in the pipeline: {type(exc).__name__}: {exc}"
    lines = message.splitlines() or [message]
    return lines[0][:500]


def read_inputs(
    paths: Sequence[str], stdin: IO | None = None, *, max_chars: int = DEFAULT_MAX_CHARS
) -> list[Article | AuditorError]:
    """The article of each path ("-" for stdin) in order, or the error reading it gave."""
    read: list[Article | AuditorError] = []
    for path in paths:
        try:
            if path == "-":
                stream = stdin if stdin is not None else sys.stdin
                read.append(read_stdin(stream, max_chars=max_chars))
            else:
                read.append(read_article(path, max_chars=max_chars))
        except AuditorError as exc:
            read.append(exc)
    return read


def report_names(articles: Sequence[Article], formats: Sequence[str] = ("markdown",)) -> list[str]:
    """A file stem per article such that no two of its reports share a file name.

    The article's name; its path when two names clash (``a/x`` -> ``a__x``); then ``-2``,
    ``-3``... until none of its report file names (in any of ``formats``) is taken, also
    across formats (``a`` as github, ``a.github.txt``, is ``a.github`` as text) and letter
    case (so case-insensitive file systems cannot merge two either).
    """
    from auditor.report import EXTENSIONS

    counts: dict[str, int] = {}
    for article in articles:
        counts[article.name.casefold()] = counts.get(article.name.casefold(), 0) + 1
    taken: set[str] = set()
    names = []
    for article in articles:
        base = article.name
        if counts[base.casefold()] > 1 and article.path != "-":
            stem = os.path.splitext(os.path.normpath(article.path))[0]
            base = stem.strip(os.sep).replace(os.sep, "__").replace(":", "_")
        name, number = base, 1
        while any(f"{name}{EXTENSIONS[f]}".casefold() in taken for f in formats):
            number += 1
            name = f"{base}-{number}"
        taken.update(f"{name}{EXTENSIONS[f]}".casefold() for f in formats)
        names.append(name)
    return names


def report_targets(
    articles: Sequence[Article], formats: Sequence[str], out_dir: Path
) -> list[dict[str, Path]]:
    """Per article, ``format -> report path`` in ``out_dir``: all distinct (see
    :func:`report_names`)."""
    from auditor.report import EXTENSIONS

    return [
        {f: out_dir / f"{name}{EXTENSIONS[f]}" for f in formats}
        for name in report_names(articles, formats)
    ]


def refuse_overwriting_inputs(targets: Sequence[Path], inputs: Sequence[str]) -> None:
    """Raise :class:`AuditorError` when writing any of ``targets`` would replace an input.

    A target replaces an input when it names the same directory entry as the input or
    the file the input leads to (through symlinks), or when it already is that very
    file (same inode: a hard link).
    """
    protected: dict[Path, str] = {}
    inodes: dict[tuple[int, int], str] = {}
    for path in inputs:
        if path == "-":
            continue
        protected[_entry(Path(path))] = path
        protected[Path(path).resolve()] = path
        try:
            info = os.stat(path)
            inodes[(info.st_dev, info.st_ino)] = path
        except OSError:
            pass
    for target in targets:
        hit = protected.get(_entry(target))
        if hit is None:
            try:
                info = os.stat(target)
                hit = inodes.get((info.st_dev, info.st_ino))
            except OSError:
                pass
        if hit is not None:
            raise AuditorError(
                f"the report {target} would overwrite the article {hit}; "
                "write the reports into another folder (--out)"
            )


def _entry(path: Path) -> Path:
    """The directory entry ``path`` names: absolute, folders above it resolved, the last
    part kept as is (replacing a symlink replaces the link, not what it points to)."""
    absolute = Path(os.path.abspath(path))
    return absolute.parent.resolve() / absolute.name


def run_audit(
    inputs: Sequence[str],
    *,
    fmt: str = "markdown",
    out_dir: Path | None = None,
    model: str | None = None,
    full_parse: bool = False,
    config_path: Path | None = None,
    quiet: bool = False,
    stdin: IO | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    registry: Path | None = None,
    schema: int = 2,
) -> AuditRun:
    """Audit ``inputs`` and print the reports, or write them into ``out_dir``.

    ``full_parse`` runs the model's entity recognizer over every word (``--full-parse``).
    ``schema`` is the JSON layout of json and jsonl reports (2, or 1 for the previous
    release's consumers).

    With ``registry`` (a source registry file) the registry rules weigh each article
    against it (see :mod:`auditor.provenance.desk`). Raises :class:`AuditorError` for a
    usage error, a missing or damaged registry included (nothing is read or written then);
    failed documents are listed on stderr and in the returned :class:`AuditRun`.
    """
    formats = parse_formats(fmt)
    if out_dir is None and len(formats) > 1:
        raise AuditorError("several formats need --out (one file per article and format)")
    desk = open_desk(registry)
    paths = collect_inputs(inputs)
    read = read_inputs(paths, stdin, max_chars=max_chars)
    articles = [a for a in read if isinstance(a, Article)]
    targets = report_targets(articles, formats, out_dir) if out_dir is not None else []
    refuse_overwriting_inputs([t for per in targets for t in per.values()], paths)

    run = AuditRun()
    results: list = [None] * len(articles)
    for path, outcome in zip(paths, read, strict=True):
        if isinstance(outcome, AuditorError):
            run.failures.append(failure_line(path, outcome))
            click.echo(f"auditor: error: {run.failures[-1]}", err=True)
    config = _config_for(articles, config_path) if articles else None
    if config is not None:
        audited = _audit(articles, model, config, quiet, len(paths), desk, full_parse)
        for index, result in audited:
            if isinstance(result, Exception):
                run.failures.append(failure_line(articles[index].path, result))
                click.echo(f"auditor: error: {run.failures[-1]}", err=True)
            else:
                results[index] = result
    run.results = [r for r in results if r is not None]
    rules_url = config.rule_docs_url if config is not None else None
    if out_dir is None:
        _print_reports(run.results, formats[0], rules_url, schema)
    else:
        kept = [t for t, r in zip(targets, results, strict=True) if r is not None]
        _write_reports(run, kept, out_dir, quiet, rules_url, schema)
    return run


def open_desk(registry: Path | None):
    """The :class:`~auditor.provenance.desk.DeskRegistry` of ``registry``, or None."""
    if registry is None:
        return None
    from auditor.provenance.desk import DeskRegistry

    return DeskRegistry(registry)


def _config_for(articles: list[Article], config_path: Path | None):
    """The configuration of a run: ``--config``, else the one found from the first file."""
    from auditor.config import load_config

    first = next((a.path for a in articles if a.path != "-"), None)
    return load_config(start=Path(first).parent if first else Path.cwd(), explicit=config_path)


def _audit(
    articles: list[Article], model, config, quiet: bool, total: int, desk=None, full_parse=False
):
    """``(index, AuditResult | Exception)`` per article, loading the model once; with a
    registry (``desk``), its verdicts are in each result's findings."""
    from auditor.audit import Auditor

    if not quiet:
        click.echo(f"auditor: loading model {model or 'default'}...", err=True)
    # One run of the command: the tokenizer's special cases are added as texts need them.
    options = {"config": config, "full_parse": full_parse, "specials_on_demand": True}
    auditor = Auditor(model, **options) if model else Auditor(**options)
    for index, (article, result) in enumerate(auditor.audit_each(articles)):
        if not quiet and total > 1:
            click.echo(f"auditor: [{index + 1}/{len(articles)}] {article.path}", err=True)
        if desk is not None and not isinstance(result, Exception):
            try:
                result = desk.apply(result, article, auditor.rule_pack)
            except AuditorError as exc:
                result = exc
        yield index, result


def _print_reports(results: list, fmt: str, rules_url: str | None = None, schema: int = 2) -> None:
    from auditor.report import render, render_many

    if not results:
        return
    if len(results) == 1:
        text = render(results[0], fmt, rules_url=rules_url, schema=schema)
    else:
        text = render_many(results, fmt, rules_url=rules_url, schema=schema)
    click.echo(text, nl=not text.endswith("\n"))


def _write_reports(
    run: AuditRun,
    targets: list[dict[str, Path]],
    out_dir: Path,
    quiet: bool,
    rules_url: str | None = None,
    schema: int = 2,
):
    from auditor.report import render

    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AuditorError(f"{out_dir}: cannot create the folder ({exc.strerror or exc})") from None
    for result, per_format in zip(run.results, targets, strict=True):
        for one_format, target in per_format.items():
            _write_atomically(
                target, render(result, one_format, rules_url=rules_url, schema=schema)
            )
            run.written.append(target)
    if not quiet:
        click.echo(f"auditor: wrote {len(run.written)} report(s) to {out_dir}", err=True)


def _write_atomically(target: Path, text: str) -> None:
    """Write ``text`` to ``target`` through a hidden temporary file next to it (a name no
    article can have: ``.part`` is not an article extension)."""
    temporary = target.with_name(f".{target.name}.part")
    try:
        temporary.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
        os.replace(temporary, target)
    except OSError as exc:
        raise AuditorError(f"{target}: cannot write the report ({exc.strerror or exc})") from None
