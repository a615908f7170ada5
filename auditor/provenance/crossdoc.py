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

Memory does not grow with the corpus:

* SQLite works out and de-duplicates the candidate pairs in temporary tables of the
  registry's connection (:func:`candidate_pairs`), and hands them over ordered;
* each article's claims and quotes are read from its stored record once, kept in a form
  quick to read again in a private temporary database
  (:class:`~auditor.provenance.scratch.Scratch`), and held in memory for the last
  ``COMPACT_CACHE`` articles only;
* matched claims, cluster members, names, and the articles of each quote version go to
  that database too; union-find runs over an array of machine integers.

The result, :class:`CrossDocuments`, reads its groups back from there: complete (for
``provenance.jsonl``, streamed piece by piece) or as bounded samples with their totals
(for ``provenance.md``). Memory grows only with the distinct quote versions found to
drift (a few hundred bytes each) and, per cluster, with its distinct names.
"""

from __future__ import annotations

import difflib
import json
import marshal
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from auditor.provenance.names import fold, near_spelling, surname
from auditor.provenance.scratch import Forest, IdSet, Scratch
from auditor.provenance.sketch import quote_words
from auditor.provenance.units import match_stems

if TYPE_CHECKING:
    from auditor.provenance.registry import Registry

#: Buckets up to this size are expanded into all their pairs.
SMALL_BUCKET = 64
#: Articles of a larger bucket are compared with this many of its first members.
REPRESENTATIVES = 4
#: Article records kept decoded in memory (about 20 KB each in a news corpus); the others
#: are read again from the registry (a tenth of a millisecond each) when needed.
RECORD_CACHE = 256
#: Articles whose claims (or quotes) are kept ready for comparison in memory (about 15 KB
#: each); the others are read again from the working database (a few dozen microseconds).
COMPACT_CACHE = 1024
#: A sample of a group's claims is chosen among this many times as many of its first ones.
CLAIM_SCAN = 20
_NAMED = ("named_person", "named_organization", "media")
_JSON = {"ensure_ascii": False, "separators": (",", ":")}
_string = json.encoder.encode_basestring  # a str as JSON, non-ASCII kept (like ensure_ascii=False)


def _dumps(value: Any) -> str:
    return json.dumps(value, **_JSON)


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
    """Articles that retell one report: the claims they share, the upstream they cite.

    Read with a sample size (see :meth:`CrossDocuments.origins`), ``articles`` and
    ``claims`` hold the first ones only, and ``size`` and ``claim_count`` say how many
    there are; each conflict's usage lists its first articles, with the number of articles
    using each name in ``usage_counts``.
    """

    articles: list[Article]
    claims: list[dict[str, Any]] = field(default_factory=list)
    upstream: list[tuple[str, int]] = field(default_factory=list)
    speakers: list[tuple[str, int]] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    #: number of articles in the group (``len(articles)`` when read complete)
    size: int = 0
    #: number of shared claims (``len(claims)`` when read complete)
    claim_count: int = 0
    #: name -> number of articles using it, for the names in ``conflicts``
    usage_counts: dict[str, int] = field(default_factory=dict)

    def __post_init__(self):
        self.size = self.size or len(self.articles)
        self.claim_count = self.claim_count or len(self.claims)

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
    """One speaker quoted in two versions of the same words.

    Read with a sample size, ``versions`` holds the first versions and each version the
    first articles; ``version_count`` and each version's ``article_count`` say how many
    there are, ``article_count`` how many articles the group spans.
    """

    speaker: str
    change: str
    versions: list[dict[str, Any]]
    version_count: int = 0
    article_count: int = 0

    def __post_init__(self):
        self.version_count = self.version_count or len(self.versions)

    def to_dict(self) -> dict[str, Any]:
        versions = [
            {"text": v["text"], "differs": v["differs"], "articles": v["articles"]}
            for v in self.versions
        ]
        return {"speaker": self.speaker, "change": self.change, "versions": versions}


# ---------------------------------------------------------------------- candidates


def candidate_pairs(
    registry: Registry, table: str, focus: Iterable[int], columns: str = "article_id"
) -> Iterator[tuple[tuple, tuple]]:
    """Pairs of entries (``(article_id,)`` or ``(article_id, quote)``) sharing a key in
    ``table``, in different articles, at least one of them a focus article.

    Each pair comes once, the entry of the smaller article id first, ordered by the other
    entry. SQLite works them out and de-duplicates them in temporary tables of the
    registry's connection (a temporary file, never the registry), so their number costs
    no memory.
    """
    quotes = "quote" in columns
    db = registry.db
    entry = "article_id, quote" if quotes else "article_id"

    def of(alias: str) -> str:
        return ", ".join(f"{alias}.{c}" for c in entry.split(", "))

    def ordered(x: str, y: str) -> str:
        # the entry of the smaller article first (the articles always differ)
        cols = entry.split(", ")
        first = [
            f"CASE WHEN {x}.article_id < {y}.article_id THEN {x}.{c} ELSE {y}.{c} END" for c in cols
        ]
        second = [
            f"CASE WHEN {x}.article_id < {y}.article_id THEN {y}.{c} ELSE {x}.{c} END" for c in cols
        ]
        return ", ".join(first + second)

    left = ", ".join(f"a_{c}" for c in entry.split(", "))
    right = ", ".join(f"b_{c}" for c in entry.split(", "))
    focus_ids = focus if isinstance(focus, IdSet) else IdSet(focus)
    everything = len(focus_ids) >= db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    touching = (
        ""
        if everything
        else ("AND (x.article_id IN temp.cp_focus OR y.article_id IN temp.cp_focus)")
    )
    _drop_pair_tables(db)
    statements = [
        "CREATE TEMP TABLE cp_focus (article_id INTEGER PRIMARY KEY)",
        # the distinct entries of every key two or more articles hold
        f"CREATE TEMP TABLE cp_entries AS SELECT DISTINCT key, {entry} FROM {table} "
        f"WHERE key IN (SELECT key FROM {table} GROUP BY key "
        f"HAVING COUNT(DISTINCT article_id) > 1)",
        f"CREATE INDEX temp.cp_entries_key ON cp_entries (key, {entry})",
        "CREATE TEMP TABLE cp_sizes AS SELECT key, COUNT(*) AS n FROM cp_entries GROUP BY key",
        # the first REPRESENTATIVES entries of each large bucket
        f"CREATE TEMP TABLE cp_reps AS SELECT key, {entry} FROM ("
        f"SELECT e.key, {of('e')}, ROW_NUMBER() OVER (PARTITION BY e.key ORDER BY {of('e')}) "
        f"AS r FROM cp_entries e JOIN cp_sizes s ON s.key = e.key WHERE s.n > {int(SMALL_BUCKET)}"
        f") WHERE r <= {int(REPRESENTATIVES)}",
        f"CREATE TEMP TABLE cp_pairs ({left}, {right}, PRIMARY KEY ({right}, {left})) "
        f"WITHOUT ROWID",
        # small buckets: all their pairs
        f"INSERT OR IGNORE INTO cp_pairs SELECT {of('x')}, {of('y')} FROM cp_sizes s "
        f"JOIN cp_entries x ON x.key = s.key "
        f"JOIN cp_entries y ON y.key = s.key AND y.article_id > x.article_id "
        f"WHERE s.n <= {int(SMALL_BUCKET)} {touching}",
        # large buckets: every entry with each representative
        f"INSERT OR IGNORE INTO cp_pairs SELECT {ordered('x', 'y')} FROM cp_reps x "
        f"JOIN cp_entries y ON y.key = x.key AND y.article_id != x.article_id "
        f"WHERE 1 {touching}",
    ]
    cursor = None
    try:
        for statement in statements[:1]:
            db.execute(statement)
        if not everything:
            db.executemany("INSERT INTO temp.cp_focus VALUES (?)", ((i,) for i in focus_ids))
        for statement in statements[1:]:
            db.execute(statement)
        cursor = db.execute(f"SELECT {left}, {right} FROM temp.cp_pairs ORDER BY {right}, {left}")
        width = 2 if quotes else 1
        while True:
            chunk = cursor.fetchmany(1000)
            if not chunk:
                break
            for row in chunk:
                yield tuple(row[:width]), tuple(row[width:])
    finally:
        if cursor is not None:
            cursor.close()
        _drop_pair_tables(db)


def _drop_pair_tables(db) -> None:
    for name in ("cp_focus", "cp_entries", "cp_sizes", "cp_reps", "cp_pairs"):
        db.execute(f"DROP TABLE IF EXISTS temp.{name}")


class _Records:
    """Stored article records, loaded on demand and kept in a bounded cache (least
    recently used out)."""

    def __init__(self, registry: Registry, size: int | None = None):
        self.registry = registry
        self.size = RECORD_CACHE if size is None else size
        self._cache: OrderedDict[int, dict[str, Any]] = OrderedDict()
        self.loads = 0

    def get(self, article_id: int, keep: bool = True) -> dict[str, Any]:
        """The article's row and ``record``; ``keep=False`` for an article needed only
        now, which then takes no other one's place in the cache."""
        row = self._cache.get(article_id)
        if row is not None:
            self._cache.move_to_end(article_id)
            return row
        self.loads += 1
        found = self.registry.articles([article_id]).get(article_id)
        row = found if found is not None else {"record": {}, "doc": "?", "id": article_id}
        if keep:
            self._cache[article_id] = row
            if len(self._cache) > self.size:
                self._cache.popitem(last=False)
        return row


