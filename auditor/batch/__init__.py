"""Batch audits at archive scale: ``auditor batch INPUT... --out DIR``.

Many documents (folders, globs, JSON Lines records, HTML pages) through the same audit as
``auditor audit``, in parallel (local processes or a Dask cluster), into a resumable,
lossless result store, with a corpus report. See docs/batch.md.

    >>> from auditor.batch import BatchOptions, run_batch
    >>> options = BatchOptions(out_dir=Path("out"), jobs=2)
    >>> summary = run_batch(["articles/"], options)  # doctest: +SKIP
    >>> summary.exit_code  # doctest: +SKIP
    0
"""

from __future__ import annotations

from auditor.batch.index import CorpusIndex, build_index, render_html, render_markdown, write_index
from auditor.batch.inputs import InputError, InputRef, Item, Problem, expand_inputs, iter_items
from auditor.batch.resume import resume_key
from auditor.batch.run import BatchOptions, BatchSummary, run_batch
from auditor.batch.store import ERROR_SCHEMA, RESULT_SCHEMA, ResultStore

__all__ = [
    "ERROR_SCHEMA",
    "RESULT_SCHEMA",
    "BatchOptions",
    "BatchSummary",
    "CorpusIndex",
    "InputError",
    "InputRef",
    "Item",
    "Problem",
    "ResultStore",
    "build_index",
    "expand_inputs",
    "iter_items",
    "render_html",
    "render_markdown",
    "resume_key",
    "run_batch",
    "write_index",
]
