"""Candidate pairs: the articles (or quotes) that share an LSH key, worked out and
de-duplicated by SQLite in temporary tables of the registry's connection.

When more than ``SMALL_BUCKET`` articles hold one key, each is paired only with the
bucket's first ``REPRESENTATIVES``, so a widely syndicated report costs a line per copy,
not a square.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from auditor.provenance.working_store import IdSet

if TYPE_CHECKING:
    from auditor.provenance.registry import Registry

#: Buckets up to this size are expanded into all their pairs.
SMALL_BUCKET = 64
#: Articles of a larger bucket are compared with this many of its first members.
REPRESENTATIVES = 4


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
    left, right = _pair_columns(entry)
    focus_ids = focus if isinstance(focus, IdSet) else IdSet(focus)
    everything = len(focus_ids) >= db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    touching = (
        ""
        if everything
        else ("AND (x.article_id IN temp.cp_focus OR y.article_id IN temp.cp_focus)")
    )
    _drop_pair_tables(db)
    statements = _pair_statements(table, entry, touching)
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


def _pair_columns(entry: str) -> tuple[str, str]:
    """The columns of ``temp.cp_pairs`` for entries of ``entry``: ``a_article_id`` ... and
    ``b_article_id`` ..."""
    left = ", ".join(f"a_{c}" for c in entry.split(", "))
    right = ", ".join(f"b_{c}" for c in entry.split(", "))
    return left, right


def _pair_statements(table: str, entry: str, touching: str) -> list[str]:
    """The SQL that fills ``temp.cp_pairs`` from the keys of ``table``: the focus table
    first (the caller fills it), then the shared entries, the bucket sizes, the
    representatives of large buckets, and the pairs. ``touching`` keeps pairs with a
    focus article ("" for all)."""

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

    left, right = _pair_columns(entry)
    return [
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


def _drop_pair_tables(db) -> None:
    for name in ("cp_focus", "cp_entries", "cp_sizes", "cp_reps", "cp_pairs"):
        db.execute(f"DROP TABLE IF EXISTS temp.{name}")
