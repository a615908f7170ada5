"""The audit service of one worker: the loaded model, and a bounded line of audits.

spaCy's pipeline is used from one thread at a time, and with the GIL a second audit thread
would not finish sooner, so a worker runs audits one by one on a single thread of its own
while the event loop goes on answering. At most ``queue`` audits wait behind the running
one; the next is refused at once (:class:`Busy`, HTTP 503) rather than left to time out.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

from auditor.serve.settings import ServeSettings

T = TypeVar("T")


class Busy(Exception):
    """Too many audits are waiting; the client should try again later."""


class AuditService:
    """One worker's Auditor (model loaded once) and the line of audits waiting for it."""

    def __init__(self, settings: ServeSettings, auditor=None) -> None:
        """Load the configuration, rule pack and model named in ``settings``.

        ``auditor`` (an :class:`auditor.audit.Auditor`) is used instead of loading one,
        e.g. by tests that share a pipeline. Raises :class:`~auditor.errors.AuditorError`
        for a bad configuration, rule file or registry, or a model that cannot be loaded.
        """
        from auditor.audit import Auditor
        from auditor.config import load_config

        self.settings = settings
        if auditor is None:
            explicit = Path(settings.config_path) if settings.config_path else None
            config = load_config(start=Path.cwd(), explicit=explicit)
            auditor = Auditor(settings.model, config=config, full_parse=settings.full_parse)
        self.auditor = auditor
        self.config = auditor.config
        self.rule_pack = auditor.rule_pack
        self.registry = load_registry(settings.registry)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="auditor-audit")
        self._lock = threading.Lock()
        self._waiting = 0

    async def run(self, work: Callable[[], T]) -> T:
        """Run ``work`` on the audit thread; :class:`Busy` when the line is full."""
        with self._lock:
            if self._waiting > self.settings.queue:
                raise Busy()
            self._waiting += 1
        try:
            future = self._executor.submit(work)
            return await asyncio.wrap_future(future)
        finally:
            with self._lock:
                self._waiting -= 1

    def audit(self, article):
        """The :class:`~auditor.model.AuditResult` of ``article`` (call through :meth:`run`)."""
        result = self.auditor.audit(article)
        if self.registry is not None:
            # PROV007-PROV009 judged with the registry's evidence, in this article's findings.
            result = self.registry.apply(result, article, self.rule_pack)
        return result

    def close(self) -> None:
        """Stop the audit thread (audits already accepted finish first); drop the registry."""
        self._executor.shutdown(wait=True)
        if self.registry is not None:
            self.registry.close()


def load_registry(path: str | None):
    """The newsroom's registry at ``path`` read for single-article audits (None without
    one); :class:`~auditor.provenance.registry_errors.RegistryError` for a bad file."""
    if not path:
        return None
    from auditor.provenance.desk import DeskRegistry

    return DeskRegistry(path)
