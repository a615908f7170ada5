"""The work every engine runs: audit a chunk of documents and return plain results.

:func:`process_chunk` is what a worker process or a Dask worker calls; it loads the model
once per process (per thread under a threaded Dask worker) and never returns spaCy
objects, only dicts of the JSON contract, extracted metadata and rendered reports.
:func:`process_items` does the work with a given :class:`~auditor.audit.Auditor`, so the
in-process engine and the tests share it.

A document that fails (undecodable bytes, too large, a crash in a component) becomes an
error dict; the rest of the chunk is still audited.
"""

from __future__ import annotations

import hashlib
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from auditor.batch.inputs import Item
from auditor.errors import AuditorError
from auditor.limits import DEFAULT_MAX_CHARS, DEFAULT_PIECE_CHARS


class DocumentTooLarge(AuditorError):
    """A document is longer than ``--max-chars``."""


@dataclass(frozen=True)
class WorkerSpec:
    """Everything a worker needs to audit like the main process would.

    The rule pack travels loaded (so remote workers need no rule files); the model is
    loaded by name on each worker, so it must be installed there.
    """

    model: str
    rule_pack: Any
    #: the model's entity recognizer over every word (``--full-parse``)
    full_parse: bool = False
    formats: tuple[str, ...] = ("markdown",)
    max_chars: int = DEFAULT_MAX_CHARS
    piece_chars: int = DEFAULT_PIECE_CHARS
    batch_size: int = 16
    html_extractor: str = "auto"
    #: (key, maker): records made from each article's analysis for a later stage
    article_records: tuple[tuple[str, Callable[[Any], Any]], ...] = ()
    #: a digest of the settings above, so cached Auditors match their spec
    token: str = field(default="")

    def with_token(self) -> WorkerSpec:
        """This spec with ``token`` set from its settings."""
        digest = hashlib.sha256(
            repr(
                (
                    self.model,
                    self.full_parse,
                    self.rule_pack.digest,
                    self.formats,
                    self.max_chars,
                    self.piece_chars,
                    self.batch_size,
                    self.html_extractor,
                )
            ).encode()
        ).hexdigest()[:16]
        return WorkerSpec(**{**self.__dict__, "token": digest})


# ---------------------------------------------------------------- model per worker

#: Set by the local process engine's initializer: (token, Auditor) inherited or loaded.
_PROCESS_AUDITOR: tuple[str, Any] | None = None
#: Auditors loaded by threads (Dask workers may run tasks in threads of one process, and a
#: spaCy pipeline is not meant to be shared between threads).
_THREAD = threading.local()


def make_auditor(spec: WorkerSpec, nlp=None):
    """An :class:`~auditor.audit.Auditor` for ``spec``, warmed up outside any memory zone."""
    from auditor.audit import Auditor
    from auditor.ingest import article_from_text

    auditor = Auditor(
        spec.model,
        nlp=nlp,
        config=spec.rule_pack.config,
        rule_pack=spec.rule_pack,
        piece_chars=spec.piece_chars,
        full_parse=spec.full_parse,
    )
    # Components may build lookup tables on their first document; doing that here keeps
    # their strings out of the first chunk's memory zone (which frees what it added).
    auditor.audit(article_from_text('"We are ready," the mayor said on Monday.'))
    return auditor


def init_process(spec: WorkerSpec, auditor=None) -> None:
    """Initializer of a local worker process: adopt the parent's Auditor or load one.

    With the fork start method the parent's loaded pipeline is inherited at no cost.
    """
    global _PROCESS_AUDITOR
    import signal

    # Ctrl-C is the main process's to handle: it stops the workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _PROCESS_AUDITOR = (spec.token, auditor if auditor is not None else make_auditor(spec))


def _auditor_for(spec: WorkerSpec):
    if _PROCESS_AUDITOR is not None and _PROCESS_AUDITOR[0] == spec.token:
        return _PROCESS_AUDITOR[1]
    cache = getattr(_THREAD, "auditors", None)
    if cache is None:
        cache = _THREAD.auditors = {}
    if spec.token not in cache:
        cache.clear()  # one model per thread: a new spec replaces the old one
        cache[spec.token] = make_auditor(spec)
    return cache[spec.token]


def process_chunk(spec: WorkerSpec, items: list[Item]) -> list[dict[str, Any]]:
    """Audit ``items`` with this worker's Auditor (loaded on first use); see
    :func:`process_items`. Model loading errors propagate: they concern every document."""
    return process_items(_auditor_for(spec), spec, items)


# ---------------------------------------------------------------- the work


