"""The HTTP API of ``auditor serve`` through Starlette's test client: every route, every error."""

from __future__ import annotations

import base64
import json
import threading

import jsonschema
import pytest
from serve_helpers import (
    ARTICLE,
    CLEAN_ARTICLE,
    BrokenAuditor,
    HeldAuditor,
    article_docx,
    client,
)

from auditor import __version__
from auditor.ingest import article_from_text
from auditor.report import render


@pytest.fixture(scope="module")
def api(auditor):
    with client(auditor) as test_client:
        yield test_client


def expected(auditor, text=ARTICLE, fmt="text", name="draft", report="json") -> str:
    """What ``auditor audit`` renders for the same article."""
    article = article_from_text(text, name=name.rsplit(".", 1)[0], path=name, format=fmt)
    return render(auditor.audit(article), report)


def test_health_names_version_model_and_rules(api, auditor):
    answer = api.get("/api/health")
    assert answer.status_code == 200
    body = answer.json()
    assert body["status"] == "ok" and body["version"] == __version__
    assert body["model"] == auditor.model
    assert body["rules"] == len(auditor.rule_pack.enabled) > 0


def test_audit_answers_the_json_of_auditor_audit(api, auditor):
    answer = api.post("/api/audit", json={"text": ARTICLE, "name": "tram.txt"})
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/json"
    assert answer.text == expected(auditor, name="tram.txt")
    body = answer.json()
    assert body["document"]["name"] == "tram" and body["document"]["path"] == "tram.txt"
    assert {"ANON001", "ATTR003"} <= {f["rule"] for f in body["findings"]}


@pytest.mark.parametrize(
    ("report", "media"),
    [
        ("markdown", "text/markdown"),
        ("html", "text/html"),
        ("sarif", "application/sarif+json"),
        ("github", "text/plain"),
        ("text", "text/plain"),
        ("json", "application/json"),
    ],
)
def test_audit_report_parameter_returns_that_rendering(api, auditor, report, media):
    answer = api.post(f"/api/audit?report={report}", json={"text": ARTICLE})
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith(media)
    assert answer.text == expected(auditor, report=report)


def test_audit_reads_markdown_and_html_bodies_as_those_formats(api, auditor):
    page = "<html><body><h1>Tram &amp; Bus</h1><p>Officials said the line would close.</p>"
    answer = api.post("/api/audit", json={"text": page, "format": "html"})
    assert answer.status_code == 200
    assert answer.text == expected(auditor, text=page, fmt="html")
    assert (
        "Tram & Bus"
        in api.post("/api/audit?report=markdown", json={"text": page, "format": "html"}).text
    )
    markdown = "# Tram *delay*\n\nOfficials said the line would close."
    answer = api.post("/api/audit", json={"text": markdown, "format": "markdown"})
    assert answer.text == expected(auditor, text=markdown, fmt="markdown")


def test_audit_takes_a_file_as_base64_read_by_its_extension(api, auditor):
    encoded = base64.b64encode(ARTICLE.replace("Council", "# Council", 1).encode()).decode()
    answer = api.post("/api/audit", json={"file": encoded, "name": "tram.md"})
    assert answer.status_code == 200
    assert answer.text == expected(
        auditor, text=ARTICLE.replace("Council", "# Council", 1), fmt="markdown", name="tram.md"
    )


def test_check_fails_on_findings_at_or_above_the_level(api):
    answer = api.post("/api/check", json={"text": ARTICLE, "fail_on": "error"})
    assert answer.status_code == 200
    verdict = answer.json()
    assert verdict["passed"] is False and verdict["fail_on"] == "error"
    assert verdict["findings"] and {f["severity"] for f in verdict["findings"]} == {"error"}
    lower = api.post("/api/check", json={"text": ARTICLE, "fail_on": "warning"}).json()
    assert len(lower["findings"]) > len(verdict["findings"])
    assert {f["severity"] for f in lower["findings"]} <= {"error", "warning"}


def test_check_passes_a_clean_article_with_the_configured_level(api):
    verdict = api.post("/api/check", json={"text": CLEAN_ARTICLE}).json()
    assert verdict == {
        "passed": True,
        "fail_on": "error",
        "grade": verdict["grade"],
        "findings": [],
        "total_findings": verdict["total_findings"],
    }
    assert verdict["grade"] in {"A", "B"}


