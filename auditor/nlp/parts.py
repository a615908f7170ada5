"""The speaker's own words inside an attribution's content: its *parts*.

A content's extent runs from its first to its last character and may take in the
attribution's own frame: ``"We will rebuild," said Ana Ruiz, the mayor. "It will take
years."`` is one content whose extent holds the cue and the source. Its parts are the
passages that are the speaker's words, each a ``(start, end)`` range of the text:

1. A content that opens with a quotation and is broken (between two of its
   quotations lies a frame or a sentence end) is a direct quote resumed after an
   interruption: its parts are the quotations that carry the speech. The quotation marks
   and the punctuation inside them belong to the part, as in the gold convention
   (``“We will rebuild,”``); whatever lies between two quotations (the cue, the source,
   an aside such as ``she said, sighing,``) is not the speaker's words, and neither is a
   quoted title or term set into that narration (``said on the show “Morning Call.”``):
   a later quotation resumes the speech only where it opens a sentence or follows
   punctuation, not straight after a word. A content that opens with a quotation and
   runs on unbroken (``“Fares will rise” for most riders, the report said``: a mixed
   quote) is one part.
2. Any other content (a reported clause, a mixed quote, an according-to claim) is the
   extent less the frames inside it (its cue, source and the outlet it came ``via``).
   A frame set off by commas or dashes inside the clause (``The delay, she told
   reporters on Monday, was ...``) is cut out up to the punctuation that closes it. The
   edges of a cut are trimmed of spaces and of the commas and dashes that set it off.
3. When nothing is left, or the content is unbroken, the extent is the one part.

Only plain values go in (offsets and the text), so every extraction pass gets parts
without knowing about them: :func:`auditor.analysis.analysis_from_doc` computes them
once, when the passes' records become :class:`~auditor.model.Attribution` objects.

    >>> text = '"We rebuild," said Ana. "It takes years."'
    >>> content_parts(text, (0, len(text)), [(13, 17), (18, 21)], [(0, 12), (24, 41)])
    [(0, 12), (24, 41)]
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

Range = tuple[int, int]

#: Punctuation that opens or closes a frame set into a clause ("X, she said, Y").
_SETS_OFF = ",;:\u2014\u2013-("
_CLOSES_OFF = ",;:\u2014\u2013-)"
#: Where a sentence ends: a parenthetical frame never reaches past it.
_SENTENCE_END = ".?!\n"


def content_parts(
    text: str,
    content: Range,
    frames: Iterable[Range | None] = (),
    quotes: Sequence[Range] = (),
) -> list[Range]:
    """The parts of the content ``content`` of ``text`` (see the module text).

    ``frames`` are the attribution's cue, source and via ranges (None for absent ones);
    ``quotes`` are the text's top-level quotations, marks included, sorted by start.
    Always returns at least one part, each within the extent, sorted and disjoint.
    """
    start, end = content
    if end <= start:
        return [(start, end)]
    frames = [f for f in frames if f is not None]
    quoted = _quoted_parts(text, content, quotes, frames)
    if quoted:
        return quoted
    cuts = _frame_cuts(text, content, frames)
    if not cuts:
        return [(start, end)]
    parts = []
    position = start
    for cut_start, cut_end in cuts:
        parts.append(_trim(text, position, cut_start, left=position != start, right=True))
        position = cut_end
    parts.append(_trim(text, position, end, left=True, right=False))
    kept = [p for p in parts if p[1] > p[0] and _has_words(text[p[0] : p[1]])]
    return kept or [(start, end)]


def _quoted_parts(
    text: str, content: Range, quotes: Sequence[Range], frames: list[Range]
) -> list[Range]:
    """Rule 1: the speech-carrying quotations of a broken content that opens with one;
    [] for any other content."""
    start, end = content
    first = start
    while first < end and text[first].isspace():
        first += 1
    i = bisect.bisect_left(quotes, (first, -1))  # no list of starts: O(log n) a content
    if i == len(quotes) or quotes[i][0] != first:
        return []
    inside: list[Range] = []
    for k in range(i, len(quotes)):
        q_start, q_end = quotes[k]
        if q_start >= end:
            break
        if inside and q_start < inside[-1][1]:
            continue  # nested inside the previous quotation
        inside.append((q_start, min(q_end, end)))
    gaps = [(a[1], b[0]) for a, b in zip(inside, inside[1:], strict=False)]
    if not any(_breaks(text, gap, frames) for gap in gaps):
        return []
    parts = [inside[0]]
    for q_start, q_end in inside[1:]:
        if not text[parts[-1][1] : q_start].strip():
            # Only white space between (a quotation resumed in the next paragraph): one
            # passage, as a gold content annotated around the break is.
            parts[-1] = (parts[-1][0], q_end)
        elif _resumes(text, start, q_start):
            parts.append((q_start, q_end))
    return parts


def _breaks(text: str, gap: Range, frames: list[Range]) -> bool:
    """Whether the stretch between two quotations interrupts the speech: it holds a frame
    or a sentence end."""
    if any(s < gap[1] and e > gap[0] for s, e in frames):
        return True
    between = text[gap[0] : gap[1]]
    return any(mark in between for mark in (". ", "? ", "! ", ".\n", "?\n", "!\n"))


def _resumes(text: str, start: int, at: int) -> bool:
    """Whether a quotation opening at ``at`` resumes the speech: it follows punctuation
    or a line break, not a word of the narration around it."""
    before = text[start:at].rstrip(" \t")
    return not before or not before[-1].isalnum()


def _frame_cuts(text: str, content: Range, frames: list[Range]) -> list[Range]:
    """Rule 2: the stretches of the extent to cut out, merged and sorted."""
    start, end = content
    inside = sorted((max(s, start), min(e, end)) for s, e in frames if s < end and e > start)
    merged: list[list[int]] = []
    for s, e in inside:
        if merged and not _has_words(text[merged[-1][1] : s]):
            # Only spaces or commas between ("Ana Ruiz, the mayor" + "said"): one frame.
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [_parenthetical(text, content, (s, e)) for s, e in merged]


def _parenthetical(text: str, content: Range, frame: Range) -> Range:
    """``frame`` widened to the end of the parenthetical it starts, when it is set into
    the clause by a comma or dash ("The delay, she told reporters, was")."""
    start, end = content
    s, e = frame
    before = text[start:s].rstrip()
    if not before or before[-1] not in _SETS_OFF:
        return frame
    for i in range(e, end):
        char = text[i]
        if char in _CLOSES_OFF:
            return (s, i + 1)
        if char in _SENTENCE_END:
            break
    return frame


def _trim(text: str, start: int, end: int, *, left: bool, right: bool) -> Range:
    """The range ``start``-``end`` less spaces, and the punctuation that set a cut off,
    at the sides next to a cut (``left``/``right``); the extent's own edges are kept."""
    strip = " \t\r\n" + _SETS_OFF + _CLOSES_OFF
    if left:
        while start < end and text[start] in strip:
            start += 1
    if right:
        while end > start and text[end - 1] in strip:
            end -= 1
    return (start, end)


def _has_words(value: str) -> bool:
    return any(char.isalnum() for char in value)
