"""The source registry: every speaker seen across articles, in one SQLite file.

    >>> with Registry("sources.sqlite") as registry:          # doctest: +SKIP
    ...     registry.add_article(info, result, record)        # one transaction per article
    ...     registry.find("Denis Pushilin").articles
    2

A speaker is a *source*: a canonical name, its spelling variants, the descriptions and
affiliations articles gave it, the articles it appears in (with how many attributions
and as which source type) and, for sources a newsroom has checked, who verified it and
when. Articles are keyed by the sha256 of their text: adding one twice changes nothing,
so re-running a batch adds, never duplicates.

Safety: the file is in WAL mode; every article is added in its own ``BEGIN IMMEDIATE``
transaction, so a killed process leaves each article either fully recorded or absent, and
another process waiting for the write lock retries until ``timeout``.
"""

from __future__ import annotations

import json
import random
import sqlite3
import time
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TypeVar

from auditor.provenance.names import (
    clean_name,
    fold,
    name_key,
    near_person_name,
    near_spelling,
    surname,
    words,
)
from auditor.provenance.registry_errors import RegistryDamaged as RegistryDamaged  # re-export
from auditor.provenance.registry_errors import RegistryError, SourceNotFound, damaged
from auditor.provenance.registry_errors import connect as _connect
from auditor.provenance.schema import MIGRATIONS, SCHEMA_VERSION
from auditor.provenance.sketch import quote_keys, unit_keys
from auditor.provenance.units import claim_units, quote_speaker_key

KINDS = ("person", "organization", "media")
T = TypeVar("T")


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _day(published: str | None, added: str) -> str:
    if published and len(published) >= 10 and published[4] == "-":
        return published[:10]
    return added[:10]


def block_of(name: str, kind: str) -> str:
    """The blocking key near spellings are looked up by (first letters of the surname
    for people, of the name for organizations)."""
    return (surname(name) if kind == "person" else name_key(name))[:3]


@dataclass
class Source:
    """One registry entry as the commands and reports show it."""

    id: int
    name: str
    kind: str
    known: bool = False
    articles: int = 0
    attributions: int = 0
    first_seen: str | None = None
    last_seen: str | None = None
    source_type: str | None = None
    role: str | None = None
    organization: str | None = None
    verified_by: str | None = None
    verified_on: str | None = None
    variants: list[tuple[str, int]] = field(default_factory=list)
    descriptions: list[tuple[str, int]] = field(default_factory=list)
    appearances: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "known": self.known,
            "source_type": self.source_type,
            "articles": self.articles,
            "attributions": self.attributions,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "role": self.role,
            "organization": self.organization,
            "verified_by": self.verified_by,
            "verified_on": self.verified_on,
            "variants": [{"variant": v, "articles": n} for v, n in self.variants],
            "descriptions": [{"description": d, "articles": n} for d, n in self.descriptions],
            "appearances": list(self.appearances),
        }


@dataclass
class KnownSource:
    """One row of a newsroom's known-sources list."""

    name: str
    variants: list[str] = field(default_factory=list)
    role: str | None = None
    organization: str | None = None
    verified_by: str | None = None
    date: str | None = None
    kind: str | None = None
    known: bool = True


def _pack(data: dict[str, Any]) -> bytes:
    return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode())


def unpack(blob: bytes | None, where: Path | str = "registry") -> dict[str, Any] | None:
    """A stored article record (see :meth:`Registry.add_article`), or None."""
    if blob is None:
        return None
    try:
        return json.loads(zlib.decompress(blob).decode())
    except (zlib.error, ValueError) as exc:  # UnicodeDecodeError and JSONDecodeError too
        raise damaged(where, exc) from None


