"""Name forms for the speaker check: surnames, near spellings and which pairs of a long
list of forms are one name spelled two ways.

A long article names its speakers thousands of times, mostly with a few surnames, so
:func:`first_near_pairs` compares distinct surnames (grouped by their first letters, which
near spellings share), never every pair of mentions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance of ``a`` and ``b``."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def surname(name: str) -> str:
    """The last word of ``name`` without a possessive ("Ana Ruiz's" -> "Ruiz")."""
    words = re.findall(r"[A-Za-zÀ-ÿ'’-]+", name)
    return re.sub(r"['’]s$", "", words[-1]) if words else ""


def near_spellings(a: str, b: str) -> bool:
    """Two spellings of one name: same start, a small edit apart ("Zelenskyy"/"Zelenskyi")."""
    if a == b or len(a) < 4 or len(b) < 4 or a[:3].lower() != b[:3].lower():
        return False
    return edit_distance(a.lower(), b.lower()) <= max(1, min(len(a), len(b)) // 4)


def first_near_pairs(surnames: Sequence[str]) -> list[tuple[int, int]]:
    """``(k, j)`` with ``k < j`` for each pair of distinct near spellings in ``surnames``:
    the first position holding either and the first position of the other, in the order
    a scan of every pair ``k < j`` would first meet them (by ``k``, then ``j``).

    The earliest pair of positions of two spellings ``x`` (first seen) and ``y`` is always
    (first ``x``, first ``y``): every ``y`` comes after the first ``x``.
    """
    first: dict[str, int] = {}
    for position, name in enumerate(surnames):
        first.setdefault(name, position)
    groups: dict[str, list[str]] = {}
    for name in first:  # near spellings are 4+ letters sharing their first three
        if len(name) >= 4:
            groups.setdefault(name[:3].lower(), []).append(name)
    pairs = []
    for names in groups.values():
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                if near_spellings(a, b):
                    pairs.append(tuple(sorted((first[a], first[b]))))
    return sorted(pairs)
