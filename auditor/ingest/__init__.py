"""Ingest: read an article (plain text, Markdown, HTML) into source text and an NLP view.

Minimal first version: the view is the source with carriage returns blanked. Markdown and
HTML masking, suppressions and paragraph repair follow.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from auditor.errors import AuditorError

SUPPORTED_EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}


class IngestError(AuditorError):
    """An input cannot be read as an article."""


@dataclass
class Suppression:
    """An inline ``<!-- auditor: ignore[RULES] reason -->`` comment."""

    rules: tuple[str, ...]
    reason: str
    start: int
    end: int
    line: int
    applies_to: tuple[int, int]


@dataclass
class Article:
    """One decoded input and the view of it the NLP reads (same length as ``source``)."""

    path: str
    name: str
    source: str
    view: str
    format: str
    title: str | None = None
    suppressions: list[Suppression] = field(default_factory=list)
    repaired_breaks: list[int] = field(default_factory=list)


def article_from_text(
    text: str, *, name: str = "stdin", path: str = "-", format: str = "text"
) -> Article:
    """Build an Article from already decoded text."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return Article(path, name, text, text.replace("\r", " "), format)


def read_article(path: str | Path) -> Article:
    """Read and decode one article file."""
    p = Path(path)
    if not p.is_file():
        raise IngestError(f"{path}: no such file")
    fmt = SUPPORTED_EXTENSIONS.get(p.suffix.lower())
    if fmt is None:
        raise IngestError(f"{path}: unsupported file type {p.suffix!r}")
    try:
        text = p.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(f"{path}: not valid UTF-8 at byte {exc.start}") from None
    return article_from_text(text, name=p.stem, path=str(path), format=fmt)


def read_stdin(stream: IO) -> Article:
    """Read an article from a text or binary stream."""
    data = stream.buffer.read() if hasattr(stream, "buffer") else stream.read()
    if isinstance(data, bytes):
        data = data.decode("utf-8-sig")
    return article_from_text(data)


def collect_inputs(inputs: Iterable[str]) -> list[str]:
    """Expand folders to the supported files in them; keep files and "-" as given."""
    out: list[str] = []
    for item in inputs:
        p = Path(item)
        if item == "-" or p.is_file():
            out.append(item)
        elif p.is_dir():
            found = sorted(
                str(f) for f in p.rglob("*") if f.suffix.lower() in SUPPORTED_EXTENSIONS
            )
            if not found:
                raise IngestError(f"{item}: no articles found")
            out.extend(found)
        else:
            raise IngestError(f"{item}: no such file or folder")
    return out
