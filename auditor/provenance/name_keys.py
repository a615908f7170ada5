"""Names compared across articles: registry keys, near spellings, acronyms, word stems.

Small pure functions; nothing here touches the registry or spaCy.

    >>> name_key("the Donetsk People’s Republic's")
    "donetsk people's republic"
    >>> near_spelling("Seversk", "Sevsk")
    True
    >>> acronym_transposed("CAN", "CNA")
    True
"""

from __future__ import annotations

import re
from functools import cache

from auditor.lexicon import load_lexicon
from auditor.names import edit_distance, fold, same_person_name

_POSSESSIVE = re.compile(r"['’]s?$")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
#: Courtesy and academic titles that come before a name but are not part of it.
_HONORIFICS = load_lexicon("provenance_honorifics")

#: Function words left out of content stems (short words are dropped by length anyway).
STOPWORDS = load_lexicon("provenance_stopwords")


def clean_name(text: str) -> str:
    """A name as written, without a leading "the", a possessive ending or stray punctuation."""
    text = " ".join(text.split()).strip(" ,.;:\"'“”‘’()[]")
    text = _POSSESSIVE.sub("", text) if len(text) > 3 else text
    if text.lower().startswith("the "):
        text = text[4:]
    return text.strip(" ,.;:")


def name_key(text: str) -> str:
    """The registry key of a name: cleaned, folded, courtesy titles dropped.

    Two spellings that differ only in case, accents, apostrophes, "the" or a possessive
    share a key ("The New York Times" / "New York Times's"); spelling variants do not.
    """
    words = clean_name(text).split()
    while len(words) > 1 and words[0].lower() in _HONORIFICS:
        words = words[1:]
    return fold(" ".join(words))


_NAME_RUN = re.compile(
    r"[A-Z][\w’'&.-]*(?:\s+(?:(?:of|for|the|and|on|de|du|la)\s+)*[A-Z][\w’'&.-]*)*"
)


def outlet_name(name: str) -> str:
    """An outlet or organization as a source, without the document it spoke through:
    "a recent report by The New York Times" -> "New York Times", "a Reuters report"
    -> "Reuters" (the longest capitalized run). Unchanged when it has none."""
    runs = [clean_name(m.group(0)) for m in _NAME_RUN.finditer(name)]
    runs = [r for r in runs if r]
    if not runs:
        return clean_name(name)
    return max(runs, key=len)


def words(text: str) -> list[str]:
    """The words of ``text`` (letters, inner apostrophes and hyphens), as written."""
    return _WORD.findall(text)


def surname(name: str) -> str:
    """The last word of a person's name, folded ("Volodymyr Zelenskyy" -> "zelenskyy")."""
    found = words(clean_name(name))
    return fold(found[-1]) if found else ""


def stems(text: str) -> set[str]:
    """Content-word stems of ``text``: words of 4+ letters that are not function words,
    cut to 6 letters, so "evacuating" and "evacuation" meet and "the" never does."""
    out = set()
    for word in words(fold(text)):
        word = word.replace("'", "")
        if len(word) >= 4 and word not in STOPWORDS:
            out.add(word[:6])
    return out


# ---------------------------------------------------------------------- similarity


