"""auditor: who said what in a news article, and how well each claim is sourced.

    >>> from auditor import Auditor, article_from_text
    >>> result = Auditor().audit(article_from_text('"We will rebuild," Mayor Ana Ruiz said.'))
    >>> result.attributions[0].speaker.name
    'Ana Ruiz'
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["Article", "Auditor", "__version__", "article_from_text", "read_article"]

_LAZY = {
    "Auditor": "auditor.audit",
    "Article": "auditor.ingest",
    "article_from_text": "auditor.ingest",
    "read_article": "auditor.ingest",
}


def __getattr__(name: str):
    # Imported on first use so that `auditor --help` does not pay for loading spaCy.
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'auditor' has no attribute {name!r}")
