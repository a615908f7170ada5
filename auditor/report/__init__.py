"""Audit reports: one renderer per output format, chosen by name.

    >>> from auditor.report import render
    >>> print(render(result, "markdown"))  # doctest: +SKIP

Every renderer is a pure function of the :class:`~auditor.model.AuditResult` (no clock, no
environment), so the same audit always gives byte-identical reports and golden files can be
compared.
"""

from __future__ import annotations

import importlib
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


#: The formats whose layout is the JSON schema (``schema`` picks ``auditor/2`` or ``/1``).
SCHEMA_FORMATS: frozenset[str] = frozenset({"json", "jsonl"})


#: format -> (module in auditor.report, render one, render many, takes ``rules_url``).
_RENDERERS: dict[str, tuple[str, str, str, bool]] = {
    "markdown": ("markdown_format", "render", "render_many", True),
    "html": ("html_format", "render", "render_many", True),
    "json": ("json_format", "render", "render_many", False),
    "jsonl": ("json_format", "render_line", "render_lines", False),
    "sarif": ("sarif", "render", "render_many", True),
    "github": ("github", "render", "render_many", False),
    "text": ("text_format", "render", "render_many", False),
}


def _renderer(name: str) -> tuple[Callable[..., str], Callable[..., str], bool]:
    """(render one, render many, takes ``rules_url``) of format ``name``."""
    # Only the format asked for is imported, so importing auditor.report (e.g. for FORMATS
    # in --help) is cheap and a Markdown report does not load the HTML one's libraries.
    module_name, one, many, linked = _RENDERERS[name]
    module = importlib.import_module(f"auditor.report.{module_name}")
    return getattr(module, one), getattr(module, many), linked


def check_format(fmt: str) -> str:
    """Return ``fmt`` normalised (lower case, ``md`` -> ``markdown``), or raise ReportError."""
    name = fmt.strip().lower()
    name = _ALIASES.get(name, name)
    if name not in FORMATS:
        raise ReportError(f"unknown report format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    return name


_ALIASES = {"md": "markdown", "htm": "html", "txt": "text", "ndjson": "jsonl"}


def render(
    result: AuditResult, fmt: str, *, rules_url: str | None = None, schema: int = 2
) -> str:
    """Render one audit result in format ``fmt`` (one of :data:`FORMATS`).

    ``rules_url`` is where rule explanations live (see the ``rule-docs-url`` setting);
    ``schema`` is the JSON layout of json and jsonl (2, or 1 for the previous release).
    """
    name = check_format(fmt)
    one, _, linked = _renderer(name)
    if name in SCHEMA_FORMATS:
        return one(result, schema)
    return one(result, rules_url) if linked and rules_url else one(result)


def render_many(
    results: list[AuditResult], fmt: str, *, rules_url: str | None = None, schema: int = 2
) -> str:
    """Render several audit results as one stream in format ``fmt``.

    jsonl writes one line per document; sarif one run with all results; json an array;
    markdown and html the documents one after the other; github and text all lines.
    """
    name = check_format(fmt)
    _, many, linked = _renderer(name)
    results = list(results)
    if name in SCHEMA_FORMATS:
        return many(results, schema)
    return many(results, rules_url) if linked and rules_url else many(results)


__all__ = ["EXTENSIONS", "FORMATS", "ReportError", "check_format", "render", "render_many"]
