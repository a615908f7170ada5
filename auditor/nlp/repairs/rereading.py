"""``auditor_misparses``: sentences the model misread are read again with a nudge.

Some misreadings of the small model are undone by one inserted word: "House panel
[also] votes to hold ..." leaves "votes" no reading but a verb's; "46 percent would pick
Lee[,] and 44 percent would back Ruiz" parts two clauses the parser had run into one
object. The detectors in :mod:`auditor.nlp.repairs.misparses` say where a word goes and what the
new reading must show; the sentence, nudged, goes through the model's own components
(those before this one), and when every test passes and the new reading is one tree
over the same tokens, it replaces the old one for that sentence (tags, POS, morphology,
lemmas, heads, dependencies); the inserted words are left out and the text, the tokens
and the offsets stay the article's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from auditor.nlp.repairs.misparse_nudges import (
    Nudge,
    camel_case_name,
    share_nudges,
    subjectless_nudges,
    verb_nudges,
)

#: Auditor components that stand in the model's part of the pipeline (a re-reading runs them).
MODEL_STAND_INS = {"auditor_paragraphs", "auditor_ner_windows"}
#: What a re-reading sets on each token.
ATTRS = [TAG, POS, MORPH, LEMMA, HEAD, DEP]
#: The detectors: sentence -> nudges.
DETECTORS: tuple[Callable[[Span], list[Nudge]], ...] = (
    verb_nudges,
    share_nudges,
    subjectless_nudges,
)


@Language.factory("auditor_misparses")
def make_misparse_repairer(nlp: Language, name: str) -> MisparseRepairer:
    """Create the component; it goes right after the model's own components."""
    return MisparseRepairer(nlp, name)


class MisparseRepairer:
    """The component (see the module doc)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            return doc  # nothing was parsed: nothing to read again
        for token in doc:
            if camel_case_name(token):
                token.tag_, token.pos_, token.lemma_ = "NNP", "PROPN", token.text
        nudged = []
        for sentence in doc.sents:
            # one word per token: the first detector that asks for one has it
            nudges = {n[0].i: n for detect in reversed(DETECTORS) for n in detect(sentence)}
            if nudges:
                nudged.append((sentence, [nudges[i] for i in sorted(nudges)]))
        if not nudged:
            return doc
        rereadings = self.model_reading([nudged_text(s, n) for s, n in nudged])
        readings = []
        for (sentence, nudges), reread in zip(nudged, rereadings, strict=True):
            reading = accepted_reading(sentence, nudges, reread)
            if reading is not None:
                readings.append((sentence, reading))
        _apply(readings, doc)
        return doc

    def model_reading(self, texts: list[str]) -> list[Doc]:
        """``texts`` through the model's components before this one."""
        return model_reading(self.nlp, texts)


def model_reading(nlp: Language, texts: list[str]) -> list[Doc]:
    """``texts`` through ``nlp``'s own components (and ``auditor_paragraphs``), stopping
    at the first other auditor component; one batch through each component. Used for
    every re-parse: a nudged sentence here, a sentence-cased headline in
    :mod:`auditor.nlp.attribution`."""
    if not texts:
        return []
    docs: Iterable[Doc] = [nlp.make_doc(text) for text in texts]
    for name, component in nlp.pipeline:
        if name.startswith("auditor_") and name not in MODEL_STAND_INS:
            break
        if hasattr(component, "pipe"):
            docs = component.pipe(docs, batch_size=max(1, len(texts)))
        else:
            docs = map(component, docs)
    return list(docs)


def nudged_text(sentence: Span, nudges: list[Nudge]) -> str:
    """The sentence's text with each nudge's word put before its token (a punctuation
    mark right after the word before: "Lee[,] and 44 percent")."""
    text = sentence.doc.text
    pieces, at = [], sentence.start_char
    for token, word, _ in nudges:
        if word.isalpha():
            where, insert = token.idx, word + " "
        else:
            before = token.doc[token.i - 1]
            where, insert = before.idx + len(before), word
        pieces.extend((text[at:where], insert))
        at = where
    pieces.append(text[at : sentence.end_char])
    return "".join(pieces)


def accepted_reading(sentence: Span, nudges: list[Nudge], reread: Doc) -> list | None:
    """The re-read analysis of each token of ``sentence`` (rows of :data:`ATTRS`, head
    offsets within the sentence), without the inserted words; None unless the tokens
    are the same, no token hangs on an inserted word, the sentence is one tree and each
    nudge's test passes."""
    inserted = {nudge[0].i - sentence.start + k for k, nudge in enumerate(nudges)}
    tokens = [t for t in reread if t.i not in inserted]
    if len(tokens) != len(sentence) or any(
        a.text != b.text for a, b in zip(tokens, sentence, strict=True)
    ):
        return None
    if any(t.head.i in inserted for t in tokens) or sum(t.head == t for t in tokens) != 1:
        return None  # a word hangs on an inserted one, or the sentence came apart
    if any(reread[i].head.i in inserted for i in inserted):
        return None

    def counterpart(token: Token) -> Token:
        return tokens[token.i - sentence.start]

    if not all(accepts(counterpart) for _, _, accepts in nudges):
        return None
    rows = reread.to_array(ATTRS).astype(numpy.int64)
    position = {t.i: k for k, t in enumerate(tokens)}
    reading = []
    for k, token in enumerate(tokens):
        row = rows[token.i].copy()
        row[ATTRS.index(HEAD)] = position[token.head.i] - k
        reading.append(row)
    return reading


def _apply(readings: list[tuple[Span, list]], doc: Doc) -> None:
    """Write each sentence's new reading into ``doc``; nothing changes when the new
    heads would move a sentence boundary."""
    if not readings:
        return
    before = doc.to_array(ATTRS)
    sentences = [s.start for s in doc.sents]
    array = before.astype(numpy.int64)
    for sentence, reading in readings:
        for k, row in enumerate(reading):
            array[sentence.start + k] = row
    doc.from_array(ATTRS, array.astype(numpy.uint64))
    if [s.start for s in doc.sents] != sentences:
        doc.from_array(ATTRS, before)
