"""The shape of a quotation's words, read the same way by several passes: the words
between its marks, and whether they are written as a title or a name ("Morning Joe",
"Contract with America") rather than someone's words.

The direct-quote pass, the quoted-under-any-verb pass, the floating-quote step and the
filter of non-attributions all ask these questions.
"""

from __future__ import annotations

from auditor.lexicon import load_lexicon

#: Short words a title may keep in lower case ("Contract with America").
TITLE_SMALL_WORDS = load_lexicon("title_minor_words")


def quote_text(text: str, quote: dict) -> str:
    """The words between a quotation's marks: in 'She called it "a dark day."', the
    words "a dark day."."""
    return text[quote["start"] : quote["end"]]


def looks_like_title(quoted: str) -> bool:
    """Quoted words written as a title or a name ("Morning Joe", "Contract with America",
    "13th"): every word capitalized (or a number), short joining words aside, and no
    exclamation or question mark."""
    if any(mark in quoted for mark in "!?"):
        return False  # "U-S-A! U-S-A!", "What curfew?": cried or asked, not a title
    words = [w.strip(".,;:!?'\"“”‘’«»()[]") for w in quoted.split()]
    words = [w for w in words if any(c.isalnum() for c in w)]
    if not words:
        return False
    return all(
        w[0].isupper() or w[0].isdigit() or (i > 0 and w.lower() in TITLE_SMALL_WORDS)
        for i, w in enumerate(words)
    )
