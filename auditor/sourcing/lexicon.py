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

from auditor.errors import AuditorError


class LexiconError(AuditorError):
    """A lexicon file is missing or holds an invalid pattern."""


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


def phrase_pattern(phrase: str) -> str:
    """A regex source matching ``phrase`` as whole words, any whitespace between words."""
    if phrase.startswith("re:"):
        return phrase[3:]
    words = [re.escape(word) for word in phrase.split()]
    body = r"\s+".join(words)
    # Word boundaries only where the phrase starts/ends with a word character, so entries
    # like "so-called" or "U.S." still match.
    left = r"\b" if re.match(r"\w", phrase) else ""
    right = r"\b" if re.search(r"\w$", phrase) else ""
    return f"{left}{body}{right}"


def compile_phrases(
    phrases: tuple[str, ...] | list[str], *, ignore_case: bool = True
) -> re.Pattern:
    """One regex matching any of ``phrases`` (longest alternatives first)."""
    ordered = sorted(phrases, key=len, reverse=True)
    flags = re.IGNORECASE if ignore_case else 0
    if not ordered:
        return re.compile(r"(?!x)x")  # matches nothing
    source = "|".join(f"(?:{phrase_pattern(p)})" for p in ordered)
    try:
        return re.compile(source, flags)
    except re.error as exc:
        raise LexiconError(f"invalid pattern in cue list: {exc}") from exc


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
