"""``auditor_quotes``: pair quotation marks into quotes, tolerant of real-world news text.

:func:`find_quotes` is a pure function over the article "view" (every ``\\n`` ends a
paragraph). It handles straight and curly double quotes (and mixes of the two), single
quotes told apart from apostrophes (``Ukraine's``, ``the forces' withdrawal``, ``'90s``,
``rock 'n' roll``), guillemets both ways round, low-9 quotes, two apostrophes used as a
double mark (``''Yes,''``), multi-paragraph quotes that re-open each paragraph, quotes
broken by a misplaced paragraph break, and unclosed quotes. It never raises and runs in one
left-to-right pass with a nesting stack of bounded depth, so time is linear in the text.

Usage::

    >>> [q.to_dict()["open_mark"] for q in find_quotes("'A blow,' he said. \\"Yes.\\"")]
    ["'", '"']

As a spaCy component::

    nlp.add_pipe("auditor_quotes")
    doc = nlp(text)
    doc._.auditor_quotes  # [Quote.to_dict(), ...]
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from auditor.model import Quote
from auditor.nlp.doctext import doc_text
from auditor.nlp.extensions import register_extensions
from auditor.nlp.quote_marks import (
    CLOSES,
    CONTEXT_FREE,
    ELISIONS,
    LEFT_BOUND,
    MARKS_OR_NEWLINE,
    MAX_DEPTH,
    NO_OPEN_BEFORE,
    NON_SPACE,
    OPEN_BRACKETS,
    REOPENS,
    RIGHT_BOUND,
    SENTENCE_END,
    SINGLE_AMBIGUOUS,
    SPACE,
    STRONG_SINGLE_CLOSE,
)

register_extensions()

__all__ = ["QuoteFinder", "find_nested_quotes", "find_quotes", "make_quote_finder"]

# --- pairing the marks (the marks themselves: auditor.nlp.quote_marks) -------------------


@dataclass(slots=True)
class _Open:
    """A quote opened and not yet closed."""

    pos: int
    mark: str
    paragraphs: int = 1
    #: set while the quote waits, in the next paragraph, for a close (a broken quote) or
    #: an opening mark (then it was unclosed and ends here).
    pending_end: int | None = None


def find_quotes(text: str) -> list[Quote]:
    """The top-level quotes in ``text``, sorted by start and non-overlapping.

    Quotes nested inside another quote (single quotes within a double-quoted quote) belong
    to the outer quote and are not listed; see :func:`find_nested_quotes`. Unclosed quotes
    end at the end of their paragraph with ``closed=False``; stray closing marks are
    ignored. Never raises.
    """
    return _Pairer(text).run()[0]


def find_nested_quotes(text: str) -> list[Quote]:
    """The closed quotes nested inside top-level quotes of ``text``, sorted by start."""
    return sorted(_Pairer(text).run()[1], key=lambda q: (q.start, -q.end))


class _Pairer:
    """One left-to-right pass over the marks and newlines of a text, with a stack."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.n = len(text)
        self.top: list[Quote] = []
        self.nested: list[Quote] = []
        self.stack: list[_Open] = []
        self.para_start = 0
        #: offset of a mark that re-opens the quote in a continuation paragraph
        self.reopen_at = -1
        #: offset of a mark already dealt with: the second ' of "'n'" or of a '' mark
        self.skip_at = -1
        #: newlines before this offset are blank lines between paragraphs, already handled
        self.skip_newlines_until = -1
        #: a leading apostrophe ('90s, 'tis) seen at top level in this paragraph: if a
        #: clear closing single quote follows with no opener, it was the opener after all.
        self.elision_at: int | None = None
        #: (paragraph start, offset of the last strong single close in that paragraph)
        self._strong_cache: tuple[int, int] = (-1, -1)

    # -- driver --------------------------------------------------------------------------

    def run(self) -> tuple[list[Quote], list[Quote]]:
        text = self.text
        for match in MARKS_OR_NEWLINE.finditer(text):
            i = match.start()
            ch = text[i]
            if ch == "\n":
                if i >= self.skip_newlines_until:
                    self._end_paragraph(i)
            elif i == self.reopen_at:
                self.reopen_at = -1
            elif i != self.skip_at:
                self._mark(i, ch)
        self._end_paragraph(self.n)
        return self.top, self.nested

    # -- paragraphs ----------------------------------------------------------------------

    def _end_paragraph(self, p: int) -> None:
        stack = self.stack
        para_start, self.para_start = self.para_start, p + 1
        self.elision_at = None
        if not stack:
            return
        quote = stack[0]
        del stack[1:]  # nested quotes left open die with their paragraph
        if quote.pending_end is not None:
            # A whole paragraph went by with neither a close nor a new opener.
            self._emit_unclosed(quote, quote.pending_end)
            return
        end = self._trimmed_end(max(para_start, quote.pos + 1), p)
        nxt = NON_SPACE.search(self.text, p + 1) if p < self.n else None
        if nxt is None:
            self._emit_unclosed(quote, end)
            return
        j = nxt.start()
        self.skip_newlines_until = j
        mark = self._mark_at(j)
        if mark in REOPENS[quote.mark] and self._opens_paragraph(j, mark):
            quote.paragraphs += 1
            self.reopen_at = j
            if len(mark) == 2:
                self.skip_at = j + 1
        else:
            quote.pending_end = end

    def _mark_at(self, j: int) -> str:
        text = self.text
        return "''" if text[j] == "'" and text.startswith("'", j + 1) else text[j]

    def _opens_paragraph(self, j: int, mark: str) -> bool:
        if mark in CONTEXT_FREE:
            return True  # French style: "» La suite..." re-opens with a space after
        after = j + len(mark)
        r = self.text[after] if after < self.n else None
        return r is not None and not r.isspace() and r not in NO_OPEN_BEFORE

    def _trimmed_end(self, lo: int, p: int) -> int:
        text = self.text
        while p > lo and text[p - 1].isspace():
            p -= 1
        return p

    # -- emitting ------------------------------------------------------------------------

    def _emit_unclosed(self, quote: _Open, end: int) -> None:
        self.stack.clear()
        self.top.append(
            Quote(quote.pos, end, quote.mark, None, closed=False, paragraphs=quote.paragraphs)
        )

    def _open(self, i: int, ch: str) -> None:
        stack = self.stack
        if stack and stack[0].pending_end is not None:
            # A new quote starts before the pending one closed: that one was unclosed.
            self._emit_unclosed(stack[0], stack[0].pending_end)
        if len(stack) < MAX_DEPTH:
            stack.append(_Open(i, ch))

    def _close(self, k: int, i: int, ch: str) -> None:
        stack = self.stack
        quote = stack[k]
        del stack[k:]
        broken = quote.pending_end is not None
        paragraphs = quote.paragraphs + 1 if broken else quote.paragraphs
        result = Quote(quote.pos, i + len(ch), quote.mark, ch, True, paragraphs, broken)
        (self.nested if k else self.top).append(result)

    # -- one mark ------------------------------------------------------------------------

    def _find(self, ch: str, top_only: bool = False) -> int | None:
        """Index in the stack of the innermost open quote that ``ch`` may close."""
        stack = self.stack
        closes = CLOSES.get(ch)
        if closes is None or not stack:
            return None
        if stack[-1].mark in closes:  # the usual case, checked first
            return len(stack) - 1
        lowest = len(stack) - 1 if top_only else 0
        for k in range(len(stack) - 1, lowest - 1, -1):
            if stack[k].mark in closes:
                return k
        return None

    def _mark(self, i: int, ch: str) -> None:
        text = self.text
        left = text[i - 1] if i > 0 else None
        right = text[i + 1] if i + 1 < self.n else None
        if ch == "'" and right == "'" and self._double_apostrophe(i, left):
            ch = "''"
            self.skip_at = i + 1
            right = text[i + 2] if i + 2 < self.n else None
        l_space = left is None or left in SPACE
        r_space = right is None or right in SPACE
        opens = (l_space or left in LEFT_BOUND) and not r_space and right not in NO_OPEN_BEFORE
        closes = not l_space and left not in OPEN_BRACKETS and (r_space or right in RIGHT_BOUND)
        if ch in CONTEXT_FREE:
            self._guillemet_or_bracket(i, ch, opens, closes)
        elif ch in SINGLE_AMBIGUOUS:
            self._single(i, ch, left, right, opens, closes)
        elif l_space and r_space:
            # A lone mark between spaces closes an open quote (as in 'outreach,' " he
            # said); with nothing open it is a ditto or a typo, not a quotation mark.
            if (k := self._find(ch)) is not None:
                self._close(k, i, ch)
        elif ch == '"' or ch == "''":
            k = self._find(ch)
            if opens and not closes:
                self._open(i, ch)
            elif k is not None:
                self._close(k, i, ch)
            elif not closes:
                self._open(i, ch)
        elif ch == "”":
            k = self._find(ch)
            if k is not None:
                self._close(k, i, ch)
            elif opens and not closes:
                self._open(i, ch)  # Swedish ”...”, or a mis-curled opener
        elif ch == "“":
            k = self._find(ch)
            if k is not None and closes and not opens:
                self._close(k, i, ch)
            else:
                self._open(i, ch)
        else:  # „ ‟
            self._open(i, ch)

    def _double_apostrophe(self, i: int, left: str | None) -> bool:
        """Whether the two apostrophes at ``i`` are one double quotation mark, as some
        archives write them (''Yes,'' she said), rather than two single marks ('a 'b'')."""
        if self._find("''") is not None:
            return True
        after = self.text[i + 2] if i + 2 < self.n else None
        return (
            (left is None or left in SPACE or left in LEFT_BOUND)
            and after is not None
            and after not in SPACE
            and after not in NO_OPEN_BEFORE
        )

    def _guillemet_or_bracket(self, i: int, ch: str, opens: bool, closes: bool) -> None:
        k = self._find(ch)
        if ch in "「『":
            self._open(i, ch)
        elif ch in "」』":
            if k is not None:
                self._close(k, i, ch)
        elif k is not None and (self.stack[k].mark != ch or (closes and not opens)):
            # «...» and »...« always pair; »...» (Swedish) only when the context says close.
            self._close(k, i, ch)
        elif not closes or opens:  # a guillemet that can only close, closing nothing: stray
            self._open(i, ch)

    def _single(
        self, i: int, ch: str, left: str | None, right: str | None, opens: bool, closes: bool
    ) -> None:
        if ch in "‚‛":
            if opens:
                self._open(i, ch)
            return
        if closes and not opens:
            k = self._find(ch, top_only=True)
            if k is None:
                if ch in "'’":
                    self._stray_single_close(i, ch, left)
                return
            if left in "sS" and right == " " and self._strong_close_after(i):
                return  # plural possessive inside the quote: "'The soldiers' families...'"
            if self.stack[k].pending_end is not None and left not in SENTENCE_END:
                return  # across a paragraph break only a clear close counts, not "goin' "
            self._close(k, i, ch)
        elif opens:
            if ch == "’":
                return  # ’tis, ’90s: an apostrophe, never an opener in English
            if closes:  # between a dash and punctuation: let the state decide
                k = self._find(ch, top_only=True)
                if k is not None:
                    self._close(k, i, ch)
                    return
            if self._is_elision(i):
                if not self.stack:
                    self.elision_at = i
                return
            self._open(i, ch)
        # else: inside a word (don't, o'clock, Ukraine's): an apostrophe

    def _is_elision(self, i: int) -> bool:
        """Whether the mark at ``i`` starts an elided word ('90s, 'tis) rather than a quote."""
        text, n = self.text, self.n
        j = i + 1
        while j < n and j - i <= 6 and text[j].isalpha():
            j += 1
        if j < n and text[j].isalpha():
            return False
        word = text[i + 1 : j].lower()
        if word in ELISIONS:
            if word == "n" and j < n and text[j] in "'’":
                self.skip_at = j  # rock 'n' roll: both marks are apostrophes
            return True
        # '90s, '05: two digits, not part of a longer number
        return (
            i + 2 < n
            and text[i + 1].isdigit()
            and text[i + 2].isdigit()
            and (i + 3 >= n or not text[i + 3].isdigit())
        )

    def _stray_single_close(self, i: int, ch: str, left: str | None) -> None:
        """A closing single quote with nothing to close: an apostrophe, or the close of a
        quote that began with an elided word ('90s music was better,' he said)."""
        start = self.elision_at
        if start is None or self.stack or left not in SENTENCE_END:
            return
        self.elision_at = None
        # Quotes found since the opener are inside this one now.
        while self.top and self.top[-1].start > start:
            self.nested.append(self.top.pop())
        self.top.append(Quote(start, i + 1, self.text[start], ch))

    def _strong_close_after(self, i: int) -> bool:
        """Whether the paragraph holding ``i`` has an unmistakable single close after it."""
        para_start, last = self._strong_cache
        if para_start != self.para_start:
            end = self.text.find("\n", i)
            end = self.n if end < 0 else end
            last = -1
            for m in STRONG_SINGLE_CLOSE.finditer(self.text, self.para_start, end):
                last = m.start() + 1
            self._strong_cache = (self.para_start, last)
        return last > i


# --- spaCy component ---------------------------------------------------------------------


@Language.factory("auditor_quotes", default_config={"attr": "auditor_quotes"})
def make_quote_finder(nlp: Language, name: str, attr: str) -> QuoteFinder:
    """Create the component: ``nlp.add_pipe("auditor_quotes")``.

    ``attr`` names the ``Doc._`` extension that receives the quotes (registered if new).
    """
    return QuoteFinder(attr=attr)


class QuoteFinder:
    """Sets ``doc._.<attr>`` to ``[Quote.to_dict(), ...]`` for :func:`find_quotes`."""

    def __init__(self, attr: str = "auditor_quotes") -> None:
        self.attr = attr
        if not Doc.has_extension(attr):
            Doc.set_extension(attr, default=None)

    def __call__(self, doc: Doc) -> Doc:
        setattr(doc._, self.attr, [q.to_dict() for q in find_quotes(doc_text(doc))])
        return doc
