"""What a batch reads: folders, globs, article files and JSON Lines records.

:func:`expand_inputs` turns the command-line inputs into :class:`InputRef` s (cheap: paths
only); :func:`iter_items` then streams one :class:`Item` per document, or a
:class:`Problem` for a piece of input that cannot become one (a record that is not JSON, a
file that cannot be read). Nothing here runs the NLP: items carry raw bytes or text, which
workers decode exactly as ``auditor audit`` does.

Word files (.docx) are read like the other article files: their bytes go to the workers,
which extract the text.

JSON Lines records are objects ``{"id": ..., "text": ...}`` with optional ``format``
("text", "markdown" or "html"; default "text") and any metadata (``title``, ``url``,
``published``, ``outlet``, ``author``...), which is kept alongside the result.
"""

from __future__ import annotations

import contextlib
import glob
import gzip
import hashlib
import json
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from auditor.errors import AuditorError, quote_value
from auditor.ingest import BINARY_FORMATS, SUPPORTED_EXTENSIONS
from auditor.ingest.docx import MAX_DOCX_BYTES
from auditor.ingest.files import lone_surrogate_at, open_regular, printable

#: Suffixes of JSON Lines files (``.gz`` is read through gzip).
RECORD_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
#: Record fields that are not metadata.
_RECORD_FIELDS = ("id", "text", "format")
_GLOB_MAGIC = re.compile(r"[*?[]")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
#: Longest record id kept (ids name reports and are shown in every listing).
MAX_ID_CHARS = 1000


class InputError(AuditorError):
    """An input named on the command line cannot be used (a usage error)."""


@dataclass(frozen=True)
class InputRef:
    """One input file: an article (``kind="file"``) or a JSON Lines file (``"records"``).

    ``root`` is the folder (or glob prefix) it was found under; report names mirror the
    path below it.
    """

    kind: str
    path: str
    root: str | None = None


@dataclass
class Item:
    """One document to audit, as read by the main process.

    ``uid`` identifies it in the result store (the file path, or ``jsonl#id``); ``id``
    is what users see (the path, or the record's id). Exactly one of ``data`` (raw file
    bytes, decoded by the worker) and ``text`` (a record's text) is set.
    """

    uid: str
    id: str
    input: str
    path: str
    name: str
    format: str
    report_base: str
    data: bytes | None = None
    text: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    line: int | None = None

    def content_hash(self) -> str:
        """sha256 of the content as given (raw bytes of a file, UTF-8 of a record's text)."""
        raw = self.data if self.data is not None else (self.text or "").encode("utf-8")
        return hashlib.sha256(raw).hexdigest()


@dataclass
class Problem:
    """A piece of input that could not become a document; it is reported as failed."""

    uid: str
    id: str | None
    input: str
    reason: str
    line: int | None = None


def is_records_file(path: str) -> bool:
    """True for a JSON Lines file (``.jsonl``, ``.ndjson``, optionally gzip-compressed)."""
    return path.lower().endswith(RECORD_SUFFIXES)


def _article_format(path: str) -> str | None:
    return SUPPORTED_EXTENSIONS.get(os.path.splitext(path)[1].lower())


def expand_inputs(inputs: Iterable[str], *, exclude: Path | None = None) -> list[InputRef]:
    """The input files named by ``inputs``, in order, each once.

    Folders are searched recursively for articles (.txt, .md, .html, .docx...; hidden entries
    and ``exclude`` - the output folder - are skipped); an input that does not exist but
    holds ``*``, ``?`` or ``[`` is a glob (``**`` crosses folders). Raises
    :class:`InputError` for a missing path, a glob that matches nothing, an unsupported
    file or a folder with no articles.
    """
    excluded = os.path.realpath(exclude) if exclude is not None else None
    refs: list[InputRef] = []
    seen: set[str] = set()

    def add(ref: InputRef) -> None:
        real = os.path.realpath(ref.path)
        if real not in seen and not _inside(real, excluded):
            seen.add(real)
            refs.append(ref)

    for raw in inputs:
        item = str(raw)
        if item == "-":
            raise InputError(
                "batch reads files, not stdin; give files, folders, globs or a .jsonl file "
                "(use `auditor audit -` for one article on stdin)"
            )
        path = Path(item)
        if path.is_dir():
            found = _articles_under(path, excluded)
            if not found:
                raise InputError(f"{item}: no articles in this folder ({_supported()})")
            for file in found:
                add(InputRef("file", file, item))
        elif path.exists():
            add(_file_ref(item, os.path.dirname(item)))
        elif _GLOB_MAGIC.search(item):
            matches = sorted(glob.glob(item, recursive=True))
            # Not only regular files: a FIFO named like an article is reported, not skipped.
            files = [m for m in matches if not os.path.isdir(m) and _readable_kind(m)]
            if not files:
                raise InputError(f"{item}: the pattern matches no article or .jsonl file")
            root = _glob_root(item)
            for file in files:
                add(_file_ref(file, root))
        else:
            raise InputError(f"{item}: no such file, folder or matching files")
    return refs


def _supported() -> str:
    return "looked for " + ", ".join(sorted(SUPPORTED_EXTENSIONS))


