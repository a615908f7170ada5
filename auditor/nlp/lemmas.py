"""``auditor_lemmatizer``: the English lemmatizer, remembering what it worked out.

spaCy's rule lemmatizer works a token's lemma out from its form, part of speech and
morphology: it remembers the words that went through its suffix rules, but reads the
morphology again for every token that is already a base form ("said" is remembered,
"the", "minister" and "police" are worked out at each sighting), and it checks each
candidate of a suffix rule against its word index with ``in`` on a Python list (57,000
nouns, 21,000 verbs): about 0.2 ms for each new word form, the first time it is met.

:class:`RememberedLemmatizer` gives each token the lemma the same rules give, remembered
per (form, part of speech, morphology) (exactly what the rules read, so the output
cannot differ), up to :attr:`RememberedLemmatizer.LIMIT` entries, after which it starts
again, as the table attribute ruler's memory does, so a batch over an archive's growing
vocabulary stays flat. Its word index answers ``in`` from a set. It reads and writes
the model's tables unchanged. :func:`remember_lemmas` swaps it in for a loaded pipeline's
English lemmatizer.

    >>> remember_lemmas(nlp)                          # doctest: +SKIP
    True
    >>> [t.lemma_ for t in nlp("The ministers said so.")]  # doctest: +SKIP
    ['the', 'minister', 'say', 'so', '.']
"""

from __future__ import annotations

from collections.abc import Callable

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en import English
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.tokens import Doc


class _WordIndex(list):
    """A lemma index list (still a list for the model's tables and their serialization)
    whose ``in`` is a set lookup: the rules ask whether a candidate ("ministe",
    "minister") is a known word, once per candidate."""

    def __init__(self, words) -> None:
        super().__init__(words)
        self._words = frozenset(self)

    def __contains__(self, word: object) -> bool:
        return word in self._words


@English.factory(
    "auditor_lemmatizer",
    assigns=["token.lemma"],
    default_config={
        "model": None,
        "mode": "rule",
        "overwrite": False,
        "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"},
    },
)
def make_remembered_lemmatizer(
    nlp: Language, model, name: str, mode: str, overwrite: bool, scorer: Callable | None
) -> RememberedLemmatizer:
    """Create the component (see :func:`remember_lemmas`)."""
    return RememberedLemmatizer(
        nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer
    )


class _Unkept(dict):
    """A lemma cache that keeps nothing: spaCy's rule lemmatizer files each word it worked
    out under (form, part of speech, morphology), the very key of
    :attr:`RememberedLemmatizer.remembered`, which it is only asked after a miss there; so
    its own copy is never read again and only cost memory (about a third of the lemma
    memory's bytes: a key, a list and its strings per word through the suffix rules)."""

    def __setitem__(self, key, value) -> None:
        pass


class RememberedLemmatizer(EnglishLemmatizer):
    """spaCy's English lemmatizer with a bounded memory of the lemma of each
    (form, part of speech, morphology)."""

    #: Lemmas remembered; past this the memory starts again.
    LIMIT = 50_000

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.cache = _Unkept()
        #: (ORTH, POS, MORPH) hashes -> lemma text
        self.remembered: dict[tuple[int, int, int], str] = {}
        #: one object for equal morphology numbers and lemma texts in ``remembered``
        self._shared: dict[int | str, int | str] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:
            self._validate_tables(Errors.E1004)
        try:
            self._set_lemmas(doc)
        except Exception as exc:  # noqa: BLE001 - spaCy's error handler decides
            self.get_error_handler()(self.name, self, [doc], exc)
        return doc

    def _set_lemmas(self, doc: Doc) -> None:
        """Set every token's lemma (kept where one is set and ``overwrite`` is off)."""
        if not len(doc):
            return
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        add = doc.vocab.strings.add  # the lemma's text must be in the store (memory zones)
        remembered = self.remembered
        hashes: dict[str, int] = {}
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not self.overwrite:
                lemmas.append(lemma)
                continue
            key = (orth, pos, morph)
            text = remembered.get(key)
            if text is None:
                text = self._remember(key, self.lemmatize(doc[i])[0])
            number = hashes.get(text)
            if number is None:
                number = hashes[text] = add(text)
            lemmas.append(number)
        doc.from_array([LEMMA], numpy.asarray(lemmas, dtype=numpy.uint64))

    def _remember(self, key: tuple[int, int, int], text: str) -> str:
        """Remember ``text`` as the lemma of ``key``; returns the text kept.

        A new entry shares what earlier ones hold: the morphology's number (a few hundred
        values) and the lemma's text ("say" for "said", "says", "saying"): about 130 bytes
        an entry instead of 220 (measured on news text, this dict included).
        """
        if len(self.remembered) >= self.LIMIT:
            self.remembered.clear()
            self._shared.clear()
        orth, pos, morph = key
        morph = self._shared.setdefault(morph, morph)
        text = self._shared.setdefault(text, text)
        self.remembered[orth, pos, morph] = text
        return text

    def index_as_sets(self) -> None:
        """Make the ``lemma_index`` table's word lists answer ``in`` from a set."""
        if not self.lookups.has_table("lemma_index"):
            return
        table = self.lookups.get_table("lemma_index")
        for pos, words in list(table.items()):
            if isinstance(words, list) and not isinstance(words, _WordIndex):
                table[pos] = _WordIndex(words)


def remember_lemmas(nlp: Language) -> bool:
    """Replace ``nlp``'s spaCy English rule lemmatizer by a :class:`RememberedLemmatizer`
    holding the same tables. Returns True when it did (False for any other lemmatizer)."""
    for name, component in nlp.pipeline:
        if type(component) is not EnglishLemmatizer or component.mode != "rule":
            continue
        replacement = nlp.replace_pipe(
            name, "auditor_lemmatizer", config={"overwrite": component.overwrite}
        )
        replacement.lookups = component.lookups
        replacement.index_as_sets()
        return True
    return False
