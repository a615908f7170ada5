"""A doc's text and tokens, built once per document rather than once per access.

``Doc.text`` joins every token's text on each access, and each ``for token in doc`` or
``doc[i]`` makes a new ``Token`` object; the auditor's passes walk every doc about ten
times, which was a fifth of the components' time. :func:`doc_text` and :func:`doc_tokens`
remember both for the docs of the batch being processed.
"""

from __future__ import annotations

import threading
import weakref

from spacy.tokens import Doc, Token

#: Docs remembered per thread. ``nlp.pipe`` runs each component over a batch before the
#: next component, so this covers a batch (the auditor's batches are 16 documents).
_SIZE = 64
# Per thread: a Dask worker may run several pipelines in threads of one process.
_LOCAL = threading.local()


def _cache(name: str) -> dict:
    cache = getattr(_LOCAL, name, None)
    if cache is None:
        cache = {}
        setattr(_LOCAL, name, cache)
    return cache


def _remember(cache: dict, doc: Doc, value) -> None:
    if len(cache) >= _SIZE:
        del cache[next(iter(cache))]  # the oldest
    cache[id(doc)] = (weakref.ref(doc), value)


def _recall(cache: dict, doc: Doc):
    entry = cache.get(id(doc))
    # The weak reference tells a live doc from a new one that reuses a freed doc's id.
    if entry is not None and entry[0]() is doc:
        return entry[1]
    return None


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed on the first call for this doc and remembered after."""
    cache = _cache("texts")
    text = _recall(cache, doc)
    if text is None or len(text) != _length(doc):
        text = doc.text
        _remember(cache, doc, text)
    return text


def doc_tokens(doc: Doc) -> list[Token]:
    """``list(doc)``, made once per doc (until :func:`forget`) and shared by the passes."""
    cache = _cache("tokens")
    tokens = _recall(cache, doc)
    if tokens is None or len(tokens) != len(doc):
        tokens = list(doc)
        _remember(cache, doc, tokens)
    return tokens


def forget(doc: Doc) -> None:
    """Drop what is remembered of ``doc`` (the tokens keep their doc alive)."""
    _cache("tokens").pop(id(doc), None)


def _length(doc: Doc) -> int:
    # Retokenizing keeps the text; this cheap check guards against anything else.
    if not len(doc):
        return 0
    last = doc[-1]
    return last.idx + len(last.text_with_ws)
