"""The shared-origin check: articles linked by shared claims, grouped (union-find) into
clusters, each described with its common upstream, its recurring speakers and its
conflicting details (near spellings of one name)."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from auditor.names import fold
from auditor.provenance.crossdoc.claim_matching import (
    SPEAKER,
    TYPE,
    claim_json,
    claim_part,
    claims_ready,
    matches,
)
from auditor.provenance.crossdoc.groups import Settings
from auditor.provenance.crossdoc.pairs import candidate_pairs
from auditor.provenance.crossdoc.records import Compact, Records
from auditor.provenance.crossdoc.tables import dumps
from auditor.provenance.name_keys import near_spelling
from auditor.provenance.working_store import Forest, IdSet, Scratch

if TYPE_CHECKING:
    from auditor.provenance.registry import Registry

_NAMED = ("named_person", "named_organization", "media")


def shared_origin(
    registry: Registry, focus: IdSet, settings: Settings, records: Records, store: Scratch
) -> int:
    """Clusters of articles that share most of their attributed claims, into ``store``
    (tables ``evidence``, ``members``, ``clusters``); returns the pairs compared."""
    forest = Forest()
    compared = 0
    add = "INSERT INTO evidence VALUES (?, ?, ?, ?, ?, ?)"
    claims = Compact(records, store, "claim_parts", claim_part, claims_ready)
    for (a,), (b,) in candidate_pairs(registry, "unit_keys", focus):
        compared += 1
        one, two = claims.get(a), claims.get(b)
        if not one[1] or not two[1]:
            continue
        matched = matches(one, two)
        share = len(matched) / min(len(one[1]), len(two[1]))
        if len(matched) < settings.shared_claims or share < settings.shared_share:
            continue
        forest.union(a, b)
        for seq, (claim_a, claim_b) in enumerate(matched):
            named = claim_a[TYPE] in _NAMED or claim_b[TYPE] not in _NAMED
            speaker = claim_a[SPEAKER] if named else claim_b[SPEAKER]
            claim = claim_json(speaker, claim_a[TYPE], (one[0], claim_a), (two[0], claim_b))
            store.insert(add, (a, b, seq, speaker, claim_a[TYPE] in _NAMED, claim))
    store.script("CREATE INDEX evidence_a ON evidence (a, b, seq)")
    _store_members(registry, forest, focus, store)
    del forest
    clusters = store.rows(
        "SELECT root, COUNT(*), MIN(article_id) FROM members GROUP BY root HAVING MAX(focus) = 1"
    )
    for root, size, first in clusters:
        _describe_cluster(root, size, first, records, store)
    return compared


def _store_members(registry: Registry, forest: Forest, focus: IdSet, store: Scratch) -> None:
    def flush(chunk: list[tuple[int, int]]) -> None:
        meta = registry.article_meta(item for item, _ in chunk)
        for item, root in chunk:
            row = meta.get(item) or {"doc": "?"}
            store.insert(
                "INSERT INTO members VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    item,
                    root,
                    item in focus,
                    row["doc"],
                    row.get("title"),
                    row.get("outlet"),
                    row.get("date"),
                ),
            )

    chunk: list[tuple[int, int]] = []
    for item, root in forest.members():
        chunk.append((item, root))
        if len(chunk) >= 500:
            flush(chunk)
            chunk = []
    flush(chunk)
    store.script("CREATE INDEX members_root ON members (root, article_id)")


def _describe_cluster(root: int, size: int, first: int, records: Records, store: Scratch):
    # The common upstream: outlets (second-hand sourcing) cited by two or more members;
    # and the names of every member, for the conflicting details.
    names: dict[str, str] = {}
    upstream: Counter = Counter()
    usage: dict[str, list[int]] = {}  # name -> [articles, total count]
    members = store.rows(
        "SELECT article_id FROM members WHERE root = ? ORDER BY article_id", (root,)
    )
    for (member,) in members:
        record = records.get(member)["record"]
        cited = set()
        for unit in record.get("units") or []:
            if unit["type"] == "media":
                key = fold(unit["speaker"])
                names.setdefault(key, unit["speaker"])
                cited.add(key)
        upstream.update(cited)
        for name, value in (record.get("names") or {}).items():
            store.insert("INSERT INTO names VALUES (?, ?, ?)", (name, member, value[0]))
            entry = usage.setdefault(name, [0, 0])
            entry[0] += 1
            entry[1] += value[0]
    cited_by = sorted(
        ((names[k], n) for k, n in upstream.items() if n >= 2), key=lambda x: (-x[1], x[0])
    )
    cited_keys = {fold(n) for n, _ in cited_by}
    in_cluster = "FROM members m JOIN evidence e ON e.a = m.article_id WHERE m.root = ?"
    counted = store.rows(
        f"SELECT speaker, COUNT(DISTINCT article) FROM ("
        f"SELECT e.speaker AS speaker, e.a AS article {in_cluster} AND e.named "
        f"UNION ALL SELECT e.speaker, e.b {in_cluster} AND e.named) GROUP BY speaker",
        (root, root),
    )
    speakers = sorted(
        ((s, n) for s, n in counted if fold(s) not in cited_keys), key=lambda x: (-x[1], x[0])
    )
    claims = store.value(f"SELECT COUNT(*) {in_cluster}", (root,))
    conflicts = _conflicts(root, size, usage, store)
    first_doc = store.value("SELECT doc FROM members WHERE article_id = ?", (first,))
    store.execute(
        "INSERT INTO clusters VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            root,
            size,
            first_doc,
            claims,
            dumps(cited_by),
            dumps(speakers),
            dumps(conflicts),
            len(conflicts),
        ),
    )
    store.execute("DELETE FROM names")


# ---------------------------------------------------------------------- conflicting details


def _conflicts(
    root: int, size: int, usage: dict[str, list[int]], store: Scratch
) -> list[list[str]]:
    """Near spellings of one place or person name used differently across the cluster's
    articles ("Sevsk" in one article, "Seversk" in another): the groups of names, the
    most used first; the articles using each go to the ``usage`` table.

    ``usage`` maps each name to its number of articles and its total count; which
    articles use it is in the ``names`` table.
    """
    by_start: dict[str, list[str]] = defaultdict(list)
    for name in sorted(usage):
        by_start[fold(name)[:2]].append(name)
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for block in by_start.values():
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                if usage[a][0] == usage[b][0] == size:
                    continue  # every article uses both: two places, not two spellings
                if near_spelling(a, b):
                    parent[find(a)] = find(b)
    groups: dict[str, list[str]] = defaultdict(list)
    for name in parent:
        groups[find(name)].append(name)
    out = []
    for group in groups.values():
        if len(group) < 2 or _same_users(group, usage, store):
            continue  # one article alone, or every article writes every form
        variants = sorted(group, key=lambda n: (-usage[n][1], n))
        for name in variants:
            store.execute(
                "INSERT INTO usage SELECT ?, name, article_id, count FROM names WHERE name = ?",
                (root, name),
            )
        out.append(variants)
    out.sort()
    return out


def _same_users(group: list[str], usage: dict[str, list[int]], store: Scratch) -> bool:
    """True when every name of ``group`` is used by the very same articles."""
    first, n = group[0], usage[group[0]][0]
    if any(usage[name][0] != n for name in group):
        return False
    both = (
        "SELECT COUNT(*) FROM names x JOIN names y ON y.article_id = x.article_id "
        "WHERE x.name = ? AND y.name = ?"
    )
    return all(store.value(both, (first, name)) == n for name in group[1:])
