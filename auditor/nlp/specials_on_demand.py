"""A spaCy tokenizer that adds its special cases when a text first needs them.

Making the English tokenizer adds 1,347 special cases ("don't" -> "do" + "n't", "a.m.",
"Jan.", emoticons...), each building lexemes and strings: about 60 ms of a cold start in
which one article of a few thousand characters meets a dozen of them. A special case can
change the tokens of a text only where its key occurs in that text (as it stands, or with
the whitespace between tokens left out, which is how the tokenizer's phrase matcher sees
a run of tokens), so :class:`SpecialsOnDemandTokenizer` keeps the others aside and adds
them the first time a text holds them: the tokens of every text are those of the full
tokenizer ("They don't know." -> They, do, n't, know, . either way). Its ``rules``,
``to_bytes`` and ``to_disk`` show every special case, as spaCy's tokenizer does.

For the one-off ``auditor audit`` command only (:func:`auditor.pipeline.load_pipeline`
with ``specials_on_demand=True``): a special case added inside ``nlp.memory_zone()``
would point at memory freed at the end of the zone, so a memory zone refuses to start
while special cases are still aside (the batch, which runs in zones, uses the full one).
"""

from __future__ import annotations

from contextlib import contextmanager

import srsly
from spacy import util
from spacy.attrs import intify_attrs
from spacy.tokenizer import Tokenizer
from spacy.util import registry

#: The name of :func:`create_specials_on_demand_tokenizer` in spaCy's registry.
REGISTERED_NAME = "auditor.specials_on_demand_tokenizer.v1"


class SpecialsOnDemandTokenizer(Tokenizer):
    """spaCy's ``Tokenizer`` whose special cases are added when a text holds their key.

    >>> tokenizer = SpecialsOnDemandTokenizer(nlp.vocab, rules={"can't": [...]})  # doctest: +SKIP
    >>> [t.text for t in tokenizer("They can't.")]                               # doctest: +SKIP
    ['They', 'ca', "n't", '.']
    """

    def __init__(self, vocab, rules=None, **settings):
        super().__init__(vocab, rules=None, **settings)
        self._aside = {key: list(substrings) for key, substrings in (rules or {}).items()}
        # spaCy drops deprecated keys ("number") from each token's attributes as it adds a
        # special case, in place; the same here, so ``rules`` reads as spaCy's does.
        for substrings in self._aside.values():
            for attributes in substrings:
                intify_attrs(attributes, _do_deprecated=True)

    def __call__(self, text: str):
        self.add_special_cases_in(text)
        return super().__call__(text)

    def explain(self, text: str):
        self.add_special_cases_in(text)
        return super().explain(text)

    def add_special_cases_in(self, text: str) -> None:
        """Add the special cases set aside whose key occurs in ``text`` (or in ``text``
        without its whitespace: "a.m ." is matched as the tokens of "a.m.")."""
        if not self._aside:
            return
        squeezed = "".join(text.split())
        found = [key for key in self._aside if key in squeezed or key in text]
        for key in sorted(found):  # in spaCy's own order of loading
            self.add_special_case(key, self._aside.pop(key))

    @property
    def rules(self):
        """Every special case, the ones set aside included (as spaCy's ``rules``)."""
        return {**self._aside, **Tokenizer.rules.__get__(self)}

    @rules.setter
    def rules(self, rules):
        self._aside = {}
        Tokenizer.rules.__set__(self, rules)

    def to_bytes(self, *, exclude=tuple()) -> bytes:
        """spaCy's serialization, its ``exceptions`` holding every special case."""
        data = srsly.msgpack_loads(super().to_bytes(exclude=exclude))
        if "exceptions" in data:
            data["exceptions"] = dict(sorted(self.rules.items()))
        return srsly.msgpack_dumps(data)

    def to_disk(self, path, **kwargs) -> None:
        with util.ensure_path(path).open("wb") as file_:
            file_.write(self.to_bytes(**kwargs))

    @contextmanager
    def memory_zone(self, mem=None):
        """Entered by ``nlp.memory_zone()``: refused while special cases are aside."""
        if self._aside:
            raise RuntimeError(
                "a tokenizer with special cases on demand cannot run in a memory zone "
                "(load the pipeline without specials_on_demand)"
            )
        yield mem


@registry.tokenizers(REGISTERED_NAME)
def create_specials_on_demand_tokenizer():
    """spaCy's ``spacy.Tokenizer.v1`` (the language's defaults), with special cases
    added on demand; named in a model's config by :data:`REGISTERED_NAME`."""

    def tokenizer_factory(nlp) -> SpecialsOnDemandTokenizer:
        defaults = nlp.Defaults
        prefixes, suffixes, infixes = defaults.prefixes, defaults.suffixes, defaults.infixes
        return SpecialsOnDemandTokenizer(
            nlp.vocab,
            rules=defaults.tokenizer_exceptions,
            prefix_search=util.compile_prefix_regex(prefixes).search if prefixes else None,
            suffix_search=util.compile_suffix_regex(suffixes).search if suffixes else None,
            infix_finditer=util.compile_infix_regex(infixes).finditer if infixes else None,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )

    return tokenizer_factory