def test_rules_list_the_catalogue_and_one_rule_explains_itself(api, auditor):
    listed = api.get("/api/rules").json()
    assert [r["id"] for r in listed] == [r.id for r in auditor.rule_pack.rules]
    assert all(r["enabled"] for r in listed)
    one = api.get("/api/rules/anon001")
    assert one.status_code == 200
    body = one.json()
    assert body["id"] == "ANON001" and body["authority"] and body["fix"]
    assert body["explanation"].startswith("ANON001 ")


def test_unknown_rule_is_404_naming_it(api):
    answer = api.get("/api/rules/NOPE123")
    assert answer.status_code == 404
    assert "NOPE123" in answer.json()["error"]


def test_openapi_describes_exactly_the_api_routes(api):
    answer = api.get("/api/openapi.json")
    assert answer.status_code == 200
    schema = answer.json()
    assert schema["openapi"].startswith("3.")
    routes = {r.path for r in api.app.routes if getattr(r, "path", "").startswith("/api/")}
    assert set(schema["paths"]) == routes
    health = schema["components"]["schemas"]["Health"]
    jsonschema.validate(api.get("/api/health").json(), health)
    article = schema["components"]["schemas"]["Article"]
    jsonschema.validate({"text": "x", "format": "html"}, article)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"text": "x", "colour": 1}, article)


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (b"{not json", "not valid JSON"),
        (b'["a list"]', "JSON object"),
        (b"\xff\xfe", "UTF-8"),
        (json.dumps({"format": "text"}).encode(), '"text" is missing'),
        (json.dumps({"text": 42}).encode(), "must be a string"),
        (json.dumps({"text": "x", "format": "docx"}).encode(), "unknown format"),
        (json.dumps({"text": "x", "colour": "red"}).encode(), "unknown field"),
        (json.dumps({"text": "x", "file": "eA=="}).encode(), "not both"),
        (json.dumps({"file": "eA==", "name": "a.pdf"}).encode(), "unsupported file type"),
        (json.dumps({"file": "%%%", "name": "a.txt"}).encode(), "base64"),
        (json.dumps({"file": "eA=="}).encode(), 'needs its "name"'),
        (json.dumps({"text": "x", "name": "n" * 300}).encode(), "longer than"),
        (b'{"text": "a lone \\ud800 surrogate"}', "lone surrogate"),
    ],
)
def test_malformed_bodies_are_400_with_a_message(api, body, words):
    answer = api.post("/api/audit", content=body, headers={"content-type": "application/json"})
    assert answer.status_code == 400
    assert words in answer.json()["error"]


def test_unknown_report_and_fail_on_are_400(api):
    answer = api.post("/api/audit?report=pdf", json={"text": "x"})
    assert answer.status_code == 400 and "pdf" in answer.json()["error"]
    answer = api.post("/api/check", json={"text": "x", "fail_on": "fatal"})
    assert answer.status_code == 400 and "fail_on" in answer.json()["error"]
    answer = api.post("/api/audit", json={"text": "x", "fail_on": "error"})
    assert answer.status_code == 400 and "fail_on" in answer.json()["error"]


def test_wrong_method_and_unknown_path_are_json_errors(api):
    assert api.get("/api/audit").status_code == 405
    assert "error" in api.get("/api/audit").json()
    missing = api.get("/api/nothing")
    assert missing.status_code == 404 and "/api/nothing" in missing.json()["error"]


def test_body_over_max_bytes_is_413_by_length_and_while_streaming(auditor):
    with client(auditor, max_bytes=200) as small:
        answer = small.post("/api/audit", json={"text": "word " * 100})
        assert answer.status_code == 413
        assert "200 bytes" in answer.json()["error"]

        def chunks():  # no Content-Length: the limit holds while the body is read
            yield b'{"text": "'
            for _ in range(40):
                yield b"word word "
            yield b'"}'

        answer = small.post("/api/audit", content=chunks())
        assert answer.status_code == 413
        assert small.post("/api/audit", json={"text": "Short."}).status_code == 200


