"""Spellings of one proper name: the one place that decides whether two names are one
name spelled two ways. The speaker clustering (:mod:`auditor.nlp.speakers`, a surname
alone: :func:`same_name_word` with its looser ``ratio``), the speaker rule (PROV003,
:mod:`auditor.rules.forms`) and the source registry (:mod:`auditor.provenance.name_keys`,
full names: :func:`same_person_name`) all ask here, to tell "Zelenskyy" / "Zelenskyi"
from two different names.

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
from collections.abc import Sequence
from difflib import SequenceMatcher

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


def same_name_word(
    a: str, b: str, gendered: bool = False, *, ratio: float | None = None
) -> bool:
    """True when words ``a`` and ``b`` may be one name spelled two ways (or the same).

    Same spelling key, or (both ``TYPO_MIN_LENGTH``+ letters, same first letter) one
    edit or swap apart. ``gendered`` also lets "-ska" meet "-ski": only for callers that
    know the article shows one person.

    With ``ratio``, the looser measure the speaker clustering uses instead (its
    ``spelling_similarity`` setting, :mod:`auditor.nlp.speakers`): both 4+ letters, the
    same first letter, and difflib's similarity ratio at least ``ratio``, the words
    compared as given ("kovalenko" / "kovalenco"). It decides which speaker a surname
    alone is; the speaker rule and the registry use the stricter test.

        >>> same_name_word("kovalenko", "kovalenco", ratio=0.8)
        True
    """
    if ratio is not None:
        if len(a) < 4 or len(b) < 4 or a[0] != b[0]:
            return False
        return SequenceMatcher(None, a, b).ratio() >= ratio
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


def _plain(word: str) -> str:
    return word.lower().replace("’", "'")


def _first_names_agree(a: str, b: str) -> bool:
    """First names ``a`` and ``b`` fit one person: an initial and a name that starts with
    it ("J." / "Jan"), or spellings of one name ("Yuriy" / "Yuri")."""
    first_a, first_b = fold(a), fold(b)
    if min(len(first_a.rstrip(".")), len(first_b.rstrip("."))) == 1:
        return first_a[0] == first_b[0]
    return same_name_word(first_a, first_b)


def same_person_name(
    a: Sequence[str],
    b: Sequence[str],
    *,
    alike_counts: bool = False,
    feminine_forms: bool = False,
) -> bool:
    """True when the word lists ``a`` and ``b`` (first name ... surname, or a surname
    alone) may name one person: where both are full names the first names agree (an
    initial, or :func:`same_name_word`), and the surnames are spellings of one name.

    The two callers ask different questions, said by the parameters:

    * the speaker rule (PROV003, :mod:`auditor.rules.forms`) asks "is one name *spelled
      two ways*?": with ``alike_counts`` False, a name written alike is no match (the
      same surname alone, or the same first name and surname with a middle name more or
      less); with ``feminine_forms``, "-ska" may meet "-ski" where the article shows one
      person (one side a full name, or both with the same first name);
    * the source registry (:mod:`auditor.provenance.name_keys`) asks "is this *one person*?":
      with ``alike_counts`` True, the same surname is a match when the middle names agree
      or one side has none.

        >>> same_person_name(["Stepan", "Kharchenko"], ["Stepan", "Harchenko"])
        True
        >>> same_person_name(["Maria", "Lopez"], ["Mario", "Lopes"])
        False
        >>> same_person_name(["Ewa", "Nowakowska"], ["Nowakowski"], feminine_forms=True)
        True
    """
    full = len(a) >= 2 and len(b) >= 2
    if full and not _first_names_agree(a[0], b[0]):
        return False
    if _plain(a[-1]) == _plain(b[-1]):
        if alike_counts:
            return a[1:-1] == b[1:-1] or not a[1:-1] or not b[1:-1]
        return full and _plain(a[0]) != _plain(b[0])
    one_person = len(a) != len(b) or (full and _plain(a[0]) == _plain(b[0]))
    return same_name_word(a[-1], b[-1], gendered=feminine_forms and one_person)
