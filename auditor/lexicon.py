"""Word lists shipped as data files in ``auditor/lexicons/``: the one reader of them.

A lexicon file holds one entry a line. ``#`` starts a comment that runs to the end of the
line (so no entry may hold a ``#``); blank lines are skipped; each entry is stripped of
surrounding spaces. Every file opens with ``#`` lines saying what it holds and who uses
it. A line that is a name in square brackets (``[think-tank]``) is no entry: it opens a
section, and the entries below it, up to the next such line, are that section's (read
with :func:`sections`; :func:`entries` gives every section's entries, in file order).
A plain entry used as a cue is a phrase matched as whole words, ignoring case, any run
of spaces standing for any whitespace; an entry starting with ``re:`` is a regular
expression (Python syntax), for the few cues that need alternatives or anchors.

Words whose membership is a judgement about meaning (which verbs report speech, which
nouns name a document, which names are news outlets) live here. Closed grammatical
classes stay in code beside the rule that reads them, as sets whose comment names the
class: prepositions, pronouns, determiners and quantifiers, conjunctions and
complementizers, modal verbs, number words, inflectional endings, punctuation and quote
characters. They are grammar, not vocabulary: no newsroom would extend them.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path

from auditor.errors import AuditorError

__all__ = [
    "LexiconError",
    "compile_phrases",
    "entries",
    "groups",
    "lexicon_path",
    "load_lexicon",
    "pattern",
    "phrase_pattern",
    "read_lexicon_file",
    "sections",
    "word_set",
]


class LexiconError(AuditorError):
    """A lexicon file is missing or holds an invalid pattern."""


def lexicon_path(name: str) -> Path:
    """Path of the packaged lexicon ``name`` (without the ``.txt`` suffix)."""
    return Path(str(resources.files("auditor") / "lexicons" / f"{name}.txt"))


#: A section line: a name in square brackets, alone on its line once comments are cut.
_SECTION_LINE = re.compile(r"^\[\s*([^\]]+?)\s*\]$")


def _sectioned_entries(path: str | Path) -> list[tuple[str, str]]:
    """Each entry of a lexicon file with the name of its section ("" before the first
    section line), in file order, without comments, blank lines and section lines."""
    found = []
    section = ""
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip()
        opens = _SECTION_LINE.match(entry)
        if opens:
            section = opens.group(1)
        elif entry:
            found.append((section, entry))
    return found


def read_lexicon_file(path: str | Path) -> list[str]:
    """Entries of a lexicon file, in order, without comments, blank lines and section lines."""
    return [entry for _, entry in _sectioned_entries(path)]


def _packaged(name: str) -> list[tuple[str, str]]:
    """``(section, entry)`` of the packaged lexicon ``name``; a missing one is a
    :class:`LexiconError`."""
    try:
        return _sectioned_entries(lexicon_path(name))
    except FileNotFoundError as exc:
        raise LexiconError(f"lexicon {name!r} not found (auditor/lexicons/{name}.txt)") from exc


@cache
def entries(name: str) -> tuple[str, ...]:
    """The entries of the packaged lexicon ``name``, in file order, case kept."""
    return tuple(entry for _, entry in _packaged(name))


@cache
def sections(name: str) -> dict[str, tuple[str, ...]]:
    """The packaged lexicon ``name`` by section: section name -> its entries, in file
    order, case kept; sections of one name are joined, entries before the first section
    line are under "". ``known_organizations.txt`` has "[think-tank]" above "RAND
    Corporation | RAND", so ``sections("known_organizations")["think-tank"]`` holds it."""
    out: dict[str, list[str]] = {}
    for section, entry in _packaged(name):
        out.setdefault(section, []).append(entry)
    return {section: tuple(members) for section, members in out.items()}


@cache
def load_lexicon(name: str, lowercase: bool = True) -> frozenset[str]:
    """The packaged lexicon ``name`` as a set (lower-cased unless told otherwise)."""
    found = entries(name)
    return frozenset(e.lower() for e in found) if lowercase else frozenset(found)


@cache
def word_set(name: str) -> frozenset[str]:
    """The entries of lexicon ``name`` as a lower-cased set, ``re:`` patterns left out."""
    return frozenset(entry.lower() for entry in entries(name) if not entry.startswith("re:"))


@cache
def groups(name: str) -> dict[str, frozenset[str]]:
    """Lexicon ``name`` written as ``key: word, word, ...`` lines, as key -> its words
    (lower-cased; lines without a colon are skipped): "leader: leader, head, chief"."""
    out: dict[str, frozenset[str]] = {}
    for line in entries(name):
        key, colon, words = line.partition(":")
        if colon:
            members = (w.strip().lower() for w in words.split(","))
            out[key.strip()] = frozenset(m for m in members if m)
    return out


@cache
def pattern(name: str, ignore_case: bool = True) -> re.Pattern:
    """The compiled pattern of lexicon ``name`` (any entry matches)."""
    try:
        return compile_phrases(entries(name), ignore_case=ignore_case)
    except LexiconError as exc:
        raise LexiconError(f"lexicon {name!r}: {exc}") from exc


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
