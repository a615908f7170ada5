"""What the source registry stores and hands out: a :class:`Source` as the commands show
it, a :class:`KnownSource` row of a newsroom's list, an article's packed record, and the
small helpers the registry's parts share (dates, blocking keys, chunked ``IN`` lists).

    >>> block_of("Oksana Veretenko", "person")
    'ver'
    >>> day_of("2024-03-01T10:00", "2024-05-02T08:00:00Z"), day_of(None, "2024-05-02T08:00Z")
    ('2024-03-01', '2024-05-02')
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TypeVar

from auditor.provenance.name_keys import name_key, surname
from auditor.provenance.registry_errors import damaged

KINDS = ("person", "organization", "media")
T = TypeVar("T")


def now_utc() -> str:
    """The time now, as the registry stores it (``2024-05-02T08:00:00Z``)."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def day_of(published: str | None, added: str) -> str:
    """The day an article is dated: its publication date when it has one, else when it
    was added."""
    if published and len(published) >= 10 and published[4] == "-":
        return published[:10]
    return added[:10]


def block_of(name: str, kind: str) -> str:
    """The blocking key near spellings are looked up by (first letters of the surname
    for people, of the name for organizations)."""
    return (surname(name) if kind == "person" else name_key(name))[:3]


@dataclass
class Source:
    """One registry entry as the commands and reports show it."""

    id: int
    name: str
    kind: str
    known: bool = False
    articles: int = 0
    attributions: int = 0
    first_seen: str | None = None
    last_seen: str | None = None
    source_type: str | None = None
    role: str | None = None
    organization: str | None = None
    verified_by: str | None = None
    verified_on: str | None = None
    variants: list[tuple[str, int]] = field(default_factory=list)
    descriptions: list[tuple[str, int]] = field(default_factory=list)
    appearances: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "known": self.known,
            "source_type": self.source_type,
            "articles": self.articles,
            "attributions": self.attributions,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "role": self.role,
            "organization": self.organization,
            "verified_by": self.verified_by,
            "verified_on": self.verified_on,
            "variants": [{"variant": v, "articles": n} for v, n in self.variants],
            "descriptions": [{"description": d, "articles": n} for d, n in self.descriptions],
            "appearances": list(self.appearances),
        }


@dataclass
class KnownSource:
    """One row of a newsroom's known-sources list."""

    name: str
    variants: list[str] = field(default_factory=list)
    role: str | None = None
    organization: str | None = None
    verified_by: str | None = None
    date: str | None = None
    kind: str | None = None
    known: bool = True


def pack_record(data: dict[str, Any]) -> bytes:
    """An article's record as the registry stores it (compact JSON, compressed)."""
    return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode())


def unpack(blob: bytes | None, where: Path | str = "registry") -> dict[str, Any] | None:
    """A stored article record (see :meth:`Registry.add_article`), or None."""
    if blob is None:
        return None
    try:
        return json.loads(zlib.decompress(blob).decode())
    except (zlib.error, ValueError) as exc:  # UnicodeDecodeError and JSONDecodeError too
        raise damaged(where, exc) from None


def text_or_none(value: Any) -> str | None:
    """A value of an article's metadata as one line of text (a list joined), or None."""
    if value is None:
        return None
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value if v)
    text = " ".join(str(value).split())
    return text or None


def chunks(items: list[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of at most ``size`` (SQLite limits the ``?`` of one query)."""
    for start in range(0, len(items), size):
        yield items[start : start + size]
