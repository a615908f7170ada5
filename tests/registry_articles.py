"""Made-up registry articles for the provenance tests: claims, quotes and names only."""

from __future__ import annotations

import hashlib


def claim_attributions(claims) -> list[dict]:
    """``auditor/1`` attributions for ``claims``: (speaker, source type, text) each."""
    return [
        {
            "kind": "indirect",
            "content": {"start": 0, "end": len(text), "text": text},
            "source": {"start": 0, "end": len(who), "text": who},
            "speaker": {"name": who},
            "source_type": kind,
        }
        for who, kind, text in claims
    ]


def provenance_record(quotes=(), names=None) -> dict:
    """A provenance record with ``quotes`` ((speaker, text) each) and ``names``."""
    return {
        "speakers": [],
        "quotes": [{"text": t, "speakers": [s], "at": [0, len(t)]} for s, t in quotes],
        "names": {n: [c, 0] for n, c in (names or {}).items()},
        "orgs": {},
    }


def add_article(registry, doc, claims=(), quotes=(), names=None, **info) -> int:
    """Record article ``doc`` in ``registry`` (``info``: title, published, ...); its id."""
    sha = hashlib.sha256(doc.encode()).hexdigest()
    registry.add_article(
        {"sha256": sha, "doc": doc, **info},
        {"attributions": claim_attributions(claims)},
        provenance_record(quotes, names),
    )
    return registry.article_ids([sha])[sha]
