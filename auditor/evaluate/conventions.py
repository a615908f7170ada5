"""The two conventions for what one content is: its extent, or each of its passages.

Corpora differ in what they annotate as one content. PolNeAR gives a quotation split by
its cue as one content with two fragments; other corpora give each quoted passage its
own attribution. ``auditor evaluate --content extent`` (the default) scores contents as
they are; ``--content parts`` scores every passage as a content of its own, on both
sides, so either kind of gold can be met:

- a prediction's passages are the ``parts`` the auditor gave its content (schema
  ``auditor/2``); a content with one part is one passage.
- a gold content's passages are its fragments, where fragments separated by nothing but
  white space (a quotation running on into the next paragraph, annotated around the
  line break) are one passage. Gold that annotates each passage on its own is left as it
  is.

Each passage keeps its attribution's cue, source, speaker and source type, so every
figure (exact spans, lenient content, end-to-end, direct quotes, speaker accuracy) is
then counted over passages.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from auditor.evaluate.spans import AttributionSpans, Fragments

#: ``--content`` values: contents as annotated / each passage its own content.
EXTENT = "extent"
PARTS = "parts"
CONVENTIONS = (EXTENT, PARTS)


def as_passages(
    attributions: Sequence[AttributionSpans], text: str, convention: str
) -> list[AttributionSpans]:
    """``attributions`` as the ``convention`` scores them (one item per passage for
    ``parts``; unchanged for ``extent``). Raises ``ValueError`` for another convention."""
    if convention == EXTENT:
        return list(attributions)
    if convention != PARTS:
        raise ValueError(f"unknown content convention {convention!r} (known: extent, parts)")
    out = []
    for attribution in attributions:
        passages = attribution.parts or gold_passages(attribution.content, text)
        if len(passages) == 1:
            out.append(dataclasses.replace(attribution, content=passages[0], parts=()))
            continue
        for number, passage in enumerate(passages, start=1):
            out.append(
                dataclasses.replace(
                    attribution, content=passage, parts=(), ref=f"{attribution.ref}/{number}"
                )
            )
    return out


def gold_passages(content: Fragments, text: str) -> list[Fragments]:
    """The passages of a gold content: its fragments, those apart by white space only
    taken as one (the white space between included)."""
    passages: list[list[int]] = []
    for start, end in content:
        if passages and not text[passages[-1][1] : start].strip():
            passages[-1][1] = end
        else:
            passages.append([start, end])
    return [((start, end),) for start, end in passages]
