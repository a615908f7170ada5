"""The proper names and organizations an article mentions, for the registry's near-miss
checks: capitalized words used as names (not merely starting a sentence), and
organization names and acronyms, with their counts and first offsets.

    >>> names_in("Rain fell. The Valdoria council met in Kestrel.", [0, 11], [])
    {'Kestrel': [1, 39], 'Valdoria': [1, 15]}

Headline lines (title case or capitals) are skipped: their capitals say nothing.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from auditor.lexicon import load_lexicon
from auditor.provenance.name_keys import clean_name, is_acronym, organizations_of, words

_CAPITALIZED = re.compile(r"\b[^\W\d_][\w’'-]*")
_ACRONYM = re.compile(r"\b[A-Z]{3,6}\b")


def headline_lines(text: str) -> list[tuple[int, int]]:
    """Lines in title case or capitals (headlines, kickers): their capitals say nothing."""
    out = []
    offset = 0
    for line in text.splitlines(keepends=True):
        found = words(line)
        if len(found) >= 4:
            capitals = sum(1 for w in found if w[:1].isupper() or w.lower() in _SMALL_WORDS)
            if capitals / len(found) >= 0.8:
                out.append((offset, offset + len(line)))
        offset += len(line)
    return out


_SMALL_WORDS = load_lexicon("title_minor_words")


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``offset`` is in one of ``spans`` (sorted lines, which do not overlap)."""
    i = bisect.bisect_right(spans, offset, key=_first) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


def _first(span: tuple[int, int]) -> int:
    return span[0]


def names_in(text: str, starts: list[int], skip: list[tuple[int, int]]) -> dict[str, list[int]]:
    """Capitalized words used as names (not merely starting a sentence), with their count
    and first offset. Words that only ever start sentences are left out."""
    sentence_starts = set(starts)
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    inside: Counter[str] = Counter()
    for match in _CAPITALIZED.finditer(text):
        word = match.group(0)
        if not word[:1].isupper() or len(word) < 4 or _inside(match.start(), skip):
            continue
        if word.isupper():
            continue  # acronyms are organizations' business
        word = clean_name(word)
        if len(word) < 4:
            continue
        counts[word] += 1
        first.setdefault(word, match.start())
        if match.start() not in sentence_starts and not _after_opening(text, match.start()):
            inside[word] += 1
    return {w: [n, first[w]] for w, n in sorted(counts.items()) if inside[w]}


def _after_opening(text: str, offset: int) -> bool:
    # A word right after an opening quote mark or line start begins a sentence too.
    before = text[max(0, offset - 3) : offset].rstrip(" ")
    return not before or before[-1:] in "\n\"“‘'«("


def organizations_in(text: str, skip: list[tuple[int, int]]) -> dict[str, list[int]]:
    """Organization names and acronyms in the text: name -> [count, first start, end]."""
    found: dict[str, list[int]] = {}
    for match in _ACRONYM.finditer(text):
        if _inside(match.start(), skip) or not is_acronym(match.group(0)):
            continue
        _count(found, match.group(0), match.start(), match.end())
    for start, end in _sentence_like(text):
        if _inside(start, skip):
            continue
        piece = text[start:end]
        for name in organizations_of(piece):
            if is_acronym(name):
                continue  # counted above
            at = piece.find(name)
            _count(found, name, start + max(at, 0), start + max(at, 0) + len(name))
    return found


def _sentence_like(text: str) -> list[tuple[int, int]]:
    out = []
    offset = 0
    for line in text.splitlines(keepends=True):
        out.append((offset, offset + len(line)))
        offset += len(line)
    return out


def _count(found: dict[str, list[int]], name: str, start: int, end: int) -> None:
    entry = found.get(name)
    if entry is None:
        found[name] = [1, start, end]
    else:
        entry[0] += 1
