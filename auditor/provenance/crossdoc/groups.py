"""What the cross-document checks take and give: their thresholds (:class:`Settings`)
and the groups they report (:class:`SharedOrigin`, :class:`QuoteDrift`, of
articles, :class:`Article`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Settings:
    """Thresholds of the cross-document checks (see docs/provenance.md)."""

    #: two articles share an origin when this many of their claims match...
    shared_claims: int = 2
    #: ...and those are at least this share of the smaller article's comparable claims
    shared_share: float = 0.3
    #: two quotes are versions of one when their word sequences are this similar
    quote_similarity: float = 0.75
    #: a shorter quote counts as cut from a longer one when it has this many words
    quote_min_words: int = 3


@dataclass
class Article:
    """What the checks show of an article."""

    id: int
    doc: str
    title: str | None = None
    outlet: str | None = None
    date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "title": self.title,
            "outlet": self.outlet,
            "date": self.date,
        }


@dataclass
class SharedOrigin:
    """Articles that retell one report: the claims they share, the upstream they cite.

    Read with a sample size (see :meth:`CrossDocuments.origins`), ``articles`` and
    ``claims`` hold the first ones only, and ``size`` and ``claim_count`` say how many
    there are; each conflict's usage lists its first articles, with the number of articles
    using each name in ``usage_counts``.
    """

    articles: list[Article]
    claims: list[dict[str, Any]] = field(default_factory=list)
    upstream: list[tuple[str, int]] = field(default_factory=list)
    speakers: list[tuple[str, int]] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    #: number of articles in the group (``len(articles)`` when read complete)
    size: int = 0
    #: number of shared claims (``len(claims)`` when read complete)
    claim_count: int = 0
    #: name -> number of articles using it, for the names in ``conflicts``
    usage_counts: dict[str, int] = field(default_factory=dict)

    def __post_init__(self):
        self.size = self.size or len(self.articles)
        self.claim_count = self.claim_count or len(self.claims)

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": [a.to_dict() for a in self.articles],
            "shared_claims": self.claims,
            "upstream": [{"source": s, "articles": n} for s, n in self.upstream],
            "shared_speakers": [{"speaker": s, "articles": n} for s, n in self.speakers],
            "conflicting_details": self.conflicts,
        }


@dataclass
class QuoteDrift:
    """One speaker quoted in two versions of the same words.

    Read with a sample size, ``versions`` holds the first versions and each version the
    first articles; ``version_count`` and each version's ``article_count`` say how many
    there are, ``article_count`` how many articles the group spans.
    """

    speaker: str
    change: str
    versions: list[dict[str, Any]]
    version_count: int = 0
    article_count: int = 0

    def __post_init__(self):
        self.version_count = self.version_count or len(self.versions)

    def to_dict(self) -> dict[str, Any]:
        versions = [
            {"text": v["text"], "differs": v["differs"], "articles": v["articles"]}
            for v in self.versions
        ]
        return {"speaker": self.speaker, "change": self.change, "versions": versions}
