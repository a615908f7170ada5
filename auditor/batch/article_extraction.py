"""HTML pages in a batch: keep the article, drop the page around it.

Archived pages carry menus, teasers, cookie notices and comment threads that the ingest
module's tag masking keeps (it only blanks ``nav``, ``footer``, ``aside``...). When the
optional extractor trafilatura is installed (``pip install provenance-auditor[html]``),
it decides which paragraphs are the article; those paragraphs stay in the view and the
rest is blanked. Offsets therefore still point into the HTML source, exactly as for
``auditor audit page.html``. The page's title, date, author, site name and URL found by
the extractor become the document's metadata.

Without trafilatura (or with ``html_extractor="builtin"``) the ingest view is used as is.
"""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache
from typing import Any

from auditor.errors import AuditorError
from auditor.text import paragraph_spans

EXTRACTORS = ("auto", "trafilatura", "builtin")
#: A view paragraph this long may match inside a longer extracted line (the extractor and
#: the ingest module sometimes split or join paragraphs differently).
_PARTIAL_MATCH = 40
_NOT_NEWLINE = re.compile(r"[^\n]")
#: Our metadata keys and the extractor's names for them.
_FIELDS = {
    "title": "title",
    "published": "date",
    "author": "author",
    "outlet": "sitename",
    "url": "url",
    "text": "text",
}


class ExtractorError(AuditorError):
    """The HTML extractor asked for is not installed."""


@lru_cache(maxsize=1)
def _trafilatura():
    try:
        import trafilatura
    except ImportError:
        return None
    return trafilatura


def extractor_identity(choice: str = "auto") -> str:
    """Which extractor ``choice`` uses here, with its version (part of the resume key).

    Found from the installed package's metadata, without importing it (trafilatura takes
    a quarter of a second to import). Raises :class:`ExtractorError` when
    ``"trafilatura"`` is asked for but missing.
    """
    from importlib import metadata

    if choice not in EXTRACTORS:
        raise ExtractorError(f"unknown HTML extractor {choice!r}; use {', '.join(EXTRACTORS)}")
    version = None
    if choice != "builtin":
        try:
            version = metadata.version("trafilatura")
        except metadata.PackageNotFoundError:
            version = None
    if version is None:
        if choice == "trafilatura":
            raise ExtractorError(
                "the HTML extractor trafilatura is not installed; "
                "pip install 'provenance-auditor[html]' or use --html-extractor builtin"
            )
        return "builtin"
    return f"trafilatura-{version}"


def _compact(text: str) -> str:
    # Entities show in the view as their character plus blanks ("&amp;" -> "&    "), and
    # extractors normalize spaces, so texts are compared without any whitespace.
    return "".join(text.split())


def refine_html(article, choice: str = "auto") -> tuple[Any, dict[str, Any]]:
    """``article`` (an HTML :class:`~auditor.ingest.Article`) with only its main text in
    the view, and the metadata the extractor found. Unchanged when no extractor is used
    or the extractor finds nothing it can place."""
    module = _trafilatura() if choice != "builtin" else None
    if module is None:
        return article, {}
    try:
        found = module.bare_extraction(
            article.source, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception:  # noqa: BLE001 - a page the extractor chokes on keeps the ingest view
        return article, {}
    if found is None:
        return article, {}
    if not isinstance(found, dict):  # trafilatura 2 returns a Document, 1.x a dict
        found = {name: getattr(found, name, None) for name in _FIELDS.values()}
    meta = _metadata(found)
    text = found.get("text") or ""
    keep = _kept_paragraphs(article.view, text, meta.get("title"))
    if not keep:
        return article, meta
    view = _blank_outside(article.view, keep)
    title = meta.get("title") or article.title
    return dataclasses.replace(article, view=view, title=title), meta


def _metadata(found: dict[str, Any]) -> dict[str, Any]:
    meta = {}
    for key, name in _FIELDS.items():
        value = found.get(name)
        if key != "text" and isinstance(value, str) and value.strip():
            meta[key] = value.strip()
    return meta


def _kept_paragraphs(view: str, extracted: str, title: str | None) -> list[tuple[int, int]]:
    lines = {_compact(line) for line in extracted.splitlines()}
    lines.discard("")
    if title:
        lines.add(_compact(title))
    whole = _compact(extracted)
    keep = []
    for start, end in paragraph_spans(view):
        piece = _compact(view[start:end])
        if piece in lines or (len(piece) >= _PARTIAL_MATCH and piece in whole):
            keep.append((start, end))
    return keep


def _blank_outside(view: str, keep: list[tuple[int, int]]) -> str:
    """``view`` with every character outside ``keep`` blanked (newlines stay)."""
    out = []
    last = 0
    for start, end in keep:
        out.append(_blank(view[last:start]))
        out.append(view[start:end])
        last = end
    out.append(_blank(view[last:]))
    return "".join(out)


def _blank(text: str) -> str:
    return _NOT_NEWLINE.sub(" ", text)
