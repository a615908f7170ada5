"""JSON (schema auditor/1) and JSON Lines output: exactly ``AuditResult.to_dict()``."""

from __future__ import annotations

import json

from auditor.model import AuditResult


def render(result: AuditResult) -> str:
    """The JSON contract of one document, indented by 2, non-ASCII kept as is."""
    return json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n"


def render_many(results: list[AuditResult]) -> str:
    """Several documents as one JSON array (a single valid JSON value)."""
    return json.dumps([r.to_dict() for r in results], indent=2, ensure_ascii=False) + "\n"


def render_line(result: AuditResult) -> str:
    """One document as one compact JSON line."""
    line = json.dumps(result.to_dict(), ensure_ascii=False, separators=(",", ":"))
    # U+2028/U+2029 are legal raw in JSON strings, but str.splitlines() and some JSONL
    # readers split on them; outside strings they cannot occur, so escaping is lossless.
    return line.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029") + "\n"


def render_lines(results: list[AuditResult]) -> str:
    """JSON Lines: one compact object per document."""
    return "".join(render_line(r) for r in results)
