"""``auditor_paragraphs``: every paragraph starts a new sentence.

The ingest stage guarantees that each newline left in the text it hands to spaCy ends a
paragraph (hard-wrapped lines and mid-sentence breaks are already joined), so a sentence
must never run across one. Set before the parser, these boundaries are kept by it.
"""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("auditor_paragraphs")
def make_paragraph_breaker(nlp: Language, name: str) -> ParagraphBreaker:
    """Create the component: ``nlp.add_pipe("auditor_paragraphs", before="parser")``."""
    return ParagraphBreaker()


class ParagraphBreaker:
    def __call__(self, doc: Doc) -> Doc:
        # Written as one array: spaCy's ``Token.is_sent_start`` setter scans the whole
        # Doc for a parse at every call, which made this loop quadratic in the tokens.
        array = doc.to_array([SENT_START])
        starts = array.view(numpy.int64)  # the same memory, -1 writable
        after_break = False
        previous = None
        for token in doc:
            if after_break and not token.is_space:
                starts[token.i] = 1
                after_break = False
            elif previous is not None and _runs_on(previous):
                # "Lee cited remarks Marsh had made": no sentence starts right after a
                # word on the same line; the parser, told so, keeps the two together.
                starts[token.i] = -1
            if "\n" in token.text or "\n" in token.whitespace_:
                after_break = True
            previous = token
        doc.from_array([SENT_START], array)
        return doc


def _runs_on(token) -> bool:
    """``token`` is a word or number followed by a space on the same line: what comes
    next goes on with its sentence."""
    return (token.is_alpha or token.like_num) and token.whitespace_ == " "
