"""HTML: reveal the text of the page, blank the tags, split paragraphs at block tags.

The standard library's tolerant ``html.parser`` reports where each piece of text, tag,
entity and comment starts. Text is revealed in place; an entity shows its character
followed by spaces ("&amp;" -> "&" + 4 spaces) so quotation marks written as entities
still pair up; block-level tags put a "\\n" where they start. Boilerplate containers
(script, style, head, nav, footer, aside, form...) stay blank.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from auditor.ingest.layout import PROSE, Block, Draft, plain_groups
from auditor.ingest.suppressions import Suppression, make_suppression, trim_range

#: Elements whose whole content is not article prose.
MASKED = frozenset(
    "script style noscript head nav footer aside form template svg select button".split()
)
#: Elements that start and end a block: their tags become paragraph breaks.
BLOCKS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li br blockquote tr section article header main ul ol dl dt "
    "dd table thead tbody tfoot caption pre hr figure figcaption address details summary "
    "body html title td th".split()
)
_KINDS = {
    **dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6"), "heading"),
    **dict.fromkeys(("li", "dt", "dd"), "item"),
    **dict.fromkeys(("td", "th", "caption", "figcaption"), "cell"),
}
#: Malformed declarations re-read as text, one by one, before giving up on them all.
_RETRIES = 20
_VOID = frozenset("br hr img input meta link area base col embed source track wbr".split())
#: Blocks that hold text directly: a comment inside one applies to it, not to the next.
_LEAVES = frozenset("p li h1 h2 h3 h4 h5 h6 blockquote td th dt dd pre caption figcaption".split())


class _Element:
    """An open block element and the comments that apply to it."""

    __slots__ = ("tag", "start", "end", "comments")

    def __init__(self, tag: str, start: int) -> None:
        self.tag = tag
        self.start = start
        self.end: int | None = None
        self.comments: list[list] = []


def read_html(source: str) -> tuple[Draft, list[tuple[int, int, str, tuple[int, int] | None]]]:
    """A draft of HTML ``source`` and its comments as ``(start, end, body, target)``.

    ``target`` is the source range of the element a comment applies to (the block it
    sits in, or the next one), None when there is none; :func:`html_suppressions` then
    falls back on the settled paragraphs.
    """
    text = source
    for attempt in range(_RETRIES + 1):
        reader = _HTMLReader(source)
        try:
            reader.feed(text)
            reader.close()
            break
        except AssertionError:
            # html.parser gives up on some malformed declarations ("<![", odd doctypes):
            # read the offending "<!" as text (same length, so offsets hold) and retry.
            at = text.find("<!", reader.position())
            if at < 0 or attempt == _RETRIES - 1:
                text = re.sub(r"<!(?!--)", " !", text)
            else:
                text = text[:at] + " " + text[at + 1 :]
    return reader.finish(), reader.comments


class _HTMLReader(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.chars = [" "] * len(source)
        self.line_starts = [0] + [i + 1 for i, c in enumerate(source) if c == "\n"]
        self.masked: list[str] = []  # open masked elements
        self.open: list[_Element] = []  # open block elements
        self.awaiting: list[list] = []  # comments waiting for the next block
        self.blocks: list[Block] = []
        self.breaks: list[int] = []
        self.data_newlines: list[int] = []
        self.comments: list[list] = []  # [start, end, body, target]
        self.title_parts: list[str] | None = None
        self.h1_parts: list[str] | None = None
        self.title: str | None = None
        self.h1: str | None = None

    def position(self) -> int:
        line, column = self.getpos()
        return min(self.line_starts[line - 1] + column, len(self.source))

    # -- tags ------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body" and "head" in self.masked:
            # A missing </head> must not hide the whole page.
            self.masked = [t for t in self.masked if t != "head"]
        if tag in MASKED:
            self.masked.append(tag)
        if tag == "title" and self.title is None:
            self.title_parts = []
        if tag == "h1" and self.h1 is None:
            self.h1_parts = []
        if tag in BLOCKS:
            at = self._break()
            if tag not in _VOID:
                if tag == "p" and self.open and self.open[-1].tag == "p":
                    self._close(self.open.pop(), at)  # <p> closes an open <p>
                element = _Element(tag, at)
                if not self.masked and tag not in ("html", "body", "title"):
                    element.comments, self.awaiting = self.awaiting, []
                self.open.append(element)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.masked:
            while self.masked and self.masked.pop() != tag:
                pass
        if tag == "title" and self.title_parts is not None:
            self.title = " ".join("".join(self.title_parts).split()) or None
            self.title_parts = None
        if tag == "h1" and self.h1_parts is not None:
            self.h1 = " ".join("".join(self.h1_parts).split()) or None
            self.h1_parts = None
        if tag in BLOCKS:
            at = self._break()
            close = self.source.find(">", at)
            end = close + 1 if close >= 0 else len(self.source)
            if any(e.tag == tag for e in self.open):
                while self.open:
                    element = self.open.pop()
                    self._close(element, end)
                    if element.tag == tag:
                        break

    def _close(self, element: _Element, end: int) -> None:
        element.end = end
        for comment in element.comments:
            comment[3] = (element.start, end)

    def _break(self) -> int:
        at = self.position()
        if at < len(self.source):
            self.chars[at] = "\n"
            self.breaks.append(at)
        return at

    # -- text ------------------------------------------------------------------------

    def _collect(self, text: str) -> None:
        for parts in (self.title_parts, self.h1_parts):
            if parts is not None:
                parts.append(text)

    def _kind(self) -> str:
        for element in reversed(self.open):
            if element.tag in _KINDS:
                return _KINDS[element.tag]
        return PROSE

    def handle_data(self, data: str) -> None:
        self._collect(data)
        if self.masked:
            return
        start = self.position()
        end = min(start + len(data), len(self.source))
        for i in range(start, end):
            c = self.source[i]
            if c == " " or not c.isspace():
                self.chars[i] = c
            elif c == "\n":
                self.data_newlines.append(i)
        if data.strip():
            self.blocks.append(Block(start, end, self._kind()))

    def _reference(self, raw_start: str, name: str) -> None:
        start = self.position()
        length = len(raw_start) + len(name)
        if self.source.startswith(";", start + length):
            length += 1
        raw = self.source[start : start + length]
        text = html.unescape(raw)
        self._collect(text)
        if self.masked:
            return
        if text == raw or len(text) > length:
            shown = raw
        else:
            shown = text.replace("\n", " ") + " " * (length - len(text))
        for k, ch in enumerate(shown):
            self.chars[start + k] = ch
        self.blocks.append(Block(start, start + length, self._kind()))

    def handle_entityref(self, name: str) -> None:
        self._reference("&", name)

    def handle_charref(self, name: str) -> None:
        self._reference("&#", name)

    def handle_comment(self, data: str) -> None:
        start = self.position()
        close = self.source.find(">", start + 4 + len(data))
        end = close + 1 if close >= 0 else len(self.source)
        comment = [start, end, data, None]
        self.comments.append(comment)
        if self.open and self.open[-1].tag in _LEAVES:
            self.open[-1].comments.append(comment)
        else:
            self.awaiting.append(comment)

    # -- result ----------------------------------------------------------------------

    def finish(self) -> Draft:
        while self.open:
            self._close(self.open.pop(), len(self.source))
        blocks = _merge(sorted(self.blocks, key=lambda b: b.start), self.chars)
        draft = Draft(self.chars, blocks, title=self.title or self.h1)
        if not self.breaks:
            # A fragment without block tags: its own newlines are its paragraphs, as in
            # plain text.
            for i in self.data_newlines:
                self.chars[i] = "\n"
            view = "".join(self.chars)
            draft.soft_groups = plain_groups(view)
            draft.blocks = [Block(s, e) for s, e, _ in draft.soft_groups]
        return draft


def _merge(blocks: list[Block], chars: list[str]) -> list[Block]:
    """Join neighbouring text pieces of the same kind not separated by a block break."""
    merged: list[Block] = []
    for block in blocks:
        if merged:
            last = merged[-1]
            if last.kind == block.kind and "\n" not in chars[last.end : block.start]:
                merged[-1] = Block(last.start, max(last.end, block.end), last.kind)
                continue
        merged.append(block)
    return merged


def html_suppressions(
    source: str,
    paragraphs: list[tuple[int, int]],
    comments: list[tuple[int, int, str, tuple[int, int] | None]],
) -> list[Suppression]:
    """Suppressions from ``comments``, each covering its target element.

    A comment with no target element (say, in a fragment without block tags) covers the
    paragraph it sits in or else the next one.
    """
    found = []
    for start, end, body, target in comments:
        if target is not None:
            applies = trim_range(source, *target)
        else:
            applies = (end, end)
            for p_start, p_end in paragraphs:
                if p_start < start < p_end or p_start >= end:
                    applies = (p_start, p_end)
                    break
        sup = make_suppression(source, start, end, body, applies)
        if sup is not None:
            found.append(sup)
    return found
