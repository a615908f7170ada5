"""JSON (schema auditor/2) and JSON Lines output: exactly ``AuditResult.to_dict()``.

:func:`as_schema_1` turns an ``auditor/2`` object into the ``auditor/1`` layout of the
previous release, for consumers not yet updated (``--schema 1``).
"""

from __future__ import annotations

import copy
import json
from typing import Any

from auditor.model import SCHEMA, AuditResult

#: The previous layout: no ``parts`` in an attribution's content.
SCHEMA_1 = "auditor/1"


#: The layouts ``--schema`` can ask for: the current one and the previous release's.
SCHEMA_VERSIONS: tuple[int, ...] = (2, 1)


def payload(result: AuditResult, schema: int = 2) -> dict[str, Any]:
    """``result`` as the JSON object of schema ``auditor/<schema>`` (2, or 1 for
    consumers not yet updated)."""
    data = result.to_dict()
    return as_schema_1(data) if schema == 1 else data


def render(result: AuditResult, schema: int = 2) -> str:
    """The JSON contract of one document, indented by 2, non-ASCII kept as is."""
    return json.dumps(payload(result, schema), indent=2, ensure_ascii=False) + "\n"


def as_schema_1(data: dict[str, Any]) -> dict[str, Any]:
    """The ``auditor/1`` form of the ``auditor/2`` object ``data`` (``result.to_dict()``):
    the schema string, and each attribution's content without its ``parts``. ``data`` is
    not changed; an object already in ``auditor/1`` comes back as a copy. Raises
    :class:`ValueError` for any other schema."""
    schema = data.get("schema")
    if schema not in (SCHEMA, SCHEMA_1):
        raise ValueError(f"cannot convert schema {schema!r} to {SCHEMA_1} (want {SCHEMA})")
    old = copy.deepcopy(data)
    old["schema"] = SCHEMA_1
    for attribution in old.get("attributions") or []:
        content = attribution.get("content")
        if isinstance(content, dict):
            content.pop("parts", None)
    return old


def render_many(results: list[AuditResult], schema: int = 2) -> str:
    """Several documents as one JSON array (a single valid JSON value)."""
    data = [payload(r, schema) for r in results]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


#: Line breaks that json.dumps leaves raw inside strings but str.splitlines() and some
#: JSON Lines readers split on (NEL, LINE and PARAGRAPH SEPARATOR); the C0 ones are
#: already escaped by json.dumps.
_RAW_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def compact_json(value) -> str:
    """``value`` as compact JSON on one line that no line reader splits (no newline added).

    Non-ASCII is kept as is; the breaks above can only occur inside strings, so escaping
    them is lossless.
    """
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(_RAW_LINE_BREAKS)


def json_line(value) -> str:
    """:func:`compact_json` of ``value`` with its newline: one JSON Lines record."""
    return compact_json(value) + "\n"


def render_line(result: AuditResult, schema: int = 2) -> str:
    """One document as one compact JSON line."""
    return json_line(payload(result, schema))


def render_lines(results: list[AuditResult], schema: int = 2) -> str:
    """JSON Lines: one compact object per document."""
    return "".join(render_line(r, schema) for r in results)
