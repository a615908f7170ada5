"""Inline suppressions: ``<!-- auditor: ignore[ANON001,PROV003] reason text -->``.

An editor who has checked a passage can silence named rules (or whole families, "ANON")
for the next block of the article, or for the paragraph the comment sits in. Readers of
Markdown and HTML find the comments; this module parses them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The directive inside an HTML comment; the rule list may use commas and/or spaces.
_DIRECTIVE = re.compile(
    r"^\s*auditor\s*:\s*ignore\s*\[(?P<rules>[^\]]*)\]\s*(?P<reason>.*?)\s*$", re.DOTALL
)
#: Comments as they appear in Markdown or HTML source (closed or running to the end).
COMMENT = re.compile(r"<!--(?P<body>.*?)(?:--!?>|\Z)", re.DOTALL)


@dataclass
class Suppression:
    """One ``auditor: ignore[...]`` comment and the source range it silences.

    ``rules`` holds rule ids or family prefixes as written ("ANON001", "PROV");
    ``start``/``end`` are the comment's offsets in the source and ``line`` its 1-based
    line; ``applies_to`` is the source range covered: the next block (paragraph, heading,
    block quote, list...), or the paragraph the comment sits in.
    """

    rules: tuple[str, ...]
    reason: str
    start: int
    end: int
    line: int
    applies_to: tuple[int, int]


def parse_directive(body: str) -> tuple[tuple[str, ...], str] | None:
    """``(rules, reason)`` from a comment's inner text, or None when it is not ours."""
    m = _DIRECTIVE.match(body)
    if m is None:
        return None
    rules = tuple(r for r in re.split(r"[\s,]+", m.group("rules")) if r)
    reason = " ".join(m.group("reason").split())
    return rules, reason


def find_comments(source: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """``(start, end, body)`` of each HTML comment in ``source[start:end]``."""
    found = []
    for m in COMMENT.finditer(source, start, end):
        found.append((m.start(), m.end(), m.group("body")))
    return found


def make_suppression(
    source: str, start: int, end: int, body: str, applies_to: tuple[int, int]
) -> Suppression | None:
    """A :class:`Suppression` for the comment ``source[start:end]``, if it is a directive."""
    parsed = parse_directive(body)
    if parsed is None:
        return None
    rules, reason = parsed
    line = source.count("\n", 0, start) + 1
    return Suppression(rules, reason, start, end, line, applies_to)


def trim_range(source: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` narrowed to exclude surrounding whitespace."""
    while start < end and source[start].isspace():
        start += 1
    while end > start and source[end - 1].isspace():
        end -= 1
    return start, end
