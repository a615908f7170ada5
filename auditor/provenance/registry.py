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

The parts: :mod:`~auditor.provenance.registry_file` (the file, its schema, transactions),
:mod:`~auditor.provenance.source_identity` (which source a name is),
:mod:`~auditor.provenance.article_intake` (adding an article),
:mod:`~auditor.provenance.registry_queries` (reading) and, here, the newsroom's curation
(merging two entries, marking one verified, importing a known-sources list).
"""

from __future__ import annotations

from collections.abc import Iterable

from auditor.provenance.article_intake import ArticleIntake
from auditor.provenance.name_keys import clean_name
from auditor.provenance.registry_entries import KINDS, KnownSource, Source, now_utc
from auditor.provenance.registry_errors import RegistryDamaged, RegistryError, SourceNotFound
from auditor.provenance.registry_file import migrate_to
from auditor.provenance.registry_queries import RegistryQueries

# What the commands, the desk and the tests import from here.
__all__ = [
    "KINDS",
    "KnownSource",
    "Registry",
    "RegistryDamaged",
    "RegistryError",
    "Source",
    "SourceNotFound",
    "migrate_to",
]


class Registry(ArticleIntake, RegistryQueries):
    """A source registry file (created on first use; older schemas are migrated)."""

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
                (by, date, now_utc()[:10], role, organization, source_id),
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


def _kind_of(row: KnownSource) -> str:
    if row.role or (row.organization and clean_name(row.organization) != clean_name(row.name)):
        return "person"
    return "organization"
