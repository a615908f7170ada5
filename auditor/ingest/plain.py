"""Plain text: every character is prose; only the layout rules apply."""

from __future__ import annotations

from auditor.ingest.layout import Block, Draft, plain_groups
from auditor.text import looks_like_headline

#: How many leading lines may form a masthead ("Paper Name" / "Section" / headline).
_MASTHEAD_LINES = 4


def read_plain(source: str) -> Draft:
    """A draft of plain text: blank-line blocks are paragraphs, single newlines may wrap."""
    groups = plain_groups(source)
    blocks = [Block(start, end) for start, end, _ in groups]
    return Draft(list(source), blocks, groups, guess_title(source))


def guess_title(source: str) -> str | None:
    """The headline of plain text, if its first lines look like one.

    Scraped articles often start with a masthead ("City Chronicle", "National News")
    before the headline, so among the leading headline-like lines the longest is taken.
    """
    candidates = []
    for line in source.splitlines():
        line = line.strip()
        if not line:
            continue
        if not looks_like_headline(line) or len(candidates) == _MASTHEAD_LINES:
            break
        candidates.append(line)
    if not candidates:
        return None
    return max(candidates, key=lambda c: len(c.split()))
