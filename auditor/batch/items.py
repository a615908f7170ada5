"""The records a batch passes from reading to auditing: input files, documents, problems.

An :class:`InputRef` names one input file, an :class:`Item` is one document read from it,
and a :class:`Problem` is a piece of input that cannot become one; :func:`safe_name` makes
a document's id fit a report file name.

    >>> safe_name("Mayor's speech: the text")
    'Mayor_s_speech_the_text'
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class InputRef:
    """One input file: an article (``kind="file"``) or a JSON Lines file (``"records"``).

    ``root`` is the folder (or glob prefix) it was found under; report names mirror the
    path below it.
    """

    kind: str
    path: str
    root: str | None = None


@dataclass
class Item:
    """One document to audit, as read by the main process.

    ``uid`` identifies it in the result store (the file path, or ``jsonl#id``); ``id``
    is what users see (the path, or the record's id). Exactly one of ``data`` (raw file
    bytes, decoded by the worker) and ``text`` (a record's text) is set.
    """

    uid: str
    id: str
    input: str
    path: str
    name: str
    format: str
    report_base: str
    data: bytes | None = None
    text: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    line: int | None = None

    def content_hash(self) -> str:
        """sha256 of the content as given (raw bytes of a file, UTF-8 of a record's text)."""
        raw = self.data if self.data is not None else (self.text or "").encode("utf-8")
        return hashlib.sha256(raw).hexdigest()


@dataclass
class Problem:
    """A piece of input that could not become a document; it is reported as failed."""

    uid: str
    id: str | None
    input: str
    reason: str
    line: int | None = None


def safe_name(text: str, limit: int = 100) -> str:
    """``text`` as one file-name component: letters, digits, ``.``, ``_``, ``-``."""
    cleaned = _UNSAFE.sub("_", text).strip("._") or "_"
    return cleaned[:limit]
