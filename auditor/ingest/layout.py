"""Settle the paragraph layout of a view: which newlines end a paragraph.

Format readers (plain, Markdown, HTML) blank the markup and hand over a :class:`Draft`.
This module then decides, with the same rules for every format:

* single newlines inside a block of lines ("soft" newlines): a hard-wrapped line that
  runs on becomes a space, a line that is its own paragraph keeps its newline;
* paragraph breaks in the middle of a sentence ("... said Dr." / "Elena Petrova, ...")
  are joined and recorded, so the NLP never sees a sentence cut in two.

Only whitespace is ever written, so the view stays a character-for-character overlay of
the source.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass, field

from auditor.text import (
    OPENERS,
    ends_sentence,
    ends_with_run_on_word,
    ends_with_title_abbreviation,
    first_word,
    is_title_case,
    looks_like_headline,
    paragraph_spans,
    starts_list_item,
    starts_lowercase,
    strip_closers,
)

#: Line ends that are not "\n": blanked so that only "\n" separates paragraphs.
_OTHER_BREAKS = str.maketrans(dict.fromkeys("\r\v\f\x1c\x1d\x1e\x85\u2028\u2029", " "))

#: Lines longer than this are not hard-wrapped (people wrap at 60-100 columns).
_MAX_WRAP_WIDTH = 120
#: A line of at most this many words with no final punctuation, on its own line among
#: unwrapped lines, is a headline, dateline or label rather than a broken sentence.
_SHORT_LINE_WORDS = 12

PROSE = "paragraph"


@dataclass(frozen=True)
class Block:
    """A stretch of revealed text and what kind of block it came from.

    ``kind`` is "paragraph" for running prose, or "heading", "item", "cell"...; paragraph
    breaks are only repaired between two prose blocks with the same ``container`` (so
    never across list items, table cells or out of a block quote).
    """

    start: int
    end: int
    kind: str = PROSE
    container: object = None


@dataclass
class Draft:
    """A format reader's output: the view under construction and its structure."""

    chars: list[str]
    blocks: list[Block] = field(default_factory=list)
    #: (start, end, newline offsets) of each block whose single newlines may be soft.
    soft_groups: list[tuple[int, int, list[int]]] = field(default_factory=list)
    title: str | None = None


def settle(draft: Draft) -> tuple[str, list[int]]:
    """Apply the layout rules to ``draft``; return the view and the repaired breaks."""
    chars = list("".join(draft.chars).translate(_OTHER_BREAKS))
    for start, end, newlines in draft.soft_groups:
        _settle_soft_newlines(chars, start, end, newlines)
    repaired = _repair_breaks(chars, draft.blocks)
    return "".join(chars), repaired


def plain_groups(
    view: str, start: int = 0, end: int | None = None
) -> list[tuple[int, int, list[int]]]:
    """Soft-newline groups of plain text: the blank-line separated blocks of ``view``."""
    end = len(view) if end is None else end
    groups: list[tuple[int, int, list[int]]] = []
    lines: list[tuple[int, int]] = []  # the non-blank lines of the current block
    pos = start
    while True:
        nl = view.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        if view[pos:line_end].strip():
            lines.append((pos, line_end))
        elif lines:
            groups.append(_group(lines))
            lines = []
        if nl < 0:
            break
        pos = nl + 1
    if lines:
        groups.append(_group(lines))
    return groups


def _group(lines: list[tuple[int, int]]) -> tuple[int, int, list[int]]:
    # Consecutive lines: each line's end is the newline before the next one.
    return lines[0][0], lines[-1][1], [line_end for _, line_end in lines[:-1]]


def _line_bounds(start: int, end: int, newlines: list[int]) -> list[tuple[int, int]]:
    starts = [start] + [n + 1 for n in newlines]
    ends = newlines + [end]
    return list(zip(starts, ends, strict=True))


