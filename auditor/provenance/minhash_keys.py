"""MinHash sketches and LSH band keys: how similar claims and quotes find each other
without comparing every pair of articles.

Each attributed claim (a "unit": who said it and the stems of what was said) gets a
MinHash signature of ``UNIT_BANDS * ROWS`` values; every band of ``ROWS`` values, prefixed
with the speaker, becomes one 63-bit key. Two claims by one speaker that share a fraction
``J`` of their stems share at least one key with probability ``1 - (1 - J**ROWS)**BANDS``
(0.82 at J = 0.5, 0.32 at J = 0.25, 0.01 at J = 0.05). Quotes get the same kind of keys over
their word pairs, plus keys for their first and last three words, which catch a quote cut
short. Articles are compared only when they share a key, so the work grows with the number
of articles times the keys each has, not with the number of pairs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import numpy as np

from auditor.names import fold
from auditor.provenance.name_keys import words

ROWS = 2
UNIT_BANDS = 6
QUOTE_BANDS = 4
#: Fixed multipliers and offsets (odd multipliers make each a permutation of 64-bit ints).
_RNG = np.random.default_rng(20240607)
_PERMUTATIONS = max(UNIT_BANDS, QUOTE_BANDS) * ROWS
_A = _RNG.integers(1, 2**63, size=_PERMUTATIONS, dtype=np.uint64) | np.uint64(1)
_B = _RNG.integers(0, 2**63, size=_PERMUTATIONS, dtype=np.uint64)
_MASK63 = (1 << 63) - 1


def stable_hash(text: str) -> int:
    """A 64-bit hash of ``text`` that is the same in every process and run."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


def _key(*parts: object) -> int:
    # SQLite integers are signed 64-bit: keep keys to 63 bits.
    return stable_hash("\x1f".join(str(p) for p in parts)) & _MASK63


def signature(features: Iterable[str], size: int) -> list[int]:
    """The MinHash signature (``size`` values) of a set of strings; empty for no features."""
    hashes = np.fromiter((stable_hash(f) for f in set(features)), dtype=np.uint64)
    if hashes.size == 0:
        return []
    with np.errstate(over="ignore"):  # multiplication modulo 2**64 is the point
        permuted = hashes[:, None] * _A[None, :size] + _B[None, :size]
    return [int(v) for v in permuted.min(axis=0)]


def band_keys(kind: str, who: str, values: list[int], bands: int) -> list[int]:
    """One key per band of ``ROWS`` signature values, namespaced by ``kind`` and ``who``."""
    out = []
    for band in range(min(bands, len(values) // ROWS)):
        rows = values[band * ROWS : (band + 1) * ROWS]
        out.append(_key(kind, who, band, *rows))
    return out


def unit_keys(who: str, stems: Iterable[str]) -> list[int]:
    """The LSH keys of one attributed claim by speaker key ``who``."""
    return band_keys("u", who, signature(stems, UNIT_BANDS * ROWS), UNIT_BANDS)


def quote_words(text: str) -> list[str]:
    """The words of a quote, folded, for comparing quotations across articles."""
    return [w.replace("'", "") for w in words(fold(text))]


def quote_keys(who: str, text: str) -> list[int]:
    """The keys of a quotation attributed to speaker key ``who``: its first and last three
    words (a quote cut short keeps one end) and MinHash bands over its word pairs."""
    found = quote_words(text)
    if len(found) < 3:
        return []
    keys = [_key("qa", who, *found[:3]), _key("qz", who, *found[-3:])]
    pairs = [f"{a} {b}" for a, b in zip(found, found[1:], strict=False)]
    keys += band_keys("qm", who, signature(pairs, QUOTE_BANDS * ROWS), QUOTE_BANDS)
    return sorted(set(keys))
