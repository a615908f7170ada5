"""The text of a ``Doc``, built once per document rather than once per access.

``Doc.text`` joins every token's text on each access (a new ``Token`` object per token);
the auditor's components and :func:`auditor.analysis.analysis_from_doc` ask for it about
ten times per article, which was a tenth of the audit's own time.
"""

from __future__ import annotations

import threading
import weakref

from spacy.tokens import Doc

#: Docs remembered per thread. ``nlp.pipe`` runs each component over a batch before the
#: next component, so this covers a batch (spaCy's default is far smaller than this).
_SIZE = 256
# Per thread: a Dask worker may run several pipelines in threads of one process.
_LOCAL = threading.local()


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed on the first call for this doc and remembered after."""
    cache: dict[int, tuple[weakref.ref, str]] | None = getattr(_LOCAL, "cache", None)
    if cache is None:
        cache = _LOCAL.cache = {}
    entry = cache.get(id(doc))
    # The weak reference tells a live doc from a new one that reuses a freed doc's id.
    if entry is not None and entry[0]() is doc and len(entry[1]) == _length(doc):
        return entry[1]
    text = doc.text
    if len(cache) >= _SIZE:
        del cache[next(iter(cache))]  # the oldest
    cache[id(doc)] = (weakref.ref(doc), text)
    return text


def _length(doc: Doc) -> int:
    # Retokenizing keeps the text; this cheap check guards against anything else.
    if not len(doc):
        return 0
    last = doc[-1]
    return last.idx + len(last.text_with_ws)
