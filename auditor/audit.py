"""The audit of one article, start to finish: ingest -> nlp -> sourcing -> rules -> result.

:class:`Auditor` holds the loaded pipeline and rule pack so many articles can be audited
with one model load; ``auditor audit``, ``auditor check``, ``auditor evaluate`` and
``auditor batch`` all go through it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.language import Language

from auditor.analysis import analysis_from_doc
from auditor.ingest import Article
from auditor.model import Analysis, AuditResult, DocumentInfo
from auditor.pipeline import DEFAULT_MODEL, load_pipeline


class Auditor:
    """Audits articles with one spaCy pipeline, one rule pack and one configuration.

    >>> from auditor import Auditor, article_from_text
    >>> auditor = Auditor()                      # loads the default model once
    >>> result = auditor.audit(article_from_text("Officials said the bridge was closed."))
    >>> result.to_dict()["schema"]
    'auditor/1'
    """

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        *,
        nlp: Language | None = None,
        config=None,
        rule_pack=None,
        keep_going: bool = False,
    ):
        from auditor.config import Config
        from auditor.rules import load_rule_pack

        self.model = model
        self.nlp = nlp if nlp is not None else load_pipeline(model)
        self.config = config if config is not None else Config()
        self.rule_pack = (
            rule_pack
            if rule_pack is not None
            else load_rule_pack(self.config, keep_going=keep_going)
        )

    def audit(self, article: Article) -> AuditResult:
        """Audit one article."""
        doc = self.nlp(article.view)
        return self._finish(article, analysis_from_doc(doc, article.source))

    def audit_many(
        self, articles: Iterable[Article], *, n_process: int = 1, batch_size: int = 8
    ) -> Iterator[AuditResult]:
        """Audit many articles through ``nlp.pipe``, yielding results in input order."""
        articles = list(articles)
        docs = self.nlp.pipe(
            (a.view for a in articles), n_process=n_process, batch_size=batch_size
        )
        for article, doc in zip(articles, docs, strict=True):
            yield self._finish(article, analysis_from_doc(doc, article.source))

    def _finish(self, article: Article, analysis: Analysis) -> AuditResult:
        from auditor.sourcing import annotate, summarize

        annotate(analysis)
        findings = self.rule_pack.evaluate(analysis, article)
        summary = summarize(analysis, findings)
        return AuditResult(
            document=document_info(article),
            text=article.source,
            attributions=analysis.attributions,
            claims=analysis.claims,
            findings=findings,
            summary=summary,
            analysis=analysis,
        )


def document_info(article: Article) -> DocumentInfo:
    """The ``document`` block of the JSON contract for ``article``."""
    digest = hashlib.sha256(article.source.encode("utf-8")).hexdigest()
    path = article.path if article.path == "-" else str(Path(article.path))
    return DocumentInfo(
        path=path,
        name=article.name,
        chars=len(article.source),
        sha256=digest,
        title=article.title,
    )
