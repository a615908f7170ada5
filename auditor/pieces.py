"""Long documents in pieces: the parser's memory grows with the document, so a very long
article is cut at paragraph breaks, each piece is analysed alone and the analyses are
joined (offsets shifted back) before the rules run over the whole article.

What is lost at a cut: a quotation running across it, and speaker resolution across
pieces (a surname in piece 2 does not link to the full name in piece 1). Cuts are made
at paragraph breaks, where both are rare, and only documents longer than the piece size
(:data:`auditor.limits.DEFAULT_PIECE_CHARS` by default) are cut at all.

This is the one piece path of the auditor: :meth:`auditor.audit.Auditor.audit` takes it for
any article longer than its piece size (so no text ever reaches spaCy's ``max_length``),
and ``auditor batch`` uses it with its ``--piece-chars``.
"""

from __future__ import annotations

import dataclasses

from auditor.analysis import analysis_from_doc
from auditor.model import Analysis, Attribution, AuditResult, Span, SpeakerCluster
from auditor.text import paragraph_spans


def piece_bounds(view: str, size: int) -> list[tuple[int, int]]:
    """``(start, end)`` of consecutive pieces of ``view``, each at most ``size`` long.

    A piece ends after the last newline in its second half, else after the last space
    there, else at ``size`` (a single endless word).
    """
    if size < 1:
        raise ValueError("piece size must be positive")
    bounds = []
    start = 0
    while len(view) - start > size:
        limit = start + size
        half = start + size // 2
        cut = view.rfind("\n", half, limit)
        if cut < 0:
            cut = view.rfind(" ", half, limit)
        end = cut + 1 if cut >= 0 else limit
        bounds.append((start, end))
        start = end
    bounds.append((start, len(view)))
    return bounds


def audit_in_pieces(auditor, article, size: int) -> AuditResult:
    """Audit ``article`` by running the pipeline over pieces of at most ``size`` chars."""
    parts = []
    for number, (start, end) in enumerate(piece_bounds(article.view, size), start=1):
        doc = auditor.nlp(article.view[start:end])
        part = analysis_from_doc(doc, article.source[start:end])
        parts.append(shift_analysis(part, start, f"p{number}-"))
    analysis = join_analyses(article.source, article.view, parts)
    # Auditor._finish is the single-article path after the NLP (sourcing, rules, summary).
    return auditor._finish(article, analysis)


def _span(span: Span | None, offset: int) -> Span | None:
    if span is None:
        return None
    return Span(span.start + offset, span.end + offset, span.text)


def shift_analysis(analysis: Analysis, offset: int, prefix: str) -> Analysis:
    """``analysis`` of a piece starting at ``offset``, with offsets into the whole text
    and speaker cluster ids prefixed so pieces do not collide."""
    speakers = [
        dataclasses.replace(
            cluster,
            id=prefix + cluster.id,
            mentions=[_span(m, offset) for m in cluster.mentions],
            introduced=None if cluster.introduced is None else cluster.introduced + offset,
        )
        for cluster in analysis.speakers
    ]
    attributions = [_shift_attribution(a, offset, prefix) for a in analysis.attributions]
    return Analysis(
        text=analysis.text,
        sentences=[(s + offset, e + offset) for s, e in analysis.sentences],
        paragraphs=[(s + offset, e + offset) for s, e in analysis.paragraphs],
        quotes=[
            dataclasses.replace(q, start=q.start + offset, end=q.end + offset)
            for q in analysis.quotes
        ],
        attributions=attributions,
        speakers=speakers,
        claims=[
            dataclasses.replace(c, start=c.start + offset, end=c.end + offset)
            for c in analysis.claims
        ],
    )


def _shift_attribution(a: Attribution, offset: int, prefix: str) -> Attribution:
    speaker = a.speaker
    if speaker is not None and speaker.cluster is not None:
        speaker = dataclasses.replace(speaker, cluster=prefix + speaker.cluster)
    return dataclasses.replace(
        a,
        content=_span(a.content, offset),
        cue=_span(a.cue, offset),
        source=_span(a.source, offset),
        via=_span(a.via, offset),
        parts=[_span(part, offset) for part in a.parts],
        speaker=speaker,
        flags=list(a.flags),
        findings=list(a.findings),
    )


def join_analyses(source: str, view: str, parts: list[Analysis]) -> Analysis:
    """One analysis of the whole text from the shifted analyses of its pieces."""
    attributions: list[Attribution] = []
    speakers: list[SpeakerCluster] = []
    joined = Analysis(
        text=source,
        sentences=[],
        paragraphs=paragraph_spans(view),
        quotes=[],
        attributions=attributions,
        speakers=speakers,
    )
    for part in parts:
        joined.sentences.extend(part.sentences)
        joined.quotes.extend(part.quotes)
        joined.claims.extend(part.claims)
        speakers.extend(part.speakers)
        attributions.extend(part.attributions)
    for number, attribution in enumerate(attributions, start=1):
        attribution.id = f"a{number}"
    return joined
