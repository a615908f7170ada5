"""The audit of one article, start to finish: ingest -> nlp -> sourcing -> rules -> result.

:class:`Auditor` holds the loaded pipeline and rule pack so many articles can be audited
with one model load; ``auditor audit``, ``auditor check``, ``auditor evaluate`` and
``auditor batch`` all go through it. An article longer than the piece size is analysed in
pieces (:mod:`auditor.pieces`), so text of any length can be audited.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.language import Language

from auditor.analysis import analysis_from_doc
from auditor.ingest import Article
from auditor.limits import DEFAULT_PIECE_CHARS
from auditor.model import Analysis, AuditResult, DocumentInfo
from auditor.pieces import audit_in_pieces
from auditor.pipeline import DEFAULT_MODEL, load_pipeline


class Auditor:
    """Audits articles with one spaCy pipeline, one rule pack and one configuration.

    >>> from auditor import Auditor, article_from_text
    >>> auditor = Auditor()                      # loads the default model once
    >>> result = auditor.audit(article_from_text("Officials said the bridge was closed."))
    >>> result.to_dict()["schema"]
    'auditor/2'
    """

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        *,
        nlp: Language | None = None,
        config=None,
        rule_pack=None,
        keep_going: bool = False,
        piece_chars: int = DEFAULT_PIECE_CHARS,
        full_parse: bool = False,
        specials_on_demand: bool = False,
    ):
        from auditor.config import Config
        from auditor.rules import load_rule_pack

        self.model = model
        # full_parse: the model's entity recognizer over every word (--full-parse);
        # specials_on_demand: a one-off run's tokenizer adds special cases as texts need them
        if nlp is None:
            nlp = load_pipeline(
                model, full_parse=full_parse, specials_on_demand=specials_on_demand
            )
        self.nlp = nlp
        self.config = config if config is not None else Config()
        self.rule_pack = (
            rule_pack
            if rule_pack is not None
            else load_rule_pack(self.config, keep_going=keep_going)
        )
        if piece_chars < 1:
            raise ValueError("piece_chars must be positive")
        # Never more than the pipeline accepts in one text (spaCy's E088).
        self.piece_chars = min(piece_chars, self.nlp.max_length)

    def is_long(self, article: Article) -> bool:
        """Whether ``article`` is analysed in pieces (longer than :attr:`piece_chars`)."""
        return len(article.view) > self.piece_chars

    def audit(self, article: Article) -> AuditResult:
        """Audit one article (in pieces when it is long)."""
        if self.is_long(article):
            return audit_in_pieces(self, article, self.piece_chars)
        doc = self.nlp(article.view)
        return self._finish(article, analysis_from_doc(doc, article.source))

    def audit_many(
        self, articles: Iterable[Article], *, n_process: int = 1, batch_size: int = 8
    ) -> Iterator[AuditResult]:
        """Audit many articles, yielding results in input order.

        Short articles go through ``nlp.pipe`` together; long ones in pieces.
        """
        articles = list(articles)
        docs = self.nlp.pipe(
            (a.view for a in articles if not self.is_long(a)),
            n_process=n_process,
            batch_size=batch_size,
        )
        for article in articles:
            if self.is_long(article):
                yield audit_in_pieces(self, article, self.piece_chars)
            else:
                yield self._finish(article, analysis_from_doc(next(docs), article.source))

    def audit_each(
        self, articles: Iterable[Article], *, batch_size: int = 8
    ) -> Iterator[tuple[Article, AuditResult | Exception]]:
        """``(article, result)`` for each article in order, where a document whose audit
        raises gives its exception as the result, so it never takes the others with it.

        Articles go through :meth:`audit_many`; after a failure the rest are audited one at
        a time to tell the failing documents from the good ones.
        """
        articles = list(articles)
        done = 0
        try:
            for result in self.audit_many(articles, batch_size=batch_size):
                yield articles[done], result
                done += 1
            return
        except Exception:  # noqa: BLE001 - any failure belongs to one document; find it
            pass
        for article in articles[done:]:
            try:
                yield article, self.audit(article)
            except Exception as exc:  # noqa: BLE001 - the failure is this document's
                yield article, exc

    def _finish(self, article: Article, analysis: Analysis) -> AuditResult:
        from auditor.sourcing import annotate, summarize

        facts = annotate(analysis)
        # The rules read the flags' evidence: annotate has just worked it out.
        findings = self.rule_pack.evaluate(analysis, article, flag_evidence=facts.flags)
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
