"""``auditor_attribute_ruler``: spaCy's attribute ruler with a table-driven matcher.

The trained English pipelines map fine-grained tags to POS and morphology, and fix a few
lemmas, with an ``attribute_ruler`` of about 180 one- and two-token Matcher patterns. The
general-purpose ``Matcher`` tries every pattern at every token, which made this table
lookup cost as much as the parser (about 15% of the whole model's time on news text).

:class:`TableAttributeRuler` is an :class:`~spacy.pipeline.AttributeRuler` (same patterns,
same serialization, same ``set_annotations``) whose ``match`` looks patterns up by the
first token's ``LOWER``/``ORTH``/``TAG`` value instead, then checks the rest of each
candidate exactly. It returns the very list spaCy's ``match`` returns; patterns it cannot
read (operators, regular expressions, other attributes) send the whole ruler back to the
general ``Matcher``, so the output never differs. :func:`accelerate_attribute_ruler` swaps
it in for a loaded pipeline's ``attribute_ruler``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, ORTH, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from spacy.vocab import Vocab

#: Token attributes the table reads, by their Matcher pattern key; the order is the column
#: order of ``Doc.to_array``.
_KEYS = {"LOWER": LOWER, "ORTH": ORTH, "TEXT": ORTH, "TAG": TAG, "DEP": DEP, "IS_SPACE": IS_SPACE}
_COLUMNS = {key: i for i, key in enumerate(("LOWER", "ORTH", "TAG", "DEP", "IS_SPACE"))}


@dataclass(frozen=True)
class _Pattern:
    """One Matcher pattern as ``(column, allowed values)`` tests per token."""

    rule: int  # the ruler's pattern number: spaCy sorts matches by it
    key: int  # the Matcher key (hash of ``str(rule)``)
    tokens: tuple[tuple[tuple[int, frozenset[int] | _Test], ...], ...]


class _Unsupported(Exception):
    pass


@Language.factory(
    "auditor_attribute_ruler",
    default_config={
        "validate": False,
        "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"},
    },
)
def make_table_attribute_ruler(
    nlp: Language, name: str, validate: bool, scorer: Callable | None
) -> TableAttributeRuler:
    """Create the component (see :func:`accelerate_attribute_ruler`)."""
    return TableAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


class TableAttributeRuler(AttributeRuler):
    """An ``AttributeRuler`` that finds its matches by table lookup (see module doc)."""

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler", **kwargs: Any) -> None:
        super().__init__(vocab, name, **kwargs)
        self._table: _Table | None = None
        self._general = False  # True: some pattern needs the general Matcher

    # Anything that changes the patterns drops the table; it is rebuilt on the next doc.
    def add(self, patterns: Iterable, attrs: dict, index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._table, self._general = None, False

    def clear(self) -> None:
        super().clear()
        self._table, self._general = None, False

    @property
    def uses_table(self) -> bool:
        """False when some pattern needs the general Matcher (the output is the same)."""
        self._ensure_table()
        return not self._general

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        self._ensure_table()
        table = self._table
        if self._general or table is None:
            return super().match(doc)
        if not len(doc):
            return []
        # uint64 columns; ``tolist`` gives Python ints that compare with string hashes.
        rows = [tuple(row) for row in doc.to_array([LOWER, ORTH, TAG, DEP, IS_SPACE]).tolist()]
        matches = []
        n = len(rows)
        anchors, everywhere = table.anchors, table.everywhere
        for position, row in enumerate(rows):
            candidates = [
                found
                for column, value in enumerate(row)
                for found in anchors.get((column, value), ())
            ]
            if everywhere:
                candidates.extend((pattern, 0) for pattern in everywhere)
            for pattern, k in candidates:
                start, width = position - k, len(pattern.tokens)
                if 0 <= start <= n - width and _fits(pattern.tokens, rows, start):
                    matches.append((pattern.rule, pattern.key, start, start + width))
        matches.sort()
        return matches

    def set_annotations(self, doc: Doc, matches: list) -> None:
        """As spaCy's, without building a ``Span`` per match."""
        n = len(doc)
        for position, (rule, _key, start, end) in enumerate(matches):
            index = self.indices[rule]
            target = (start if index >= 0 else end) + index
            if not start <= target < end or target >= n:
                # spaCy's own code raises the documented error for a bad index.
                super().set_annotations(doc, matches[position:])
                return
            set_token_attrs(doc[target], self.attrs[rule])

    # ------------------------------------------------------------------ the table

    def _ensure_table(self) -> None:
        if self._table is not None or self._general:
            return
        try:
            patterns = [
                self._compile(rule, pattern)
                for rule in range(len(self.attrs))
                for pattern in self.matcher.get(str(rule))[1]
            ]
        except _Unsupported:
            self._general = True
            return
        self._table = _Table(patterns)

    def _compile(self, rule: int, pattern: list[dict[str, Any]]) -> _Pattern:
        if not pattern:
            raise _Unsupported("empty pattern")
        tokens = []
        for spec in pattern:
            tests = []
            for key, value in spec.items():
                key = key.upper()
                if key not in _KEYS:
                    raise _Unsupported(key)  # OP, regular expressions, other attributes
                tests.append((_COLUMNS["ORTH" if key == "TEXT" else key], self._values(key, value)))
            tokens.append(tuple(tests))
        return _Pattern(rule, self.vocab.strings[str(rule)], tuple(tokens))

    def _values(self, key: str, value: Any) -> frozenset[int] | _Test:
        if isinstance(value, dict):
            if len(value) != 1:
                raise _Unsupported(str(value))
            ((operator, argument),) = value.items()
            if operator in ("IN", "NOT_IN") and isinstance(argument, list):
                values = frozenset(v for item in argument for v in self._values(key, item))
                return values if operator == "IN" else _NotIn(values)
            if operator == "REGEX" and isinstance(argument, str) and key != "IS_SPACE":
                return _Regex(self.vocab, argument)
            raise _Unsupported(str(value))
        if key == "IS_SPACE":
            if not isinstance(value, bool):
                raise _Unsupported(str(value))
            return frozenset({int(value)})
        if not isinstance(value, str):
            raise _Unsupported(str(value))
        return frozenset({self.vocab.strings.add(value)})


