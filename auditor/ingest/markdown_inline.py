"""Markdown inline content: reveal the words of a paragraph, blank its markup.

:class:`InlineWalker` follows markdown-it-py's inline tokens along the paragraph's source
text and reveals text, escapes and entities while emphasis markers, link destinations,
images, inline code and inline HTML stay blank; :mod:`auditor.ingest.markdown` reads the
blocks around it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported with the Markdown parser, only when a Markdown file is read
    from markdown_it.token import Token

_SPACES = " \t"


class InlineWalker:
    """Walk an inline token's children along its content, revealing prose in the view.

    ``chars`` is the view being built (blank until revealed), ``source`` the Markdown text,
    ``content`` the inline token's content and ``cmap`` the source offset of each of its
    characters. In ``He said *no*.`` the walk reveals ``He said``, ``no`` and ``.`` and
    leaves the two ``*`` blank.
    """

    def __init__(self, chars: list[str], source: str, content: str, cmap: list[int | None]) -> None:
        self.chars = chars
        self.source = source
        self.content = content
        self.cmap = cmap
        self.pos = 0
        self.breaks: list[int] = []  # source offsets of soft/hard line breaks kept
        self.html: list[tuple[int, int]] = []  # source ranges of inline HTML
        self.parts: list[str] = []  # plain text, for titles
        self.skip_depth = 0  # inside an autolink: its text is the URL, masked

    # -- helpers ---------------------------------------------------------------------

    def _find(self, needle: str) -> int:
        """Where ``needle`` starts at the cursor (after spaces), else further on, else -1."""
        if not needle:
            return -1
        c, j = self.content, self.pos
        while j < len(c) and c[j] in _SPACES:
            j += 1
        if c.startswith(needle, j):
            return j
        return c.find(needle, self.pos)

    def _reveal(self, start: int, end: int) -> None:
        chars, source = self.chars, self.source
        for i in range(start, end):
            src = self.cmap[i]
            if src is not None and source[src] != "\n":
                chars[src] = source[src]

    def _put(self, index: int, text: str, length: int) -> None:
        """Show ``text`` (a decoded entity) over ``length`` source characters."""
        srcs = self.cmap[index : index + length]
        if len(text) > length or None in srcs or srcs != list(range(srcs[0], srcs[0] + length)):
            return
        for k, ch in enumerate(text):
            self.chars[srcs[0] + k] = " " if ch == "\n" else ch

    def _blank(self, start: int, end: int) -> None:
        for i in range(start, end):
            src = self.cmap[i]
            if src is not None:
                self.chars[src] = " "

    def plain_text(self) -> str:
        return " ".join("".join(self.parts).split())

    # -- the walk ---------------------------------------------------------------------

    def walk(self, children: list[Token]) -> None:
        for child in children:
            handler = getattr(self, "_on_" + child.type, None)
            if handler is not None:
                handler(child)
            elif child.markup:
                # Other paired markers (strikethrough, plugins): skip their markup.
                at = self._find(child.markup)
                if at >= 0:
                    self.pos = at + len(child.markup)

    def _on_text(self, token: Token) -> None:
        at = self._find(token.content)
        if at < 0:
            return
        end = at + len(token.content)
        if not self.skip_depth:
            self._reveal(at, end)
            self.parts.append(token.content)
        self.pos = end

    def _on_text_special(self, token: Token) -> None:
        at = self._find(token.markup)
        if at < 0:
            return
        end = at + len(token.markup)
        if not self.skip_depth:
            if token.info == "escape":
                self._reveal(at + 1, end)  # the backslash is markup
            else:
                self._put(at, token.content, len(token.markup))
            self.parts.append(token.content)
        self.pos = end

    def _on_softbreak(self, token: Token) -> None:
        at = self.content.find("\n", self.pos)
        if at < 0:
            return
        src = self.cmap[at]
        if src is not None:
            self.breaks.append(src)
        self.parts.append(" ")
        self.pos = at + 1

    _on_hardbreak = _on_softbreak

    def _on_code_inline(self, token: Token) -> None:
        ticks = token.markup or "`"
        at = self._find(ticks)
        if at < 0:
            return
        close = _closing_backticks(self.content, at + len(ticks), ticks)
        end = close + len(ticks) if close >= 0 else at + len(ticks)
        self._blank(at, end)
        self.parts.append(token.content)
        self.pos = end

    def _on_html_inline(self, token: Token) -> None:
        at = self._find(token.content)
        if at < 0:
            return
        end = at + len(token.content)
        self._blank(at, end)
        srcs = [s for s in self.cmap[at:end] if s is not None]
        if srcs:
            self.html.append((srcs[0], srcs[-1] + 1))
        self.pos = end

    def _on_link_open(self, token: Token) -> None:
        if token.markup == "autolink" or token.info == "auto":
            at = self._find("<")
            if at >= 0:
                close = self.content.find(">", at)
                self.pos = close + 1 if close >= 0 else at + 1
            self.skip_depth += 1
            return
        at = self._find("[")
        if at >= 0:
            self.pos = at + 1

    def _on_link_close(self, token: Token) -> None:
        if self.skip_depth:
            self.skip_depth -= 1
            return
        at = self._find("]")
        if at < 0:
            return
        end = _link_tail_end(self.content, at + 1)
        self._blank(at, end)
        self.pos = end

    def _on_image(self, token: Token) -> None:
        at = self._find("![")
        if at < 0:
            return
        close = _closing_bracket(self.content, at + 2)
        end = _link_tail_end(self.content, close + 1) if close >= 0 else at + 2
        self._blank(at, end)
        self.pos = end


def _closing_backticks(text: str, start: int, ticks: str) -> int:
    """Index of the backtick run equal to ``ticks`` that closes a code span, or -1."""
    i = start
    while True:
        i = text.find(ticks, i)
        if i < 0:
            return -1
        end = i + len(ticks)
        if (i == 0 or text[i - 1] != "`") and (end >= len(text) or text[end] != "`"):
            return i
        while i < len(text) and text[i] == "`":
            i += 1


def _closing_bracket(text: str, start: int) -> int:
    """Index of the "]" closing a link label that opened before ``start``, or -1."""
    depth, i = 1, start
    while i < len(text):
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if c == "`":
            close = _closing_backticks(text, i + 1, "`")
            i = close + 1 if close >= 0 else i + 1
            continue
        if c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def _link_tail_end(text: str, i: int) -> int:
    """End of a link's destination part starting at ``i`` (just after the label's "]").

    Handles inline ``(url "title")`` with nested parentheses and ``<url>``, full and
    collapsed references ``[ref]`` / ``[]``; a shortcut reference has no tail.
    """
    if i < len(text) and text[i] == "(":
        depth, j = 1, i + 1
        quote: str | None = None
        while j < len(text):
            c = text[j]
            if c == "\\":
                j += 2
                continue
            if quote:
                if c == quote:
                    quote = None
            elif c in "\"'" and text[j - 1] in " \t\n":
                quote = c
            elif c == "<":
                close = text.find(">", j)
                j = close if close >= 0 else j
            elif c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
                if depth == 0:
                    return j + 1
            j += 1
        return i + 1
    if i < len(text) and text[i] == "[":
        close = text.find("]", i + 1)
        return close + 1 if close >= 0 else i + 1
    return i
