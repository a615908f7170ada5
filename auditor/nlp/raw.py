"""Plain records the attribution passes share: one found attribution, and an index of
quotations by character offset.

The record the components hand each other on ``doc._.auditor_attributions`` is declared
here, whole: :class:`RawAttribution` is what the attribution passes find, and
:class:`AttributionRecord` is its plain form on the doc, with the keys the later
components (``auditor_speakers``, ``auditor_sourcing``) fill in (:data:`RESOLVED_FIELDS`).
Every component that reads or writes the record types it as :class:`AttributionRecord`;
``tests/test_attribution_record.py`` checks that no key outside it is written.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from typing import Generic, TypedDict, TypeVar

from spacy.tokens import Token

T = TypeVar("T")


@dataclass
class RawAttribution:
    """One attribution as the component stores it (plain values only)."""

    kind: str
    content: tuple[int, int]
    cue: tuple[int, int] | None = None
    source: tuple[int, int] | None = None
    #: character offset of the token that heads the source (for speaker resolution).
    source_head: int | None = None
    #: offset of the cue verb's token, used to avoid claiming one cue twice.
    cue_head: int | None = None
    quote_ids: list[int] = field(default_factory=list)
    inherited_from: int | None = None
    #: an outlet or person the claim was passed on by ("..., according to Interfax").
    via: tuple[int, int] | None = None
    #: found inside an excerpt pasted in an unclosed quotation, so it may sit inside the
    #: attribution of the excerpt as a whole.
    in_excerpt: bool = False
    #: the speaker's own words inside ``content`` as ``(start, end)`` ranges, for a pass
    #: that knows them; None (the usual case) leaves them to be computed from the extent,
    #: its frames and its quotations (:func:`auditor.nlp.parts.content_parts`) once the
    #: passes are done.
    parts: list[tuple[int, int]] | None = None

    def to_dict(self) -> AttributionRecord:
        """The record as msgpack-safe values (tuples become lists), with every field the
        later passes fill in (:data:`RESOLVED_FIELDS`) present at its default, so no pass
        meets a record another pass has not reached yet without its keys."""
        data = {name: getattr(self, name) for name in _FIELD_NAMES}
        for key in ("content", "cue", "source", "via"):
            if data[key] is not None:
                start, end = data[key]
                if not 0 <= start <= end:
                    raise ValueError(f"{self.kind} attribution with a bad {key}: {start}-{end}")
                data[key] = [start, end]
        data["quote_ids"] = list(self.quote_ids)
        if self.parts is not None:
            data["parts"] = [_checked_part(self, part) for part in self.parts]
        data.update(RESOLVED_FIELDS)
        return data  # type: ignore[return-value]


def _checked_part(record: RawAttribution, part: tuple[int, int]) -> list[int]:
    start, end = part
    if not record.content[0] <= start <= end <= record.content[1]:
        raise ValueError(f"{record.kind} attribution with a part outside its content: {part}")
    return [start, end]


_FIELD_NAMES = tuple(f.name for f in fields(RawAttribution))


class AttributionRecord(TypedDict):
    """One attribution on ``doc._.auditor_attributions``: msgpack-safe values only.

    Every key is present from the attribution component on (later ones at the defaults in
    :data:`RESOLVED_FIELDS`); spans are ``[start, end]`` character offsets.

    >>> doc = nlp('"We will rebuild," Mayor Ana Ruiz said.')
    >>> record: AttributionRecord = doc._.auditor_attributions[0]
    >>> record["kind"], record["speaker_name"], record["source_type"]
    ('direct', 'Ana Ruiz', 'named_person')
    """

    # -- set by the attribution passes (``auditor_attributions``; see RawAttribution)
    kind: str
    content: list[int]
    cue: list[int] | None
    source: list[int] | None
    source_head: int | None
    cue_head: int | None
    quote_ids: list[int]
    inherited_from: int | None
    via: list[int] | None
    in_excerpt: bool
    parts: list[list[int]] | None
    # -- set by ``auditor_speakers``: the speaker cluster's id, the speaker's name and
    # description, and for "they" the offset of the head of the group it refers back to
    speaker: str | None
    speaker_name: str | None
    speaker_description: str | None
    antecedent_head: int | None
    # -- set by ``auditor_sourcing``: the source type (design.md's taxonomy)
    source_type: str


#: Keys of an attribution record set after the attribution passes, with their defaults:
#: ``auditor_speakers`` sets the speaker cluster id, name, description and the head of the
#: group a "they" refers back to; ``auditor_sourcing`` sets the source type.
RESOLVED_FIELDS: dict[str, object] = {
    "speaker": None,
    "speaker_name": None,
    "speaker_description": None,
    "antecedent_head": None,
    "source_type": "unknown",
}


class QuoteIndex:
    """Which quotation, if any, a character offset falls in (``text`` is the document's
    text, kept here so passes need not rebuild it from the tokens)."""

    def __init__(self, quotes: list[dict], text: str = ""):
        self.quotes = quotes
        self.text = text
        self.starts = [q["start"] for q in quotes]

    def quote_at(self, offset: int) -> int | None:
        """The id of the quotation holding character ``offset``, or None."""
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and self.quotes[i]["start"] <= offset < self.quotes[i]["end"]:
            return i
        return None

    def inside(self, token: Token) -> int | None:
        """The id of the quotation ``token`` starts in, or None."""
        return self.quote_at(token.idx)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two character ranges share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


class OverlapIndex(Generic[T]):
    """Character ranges, each with an item, that answer "which ranges overlap this one"
    (as :func:`overlaps` says) without a scan of them all.

    Ranges are kept sorted by start with the running maximum of their ends, so a query
    bisects to the last range starting before its end and walks back only while some
    earlier range still reaches past its start. Adding ranges in order of start (as the
    passes do) is constant time.
    """

    def __init__(self, ranges: Iterable[tuple[tuple[int, int], T]] = ()) -> None:
        entries = sorted(ranges, key=lambda entry: entry[0][0])
        self._starts = [bounds[0] for bounds, _ in entries]
        self._ends = [bounds[1] for bounds, _ in entries]
        self._items = [item for _, item in entries]
        self._reach: list[int] = []  # max end of ranges [0, i]
        self._recompute_reach(0)

    def __len__(self) -> int:
        return len(self._starts)

    def items(self) -> list[T]:
        """The items, by start of their ranges (in order of addition among equal starts)."""
        return list(self._items)

    def add(self, bounds: tuple[int, int], item: T) -> None:
        """Add the range ``bounds`` holding ``item``."""
        start, end = bounds
        i = bisect.bisect_right(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)
        self._items.insert(i, item)
        if i == len(self._reach):
            self._reach.append(max(end, self._reach[-1]) if self._reach else end)
        else:
            self._recompute_reach(i)

    def any_overlap(self, bounds: tuple[int, int]) -> bool:
        """Whether some range overlaps ``bounds``."""
        i = bisect.bisect_left(self._starts, bounds[1])
        return i > 0 and self._reach[i - 1] > bounds[0]

    def overlapping(self, bounds: tuple[int, int]) -> Iterator[T]:
        """The items of the ranges that overlap ``bounds``, latest start first."""
        start, end = bounds
        i = bisect.bisect_left(self._starts, end) - 1
        while i >= 0 and self._reach[i] > start:
            if self._ends[i] > start:
                yield self._items[i]
            i -= 1

    def _recompute_reach(self, i: int) -> None:
        del self._reach[i:]
        reach = self._reach[-1] if self._reach else None
        for end in self._ends[i:]:
            reach = end if reach is None else max(reach, end)
            self._reach.append(reach)


class ChosenRanges(Generic[T]):
    """A subset, growing in any order, of ranges known in advance, that answers "which
    chosen ranges overlap this one" in time logarithmic per range reported.

    The known ranges take fixed slots by start; a segment tree holds the largest end
    chosen under each node, so a query descends only where some chosen range starts
    before its end and ends after its start.
    """

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        self._starts = sorted(bounds[0] for bounds in ranges)
        self._size = 1
        while self._size < max(1, len(self._starts)):
            self._size *= 2
        self._slot_end: list[int | None] = [None] * self._size
        self._slot_item: list[T | None] = [None] * self._size
        self._chosen: list[T] = []
        self._tree = [-1] * (2 * self._size)  # ends are >= 0; -1 means nothing chosen

    def add(self, bounds: tuple[int, int], item: T) -> None:
        """Choose ``bounds`` (one of the known ranges) with ``item``."""
        slot = bisect.bisect_left(self._starts, bounds[0])
        while self._slot_end[slot] is not None:  # ranges sharing a start take the next
            slot += 1
        self._slot_end[slot], self._slot_item[slot] = bounds[1], item
        self._chosen.append(item)
        node = slot + self._size
        while node and self._tree[node] < bounds[1]:
            self._tree[node] = bounds[1]
            node //= 2

    def items(self) -> list[T]:
        """The chosen items in the order they were added."""
        return list(self._chosen)

    def overlapping(self, bounds: tuple[int, int]) -> Iterator[T]:
        """The chosen items whose ranges overlap ``bounds`` (as :func:`overlaps` says)."""
        start, end = bounds
        limit = bisect.bisect_left(self._starts, end)  # slots [0, limit) start before end
        stack = [(1, 0, self._size)]
        while stack:
            node, lo, hi = stack.pop()
            if lo >= limit or self._tree[node] <= start:
                continue
            if hi - lo == 1:
                yield self._slot_item[lo]  # type: ignore[misc]
                continue
            mid = (lo + hi) // 2
            stack.append((2 * node + 1, mid, hi))
            stack.append((2 * node, lo, mid))
