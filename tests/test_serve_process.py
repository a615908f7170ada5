"""``auditor serve`` as a real process: start it on a free port, audit over real HTTP."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from serve_helpers import ARTICLE
from serve_process import Server

from auditor.ingest import article_from_text
from auditor.report import render

#: Starts ``auditor serve`` in a process: ``pytest -m "not slow"`` leaves it out.
pytestmark = pytest.mark.slow


def test_serve_audits_over_http_and_stops_cleanly(auditor, tmp_path):
    server = Server("--token", "t0ken", "--max-bytes", "100000", log=tmp_path / "serve.log")
    try:
        health = server.wait_ready()
        assert health["status"] == "ok" and health["rules"] > 0
        body = json.dumps({"text": ARTICLE, "name": "tram.txt"}).encode()
        status, headers, answer = server.post("/api/audit", body, {"Authorization": "Bearer t0ken"})
        assert status == 200 and headers["content-type"] == "application/json"
        article = article_from_text(ARTICLE, name="tram", path="tram.txt")
        assert answer.decode() == render(auditor.audit(article), "json")
        assert "server" not in headers  # no banner
        status, _, answer = server.post("/api/audit", body)
        assert status == 401 and "Bearer" in json.loads(answer)["error"]
        big = json.dumps({"text": "word " * 30000}).encode()
        status, _, answer = server.post("/api/audit", big, {"Authorization": "Bearer t0ken"})
        assert status == 413 and "100,000 bytes" in json.loads(answer)["error"]
    finally:
        code = server.stop()
    log = server.log.read_text()
    assert code == 0, log[-2000:]
    assert "Traceback" not in log
    assert "serving on http://127.0.0.1:" in log


def test_serve_refuses_a_bad_configuration_in_one_line(tmp_path):
    config = tmp_path / "auditor.toml"
    config.write_text('select = "NOT A RULE"\n', encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "auditor", "serve", "--config", str(config), "--port", "1"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("auditor: error: ") and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
