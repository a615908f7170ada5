"""Pure helpers on an article's view (see ``auditor.ingest``)."""

from __future__ import annotations

import re

_LINE = re.compile(r"[^\n]+")


def paragraph_spans(view: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph: every "\\n" ends one; whitespace trimmed."""
    spans = []
    for m in _LINE.finditer(view):
        seg = m.group()
        stripped = seg.strip()
        if stripped:
            start = m.start() + (len(seg) - len(seg.lstrip()))
            spans.append((start, start + len(stripped)))
    return spans
