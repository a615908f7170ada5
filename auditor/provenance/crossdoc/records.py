"""The article records the checks read, in bounded caches: the records themselves
(:class:`Records`) and one part of each, claims or quotes, in a form quick to read again
(:class:`Compact`)."""

from __future__ import annotations

import marshal
from collections import OrderedDict
from typing import TYPE_CHECKING, Any

from auditor.provenance.working_store import Scratch

if TYPE_CHECKING:
    from auditor.provenance.registry import Registry

#: Article records kept decoded in memory (about 20 KB each in a news corpus); the others
#: are read again from the registry (a tenth of a millisecond each) when needed.
RECORD_CACHE = 256
#: Articles whose claims (or quotes) are kept ready for comparison in memory (about 15 KB
#: each); the others are read again from the working database (a few dozen microseconds).
COMPACT_CACHE = 1024


class Records:
    """Stored article records, loaded on demand and kept in a bounded cache (least
    recently used out)."""

    def __init__(self, registry: Registry, size: int | None = None):
        self.registry = registry
        self.size = RECORD_CACHE if size is None else size
        self._cache: OrderedDict[int, dict[str, Any]] = OrderedDict()
        self.loads = 0

    def get(self, article_id: int, keep: bool = True) -> dict[str, Any]:
        """The article's row and ``record``; ``keep=False`` for an article needed only
        now, which then takes no other one's place in the cache."""
        row = self._cache.get(article_id)
        if row is not None:
            self._cache.move_to_end(article_id)
            return row
        self.loads += 1
        found = self.registry.articles([article_id]).get(article_id)
        row = found if found is not None else {"record": {}, "doc": "?", "id": article_id}
        if keep:
            self._cache[article_id] = row
            if len(self._cache) > self.size:
                self._cache.popitem(last=False)
        return row


class Compact:
    """One part of every article's record (its claims, or its quotes), in a form that is
    fast to read: the first time an article is needed its record is read from the
    registry and the part is written to the working database (marshal); after that it is
    read from there (about ten times faster than decoding the record), through a small
    cache of ``size`` articles (``COMPACT_CACHE`` unless told)."""

    def __init__(
        self, records: Records, store: Scratch, name: str, part, ready, size: int | None = None
    ):
        self.records, self.store, self.part, self.ready = records, store, part, ready
        self.size = COMPACT_CACHE if size is None else size
        self._cache: OrderedDict[int, Any] = OrderedDict()
        store.script(f"CREATE TABLE {name} (article_id INTEGER PRIMARY KEY, data BLOB)")
        self._read = f"SELECT data FROM {name} WHERE article_id = ?"
        self._write = f"INSERT INTO {name} VALUES (?, ?)"

    def get(self, article_id: int) -> Any:
        found = self._cache.get(article_id)
        if found is not None:
            self._cache.move_to_end(article_id)
            return found
        blob = self.store.value(self._read, (article_id,), flush=False)
        if blob is None:
            data = self.part(self.records.get(article_id, keep=False))
            self.store.db.execute(self._write, (article_id, marshal.dumps(data)))
        else:
            data = marshal.loads(blob)
        found = self._cache[article_id] = self.ready(data)
        if len(self._cache) > self.size:
            self._cache.popitem(last=False)
        return found