def _settle_soft_newlines(chars: list[str], start: int, end: int, newlines: list[int]) -> None:
    if not newlines:
        return
    raw = ["".join(chars[a:b]).rstrip() for a, b in _line_bounds(start, end, newlines)]
    lines = [r.strip() for r in raw]
    widths = [len(r) for r in raw]
    width = max(widths)
    pairs = range(len(newlines))
    # A wrapped line is "full": the next line's first word would not have fitted on it.
    full = [widths[i] + 1 + len(first_word(lines[i + 1])) > width for i in pairs]
    # In wrapped prose most lines end mid-sentence; one paragraph per line, they do not.
    running = [not ends_sentence(lines[i]) or starts_lowercase(lines[i + 1]) for i in pairs]
    half = max(1, math.ceil(len(newlines) / 2))
    wrapped = width <= _MAX_WRAP_WIDTH and sum(full) >= half and sum(running) >= half
    for i, nl in enumerate(newlines):
        if _joins(lines[i], lines[i + 1], wrapped=wrapped, full=full[i]):
            chars[nl] = " "


def _joins(before: str, after: str, *, wrapped: bool, full: bool) -> bool:
    """Whether the newline between lines ``before`` and ``after`` is a soft wrap."""
    if not before or not after or starts_list_item(after):
        return False
    if starts_lowercase(after):
        return True
    if ends_sentence(before) or before.endswith(":") or before[-1] in '"\u201d\u00bb':
        # A sentence ended here; only a hard-wrapped paragraph carries on after it.
        return wrapped and full
    if is_title_case(before) and looks_like_headline(before):
        return False
    if not wrapped and after[0] in OPENERS:
        # One paragraph per line: a line opening a quotation starts a new paragraph.
        return False
    if (
        not wrapped
        and len(before.split()) <= _SHORT_LINE_WORDS
        and looks_like_headline(before)
        and not ends_with_run_on_word(before)
    ):
        return False
    return True


def _block_at(blocks: list[Block], starts: list[int], offset: int) -> Block | None:
    i = bisect_right(starts, offset) - 1
    if i >= 0 and blocks[i].start <= offset < blocks[i].end:
        return blocks[i]
    return None


def _repair_breaks(chars: list[str], blocks: list[Block]) -> list[int]:
    """Join paragraph breaks that fall inside a sentence; return their offsets."""
    view = "".join(chars)
    paragraphs = paragraph_spans(view)
    blocks = sorted(blocks, key=lambda b: b.start)
    starts = [b.start for b in blocks]
    repaired = []
    for (p_start, p_end), (n_start, n_end) in zip(paragraphs, paragraphs[1:], strict=False):
        before = _block_at(blocks, starts, p_end - 1)
        after = _block_at(blocks, starts, n_start)
        if before is None or after is None:
            continue
        if before.kind != PROSE or after.kind != PROSE or before.container != after.container:
            continue
        if not mid_sentence_break(view[p_start:p_end], view[n_start:n_end]):
            continue
        gap = [i for i in range(p_end, n_start) if chars[i] == "\n"]
        for i in gap:
            chars[i] = " "
        if gap:
            repaired.append(gap[0])
    return repaired


def mid_sentence_break(before: str, after: str) -> bool:
    """Whether a paragraph ``before`` and the next one ``after`` are one broken sentence.

    True when ``before`` ends in a title abbreviation and ``after`` starts with a
    capitalised word ("said Dr." / "Elena Petrova"), when ``before`` ends in a comma, or
    when ``before`` has no final punctuation and ``after`` starts in lower case. A headline
    followed by a capitalised paragraph is not a broken sentence.
    """
    before, after = before.strip(), after.strip()
    if not before or not after or starts_list_item(after):
        return False
    if ends_with_title_abbreviation(before) and after[0].isupper():
        return True
    if strip_closers(before).endswith(","):
        return True
    return not ends_sentence(before) and starts_lowercase(after)
