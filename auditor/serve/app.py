"""The ASGI application: routes, guards and the audit service, put together.

:func:`create_app` builds it from :class:`~auditor.serve.settings.ServeSettings`;
:func:`app_from_environment` is the factory uvicorn calls in each worker process.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from auditor.serve.guards import EXCEPTION_HANDLERS, BodyLimit, TokenGuard
from auditor.serve.page import PAGE_ROUTES
from auditor.serve.routes import API_ROUTES
from auditor.serve.service import AuditService
from auditor.serve.settings import ServeSettings

#: The page's script and stylesheet, shipped inside the package (no CDN).
STATIC = Path(__file__).parent / "static"


def create_app(settings: ServeSettings | None = None, *, auditor=None) -> Starlette:
    """The application for ``settings``; the model loads when the app starts (its lifespan).

    ``auditor`` is an already loaded :class:`auditor.audit.Auditor` to use instead of
    loading one (tests share theirs this way).
    """
    settings = settings or ServeSettings()

    @asynccontextmanager
    async def lifespan(app: Starlette):
        app.state.service = AuditService(settings, auditor=auditor)
        try:
            yield
        finally:
            app.state.service.close()

    middleware = [Middleware(BodyLimit, max_bytes=settings.max_bytes)]
    if settings.cors_origins:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=list(settings.cors_origins),
                allow_methods=["GET", "POST"],
                allow_headers=["Authorization", "Content-Type"],
            )
        )
    middleware.append(Middleware(TokenGuard, token=settings.token))
    app = Starlette(
        routes=[*API_ROUTES, *PAGE_ROUTES, Mount("/static", StaticFiles(directory=STATIC))],
        middleware=middleware,
        exception_handlers=EXCEPTION_HANDLERS,
        lifespan=lifespan,
    )
    app.state.settings = settings
    return app


def app_from_environment() -> Starlette:
    """The application of the settings ``auditor serve`` left in the environment."""
    return create_app(ServeSettings.from_environment())
