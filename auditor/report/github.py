"""GitHub Actions workflow commands: one annotation line per finding.

``::error file=PATH,line=L,col=C,endLine=..,endColumn=..,title=ID name::message``. GitHub
reads property values up to the next ``,`` and the message up to the line end, so values
are escaped as its toolkit does: ``%``, CR and LF everywhere, and ``:`` and ``,`` in
properties.
"""

from __future__ import annotations

from auditor.model import AuditResult, Finding, line_and_column
from auditor.report import common
from auditor.report.rulemeta import rule_info

#: auditor severity -> workflow command.
COMMANDS = {"error": "error", "warning": "warning", "suggestion": "notice"}


def escape_data(value: str) -> str:
    """Escape a command's message (the part after ``::``)."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a command property value (``file=``, ``title=``...)."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def annotation(result: AuditResult, f: Finding) -> str:
    """The workflow command for one finding."""
    end_line, end_column = line_and_column(result.text, max(0, min(f.end, len(result.text))))
    if (end_line, end_column) < (f.line, f.column):
        end_line, end_column = f.line, f.column
    name = f.name or rule_info(f.rule).name
    title = f"{f.rule} {name}".strip()
    props = [
        ("file", result.document.path),
        ("line", str(f.line)),
        ("col", str(f.column)),
        ("endLine", str(end_line)),
        ("endColumn", str(end_column)),
        ("title", title),
    ]
    message = f.message
    fix = f.fix or rule_info(f.rule).fix
    if fix:
        # A line break in the message shows as one in the annotation.
        message += f"\nFix: {fix}"
    command = COMMANDS.get(f.severity, "notice")
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in props)
    return f"::{command} {joined}::{escape_data(message)}"


def render(result: AuditResult) -> str:
    """Annotation lines for one document's findings, in reading order."""
    return "".join(annotation(result, f) + "\n" for f in common.sorted_findings(result.findings))


def render_many(results: list[AuditResult]) -> str:
    """Annotation lines for several documents, one document after the other."""
    return "".join(render(r) for r in results)
