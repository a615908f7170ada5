"""A compact listing for terminals and editors: ``path:line:col: ID message``, sorted.

The shape editors' "jump to error" features already parse (as ruff and flake8 print).
"""

from __future__ import annotations

from auditor.model import AuditResult, Finding
from auditor.report import common
from auditor.report.escape import one_line


def line_of(result: AuditResult, f: Finding) -> str:
    """One finding as ``path:line:col: ID message``."""
    return f"{one_line(result.document.path)}:{f.line}:{f.column}: {f.rule} {one_line(f.message)}"


def _key(result: AuditResult, f: Finding) -> tuple:
    return (
        result.document.path,
        f.line,
        f.column,
        common.severity_rank(f.severity),
        f.rule,
        f.message,
    )


def render_many(results: list[AuditResult]) -> str:
    """All findings of all documents, sorted by path, line, column and rule."""
    rows = sorted((_key(r, f), line_of(r, f)) for r in results for f in r.findings)
    return "".join(line + "\n" for _, line in rows)


def render(result: AuditResult) -> str:
    """The findings of one document, sorted by line, column and rule."""
    return render_many([result])
