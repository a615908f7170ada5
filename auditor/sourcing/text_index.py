"""Sentence and paragraph lookups over an :class:`~auditor.model.Analysis`.

Sourcing checks and rules both ask "which sentence is this offset in?", "what paragraph?",
"which paragraph is the lede?". ``TextIndex`` answers them with binary search. When an
Analysis carries no sentences or paragraphs (hand-built in tests), they are derived from
the text: paragraphs at line breaks, sentences at ``.``/``?``/``!`` followed by space.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from auditor.model import Analysis, Attribution
from auditor.sourcing.overlaps import SpanIndex

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’»)]*\s+(?=[\"'“‘«(]?[A-Z0-9])")
_QUOTE_CHARS = '"“”‘’«»„‚'
#: A lede is prose: a paragraph that ends a sentence and has at least this many words.
LEDE_MIN_WORDS = 12


def _paragraphs_of(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        if match.group().strip():
            spans.append((match.start(), match.end()))
    return spans


def _sentences_of(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans = []
    for start, end in paragraphs:
        cursor = start
        for match in _SENTENCE_END.finditer(text, start, end):
            spans.append((cursor, match.start()))
            cursor = match.end()
        if cursor < end:
            spans.append((cursor, end))
    return spans


@dataclass
class TextIndex:
    """Offsets to sentences and paragraphs of one analysed text."""

    text: str
    sentences: list[tuple[int, int]]
    paragraphs: list[tuple[int, int]]
    _sentence_starts: list[int] = field(init=False, repr=False)
    _paragraph_starts: list[int] = field(init=False, repr=False)
    #: ``(start, end)`` of the quotations (marks included)
    quotes: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.paragraphs:
            self.paragraphs = _paragraphs_of(self.text)
        if not self.sentences:
            self.sentences = _sentences_of(self.text, self.paragraphs)
        self.sentences = sorted(self.sentences)
        self.paragraphs = sorted(self.paragraphs)
        self._sentence_starts = [s for s, _ in self.sentences]
        self._paragraph_starts = [s for s, _ in self.paragraphs]

    @classmethod
    def of(cls, analysis: Analysis) -> TextIndex:
        """The index of ``analysis`` (sentences and paragraphs as the NLP stage found them)."""
        quotes = [(q.start, q.end) for q in analysis.quotes]
        return cls(analysis.text, list(analysis.sentences), list(analysis.paragraphs), quotes)

    @cached_property
    def _quote_index(self) -> SpanIndex:
        return SpanIndex(self.quotes)

    def in_quotes(self, start: int, end: int) -> bool:
        """Whether a quotation overlaps ``[start, end)``."""
        return self._quote_index.any_overlapping(start, end)

    @cached_property
    def _lede(self) -> int | None:
        for i, (start, end) in enumerate(self.paragraphs):
            body = self.text[start:end].strip().rstrip(_QUOTE_CHARS + ")")
            if len(body.split()) >= LEDE_MIN_WORDS and body[-1:] in ".!?":
                return i
        return None

    @staticmethod
    def _find(starts: list[int], spans: list[tuple[int, int]], offset: int) -> int | None:
        i = bisect_right(starts, offset) - 1
        if i < 0:
            return None
        start, end = spans[i]
        if start <= offset < max(end, start + 1):
            return i
        return None

    def sentence_index(self, offset: int) -> int | None:
        """Index of the sentence holding ``offset`` (None between sentences)."""
        return self._find(self._sentence_starts, self.sentences, offset)

    def paragraph_index(self, offset: int) -> int | None:
        """Index of the paragraph holding ``offset`` (None between paragraphs)."""
        return self._find(self._paragraph_starts, self.paragraphs, offset)

    def sentence_text(self, i: int) -> str:
        start, end = self.sentences[i]
        return self.text[start:end]

    def paragraph_of_sentence(self, i: int) -> int | None:
        return self.paragraph_index(self.sentences[i][0])

    def previous_in_paragraph(self, i: int) -> int | None:
        """The sentence before sentence ``i`` when both are in one paragraph."""
        if i <= 0:
            return None
        if self.paragraph_of_sentence(i - 1) != self.paragraph_of_sentence(i):
            return None
        return i - 1

    def next_in_paragraph(self, i: int) -> int | None:
        """The sentence after sentence ``i`` when both are in one paragraph."""
        if i + 1 >= len(self.sentences):
            return None
        if self.paragraph_of_sentence(i + 1) != self.paragraph_of_sentence(i):
            return None
        return i + 1

    def sentences_overlapping(self, start: int, end: int) -> list[int]:
        """Indices of the sentences that overlap ``[start, end)``."""
        first = max(bisect_right(self._sentence_starts, start) - 1, 0)
        found = []
        for i in range(first, len(self.sentences)):
            s, e = self.sentences[i]
            if s >= end and not (s == start == end):
                break
            if s < max(end, start + 1) and e > start:
                found.append(i)
        return found

    def lede_paragraph(self) -> int | None:
        """The first paragraph that reads as prose (skips titles, datelines, kickers).

        Found once per index: every attribution asks, and in an article without a prose
        paragraph the search runs through all of them."""
        return self._lede

    def anchor(self, attribution: Attribution) -> int:
        """Where an attribution sits: its source, else its cue, else its content."""
        for span in (attribution.source, attribution.cue, attribution.content):
            if span is not None:
                return span.start
        return 0


def mask_quotes(text: str, quotes: list) -> str:
    """``text`` with every quotation (marks included) blanked out, offsets kept."""
    chars = list(text)
    done = 0  # chars before this are blanked already where quoted: nested quotes cost nothing
    for start, end in sorted((max(q.start, 0), min(q.end, len(chars))) for q in quotes):
        for k in range(max(start, done), end):
            if chars[k] != "\n":
                chars[k] = " "
        done = max(done, end)
    return "".join(chars)
