"""``auditor serve --registry``: the newsroom's registry in each article's own findings."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from serve_helpers import client
from serve_process import Server
from test_registry_in_audit import DRAFT, REGISTRY_RULES, newsroom  # noqa: F401 - fixture

from auditor.ingest import article_from_text
from auditor.provenance.desk import DeskRegistry
from auditor.report import render


def test_the_api_and_the_page_report_the_registry_rules(auditor, newsroom):  # noqa: F811
    article = article_from_text(DRAFT, name="draft", path="draft")
    with DeskRegistry(newsroom) as desk:
        expected = render(desk.apply(auditor.audit(article), article, auditor.rule_pack), "json")
    with client(auditor) as alone:
        plain = alone.post("/api/audit", json={"text": DRAFT}).json()
        assert not REGISTRY_RULES & {f["rule"] for f in plain["findings"]}
    with client(auditor, registry=str(newsroom)) as weighed:
        assert weighed.get("/api/health").json()["registry"] is True
        answer = weighed.post("/api/audit", json={"text": DRAFT})
        assert answer.status_code == 200 and answer.text == expected
        assert REGISTRY_RULES <= {f["rule"] for f in answer.json()["findings"]}
        gate = weighed.post("/api/check", json={"text": DRAFT, "fail_on": "warning"}).json()
        assert gate["passed"] is False and "PROV008" in {f["rule"] for f in gate["findings"]}
        page = weighed.post("/review", data={"text": DRAFT}).text
        assert "PROV008" in page and "ferry.txt" in page


@pytest.mark.slow
def test_serve_takes_the_registry_from_the_environment(newsroom, tmp_path):  # noqa: F811
    server = Server(log=tmp_path / "serve.log", env={"AUDITOR_REGISTRY": str(newsroom)})
    try:
        assert server.wait_ready()["registry"] is True
        status, _, body = server.post("/api/audit", json.dumps({"text": DRAFT}).encode())
        assert status == 200
        assert REGISTRY_RULES <= {f["rule"] for f in json.loads(body)["findings"]}
    finally:
        assert server.stop() == 0


def test_an_unusable_registry_stops_serve_before_it_starts_in_one_line(tmp_path):
    missing = tmp_path / "nowhere.sqlite"
    done = subprocess.run(
        [sys.executable, "-m", "auditor", "serve", "--registry", str(missing), "--port", "1"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("auditor: error: ") and "no such registry" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
