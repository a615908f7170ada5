"""The HTTP API: health, audit, check and the rule catalogue (JSON in and out).

Every audit goes through :class:`auditor.serve.service.AuditService`, i.e. the project's
one audit path (:class:`auditor.audit.Auditor`), and every report through
:func:`auditor.report.render`, so the API answers exactly what ``auditor audit`` prints.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from auditor import __version__
from auditor.serve.request_bodies import BadRequest, audit_request, parse_json_body

#: ``?report=`` values of POST /api/audit and the media type of each.
REPORT_MEDIA = {
    "json": "application/json",
    "markdown": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "sarif": "application/sarif+json",
    "github": "text/plain; charset=utf-8",
    "text": "text/plain; charset=utf-8",
}


class NotFound(Exception):
    """A rule or resource that does not exist (HTTP 404); the message says which."""


def service_of(request: Request):
    """The worker's :class:`~auditor.serve.service.AuditService`."""
    return request.app.state.service


async def health(request: Request) -> JSONResponse:
    """GET /api/health: the server is up and its model loaded."""
    service = service_of(request)
    return JSONResponse(
        {
            "status": "ok",
            "version": __version__,
            "model": service.auditor.model,
            "rules": len(service.rule_pack.enabled),
            "registry": service.settings.registry is not None,
        }
    )


async def audit(request: Request) -> Response:
    """POST /api/audit: the audit as JSON (schema auditor/1) or ``?report=`` rendering."""
    from auditor.report import render

    report = request.query_params.get("report", "json").strip().lower()
    if report not in REPORT_MEDIA:
        raise BadRequest(f"unknown report {report!r}; use one of {', '.join(REPORT_MEDIA)}")
    parsed = audit_request(parse_json_body(await request.body()))
    service = service_of(request)
    # Rendered on the audit thread too: a long report would hold the event loop up.
    rules_url = service.config.rule_docs_url
    rendered = await service.run(
        lambda: render(service.audit(parsed.article), report, rules_url=rules_url)
    )
    return Response(rendered, media_type=REPORT_MEDIA[report])


async def check(request: Request) -> JSONResponse:
    """POST /api/check: a publish gate, passed when no finding is at or above ``fail_on``."""
    from auditor.commands.check_cmd import failing
    from auditor.report.common import is_empty

    parsed = audit_request(parse_json_body(await request.body()), check=True)
    service = service_of(request)
    result = await service.run(lambda: service.audit(parsed.article))
    level = parsed.fail_on or service.config.fail_on
    blocking = failing(result.findings, level)
    return JSONResponse(
        {
            "passed": not blocking,
            "fail_on": level,
            "grade": None if is_empty(result) else result.summary.grade,
            "findings": [f.to_dict() for f in blocking],
            "total_findings": len(result.findings),
        }
    )


async def rules(request: Request) -> JSONResponse:
    """GET /api/rules: every rule with its severity as configured and whether it is on."""
    pack = service_of(request).rule_pack
    enabled = {rule.id for rule in pack.enabled}
    return JSONResponse([dict(rule.to_dict(), enabled=rule.id in enabled) for rule in pack.rules])


async def rule(request: Request) -> JSONResponse:
    """GET /api/rules/{id}: one rule (id or name) with its explanation as text."""
    from auditor.errors import AuditorError
    from auditor.rules.docs import explain

    pack = service_of(request).rule_pack
    try:
        found = pack.get(request.path_params["rule_id"])
    except AuditorError as exc:
        raise NotFound(str(exc)) from None
    enabled = {r.id for r in pack.enabled}
    return JSONResponse(
        dict(found.to_dict(), enabled=found.id in enabled, explanation=explain(found))
    )


async def openapi(request: Request) -> JSONResponse:
    """GET /api/openapi.json: the API described for tools."""
    from auditor.serve.openapi import schema

    return JSONResponse(schema())


API_ROUTES = [
    Route("/api/health", health, methods=["GET"]),
    Route("/api/audit", audit, methods=["POST"]),
    Route("/api/check", check, methods=["POST"]),
    Route("/api/rules", rules, methods=["GET"]),
    Route("/api/rules/{rule_id}", rule, methods=["GET"]),
    Route("/api/openapi.json", openapi, methods=["GET"]),
]

#: Paths answered without the token (monitoring probes and the schema).
OPEN_PATHS = frozenset({"/api/health", "/api/openapi.json"})
