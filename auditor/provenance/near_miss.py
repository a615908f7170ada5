"""PROV009: organization names close to, but not the same as, a known one.

Known names are the well-known organizations the project ships
(``auditor/lexicons/known_organizations.txt``: international bodies, think tanks and
research institutes, news and wire agencies, ministries and agencies, with their
acronyms), extended by the newsroom's known-sources list, which wins where both list a
name. A name is a near miss when it is on neither list and

* in one article, another name the article uses is a transposition of it ("CAN" beside
  "CNA"), an acronym of 4+ letters one letter off ("RAMD" beside "RAND"), or a long name
  a letter or two off; the rarer of the two is flagged;
* against the lists alone, it is a long name a letter or two off a known one ("Human
  Right Watch", "Chatam House") or an acronym with a known one's letters in another
  order (3 letters only against the newsroom's list: "CAN" / "CNA"; a shipped list of
  hundreds holds too many three-letter anagrams of real, unrelated bodies).

British and American spellings of one name ("Centre" / "Center") are one name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from auditor.lexicon import entries, sections
from auditor.provenance.name_keys import (
    acronym_transposed,
    clean_name,
    initials,
    is_acronym,
    name_key,
    near_organization,
)

#: Acronym length below which the shipped list alone is not evidence of a transposition.
DEFAULT_LIST_MIN_ACRONYM = 4


@cache
def default_organizations() -> tuple[tuple[str, ...], ...]:
    """Each well-known organization's forms (name, then acronyms and other forms)."""
    out = []
    for line in entries("known_organizations"):
        forms = tuple(f.strip() for f in line.split("|") if f.strip())
        if forms:
            out.append(forms)
    return tuple(out)


@cache
def _spellings() -> tuple[tuple[str, str], ...]:
    pairs = []
    for line in entries("british_american_spellings"):
        british, _, american = line.partition(" ")
        pairs.append((british.strip().lower(), american.strip().lower()))
    return tuple(pairs)


def house_style(name: str) -> str:
    """``name`` keyed, with British spellings made American ("Centre" -> "center")."""
    key = name_key(name)
    for british, american in _spellings():
        key = key.replace(british, american)
    return key


@dataclass
class KnownOrganizations:
    """Known organization names, indexed for near-miss lookups."""

    #: house-style key -> (display name, from the newsroom's list)
    names: dict[str, tuple[str, bool]] = field(default_factory=dict)
    _acronyms: dict[str, list[tuple[str, bool]]] = field(default_factory=dict)
    _long: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def shipped(cls, newsroom: Iterable[str] = ()) -> KnownOrganizations:
        """The shipped list, extended (and overridden) by the newsroom's ``names``."""
        known = cls()
        for name in newsroom:
            known.add(name, newsroom=True)
        for forms in default_organizations():
            for form in forms:
                known.add(form, newsroom=False)
        return known

    def add(self, name: str, newsroom: bool) -> None:
        name = clean_name(name)
        key = house_style(name)
        if not key or key in self.names:
            return  # the first to list a name wins: the newsroom's list comes first
        self.names[key] = (name, newsroom)
        if is_acronym(name):
            self._acronyms.setdefault("".join(sorted(name)), []).append((name, newsroom))
        else:
            self._long.setdefault(key[:1], []).append(key)

    def anagrams(self, name: str) -> list[tuple[str, bool]]:
        """Known acronyms with the letters of acronym ``name``, and whether the newsroom
        lists each."""
        return list(self._acronyms.get("".join(sorted(clean_name(name))), []))

    def knows(self, name: str) -> bool:
        """True when ``name`` is on a list (in any case, accents or house style)."""
        return house_style(name) in self.names

    def closest(self, name: str) -> tuple[str, bool] | None:
        """The known name ``name`` is a near miss of, and whether the newsroom lists it."""
        if self.knows(name):
            return None
        name = clean_name(name)
        if is_acronym(name):
            for known, newsroom in self._acronyms.get("".join(sorted(name)), []):
                long_enough = newsroom or len(name) >= DEFAULT_LIST_MIN_ACRONYM
                if long_enough and acronym_transposed(name, known):
                    return known, newsroom
            return None
        key = house_style(name)
        for known in self._long.get(key[:1], []):
            if abs(len(known) - len(key)) <= 3 and near_organization(key, known):
                return self.names[known]
        return None


def _how(name: str, known: str) -> str:
    if acronym_transposed(name, known):
        return "the same letters in another order"
    if is_acronym(name) and is_acronym(known):
        return "one letter changed"
    return "a letter or two apart"


