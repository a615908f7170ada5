"""Word lists shipped as data files in ``auditor/lexicons/`` (one entry a line, ``#`` comments)."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path

from auditor.errors import AuditorError


class LexiconError(AuditorError):
    """A lexicon file is missing or holds an invalid pattern."""


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