# ---------------------------------------------------------------------- working tables

_TABLES = (
    # one row per matched claim of a pair of articles sharing an origin (a < b)
    "CREATE TABLE evidence (a INTEGER, b INTEGER, seq INTEGER, speaker TEXT, named INTEGER, "
    "claim TEXT)",
    # articles linked by shared claims, with the root of their cluster
    "CREATE TABLE members (article_id INTEGER PRIMARY KEY, root INTEGER, focus INTEGER, "
    "doc TEXT, title TEXT, outlet TEXT, date TEXT)",
    "CREATE TABLE clusters (root INTEGER PRIMARY KEY, size INTEGER, first_doc TEXT, "
    "claims INTEGER, upstream TEXT, speakers TEXT, conflicts TEXT, n_conflicts INTEGER)",
    # the names of the cluster being described
    "CREATE TABLE names (name TEXT, article_id INTEGER, count INTEGER)",
    "CREATE INDEX names_name ON names (name, article_id)",
    # the articles using each name of a conflict
    "CREATE TABLE usage (root INTEGER, name TEXT, article_id INTEGER, count INTEGER)",
    "CREATE INDEX usage_name ON usage (root, name, article_id)",
    # the articles of each quote version
    "CREATE TABLE drift_articles (vid INTEGER, article_id INTEGER, quote INTEGER, doc TEXT, "
    "title TEXT, at TEXT, PRIMARY KEY (vid, article_id)) WITHOUT ROWID",
    "CREATE TABLE drifts (id INTEGER PRIMARY KEY, speaker TEXT, first_doc TEXT, change TEXT, "
    "versions TEXT, n_versions INTEGER, n_articles INTEGER)",
)


