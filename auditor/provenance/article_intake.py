"""Adding an article to the source registry: its speakers (each resolved to a source,
with the variant, description and source type this article gives it) and its compact
record with the keys the cross-document checks look it up by.

One article is one transaction: a killed process leaves it fully recorded or absent.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from auditor.provenance.minhash_keys import quote_keys, unit_keys
from auditor.provenance.name_keys import clean_name
from auditor.provenance.registry_entries import KINDS, now_utc, pack_record, text_or_none
from auditor.provenance.source_identity import SourceIdentity
from auditor.provenance.units import claim_units, quote_speaker_key


class ArticleIntake(SourceIdentity):
    """A registry file that articles are added to."""

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
            added = now_utc()
            cursor = db.execute(
                "INSERT INTO articles (sha256, doc, title, outlet, published, added) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    info["sha256"],
                    str(info.get("doc") or info["sha256"]),
                    text_or_none(info.get("title")),
                    text_or_none(info.get("outlet")),
                    text_or_none(info.get("published")),
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
        db.execute("UPDATE articles SET record = ? WHERE id = ?", (pack_record(stored), article_id))
