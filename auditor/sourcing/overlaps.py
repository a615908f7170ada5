"""Which of many spans overlap a range, without looking at every span.

A long article holds tens of thousands of quotes and attributions; asking "which
attributions overlap this quote?" by scanning them all makes every stage after the NLP
quadratic. :class:`SpanIndex` sorts the spans by start and keeps a tree of the largest end
under each node, so one query costs O(log n) plus the spans it finds.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence


class SpanIndex:
    """An index of ``(start, end)`` spans for overlap queries.

    A span overlaps ``[start, end)`` when ``span_start < end and span_end > start`` (the
    test the stages have always made; an empty span overlaps a range strictly around it).
    """

    def __init__(self, spans: Sequence[tuple[int, int]]):
        self._order = sorted(range(len(spans)), key=lambda i: spans[i][0])
        self._starts = [spans[i][0] for i in self._order]
        size = 1
        while size < len(spans):
            size *= 2
        self._size = size
        # _tree[size + p] is the end of the p-th span by start; an inner node holds the
        # largest end below it, so a subtree with no end past ``start`` is skipped whole.
        tree = [float("-inf")] * (2 * size)
        for position, i in enumerate(self._order):
            tree[size + position] = spans[i][1]
        for node in range(size - 1, 0, -1):
            tree[node] = max(tree[2 * node], tree[2 * node + 1])
        self._tree = tree

    def __len__(self) -> int:
        return len(self._order)

    def overlapping(self, start: int, end: int) -> list[int]:
        """Positions (in the list given) of the spans overlapping ``[start, end)``,
        ascending."""
        limit = bisect_left(self._starts, end)  # spans [0, limit) by start begin before end
        found: list[int] = []
        if limit == 0:
            return found
        tree, size = self._tree, self._size
        stack = [(1, 0, size)]  # node, first and past-last leaf position it covers
        while stack:
            node, lo, hi = stack.pop()
            if lo >= limit or tree[node] <= start:
                continue
            if node >= size:
                found.append(self._order[lo])
                continue
            middle = (lo + hi) // 2
            stack.append((2 * node + 1, middle, hi))
            stack.append((2 * node, lo, middle))
        found.sort()
        return found

    def any_overlapping(self, start: int, end: int) -> bool:
        """Whether any span overlaps ``[start, end)``."""
        limit = bisect_left(self._starts, end)
        if limit == 0:
            return False
        # The largest end among the first ``limit`` spans by start, from O(log n) nodes.
        tree, size = self._tree, self._size
        best = float("-inf")
        lo, hi = size, size + limit
        while lo < hi:
            if lo & 1:
                best = max(best, tree[lo])
                lo += 1
            if hi & 1:
                hi -= 1
                best = max(best, tree[hi])
            lo //= 2
            hi //= 2
        return best > start
