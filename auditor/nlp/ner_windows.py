"""``auditor_ner_windows`` (issue 16): the model's entity recognizer run only on the
words around those that can be in an entity the audit reads.

Every reader of entity labels in the audit looks at proper names (PERSON, ORG, NORP,
GPE, FAC, LOC: source heads, name variants, outlets), dates and times (the object of a
cue, a claim's end) or figures (circumstances of a text act). Those are words the
tagger calls proper nouns, capitalised words after a sentence's first, numbers and
calendar words (lexicon ``calendar_words``). The recognizer of the small model has its
own embedding layer whose window reaches four words either side, so a word's reading
needs at most four words of context: the component keeps each trigger word with
``context`` words either side, runs ``ner`` on one Doc of the kept words (a newline
between runs that were not next to each other) and copies the entities back at the
article's token offsets. Words left out get no entity, as any word outside an entity.
On the dev articles the windows keep 62.8% of the tokens and the extraction scores are
those of the full run (bench/README.md, issue 16).

:func:`auditor.pipeline.load_pipeline` puts it after the lemmatizer and disables (but
keeps) ``ner``, which it runs; ``load_pipeline(full_parse=True)`` (``--full-parse``)
leaves the model's ``ner`` on every word instead.

Config (``nlp.add_pipe("auditor_ner_windows", config={...})``):

- ``context`` (default 4): words kept either side of a trigger word. Four is the reach
  of the small model's entity embedding; with fewer, words at a window's edge are read
  with less context than the full run gives them; more keeps more words (slower). A
  model whose recognizer looks further needs a larger value.
- ``batch_size`` (default 64): Docs of kept words sent to ``ner`` at once.

    >>> doc = nlp("the talks went on and on until late , when Ana Ruiz said no .")
    >>> [(e.text, e.label_) for e in doc.ents]                 # doctest: +SKIP
    [('Ana Ruiz', 'PERSON')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from auditor.lexicon import word_set

#: Calendar and clock words that open or hold a DATE or TIME entity without a capital or
#: a digit ("last week", "three years ago", "this morning").
CALENDAR_WORDS = word_set("calendar_words")


@Language.factory("auditor_ner_windows", default_config={"context": 4, "batch_size": 64})
def make_ner_windows(nlp: Language, name: str, context: int, batch_size: int) -> NerWindows:
    """Create the component; it takes the place of ``ner`` (which it runs itself). See the
    module doc for ``context`` and ``batch_size``."""
    return NerWindows(nlp, name, context, batch_size)


class NerWindows:
    """The component (see the module doc)."""

    def __init__(self, nlp: Language, name: str, context: int, batch_size: int) -> None:
        self.nlp = nlp
        self.name = name
        self.context = context
        self.batch_size = batch_size
        self.kept_tokens = 0
        self.all_tokens = 0

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        ner = self.nlp.get_pipe("ner")
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._recognize(ner, batch)
                batch = []
        if batch:
            yield from self._recognize(ner, batch)

    def _recognize(self, ner, docs: list[Doc]) -> list[Doc]:
        kept = [kept_indices(doc, self.context) for doc in docs]
        pieces = [piece_doc(doc, indices) for doc, indices in zip(docs, kept, strict=True)]
        read = ner.pipe([p for p, _ in pieces], batch_size=self.batch_size)
        for doc, (_, where), piece in zip(docs, pieces, read, strict=True):
            self.all_tokens += len(doc)
            self.kept_tokens += sum(i >= 0 for i in where)
            spans = []
            for ent in piece.ents:
                origin = where[ent.start : ent.end]
                if min(origin) < 0 or origin[-1] - origin[0] != len(origin) - 1:
                    continue  # runs across a gap: not an entity of the article
                spans.append(Span(doc, origin[0], origin[-1] + 1, label=ent.label_))
            doc.set_ents(spans, default="outside")
        return docs


def is_trigger(token: Token) -> bool:
    """Can ``token`` be part of an entity the audit reads? A proper noun, a capitalised
    word after a sentence's first ("the Senate"), a number, a calendar word."""
    if token.pos_ == "PROPN" or token.like_num or token.lower_ in CALENDAR_WORDS:
        return True
    return not token.is_sent_start and token.is_alpha and token.text[:1].isupper()


def kept_indices(doc: Doc, context: int) -> list[int]:
    """Indices of the triggers and of the ``context`` tokens either side, in order."""
    keep = bytearray(len(doc))
    for token in doc:
        if is_trigger(token):
            start, end = max(0, token.i - context), min(len(doc), token.i + context + 1)
            keep[start:end] = b"\x01" * (end - start)
    return [i for i, k in enumerate(keep) if k]


def piece_doc(doc: Doc, indices: list[int]) -> tuple[Doc, list[int]]:
    """A Doc of the tokens at ``indices`` with a newline token between runs that were not
    adjacent, and for each of its tokens the article's index (-1 for a newline put in)."""
    words: list[str] = []
    spaces: list[bool] = []
    where: list[int] = []
    previous = None
    for i in indices:
        if previous is not None and i != previous + 1:
            words.append("\n")
            spaces.append(False)
            where.append(-1)
        token = doc[i]
        words.append(token.text)
        spaces.append(bool(token.whitespace_))
        where.append(i)
        previous = i
    return Doc(doc.vocab, words=words, spaces=spaces), where