def test_token_is_required_on_the_api_but_not_for_health(auditor):
    with client(auditor, token="s3cret") as guarded:
        assert guarded.get("/api/health").status_code == 200
        for path in ("/api/rules", "/api/rules/ANON001"):
            answer = guarded.get(path)
            assert answer.status_code == 401 and "Bearer" in answer.json()["error"]
        bad = guarded.post(
            "/api/audit", json={"text": "x"}, headers={"Authorization": "Bearer wrong"}
        )
        assert bad.status_code == 401 and bad.headers["www-authenticate"] == "Bearer"
        good = guarded.post(
            "/api/check", json={"text": CLEAN_ARTICLE}, headers={"Authorization": "Bearer s3cret"}
        )
        assert good.status_code == 200 and good.json()["passed"] is True


def test_a_crash_is_500_with_no_trace_reaching_the_client(nlp):
    with client(BrokenAuditor(nlp=nlp)) as broken:
        answer = broken.post("/api/audit", json={"text": ARTICLE})
        assert answer.status_code == 500
        assert answer.json() == {
            "error": "the server failed on this request; the error is in its log"
        }
        assert "secret" not in answer.text and "Traceback" not in answer.text
        assert broken.get("/api/health").status_code == 200


def test_no_cors_headers_unless_an_origin_is_configured(api, auditor):
    asked = {"Origin": "https://cms.example", "Access-Control-Request-Method": "POST"}
    answer = api.options("/api/audit", headers=asked)
    assert "access-control-allow-origin" not in answer.headers
    assert "access-control-allow-origin" not in api.get("/api/health", headers=asked).headers
    with client(auditor, cors_origins=("https://cms.example",)) as open_to_cms:
        answer = open_to_cms.options("/api/audit", headers=asked)
        assert answer.headers["access-control-allow-origin"] == "https://cms.example"
        other = dict(asked, Origin="https://elsewhere.example")
        assert (
            "access-control-allow-origin"
            not in open_to_cms.options("/api/audit", headers=other).headers
        )


def test_a_full_queue_is_503_at_once_and_the_held_audit_still_finishes(nlp):
    held = HeldAuditor(nlp)
    outcome = {}
    with client(held, queue=0) as busy:

        def first():
            outcome["first"] = busy.post("/api/audit", json={"text": CLEAN_ARTICLE})

        runner = threading.Thread(target=first)
        runner.start()
        try:
            assert held.started.wait(30), "the first audit never started"
            refused = busy.post("/api/check", json={"text": CLEAN_ARTICLE})
            assert refused.status_code == 503
            assert "busy" in refused.json()["error"] and refused.headers["retry-after"]
            assert busy.get("/api/health").status_code == 200  # the loop still answers
        finally:
            held.release.set()
            runner.join(60)
        assert outcome["first"].status_code == 200
        assert busy.post("/api/check", json={"text": CLEAN_ARTICLE}).status_code == 200


def test_audit_reads_a_word_document_sent_as_base64(api, auditor):
    from auditor.ingest import article_from_bytes

    data = article_docx()
    encoded = base64.b64encode(data).decode()
    answer = api.post("/api/audit", json={"file": encoded, "name": "tram.docx"})
    assert answer.status_code == 200
    article = article_from_bytes(data, name="tram", path="tram.docx", format="docx")
    assert answer.text == render(auditor.audit(article), "json")
    assert "ANON001" in {f["rule"] for f in answer.json()["findings"]}
    broken = base64.b64encode(b"PK\x03\x04 not really a zip").decode()
    refused = api.post("/api/audit", json={"file": broken, "name": "tram.docx"})
    assert refused.status_code == 400 and "tram.docx" in refused.json()["error"]


def test_reports_link_rules_where_the_configuration_says(nlp, tmp_path):
    from auditor.audit import Auditor
    from auditor.config import load_config

    settings = tmp_path / "auditor.toml"
    settings.write_text('rule-docs-url = "https://docs.example.org/rules/{id}.html"\n')
    configured = Auditor(nlp=nlp, config=load_config(explicit=settings))
    with client(configured) as linked:
        markdown = linked.post("/api/audit?report=markdown", json={"text": ARTICLE}).text
        assert "https://docs.example.org/rules/anon001.html" in markdown
        page = linked.post(
            "/review/download?report=markdown", data={"text": ARTICLE, "format": "text"}
        ).text
        assert page == markdown