class Registry:
    """A source registry file (created on first use; older schemas are migrated)."""

    def __init__(self, path: str | Path, *, timeout: float = 60.0, create: bool = True):
        self.path = Path(path)
        self.timeout = timeout
        self.create = create
        self._db: sqlite3.Connection | None = None

    # ------------------------------------------------------------------ opening

    def open(self) -> Registry:
        """Connect, switch to WAL mode and bring the schema up to date."""
        if self._db is not None:
            return self
        if not self.path.exists():
            if not self.create:
                raise RegistryError(f"{self.path}: no such registry")
            if self.path.parent and not self.path.parent.exists():
                self.path.parent.mkdir(parents=True, exist_ok=True)
        elif self.path.is_dir():
            raise RegistryError(f"{self.path}: is a folder, not a registry file")
        self._db = db = _connect(self.path, timeout=min(self.timeout, 5.0))
        try:
            db.row_factory = sqlite3.Row
            db.execute("PRAGMA foreign_keys = ON")
            self._retry(lambda: db.execute("PRAGMA journal_mode = WAL").fetchone())
            db.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except BaseException as exc:
            self.close()  # an open connection could keep the file locked
            if isinstance(exc, sqlite3.DatabaseError):  # a failure the guard does not name
                raise RegistryError(f"{self.path}: not a registry ({exc})") from None
            raise
        return self

    def close(self) -> None:
        """Close the connection (safe to call twice)."""
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> Registry:
        return self.open()

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            self.open()
        assert self._db is not None
        return self._db

    def version(self) -> int:
        """The schema version of the file (0 for an empty file)."""
        try:
            row = self.db.execute("SELECT version FROM schema_version").fetchone()
        except sqlite3.OperationalError:
            return 0
        return int(row[0]) if row else 0

    def _migrate(self) -> None:
        try:
            tables = {
                r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
        except sqlite3.DatabaseError as exc:
            raise RegistryError(f"{self.path}: not a registry ({exc})") from None
        if tables and "schema_version" not in tables:
            raise RegistryError(f"{self.path}: an SQLite file, but not a source registry")
        if self.version() > SCHEMA_VERSION:
            raise RegistryError(
                f"{self.path}: registry schema version {self.version()} is newer than this "
                f"auditor supports ({SCHEMA_VERSION}); upgrade the auditor"
            )
        if self.version() == SCHEMA_VERSION and tables:
            return
        migrate_to(self, SCHEMA_VERSION)

    # ------------------------------------------------------------------ transactions

    def _retry(self, action: Callable[[], T]) -> T:
        """Run ``action``, retrying while another process holds the write lock."""
        deadline = time.monotonic() + self.timeout
        delay = 0.01
        while True:
            try:
                return action()
            except sqlite3.OperationalError as exc:
                message = str(exc).lower()
                if "locked" not in message and "busy" not in message:
                    raise
                if time.monotonic() >= deadline:
                    raise RegistryError(
                        f"{self.path}: still locked by another process after "
                        f"{self.timeout:g} s; try again when it has finished"
                    ) from None
                time.sleep(delay * (1 + random.random()))
                delay = min(delay * 2, 0.5)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (``BEGIN IMMEDIATE``): all of it is kept, or none."""
        db = self.db
        self._retry(lambda: db.execute("BEGIN IMMEDIATE"))
        try:
            yield db
        except BaseException:
            if db.in_transaction:  # SQLite may have rolled back already (a damaged file)
                db.execute("ROLLBACK")
            raise
        else:
            self._retry(lambda: db.execute("COMMIT"))

    # ------------------------------------------------------------------ articles

    def has_article(self, sha256: str) -> bool:
        """True when the article with this text digest is recorded."""
        row = self.db.execute("SELECT 1 FROM articles WHERE sha256 = ?", (sha256,)).fetchone()
        return row is not None

    def add_article(
        self, info: dict[str, Any], result: dict[str, Any], record: dict[str, Any] | None
    ) -> bool:
        """Record one article and its speakers in one transaction; False when it was there.

        ``info`` has ``sha256``, ``doc`` (its id or path) and optional ``title``,
        ``outlet``, ``published``; ``result`` is its ``auditor/2`` dict and ``record`` its
        provenance record (:func:`auditor.provenance.record.article_record`), or None to
        use what the result alone gives.
        """
        from auditor.provenance.record import record_from_result

        record = record or record_from_result(result)
        with self.transaction() as db:
            row = db.execute(
                "SELECT id, record IS NULL FROM articles WHERE sha256 = ?", (info["sha256"],)
            ).fetchone()
            if row is not None:
                if row[1]:
                    # Recorded before the cross-document index existed (schema 1).
                    self._index_article(db, row[0], result, record)
                return False
            added = _now()
            cursor = db.execute(
                "INSERT INTO articles (sha256, doc, title, outlet, published, added) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    info["sha256"],
                    str(info.get("doc") or info["sha256"]),
                    _text_or_none(info.get("title")),
                    _text_or_none(info.get("outlet")),
                    _text_or_none(info.get("published")),
                    added,
                ),
            )
            article_id = int(cursor.lastrowid)
            seen: set[tuple[int, str]] = set()
            for speaker in record.get("speakers") or []:
                self._add_appearance(db, article_id, speaker, seen)
            self._index_article(db, article_id, result, record)
        return True

    def _add_appearance(
        self, db: sqlite3.Connection, article_id: int, speaker: dict, seen: set
    ) -> None:
        name = clean_name(str(speaker.get("name") or ""))
        kind = speaker.get("kind") if speaker.get("kind") in KINDS else "person"
        if not name:
            return
        variants = [clean_name(v) for v in speaker.get("variants") or [] if clean_name(v)]
        source_id = self._resolve(db, name, kind, variants, create=True)
        assert source_id is not None
        at = speaker.get("at") or [0, 0]
        db.execute(
            "INSERT INTO appearances (article_id, source_id, name, source_type, attributions, "
            "at_start, at_end, at_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (article_id, source_id) DO UPDATE SET "
            "attributions = attributions + excluded.attributions",
            (
                article_id,
                source_id,
                name,
                str(speaker.get("type") or "named_person"),
                int(speaker.get("attributions") or 1),
                int(at[0]),
                int(at[1]),
                int(at[2]) if len(at) > 2 else None,
            ),
        )
        for variant in dict.fromkeys([name, *variants]):
            if (source_id, variant) in seen:
                continue  # two speakers of this article are one source
            seen.add((source_id, variant))
            db.execute(
                "INSERT INTO variants (source_id, variant, articles) VALUES (?, ?, 1) "
                "ON CONFLICT (source_id, variant) DO UPDATE SET articles = articles + 1",
                (source_id, variant),
            )
        for description in speaker.get("descriptions") or []:
            description = " ".join(str(description).split())
            if description:
                db.execute(
                    "INSERT OR IGNORE INTO descriptions (article_id, source_id, description) "
                    "VALUES (?, ?, ?)",
                    (article_id, source_id, description),
                )

    def _index_article(
        self, db: sqlite3.Connection, article_id: int, result: dict, record: dict
    ) -> None:
        """Store the article's compact record and its LSH keys."""
        units = claim_units(result)
        quotes = []
        rows = []
        for number, quote in enumerate(record.get("quotes") or []):
            speakers = [s for s in quote.get("speakers") or [] if s]
            who = sorted({quote_speaker_key(s) for s in speakers} - {""})
            quotes.append(
                {"text": quote["text"], "speakers": speakers, "who": who, "at": quote.get("at")}
            )
            keys = {k for w in who for k in quote_keys(w, quote["text"])}
            rows += [(key, article_id, number) for key in sorted(keys)]
        db.executemany("INSERT INTO quote_keys (key, article_id, quote) VALUES (?, ?, ?)", rows)
        keys = {k for unit in units for k in unit_keys(unit["who"], unit["stems"])}
        db.executemany(
            "INSERT INTO unit_keys (key, article_id) VALUES (?, ?)",
            [(key, article_id) for key in sorted(keys)],
        )
        stored = {
            "units": units,
            "quotes": quotes,
            "names": record.get("names") or {},
            "orgs": record.get("orgs") or {},
        }
        db.execute("UPDATE articles SET record = ? WHERE id = ?", (_pack(stored), article_id))

    # ------------------------------------------------------------------ sources

    def _lookup_key(self, db: sqlite3.Connection, key: str) -> int | None:
        row = db.execute("SELECT source_id FROM aliases WHERE key = ?", (key,)).fetchone()
        return int(row[0]) if row else None

    def _resolve(
        self,
        db: sqlite3.Connection,
        name: str,
        kind: str,
        variants: Iterable[str] = (),
        *,
        create: bool,
    ) -> int | None:
        """The source ``name`` is, by its key or a variant's, by a near spelling of a
        person's name, or (with ``create``) a new source."""
        variants = [v for v in variants if v]
        keys = [name_key(name)]
        for variant in variants:
            # A lone surname is too weak to stand for a person everywhere ("Austin").
            if kind != "person" or len(words(variant)) >= 2:
                keys.append(name_key(variant))
        keys = [k for k in dict.fromkeys(keys) if k]
        found = None
        for key in keys:
            found = self._lookup_key(db, key)
            if found is not None:
                break
        if found is None and kind == "person":
            found = self._near_person(db, name)
        if found is None:
            if not create:
                return None
            cursor = db.execute(
                "INSERT INTO sources (name, kind, block, created) VALUES (?, ?, ?, ?)",
                (name, kind, block_of(name, kind), _now()),
            )
            found = int(cursor.lastrowid)
            if kind == "person" and len(words(name)) >= 2:
                self._adopt_surname_only(db, found, name)
        for key in keys:
            db.execute("INSERT OR IGNORE INTO aliases (key, source_id) VALUES (?, ?)", (key, found))
        return found

    def _people_in_block(self, db: sqlite3.Connection, name: str) -> list[sqlite3.Row]:
        return db.execute(
            "SELECT id, name FROM sources WHERE kind = 'person' AND block = ?",
            (block_of(name, "person"),),
        ).fetchall()

    def _near_person(self, db: sqlite3.Connection, name: str) -> int | None:
        """A person already registered under a near spelling of ``name``, or under the
        full name of which ``name`` is the surname; None when that is not one person."""
        rows = self._people_in_block(db, name)
        if len(words(name)) >= 2:
            hits = {r["id"] for r in rows if near_person_name(name, r["name"])}
            return hits.pop() if len(hits) == 1 else None
        last = surname(name)
        full = [r for r in rows if len(words(r["name"])) >= 2]
        hits = {r["id"] for r in full if surname(r["name"]) == last}
        if not hits:
            hits = {r["id"] for r in full if near_spelling(surname(r["name"]), last)}
        return hits.pop() if len(hits) == 1 else None

    def _adopt_surname_only(self, db: sqlite3.Connection, source_id: int, name: str) -> None:
        # "Zelenskyy" registered alone before "Volodymyr Zelenskyy" arrived: when this is
        # the only full name with that surname, the lone surname was this person.
        rows = self._people_in_block(db, name)
        last = surname(name)
        others = [
            r
            for r in rows
            if r["id"] != source_id and len(words(r["name"])) >= 2 and surname(r["name"]) == last
        ]
        if others:
            return
        for row in rows:
            if len(words(row["name"])) == 1 and surname(row["name"]) == last:
                self._merge(db, source_id, int(row["id"]))

    def _merge(self, db: sqlite3.Connection, keep: int, drop: int) -> None:
        """Fold source ``drop`` into ``keep`` (inside the caller's transaction)."""
        db.execute("UPDATE aliases SET source_id = ? WHERE source_id = ?", (keep, drop))
        for variant, articles in db.execute(
            "SELECT variant, articles FROM variants WHERE source_id = ?", (drop,)
        ).fetchall():
            db.execute(
                "INSERT INTO variants (source_id, variant, articles) VALUES (?, ?, ?) "
                "ON CONFLICT (source_id, variant) DO UPDATE SET "
                "articles = articles + excluded.articles",
                (keep, variant, articles),
            )
        for row in db.execute(
            "SELECT article_id, name, source_type, attributions, at_start, at_end, at_line "
            "FROM appearances WHERE source_id = ?",
            (drop,),
        ).fetchall():
            db.execute(
                "INSERT INTO appearances (article_id, source_id, name, source_type, "
                "attributions, at_start, at_end, at_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (article_id, source_id) DO UPDATE SET "
                "attributions = attributions + excluded.attributions",
                (row[0], keep, *tuple(row)[1:]),
            )
        db.execute(
            "INSERT OR IGNORE INTO descriptions (article_id, source_id, description) "
            "SELECT article_id, ?, description FROM descriptions WHERE source_id = ?",
            (keep, drop),
        )
        dropped = db.execute("SELECT * FROM sources WHERE id = ?", (drop,)).fetchone()
        if dropped is not None and dropped["known"]:
            db.execute(
                "UPDATE sources SET known = 1, "
                "role = COALESCE(role, ?), organization = COALESCE(organization, ?), "
                "verified_by = COALESCE(verified_by, ?), verified_on = COALESCE(verified_on, ?) "
                "WHERE id = ?",
                (
                    dropped["role"],
                    dropped["organization"],
                    dropped["verified_by"],
                    dropped["verified_on"],
                    keep,
                ),
            )
        db.execute("DELETE FROM sources WHERE id = ?", (drop,))

    def resolve(self, name: str) -> int:
        """The id of the source called ``name`` (a name, a variant or ``#id``).

        Raises :class:`SourceNotFound` with the closest names as suggestions.
        """
        text = name.strip()
        if text.startswith("#") and text[1:].isdigit():
            row = self.db.execute("SELECT id FROM sources WHERE id = ?", (int(text[1:]),))
            found = row.fetchone()
            if found:
                return int(found[0])
        found_id = self._lookup_key(self.db, name_key(text))
        if found_id is not None:
            return found_id
        rows = self.db.execute(
            "SELECT DISTINCT s.id, s.name FROM sources s LEFT JOIN variants v "
            "ON v.source_id = s.id WHERE s.name = ? COLLATE NOCASE OR v.variant = ? "
            "COLLATE NOCASE",
            (text, text),
        ).fetchall()
        if len(rows) == 1:
            return int(rows[0][0])
        raise SourceNotFound(f"no source named {name!r} in {self.path}{self._suggest(text)}")

    def _suggest(self, text: str) -> str:
        import difflib

        names = [r[0] for r in self.db.execute("SELECT name FROM sources")]
        close = difflib.get_close_matches(text, names, n=3, cutoff=0.6)
        if not close:
            wanted = fold(text)
            close = [n for n in names if wanted and wanted in fold(n)][:3]
        return f" (did you mean {', '.join(close)}?)" if close else " (see `auditor sources list`)"

    # ------------------------------------------------------------------ curation

    def merge(self, keep: str, drop: str) -> Source:
        """Fold the source ``drop`` into ``keep``; returns the merged source."""
        keep_id, drop_id = self.resolve(keep), self.resolve(drop)
        if keep_id == drop_id:
            raise RegistryError(f"{keep!r} and {drop!r} are already one source")
        with self.transaction() as db:
            self._merge(db, keep_id, drop_id)
        return self.source(keep_id)

    def verify(
        self,
        name: str,
        *,
        by: str | None = None,
        date: str | None = None,
        role: str | None = None,
        organization: str | None = None,
    ) -> Source:
        """Mark a source as known (checked by the newsroom) and record who did it."""
        source_id = self.resolve(name)
        with self.transaction() as db:
            db.execute(
                "UPDATE sources SET known = 1, verified_by = COALESCE(?, verified_by), "
                "verified_on = COALESCE(?, verified_on, ?), role = COALESCE(?, role), "
                "organization = COALESCE(?, organization) WHERE id = ?",
                (by, date, _now()[:10], role, organization, source_id),
            )
        return self.source(source_id)

    def import_known(self, rows: Iterable[KnownSource]) -> tuple[int, int]:
        """Load a known-sources list; (created, updated) counts. One transaction."""
        created = updated = 0
        with self.transaction() as db:
            for row in rows:
                name = clean_name(row.name)
                if not name:
                    continue
                kind = row.kind if row.kind in KINDS else _kind_of(row)
                before = db.execute("SELECT COUNT(*) FROM sources").fetchone()[0]
                source_id = self._resolve(db, name, kind, row.variants, create=True)
                after = db.execute("SELECT COUNT(*) FROM sources").fetchone()[0]
                created += after > before
                updated += after == before
                for variant in dict.fromkeys([name, *row.variants]):
                    db.execute(
                        "INSERT OR IGNORE INTO variants (source_id, variant, articles) "
                        "VALUES (?, ?, 0)",
                        (source_id, variant),
                    )
                db.execute(
                    "UPDATE sources SET known = MAX(known, ?), role = COALESCE(?, role), "
                    "organization = COALESCE(?, organization), "
                    "verified_by = COALESCE(?, verified_by), "
                    "verified_on = COALESCE(?, verified_on) WHERE id = ?",
                    (
                        int(row.known),
                        row.role or None,
                        row.organization or None,
                        row.verified_by or None,
                        row.date or None,
                        source_id,
                    ),
                )
                if row.known and row.organization and kind == "person":
                    org_id = self._resolve(db, row.organization, "organization", create=True)
                    db.execute(
                        "UPDATE sources SET known = 1, verified_by = COALESCE(verified_by, ?), "
                        "verified_on = COALESCE(verified_on, ?) WHERE id = ?",
                        (row.verified_by or None, row.date or None, org_id),
                    )
        return created, updated

    # ------------------------------------------------------------------ reading

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
        for chunk in _chunks(ids, 500):
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
                "date": _day(r["published"], r["added"]),
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
        for chunk in _chunks(list(sha256s), 500):
            marks = ",".join("?" * len(chunk))
            for sha, article_id in self.db.execute(
                f"SELECT sha256, id FROM articles WHERE sha256 IN ({marks})", chunk
            ):
                out[sha] = int(article_id)
        return out

    def article_meta(self, ids: Iterable[int]) -> dict[int, dict[str, Any]]:
        """Article id -> doc, title, outlet and publication date (no stored record)."""
        out = {}
        for chunk in _chunks(sorted(set(ids)), 500):
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(
                f"SELECT id, doc, title, outlet, published FROM articles WHERE id IN ({marks})",
                chunk,
            ):
                out[int(row["id"])] = {
                    "doc": row["doc"],
                    "title": row["title"],
                    "outlet": row["outlet"],
                    "date": _day(row["published"], "") or None,
                }
        return out

    def articles(self, ids: Iterable[int]) -> dict[int, dict[str, Any]]:
        """Article id -> its row (doc, title, outlet, date) and stored ``record``."""
        out = {}
        for chunk in _chunks(sorted(set(ids)), 500):
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
                    "date": _day(row["published"], "") or None,
                    "record": unpack(row["record"], self.path) or {},
                }
        return out


def migrate_to(registry: Registry, target: int) -> None:
    """Apply the migrations from the file's version up to ``target`` in one transaction."""
    with registry.transaction() as db:
        current = registry.version()
        for version in range(current + 1, target + 1):
            for statement in MIGRATIONS[version - 1]:
                db.execute(statement)
            db.execute("UPDATE schema_version SET version = ?", (version,))


def _kind_of(row: KnownSource) -> str:
    if row.role or (row.organization and clean_name(row.organization) != clean_name(row.name)):
        return "person"
    return "organization"


def _text_or_none(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value if v)
    text = " ".join(str(value).split())
    return text or None


def _chunks(items: list[T], size: int) -> Iterator[list[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
