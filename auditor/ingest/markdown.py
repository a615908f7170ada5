"""Markdown: reveal the prose of headings, paragraphs, quotes, list items and table cells.

markdown-it-py (CommonMark plus tables) finds the blocks; each inline token's content is
mapped back to source offsets line by line, and its children are walked in order to
reveal text and skip markup (emphasis markers, link destinations, images, inline code,
inline HTML). Everything not revealed stays blank, which masks code blocks, HTML blocks,
reference definitions, heading marks, quote markers, list bullets and front matter.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import yaml

from auditor.ingest.layout import PROSE, Block, Draft
from auditor.ingest.markdown_inline import InlineWalker
from auditor.ingest.suppressions import (
    Suppression,
    find_comments,
    make_suppression,
    trim_range,
)

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
#: Deepest nesting of blocks (quotes in lists in quotes...) read as prose.
_MAX_NESTING = 20

_md: MarkdownIt | None = None


def _parser() -> MarkdownIt:
    global _md
    if _md is None:
        # Imported here: a plain-text audit never needs the Markdown parser.
        from markdown_it import MarkdownIt

        # text_join off: escapes and entities stay separate tokens whose markup is the
        # source text, so every text token is a verbatim slice of the source.
        _md = MarkdownIt("commonmark").enable("table").disable("text_join")
        # Blocks nested deeper than this (a ladder of 2,000 '>') are left unparsed, so
        # blank: markdown-it stops there instead of recursing without bound.
        _md.options["maxNesting"] = _MAX_NESTING
    return _md


def read_markdown(source: str) -> tuple[Draft, list[Suppression]]:
    """A draft of Markdown ``source`` and the suppression comments found in it."""
    reader = _MarkdownReader(source)
    reader.run()
    return reader.draft, reader.suppressions


class _MarkdownReader:
    def __init__(self, source: str) -> None:
        self.source = source
        # Keep newlines (they separate blocks); blank everything else until revealed.
        self.chars = ["\n" if c == "\n" else " " for c in source]
        self.draft = Draft(self.chars)
        self.suppressions: list[Suppression] = []
        self.title: str | None = None
        # The parser sees the same offsets: "\r" and NUL (which markdown-it would rewrite
        # into extra line breaks or replacement characters) become spaces.
        text = source.replace("\r", " ").replace("\0", " ")
        text = self._strip_front_matter(text)
        self.text = text
        self.line_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
        self.used: dict[int, int] = {}  # per line: how far content has been located
        self.cell_end: dict[int, int] = {}  # per table row line: end of the last cell

    # -- structure -------------------------------------------------------------------

    def _strip_front_matter(self, text: str) -> str:
        m = _FRONT_MATTER.match(text)
        if m is None:
            return text
        try:
            data = yaml.safe_load(m.group("body") or "")
        except yaml.YAMLError:
            data = None
        if isinstance(data, dict) and isinstance(data.get("title"), str):
            self.title = " ".join(data["title"].split()) or None
        blank = "".join("\n" if c == "\n" else " " for c in m.group())
        return blank + text[m.end() :]

    def _line_range(self, begin: int, end: int) -> tuple[int, int]:
        """Source offsets of lines ``begin`` .. ``end - 1``, without the final newline."""
        starts = self.line_starts
        start = starts[min(begin, len(starts) - 1)]
        stop = starts[end] - 1 if end < len(starts) else len(self.text)
        return trim_range(self.text, start, max(start, stop))

    def run(self) -> None:
        tokens = _parser().parse(self.text)
        stack: list[tuple[int, Token]] = []
        for index, token in enumerate(tokens):
            if token.nesting == 1:
                stack.append((index, token))
            elif token.nesting == -1:
                if stack:
                    stack.pop()
            elif token.type == "inline":
                self._inline(token, stack)
            elif token.type == "html_block" and token.map:
                self._html_block(tokens, index, token)
        self.draft.title = self.title

    def _inline(self, token: Token, stack: list[tuple[int, Token]]) -> None:
        parent = stack[-1][1] if stack else None
        line_map = token.map or (parent.map if parent else None)
        if line_map is None:
            return
        types = [t.type for _, t in stack]
        container: Any = None
        if parent is not None and parent.type == "heading_open":
            kind = "heading"
        elif parent is not None and parent.type in ("th_open", "td_open"):
            kind = "cell"
        elif "list_item_open" in types:
            kind = "item"
            container = next(i for i, t in reversed(stack) if t.type == "list_item_open")
        else:
            kind = PROSE
            quotes = [i for i, t in stack if t.type == "blockquote_open"]
            container = quotes[-1] if quotes else None
        cmap = self._content_map(token.content, line_map[0])
        if kind == "cell":
            self._split_cells(cmap, line_map[0])
        walker = InlineWalker(self.chars, self.source, token.content, cmap)
        walker.walk(token.children or [])
        mapped = [m for m in cmap if m is not None]
        if not mapped:
            return
        start, end = min(mapped), max(mapped) + 1
        self.draft.blocks.append(Block(start, end, kind, container))
        if walker.breaks and kind in (PROSE, "item"):
            self.draft.soft_groups.append((start, end, walker.breaks))
        if kind == "heading" and self.title is None:
            self.title = walker.plain_text() or None
        paragraph = self._line_range(*line_map)
        for c_start, c_end in walker.html:
            for s, e, body in find_comments(self.text, c_start, c_end):
                sup = make_suppression(self.source, s, e, body, paragraph)
                if sup is not None:
                    self.suppressions.append(sup)

    def _content_map(self, content: str, first_line: int) -> list[int | None]:
        """Source offset of each character of an inline token's content (None: unknown)."""
        cmap: list[int | None] = []
        for i, line in enumerate(content.split("\n")):
            number = first_line + i
            if i:
                # The newline between content lines is the source line's own newline.
                nl = self.line_starts[number] - 1 if number < len(self.line_starts) else None
                cmap.append(nl)
            if number >= len(self.line_starts):
                cmap.extend([None] * len(line))
                continue
            line_start = self.line_starts[number]
            line_end = (
                self.line_starts[number + 1] - 1
                if number + 1 < len(self.line_starts)
                else len(self.text)
            )
            source_line = self.text[line_start:line_end]
            at = source_line.find(line, self.used.get(number, 0)) if line else -1
            if at < 0:
                cmap.extend([None] * len(line))
                continue
            self.used[number] = at + len(line)
            cmap.extend(range(line_start + at, line_start + at + len(line)))
        return cmap

    def _split_cells(self, cmap: list[int | None], line: int) -> None:
        """Put a newline at the pipe before each cell after the first, so cells are paragraphs."""
        mapped = [m for m in cmap if m is not None]
        if not mapped:
            return
        start = mapped[0]
        previous = self.cell_end.get(line)
        self.cell_end[line] = mapped[-1] + 1
        if previous is None:
            return
        pipe = self.text.rfind("|", previous, start)
        if pipe >= 0:
            self.chars[pipe] = "\n"

    def _html_block(self, tokens: list[Token], index: int, token: Token) -> None:
        assert token.map is not None
        start, end = self._line_range(*token.map)
        comments = find_comments(self.text, start, end)
        if not comments:
            return
        target = self._next_block(tokens, index, token.level)
        for s, e, body in comments:
            applies = target if target is not None else (e, e)
            sup = make_suppression(self.source, s, e, body, applies)
            if sup is not None:
                self.suppressions.append(sup)

    def _next_block(self, tokens: list[Token], index: int, level: int) -> tuple[int, int] | None:
        """Source range of the next block after ``tokens[index]`` at the same level."""
        for token in tokens[index + 1 :]:
            if token.level < level:
                return None
            if token.level == level and token.nesting >= 0 and token.map:
                if token.type == "html_block" and not self._has_text(token.map):
                    continue
                return self._line_range(*token.map)
        return None

    def _has_text(self, line_map: list[int]) -> bool:
        # An HTML block that is only comments (say, a second suppression) is not a target.
        start, end = self._line_range(*line_map)
        return bool(re.sub(r"<!--.*?(?:-->|\Z)", "", self.text[start:end], flags=re.S).strip())