def _inside(real: str, folder: str | None) -> bool:
    return folder is not None and (real == folder or real.startswith(folder + os.sep))


def _readable_kind(path: str) -> bool:
    return is_records_file(path) or _article_format(path) is not None


def _file_ref(path: str, root: str) -> InputRef:
    if is_records_file(path):
        return InputRef("records", path, root)
    if _article_format(path) is None:
        raise InputError(
            f"{path}: unsupported file type; batch reads "
            + ", ".join(sorted(SUPPORTED_EXTENSIONS))
            + " and .jsonl / .jsonl.gz records"
        )
    return InputRef("file", path, root)


def _glob_root(pattern: str) -> str:
    """The folder part of ``pattern`` before its first wildcard."""
    head = _GLOB_MAGIC.split(pattern, maxsplit=1)[0]
    return os.path.dirname(head)


def _articles_under(folder: Path, excluded: str | None) -> list[str]:
    files = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".")
            and not _inside(os.path.realpath(os.path.join(root, d)), excluded)
        )
        for name in names:
            if not name.startswith(".") and _article_format(name) is not None:
                files.append(os.path.join(root, name))
    return sorted(files)


def count_documents(refs: Iterable[InputRef]) -> int:
    """How many documents ``refs`` hold (a file is one; a JSON Lines file one per line).

    Cheap (no JSON parsing); used for the progress bar's total and ETA. Unreadable
    files count as one, as they give one failure.
    """
    total = 0
    for ref in refs:
        if ref.kind == "file" or printable(ref.path) != ref.path:
            total += 1  # (a name that is not UTF-8 is one failure)
            continue
        try:
            with _open_records(ref.path) as stream:
                total += sum(1 for line in stream if line.strip())
        except (OSError, EOFError, zlib.error, ValueError):
            total += 1
    return total


@contextlib.contextmanager
def _open_records(path: str) -> Iterator[IO[bytes]]:
    with open_regular(path) as raw:
        if path.lower().endswith(".gz"):
            with gzip.GzipFile(fileobj=raw, mode="rb") as unpacked:
                yield unpacked
        else:
            yield raw


def iter_items(
    refs: Iterable[InputRef], *, max_bytes: int | None = None
) -> Iterator[Item | Problem]:
    """One :class:`Item` per document in ``refs``, in order; a :class:`Problem` for input
    that cannot become one (the batch goes on). Files over ``max_bytes`` are not read."""
    for ref in refs:
        shown = printable(ref.path)
        if shown != ref.path:
            # Names are stored and compared as UTF-8; this one cannot be.
            reason = f"{shown}: the file name is not valid UTF-8; rename the file"
            yield Problem(shown, shown, shown, reason)
        elif ref.kind == "file":
            yield _file_item(ref, max_bytes)
        else:
            yield from _record_items(ref)


def _file_item(ref: InputRef, max_bytes: int | None = None) -> Item | Problem:
    path = ref.path
    fmt = _article_format(path) or "text"
    if fmt in BINARY_FORMATS and max_bytes is not None:
        # A Word file's pictures are no part of its text: bounded in bytes by its reader.
        max_bytes = max(max_bytes, MAX_DOCX_BYTES)
    try:
        with open_regular(path) as stream:
            size = os.fstat(stream.fileno()).st_size
            if max_bytes is not None and size > max_bytes:
                return Problem(
                    path, path, path, f"{path}: too large ({size:,} bytes); {_size_fix(fmt)}"
                )
            data = stream.read()
    except OSError as exc:
        return Problem(path, path, path, f"{path}: cannot be read ({exc.strerror or exc})")
    return Item(
        uid=path,
        id=path,
        input=path,
        path=path,
        name=Path(path).stem,
        format=fmt,
        report_base=_file_report_base(path, ref.root),
        data=data,
    )


def _size_fix(fmt: str) -> str:
    if fmt in BINARY_FORMATS:
        return f"at most {MAX_DOCX_BYTES:,} bytes for a Word document; save its text as .txt"
    return "raise --max-chars"


def _file_report_base(path: str, root: str | None) -> str:
    relative = os.path.relpath(path, root) if root else os.path.basename(path)
    if relative.startswith(".."):
        relative = os.path.basename(path)
    stem = os.path.splitext(relative)[0]
    parts = [safe_name(part) for part in stem.split(os.sep) if part not in ("", ".")]
    return "/".join(parts) or "article"


def records_stem(path: str) -> str:
    """``news/2024.jsonl.gz`` -> ``2024``: the name a JSON Lines file's reports go under."""
    name = os.path.basename(path)
    lowered = name.lower()
    for suffix in sorted(RECORD_SUFFIXES, key=len, reverse=True):
        if lowered.endswith(suffix):
            return name[: -len(suffix)] or "records"
    return name


def safe_name(text: str, limit: int = 100) -> str:
    """``text`` as one file-name component: letters, digits, ``.``, ``_``, ``-``."""
    cleaned = _UNSAFE.sub("_", text).strip("._") or "_"
    return cleaned[:limit]


def _record_items(ref: InputRef) -> Iterator[Item | Problem]:
    path = ref.path
    base = safe_name(records_stem(path))
    seen: dict[str, int] = {}
    number = 0
    try:
        with _open_records(path) as stream:
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
