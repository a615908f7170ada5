"""Short pieces of the article shown next to findings and attributions.

An editor reads a report without the article beside it, so every finding quotes the
sentence it is about. Offsets come from the JSON contract (``text[start:end]``); these
helpers only ever slice ``result.text`` and never trust a span's stored ``text``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from auditor.model import AuditResult

#: Longest excerpt shown, in characters, before it is cut with an ellipsis.
EXCERPT_LIMIT = 220
ELLIPSIS = "…"

# A sentence ends at . ! ? (optionally followed by closing quotes or brackets) and space,
# or at a blank line. Only used when the NLP stage gave no sentence boundaries.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s+|\n\s*\n")


@dataclass(frozen=True)
class Excerpt:
    """A sentence cut into the part before the focus, the focus and the part after.

    ``cut_before`` / ``cut_after`` say whether text was left out at either end.
    """

    before: str
    focus: str
    after: str
    cut_before: bool = False
    cut_after: bool = False
    #: the focus is nothing but whitespace with a line break in it (e.g. a stray paragraph
    #: break); ``focus`` is then empty and the break sits between ``before`` and ``after``.
    focus_break: bool = False

    @property
    def plain(self) -> str:
        """The excerpt as one string, with ellipses where text was left out."""
        return (
            (ELLIPSIS if self.cut_before else "")
            + self.before
            + self.focus
            + self.after
            + (ELLIPSIS if self.cut_after else "")
        )


def clamp(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``/``end`` forced inside ``text`` and in order (bad offsets never crash)."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    return start, end


def sentence_bounds(result: AuditResult, start: int, end: int) -> tuple[int, int]:
    """The sentence(s) covering ``start``-``end``: from the analysis, else by punctuation."""
    text = result.text
    start, end = clamp(text, start, end)
    sentences = result.analysis.sentences if result.analysis else []
    if sentences:
        # Bisect on the sentence starts in place: a list of them per call would cost
        # O(sentences) for every finding.
        i = max(0, bisect.bisect_right(sentences, start, key=_first) - 1)
        j = max(i, bisect.bisect_left(sentences, max(start, end - 1) + 1, key=_first) - 1)
        s_start, s_end = sentences[i][0], sentences[j][1]
        if s_start <= start and end <= s_end:
            return clamp(text, s_start, s_end)
    return _guess_sentence(text, start, end)


def _first(pair: tuple[int, int]) -> int:
    return pair[0]


def _guess_sentence(text: str, start: int, end: int) -> tuple[int, int]:
    s_start = 0
    for match in _SENTENCE_END.finditer(text, 0, start):
        s_start = match.end()
    found = _SENTENCE_END.search(text, max(end, start + 1) if end > start else end)
    s_end = found.start() + len(found.group(0).rstrip()) if found else len(text)
    if s_end < end:
        s_end = end
    return s_start, s_end


def excerpt(
    text: str,
    start: int,
    end: int,
    context_start: int | None = None,
    context_end: int | None = None,
    limit: int = EXCERPT_LIMIT,
) -> Excerpt:
    """``text[start:end]`` with its context (``context_start``-``context_end``), trimmed.

    Whitespace is collapsed; when the whole is longer than ``limit`` the context is cut
    first (keeping the focus centred), then the focus itself.
    """
    start, end = clamp(text, start, end)
    c_start, c_end = clamp(
        text,
        start if context_start is None else min(context_start, start),
        end if context_end is None else max(context_end, end),
    )
    before = _squash(text[c_start:start])
    raw_focus = text[start:end]
    focus = _squash(raw_focus)
    after = _squash(text[end:c_end])
    focus_break = bool(raw_focus) and not raw_focus.strip() and "\n" in raw_focus
    # Leading/trailing whitespace of the whole excerpt is noise.
    if not focus.strip():
        # A whitespace focus: keep one space between the two sides, or the break marker.
        joined_space = " " if (focus or before.endswith(" ") or after.startswith(" ")) else ""
        before, after = before.strip(), after.strip()
        focus = "" if focus_break else joined_space if before and after else ""
    else:
        before = before.lstrip()
        after = after.rstrip()
        if not before:
            focus = focus.lstrip()
        if not after:
            focus = focus.rstrip()
    cut_before = cut_after = False
    if len(focus) > limit:
        # The focus alone is too long: show its beginning, which is what the offsets point at.
        return Excerpt("", _cut_right(focus, limit - 1).rstrip(), "", bool(before), True)
    room = limit - len(focus)
    if len(before) + len(after) > room:
        keep_before = min(len(before), max(room // 2, room - len(after)))
        keep_after = min(len(after), room - keep_before)
        if keep_before < len(before):
            before = _cut_left(before, keep_before)
            cut_before = True
        if keep_after < len(after):
            after = _cut_right(after, keep_after)
            cut_after = True
    return Excerpt(before, focus, after, cut_before, cut_after, focus_break)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _cut_left(text: str, keep: int) -> str:
    """The last ``keep`` characters of ``text``, starting at a word boundary if possible."""
    if keep <= 0:
        return ""
    tail = text[-keep:]
    space = tail.find(" ")
    if 0 <= space < keep // 2:
        tail = tail[space + 1 :]
    return tail


def _cut_right(text: str, keep: int) -> str:
    """The first ``keep`` characters of ``text``, ending at a word boundary if possible."""
    if keep <= 0:
        return ""
    head = text[:keep]
    space = head.rfind(" ")
    if space > keep // 2:
        head = head[:space]
    return head


def sentence_excerpt(result: AuditResult, start: int, end: int) -> Excerpt:
    """The sentence around ``start``-``end`` of ``result.text``, focus on that span."""
    s_start, s_end = sentence_bounds(result, start, end)
    return excerpt(result.text, start, end, s_start, s_end)


def short(text: str, limit: int = 120) -> str:
    """``text`` on one line, cut at a word boundary with an ellipsis when too long."""
    text = _squash(text).strip()
    if len(text) <= limit:
        return text
    return _cut_right(text, limit - 1).rstrip() + ELLIPSIS
