"""From a processed spaCy ``Doc`` to the plain :class:`~auditor.model.Analysis`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from auditor.model import Analysis, Attribution, Quote, Span, Speaker, SpeakerCluster
from auditor.nlp.doctext import doc_text
from auditor.nlp.parts import content_parts
from auditor.nlp.raw import AttributionRecord
from auditor.text import paragraph_spans


def analysis_from_doc(doc: Doc, source: str | None = None) -> Analysis:
    """Collect what the auditor components stored on ``doc``.

    ``source`` is the original text the spans must slice (the article's source when the
    doc was made from its same-length view); it defaults to ``doc.text``.
    """
    view = doc_text(doc)
    text = view if source is None else source
    if len(text) != len(view):
        raise ValueError("source and doc text must have the same length")
    clusters = [_cluster(text, c) for c in (doc._.auditor_speakers or [])]
    by_id = {c.id: c for c in clusters}
    quotes = [Quote.from_dict(q) for q in (doc._.auditor_quotes or [])]
    quoted = sorted((q.start, q.end) for q in quotes)
    attributions = []
    for number, raw in enumerate(doc._.auditor_attributions or [], start=1):
        attributions.append(_attribution(text, number, raw, by_id, quoted))
    return Analysis(
        text=text,
        sentences=_sentences(doc),
        paragraphs=paragraph_spans(view),
        quotes=quotes,
        attributions=attributions,
        speakers=clusters,
    )


def analyze_texts(
    nlp: Language, texts: Iterable[str], *, n_process: int = 1, batch_size: int = 8
) -> Iterator[Analysis]:
    """Run the pipeline over ``texts`` (article views) and yield one Analysis each."""
    for doc in nlp.pipe(texts, n_process=n_process, batch_size=batch_size):
        yield analysis_from_doc(doc)


def _span(text: str, bounds) -> Span | None:
    if bounds is None:
        return None
    start, end = bounds
    return Span.of(text, start, end)


def _attribution(
    text: str,
    number: int,
    raw: AttributionRecord,
    clusters: dict,
    quoted: list[tuple[int, int]],
) -> Attribution:
    speaker = None
    if raw.get("speaker_name"):
        speaker = Speaker(
            name=raw["speaker_name"],
            description=raw.get("speaker_description"),
            cluster=raw.get("speaker"),
        )
    return Attribution(
        id=f"a{number}",
        kind=raw["kind"],
        content=_span(text, raw["content"]),
        cue=_span(text, raw.get("cue")),
        source=_span(text, raw.get("source")),
        speaker=speaker,
        source_type=raw.get("source_type", "unknown"),
        via=_span(text, raw.get("via")),
        parts=_parts(text, raw, quoted),
    )


def _parts(text: str, raw: AttributionRecord, quoted: list[tuple[int, int]]) -> list[Span]:
    """The content's parts: those a pass recorded, else computed from the extent (every
    pass gets them without knowing about them); [] when the extent is the one part."""
    content = tuple(raw["content"])
    given = raw.get("parts")
    if given:
        ranges = [tuple(part) for part in given]
    else:
        frames = [tuple(raw[key]) for key in ("cue", "source", "via") if raw.get(key)]
        ranges = content_parts(text, content, frames, quoted)
    if ranges == [content]:
        return []
    return [Span.of(text, start, end) for start, end in ranges]


def _cluster(text: str, raw: dict) -> SpeakerCluster:
    return SpeakerCluster(
        id=raw["id"],
        name=raw["name"],
        kind=raw["kind"],
        description=raw.get("description"),
        variants=list(raw.get("variants", [])),
        mentions=[Span.of(text, s, e) for s, e in raw.get("mentions", [])],
        introduced=raw.get("introduced"),
    )


def _sentences(doc: Doc) -> list[tuple[int, int]]:
    """Character bounds of each sentence's words (spaces at either end left out), in one
    pass over the tokens (the sentences ``doc.sents`` gives)."""
    sentences = []
    first: int | None = None
    last = 0
    for token in doc:
        if token.is_sent_start and token.i and first is not None:
            sentences.append((first, last))
            first = None
        if not token.is_space:
            if first is None:
                first = token.idx
            last = token.idx + len(token)
    if first is not None:
        sentences.append((first, last))
    return sentences
