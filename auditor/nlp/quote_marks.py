"""The quotation marks of news text and how they pair, as tables for :mod:`auditor.nlp.quotes`.

Straight and curly double and single marks, guillemets both ways round, low-9 marks, CJK
brackets and two apostrophes used as a double mark (``''Yes,''``); which closing mark closes
which opening mark (:data:`CLOSES`), which marks re-open a quote in a continuation
paragraph (:data:`REOPENS`), and the characters around a mark that say whether it can open
or close a quote at all.
"""

from __future__ import annotations

import re

from auditor.lexicon import load_lexicon

#: The marks and punctuation below are characters, not words: they stay here, beside the
#: code that pairs them; the words written with an apostrophe are a lexicon.
DOUBLE_MARKS = '"“”„‟«»「」'
SINGLE_MARKS = "'‘’‚‛‹›『』"
#: Marks of two characters: two apostrophes used as a double quotation mark.
TWO_CHAR_MARKS = ("''",)

#: closing mark -> the opening marks it may close. Straight and curly marks mix freely
#: (writers and CMSes do), and "“" also closes, as in German „...“ or a mis-curled close.
CLOSES: dict[str, frozenset[str]] = {
    '"': frozenset('"“„‟”'),
    "''": frozenset(["''"]),
    "”": frozenset('"“„‟”'),
    "“": frozenset('"“„‟'),
    "»": frozenset("«»"),
    "«": frozenset("»"),
    "」": frozenset("「"),
    "'": frozenset("'‘‛"),
    "’": frozenset("'‘‚‛"),
    "‘": frozenset("‚‘"),
    "›": frozenset("‹›"),
    "‹": frozenset("›"),
    "』": frozenset("『"),
}

#: opening mark -> the marks that may re-open it at the start of a continuation paragraph.
#: Straight and curly do not mix here: a curly quote at the start of a paragraph inside a
#: straight-quoted block is a new (inner) quote, not the block's continuation. French style
#: starts continuation paragraphs of a «...» quote with ».
REOPENS: dict[str, frozenset[str]] = {
    '"': frozenset('"'),
    "''": frozenset(["''"]),
    **dict.fromkeys("“„‟", frozenset("“„‟")),
    "”": frozenset("”"),
    "«": frozenset("«»"),
    "»": frozenset("»"),
    "「": frozenset("「"),
    "'": frozenset("'"),
    **dict.fromkeys("‘‚‛", frozenset("‘‚‛")),
    "‹": frozenset("‹›"),
    "›": frozenset("›"),
    "『": frozenset("『"),
}

#: Marks that are quotation marks whatever surrounds them: French spacing puts a space
#: inside guillemets, CJK puts no space outside its brackets.
CONTEXT_FREE = frozenset("«»‹›「」『』")

ALL_MARKS = DOUBLE_MARKS + SINGLE_MARKS
#: Single marks that may also be apostrophes (or, for ‚, a comma look-alike).
SINGLE_AMBIGUOUS = frozenset("'’‘‚‛")
OPEN_BRACKETS = frozenset("([{<")
#: Characters after which a mark is at the start of a word (so it may open a quote).
LEFT_BOUND = OPEN_BRACKETS | frozenset("—–‒―-/¿¡") | frozenset(ALL_MARKS)
#: Characters before which a mark is at the end of a word (so it may close a quote).
RIGHT_BOUND = frozenset(".,;:!?)]}>…—–‒―-/*") | frozenset(ALL_MARKS)
#: A mark followed by one of these does not open a quote.
NO_OPEN_BEFORE = frozenset(",;:!?)]}")

#: Words written with a leading apostrophe ('em, 'tis, rock 'n' roll), compared lowercased.
ELISIONS = load_lexicon("apostrophe_elisions")

#: Punctuation that ends a quoted sentence or clause, right before its closing mark.
SENTENCE_END = frozenset(",.!?;:…—–-")

#: A single closing mark that can only be a closing quote: right after sentence punctuation.
STRONG_SINGLE_CLOSE = re.compile(r"[,.!?;:…—–-]['’](?=[\s\"”»)\]]|$)")

#: Every character ``str.isspace`` accepts (all below U+3001); a set lookup is faster.
SPACE = frozenset(c for c in map(chr, range(0x3001)) if c.isspace())

MARKS_OR_NEWLINE = re.compile("[\n" + re.escape(ALL_MARKS) + "]")
NON_SPACE = re.compile(r"\S")

#: Deeper nesting than this is garbage input; openers past it are ignored (keeps the
#: stack search constant-time, so the whole pass stays linear).
MAX_DEPTH = 8
