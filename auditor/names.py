"""Spellings of one proper name: the similarity both the speaker rule (PROV003) and the
source registry use to tell "Zelenskyy" / "Zelenskyi" from two different names.

Two words are spellings of one name when they fold to the same *spelling key* (the
transliteration families: y/i/iy/j, ks/x, ph/f, kh/h, w/v, c/k, sch/shch, doubled
letters, diacritics), or when, 6+ letters long and starting alike, they are one typo
apart ("Schmidt" / "Schmitt"). Nothing here knows any particular name.

    >>> spelling_key("Zelenskyy") == spelling_key("Zelenskyi") == spelling_key("Zelensky")
    True
    >>> same_name_word("Aksyonov", "Axyonov"), same_name_word("Baker", "Becker")
    (True, False)
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'"})

#: Transliteration families, applied in order to a folded word (longest spellings first).
_FAMILIES = (
    (re.compile(r"shch|sch|sz"), "sh"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"cks|ks|x"), "x"),
    (re.compile(r"ck|c(?![ehiy])|q"), "k"),
    (re.compile(r"w"), "v"),
    (re.compile(r"[yj]"), "i"),
)
_DOUBLED = re.compile(r"(.)\1+")
#: Feminine and masculine forms of one Slavic surname ("Nowakowska" / "Nowakowski").
_GENDERED = re.compile(r"(sk|ck|dzk|zk)(?:a|aia|aa)$")
#: Shortest word (in letters) a single typo may be forgiven in: shorter names a letter
#: apart are as often two names ("Lopez" / "Lopes", "Baker" / "Bakes").
TYPO_MIN_LENGTH = 6


def fold(text: str) -> str:
    """``text`` case-folded, accents dropped, apostrophes made straight, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


def edit_distance(a: str, b: str, limit: int | None = None) -> int:
    """Damerau-Levenshtein distance (adjacent transpositions cost 1) between ``a`` and
    ``b``; with ``limit``, any value above it may be returned as ``limit + 1``."""
    if a == b:
        return 0
    if limit is not None and abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if limit is not None and min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def spelling_key(word: str, gendered: bool = False) -> str:
    """The key one name's spellings share: folded, transliteration families merged,
    doubled letters single. With ``gendered``, a feminine Slavic ending counts as the
    masculine one ("Nowakowska" -> the key of "Nowakowski")."""
    key = re.sub(r"[^a-z]", "", fold(word))
    if gendered:
        key = _GENDERED.sub(r"\1i", key)
    for pattern, replacement in _FAMILIES:
        key = pattern.sub(replacement, key)
    return _DOUBLED.sub(r"\1", key)


def same_name_word(a: str, b: str, gendered: bool = False) -> bool:
    """True when words ``a`` and ``b`` may be one name spelled two ways (or the same).

    Same spelling key, or (both ``TYPO_MIN_LENGTH``+ letters, same first letter) one
    edit or swap apart. ``gendered`` also lets "-ska" meet "-ski": only for callers that
    know the article shows one person.
    """
    x, y = fold(a), fold(b)
    if x == y:
        return True
    kx, ky = spelling_key(x, gendered), spelling_key(y, gendered)
    if kx == ky:
        return bool(kx)
    if min(len(x), len(y)) < TYPO_MIN_LENGTH or x[0] != y[0]:
        return False
    if x[:-1] == y[:-1] and {x[-1], y[-1]} <= set("aeiouy"):
        return False  # an inflected or feminine ending ("Petrov" / "Petrova" is not this)
    if x.startswith(y) or y.startswith(x):
        return False
    return edit_distance(kx, ky, limit=1) <= 1
