"""The registry's SQLite schema, as numbered migrations.

A registry file records its schema version in ``schema_version``. Opening a file applies
the migrations it lacks, in order, in one transaction, so a file is always at one whole
version. Never edit a released migration: add the next one.
"""

from __future__ import annotations

#: ``MIGRATIONS[n - 1]`` takes a registry from version ``n - 1`` to ``n``.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: the source registry itself.
    (
        """CREATE TABLE schema_version (version INTEGER NOT NULL)""",
        """CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            block TEXT NOT NULL,
            known INTEGER NOT NULL DEFAULT 0,
            role TEXT,
            organization TEXT,
            verified_by TEXT,
            verified_on TEXT,
            created TEXT NOT NULL
        )""",
        """CREATE INDEX sources_block ON sources (block)""",
        """CREATE TABLE aliases (
            key TEXT PRIMARY KEY,
            source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE
        )""",
        """CREATE INDEX aliases_source ON aliases (source_id)""",
        """CREATE TABLE variants (
            source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
            variant TEXT NOT NULL,
            articles INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (source_id, variant)
        )""",
        """CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            doc TEXT NOT NULL,
            title TEXT,
            outlet TEXT,
            published TEXT,
            added TEXT NOT NULL
        )""",
        """CREATE TABLE appearances (
            article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            source_type TEXT NOT NULL,
            attributions INTEGER NOT NULL,
            at_start INTEGER NOT NULL DEFAULT 0,
            at_end INTEGER NOT NULL DEFAULT 0,
            at_line INTEGER,
            PRIMARY KEY (article_id, source_id)
        )""",
        """CREATE INDEX appearances_source ON appearances (source_id)""",
        """CREATE TABLE descriptions (
            article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
            description TEXT NOT NULL,
            PRIMARY KEY (article_id, source_id, description)
        )""",
        """CREATE INDEX descriptions_source ON descriptions (source_id)""",
        """INSERT INTO schema_version (version) VALUES (0)""",
    ),
    # 2: what the cross-document checks need: each article's compact record (its claims,
    # quotes, names and organizations) and the hash keys that find similar ones.
    (
        """ALTER TABLE articles ADD COLUMN record BLOB""",
        """CREATE TABLE unit_keys (
            key INTEGER NOT NULL,
            article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE
        )""",
        """CREATE INDEX unit_keys_key ON unit_keys (key)""",
        """CREATE INDEX unit_keys_article ON unit_keys (article_id)""",
        """CREATE TABLE quote_keys (
            key INTEGER NOT NULL,
            article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            quote INTEGER NOT NULL
        )""",
        """CREATE INDEX quote_keys_key ON quote_keys (key)""",
        """CREATE INDEX quote_keys_article ON quote_keys (article_id)""",
    ),
)

#: The version this code writes.
SCHEMA_VERSION = len(MIGRATIONS)
