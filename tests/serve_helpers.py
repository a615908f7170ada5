"""What the serve tests share: an article written for them, and app builders."""

from __future__ import annotations

import threading

from starlette.testclient import TestClient

from auditor.audit import Auditor
from auditor.serve import ServeSettings, create_app

#: A short news story written for these tests: a named quote, an anonymous source with no
#: reason given (ANON001) and a vague attribution (ATTR003).
ARTICLE = (
    "Council Votes to Delay Tram Extension\n\n"
    "The city council voted on Tuesday to delay the tram extension to the harbour by two "
    "years.\n\n"
    '"We cannot build it on the money we have," said Mayor Lena Okafor at a news '
    "conference.\n\n"
    "The cost of the line has risen to 40 million euros, a person familiar with the budget "
    "said.\n\n"
    "Critics say the delay will hurt commuters who live on the eastern side of the river.\n"
)

#: A story with every claim named and on the record: no finding at error level.
CLEAN_ARTICLE = (
    "Library Opens Late on Thursdays\n\n"
    '"Readers asked for evening hours, so we listened," said Head Librarian Tomas Berg, '
    "who runs the central library.\n"
)


def client(auditor: Auditor, **settings) -> TestClient:
    """A test client of an app over ``auditor`` (not started: use it in ``with``)."""
    app = create_app(ServeSettings(**settings), auditor=auditor)
    return TestClient(app, raise_server_exceptions=False)


class HeldAuditor(Auditor):
    """A real Auditor whose audits wait until :attr:`release` is set, so a test can hold
    the audit thread busy and see what the next request gets."""

    def __init__(self, nlp) -> None:
        super().__init__(nlp=nlp)
        self.release = threading.Event()
        self.started = threading.Event()

    def audit(self, article):
        self.started.set()
        assert self.release.wait(60), "the test never released the audit"
        return super().audit(article)


class BrokenAuditor(Auditor):
    """A real Auditor whose audit crashes with a message that must not reach clients."""

    def audit(self, article):
        raise RuntimeError("internal detail /srv/secret/path.py line 42")


def article_docx() -> bytes:
    """:data:`ARTICLE` as a Word document: its first line the Title, the rest paragraphs."""
    import io

    import docx

    document = docx.Document()
    headline, *paragraphs = [p for p in ARTICLE.split("\n\n") if p.strip()]
    document.add_paragraph(headline, style="Title")
    for paragraph in paragraphs:
        document.add_paragraph(paragraph.strip())
    saved = io.BytesIO()
    document.save(saved)
    return saved.getvalue()
