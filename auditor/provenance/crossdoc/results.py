"""What the cross-document checks found (:class:`CrossDocuments`), read back from their
working database: complete, as bounded samples, or as JSON written piece by piece."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from auditor.provenance.crossdoc.groups import Article, QuoteDrift, SharedOrigin
from auditor.provenance.crossdoc.tables import dumps
from auditor.provenance.working_store import Scratch

#: A sample of a group's claims is chosen among this many times as many of its first ones.
CLAIM_SCAN = 20


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
        return self.store.rows(_limited(sql, limit))

    def _cluster_articles(self, root: int, limit: int | None = None) -> Iterator[Article]:
        assert self.store is not None
        sql = (
            "SELECT article_id, doc, title, outlet, date FROM members WHERE root = ? "
            "ORDER BY article_id"
        )
        for row in self.store.rows(_limited(sql, limit), (root,)):
            yield Article(*row)

    def _claims(self, root: int, limit: int | None = None) -> Iterator[str]:
        assert self.store is not None
        sql = (
            "SELECT e.claim FROM members m JOIN evidence e ON e.a = m.article_id "
            "WHERE m.root = ? ORDER BY e.a, e.b, e.seq"
        )
        for (claim,) in self.store.rows(_limited(sql, limit), (root,)):
            yield claim

    def _usage(self, root: int, name: str, limit: int | None = None) -> Iterator[dict]:
        assert self.store is not None
        sql = (
            "SELECT m.doc, u.count FROM usage u JOIN members m ON m.article_id = u.article_id "
            "WHERE u.root = ? AND u.name = ? ORDER BY u.article_id"
        )
        for doc, count in self.store.rows(_limited(sql, limit), (root, name)):
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
        yield dumps(head)[:-1] + ("," if head else "") + '"articles":['
        yield from _joined(dumps(a.to_dict()) for a in self._cluster_articles(root))
        yield '],"shared_claims":['
        yield from _joined(self._claims(root))
        cited = [{"source": s, "articles": n} for s, n in json.loads(upstream)]
        recurring = [{"speaker": s, "articles": n} for s, n in json.loads(speakers)]
        yield f'],"upstream":{dumps(cited)},"shared_speakers":{dumps(recurring)}'
        yield ',"conflicting_details":['
        for i, variants in enumerate(json.loads(conflicts)):
            yield ("," if i else "") + f'{{"names":{dumps(variants)},"usage":['
            for j, name in enumerate(variants):
                yield ("," if j else "") + f'{{"name":{dumps(name)},"articles":['
                yield from _joined(dumps(u) for u in self._usage(root, name))
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
        return self.store.rows(_limited(sql, limit))

    def _version_articles(self, vid: int, limit: int | None = None) -> Iterator[dict]:
        assert self.store is not None
        sql = "SELECT doc, title, at FROM drift_articles WHERE vid = ? ORDER BY article_id"
        for doc, title, at in self.store.rows(_limited(sql, limit), (vid,)):
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
        start = dumps({**head, "speaker": speaker, "change": change})[:-1]
        yield start + ',"versions":['
        for i, version in enumerate(json.loads(versions)):
            text = dumps({"text": version["text"], "differs": version["differs"]})[:-1]
            yield ("," if i else "") + text + ',"articles":['
            yield from _joined(dumps(a) for a in self._version_articles(version["vid"]))
            yield "]}"
        yield "]}"

    @property
    def quote_drift(self) -> list[QuoteDrift]:
        """Every quote-drift group, complete, by speaker."""
        return list(self.drifts())


def _limited(sql: str, limit: int | None) -> str:
    """``sql`` with ``LIMIT limit`` when a limit is given."""
    return sql if limit is None else f"{sql} LIMIT {int(limit)}"


def _joined(items: Iterable[str]) -> Iterator[str]:
    for i, item in enumerate(items):
        yield ("," + item) if i else item
