"""The quote-drift check: one speaker quoted in versions of the same words across
articles (cut short, or words changed), grouped with what changed."""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from auditor.provenance.crossdoc.groups import Settings
from auditor.provenance.crossdoc.pairs import candidate_pairs
from auditor.provenance.crossdoc.records import Compact, Records
from auditor.provenance.crossdoc.tables import dumps
from auditor.provenance.minhash_keys import quote_words
from auditor.provenance.name_keys import surname
from auditor.provenance.working_store import Forest, IdSet, Scratch

if TYPE_CHECKING:
    from auditor.provenance.registry import Registry


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
    registry: Registry, focus: IdSet, settings: Settings, records: Records, store: Scratch
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
    quotes = Compact(records, store, "quote_parts", _quote_part, tuple)
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
            store.insert(add, (vid, article, number, row[0], row[1], dumps(quote[_QAT])))
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
        (speaker, first_doc, summary, dumps(rows), len(group), spanned),
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
