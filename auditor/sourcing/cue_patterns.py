"""Cue lists for sourcing and claims, kept as data files in ``auditor/lexicons/``.

A lexicon file holds one entry a line; ``#`` starts a comment line. A plain entry is a
phrase matched as whole words, ignoring case, any run of spaces standing for any
whitespace. An entry starting with ``re:`` is a regular expression (Python syntax), for
the few cues that need alternatives or anchors.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from auditor.lexicon import LexiconError, compile_phrases, phrase_pattern

__all__ = ["LexiconError", "compile_phrases", "entries", "pattern", "phrase_pattern", "word_set"]


def _read(name: str) -> str:
    path = resources.files("auditor") / "lexicons" / f"{name}.txt"
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise LexiconError(f"lexicon {name!r} not found (auditor/lexicons/{name}.txt)") from exc


@cache
def entries(name: str) -> tuple[str, ...]:
    """The entries of lexicon ``name``, comments and blank lines dropped."""
    lines = (line.strip() for line in _read(name).splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@cache
def pattern(name: str, ignore_case: bool = True) -> re.Pattern:
    """The compiled pattern of lexicon ``name`` (any entry matches)."""
    try:
        return compile_phrases(entries(name), ignore_case=ignore_case)
    except LexiconError as exc:
        raise LexiconError(f"lexicon {name!r}: {exc}") from exc


@cache
def word_set(name: str) -> frozenset[str]:
    """The entries of lexicon ``name`` as a lower-cased set (for single-word lookups)."""
    return frozenset(entry.lower() for entry in entries(name) if not entry.startswith("re:"))
