"""Character spans as the scorer sees them: sorted fragments, compared by the characters.

A brat span may be discontinuous (``10 20;30 40``), so every span here is a tuple of
``(start, end)`` fragments. Predictions from the auditor are always one fragment.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

#: A span: non-empty, sorted, non-overlapping, non-touching ``(start, end)`` fragments.
Fragments = tuple[tuple[int, int], ...]

#: Double quotation marks that make a gold attribution a direct quote. The doubled
#: apostrophe is how some news archives write a double quote (''like this'').
DOUBLE_QUOTE_MARKS = ('"', "\u201c", "\u201d", "\u201e", "\u201f", "''")


def fragments(pairs: Iterable[tuple[int, int]]) -> Fragments:
    """Normalize ``(start, end)`` pairs into a span: sorted, overlapping or touching merged.

    Merging touching fragments keeps ``10 20;20 30`` and ``10 30`` equal, since they cover
    the same characters. Empty fragments are dropped. Raises ``ValueError`` when nothing
    is left or a fragment ends before it starts.
    """
    merged: list[list[int]] = []
    for start, end in sorted(pairs):
        if end < start:
            raise ValueError(f"fragment {start}-{end} ends before it starts")
        if start == end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    if not merged:
        raise ValueError("span has no characters")
    return tuple((s, e) for s, e in merged)


def span(start: int, end: int) -> Fragments:
    """A one-fragment span ``start``-``end``."""
    return fragments([(start, end)])


def length(a: Fragments) -> int:
    """Number of characters ``a`` covers."""
    return sum(e - s for s, e in a)


def overlap(a: Fragments, b: Fragments) -> int:
    """Number of characters ``a`` and ``b`` share."""
    shared = 0
    # Both are short sorted lists; a merge walk keeps this linear.
    i = j = 0
    while i < len(a) and j < len(b):
        (sa, ea), (sb, eb) = a[i], b[j]
        shared += max(0, min(ea, eb) - max(sa, sb))
        if ea <= eb:
            i += 1
        else:
            j += 1
    return shared


def jaccard(a: Fragments, b: Fragments) -> float:
    """Character Jaccard similarity: shared characters over characters in either."""
    shared = overlap(a, b)
    union = length(a) + length(b) - shared
    return shared / union if union else 0.0


def bounds(a: Fragments) -> tuple[int, int]:
    """First and last offset the span touches."""
    return a[0][0], a[-1][1]


def text_of(text: str, a: Fragments, joiner: str = " ") -> str:
    """The characters of ``a`` in ``text``, fragments joined as brat writes them."""
    return joiner.join(text[s:e] for s, e in a)


def holds_double_quote(content: str) -> bool:
    """Whether ``content`` contains a double quotation mark (straight, curly or '')."""
    return any(mark in content for mark in DOUBLE_QUOTE_MARKS)


def to_brat(a: Fragments) -> str:
    """The span in brat notation, ``10 20;30 40``."""
    return ";".join(f"{s} {e}" for s, e in a)


@dataclass(frozen=True)
class AttributionSpans:
    """One attribution reduced to what is scored: content, cue and source spans.

    ``ref`` says where it came from (``ann/a.ann:7`` for gold, an id for predictions) so
    error listings can point at it. A prediction may also carry the ``source_type`` the
    auditor gave its source (see :mod:`auditor.evaluate.source_types`) and the ``parts``
    of its content (the passages that are the speaker's own words; see
    :mod:`auditor.evaluate.conventions`). ``speaker`` is the name the source resolves to:
    the auditor's for a prediction, the annotator's note on the Source span for gold
    (brat ``AnnotatorNotes``), else ``None``.
    """

    content: Fragments
    cue: Fragments | None = None
    source: Fragments | None = None
    ref: str = ""
    # Not compared: two attributions with the same spans are the same attribution to the
    # span scorers, whatever was said about their source.
    source_type: str | None = field(default=None, compare=False)
    speaker: str | None = field(default=None, compare=False)
    #: the content's passages, one span each; empty when the content is one passage
    parts: tuple[Fragments, ...] = field(default=(), compare=False)

    def role(self, name: str) -> Fragments | None:
        """The span of role ``name`` (``content``, ``cue`` or ``source``)."""
        return getattr(self, name)


def as_attribution_spans(item: Any, ref: str = "") -> AttributionSpans:
    """Convert one predicted attribution into :class:`AttributionSpans`.

    Accepts an ``AttributionSpans``, anything shaped like ``auditor.model.Attribution``
    (``.content``, ``.cue``, ``.source`` with ``.start``/``.end``, cue and source possibly
    ``None``), or a ``(content, cue, source)`` tuple of ``(start, end)`` pairs or ``None``.
    From a model object, its ``source_type``, its speaker's ``name`` and its content's
    ``passages`` are kept too.
    """
    if isinstance(item, AttributionSpans):
        return item
    source_type = speaker = None
    parts: tuple[Fragments, ...] = ()
    if isinstance(item, Sequence) and not isinstance(item, str):
        if len(item) != 3:
            raise TypeError("a predicted attribution tuple must be (content, cue, source)")
        content, cue, source = (_as_fragments(part) for part in item)
    else:
        content = _as_fragments(item.content)
        cue = _as_fragments(getattr(item, "cue", None))
        source = _as_fragments(getattr(item, "source", None))
        ref = str(getattr(item, "id", "") or "") or ref  # the model's own id reads best
        source_type = _optional_text(getattr(item, "source_type", None))
        speaker = _optional_text(getattr(getattr(item, "speaker", None), "name", None))
        passages = getattr(item, "passages", None) or ()
        parts = tuple(p for p in (_as_fragments(part) for part in passages) if p is not None)
    if content is None:
        raise ValueError("a predicted attribution needs a content span")
    return AttributionSpans(
        content=content,
        cue=cue,
        source=source,
        ref=ref,
        source_type=source_type,
        speaker=speaker,
        parts=parts if len(parts) > 1 else (),
    )


def _optional_text(value: Any) -> str | None:
    return str(value) if value else None


def _as_fragments(part: Any) -> Fragments | None:
    if part is None:
        return None
    if hasattr(part, "start") and hasattr(part, "end"):
        start, end = part.start, part.end
    else:
        start, end = part
    if start == end:
        # An empty cue or source predicts nothing; treat it as absent.
        return None
    return span(int(start), int(end))
