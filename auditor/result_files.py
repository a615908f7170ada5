"""The files a batch leaves in its folder, as both the batch and the provenance step use
them: the results file's name and schema, reading its lines back, writing a file whole.

Kept below both stages (``auditor batch`` writes ``results.jsonl``; the provenance step
reads it and writes ``provenance.md`` beside it), so neither imports the other for them.

    >>> RESULTS, RESULT_SCHEMA
    ('results.jsonl', 'auditor-batch/1')
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

#: The schema of a result line of ``results.jsonl`` (see :mod:`auditor.batch.store`).
RESULT_SCHEMA = "auditor-batch/1"
RESULTS = "results.jsonl"


def iter_lines(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(byte offset, record)`` of each complete, valid JSON line of ``path``."""
    if not path.exists():
        return
    with path.open("rb") as stream:
        offset = 0
        for raw in stream:
            start, offset = offset, offset + len(raw)
            if not raw.endswith(b"\n"):
                break  # cut short by a kill; the store drops it on open
            try:
                record = json.loads(raw)
            except ValueError:
                continue
            if isinstance(record, dict):
                yield start, record


def write_atomically(target: Path, text: str) -> None:
    """Write ``text`` to ``target`` through a temporary file and a rename."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.part")
    with temporary.open("w", encoding="utf-8") as stream:
        stream.write(text)
    os.replace(temporary, target)
