"""Audit reports: one renderer per output format, chosen by name.

    >>> from auditor.report import render
    >>> print(render(result, "markdown"))  # doctest: +SKIP

Every renderer is a pure function of the :class:`~auditor.model.AuditResult` (no clock, no
environment), so the same audit always gives byte-identical reports and golden files can be
compared.
"""

from __future__ import annotations

from collections.abc import Callable

from auditor.errors import AuditorError
from auditor.model import AuditResult

FORMATS: tuple[str, ...] = ("markdown", "html", "json", "jsonl", "sarif", "github", "text")

#: File suffix for each format when reports are written with ``--out``.
EXTENSIONS: dict[str, str] = {
    "markdown": ".md",
    "html": ".html",
    "json": ".json",
    "jsonl": ".jsonl",
    "sarif": ".sarif",
    "github": ".github.txt",
    "text": ".txt",
}


class ReportError(AuditorError):
    """An unknown report format was asked for."""


def _renderers() -> dict[str, tuple[Callable[[AuditResult], str], Callable[[list], str]]]:
    # Imported lazily so that asking for JSON does not import markdown-it-py and friends.
    from auditor.report import json_format, markdown

    table = {
        "markdown": (markdown.render, markdown.render_many),
        "json": (json_format.render, json_format.render_many),
        "jsonl": (json_format.render_line, json_format.render_lines),
    }
    return table


def check_format(fmt: str) -> str:
    """Return ``fmt`` normalised (lower case), or raise :class:`ReportError` if unknown."""
    name = fmt.strip().lower()
    if name == "md":
        name = "markdown"
    if name not in FORMATS:
        raise ReportError(f"unknown report format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    return name


def render(result: AuditResult, fmt: str) -> str:
    """Render one audit result in format ``fmt`` (one of :data:`FORMATS`)."""
    name = check_format(fmt)
    return _lookup(name)[0](result)


def render_many(results: list[AuditResult], fmt: str) -> str:
    """Render several audit results as one stream in format ``fmt``."""
    name = check_format(fmt)
    return _lookup(name)[1](list(results))


def _lookup(name: str):
    table = _renderers()
    if name not in table:
        raise ReportError(f"report format {name!r} is not available yet")
    return table[name]


__all__ = ["EXTENSIONS", "FORMATS", "ReportError", "check_format", "render", "render_many"]
