"""``auditor serve``: the editor's desk, a review page and an HTTP API over one loaded model.

    >>> from auditor.serve import ServeSettings, create_app
    >>> app = create_app(ServeSettings())  # doctest: +SKIP

The application is a Starlette ASGI app (:mod:`auditor.serve.app`) served by uvicorn. Each
worker process loads the spaCy pipeline once, at startup, and audits one article at a time
on a thread of its own (:mod:`auditor.serve.service`), so the event loop keeps answering
while an audit runs and a full queue is refused with 503 instead of piling up.
"""

from auditor.serve.settings import ServeSettings

__all__ = ["ServeSettings", "create_app"]


def create_app(*args, **kwargs):
    """The ASGI application (see :func:`auditor.serve.app.create_app`)."""
    from auditor.serve.app import create_app as build

    return build(*args, **kwargs)
