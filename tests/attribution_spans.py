"""What the sentence tests share: the attributions of an analysis as plain text."""

from __future__ import annotations


def spans(analysis) -> list[tuple[str | None, str | None, str]]:
    """(cue, source, content) of every attribution, as text."""
    return [
        (a.cue.text if a.cue else None, a.source.text if a.source else None, a.content.text)
        for a in analysis.attributions
    ]
