"""JSON Lines inputs of a batch: one document per record, plain or gzip-compressed.

Records are objects ``{"id": ..., "text": ...}`` with optional ``format`` ("text",
"markdown" or "html"; default "text") and any metadata (``title``, ``url``,
``published``, ``outlet``, ``author``...), which is kept alongside the result. A line that
cannot become a document (not JSON, no text, a duplicate id) is a :class:`Problem`; the
records around it are still read.

    >>> records_stem("news/2024.jsonl.gz")
    '2024'
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import zlib
from collections.abc import Iterator
from typing import IO, Any

from auditor.batch.items import InputRef, Item, Problem, safe_name
from auditor.errors import quote_value
from auditor.ingest.files import lone_surrogate_at, open_regular, printable

#: Suffixes of JSON Lines files (``.gz`` is read through gzip).
RECORD_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
#: Record fields that are not metadata.
_RECORD_FIELDS = ("id", "text", "format")
#: Longest record id kept (ids name reports and are shown in every listing).
MAX_ID_CHARS = 1000


def is_records_file(path: str) -> bool:
    """True for a JSON Lines file (``.jsonl``, ``.ndjson``, optionally gzip-compressed)."""
    return path.lower().endswith(RECORD_SUFFIXES)


@contextlib.contextmanager
def open_records(path: str) -> Iterator[IO[bytes]]:
    """The bytes of the JSON Lines file ``path``, unpacked when it ends in ``.gz``."""
    with open_regular(path) as raw:
        if path.lower().endswith(".gz"):
            with gzip.GzipFile(fileobj=raw, mode="rb") as unpacked:
                yield unpacked
        else:
            yield raw


def records_stem(path: str) -> str:
    """``news/2024.jsonl.gz`` -> ``2024``: the name a JSON Lines file's reports go under."""
    name = os.path.basename(path)
    lowered = name.lower()
    for suffix in sorted(RECORD_SUFFIXES, key=len, reverse=True):
        if lowered.endswith(suffix):
            return name[: -len(suffix)] or "records"
    return name


def record_items(ref: InputRef) -> Iterator[Item | Problem]:
    """One :class:`Item` per record of the JSON Lines file ``ref``, a :class:`Problem` per
    line that cannot become one; a file that breaks off (a truncated gzip) ends in one."""
    path = ref.path
    base = safe_name(records_stem(path))
    seen: dict[str, int] = {}
    number = 0
    try:
        with open_records(path) as stream:
            for number, raw in enumerate(stream, start=1):  # noqa: B007 - used after the loop
                if not raw.strip():
                    continue
                yield _record_item(path, base, number, raw, seen)
    except (OSError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
        where = f"after line {number}" if number else "at the start"
        yield Problem(
            f"{path}#!{number}",
            None,
            path,
            f"{path}: cannot be read {where} ({exc}); the records before it were kept",
            number or None,
        )


def _unfit_record(record: dict[str, Any]) -> str | None:
    """Why ``record`` cannot be stored as given, or None.

    JSON may spell a lone surrogate (``"\\ud800"``): Python reads it, but no UTF-8 text
    (a report, the result line, a hash of the content) can hold it. Such a record is
    refused whole, naming the field, rather than altered behind the user's back.
    """
    for key, value in record.items():
        try:
            encoded = json.dumps({key: value}, ensure_ascii=False)
        except (RecursionError, ValueError):
            return f"field {quote_value(printable(key))}: JSON nested too deeply"
        if lone_surrogate_at(encoded) is not None:
            return f"field {quote_value(printable(key))} is not valid Unicode (a lone surrogate)"
    raw_id = record.get("id")
    if raw_id is not None and len(str(raw_id)) > MAX_ID_CHARS:
        return f"the id is too long ({len(str(raw_id)):,} characters; at most {MAX_ID_CHARS:,})"
    return None


def _record_item(
    path: str, base: str, number: int, raw: bytes, seen: dict[str, int]
) -> Item | Problem:
    where = f"{path}:{number}"
    uid_line = f"{path}#!{number}"
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return Problem(
            uid_line, None, path, f"{where}: not valid UTF-8 at byte {exc.start}", number
        )
    except json.JSONDecodeError as exc:
        return Problem(uid_line, None, path, f"{where}: not valid JSON ({exc.msg})", number)
    except RecursionError:
        return Problem(uid_line, None, path, f"{where}: JSON nested too deeply", number)
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        return Problem(uid_line, None, path, f"{where}: not valid JSON ({exc})"[:300], number)
    if not isinstance(record, dict):
        return Problem(uid_line, None, path, f"{where}: a record must be a JSON object", number)
    unfit = _unfit_record(record)
    if unfit:
        return Problem(
            uid_line, None, path, f"{where}: {unfit}; this record was not audited", number
        )
    raw_id = record.get("id")
    if raw_id is None or isinstance(raw_id, (dict, list)) or raw_id == "":
        # Records without an id are still audited; their line number stands in for it.
        record_id = f"line{number}"
    else:
        record_id = str(raw_id)
    uid = f"{path}#{record_id}"
    if record_id in seen:
        return Problem(
            f"{path}#!{number}",
            record_id,
            path,
            f"{where}: duplicate id {quote_value(record_id)} (first on line {seen[record_id]}); "
            "this record was not audited",
            number,
        )
    seen[record_id] = number
    text = record.get("text")
    if not isinstance(text, str):
        return Problem(uid, record_id, path, f'{where}: the record has no "text" string', number)
    fmt = record.get("format", "text")
    if fmt not in ("text", "txt", "plain", "markdown", "md", "html", "htm"):
        return Problem(
            uid,
            record_id,
            path,
            f"{where}: unknown format {fmt!r} (text, markdown or html)",
            number,
        )
    meta = {k: v for k, v in record.items() if k not in _RECORD_FIELDS}
    # (meta was checked by _unfit_record: it is stored and hashed as UTF-8 JSON)
    return Item(
        uid=uid,
        id=record_id,
        input=path,
        path=path,
        name=record_id,
        format=str(fmt),
        report_base=f"{base}/{safe_name(record_id)}",
        text=text,
        meta=meta,
        line=number,
    )