def _skeleton(word: str) -> str:
    # Consonants only: spellings of one transliterated name keep them in order.
    return re.sub(r"[aeiouy'’\-]", "", word)


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def near_spelling(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` look like two spellings of one proper name.

    Either a small edit apart ("Bakhmut" / "Bachmut", "Zelenskyy" / "Zelenskyi"), or the
    same first three and last two letters with the shorter's consonants inside the
    longer's ("Sevsk" / "Seversk" / "Severodonnetsk"). Inflections (one a prefix of the
    other: "Russia" / "Russian") and feminine forms ("Petrov" / "Petrova") are not.
    """
    x, y = fold(clean_name(a)).replace("'", ""), fold(clean_name(b)).replace("'", "")
    if x == y or len(x) < 4 or len(y) < 4 or x[:2] != y[:2]:
        return False
    short, long = sorted((x, y), key=len)
    if long.startswith(short):
        return False
    if edit_distance(x, y, limit=2) <= max(1, len(short) // 4):
        return True
    # A shared ending of vowels says little ("Austria" / "Australia").
    if x[:3] != y[:3] or short[-2:] != long[-2:] or not _skeleton(short[-2:]):
        return False
    return _is_subsequence(_skeleton(short), _skeleton(long))


def near_person_name(a: str, b: str) -> bool:
    """True when two full names are probably one person spelled two ways: first names
    and surnames spellings of one name by :func:`auditor.names.same_person_name` (or an
    initial) ("Volodymyr Zelensky" / "Volodymyr Zelenskyy", "Dmitry" / "Dmitri Peskov").
    "Petrov" and "Petrova" are usually two people, so feminine endings do not count here."""
    wa, wb = words(fold(clean_name(a))), words(fold(clean_name(b)))
    if len(wa) < 2 or len(wb) < 2 or wa == wb:
        return False
    return same_person_name(wa, wb, alike_counts=True)


def is_acronym(text: str) -> bool:
    """True for an all-capital abbreviation of 2-6 letters ("ISW", "CNA", "DPR")."""
    return 2 <= len(text) <= 6 and text.isalpha() and text.isupper()


def acronym_transposed(a: str, b: str) -> bool:
    """True when two acronyms have the same letters in another order ("CAN" / "CNA")."""
    return is_acronym(a) and is_acronym(b) and a != b and sorted(a) == sorted(b)


def initials(name: str) -> str:
    """Capital initials of a name's significant words ("Institute for the Study of War"
    -> "ISW"); empty for a one-word name."""
    found = [w for w in words(clean_name(name)) if w[:1].isupper()]
    return "".join(w[0] for w in found) if len(found) >= 2 else ""


def one_letter_changed(a: str, b: str) -> bool:
    """True for two acronyms of 4+ letters that differ in one letter ("RAND" / "RAMD");
    shorter ones a letter apart are as often two bodies ("WHO" / "WTO")."""
    if not (is_acronym(a) and is_acronym(b)) or len(a) != len(b) or len(a) < 4:
        return False
    return sum(x != y for x, y in zip(a, b, strict=True)) == 1


def near_organization(a: str, b: str, changed_letter: bool = False) -> bool:
    """True when organization name ``a`` is close to, but not, ``b``: an acronym with its
    letters transposed ("CAN" / "CNA"), with ``changed_letter`` also an acronym with one
    letter changed ("RAMD" / "RAND"), or a long name a letter or two off ("Institute for
    the Study of Wars")."""
    ca, cb = clean_name(a), clean_name(b)
    if not ca or not cb or name_key(ca) == name_key(cb):
        return False
    if is_acronym(ca) or is_acronym(cb):
        return acronym_transposed(ca, cb) or (changed_letter and one_letter_changed(ca, cb))
    x, y = fold(ca), fold(cb)
    if min(len(x), len(y)) < 8:
        return False
    limit = max(1, min(len(x), len(y)) // 12)
    return edit_distance(x, y, limit=limit) <= limit


# ---------------------------------------------------------------------- roles


@cache
def role_classes() -> dict[str, str]:
    """Role word -> its class ("spokesman" -> "spokesperson"), from
    ``auditor/lexicons/provenance_role_classes.txt``."""
    from auditor.lexicon import groups

    out: dict[str, str] = {}
    for name, members in groups("provenance_role_classes").items():
        for member in members:
            out[member] = name
    return out


#: Role classes that fit any other (an "official" may be a minister or a spokesperson).
GENERIC_ROLES = frozenset({"official", "member"})
#: Offices whose holder is also called the "head", "leader" or "chief" of their body.
_LEADING_OFFICES = frozenset(
    {
        "president",
        "prime-minister",
        "minister",
        "mayor",
        "governor",
        "military",
        "police",
        "judiciary",
        "business",
        "lawmaker",
        "diplomat",
    }
)
#: Classes of people quoted for what they know rather than for an office they hold.
EXPERT_ROLES = frozenset({"expert"})
#: Classes that make a speaker an official or an expert (the ones PROV007 looks at).
CREDENTIAL_ROLES = frozenset(
    {
        "expert",
        "official",
        "leader",
        "president",
        "prime-minister",
        "minister",
        "spokesperson",
        "military",
        "adviser",
        "lawmaker",
        "diplomat",
        "mayor",
        "governor",
        "judiciary",
        "police",
    }
)


#: Endings of words that name a science's practitioner.
_EXPERT_ENDINGS = ("ologist", "ographer", "onomist")


def roles_of(description: str) -> set[str]:
    """Role classes named in a description ("the DPR leader" -> {"leader"})."""
    classes = role_classes()
    found = set()
    folded = fold(description).replace("'", "")
    tokens = words(folded)
    for n in (3, 2, 1):
        for i in range(len(tokens) - n + 1):
            phrase = " ".join(tokens[i : i + n])
            if phrase in classes:
                found.add(classes[phrase])
            elif n == 1 and phrase.endswith("s") and phrase[:-1] in classes:
                found.add(classes[phrase[:-1]])
            elif n == 1 and phrase.rstrip("s").endswith(_EXPERT_ENDINGS):
                found.add("expert")  # hydrologist, seismologists, demographer
    if "prime-minister" in found:
        found.discard("minister")  # "prime minister" is not a cabinet minister
    return found


@cache
def _not_organization_words() -> frozenset[str]:
    titles = load_lexicon("person_titles")
    return frozenset(titles | set(role_classes()) | {"the", "of", "for", "and", "at", "in"})


_CAPITALIZED_RUN = re.compile(
    r"(?:[A-Z][\w’'\-.&]*|of|for|the|and|on)(?:\s+(?:[A-Z][\w’'\-.&]*|of|for|the|and|on))*"
)


#: Determiners a capitalized run may start with at a sentence start ("A Chatham House
#: fellow"): not part of the name.
_ARTICLES = frozenset({"a", "an", "another"})
#: Where a run of capitalized words joins two names ("Oxfam and the Red Cross").
_AND_THE = re.compile(r"\s+and\s+the\s+")
#: Words that make a capitalized phrase an organization, besides the shared lexicon's.
_MORE_ORGANIZATION_WORDS = load_lexicon("provenance_organization_words")


@cache
def _organization_words() -> frozenset[str]:
    return load_lexicon("organization_words") | _MORE_ORGANIZATION_WORDS


@cache
def _name_heads() -> frozenset[str]:
    # Kinds of bodies that name one only as the last word ("Human Rights Watch").
    return load_lexicon("organization_name_heads")


def organizations_of(description: str) -> list[str]:
    """Organization names in a description: capitalized phrases with an organization word,
    and acronyms of three or more letters ("the head of the Donetsk People's Republic" ->
    ["Donetsk People's Republic"]; "the CAN think tank" -> ["CAN"]). Places and
    countries are left out: "Ukrainian" does not name a body."""
    skip = _not_organization_words()
    marks = _organization_words()
    out = []
    runs = (r for m in _CAPITALIZED_RUN.finditer(description) for r in _AND_THE.split(m.group(0)))
    for run in runs:
        parts = run.split()
        while parts and (parts[0].lower() in skip or parts[0].lower() in _ARTICLES):
            parts = parts[1:]
        while parts and parts[-1].lower() in {"the", "of", "for", "and", "on"}:
            parts = parts[:-1]
        if not parts or not parts[0][:1].isupper():
            continue
        name = clean_name(" ".join(parts))
        if not name or name.lower() in skip:
            continue
        named = len(name.split()) >= 2 and name.split()[-1].lower() in _name_heads()
        if (
            (is_acronym(name) and len(name) >= 3)
            or named
            or any(w.lower() in marks for w in name.split())
        ):
            out.append(name)
    return out


def same_organization(a: str, b: str) -> bool:
    """True when two organization names may name one body: equal keys, one inside the
    other ("Ukraine" / "Ukraine's General Staff"), a shared word stem ("Ukrainian" /
    "Ukraine"), or one the other's initials ("DPR" / "Donetsk People's Republic")."""
    ka, kb = name_key(a), name_key(b)
    if ka == kb or ka in kb or kb in ka:
        return True
    ia, ib = initials(a), initials(b)
    if (ia and ia == clean_name(b)) or (ib and ib == clean_name(a)):
        return True
    # Shared distinctive words: "Interior Ministry" and "Defense Ministry" share only the
    # organization word, which says nothing.
    marks = _organization_words()
    sa = {w[:6] for w in words(ka) if len(w) >= 4 and w not in marks}
    sb = {w[:6] for w in words(kb) if len(w) >= 4 and w not in marks}
    return bool(sa & sb)


def _roles_fit(a: set[str], b: set[str]) -> bool:
    if a & b or (a | b) & GENERIC_ROLES:
        return True
    # "the Pentagon chief" and "Secretary of Defense" are one office.
    return ("leader" in a and bool(b & _LEADING_OFFICES)) or (
        "leader" in b and bool(a & _LEADING_OFFICES)
    )


def descriptions_conflict(a: str, b: str) -> str | None:
    """Why two descriptions of one speaker cannot both be right, or None.

    They conflict when both name roles and no role fits the other ("spokesman" /
    "chief of staff"), or both name organizations and none is the other's ("of the
    regional council" / "of the Interior Ministry"). Generic roles ("official") fit all.
    """
    roles_a, roles_b = roles_of(a), roles_of(b)
    if roles_a and roles_b and not _roles_fit(roles_a, roles_b):
        return "role"
    orgs_a, orgs_b = organizations_of(a), organizations_of(b)
    if orgs_a and orgs_b:
        if not any(same_organization(x, y) for x in orgs_a for y in orgs_b):
            return "organization"
    return None
