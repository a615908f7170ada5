"""Working storage of the provenance step whose size grows with the corpus.

Candidate pairs, matched claims, cluster members, quote versions' articles and findings
go to a private temporary SQLite database (``sqlite3.connect("")``: a file SQLite deletes
when the connection closes) instead of Python lists, so the memory of the step is bounded
by SQLite's page cache (``CACHE_KIB``) and the few bounded caches of the checks, whatever
the number of articles. Rows are read back in the order a report needs them.

Everything the step keeps in Python per article is a bit or a machine integer
(:class:`IdSet`, :class:`Forest`): 10,000 articles cost about 100 KB.
"""

from __future__ import annotations

import sqlite3
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

#: SQLite page cache of the working database (KiB); beyond it, pages go to the temp file.
CACHE_KIB = 8 * 1024
#: Rows buffered in Python before one ``executemany``.
INSERT_BATCH = 2000


class Scratch:
    """A private temporary SQLite database, deleted when closed.

    Writes are one long transaction (nothing needs to survive a crash) and reads see them
    at once; ``insert`` buffers rows and ``flush`` writes them.
    """

    def __init__(self, cache_kib: int = CACHE_KIB):
        self.db = sqlite3.connect("", isolation_level=None)
        self.db.execute("PRAGMA journal_mode = OFF")
        self.db.execute("PRAGMA synchronous = OFF")
        self.db.execute(f"PRAGMA cache_size = {-int(cache_kib)}")
        self.db.execute("PRAGMA temp_store = FILE")
        self.db.execute("BEGIN")
        self._pending: dict[str, list[Sequence[Any]]] = {}

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> sqlite3.Cursor:
        """Run ``sql`` after writing the rows still buffered."""
        self.flush()
        return self.db.execute(sql, parameters)

    def script(self, *statements: str) -> None:
        self.flush()
        for statement in statements:
            self.db.execute(statement)

    def insert(self, sql: str, row: Sequence[Any]) -> None:
        """Buffer one row for the ``INSERT`` statement ``sql``."""
        rows = self._pending.setdefault(sql, [])
        rows.append(row)
        if len(rows) >= INSERT_BATCH:
            self.db.executemany(sql, rows)
            rows.clear()

    def flush(self) -> None:
        for sql, rows in self._pending.items():
            if rows:
                self.db.executemany(sql, rows)
                rows.clear()

    def rows(self, sql: str, parameters: Sequence[Any] = (), size: int = 1000) -> Iterator[tuple]:
        """The rows of ``sql``, fetched ``size`` at a time (never all at once).

        The query runs on its own cursor, so the caller may write to *other* tables while
        iterating.
        """
        self.flush()
        cursor = self.db.cursor()
        try:
            cursor.execute(sql, parameters)
            while True:
                chunk = cursor.fetchmany(size)
                if not chunk:
                    return
                yield from chunk
        finally:
            cursor.close()

    def value(self, sql: str, parameters: Sequence[Any] = (), flush: bool = True) -> Any:
        """The first column of the first row of ``sql`` (None without one); with
        ``flush=False`` buffered rows stay buffered (for tables that are never buffered)."""
        if flush:
            self.flush()
        row = self.db.execute(sql, parameters).fetchone()
        return None if row is None else row[0]

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None  # type: ignore[assignment]

    def __enter__(self) -> Scratch:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class IdSet:
    """A set of (non-negative) article ids as a bitmap: one bit per id up to the largest."""

    def __init__(self, ids: Iterable[int] = ()):
        self._bits = bytearray()
        self._count = 0
        for article_id in ids:
            self.add(article_id)

    def add(self, article_id: int) -> None:
        byte, mask = article_id >> 3, 1 << (article_id & 7)
        if byte >= len(self._bits):
            self._bits.extend(bytes(byte + 1 - len(self._bits) + len(self._bits) // 2))
        if not self._bits[byte] & mask:
            self._bits[byte] |= mask
            self._count += 1

    def __contains__(self, article_id: object) -> bool:
        if not isinstance(article_id, int) or article_id < 0:
            return False
        byte = article_id >> 3
        return byte < len(self._bits) and bool(self._bits[byte] & (1 << (article_id & 7)))

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[int]:
        for byte, bits in enumerate(self._bits):
            if bits:
                for bit in range(8):
                    if bits & (1 << bit):
                        yield byte * 8 + bit


class Forest:
    """Union-find over non-negative integers in a machine-integer array (8 bytes an item);
    only items passed to :meth:`union` are members."""

    def __init__(self):
        self._parent = array("q")

    def _slot(self, item: int) -> None:
        if item >= len(self._parent):
            grow = item + 1 - len(self._parent) + len(self._parent) // 2
            self._parent.extend(array("q", [-1]) * grow)  # -1: not a member

    def find(self, item: int) -> int:
        self._slot(item)
        parent = self._parent
        if parent[item] < 0:
            parent[item] = item
            return item
        root = item
        while parent[root] != root:
            root = parent[root]
        while parent[item] != root:
            parent[item], item = root, parent[item]
        return root

    def union(self, a: int, b: int) -> None:
        parent_a, parent_b = self.find(a), self.find(b)
        if parent_a != parent_b:
            self._parent[parent_a] = parent_b

    def __contains__(self, item: int) -> bool:
        return 0 <= item < len(self._parent) and self._parent[item] >= 0

    def members(self) -> Iterator[tuple[int, int]]:
        """``(item, root)`` for every member, in increasing order of item."""
        for item in range(len(self._parent)):
            if self._parent[item] >= 0:
                yield item, self.find(item)


class ScratchMap(Mapping[str, Any]):
    """A read-only mapping over one column of a :class:`Scratch` table, looked up one key
    at a time (NULL values count as missing; with repeated keys the last row wins)."""

    def __init__(self, store: Scratch, table: str, key: str, column: str):
        self.store = store
        self._get = f"SELECT {column} FROM {table} WHERE {key} = ? ORDER BY rowid DESC LIMIT 1"
        self._keys = f"SELECT DISTINCT {key} FROM {table} WHERE {column} IS NOT NULL"

    def __getitem__(self, key: str) -> Any:
        value = self.store.value(self._get, (key,))
        if value is None:
            raise KeyError(key)
        return value

    def __iter__(self) -> Iterator[str]:
        return (row[0] for row in self.store.rows(self._keys))

    def __len__(self) -> int:
        return sum(1 for _ in self)
