"""The corpus report of a batch: ``index.md`` and ``index.html`` from results.jsonl.

The counts are streamed into a :class:`~auditor.batch.corpus_counts.CorpusIndex`
(:mod:`auditor.batch.corpus_counts`) and rendered as Markdown (tables, with Mermaid charts
that the common Git hosts draw; :mod:`auditor.batch.corpus_markdown`) and as a
self-contained HTML page (the same Markdown, charts drawn in CSS, no JavaScript;
:mod:`auditor.batch.corpus_page`).

    >>> index = build_index(Path("out"))                      # doctest: +SKIP
    >>> print(render_markdown(index))                         # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from auditor.batch.corpus_counts import CorpusIndex, build_index, month_of
from auditor.batch.corpus_markdown import render_markdown
from auditor.batch.corpus_page import render_html

__all__ = [
    "CorpusIndex",
    "build_index",
    "month_of",
    "render_html",
    "render_markdown",
    "write_index",
]


def write_index(
    out_dir: Path,
    *,
    rule_pack=None,
    formats: Iterable[str] = ("markdown",),
    sections: Iterable[str] = (),
) -> CorpusIndex:
    """Build the index of ``out_dir`` and write index.md and index.html there.

    ``sections`` are Markdown lines added before the failed documents.
    """
    from auditor.batch.store import write_atomically

    index = build_index(out_dir, rule_pack=rule_pack)
    index.sections = list(sections)
    prefer = tuple(formats)
    write_atomically(Path(out_dir) / "index.md", render_markdown(index, prefer=prefer))
    write_atomically(Path(out_dir) / "index.html", render_html(index, prefer=prefer))
    return index