def near_reason(name: str, known: str, where: str) -> str:
    """Why ``name`` looks like a misspelling of ``known``: ``where`` is "article" (the
    article uses both), "list" (the newsroom's list) or "shipped" (well-known)."""
    how = _how(name, known)
    if where == "article":
        return f"{how}; the article uses both"
    if where == "list":
        return f"{how}; only {known!r} is on the known-sources list"
    return f"{how}; {known!r} is a well-known organization"


@cache
def shipped_kinds() -> dict[str, str]:
    """Each form of a shipped organization -> its kind, the section of
    ``known_organizations.txt`` it stands in ("[think-tank]" above "RAND Corporation | RAND")."""
    kinds: dict[str, str] = {}
    for kind, lines in sections("known_organizations").items():
        for form in (f for line in lines for f in line.split("|")) if kind else ():
            kinds[clean_name(form.strip())] = kind
    return kinds


@cache
def kind_nouns() -> dict[str, re.Pattern]:
    """Kind of organization -> the nouns that call a body one (``organization_kinds.txt``)."""
    out = {}
    for line in entries("organization_kinds"):
        kind, _, nouns = line.partition(":")
        phrases = [n.strip() for n in nouns.split(",") if n.strip()]
        body = "|".join(r"[\s-]+".join(map(re.escape, p.split())) for p in phrases)
        out[kind.strip()] = re.compile(rf"\b(?:{body})\b", re.IGNORECASE)
    return out


def _sentence_around(text: str, start: int, end: int, reach: int = 80) -> str:
    """The words of ``text`` around ``[start, end)`` within its sentence."""
    left = text[max(0, start - reach) : start]
    left = re.split(r"[.!?][\"'”’]?\s", left)[-1]
    right = re.split(r"[.!?](?:\s|$)", text[end : end + reach], maxsplit=1)[0]
    return f"{left}{text[start:end]}{right}"


def same_kind_anagram(
    name: str, entry: list[Any], text: str, known: KnownOrganizations
) -> str | None:
    """The shipped acronym whose letters acronym ``name`` has in another order, when the
    article calls ``name`` the same kind of body as that organization ("the FCR think
    tank" / CFR): then even three letters are evidence of a transposition."""
    if not is_acronym(name) or known.knows(name) or len(entry) < 3:
        return None
    around = _sentence_around(text, entry[1], entry[2])
    for candidate, newsroom in known.anagrams(name):
        if newsroom or not acronym_transposed(name, candidate):
            continue
        nouns = kind_nouns().get(shipped_kinds().get(candidate, ""))
        if nouns is not None and nouns.search(around.replace(name, " ")):
            return candidate
    return None


def article_near_misses(
    orgs: dict[str, list[Any]], known: KnownOrganizations, text: str | None = None
) -> Iterator[tuple[str, str, str, list[Any]]]:
    """``(name, known name, reason, orgs entry)`` for each near miss among an article's
    organization names (``orgs``: name -> [count, start, end, line?]); with the article's
    ``text``, also three-letter anagrams of a well-known acronym of the same kind."""
    names = sorted(orgs, key=lambda n: (-orgs[n][0], orgs[n][1]))
    flagged = set()
    for i, common in enumerate(names):
        for rare in names[i + 1 :]:
            if rare in flagged or known.knows(rare) or house_style(rare) == house_style(common):
                continue
            if near_organization(rare, common, changed_letter=True):
                flagged.add(rare)
                yield rare, common, near_reason(rare, common, "article"), orgs[rare]
    for name in names:
        if name in flagged:
            continue
        found = known.closest(name)
        if found is not None:
            yield name, found[0], near_reason(name, found[0], _where(found[1])), orgs[name]
        elif text is not None:
            anagram = same_kind_anagram(name, orgs[name], text, known)
            if anagram is not None:
                kind = shipped_kinds()[anagram].replace("-", " ")
                reason = near_reason(name, anagram, "shipped")
                reason = f"{reason}, and the article calls it a {kind} too"
                yield name, anagram, reason, orgs[name]


def list_near_misses(
    orgs: dict[str, list[Any]], known: KnownOrganizations
) -> Iterator[tuple[str, str, str, list[Any]]]:
    """Like :func:`article_near_misses`, against the lists only (after a batch)."""
    for name, entry in orgs.items():
        found = known.closest(name)
        if found is not None:
            yield name, found[0], near_reason(name, found[0], _where(found[1])), entry


def _where(newsroom: bool) -> str:
    return "list" if newsroom else "shipped"


def newsroom_organizations(rows: Sequence[tuple[str, str]]) -> list[str]:
    """Names (and initials' acronyms) of the newsroom's known organizations, from
    ``(name, kind)`` rows of the registry."""
    out = []
    for name, _kind in rows:
        out.append(name)
        short = initials(name)
        if short:
            out.append(short)
    return out
