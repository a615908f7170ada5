"""The registry rules: what PROV007, PROV008 and PROV009 find, in one article or a corpus.

Each rule has two sources of evidence:

* the article itself (used by ``auditor audit`` through the ``registry`` check):
  an expert whose institution the article never names (PROV007), one speaker given two
  roles that cannot both be right (PROV008), two spellings of one organization's name
  ("CNA" and "CAN", PROV009);
* the registry (used after ``auditor batch``): a named expert or official who is not on
  the known-sources list and appears in no other article (PROV007), a speaker described
  differently across articles or against the known-sources list (PROV008), an
  organization name close to a known one (PROV009).

Every function returns :class:`Hit`-like dicts: ``start``/``end`` (offsets in the
article), ``line``, and the values the rule's message uses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from auditor.lexicon import load_lexicon
from auditor.provenance.name_keys import (
    CREDENTIAL_ROLES,
    EXPERT_ROLES,
    descriptions_conflict,
    fold,
    name_key,
    organizations_of,
    roles_of,
    surname,
    words,
)
from auditor.provenance.near_miss import (
    KnownOrganizations,
    article_near_misses,
    list_near_misses,
    newsroom_organizations,
)
from auditor.provenance.offices import public_office

if TYPE_CHECKING:
    from auditor.provenance.registry import Registry

CONDITIONS = ("credential_not_verifiable", "conflicting_roles", "near_miss_organization")
#: Sources whose descriptions across the registry are kept for the next articles (PROV008).
DESCRIBED_CACHE = 256


@dataclass
class SourceHit:
    """One place a registry rule found, with the values for its message."""

    start: int
    end: int
    values: dict[str, str] = field(default_factory=dict)
    line: int | None = None


def _span(at: list[int] | None) -> tuple[int, int, int | None]:
    at = list(at or [0, 0])
    line = at[2] if len(at) > 2 else None
    return int(at[0]), int(at[1]), line


def _credential(descriptions: Iterable[str]) -> tuple[set[str], list[str], str]:
    """Role classes and organizations named in a speaker's descriptions, and the
    description that says most (for messages)."""
    roles: set[str] = set()
    orgs: list[str] = []
    best = ""
    for description in descriptions:
        roles |= roles_of(description)
        orgs += organizations_of(description)
        if len(description) > len(best):
            best = description
    return roles, orgs, best


# ---------------------------------------------------------------------- one article


def article_hits(
    condition: str, record: dict[str, Any], text: str | None = None
) -> list[SourceHit]:
    """What ``condition`` finds in one article's provenance record alone (and its text,
    when given: PROV009 reads what kind of body the article calls an acronym)."""
    if condition == "credential_not_verifiable":
        return list(_expert_without_institution(record))
    if condition == "conflicting_roles":
        return list(_roles_in_article(record))
    if condition == "near_miss_organization":
        return list(_organizations_in_article(record, text))
    raise ValueError(f"unknown condition {condition!r}")


#: Words that tie a credential to a place of work ("at", "the authority's", "who advises").
_TIES = frozenset({"at", "of", "for", "with", "from", "in", "who", "whose", "which", "that"})


#: A tie to an unnamed body a reader cannot look up: "at a policy institute", "for one
#: European university", "with an unnamed consultancy" (indefinite, its head noun in
#: lower case; a name found in it is caught by ``organizations_of`` first).
_UNNAMED_TIE = re.compile(
    r"\b(?:at|of|for|with|from|in)\s+(?:a|an|one|some|several|another)\s+"
    r"(?:[\w'’-]+\s+){0,3}[a-z][\w-]*(?=\s*(?:[,;.]|$))"
)


def _bare_credential(description: str) -> bool:
    """True for a credential with no affiliation a reader can check: "a hydrologist", "an
    independent analyst", "a senior fellow at a policy institute"; not "the authority's
    chief hydrologist" or "an engineer who advises the council"."""
    if organizations_of(description) or re.search(r"\w['’]s\b", description):
        return False
    description = _UNNAMED_TIE.sub("", description)
    affiliations = load_lexicon("sourcing_affiliations") | load_lexicon("organization_words")
    for word in words(fold(description)):
        if word in _TIES or word in affiliations:
            return False
    return True


def _expert_without_institution(record: dict[str, Any]) -> Iterable[SourceHit]:
    for speaker in record.get("speakers") or []:
        if speaker.get("type") != "named_person":
            continue
        descriptions = speaker.get("descriptions") or []
        roles, _orgs, best = _credential(descriptions)
        if not (roles & EXPERT_ROLES) or not all(_bare_credential(d) for d in descriptions):
            continue
        start, end, line = _span(speaker.get("at"))
        yield SourceHit(
            start,
            end,
            {
                "name": speaker["name"],
                "credential": best,
                "reason": "the article names no institution to check it with",
            },
            line,
        )