# ---------------------------------------------------------------------- shared origin


class _Compact:
    """One part of every article's record (its claims, or its quotes), in a form that is
    fast to read: the first time an article is needed its record is read from the
    registry and the part is written to the working database (marshal); after that it is
    read from there (about ten times faster than decoding the record), through a small
    cache of ``size`` articles."""

    def __init__(self, records: _Records, store: Scratch, name: str, part, ready, size: int):
        self.records, self.store, self.part, self.ready = records, store, part, ready
        self.size = size
        self._cache: OrderedDict[int, Any] = OrderedDict()
        store.script(f"CREATE TABLE {name} (article_id INTEGER PRIMARY KEY, data BLOB)")
        self._read = f"SELECT data FROM {name} WHERE article_id = ?"
        self._write = f"INSERT INTO {name} VALUES (?, ?)"

    def get(self, article_id: int) -> Any:
        found = self._cache.get(article_id)
        if found is not None:
            self._cache.move_to_end(article_id)
            return found
        blob = self.store.value(self._read, (article_id,), flush=False)
        if blob is None:
            data = self.part(self.records.get(article_id, keep=False))
            self.store.db.execute(self._write, (article_id, marshal.dumps(data)))
        else:
            data = marshal.loads(blob)
        found = self._cache[article_id] = self.ready(data)
        if len(self._cache) > self.size:
            self._cache.popitem(last=False)
        return found


