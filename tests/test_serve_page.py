"""The review page of ``auditor serve`` without a browser: what the server sends."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from serve_helpers import ARTICLE, article_docx, client

from auditor.ingest import article_from_text
from auditor.report import render
from auditor.report.html_format import STYLESHEET

HOSTILE = (
    "Leak Claims Rattle Port Authority\n\n"
    "\"<script>document.title='pwned'</script> is not a plan,\" said Dock Manager Ana Ruiz.\n\n"
    "Officials said the <img src=x onerror=alert(1)> budget was cut.\n"
)


@pytest.fixture(scope="module")
def page(auditor):
    with client(auditor) as test_client:
        yield test_client


class Forms(HTMLParser):
    """The forms of a page: action and their hidden fields."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append((attrs.get("action", ""), {}))
        elif tag == "input" and attrs.get("type") == "hidden" and self.forms:
            self.forms[-1][1][attrs["name"]] = attrs.get("value", "")


def test_the_empty_page_loads_nothing_from_elsewhere(page):
    answer = page.get("/")
    assert answer.status_code == 200
    csp = answer.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp
    assert "connect-src 'self'" in csp
    assert not re.search(r"(src|href)=\"(https?:)?//", answer.text)
    for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', answer.text):
        assert page.get(asset).status_code == 200, asset
    assert page.get("/static/report.css").text == STYLESHEET
    assert 'action="/review"' in answer.text and 'name="file"' in answer.text


def test_a_posted_draft_comes_back_with_grade_marks_and_findings(page, auditor):
    answer = page.post("/review", data={"text": ARTICLE, "format": "text"})
    assert answer.status_code == 200
    shown = answer.text
    result = auditor.audit(article_from_text(ARTICLE, name="draft", path="draft"))
    assert f"Grade {result.summary.grade}" in shown
    assert shown.count('class="finding severity-') == len(result.findings) > 0
    # Each finding in the list links to its badge in the article, by the badge's id.
    targets = re.findall(r'<a class="goto" href="#(f\d+)"', shown)
    assert targets and all(f'id="{t}"' in shown for t in targets)
    assert "Standard:" in shown and "Fix:" in shown and "Why this rule" in shown
    assert 'class="m g-' in shown  # attributions highlighted by grade
    # The pasted draft is kept in the form, so the editor can change it and audit again.
    assert "Mayor Lena Okafor at a news conference." in shown.split("</textarea>")[0]


def test_article_text_is_escaped_everywhere(page):
    shown = page.post("/review", data={"text": HOSTILE}).text
    assert "<script>document" not in shown and "<img src=x" not in shown
    assert "&lt;script&gt;document.title=" in shown
    assert "&lt;img src=x onerror=alert(1)&gt;" in shown


def test_only_the_result_is_sent_to_the_script(page):
    answer = page.post("/review?part=result", data={"text": ARTICLE})
    assert answer.status_code == 200
    assert answer.text.startswith('<section id="result"') and "<form id" not in answer.text


def test_downloads_post_the_audited_text_back_and_get_each_report(page, auditor):
    shown = page.post("/review", data={"text": ARTICLE}).text
    forms = Forms()
    forms.feed(shown)
    downloads = {action: fields for action, fields in forms.forms if "download" in action}
    assert set(downloads) == {
        f"/review/download?report={fmt}" for fmt in ("markdown", "html", "json")
    }
    result = auditor.audit(article_from_text(ARTICLE, name="draft", path="draft"))
    for action, fields in downloads.items():
        answer = page.post(action, data=fields)
        assert answer.status_code == 200
        report = action.rsplit("=", 1)[1]
        assert answer.text == render(result, report)
        assert answer.headers["content-disposition"].startswith("attachment; filename=")


def test_an_opened_file_is_read_by_its_extension(page):
    upload = {"file": ("tram.md", ("# Tram *News*\n\n" + ARTICLE).encode(), "text/markdown")}
    answer = page.post("/review", data={"text": "", "format": "text"}, files=upload)
    assert answer.status_code == 200
    assert "Tram News" in answer.text and "Grade " in answer.text
    assert "# Tram *News*" in answer.text.split("</textarea>")[0]
    assert '<option value="markdown" selected>' in answer.text
    refused = page.post("/review", files={"file": ("scan.pdf", b"%PDF", "application/pdf")})
    assert refused.status_code == 400 and "unsupported file type" in refused.text


def test_bad_form_input_is_a_page_with_the_error(page):
    answer = page.post("/review", data={"text": "x", "format": "pdf"})
    assert answer.status_code == 400 and "unknown format" in answer.text
    assert 'role="alert"' in answer.text
    empty = page.post("/review", data={"text": "   "})
    assert empty.status_code == 200 and "The article is empty" in empty.text
    assert page.post("/review/download?report=pdf", data={"text": "x"}).status_code == 400


def test_with_a_token_the_page_asks_for_it(auditor):
    with client(auditor, token="s3cret") as guarded:
        assert 'name="token"' in guarded.get("/").text
        refused = guarded.post("/review?part=result", data={"text": ARTICLE})
        assert refused.status_code == 401 and "token" in refused.text
        shown = guarded.post("/review", data={"text": ARTICLE, "token": "s3cret"}).text
        assert "Grade " in shown
        forms = Forms()
        forms.feed(shown)
        action, fields = next(f for f in forms.forms if "download" in f[0])
        assert guarded.post(action, data=fields).status_code == 200
        assert guarded.post(action, data=dict(fields, token="")).status_code == 401


def test_an_opened_word_document_is_read_on_the_server(page):
    upload = {"file": ("tram.docx", article_docx(), "application/octet-stream")}
    answer = page.post("/review", data={"text": ""}, files=upload)
    assert answer.status_code == 200
    assert "Council Votes to Delay Tram Extension" in answer.text
    assert "ANON001" in answer.text and 'class="m g-' in answer.text
    forms = Forms()
    forms.feed(answer.text)
    fields = next(f for a, f in forms.forms if "download" in a)
    assert fields["format"] == "text" and "Mayor Lena Okafor" in fields["text"]


def test_a_download_of_a_draft_named_in_any_script_gets_a_plain_file_name(page):
    answer = page.post(
        "/review/download?report=markdown", data={"text": ARTICLE, "name": "Überblick 東京.txt"}
    )
    assert answer.status_code == 200
    assert answer.headers["content-disposition"] == ('attachment; filename="_berblick___-audit.md"')
