"""The review page in real headless Chromium against a real ``auditor serve`` process.

Driven over the DevTools protocol (tests/cdp.py): paste an article, press Audit, see the
attributions highlighted and the findings listed, click a finding and land on its sentence;
nothing on the console, no request leaving the server. A screenshot is written to
``test-output/`` (``serve-review-failed.png`` when a check fails).
"""

from __future__ import annotations

import json

import pytest
from cdp import Chromium
from serve_helpers import ARTICLE, article_docx
from serve_process import Server
from test_browser import FLAGS, OUTPUT, chromium  # noqa: F401 - the fixture is used

from auditor.model import Finding
from auditor.report.common import finding_key

#: Starts the server and a headless Chromium: ``pytest -m "not slow"`` leaves it out.
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    running = Server(log=tmp_path_factory.mktemp("serve") / "serve.log")
    running.wait_ready()
    yield running
    running.stop()


#: The report tests' flags, but the server on 127.0.0.1 is reachable; every name still fails.
SERVE_FLAGS = [
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
    if f.startswith("--host-resolver-rules")
    else f
    for f in FLAGS
]


@pytest.fixture
def browser(chromium, tmp_path):  # noqa: F811 - chromium is the fixture imported above
    opened = Chromium(chromium, [*SERVE_FLAGS, "--window-size=1280,900"], tmp_path / "profile")
    for domain in ("Page", "Runtime", "Log", "Network"):
        opened.page(f"{domain}.enable")
    opened.page(
        "Emulation.setDeviceMetricsOverride",
        {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False},
    )
    yield opened
    opened.close()


def problems_on_the_console(browser: Chromium) -> list[str]:
    """Exceptions, console errors and browser log errors the page caused."""
    found = []
    for event in browser.events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.exceptionThrown":
            found.append(json.dumps(params["exceptionDetails"])[:300])
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            found.append(json.dumps(params.get("args"))[:300])
        elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
            found.append(params["entry"]["text"])
    return found


def requested(browser: Chromium) -> list[str]:
    return [
        e["params"]["request"]["url"]
        for e in browser.events
        if e.get("method") == "Network.requestWillBeSent"
    ]


def first_finding_in_reading_order(server: Server) -> Finding:
    status, _, body = server.post("/api/audit", json.dumps({"text": ARTICLE}).encode())
    assert status == 200
    findings = [Finding(**f) for f in json.loads(body)["findings"]]
    return min(findings, key=finding_key)


def paragraph_around(offset: int) -> str:
    start = ARTICLE.rfind("\n", 0, offset) + 1
    end = ARTICLE.find("\n", offset)
    return ARTICLE[start:end]


def test_paste_audit_and_walk_from_a_finding_to_its_sentence(server, browser):
    try:
        browser.page("Page.navigate", {"url": server.url + "/"})
        browser.wait_for("document.readyState === 'complete' && !!document.getElementById('draft')")
        browser.click("#draft")
        browser.page("Input.insertText", {"text": ARTICLE})  # as a paste types it
        assert browser.evaluate("document.getElementById('draft').value") == ARTICLE
        browser.click("#audit")
        count = browser.wait_for("document.querySelectorAll('.finding').length")
        assert count >= 1
        # Attributions are highlighted by the grade of their source.
        graded = browser.evaluate("document.querySelectorAll('.text .m[class*=\" g-\"]').length")
        assert graded >= 2
        assert "Mayor Lena Okafor" in browser.evaluate(
            "document.querySelector('.text').textContent"
        )
        # The first finding of the list lands on its sentence in the article.
        expected = first_finding_in_reading_order(server)
        browser.evaluate("window.scrollTo(0, 0)")
        browser.click(".finding a.goto")
        browser.pump(0.5)
        landed = browser.evaluate(
            "(() => { const marks = [...document.querySelectorAll('.text .m.current')];"
            " const flag = document.querySelector('.text .flag.current');"
            " const r = flag.getBoundingClientRect();"
            " return {text: marks.map(m => m.textContent).join(''), top: r.top,"
            " bottom: r.bottom, height: innerHeight, starts: marks.map(m => +m.dataset.s),"
            " item: document.querySelector('.finding.current').id}; })()"
        )
        assert landed["item"] == "lf1"
        assert 0 <= landed["top"] and landed["bottom"] <= landed["height"]
        assert landed["text"] and landed["text"] in paragraph_around(expected.start)
        assert min(landed["starts"]) == expected.start
        # ... and back: the badge in the article brings its finding up in the list.
        browser.evaluate(
            "document.querySelectorAll('.current').forEach(e => e.classList.remove('current'))"
        )
        browser.click(".text .flag > a")
        assert browser.evaluate("document.querySelector('.finding.current').id").startswith("lf")
        assert problems_on_the_console(browser) == []
        assert all(url.startswith(server.url + "/") for url in requested(browser)), requested(
            browser
        )
        browser.screenshot(OUTPUT / "serve-review.png")
    except BaseException:
        browser.screenshot(OUTPUT / "serve-review-failed.png")
        raise


def test_without_javascript_the_form_still_audits_and_the_result_reads(server, browser):
    try:
        browser.page("Emulation.setScriptExecutionDisabled", {"value": True})
        browser.page("Page.navigate", {"url": server.url + "/"})
        browser.wait_event("Page.loadEventFired")
        browser.click("#draft")
        browser.page("Input.insertText", {"text": ARTICLE})
        browser.click("#audit")  # a plain form post: the answer is a whole new page
        browser.wait_event("Page.loadEventFired")
        dom = browser.page("DOM.getDocument", {"depth": -1})
        html = browser.page("DOM.getOuterHTML", {"nodeId": dom["root"]["nodeId"]})["outerHTML"]
        assert 'class="finding severity-' in html and "Grade " in html
        assert 'class="m g-' in html
        assert all(url.startswith(server.url + "/") for url in requested(browser))
    except BaseException:
        browser.screenshot(OUTPUT / "serve-review-nojs-failed.png")
        raise


def test_an_opened_word_document_is_audited(server, browser, tmp_path):
    draft = tmp_path / "tram.docx"
    draft.write_bytes(article_docx())
    try:
        browser.page("Page.navigate", {"url": server.url + "/"})
        browser.wait_for("document.readyState === 'complete' && !!document.getElementById('file')")
        root = browser.page("DOM.getDocument")["root"]["nodeId"]
        picker = browser.page("DOM.querySelector", {"nodeId": root, "selector": "#file"})
        browser.page("DOM.setFileInputFiles", {"nodeId": picker["nodeId"], "files": [str(draft)]})
        browser.wait_for("document.getElementById('status').textContent.includes('tram.docx')")
        browser.click("#audit")
        assert browser.wait_for("document.querySelectorAll('.finding').length") >= 1
        title = browser.evaluate("document.querySelector('.summary .title').textContent")
        assert title == "Council Votes to Delay Tram Extension"
        assert problems_on_the_console(browser) == []
        assert all(url.startswith(server.url + "/") for url in requested(browser))
    except BaseException:
        browser.screenshot(OUTPUT / "serve-review-docx-failed.png")
        raise