# A claim as the checks keep it: who said it (key), its source type, the speaker as
# written, its excerpt, where it is, and its stems.
_WHO, _TYPE, _SPEAKER, _TEXT, _AT, _STEMS = range(6)


def _claim_part(row: dict[str, Any]) -> tuple:
    units = row["record"].get("units") or []
    claims = [
        (u["who"], u["type"], u["speaker"], u["text"], u.get("at"), tuple(u["stems"]))
        for u in units
    ]
    return row["doc"], claims


def _claims_ready(data: tuple) -> tuple:
    """(doc, claims, their stem sets, claim positions by speaker key)."""
    doc, claims = data
    by_who: dict[str, list[int]] = defaultdict(list)
    for j, claim in enumerate(claims):
        by_who[claim[_WHO]].append(j)
    return doc, claims, [frozenset(c[_STEMS]) for c in claims], dict(by_who)


def _matches(one: tuple, two: tuple) -> list[tuple[tuple, tuple]]:
    """One-to-one matches between two articles' claims (greedy, in order: each claim of
    the first takes the first unused claim of the second that matches it)."""
    _, claims_a, stems_a, _ = one
    _, claims_b, stems_b, who_b = two
    used: set[int] = set()
    out = []
    for i, a in enumerate(claims_a):
        for j in who_b.get(a[_WHO], ()):
            if j not in used and match_stems(stems_a[i], stems_b[j]):
                used.add(j)
                out.append((a, claims_b[j]))
                break
    return out


def _at_json(at: Any) -> str:
    if isinstance(at, list) and len(at) == 2 and type(at[0]) is int and type(at[1]) is int:
        return f"[{at[0]},{at[1]}]"
    return _dumps(at)


def _claim_json(speaker: str, kind: str, one: tuple, two: tuple) -> str:
    """``{"speaker", "source_type", "versions": [{"doc", "text", "at"}, ...]}`` as JSON,
    ``one`` and ``two`` being (doc, claim)."""
    versions = ",".join(
        f'{{"doc":{_string(doc)},"text":{_string(c[_TEXT])},"at":{_at_json(c[_AT])}}}'
        for doc, c in (one, two)
    )
    return f'{{"speaker":{_string(speaker)},"source_type":{_string(kind)},"versions":[{versions}]}}'


def shared_origin(
    registry: Registry, focus: IdSet, settings: Settings, records: _Records, store: Scratch
) -> int:
    """Clusters of articles that share most of their attributed claims, into ``store``
    (tables ``evidence``, ``members``, ``clusters``); returns the pairs compared."""
    forest = Forest()
    compared = 0
    add = "INSERT INTO evidence VALUES (?, ?, ?, ?, ?, ?)"
    claims = _Compact(records, store, "claim_parts", _claim_part, _claims_ready, COMPACT_CACHE)
    for (a,), (b,) in candidate_pairs(registry, "unit_keys", focus):
        compared += 1
        one, two = claims.get(a), claims.get(b)
        if not one[1] or not two[1]:
            continue
        matched = _matches(one, two)
        share = len(matched) / min(len(one[1]), len(two[1]))
        if len(matched) < settings.shared_claims or share < settings.shared_share:
            continue
        forest.union(a, b)
        for seq, (claim_a, claim_b) in enumerate(matched):
            named = claim_a[_TYPE] in _NAMED or claim_b[_TYPE] not in _NAMED
            speaker = claim_a[_SPEAKER] if named else claim_b[_SPEAKER]
            claim = _claim_json(speaker, claim_a[_TYPE], (one[0], claim_a), (two[0], claim_b))
            store.insert(add, (a, b, seq, speaker, claim_a[_TYPE] in _NAMED, claim))
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


