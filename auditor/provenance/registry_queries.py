"""Reading the source registry: sources with their counts (``auditor sources list``),
everything about one source, and articles by id with their stored records.

    >>> registry.find("Denis Pushilin").articles          # doctest: +SKIP
    2
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable
from typing import Any

from auditor.provenance.name_keys import fold
from auditor.provenance.registry_entries import Source, chunks, day_of, unpack
from auditor.provenance.registry_errors import SourceNotFound
from auditor.provenance.source_identity import SourceIdentity


class RegistryQueries(SourceIdentity):
    """A registry file that answers questions about its sources and articles."""

    _SUMMARY = """
        SELECT s.id, s.name, s.kind, s.known, s.role, s.organization, s.verified_by,
               s.verified_on,
               COUNT(a.article_id) AS articles,
               COALESCE(SUM(a.attributions), 0) AS attributions,
               MIN(CASE WHEN ar.published GLOB '[0-9][0-9][0-9][0-9]-*'
                   THEN substr(ar.published, 1, 10) ELSE substr(ar.added, 1, 10) END) AS first,
               MAX(CASE WHEN ar.published GLOB '[0-9][0-9][0-9][0-9]-*'
                   THEN substr(ar.published, 1, 10) ELSE substr(ar.added, 1, 10) END) AS last
        FROM sources s
        LEFT JOIN appearances a ON a.source_id = s.id
        LEFT JOIN articles ar ON ar.id = a.article_id
    """

    def _summary(self, row: sqlite3.Row) -> Source:
        return Source(
            id=int(row["id"]),
            name=row["name"],
            kind=row["kind"],
            known=bool(row["known"]),
            articles=int(row["articles"]),
            attributions=int(row["attributions"]),
            first_seen=row["first"],
            last_seen=row["last"],
            role=row["role"],
            organization=row["organization"],
            verified_by=row["verified_by"],
            verified_on=row["verified_on"],
        )

    def sources(
        self,
        *,
        kind: str | None = None,
        known: bool | None = None,
        search: str | None = None,
        order: str = "articles",
        limit: int | None = None,
    ) -> list[Source]:
        """Sources with their counts, most articles first (or ``order="name"``)."""
        where, args = [], []
        if kind:
            where.append("s.kind = ?")
            args.append(kind)
        if known is not None:
            where.append("s.known = ?")
            args.append(int(known))
        sql = self._SUMMARY + (" WHERE " + " AND ".join(where) if where else "")
        sql += " GROUP BY s.id"
        sql += (
            " ORDER BY s.name COLLATE NOCASE"
            if order == "name"
            else (" ORDER BY articles DESC, attributions DESC, s.name COLLATE NOCASE")
        )
        out = [self._summary(r) for r in self.db.execute(sql, args)]
        if search:
            wanted = fold(search)
            out = [s for s in out if wanted in fold(s.name) or wanted in self._variant_text(s.id)]
        types = self._main_types([s.id for s in out[: limit or len(out)]])
        for source in out:
            source.source_type = types.get(source.id)
        return out[:limit] if limit else out

    def _variant_text(self, source_id: int) -> str:
        rows = self.db.execute("SELECT variant FROM variants WHERE source_id = ?", (source_id,))
        return " | ".join(fold(r[0]) for r in rows)

    def _main_types(self, ids: list[int]) -> dict[int, str]:
        out: dict[int, Counter] = {}
        for chunk in chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            for source_id, kind, n in self.db.execute(
                f"SELECT source_id, source_type, SUM(attributions) FROM appearances "
                f"WHERE source_id IN ({marks}) GROUP BY source_id, source_type",
                chunk,
            ):
                out.setdefault(source_id, Counter())[kind] += n
        return {k: v.most_common(1)[0][0] for k, v in out.items()}

    def source(self, source_id: int) -> Source:
        """Everything recorded about one source."""
        row = self.db.execute(self._SUMMARY + " WHERE s.id = ? GROUP BY s.id", (source_id,))
        found = row.fetchone()
        if found is None:
            raise SourceNotFound(f"no source #{source_id} in {self.path}")
        source = self._summary(found)
        source.source_type = self._main_types([source_id]).get(source_id)
        source.variants = [
            (r[0], int(r[1]))
            for r in self.db.execute(
                "SELECT variant, articles FROM variants WHERE source_id = ? "
                "ORDER BY articles DESC, variant",
                (source_id,),
            )
        ]
        source.descriptions = [
            (r[0], int(r[1]))
            for r in self.db.execute(
                "SELECT description, COUNT(*) FROM descriptions WHERE source_id = ? "
                "GROUP BY description ORDER BY COUNT(*) DESC, description",
                (source_id,),
            )
        ]
        source.appearances = [
            {
                "article": r["doc"],
                "title": r["title"],
                "outlet": r["outlet"],
                "date": day_of(r["published"], r["added"]),
                "name": r["name"],
                "source_type": r["source_type"],
                "attributions": int(r["attributions"]),
            }
            for r in self.db.execute(
                "SELECT ar.doc, ar.title, ar.outlet, ar.published, ar.added, a.name, "
                "a.source_type, a.attributions FROM appearances a "
                "JOIN articles ar ON ar.id = a.article_id WHERE a.source_id = ? "
                "ORDER BY ar.published, ar.added, ar.doc",
                (source_id,),
            )
        ]
        return source

    def find(self, name: str) -> Source:
        """Everything recorded about the source called ``name`` (see :meth:`resolve`)."""
        return self.source(self.resolve(name))

    def counts(self) -> dict[str, int]:
        """How many sources, known sources and articles the registry holds."""
        db = self.db
        return {
            "sources": db.execute("SELECT COUNT(*) FROM sources").fetchone()[0],
            "known": db.execute("SELECT COUNT(*) FROM sources WHERE known = 1").fetchone()[0],
            "articles": db.execute("SELECT COUNT(*) FROM articles").fetchone()[0],
        }

    def article_ids(self, sha256s: Iterable[str]) -> dict[str, int]:
        """sha256 -> article id, for the digests that are recorded."""
        out = {}
        for chunk in chunks(list(sha256s), 500):
            marks = ",".join("?" * len(chunk))
            for sha, article_id in self.db.execute(
                f"SELECT sha256, id FROM articles WHERE sha256 IN ({marks})", chunk
            ):
                out[sha] = int(article_id)
        return out

    def article_meta(self, ids: Iterable[int]) -> dict[int, dict[str, Any]]:
        """Article id -> doc, title, outlet and publication date (no stored record)."""
        out = {}
        for chunk in chunks(sorted(set(ids)), 500):
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(
                f"SELECT id, doc, title, outlet, published FROM articles WHERE id IN ({marks})",
                chunk,
            ):
                out[int(row["id"])] = {
                    "doc": row["doc"],
                    "title": row["title"],
                    "outlet": row["outlet"],
                    "date": day_of(row["published"], "") or None,
                }
        return out

    def articles(self, ids: Iterable[int]) -> dict[int, dict[str, Any]]:
        """Article id -> its row (doc, title, outlet, date) and stored ``record``."""
        out = {}
        for chunk in chunks(sorted(set(ids)), 500):
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(
                f"SELECT id, sha256, doc, title, outlet, published, added, record FROM articles "
                f"WHERE id IN ({marks})",
                chunk,
            ):
                out[int(row["id"])] = {
                    "id": int(row["id"]),
                    "sha256": row["sha256"],
                    "doc": row["doc"],
                    "title": row["title"],
                    "outlet": row["outlet"],
                    # the publication date only: when it was added says nothing to readers
                    "date": day_of(row["published"], "") or None,
                    "record": unpack(row["record"], self.path) or {},
                }
        return out
