"""Ingest: read an article (plain text, Markdown, HTML, Word) into its source and an NLP view.

The view is the key idea: ``len(view) == len(source)`` and each ``view[i]`` is either
``source[i]`` or whitespace (an HTML or Markdown entity shows its decoded character at the
entity's first position), so any offset found by reading the view is an offset into the
source, with no offset map to keep. Markup is blanked, and every "\\n" left in the view
ends a paragraph: hard-wrapped lines and paragraphs broken in mid-sentence are joined.

    >>> article = article_from_text("# Talks *resume*\\n\\nThe minister said so.", format="md")
    >>> article.title, article.view[:16]
    ('Talks resume', '  Talks  resume ')

A Word document (.docx) is the exception to "source is the file": its source is the text
extracted from it (see :mod:`auditor.ingest.docx`), and offsets point into that text.

Bad input raises :class:`IngestError` with one line naming the file, the problem and
the fix.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from auditor.ingest.decode import IngestError, decode_bytes, read_bounded, too_large
from auditor.ingest.docx import MAX_DOCX_BYTES, docx_paragraphs, docx_text_within, read_docx
from auditor.ingest.files import NotRegularFile, lone_surrogate_at, open_regular
from auditor.ingest.html_reader import html_suppressions, read_html
from auditor.ingest.layout import settle
from auditor.ingest.markdown import read_markdown
from auditor.ingest.plain import read_plain
from auditor.ingest.suppressions import Suppression
from auditor.limits import DEFAULT_MAX_CHARS
from auditor.text import paragraph_spans

__all__ = [
    "FORMATS",
    "SUPPORTED_EXTENSIONS",
    "Article",
    "IngestError",
    "Suppression",
    "article_from_bytes",
    "article_from_text",
    "collect_inputs",
    "read_article",
    "read_stdin",
    "sniff_format",
]

#: File extensions the auditor reads, and the format of each.
SUPPORTED_EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
}
#: Formats of text given as a string (``article_from_text``); files may also be "docx".
FORMATS = ("text", "markdown", "html")
#: Formats whose files are not text: read from their bytes only (``article_from_bytes``).
BINARY_FORMATS = ("docx",)
_FORMAT_ALIASES = {"txt": "text", "plain": "text", "md": "markdown", "htm": "html"}


@dataclass
class Article:
    """One decoded input and the view of it the NLP reads.

    ``source`` is the decoded original (UTF-8, BOM removed); all offsets refer to it.
    ``view`` has the same length (see the module docstring). ``repaired_breaks`` holds
    the offsets of paragraph breaks the view joined because a sentence ran across them.
    """

    path: str
    name: str
    source: str
    view: str
    format: str
    title: str | None = None
    suppressions: list[Suppression] = field(default_factory=list)
    repaired_breaks: list[int] = field(default_factory=list)


def _supported() -> str:
    return ", ".join(sorted(SUPPORTED_EXTENSIONS))


def _normalise_format(format: str) -> str:
    fmt = _FORMAT_ALIASES.get(format.lower(), format.lower())
    if fmt in BINARY_FORMATS:
        raise IngestError(
            f"a {fmt} document is read from its file's bytes, not from text; "
            "read the file with read_article or article_from_bytes"
        )
    if fmt not in FORMATS:
        raise IngestError(f"unknown input format {format!r}; use one of {', '.join(FORMATS)}")
    return fmt


def article_from_text(
    text: str, *, name: str = "stdin", path: str = "-", format: str = "text"
) -> Article:
    """Build an :class:`Article` from decoded ``text`` in ``format`` (text, markdown, html).

    Any valid Unicode string gives an article (an empty one an empty article); a string
    holding a lone surrogate (which no file can hold, but a Python string or a JSON record
    can) raises :class:`IngestError`, since no report could be written of it.
    """
    fmt = _normalise_format(format)
    bad = lone_surrogate_at(text)
    if bad is not None:
        raise IngestError(
            f"{path if path != '-' else name}: is not valid Unicode (a lone surrogate at "
            f"character {bad:,}); remove or replace that character"
        )
    if text.startswith("\ufeff"):
        text = text[1:]
    comments: list = []
    suppressions: list[Suppression] = []
    if fmt == "markdown":
        draft, suppressions = read_markdown(text)
    elif fmt == "html":
        draft, comments = read_html(text)
    else:
        draft = read_plain(text)
    view, repaired = settle(draft)
    if comments:
        suppressions = html_suppressions(text, paragraph_spans(view), comments)
    return Article(
        path=path,
        name=name,
        source=text,
        view=view,
        format=fmt,
        title=draft.title,
        suppressions=suppressions,
        repaired_breaks=repaired,
    )


def read_article(path: str | Path, *, max_chars: int = DEFAULT_MAX_CHARS) -> Article:
    """Read one article file; its extension gives the format.

    Raises :class:`IngestError` for a missing file, a folder, anything but a regular file
    (a FIFO, device or socket is never opened for a blocking read), an unsupported
    extension, more than ``max_chars`` characters (read in bounded chunks, never whole),
    unreadable, binary or non-UTF-8 bytes. An empty file gives an empty article.
    """
    p = Path(path)
    label = str(path)
    if p.is_dir():
        raise IngestError(f"{label}: is a folder, not an article file ({_supported()})")
    if not p.exists():
        raise IngestError(f"{label}: no such file; check the path")
    fmt = SUPPORTED_EXTENSIONS.get(p.suffix.lower())
    if fmt is None:
        kind = f"file type {p.suffix!r}" if p.suffix else "file without an extension"
        raise IngestError(f"{label}: unsupported {kind}; supported: {_supported()}")
    try:
        with open_regular(p) as stream:
            data = _read_file(stream, fmt, label, max_chars)
    except NotRegularFile as exc:
        raise IngestError(
            f"{label}: is {exc.kind}, not an article file; give a regular file"
        ) from None
    except OSError as exc:
        raise IngestError(f"{label}: cannot be read ({exc.strerror or exc})") from None
    return article_from_bytes(data, name=p.stem, path=label, format=fmt, max_chars=max_chars)


def _read_file(stream: IO[bytes], fmt: str, label: str, max_chars: int) -> bytes:
    """A file's bytes, read in bounded chunks (a Word file is bounded in bytes, its pictures
    being no part of the article; its text is bounded once extracted)."""
    if fmt in BINARY_FORMATS:
        data = stream.read(MAX_DOCX_BYTES + 1)
        if len(data) > MAX_DOCX_BYTES:
            raise IngestError(
                f"{label}: too large for a Word document (more than {MAX_DOCX_BYTES:,} bytes)"
            )
        return data
    return read_bounded(stream, max_chars, label)


def article_from_bytes(
    data: bytes,
    *,
    name: str,
    path: str,
    format: str,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Article:
    """Build an :class:`Article` from a file's bytes, read as ``format`` says (as the file's
    extension says: see :data:`SUPPORTED_EXTENSIONS`).

    Text formats are decoded as UTF-8; a .docx (``format="docx"``) has its text extracted.
    Raises :class:`IngestError` (one line naming ``path``) for bytes that cannot be read as
    ``format`` or text longer than ``max_chars``.
    """
    label = path if path != "-" else name
    if format == "docx":
        return _article_from_docx(data, name=name, path=path, label=label, max_chars=max_chars)
    text = _text_within(data, label, max_chars)
    return article_from_text(text, name=name, path=path, format=format)


def _article_from_docx(data: bytes, *, name: str, path: str, label: str, max_chars: int) -> Article:
    paragraphs = docx_paragraphs(data, label)
    docx_text_within(paragraphs, label, max_chars)
    source, draft = read_docx(paragraphs)
    bad = lone_surrogate_at(source)
    if bad is not None:  # (XML cannot hold one; kept as a guard for odd parsers)
        raise IngestError(f"{label}: is not valid Unicode at character {bad:,}")
    view, repaired = settle(draft)
    return Article(
        path=path,
        name=name,
        source=source,
        view=view,
        format="docx",
        title=draft.title,
        repaired_breaks=repaired,
    )


def read_stdin(
    stream: IO,
    *,
    format: str | None = "text",
    name: str = "stdin",
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Article:
    """Read an article from ``stream`` (bytes from ``stream.buffer`` when it has one).

    ``format`` is "text" unless told otherwise; ``None`` guesses it with
    :func:`sniff_format`. More than ``max_chars`` characters raise :class:`IngestError`
    (the stream is read in bounded chunks, never whole).
    """
    data = read_bounded(getattr(stream, "buffer", stream), max_chars, "stdin")
    text = _text_within(data, "stdin", max_chars)
    fmt = sniff_format(text) if format is None else format
    return article_from_text(text, name=name, path="-", format=fmt)


def _text_within(data: bytes | str, label: str, max_chars: int) -> str:
    """``data`` decoded (see :func:`decode_bytes`), at most ``max_chars`` long (a BOM aside)."""
    text = decode_bytes(data, label) if isinstance(data, bytes) else data
    if len(text.removeprefix("\ufeff")) > max_chars:
        raise too_large(label, max_chars)
    return text


def sniff_format(text: str) -> str:
    """Guess the format of an article with no file name: "html", "markdown" or "text"."""
    head = text.lstrip("\ufeff \t\r\n")[:2000].lower()
    if head.startswith(("<!doctype html", "<html", "<body", "<article", "<p>", "<div")):
        return "html"
    lines = text.splitlines()[:200]
    marks = sum(
        1
        for line in lines
        if line.startswith(("# ", "## ", "### ", "```", "> ", "- ", "* ", "---")) or "](" in line
    )
    if head.startswith("---\n") or marks >= 2:
        return "markdown"
    return "text"


def collect_inputs(inputs: Iterable[str]) -> list[str]:
    """Expand folders into the article files under them; keep files and "-" as given.

    Files in a folder are found recursively (hidden files and folders skipped), filtered
    to :data:`SUPPORTED_EXTENSIONS` and sorted. Raises :class:`IngestError` for a path
    that does not exist or a folder with no articles.
    """
    found: list[str] = []
    for item in inputs:
        item = str(item)
        if item == "-":
            found.append(item)
            continue
        p = Path(item)
        if p.is_dir():
            files = _articles_under(p)
            if not files:
                raise IngestError(f"{item}: no articles in this folder (looked for {_supported()})")
            found.extend(files)
        elif p.exists():
            found.append(item)
        else:
            raise IngestError(f"{item}: no such file or folder")
    return found


def _articles_under(folder: Path) -> list[str]:
    files = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if not name.startswith(".") and Path(name).suffix.lower() in SUPPORTED_EXTENSIONS:
                files.append(os.path.join(root, name))
    return sorted(files)
