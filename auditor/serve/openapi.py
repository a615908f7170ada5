"""The OpenAPI 3.1 description of the HTTP API, served at ``/api/openapi.json``.

Written out here rather than generated, so what the API promises is read in one place;
``tests/test_serve_api.py`` checks that it names exactly the routes the app has.
"""

from __future__ import annotations

from typing import Any

from auditor import __version__
from auditor.ingest import FORMATS
from auditor.model import SEVERITIES
from auditor.serve.routes import REPORT_MEDIA


def _error(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


_ERRORS = {
    "400": _error("Malformed body, unknown field, format or report"),
    "401": _error("The server has a token and the request lacks Authorization: Bearer TOKEN"),
    "413": _error("The body is larger than the server's --max-bytes"),
    "503": _error("Too many audits are waiting; retry after the Retry-After seconds"),
}

_ARTICLE = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "text": {"type": "string", "description": "The article (or send file)."},
        "format": {"type": "string", "enum": list(FORMATS), "default": "text"},
        "name": {"type": "string", "maxLength": 200, "description": "A label, e.g. draft.md"},
        "file": {
            "type": "string",
            "contentEncoding": "base64",
            "description": "A file's bytes instead of text; its name's extension says how "
            "to read it (.txt, .md, .html...).",
        },
    },
}

_CHECK = {
    **_ARTICLE,
    "properties": {
        **_ARTICLE["properties"],
        "fail_on": {
            "type": "string",
            "enum": list(SEVERITIES),
            "description": "Lowest severity that fails (default: the config's fail-on).",
        },
    },
}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def schema() -> dict[str, Any]:
    """The OpenAPI document."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "auditor: source-attribution audit API",
            "version": __version__,
            "description": "Audit a news article's sourcing: who said what, how well each "
            "claim is sourced, and what to fix. Reports are those of `auditor audit`.",
        },
        "paths": _paths(),
        "components": _components(),
    }


def _paths() -> dict[str, Any]:
    """Each endpoint: what it answers, what it reads, and its errors."""
    auth = [{"bearer": []}]
    return {
        "/api/health": {
            "get": {
                "summary": "The server is up and its model loaded",
                "responses": {"200": _json({"$ref": "#/components/schemas/Health"}, "OK")},
            }
        },
        "/api/audit": {
            "post": {
                "summary": "Audit one article",
                "security": auth,
                "parameters": [
                    {
                        "name": "report",
                        "in": "query",
                        "schema": {"type": "string", "enum": list(REPORT_MEDIA)},
                        "description": "Answer with this report instead of the JSON.",
                    }
                ],
                "requestBody": _json({"$ref": "#/components/schemas/Article"}, "Article"),
                "responses": {
                    "200": {
                        "description": "The audit (schema auditor/1, as `auditor audit "
                        "--format json`), or the rendering ?report= asks for",
                        "content": {media: {} for media in REPORT_MEDIA.values()},
                    },
                    **_ERRORS,
                },
            }
        },
        "/api/check": {
            "post": {
                "summary": "Publish gate: passed unless a finding is at or above fail_on",
                "security": auth,
                "requestBody": _json({"$ref": "#/components/schemas/Check"}, "Article"),
                "responses": {
                    "200": _json({"$ref": "#/components/schemas/CheckResult"}, "Verdict"),
                    **_ERRORS,
                },
            }
        },
        "/api/rules": {
            "get": {
                "summary": "The rule catalogue, severities as configured",
                "security": auth,
                "responses": {"200": _json({"type": "array"}, "Rules"), "401": _ERRORS["401"]},
            }
        },
        "/api/rules/{rule_id}": {
            "get": {
                "summary": "One rule (id or name) and its explanation",
                "security": auth,
                "parameters": [
                    {
                        "name": "rule_id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                    }
                ],
                "responses": {
                    "200": _json({"type": "object"}, "The rule"),
                    "401": _ERRORS["401"],
                    "404": _error("No such rule (close ids are named)"),
                },
            }
        },
        "/api/openapi.json": {
            "get": {
                "summary": "This document",
                "responses": {"200": _json({"type": "object"}, "OpenAPI")},
            }
        },
    }


def _components() -> dict[str, Any]:
    """The security scheme and the request and answer bodies the paths refer to."""
    return {
        "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        "schemas": {
            "Article": _ARTICLE,
            "Check": _CHECK,
            "Error": {
                "type": "object",
                "required": ["error"],
                "properties": {"error": {"type": "string"}},
            },
            "Health": {
                "type": "object",
                "required": ["status", "version", "model", "rules"],
                "properties": {
                    "status": {"const": "ok"},
                    "version": {"type": "string"},
                    "model": {"type": "string"},
                    "rules": {"type": "integer", "description": "Rules enabled"},
                    "registry": {"type": "boolean"},
                },
            },
            "CheckResult": {
                "type": "object",
                "required": ["passed", "fail_on", "findings"],
                "properties": {
                    "passed": {"type": "boolean"},
                    "fail_on": {"type": "string", "enum": list(SEVERITIES)},
                    "grade": {"type": ["string", "null"]},
                    "findings": {
                        "type": "array",
                        "description": "The findings at or above fail_on",
                        "items": {"type": "object"},
                    },
                    "total_findings": {"type": "integer"},
                },
            },
        },
    }