def _describe_cluster(root: int, size: int, first: int, records: _Records, store: Scratch):
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
            _dumps(cited_by),
            _dumps(speakers),
            _dumps(conflicts),
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


# ---------------------------------------------------------------------- quote drift


@lru_cache(maxsize=4096)
def _change_of(short: tuple[str, ...], long: tuple[str, ...]) -> tuple[str, float]:
    return _change(list(short), list(long))


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


class _Versions:
    """The quote versions found drifting: an id per version (its folded words), the text
    shown for it (from the article recorded first) and who it was attributed to."""

    def __init__(self):
        self.ids: dict[str, int] = {}
        self.words: list[str] = []
        self.texts: list[tuple[tuple[int, int], str]] = []
        self.speakers: list[Counter] = []

    def add(self, version: str, text: str, where: tuple[int, int], speaker: str) -> int:
        vid = self.ids.get(version)
        if vid is None:
            vid = self.ids[version] = len(self.words)
            self.words.append(version)
            self.texts.append((where, text))
            self.speakers.append(Counter())
        elif where < self.texts[vid][0]:
            self.texts[vid] = (where, text)
        self.speakers[vid][speaker] += 1
        return vid


def quote_drift(
    registry: Registry, focus: IdSet, settings: Settings, records: _Records, store: Scratch
) -> int:
    """Groups of versions of one quote by one speaker across articles, into ``store``
    (tables ``drift_articles`` and ``drifts``); returns the pairs compared."""
    compared = 0
    versions = _Versions()
    forest = Forest()
    add = (
        "INSERT INTO drift_articles VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (vid, article_id) "
        "DO UPDATE SET quote = excluded.quote, at = excluded.at WHERE excluded.quote < quote"
    )
    quotes = _Compact(records, store, "quote_parts", _quote_part, tuple, COMPACT_CACHE)
    pairs = candidate_pairs(registry, "quote_keys", focus, "article_id, quote")
    for (a, qa), (b, qb) in pairs:
        compared += 1
        row_a, row_b = quotes.get(a), quotes.get(b)
        if qa >= len(row_a[2]) or qb >= len(row_b[2]):
            continue
        one, two = row_a[2][qa], row_b[2][qb]
        common = set(one[_QWHO]) & set(two[_QWHO])
        if not common:
            continue
        words_one, words_two = list(one[_QWORDS]), list(two[_QWORDS])
        if words_one == words_two:
            continue  # the same words: no drift, whatever the punctuation
        short, long = sorted((words_one, words_two), key=len)
        if len(short) < settings.quote_min_words:
            continue
        change, ratio = _change_of(tuple(short), tuple(long))
        if not change.startswith("cut short") and ratio < settings.quote_similarity:
            continue
        name = _speaker_name(one, two, common)
        found = []
        for quote, article, row, number in ((one, a, row_a, qa), (two, b, row_b, qb)):
            vid = versions.add(" ".join(quote[_QWORDS]), quote[_QTEXT], (article, number), name)
            store.insert(add, (vid, article, number, row[0], row[1], _dumps(quote[_QAT])))
            found.append(vid)
        forest.union(*found)
    groups: dict[int, list[int]] = defaultdict(list)
    for vid, root in forest.members():
        groups[root].append(vid)
    for group in groups.values():
        _store_drift(group, versions, store)
    return compared


