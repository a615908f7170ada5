"""Which source a name is: by its key or a variant's, by a near spelling of a person's
name, or a surname alone standing for the one full name that has it; and folding two
entries into one when they turn out to be the same source.

"Oksana Veretenko", "Oksana Veretenco" and, once she is registered, "Veretenko" are one
source; "Anna Berg" and "Anna Borg" are two when both are registered in full.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from auditor.provenance.name_keys import (
    fold,
    name_key,
    near_person_name,
    near_spelling,
    surname,
    words,
)
from auditor.provenance.registry_entries import block_of, now_utc
from auditor.provenance.registry_errors import SourceNotFound
from auditor.provenance.registry_file import RegistryFile


class SourceIdentity(RegistryFile):
    """A registry file that tells which source a name is."""

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
                (name, kind, block_of(name, kind), now_utc()),
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
