"""Word lists shipped as data files in ``auditor/lexicons/`` (one entry a line, ``#`` comments)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path


def lexicon_path(name: str) -> Path:
    """Path of the packaged lexicon ``name`` (without the ``.txt`` suffix)."""
    return Path(str(resources.files("auditor") / "lexicons" / f"{name}.txt"))


def read_lexicon_file(path: str | Path) -> list[str]:
    """Entries of a lexicon file, in order, without comments and blank lines."""
    entries = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            entries.append(entry)
    return entries


@cache
def load_lexicon(name: str, lowercase: bool = True) -> frozenset[str]:
    """The packaged lexicon ``name`` as a set (lower-cased unless told otherwise)."""
    entries = read_lexicon_file(lexicon_path(name))
    return frozenset(e.lower() for e in entries) if lowercase else frozenset(entries)