class _Test:
    """A token test other than a plain set of values; ``value in test`` applies it."""

    def __contains__(self, value: int) -> bool:
        raise NotImplementedError


class _NotIn(_Test):
    def __init__(self, values: frozenset[int]) -> None:
        self.values = values

    def __contains__(self, value: int) -> bool:
        return value not in self.values


class _Regex(_Test):
    """``re.search`` on the attribute's string, as the Matcher's ``REGEX`` does."""

    #: Results remembered; past this the memory starts again, so a long batch over an
    #: archive's ever-growing vocabulary stays flat.
    LIMIT = 50_000

    def __init__(self, vocab: Vocab, pattern: str) -> None:
        self.vocab = vocab
        self.pattern = re.compile(pattern)
        self.seen: dict[int, bool] = {}  # string hash -> result

    def __contains__(self, value: int) -> bool:
        found = self.seen.get(value)
        if found is None:
            if len(self.seen) >= self.LIMIT:
                self.seen.clear()
            found = self.seen[value] = bool(self.pattern.search(self.vocab.strings[value]))
        return found


class _Table:
    """The ruler's patterns, each filed under one plain test (a column and its allowed
    values) of one of its tokens, so it is tried only where that token could be."""

    def __init__(self, patterns: list[_Pattern]) -> None:
        #: (column, value) -> [(pattern, position of the anchoring token in it)]
        self.anchors: dict[tuple[int, int], list[tuple[_Pattern, int]]] = {}
        #: patterns with no plain test (only regular expressions, NOT_IN): tried everywhere
        self.everywhere: list[_Pattern] = []
        for pattern in patterns:
            anchor = _anchor(pattern)
            if anchor is None:
                self.everywhere.append(pattern)
                continue
            column, k, values = anchor
            for value in values:
                self.anchors.setdefault((column, value), []).append((pattern, k))


def _anchor(pattern: _Pattern) -> tuple[int, int, frozenset[int]] | None:
    """The plain test (column, token position, values) to file a pattern under: the one
    with the fewest values, on its earliest token."""
    tests = [
        (len(allowed), k, column, allowed)
        for k, token in enumerate(pattern.tokens)
        for column, allowed in token
        if isinstance(allowed, frozenset)
    ]
    if not tests:
        return None
    _, k, column, allowed = min(tests, key=lambda t: (t[0], t[1], t[2]))
    return column, k, allowed


def _fits(tokens: tuple, rows: list[tuple[int, ...]], start: int) -> bool:
    """Do the rows from ``start`` on pass every test of the pattern's tokens?"""
    for k, tests in enumerate(tokens):
        row = rows[start + k]
        for column, allowed in tests:
            if row[column] not in allowed:
                return False
    return True


def accelerate_attribute_ruler(nlp: Language) -> bool:
    """Replace ``nlp``'s spaCy ``attribute_ruler`` by a :class:`TableAttributeRuler`
    holding the same patterns. Returns True when it did."""
    for name, component in nlp.pipeline:
        if type(component) is not AttributeRuler:
            continue
        patterns = component.patterns
        replacement = nlp.replace_pipe(name, "auditor_attribute_ruler")
        replacement.add_patterns(patterns)
        return True
    return False
