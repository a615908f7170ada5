"""Requests into articles: the JSON body of the API, and files opened on the review page.

Everything a client can get wrong raises :class:`BadRequest` with a message naming the
field and what to send instead (HTTP 400). Articles are built by the project's ingest
(:func:`auditor.ingest.article_from_text`), exactly as ``auditor audit`` builds them.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from auditor.errors import AuditorError
from auditor.ingest import (
    FORMATS,
    SUPPORTED_EXTENSIONS,
    Article,
    article_from_bytes,
    article_from_text,
)
from auditor.model import SEVERITIES

#: Keys the audit and check bodies may carry.
AUDIT_KEYS = frozenset({"text", "format", "name", "file"})
CHECK_KEYS = AUDIT_KEYS | {"fail_on"}

#: Longest document name accepted (it is only a label in the report).
MAX_NAME = 200

DEFAULT_NAME = "draft"


class BadRequest(AuditorError):
    """The request cannot be audited as sent (HTTP 400)."""


class Unauthorized(AuditorError):
    """The request lacks the server's token (HTTP 401)."""


@dataclass(frozen=True)
class AuditRequest:
    """A parsed audit or check body."""

    article: Article
    fail_on: str | None = None


def parse_json_body(raw: bytes) -> dict[str, Any]:
    """The JSON object in ``raw``; :class:`BadRequest` for anything else."""
    try:
        body = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise BadRequest("the body is not UTF-8; send JSON encoded as UTF-8") from None
    except json.JSONDecodeError as exc:
        raise BadRequest(f"the body is not valid JSON ({exc.msg} at character {exc.pos})") from None
    if not isinstance(body, dict):
        raise BadRequest('the body must be a JSON object such as {"text": "..."}')
    return body


def audit_request(body: dict[str, Any], *, check: bool = False) -> AuditRequest:
    """The article (and for a check, the ``fail_on`` level) a JSON body asks for."""
    allowed = CHECK_KEYS if check else AUDIT_KEYS
    unknown = sorted(set(body) - allowed)
    if unknown:
        raise BadRequest(
            f"unknown field(s) {', '.join(map(repr, unknown))}; "
            f"the body takes {', '.join(sorted(allowed))}"
        )
    name = _string(body, "name", DEFAULT_NAME)
    if "file" in body:
        if "text" in body:
            raise BadRequest('send either "text" or "file", not both')
        article = article_from_upload(_file_bytes(body), name)
    else:
        if "text" not in body:
            raise BadRequest('the field "text" is missing (the article, as a string)')
        article = article_from_body(_string(body, "text", ""), _format(body), name)
    fail_on = None
    if check and body.get("fail_on") is not None:
        fail_on = _string(body, "fail_on", "")
        if fail_on not in SEVERITIES:
            raise BadRequest(f"unknown fail_on {fail_on!r}; use one of {', '.join(SEVERITIES)}")
    return AuditRequest(article, fail_on)


def article_from_body(text: str, fmt: str, name: str) -> Article:
    """The article of pasted ``text`` in format ``fmt`` (text, markdown or html)."""
    stem = PurePath(name).stem or DEFAULT_NAME
    try:
        return article_from_text(text, name=stem, path=name, format=fmt)
    except AuditorError as exc:
        raise BadRequest(str(exc)) from None


def article_from_upload(data: bytes, filename: str) -> Article:
    """The article of a file's bytes, read as its extension says, exactly as
    ``auditor audit`` reads a file of that name (a .docx has its text extracted)."""
    suffix = PurePath(filename).suffix.lower()
    fmt = SUPPORTED_EXTENSIONS.get(suffix)
    if fmt is None:
        supported = ", ".join(sorted(SUPPORTED_EXTENSIONS))
        raise BadRequest(f"{filename}: unsupported file type {suffix!r}; supported: {supported}")
    stem = PurePath(filename).stem or DEFAULT_NAME
    try:
        return article_from_bytes(data, name=stem, path=filename, format=fmt)
    except AuditorError as exc:
        raise BadRequest(str(exc)) from None


def _string(body: dict[str, Any], key: str, default: str) -> str:
    value = body.get(key, default)
    if value is None:
        return default
    if not isinstance(value, str):
        raise BadRequest(f'the field "{key}" must be a string, not {type(value).__name__}')
    if key == "name" and len(value) > MAX_NAME:
        raise BadRequest(f'the field "name" is longer than {MAX_NAME} characters')
    return value


def _format(body: dict[str, Any]) -> str:
    fmt = _string(body, "format", "text").strip().lower()
    if fmt not in FORMATS:
        raise BadRequest(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    return fmt


def _file_bytes(body: dict[str, Any]) -> bytes:
    encoded = _string(body, "file", "")
    if "name" not in body:
        raise BadRequest('a "file" needs its "name" (the extension says how to read it)')
    try:
        return base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise BadRequest('the field "file" must be the file\'s bytes in base64') from None