def _store_drift(group: list[int], versions: _Versions, store: Scratch) -> None:
    # The longest version is the reference the others are compared with.
    group.sort(key=lambda v: (-len(versions.words[v].split()), versions.words[v]))
    reference = versions.words[group[0]].split()
    names: Counter = Counter()
    for vid in group:
        names.update(versions.speakers[vid])
    rows = []
    changes = []
    for vid in group:
        differs = None
        if vid != group[0]:
            short, long = sorted((versions.words[vid].split(), reference), key=len)
            differs, _ = _change_of(tuple(short), tuple(long))
            if short == reference:
                differs = differs.replace("cut short", "longer")
            changes.append(differs.split(":")[0].split(" (")[0])
        count = store.value("SELECT COUNT(*) FROM drift_articles WHERE vid = ?", (vid,))
        rows.append({"vid": vid, "text": versions.texts[vid][1], "differs": differs, "n": count})
    speaker = max(names, key=lambda n: (names[n], len(n)))
    summary = f"{len(group)} versions: " + ", ".join(dict.fromkeys(changes))
    first_doc = store.value(
        "SELECT doc FROM drift_articles WHERE vid = ? ORDER BY article_id LIMIT 1", (group[0],)
    )
    marks = ",".join("?" * len(group))
    spanned = store.value(
        f"SELECT COUNT(DISTINCT article_id) FROM drift_articles WHERE vid IN ({marks})", group
    )
    store.execute(
        "INSERT INTO drifts (speaker, first_doc, change, versions, n_versions, n_articles) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (speaker, first_doc, summary, _dumps(rows), len(group), spanned),
    )


# A quote as the checks keep it: its text, speaker keys, speakers, where it is, its words.
_QTEXT, _QWHO, _QSPEAKERS, _QAT, _QWORDS = range(5)


def _quote_part(row: dict[str, Any]) -> tuple:
    quotes = [
        (
            q["text"],
            tuple(q.get("who") or ()),
            tuple(q.get("speakers") or ()),
            q.get("at"),
            tuple(quote_words(q["text"])),
        )
        for q in row["record"].get("quotes") or []
    ]
    return row["doc"], row.get("title"), quotes


def _speaker_name(one: tuple, two: tuple, common: Iterable[str]) -> str:
    wanted = set(common)
    names = Counter()
    for quote in (one, two):
        for name in quote[_QSPEAKERS]:
            if surname(name) in wanted:
                names[name] += 1
    if not names:
        return sorted(wanted)[0]
    return max(names, key=lambda n: (names[n], len(n)))


# ---------------------------------------------------------------------- the results


