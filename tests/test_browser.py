"""The HTML report in a real browser: headless Chromium.

What a browser does with the page is the only proof that it is inert: these tests load the
report of an article whose quotes contain ``<script>``, ``<img onerror>`` and table pipes,
then read back the DOM Chromium built (``--dump-dom``) and its network log
(``--log-net-log``). A control page first shows that the same harness does see a script
run and a request go out, so a pass means something.

Chromium is the Debian package ``chromium`` (``.ci/run`` installs it). Without it the tests
fail when ``CI`` is set and skip otherwise. Screenshots go to ``test-output/`` for a human
to look at.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from test_report_fixtures import hostile_result
from test_report_html import check_article_marks, parse

from auditor.report import render

#: Starts a headless Chromium: ``pytest -m "not slow"`` leaves it out.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "test-output"
SEED = ROOT.parent / "shared" / "seeds" / "001_ad981062f02b5f16.txt"
EXAMPLE = ROOT / "examples" / "harbor-bridge-closure.txt"

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-extensions",
    "--disable-default-apps",
    # Nothing may leave the machine even if something tried: every host name fails to resolve.
    "--host-resolver-rules=MAP * ~NOTFOUND",
]


def find_chromium() -> str | None:
    """The Chromium binary: /usr/bin/chromium or ``chromium`` on PATH."""
    if os.access("/usr/bin/chromium", os.X_OK):
        return "/usr/bin/chromium"
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def chromium() -> str:
    binary = find_chromium()
    if binary is None:
        reason = "Chromium not installed (apt-get install chromium); the browser test needs it"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return binary


class Browser:
    """One headless Chromium run on one page, with its DOM and its page's requests."""

    def __init__(self, binary: str, page: Path, work: Path, screenshot: Path | None = None):
        work.mkdir(parents=True, exist_ok=True)
        netlog = work / "netlog.json"
        args = [
            binary,
            *FLAGS,
            f"--user-data-dir={work / 'profile'}",
            f"--log-net-log={netlog}",
            "--dump-dom",
            page.as_uri(),
        ]
        done = subprocess.run(args, capture_output=True, text=True, timeout=120, check=False)
        assert done.returncode == 0, done.stderr[-2000:]
        self.dom = done.stdout
        self.requests = page_requests(netlog)
        if screenshot is not None:
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            shot = [
                binary,
                *FLAGS,
                f"--user-data-dir={work / 'profile-shot'}",
                "--window-size=1200,3200",
                "--hide-scrollbars",
                f"--screenshot={screenshot}",
                page.as_uri(),
            ]
            done = subprocess.run(shot, capture_output=True, text=True, timeout=120, check=False)
            assert done.returncode == 0, done.stderr[-2000:]


def page_requests(netlog: Path) -> list[str]:
    """URLs the page (not the browser's own services) asked the network for.

    A request made for a ``file://`` page carries a ``file://`` network isolation key; the
    browser's own background requests (updates, accounts) carry another or none.
    """
    log = json.loads(netlog.read_text(encoding="utf-8"))
    start_job = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    urls = []
    for event in log["events"]:
        params = event.get("params") or {}
        if event["type"] != start_job or "url" not in params:
            continue
        if "file://" in str(params.get("network_isolation_key", "")):
            if not params["url"].startswith(("file:", "data:")):
                urls.append(params["url"])
    return urls


def test_control_page_shows_the_harness_sees_scripts_and_requests(chromium, tmp_path):
    page = tmp_path / "control.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>before</title></head><body>"
        "<script>document.title = 'pwned'</script>"
        '<img src="http://probe.invalid/pixel.png">'
        "</body></html>",
        encoding="utf-8",
    )
    browser = Browser(chromium, page, tmp_path / "run")
    assert parse(browser.dom).find_all("title")[0].text() == "pwned"
    assert "http://probe.invalid/pixel.png" in browser.requests


def test_hostile_report_is_inert_literal_and_marked_where_the_offsets_say(chromium, tmp_path):
    result = hostile_result()
    page = tmp_path / "hostile.html"
    page.write_text(render(result, "html"), encoding="utf-8")
    browser = Browser(chromium, page, tmp_path / "run", OUTPUT / "report-hostile.png")
    dom = parse(browser.dom)
    # Nothing executed: the quoted script would have renamed the page.
    assert dom.find_all("title")[0].text() == "Source audit: Markup <i>Test</i> | `x`"
    assert not dom.find_all("script") and not dom.find_all("img")
    # The text shows literally, in the report and in the marked-up article.
    shown = dom.find_all("main")[0].text()
    assert "Use <script>document.title='pwned'</script> and | pipes | here" in shown
    assert "<img src=x onerror=alert(1)>" in shown
    assert "The report claimed 3 | 4 of funds were lost." in shown
    # The table kept its columns although the quote has pipes in it.
    rows = [r for r in dom.find_all("tr") if "Ola Brant" in r.text()]
    assert len(rows) == 1 and len(rows[0].find_all("td")) == 7
    # Every mark sits on the characters its offsets name, as the browser built the DOM.
    check_article_marks(result, dom)
    # No request left the page.
    assert browser.requests == []
    assert (OUTPUT / "report-hostile.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_real_audit_report_renders_with_marks_in_place(chromium, auditor, tmp_path):
    """A report of real extraction output (a seed article when shared/ is there)."""
    from auditor.ingest import read_article

    source = SEED if SEED.exists() else EXAMPLE
    result = auditor.audit(read_article(source))
    assert result.attributions, "the article should have attributions to mark"
    page = tmp_path / "report.html"
    page.write_text(render(result, "html"), encoding="utf-8")
    shot = OUTPUT / f"report-{source.stem}.png"
    browser = Browser(chromium, page, tmp_path / "run", shot)
    dom = parse(browser.dom)
    check_article_marks(result, dom)
    assert browser.requests == []
    assert not dom.find_all("script")
    assert shot.stat().st_size > 10_000
