"""The cross-document checks: shared origin, quote drift and conflicting details.

All three read the registry's stored article records and LSH keys (see
:mod:`auditor.provenance.sketch`) and look only at pairs of articles that share a key:

1. candidate pairs: for every key held by two or more articles, the pairs among them
   (when more than ``SMALL_BUCKET`` articles hold one key, each is paired only with the
   bucket's first ``REPRESENTATIVES``, so a widely syndicated report costs a line per copy,
   not a square);
2. each candidate pair is checked exactly on the stored claims or quotes;
3. articles linked by shared claims are grouped (union-find) into origin clusters, and the
   place and person names of each cluster are compared for near spellings.

Only groups that involve at least one of the ``focus`` articles (the ones just audited)
are reported, compared against every article the registry holds.
"""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from auditor.provenance.names import fold, near_spelling, surname
from auditor.provenance.sketch import quote_words
from auditor.provenance.units import match_units

if TYPE_CHECKING:
    from auditor.provenance.registry import Registry

#: Buckets up to this size are expanded into all their pairs.
SMALL_BUCKET = 64
#: Articles of a larger bucket are compared with this many of its first members.
REPRESENTATIVES = 4
_NAMED = ("named_person", "named_organization", "media")


@dataclass
class Settings:
    """Thresholds of the cross-document checks (see docs/provenance.md)."""

    #: two articles share an origin when this many of their claims match...
    shared_claims: int = 2
    #: ...and those are at least this share of the smaller article's comparable claims
    shared_share: float = 0.3
    #: two quotes are versions of one when their word sequences are this similar
    quote_similarity: float = 0.75
    #: a shorter quote counts as cut from a longer one when it has this many words
    quote_min_words: int = 3


@dataclass
class Article:
    """What the checks show of an article."""

    id: int
    doc: str
    title: str | None = None
    outlet: str | None = None
    date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "title": self.title,
            "outlet": self.outlet,
            "date": self.date,
        }


@dataclass
class SharedOrigin:
    """Articles that retell one report: the claims they share, the upstream they cite."""

    articles: list[Article]
    claims: list[dict[str, Any]] = field(default_factory=list)
    upstream: list[tuple[str, int]] = field(default_factory=list)
    speakers: list[tuple[str, int]] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": [a.to_dict() for a in self.articles],
            "shared_claims": self.claims,
            "upstream": [{"source": s, "articles": n} for s, n in self.upstream],
            "shared_speakers": [{"speaker": s, "articles": n} for s, n in self.speakers],
            "conflicting_details": self.conflicts,
        }


@dataclass
class QuoteDrift:
    """One speaker quoted in two versions of the same words."""

    speaker: str
    change: str
    versions: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return {"speaker": self.speaker, "change": self.change, "versions": self.versions}


@dataclass
class CrossDocuments:
    """Everything the cross-document checks found."""

    shared_origin: list[SharedOrigin] = field(default_factory=list)
    quote_drift: list[QuoteDrift] = field(default_factory=list)
    #: candidate pairs looked at, per check (shows the indexing at work)
    compared: dict[str, int] = field(default_factory=dict)


# ---------------------------------------------------------------------- candidates


def candidate_pairs(
    registry: Registry, table: str, focus: set[int], columns: str = "article_id"
) -> Iterator[tuple[tuple, tuple]]:
    """Pairs of entries (``(article_id,)`` or ``(article_id, quote)``) sharing a key in
    ``table``, in different articles, at least one of them a focus article."""
    seen: set[tuple] = set()
    sql = (
        f"SELECT key, {columns} FROM {table} WHERE key IN "
        f"(SELECT key FROM {table} GROUP BY key HAVING COUNT(DISTINCT article_id) > 1) "
        f"ORDER BY key, article_id"
    )
    bucket: list[tuple] = []
    current = None
    for row in registry.db.execute(sql):
        key, entry = row[0], tuple(row[1:])
        if key != current:
            yield from _pairs(bucket, focus, seen)
            bucket, current = [], key
        bucket.append(entry)
    yield from _pairs(bucket, focus, seen)