def process_items(auditor, spec: WorkerSpec, items: list[Item]) -> list[dict[str, Any]]:
    """Audit ``items`` with ``auditor``; one plain dict per item, in order.

    ``{"uid", "ok": True, "result": <auditor/2>, "meta": {...}, "reports": {format: text}}``
    or ``{"uid", "ok": False, "error": <type>, "reason": <one line>, "traceback": ...}``.
    Short documents go through ``nlp.pipe`` together; long ones in pieces. Everything
    spaCy allocates for the chunk is freed afterwards (``nlp.memory_zone``), so memory
    stays flat over a long run.
    """
    out: list[dict[str, Any] | None] = [None] * len(items)
    with auditor.nlp.memory_zone():
        ready: list[tuple[int, Any, dict[str, Any]]] = []
        for i, item in enumerate(items):
            try:
                article, meta = prepare(item, spec)
                ready.append((i, article, meta))
            except Exception as exc:  # noqa: BLE001 - any failure is this document's
                out[i] = failure(item.uid, exc)
        # Short documents go through nlp.pipe together, long ones in pieces; a failing
        # document fails only itself (Auditor.audit_each).
        outcomes = auditor.audit_each(
            [article for _, article, _ in ready], batch_size=spec.batch_size
        )
        for (i, article, meta), (_, result) in zip(ready, outcomes, strict=True):
            out[i] = _finish(items[i], article, meta, result, spec)
    return [r for r in out if r is not None]


def _finish(item: Item, article, meta: dict[str, Any], result, spec: WorkerSpec) -> dict[str, Any]:
    if isinstance(result, Exception):
        return failure(item.uid, result)
    from auditor.report import render

    try:
        rules_url = getattr(spec.rule_pack.config, "rule_docs_url", None)
        reports = {fmt: render(result, fmt, rules_url=rules_url) for fmt in spec.formats}
    except Exception as exc:  # noqa: BLE001
        return failure(item.uid, exc, stage="report")
    if article.title and "title" not in meta:
        meta = {"title": article.title, **meta}
    return {
        "uid": item.uid,
        "ok": True,
        "result": result.to_dict(),
        "meta": meta,
        "reports": reports,
        # e.g. speakers, quotes and names for the source registry (auditor.provenance)
        "stage_records": {key: make(result.analysis) for key, make in spec.article_records},
    }


def prepare(item: Item, spec: WorkerSpec):
    """The :class:`~auditor.ingest.Article` for ``item`` and metadata found while reading.

    Files are decoded exactly as ``read_article`` does; HTML goes through the article
    extractor (see :mod:`auditor.batch.article_extraction`). Raises for undecodable or
    oversized input.
    """
    from auditor.batch.article_extraction import refine_html
    from auditor.ingest import BINARY_FORMATS, article_from_bytes, article_from_text
    from auditor.ingest.decode import decode_bytes

    if item.data is not None and item.format in BINARY_FORMATS:
        # A Word file: its text is extracted (and bounded by max_chars) by the ingest.
        article = article_from_bytes(
            item.data, name=item.name, path=item.path, format=item.format, max_chars=spec.max_chars
        )
        return article, {}
    if item.data is not None:
        if len(item.data) > 4 * spec.max_chars:  # no decoding of hopelessly large input
            raise DocumentTooLarge(_too_large(item.path, len(item.data), spec.max_chars, "bytes"))
        text = decode_bytes(item.data, item.path)
    else:
        text = item.text or ""
    if len(text) > spec.max_chars:
        raise DocumentTooLarge(_too_large(item.id, len(text), spec.max_chars, "characters"))
    article = article_from_text(text, name=item.name, path=item.path, format=item.format)
    meta: dict[str, Any] = {}
    if article.format == "html":
        article, meta = refine_html(article, spec.html_extractor)
    return article, meta


def _too_large(label: str, size: int, limit: int, unit: str) -> str:
    return f"{label}: too large ({size:,} {unit}; the limit is --max-chars {limit:,})"


def failure(uid: str, exc: BaseException, stage: str = "audit") -> dict[str, Any]:
    """The error dict for a document that failed with ``exc``."""
    if isinstance(exc, AuditorError):
        # The auditor's own errors are complete one-line explanations.
        return {
            "uid": uid,
            "ok": False,
            "error": type(exc).__name__,
            "reason": str(exc),
            "traceback": None,
        }
    where = "writing its report" if stage == "report" else "the pipeline"
    reason = f"crash in {where}: {type(exc).__name__}: {exc}".splitlines()[0][:500]
    return {
        "uid": uid,
        "ok": False,
        "error": type(exc).__name__,
        "reason": reason,
        "traceback": "".join(traceback.format_exception(exc))[-4000:],
    }
