"""``auditor serve``: the review page and the HTTP API (see docs/serve.md)."""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path

import click

from auditor.commands.options import (
    CONTEXT_SETTINGS,
    config_option,
    full_parse_option,
    model_option,
    registry_option,
)
from auditor.errors import AuditorError


@click.command(context_settings=CONTEXT_SETTINGS)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; anything but localhost serves the network.",
)
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    metavar="N",
    help="Worker processes, each with its own model (~1 audit at a time).",
)
@click.option(
    "--token",
    envvar="AUDITOR_TOKEN",
    metavar="TOKEN",
    help="Require Authorization: Bearer TOKEN on the API (or set AUDITOR_TOKEN, "
    "which keeps it out of the process list).",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Largest request body in bytes [default: 4 MiB].",
)
@click.option(
    "--queue",
    type=click.IntRange(min=0),
    default=None,
    metavar="N",
    help="Audits that may wait per worker before the server answers 503 [default: 32].",
)
@click.option(
    "--cors-origin",
    "cors_origins",
    multiple=True,
    metavar="ORIGIN",
    help="Let pages from ORIGIN call the API (repeat for several); no CORS without.",
)
@registry_option
@model_option
@full_parse_option
@config_option
def serve(
    host: str,
    port: int,
    workers: int,
    token: str | None,
    max_bytes: int | None,
    queue: int | None,
    cors_origins: tuple[str, ...],
    registry: Path | None,
    model: str,
    full_parse: bool,
    config_path: Path | None,
) -> None:
    """Serve the review page at / and the HTTP API at /api/ (Ctrl-C stops).

    \b
    The model is loaded once per worker, at start. Localhost only by default; serving
    beyond it (--host 0.0.0.0) is your choice: set --token then, and put a TLS reverse
    proxy in front (docs/serve.md).
    """
    try:
        import uvicorn
    except ImportError:
        raise AuditorError(
            "auditor serve needs its extra: pip install 'provenance-auditor[serve]'"
        ) from None
    from auditor.serve.settings import SETTINGS_VARIABLE, ServeSettings

    if token is not None and not token.strip():
        raise AuditorError("--token is empty; give a secret or leave the option out")
    settings = ServeSettings(
        model=model,
        full_parse=full_parse,
        config_path=str(config_path) if config_path else None,
        registry=_registry(registry),
        token=token,
        cors_origins=cors_origins,
        **({"max_bytes": max_bytes} if max_bytes else {}),
        **({"queue": queue} if queue is not None else {}),
    )
    _check_before_start(settings)
    if not _is_loopback(host) and not token:
        click.echo(
            f"auditor: warning: serving {host} without --token: anyone who reaches "
            "this port can use the API",
            err=True,
        )
    os.environ[SETTINGS_VARIABLE] = settings.to_json()
    click.echo(
        f"auditor: serving on http://{_url_host(host)}:{port}/ (loading the model...)", err=True
    )
    uvicorn.run(
        "auditor.serve.app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
        server_header=False,
        proxy_headers=True,
    )


def _check_before_start(settings) -> None:
    """Refuse a bad configuration, rule file or registry now, as one line, not in every
    worker."""
    from auditor.config import load_config
    from auditor.rules import load_rule_pack
    from auditor.serve.service import load_registry

    explicit = Path(settings.config_path) if settings.config_path else None
    load_rule_pack(load_config(start=Path.cwd(), explicit=explicit))
    registry = load_registry(settings.registry)
    if registry is not None:
        registry.close()


def _registry(given: Path | None) -> str | None:
    """The registry to serve with (an empty AUDITOR_REGISTRY means none), as a string."""
    from auditor.provenance.desk import registry_path

    path = registry_path(given)
    return str(path) if path is not None else None


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
