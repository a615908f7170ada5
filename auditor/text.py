"""Pure helpers on an article's view (see :mod:`auditor.ingest`).

The view is the text the NLP reads: as long as the source, with markup blanked and every
remaining "\\n" ending a paragraph. These helpers only look at strings, so ingest, the
spaCy components and the reports can share them.

    >>> paragraph_spans("Title\\n\\n  First paragraph.  \\nSecond.")
    [(0, 5), (9, 25), (28, 35)]
"""

from __future__ import annotations

import re
from functools import lru_cache

from auditor.lexicon import load_lexicon

_LINE = re.compile(r"[^\n]+")

#: Characters that end a sentence.
SENTENCE_FINAL = ".!?\u2026\u203d"
#: Closing quotation marks and brackets that may follow the final punctuation.
CLOSERS = "\"'\u201d\u2019\u00bb\u203a)]"
#: Opening quotation marks (straight marks are both opening and closing).
OPENERS = "\"'\u201c\u2018\u00ab\u2039\u201e("

# Words left in lower case by title-case headlines ("Battle for the City of Ashford").
_MINOR_WORDS = load_lexicon("title_minor_words")
# Words a sentence cannot end on: a line ending in one runs on into the next.
_RUN_ON_WORDS = _MINOR_WORDS | load_lexicon("run_on_words")
_LIST_ITEM = re.compile(r"(?:[-*+\u2022\u2013]|\d{1,3}[.)])\s")


def paragraph_spans(view: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph of ``view``, in order.

    Every "\\n" ends a paragraph; each span is trimmed of surrounding whitespace and empty
    ones are dropped, so spans never overlap and never contain a newline.
    """
    spans = []
    for m in _LINE.finditer(view):
        seg = m.group()
        stripped = seg.strip()
        if stripped:
            start = m.start() + (len(seg) - len(seg.lstrip()))
            spans.append((start, start + len(stripped)))
    return spans


@lru_cache(maxsize=1)
def title_abbreviations() -> frozenset[str]:
    """Abbreviated titles ("Dr.", "Sen.") from ``auditor/lexicons/title_abbreviations.txt``.

    A sentence does not end after one of these, so a paragraph ending in one was broken
    in the middle of a name.
    """
    return load_lexicon("title_abbreviations", lowercase=False)


def strip_closers(text: str) -> str:
    """``text`` without trailing whitespace, closing quotation marks and brackets."""
    return text.rstrip().rstrip(CLOSERS + " \t")


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends in sentence-final punctuation, possibly before closing marks."""
    core = strip_closers(text)
    return bool(core) and core[-1] in SENTENCE_FINAL


def ends_with_title_abbreviation(text: str) -> bool:
    """Whether the last word of ``text`` is a title abbreviation such as "Dr."."""
    words = text.split()
    return bool(words) and words[-1] in title_abbreviations()


def starts_lowercase(text: str) -> bool:
    """Whether ``text`` (already trimmed) begins with a lower-case letter."""
    return bool(text) and text[0].islower()


def starts_list_item(text: str) -> bool:
    """Whether ``text`` begins like a list item ("- ", "* ", "1. ", "2) ", "• ")."""
    return bool(_LIST_ITEM.match(text))


def is_title_case(line: str) -> bool:
    """Whether the words of ``line`` are capitalised as in a headline (or all upper case)."""
    words = [w.strip(OPENERS + CLOSERS + ",:;-\u2013\u2014") for w in line.split()]
    words = [w for w in words if any(c.isalpha() for c in w)]
    if not words:
        return False
    if all(not c.isalpha() or c.isupper() for w in words for c in w):
        return True
    first = next(c for c in words[0] if c.isalpha())
    if not first.isupper():
        return False
    major = [w for w in words[1:] if w.lower() not in _MINOR_WORDS]
    if not major:
        return True
    capitalised = sum(1 for w in major if not next(c for c in w if c.isalpha()).islower())
    return capitalised >= 0.75 * len(major)


def looks_like_headline(line: str, *, max_words: int = 20) -> bool:
    """Whether ``line`` reads as a headline, dateline or label rather than a sentence.

    A headline is short, starts with a capital, and either has no final punctuation (a
    question mark is allowed) or is in strict title case.
    """
    line = line.strip()
    words = line.split()
    if not words or len(words) > max_words or len(line) > 200 or starts_lowercase(line):
        return False
    core = strip_closers(line)
    if not core:
        return False
    if core[-1] in ".!,;:\u2026":
        # "Poll: Voters Abandon Party for Candidate." is still a headline.
        return core[-1] == "." and len(words) <= 15 and is_title_case(line)
    return not line[0].islower()


def ends_with_run_on_word(text: str) -> bool:
    """Whether ``text`` ends in a lower-case word no sentence ends on ("of", "said", "the")."""
    words = text.split()
    return bool(words) and words[-1] in _RUN_ON_WORDS


def first_word(text: str) -> str:
    """The first whitespace-separated word of ``text`` ("" when there is none)."""
    words = text.split(maxsplit=1)
    return words[0] if words else ""
