"""Quotations that are nobody's words, which the ``quote`` check's ``unattributed`` skips.

A quotation counts only when it stands for someone's words: a title ("the film \"A Long
Night in the Harbour\""), or a written text whose object is named ("her sign read: \"...\"",
a banner, a headline) has no speaker to name. What came just before the quotation tells
(``auditor/lexicons/quote_written_frames.txt``), and so does a quotation in title case
with no sentence punctuation inside.
"""

from __future__ import annotations

import re

from auditor import lexicon
from auditor.rules.context import Context

#: How far before a quotation the words that frame it are looked for.
_FRAME_WINDOW = 80
#: Short words a title leaves in lower case ("A Long Night in the Harbour of Small Boats").
_TITLE_SMALL_WORDS = lexicon.load_lexicon("title_minor_words")


def in_title_case(inner: str) -> bool:
    """Whether ``inner`` reads as a title: every word capitalized but the small ones, and
    no sentence punctuation."""
    if re.search(r"[.!?,;:]\s*$|[.!?;]\s", inner.strip()):
        return False
    words = re.findall(r"[^\W\d_][\w'’-]*", inner)
    if len(words) < 2:
        return False
    return all(w[0].isupper() or w.lower() in _TITLE_SMALL_WORDS for w in words) and any(
        w.lower() not in _TITLE_SMALL_WORDS for w in words[1:]
    )


def framed_as_written(ctx: Context, start: int) -> bool:
    """Whether the words just before offset ``start`` name a work or a written object."""
    before = ctx.text[max(0, start - _FRAME_WINDOW) : start]
    before = before.split("\n")[-1]
    return lexicon.pattern("quote_written_frames").search(before) is not None


def is_nobodys_words(ctx: Context, start: int, inner: str) -> bool:
    """Whether the quotation at ``start`` holding ``inner`` is a title or a written text."""
    return framed_as_written(ctx, start) or in_title_case(inner)