class CrossDocuments:
    """Everything the cross-document checks found, kept in a working database.

    * :attr:`shared_origin` and :attr:`quote_drift`: every group, complete, as lists
      (convenient on small corpora; memory grows with what was found);
    * :meth:`origins` and :meth:`drifts`: the groups one at a time, complete or as
      bounded samples with their totals, optionally only the first ``limit``;
    * :meth:`origin_json` and :meth:`drift_json`: each group as one JSON object written
      piece by piece, so a group of any size costs no memory.

    :meth:`close` deletes the working database.
    """

    def __init__(self, store: Scratch | None = None, compared: dict[str, int] | None = None):
        self.store = store
        #: candidate pairs looked at, per check (shows the indexing at work)
        self.compared: dict[str, int] = dict(compared or {})

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None

    def _value(self, sql: str) -> int:
        if self.store is None:
            return 0
        return int(self.store.value(sql) or 0)

    # ------------------------------------------------------------------ totals

    @property
    def origin_count(self) -> int:
        """Groups of articles that share an origin."""
        return self._value("SELECT COUNT(*) FROM clusters")

    @property
    def conflict_count(self) -> int:
        """Groups of names that differ, over all shared-origin groups."""
        return self._value("SELECT SUM(n_conflicts) FROM clusters")

    @property
    def drift_count(self) -> int:
        """Quotes that drift."""
        return self._value("SELECT COUNT(*) FROM drifts")

    # ------------------------------------------------------------------ shared origin

    def _clusters(self, limit: int | None) -> Iterator[tuple]:
        if self.store is None:
            return iter(())
        sql = (
            "SELECT root, size, claims, upstream, speakers, conflicts FROM clusters "
            "ORDER BY size DESC, first_doc, root"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return self.store.rows(sql)

    def _cluster_articles(self, root: int, limit: int | None = None) -> Iterator[Article]:
        assert self.store is not None
        sql = (
            "SELECT article_id, doc, title, outlet, date FROM members WHERE root = ? "
            "ORDER BY article_id"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        for row in self.store.rows(sql, (root,)):
            yield Article(*row)

    def _claims(self, root: int, limit: int | None = None) -> Iterator[str]:
        assert self.store is not None
        sql = (
            "SELECT e.claim FROM members m JOIN evidence e ON e.a = m.article_id "
            "WHERE m.root = ? ORDER BY e.a, e.b, e.seq"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        for (claim,) in self.store.rows(sql, (root,)):
            yield claim

    def _usage(self, root: int, name: str, limit: int | None = None) -> Iterator[dict]:
        assert self.store is not None
        sql = (
            "SELECT m.doc, u.count FROM usage u JOIN members m ON m.article_id = u.article_id "
            "WHERE u.root = ? AND u.name = ? ORDER BY u.article_id"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        for doc, count in self.store.rows(sql, (root, name)):
            yield {"doc": doc, "count": count}

    def origins(
        self, limit: int | None = None, sample: int | None = None
    ) -> Iterator[SharedOrigin]:
        """The shared-origin groups, the largest first; with ``sample``, each lists its
        first ``sample`` articles, claims and articles per name (and says how many)."""
        for root, size, claims, upstream, speakers, conflicts in self._clusters(limit):
            usage_counts: dict[str, int] = {}
            described = []
            for variants in json.loads(conflicts):
                described.append(
                    {
                        "names": variants,
                        "usage": [
                            {"name": n, "articles": list(self._usage(root, n, sample))}
                            for n in variants
                        ],
                    }
                )
                for n in variants:
                    usage_counts[n] = int(
                        self.store.value(  # type: ignore[union-attr]
                            "SELECT COUNT(*) FROM usage WHERE root = ? AND name = ?", (root, n)
                        )
                    )
            if sample is None:
                shown = [json.loads(c) for c in self._claims(root)]
            else:
                shown = self._claim_sample(root, sample)
            yield SharedOrigin(
                articles=list(self._cluster_articles(root, sample)),
                claims=shown,
                upstream=[tuple(x) for x in json.loads(upstream)],
                speakers=[tuple(x) for x in json.loads(speakers)],
                conflicts=described,
                size=size,
                claim_count=claims,
                usage_counts=usage_counts,
            )

    def _claim_sample(self, root: int, sample: int) -> list[dict[str, Any]]:
        """The group's first ``sample`` claims that differ in speaker or wording (a
        syndicated report repeats the same pair of sentences for every copy)."""
        out: list[dict[str, Any]] = []
        seen: set[tuple] = set()
        for text in self._claims(root, CLAIM_SCAN * sample):
            claim = json.loads(text)
            key = (claim["speaker"], frozenset(v["text"] for v in claim["versions"]))
            if key not in seen:
                seen.add(key)
                out.append(claim)
                if len(out) >= sample:
                    break
        return out

    def origin_json(self, head: dict[str, Any] | None = None) -> Iterator[Iterator[str]]:
        """Each shared-origin group (the largest first) as the pieces of one JSON object
        (no newline), starting with the keys of ``head``: the same object as
        ``SharedOrigin.to_dict()``, never held whole."""
        for root, _size, _claims, upstream, speakers, conflicts in self._clusters(None):
            yield self._origin_pieces(head or {}, root, upstream, speakers, conflicts)

    def _origin_pieces(self, head, root, upstream, speakers, conflicts) -> Iterator[str]:
        yield _dumps(head)[:-1] + ("," if head else "") + '"articles":['
        yield from _joined(_dumps(a.to_dict()) for a in self._cluster_articles(root))
        yield '],"shared_claims":['
        yield from _joined(self._claims(root))
        cited = [{"source": s, "articles": n} for s, n in json.loads(upstream)]
        recurring = [{"speaker": s, "articles": n} for s, n in json.loads(speakers)]
        yield f'],"upstream":{_dumps(cited)},"shared_speakers":{_dumps(recurring)}'
        yield ',"conflicting_details":['
        for i, variants in enumerate(json.loads(conflicts)):
            yield ("," if i else "") + f'{{"names":{_dumps(variants)},"usage":['
            for j, name in enumerate(variants):
                yield ("," if j else "") + f'{{"name":{_dumps(name)},"articles":['
                yield from _joined(_dumps(u) for u in self._usage(root, name))
                yield "]}"
            yield "]}"
        yield "]}"

    @property
    def shared_origin(self) -> list[SharedOrigin]:
        """Every shared-origin group, complete, the largest first."""
        return list(self.origins())

    # ------------------------------------------------------------------ quote drift

    _DRIFT_ORDER = {
        # by speaker, as provenance.jsonl lists them
        "speaker": "speaker, first_doc, id",
        # the most versions (then the most articles) first, as provenance.md shows them
        "importance": "n_versions DESC, n_articles DESC, speaker, first_doc, id",
    }

    def _drift_rows(self, limit: int | None, order: str) -> Iterator[tuple]:
        if self.store is None:
            return iter(())
        sql = (
            "SELECT speaker, change, versions, n_articles FROM drifts "
            f"ORDER BY {self._DRIFT_ORDER[order]}"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return self.store.rows(sql)

    def _version_articles(self, vid: int, limit: int | None = None) -> Iterator[dict]:
        assert self.store is not None
        sql = "SELECT doc, title, at FROM drift_articles WHERE vid = ? ORDER BY article_id"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        for doc, title, at in self.store.rows(sql, (vid,)):
            yield {"doc": doc, "title": title, "at": json.loads(at)}

    def drifts(
        self, limit: int | None = None, sample: int | None = None, order: str = "speaker"
    ) -> Iterator[QuoteDrift]:
        """The quote-drift groups, by speaker (``order="speaker"``) or the most versions
        first (``"importance"``); with ``sample``, each shows its first ``sample`` versions
        and articles per version (each version's ``article_count`` says how many)."""
        for speaker, change, versions, spanned in self._drift_rows(limit, order):
            rows = json.loads(versions)
            shown = rows if sample is None else rows[:sample]
            out = [
                {
                    "text": v["text"],
                    "differs": v["differs"],
                    "articles": list(self._version_articles(v["vid"], sample)),
                    "article_count": v["n"],
                }
                for v in shown
            ]
            yield QuoteDrift(speaker, change, out, len(rows), spanned)

    def drift_json(self, head: dict[str, Any] | None = None) -> Iterator[Iterator[str]]:
        """Each quote-drift group (by speaker) as the pieces of one JSON object, like
        :meth:`origin_json`."""
        for speaker, change, versions, _ in self._drift_rows(None, "speaker"):
            yield self._drift_pieces(head or {}, speaker, change, versions)

    def _drift_pieces(self, head, speaker, change, versions) -> Iterator[str]:
        start = _dumps({**head, "speaker": speaker, "change": change})[:-1]
        yield start + ',"versions":['
        for i, version in enumerate(json.loads(versions)):
            text = _dumps({"text": version["text"], "differs": version["differs"]})[:-1]
            yield ("," if i else "") + text + ',"articles":['
            yield from _joined(_dumps(a) for a in self._version_articles(version["vid"]))
            yield "]}"
        yield "]}"

    @property
    def quote_drift(self) -> list[QuoteDrift]:
        """Every quote-drift group, complete, by speaker."""
        return list(self.drifts())


def _joined(items: Iterable[str]) -> Iterator[str]:
    for i, item in enumerate(items):
        yield ("," + item) if i else item


# ---------------------------------------------------------------------- all of it


def cross_documents(
    registry: Registry, focus: Iterable[int], settings: Settings | None = None
) -> CrossDocuments:
    """Run the three cross-document checks for the ``focus`` articles; close the result
    (or let it be collected) to delete its working database."""
    settings = settings or Settings()
    focus_ids = focus if isinstance(focus, IdSet) else IdSet(focus)
    records = _Records(registry)
    store = Scratch()
    try:
        store.script(*_TABLES)
        compared_units = shared_origin(registry, focus_ids, settings, records, store)
        compared_quotes = quote_drift(registry, focus_ids, settings, records, store)
    except BaseException:
        store.close()
        raise
    return CrossDocuments(store, {"claim pairs": compared_units, "quote pairs": compared_quotes})