def _pairs(bucket: list[tuple], focus: set[int], seen: set[tuple]) -> Iterator[tuple]:
    members = list(dict.fromkeys(bucket))
    if len(members) < 2:
        return
    if len(members) <= SMALL_BUCKET:
        left = members
    else:
        left = members[:REPRESENTATIVES]
    for i, a in enumerate(left):
        others = members[i + 1 :] if len(members) <= SMALL_BUCKET else members
        for b in others:
            if a == b or a[0] == b[0] or (a[0] not in focus and b[0] not in focus):
                continue
            pair = (a, b) if a < b else (b, a)
            if pair not in seen:
                seen.add(pair)
                yield pair


class _Records:
    """Stored article records, loaded on demand and kept in a bounded cache."""

    def __init__(self, registry: Registry, size: int = 20_000):
        self.registry = registry
        self.get = lru_cache(maxsize=size)(self._load)

    def _load(self, article_id: int) -> dict[str, Any]:
        found = self.registry.articles([article_id]).get(article_id)
        return found if found is not None else {"record": {}, "doc": "?", "id": article_id}


# ---------------------------------------------------------------------- shared origin


def _matches(units_a: list[dict], units_b: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one matches between two articles' claims (greedy, in order)."""
    used: set[int] = set()
    out = []
    for a in units_a:
        for j, b in enumerate(units_b):
            if j not in used and match_units(a, b):
                used.add(j)
                out.append((a, b))
                break
    return out


def shared_origin(
    registry: Registry, focus: set[int], settings: Settings, records: _Records
) -> tuple[list[SharedOrigin], int]:
    """Clusters of articles that share most of their attributed claims."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    evidence: dict[tuple[int, int], list[tuple[dict, dict]]] = {}
    compared = 0
    for (a,), (b,) in candidate_pairs(registry, "unit_keys", focus):
        compared += 1
        units_a = records.get(a)["record"].get("units") or []
        units_b = records.get(b)["record"].get("units") or []
        if not units_a or not units_b:
            continue
        matched = _matches(units_a, units_b)
        share = len(matched) / min(len(units_a), len(units_b))
        if len(matched) >= settings.shared_claims and share >= settings.shared_share:
            evidence[(a, b)] = matched
            parent[find(a)] = find(b)
    groups: dict[int, list[int]] = defaultdict(list)
    for article in list(parent):
        groups[find(article)].append(article)
    out = []
    for members in groups.values():
        if not set(members) & focus:
            continue
        out.append(_describe_cluster(sorted(members), evidence, records))
    out.sort(key=lambda c: (-len(c.articles), c.articles[0].doc))
    return out, compared


def _article(records: _Records, article_id: int) -> Article:
    row = records.get(article_id)
    return Article(article_id, row["doc"], row.get("title"), row.get("outlet"), row.get("date"))


def _describe_cluster(
    members: list[int], evidence: dict[tuple[int, int], list], records: _Records
) -> SharedOrigin:
    articles = [_article(records, m) for m in members]
    docs = {a.id: a.doc for a in articles}
    claims = []
    by_speaker: dict[str, set[int]] = defaultdict(set)
    upstream: dict[str, set[int]] = defaultdict(set)
    for (a, b), matched in sorted(evidence.items()):
        if a not in docs:
            continue
        for unit_a, unit_b in matched:
            named = unit_a["type"] in _NAMED or unit_b["type"] not in _NAMED
            speaker = unit_a["speaker"] if named else unit_b["speaker"]
            claims.append(
                {
                    "speaker": speaker,
                    "source_type": unit_a["type"],
                    "versions": [
                        {"doc": docs[a], "text": unit_a["text"], "at": unit_a.get("at")},
                        {"doc": docs[b], "text": unit_b["text"], "at": unit_b.get("at")},
                    ],
                }
            )
            if unit_a["type"] in _NAMED:
                by_speaker[speaker].update((a, b))
    # The common upstream: outlets (second-hand sourcing) cited by two or more members.
    names: dict[str, str] = {}
    for member in members:
        for unit in records.get(member)["record"].get("units") or []:
            if unit["type"] == "media":
                key = fold(unit["speaker"])
                names.setdefault(key, unit["speaker"])
                upstream[key].add(member)
    cited = sorted(
        ((names[k], len(v)) for k, v in upstream.items() if len(v) >= 2),
        key=lambda x: (-x[1], x[0]),
    )
    cited_keys = {fold(n) for n, _ in cited}
    speakers = sorted(
        ((s, len(v)) for s, v in by_speaker.items() if fold(s) not in cited_keys),
        key=lambda x: (-x[1], x[0]),
    )
    cluster = SharedOrigin(articles, claims, cited, speakers)
    cluster.conflicts = conflicting_details(members, records)
    return cluster


# ---------------------------------------------------------------------- conflicting details


def conflicting_details(members: list[int], records: _Records) -> list[dict[str, Any]]:
    """Near spellings of one place or person name used differently across ``members``
    ("Sevsk" in one article, "Seversk" in another)."""
    usage: dict[str, dict[int, int]] = defaultdict(dict)
    for member in members:
        for name, (count, _first) in (records.get(member)["record"].get("names") or {}).items():
            usage[name][member] = count
    names = sorted(usage)
    by_start: dict[str, list[str]] = defaultdict(list)
    for name in names:
        by_start[fold(name)[:2]].append(name)
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for block in by_start.values():
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                if set(usage[a]) == set(usage[b]) == set(members):
                    continue  # every article uses both: two places, not two spellings
                if near_spelling(a, b):
                    parent[find(a)] = find(b)
    groups: dict[str, list[str]] = defaultdict(list)
    for name in parent:
        groups[find(name)].append(name)
    docs = {m: records.get(m)["doc"] for m in members}
    out = []
    for group in groups.values():
        if len(group) < 2:
            continue
        users = [set(usage[n]) for n in group]
        if len(set().union(*users)) < 2 or all(u == users[0] for u in users):
            continue  # one article alone, or every article writes every form
        variants = sorted(group, key=lambda n: (-sum(usage[n].values()), n))
        out.append(
            {
                "names": variants,
                "usage": [
                    {
                        "name": n,
                        "articles": [
                            {"doc": docs[m], "count": c} for m, c in sorted(usage[n].items())
                        ],
                    }
                    for n in variants
                ],
            }
        )
    out.sort(key=lambda g: g["names"])
    return out


# ---------------------------------------------------------------------- quote drift


def _change(short: list[str], long: list[str]) -> tuple[str, float]:
    """How one quote's words differ from another's (the shorter first), with their
    similarity (1.0 for identical words)."""
    n = len(short)
    for i in range(len(long) - n + 1):
        if long[i : i + n] == short:
            where = "end" if i == 0 else ("start" if i + n == len(long) else "both ends")
            return f"cut short (words dropped at the {where})", n / len(long)
    matcher = difflib.SequenceMatcher(a=short, b=long, autojunk=False)
    ratio = matcher.ratio()
    changed = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        before, after = " ".join(short[i1:i2]), " ".join(long[j1:j2])
        if tag == "replace":
            changed.append(f"'{before}' / '{after}'")
        elif tag == "delete":
            changed.append(f"'{before}' only in one")
        else:
            changed.append(f"'{after}' only in one")
    return "words changed: " + "; ".join(changed[:4]), ratio


def quote_drift(
    registry: Registry, focus: set[int], settings: Settings, records: _Records
) -> tuple[list[QuoteDrift], int]:
    """Groups of versions of one quote by one speaker across articles."""
    compared = 0
    parent: dict[str, str] = {}
    texts: dict[str, dict[str, Any]] = {}  # version (folded words) -> how it is written, where
    speakers: dict[str, Counter] = defaultdict(Counter)

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for (a, qa), (b, qb) in candidate_pairs(registry, "quote_keys", focus, "article_id, quote"):
        compared += 1
        quotes_a = records.get(a)["record"].get("quotes") or []
        quotes_b = records.get(b)["record"].get("quotes") or []
        if qa >= len(quotes_a) or qb >= len(quotes_b):
            continue
        one, two = quotes_a[qa], quotes_b[qb]
        common = set(one.get("who") or []) & set(two.get("who") or [])
        if not common:
            continue
        words_one, words_two = quote_words(one["text"]), quote_words(two["text"])
        if words_one == words_two:
            continue  # the same words: no drift, whatever the punctuation
        short, long = sorted((words_one, words_two), key=len)
        if len(short) < settings.quote_min_words:
            continue
        change, ratio = _change(short, long)
        if not change.startswith("cut short") and ratio < settings.quote_similarity:
            continue
        name = _speaker_name(one, two, common)
        for quote, article, found in ((one, a, words_one), (two, b, words_two)):
            version = " ".join(found)
            entry = texts.setdefault(version, {"text": quote["text"], "articles": {}})
            entry["articles"].setdefault(article, quote.get("at"))
            speakers[version][name] += 1
        parent[find(" ".join(words_one))] = find(" ".join(words_two))
    groups: dict[str, list[str]] = defaultdict(list)
    for version in parent:
        groups[find(version)].append(version)
    out = [_drift_group(sorted(g), texts, speakers, records) for g in groups.values()]
    out.sort(key=lambda d: (d.speaker, d.versions[0]["articles"][0]["doc"]))
    return out, compared


def _drift_group(
    versions: list[str], texts: dict, speakers: dict[str, Counter], records: _Records
) -> QuoteDrift:
    # The longest version is the reference the others are compared with.
    versions.sort(key=lambda v: (-len(v.split()), v))
    reference = versions[0].split()
    names = Counter()
    for version in versions:
        names.update(speakers[version])
    rows = []
    changes = []
    for version in versions:
        entry = texts[version]
        differs = None
        if version != versions[0]:
            short, long = sorted((version.split(), reference), key=len)
            differs, _ = _change(short, long)
            if short == reference:
                differs = differs.replace("cut short", "longer")
            changes.append(differs.split(":")[0].split(" (")[0])
        rows.append(
            {
                "text": entry["text"],
                "differs": differs,
                "articles": [
                    {
                        "doc": records.get(article)["doc"],
                        "title": records.get(article).get("title"),
                        "at": at,
                    }
                    for article, at in sorted(entry["articles"].items())
                ],
            }
        )
    speaker = max(names, key=lambda n: (names[n], len(n)))
    summary = f"{len(versions)} versions: " + ", ".join(dict.fromkeys(changes))
    return QuoteDrift(speaker, summary, rows)


def _speaker_name(one: dict, two: dict, common: Iterable[str]) -> str:
    wanted = set(common)
    names = Counter()
    for quote in (one, two):
        for name in quote.get("speakers") or []:
            if surname(name) in wanted:
                names[name] += 1
    if not names:
        return sorted(wanted)[0]
    return max(names, key=lambda n: (names[n], len(n)))


# ---------------------------------------------------------------------- all of it


def cross_documents(
    registry: Registry, focus: Iterable[int], settings: Settings | None = None
) -> CrossDocuments:
    """Run the three cross-document checks for the ``focus`` articles."""
    settings = settings or Settings()
    focus_ids = set(focus)
    records = _Records(registry)
    clusters, compared_units = shared_origin(registry, focus_ids, settings, records)
    drift, compared_quotes = quote_drift(registry, focus_ids, settings, records)
    return CrossDocuments(
        clusters,
        drift,
        {"claim pairs": compared_units, "quote pairs": compared_quotes},
    )
