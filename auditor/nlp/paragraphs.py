"""``auditor_paragraphs``: every paragraph starts a new sentence.

The ingest stage guarantees that each newline left in the text it hands to spaCy ends a
paragraph (hard-wrapped lines and mid-sentence breaks are already joined), so a sentence
must never run across one. Set before the parser, these boundaries are kept by it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("auditor_paragraphs")
def make_paragraph_breaker(nlp: Language, name: str) -> ParagraphBreaker:
    """Create the component: ``nlp.add_pipe("auditor_paragraphs", before="parser")``."""
    return ParagraphBreaker()


class ParagraphBreaker:
    def __call__(self, doc: Doc) -> Doc:
        after_break = False
        for token in doc:
            if after_break and not token.is_space:
                token.is_sent_start = True
                after_break = False
            if "\n" in token.text or "\n" in token.whitespace_:
                after_break = True
        return doc