def _with_surname_mentions(speakers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The speakers with the descriptions of their bare-surname mentions added ("Marek
    Novak, a police spokesman" ... "Novak, a defense lawyer"): a surname is the one full
    name it ends, when exactly one full name of the article ends with it."""
    full = [s for s in speakers if len(words(s.get("name", ""))) > 1]
    by_surname: dict[str, list[dict[str, Any]]] = {}
    for speaker in full:
        by_surname.setdefault(surname(speaker["name"]), []).append(speaker)
    merged = {id(s): list(s.get("descriptions") or []) for s in full}
    out = list(full)
    for speaker in speakers:
        if speaker in full:
            continue
        owners = by_surname.get(surname(speaker.get("name", "")), [])
        if len(owners) == 1:
            merged[id(owners[0])] += speaker.get("descriptions") or []
        else:
            out.append(speaker)
    return [{**s, "descriptions": merged.get(id(s), s.get("descriptions") or [])} for s in out]


def _roles_in_article(record: dict[str, Any]) -> Iterable[SourceHit]:
    for speaker in _with_surname_mentions(record.get("speakers") or []):
        descriptions = speaker.get("descriptions") or []
        pair = _first_conflict(descriptions)
        if pair is None:
            continue
        start, end, line = _span(speaker.get("at"))
        yield SourceHit(
            start,
            end,
            {"name": speaker["name"], "first": pair[0], "second": pair[1], "where": ""},
            line,
        )


def _first_conflict(descriptions: list[str]) -> tuple[str, str] | None:
    for i, a in enumerate(descriptions):
        for b in descriptions[i + 1 :]:
            if descriptions_conflict(a, b):
                return a, b
    return None


def _organizations_in_article(record: dict[str, Any], text: str | None) -> Iterable[SourceHit]:
    known = _shipped()
    for near_miss in article_near_misses(record.get("orgs") or {}, known, text):
        yield _near_miss_hit(*near_miss)


def _near_miss_hit(name: str, known_name: str, reason: str, entry: list) -> SourceHit:
    """The finding of one near miss, at its organization entry ``[count, start, end, line?]``."""
    _count, start, end, *rest = entry
    values = {"name": name, "known": known_name, "reason": reason}
    return SourceHit(start, end, values, rest[0] if rest else None)


@lru_cache(maxsize=1)
def _shipped() -> KnownOrganizations:
    return KnownOrganizations.shipped()


# ---------------------------------------------------------------------- the registry


def corpus_hits(
    condition: str, registry: Registry, article_ids: Iterable[int]
) -> dict[int, list[SourceHit]]:
    """What ``condition`` finds with the registry's evidence in the given articles."""
    ids = sorted(set(article_ids))
    if condition == "credential_not_verifiable":
        return _unverifiable(registry, ids)
    if condition == "conflicting_roles":
        return _conflicting_roles(registry, ids)
    if condition == "near_miss_organization":
        return _near_known_organizations(registry, ids)
    raise ValueError(f"unknown condition {condition!r}")


def _rows(registry: Registry, sql: str, ids: list[int], extra: tuple = ()) -> list:
    out = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        out += registry.db.execute(sql.format(marks=marks), (*extra, *chunk)).fetchall()
    return out


def _unverifiable(registry: Registry, ids: list[int]) -> dict[int, list[SourceHit]]:
    rows = _rows(
        registry,
        "SELECT a.article_id, a.source_id, a.at_start, a.at_end, a.at_line, s.name, s.known, "
        "(SELECT COUNT(*) FROM (SELECT 1 FROM appearances o WHERE o.source_id = a.source_id "
        "LIMIT 2)) AS n "
        "FROM appearances a JOIN sources s ON s.id = a.source_id "
        "WHERE s.kind = 'person' AND a.source_type = 'named_person' "
        "AND a.article_id IN ({marks})",
        ids,
    )
    known_orgs = _known_names(registry)
    out: dict[int, list[SourceHit]] = {}
    for row in rows:
        if row["known"] or row["n"] > 1:
            continue
        descriptions = [
            r[0]
            for r in registry.db.execute(
                "SELECT description FROM descriptions WHERE source_id = ? ORDER BY description",
                (row["source_id"],),
            )
        ]
        roles, orgs, best = _credential(descriptions)
        if not roles & CREDENTIAL_ROLES or any(public_office(d) for d in descriptions):
            continue  # a holder of public office named with the office can be looked up
        unknown_orgs = [o for o in orgs if name_key(o) not in known_orgs]
        if orgs and not unknown_orgs:
            reason = (
                f"{row['name']} is not on the known-sources list (though {orgs[0]} is) "
                "and no other article quotes them"
            )
        elif unknown_orgs:
            reason = (
                f"neither {row['name']} nor {unknown_orgs[0]} is on the known-sources list, "
                "and no other article quotes them"
            )
        else:
            reason = (
                f"{row['name']} is not on the known-sources list and no other article quotes them"
            )
        out.setdefault(row["article_id"], []).append(
            SourceHit(
                row["at_start"],
                row["at_end"],
                {"name": row["name"], "credential": best, "reason": reason},
                row["at_line"],
            )
        )
    return out


def _known_names(registry: Registry) -> set[str]:
    keys = set()
    for (key,) in registry.db.execute(
        "SELECT a.key FROM aliases a JOIN sources s ON s.id = a.source_id WHERE s.known = 1"
    ):
        keys.add(key)
    return keys


def _conflicting_roles(registry: Registry, ids: list[int]) -> dict[int, list[SourceHit]]:
    rows = _rows(
        registry,
        "SELECT a.article_id, a.source_id, a.at_start, a.at_end, a.at_line, s.name, s.role, "
        "s.organization FROM appearances a JOIN sources s ON s.id = a.source_id "
        "WHERE a.article_id IN ({marks})",
        ids,
    )
    out: dict[int, list[SourceHit]] = {}
    described = lru_cache(maxsize=DESCRIBED_CACHE)(
        lambda source_id: _described(registry, source_id)
    )
    for row in rows:
        mine = [
            r[0]
            for r in registry.db.execute(
                "SELECT description FROM descriptions WHERE source_id = ? AND article_id = ?",
                (row["source_id"], row["article_id"]),
            )
        ]
        if not mine:
            continue
        others: list[tuple[str, str]] = []
        known = ", ".join(x for x in (row["role"], row["organization"]) if x)
        if known:
            others.append((known, "the known-sources list"))
        elsewhere = []
        for description, occurrences in described(row["source_id"]):
            for position, article_id, doc in occurrences:
                if article_id != row["article_id"]:
                    elsewhere.append((position, description, doc))
                    break
        others += [(description, _short(doc)) for _, description, doc in sorted(elsewhere)]
        found = _cross_conflict(mine, others)
        if found is None:
            continue
        here, there, where = found
        out.setdefault(row["article_id"], []).append(
            SourceHit(
                row["at_start"],
                row["at_end"],
                {"name": row["name"], "first": here, "second": there, "where": f" in {where}"},
                row["at_line"],
            )
        )
    return out


def _described(registry: Registry, source_id: int) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Each distinct description of a source, with its first two articles (position in
    publication order, article id, doc): all it takes to find the first description
    *another* article gives, without reading every article's again for each article."""
    seen: dict[str, list[tuple[int, int, str]]] = {}
    rows = registry.db.execute(
        "SELECT d.description, d.article_id, ar.doc FROM descriptions d JOIN articles ar "
        "ON ar.id = d.article_id WHERE d.source_id = ? "
        "ORDER BY ar.published, ar.added, ar.doc, d.article_id, d.description",
        (source_id,),
    )
    for position, (description, article_id, doc) in enumerate(rows):
        occurrences = seen.setdefault(description, [])
        if len(occurrences) < 2:
            occurrences.append((position, article_id, doc))
    return list(seen.items())


def _short(doc: str) -> str:
    # Messages name the other article by file name (or record id), not its full path.
    return doc.replace("\\", "/").rsplit("/", 1)[-1]


def _cross_conflict(mine: list[str], others: list[tuple[str, str]]) -> tuple[str, str, str] | None:
    for here in mine:
        for there, where in others:
            if fold(here) != fold(there) and descriptions_conflict(here, there):
                return here, there, where
    return None


def _near_known_organizations(registry: Registry, ids: list[int]) -> dict[int, list[SourceHit]]:
    rows = registry.db.execute(
        "SELECT v.variant, s.kind FROM variants v JOIN sources s ON s.id = v.source_id "
        "WHERE s.known = 1 AND s.kind != 'person' UNION "
        "SELECT s.name, s.kind FROM sources s WHERE s.known = 1 AND s.kind != 'person'"
    ).fetchall()
    # The newsroom's list extends the shipped one and wins where both list a name.
    known = KnownOrganizations.shipped(newsroom_organizations([tuple(r) for r in rows]))
    out: dict[int, list[SourceHit]] = {}
    for article_id, article in _records(registry, ids):
        orgs = article["record"].get("orgs") or {}
        for near_miss in list_near_misses(orgs, known):
            out.setdefault(article_id, []).append(_near_miss_hit(*near_miss))
    return out


def _records(registry: Registry, ids: list[int], chunk: int = 100) -> Iterator[tuple[int, dict]]:
    """The stored records of ``ids``, read ``chunk`` at a time."""
    for start in range(0, len(ids), chunk):
        yield from registry.articles(ids[start : start + chunk]).items()
