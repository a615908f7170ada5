"""Examples of misjudged and uncovered gold sources, each in its sentence.

``misjudged``: a covered gold source the auditor put in the wrong coarse class;
``uncovered``: a gold source no predicted source overlaps. Each example shows the
sentence with the gold source marked ``[[...]]``, the gold label, and the auditor's side:
the covering attribution's source, type and resolved speaker, or, for an uncovered
source, the prediction whose content overlaps the gold content most (its source shows
whether the attribution was found with another source or not found at all).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from itertools import zip_longest
from typing import Any

from auditor.evaluate.diagnostics import context, shorten
from auditor.evaluate.source_types import TypedSource
from auditor.evaluate.spans import AttributionSpans, Fragments, bounds, overlap, span, text_of
from auditor.model import line_and_column
from auditor.text import CLOSERS, OPENERS, SENTENCE_FINAL, ends_with_title_abbreviation

KINDS = ("misjudged", "uncovered")

#: Characters of a long sentence shown either side of the source.
SENTENCE_CONTEXT = 100

# A sentence ends at final punctuation (and closing marks) before a capital, a digit or
# an opening mark, or at a line break.
_BOUNDARY = re.compile(
    rf"[{re.escape(SENTENCE_FINAL)}][{re.escape(CLOSERS)}]*\s+"
    rf"(?=[{re.escape(OPENERS)}]*[A-Z0-9])|\n+"
)


@dataclass
class SourceTypeError:
    """One misjudged or uncovered gold source, ready to show."""

    kind: str
    document: str
    line: int
    tsv_line: int
    sentence: str
    source: str
    gold: str
    predicted: str
    predicted_source: str | None
    speaker: str | None
    ref: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class TypedDocument:
    """What :func:`pick_type_errors` needs for one document."""

    name: str
    text: str
    typed: Sequence[TypedSource]
    pred: Sequence[AttributionSpans]


def pick_type_errors(
    documents: Sequence[TypedDocument], n: int
) -> dict[str, list[SourceTypeError]]:
    """Up to ``n`` examples of each kind, round-robin across documents (as
    :func:`auditor.evaluate.diagnostics.pick_errors` does)."""
    picked: dict[str, list[SourceTypeError]] = {kind: [] for kind in KINDS}
    if n <= 0:
        return picked
    for kind in KINDS:
        per_doc = [[(doc, t) for t in doc.typed if getattr(t, kind)] for doc in documents]
        for row in zip_longest(*per_doc):
            for entry in row:
                if entry is not None and len(picked[kind]) < n:
                    picked[kind].append(_example(kind, *entry))
    return picked


def _example(kind: str, doc: TypedDocument, typed: TypedSource) -> SourceTypeError:
    gold = typed.gold
    index = typed.predicted
    if index is None and gold.content is not None:
        index = _by_content(gold.content, doc.pred)
    pred = doc.pred[index] if index is not None else None
    start = bounds(gold.source)[0]
    return SourceTypeError(
        kind=kind,
        document=doc.name,
        line=line_and_column(doc.text, start)[0],
        tsv_line=gold.line,
        sentence=sentence_context(doc.text, gold.source),
        source=shorten(text_of(doc.text, gold.source)),
        gold=gold.label,
        predicted=typed.predicted_type,
        predicted_source=(
            shorten(text_of(doc.text, pred.source)) if pred and pred.source else None
        ),
        speaker=pred.speaker if pred else None,
        ref=pred.ref if pred else None,
    )


def _by_content(content: Fragments, pred: Sequence[AttributionSpans]) -> int | None:
    best, best_shared = None, 0
    for index, attribution in enumerate(pred):
        shared = overlap(content, attribution.content)
        if shared > best_shared:
            best, best_shared = index, shared
    return best


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence(s) holding ``start``-``end``, found from punctuation and
    line breaks (no sentence ends after a title abbreviation such as "Sen.")."""
    left, right = 0, len(text)
    for match in _BOUNDARY.finditer(text):
        mark = match.group().rstrip()
        if mark and ends_with_title_abbreviation(
            text[max(0, match.start() - 20) : match.start() + 1]
        ):
            continue
        if match.end() <= start:
            left = match.end()
        elif match.start() >= end:
            right = match.start() + len(mark)
            break
    return left, right


def sentence_context(text: str, source: Fragments) -> str:
    """The sentence holding ``source``, the source marked ``[[...]]``, on one line."""
    start, end = bounds(source)
    left, right = sentence_bounds(text, start, end)
    return context(text[left:right], span(start - left, end - left), width=SENTENCE_CONTEXT)
