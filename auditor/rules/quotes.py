"""The ``quote_without_speaker`` check: quotations nobody is named as saying.

A quotation counts only when it stands for someone's words: a title ("the film \"A Long
Night in the Harbour\""), or a written text whose object is named ("her sign read: \"...\"",
a banner, a headline) has no speaker to name. What came just before the quotation tells
(``auditor/lexicons/quote_written_frames.txt``), and so does a quotation in title case
with no sentence punctuation inside.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from auditor.rules.checks import CHECKS, Check, Param, _int
from auditor.rules.context import Context, Hit, excerpt
from auditor.rules.model import Rule
from auditor.sourcing import lexicon

#: How far before a quotation the words that frame it are looked for.
_FRAME_WINDOW = 80
#: Short words a title leaves in lower case ("A Long Night in the Harbour of Small Boats").
_TITLE_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into nor of on or over the to up with".split()
)


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


class QuoteWithoutSpeakerCheck(Check):
    name = "quote_without_speaker"
    doc = "quotations of someone's words that no attribution gives a speaker"
    params = {
        "min_words": Param(_int, help="at least this many words inside the marks"),
    }
    placeholders = frozenset({"quote", "mark"})

    def run(self, rule: Rule, ctx: Context) -> Iterator[Hit]:
        for quote in ctx.analysis.quotes:
            inner = ctx.text[quote.inner_start : quote.inner_end]
            if len(inner.split()) < rule.params.get("min_words", 0):
                continue
            if ctx.has_spoken_content(quote.start, quote.end):
                continue
            if framed_as_written(ctx, quote.start) or in_title_case(inner):
                continue
            values: dict[str, Any] = {"quote": excerpt(inner), "mark": quote.open_mark}
            yield Hit(quote.start, quote.end, values, ctx.attributions_at(quote.start, quote.end))


CHECKS[QuoteWithoutSpeakerCheck.name] = QuoteWithoutSpeakerCheck()
