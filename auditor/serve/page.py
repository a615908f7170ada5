"""The review page at ``/``: paste or open a draft, audit it, read the result.

Without JavaScript the form posts to ``/review`` and the answer is the whole page with the
result in it; with JavaScript (``/static/review.js``) the same form is posted in the
background and only the result is swapped in (``/review?part=result``). Downloads are small
forms posting the audited text again to ``/review/download`` (the server keeps nothing).
"""

from __future__ import annotations

import hmac

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from auditor import __version__
from auditor.report.escape import html_text as esc
from auditor.serve.request_bodies import (
    DEFAULT_NAME,
    BadRequest,
    Unauthorized,
    article_from_body,
    article_from_upload,
)

#: What the page may load: its own script and stylesheet, nothing from anywhere else.
PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
PAGE_HEADERS = {
    "Content-Security-Policy": PAGE_CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
#: Files the page's file picker offers.
ACCEPT = ".txt,.text,.md,.markdown,.html,.htm,.docx"
INPUT_FORMATS = (("text", "Plain text"), ("markdown", "Markdown"), ("html", "HTML"))
#: The report formats ``/review/download`` serves, with their media type and suffix.
DOWNLOAD_TYPES = {
    "markdown": ("text/markdown; charset=utf-8", ".md"),
    "html": ("text/html; charset=utf-8", ".html"),
    "json": ("application/json", ".json"),
}


async def review_page(request: Request) -> HTMLResponse:
    """GET /: the empty form."""
    return _page(request, "", "text", "")


async def review(request: Request) -> Response:
    """POST /review: audit the pasted text or opened file; the page, or only its result."""
    from auditor.serve.panels import result_html

    form = await _form(request)
    only_result = request.query_params.get("part") == "result"
    try:
        _check_token(request, form)
        article = await _article_of(form)
    except (BadRequest, Unauthorized) as exc:
        status = 401 if isinstance(exc, Unauthorized) else 400
        message = f'<p class="error" role="alert">{esc(str(exc))}</p>'
        if only_result:
            return HTMLResponse(message, status_code=status, headers=PAGE_HEADERS)
        return _page(request, _field(form, "text"), _field(form, "format"), message, status)
    service = request.app.state.service
    rules = {rule.id: rule for rule in service.rule_pack.rules}
    fmt = article.format if article.format in dict(INPUT_FORMATS) else "text"
    token = _field(form, "token")
    # Rendered on the audit thread too: a long article's page would hold the event loop up.
    shown = await service.run(lambda: result_html(service.audit(article), fmt, rules, token))
    if only_result:
        return HTMLResponse(shown, headers=PAGE_HEADERS)
    return _page(request, article.source, fmt, shown)


async def download(request: Request) -> Response:
    """POST /review/download?report=FORMAT: the report of the posted text, as a file."""
    from auditor.report import render

    report = request.query_params.get("report", "")
    if report not in DOWNLOAD_TYPES:
        raise BadRequest(f"unknown report {report!r}; use one of {', '.join(DOWNLOAD_TYPES)}")
    form = await _form(request)
    _check_token(request, form)
    article = await _article_of(form)
    service = request.app.state.service
    rules_url = service.config.rule_docs_url
    rendered = await service.run(
        lambda: render(service.audit(article), report, rules_url=rules_url)
    )
    media, suffix = DOWNLOAD_TYPES[report]
    # An HTTP header is Latin-1: the file name keeps ASCII letters, digits and -_. only.
    filename = "".join(
        c if c.isascii() and (c.isalnum() or c in "-_.") else "_" for c in article.name
    )
    return Response(
        rendered,
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="{filename}-audit{suffix}"'},
    )


def _check_token(request: Request, form) -> None:
    expected = request.app.state.settings.token
    if expected and not hmac.compare_digest(_field(form, "token").encode(), expected.encode()):
        raise Unauthorized("this server needs its access token; enter it in the Token field")


async def _form(request: Request):
    """The posted form; one part may be as large as the whole body may."""
    limit = request.app.state.settings.max_bytes
    return await request.form(max_files=1, max_fields=16, max_part_size=limit)


def _field(form, key: str) -> str:
    value = form.get(key)
    return value if isinstance(value, str) else ""


async def _article_of(form):
    """The article of a form: the opened file if there is one, else the pasted text.

    Browsers send a textarea's line breaks as CR LF; the editor typed LF, so offsets
    are counted on LF.
    """
    upload = form.get("file")
    if isinstance(upload, UploadFile) and upload.filename:
        return article_from_upload(await upload.read(), upload.filename)
    text = _field(form, "text").replace("\r\n", "\n")
    fmt = (_field(form, "format") or "text").lower()
    if fmt not in dict(INPUT_FORMATS):
        raise BadRequest(f"unknown format {fmt!r}; use one of {', '.join(dict(INPUT_FORMATS))}")
    return article_from_body(text, fmt, _field(form, "name") or DEFAULT_NAME)


def _page(request: Request, text: str, fmt: str, result: str, status: int = 200) -> HTMLResponse:
    settings = request.app.state.settings
    options = "".join(
        f'<option value="{value}"{" selected" if value == fmt else ""}>{label}</option>'
        for value, label in INPUT_FORMATS
    )
    token = (
        '<label>Token <input type="password" name="token" autocomplete="off" required></label>'
        if settings.token
        else ""
    )
    page = _SHELL.format(
        version=esc(__version__),
        text=esc(text),
        options=options,
        accept=ACCEPT,
        token=token,
        result=result or _EMPTY_RESULT,
    )
    return HTMLResponse(page, status_code=status, headers=PAGE_HEADERS)


_EMPTY_RESULT = (
    '<section id="result" class="result"><p class="empty">Paste a draft or open a file, '
    "then press Audit.</p></section>"
)

_SHELL = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Source audit · review a draft</title>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/report.css">
<link rel="stylesheet" href="/static/review.css">
<script src="/static/review.js" defer></script>
</head>
<body>
<header class="bar"><b>Source audit</b> <span class="muted">auditor {version}</span></header>
<main class="desk">
<form id="audit-form" method="post" action="/review" enctype="multipart/form-data">
<label for="draft">Draft</label>
<textarea id="draft" name="text" rows="12" spellcheck="false"
 placeholder="Paste the article here">
{text}</textarea>
<div class="controls">
<label>Open a file <input id="file" type="file" name="file" accept="{accept}"></label>
<label>Format <select id="format" name="format">{options}</select></label>
{token}
<button id="audit" type="submit">Audit</button>
<span id="status" role="status" aria-live="polite"></span>
</div>
</form>
{result}
</main>
</body>
</html>
"""


async def report_css(request: Request) -> Response:
    """GET /static/report.css: the HTML report's own stylesheet, so the page looks like it."""
    from auditor.report.html_format import STYLESHEET

    return Response(STYLESHEET, media_type="text/css; charset=utf-8")


PAGE_ROUTES = [
    Route("/", review_page, methods=["GET"]),
    Route("/review", review, methods=["POST"]),
    Route("/review/download", download, methods=["POST"]),
    Route("/static/report.css", report_css, methods=["GET"]),
]
