"""What a batch reads: folders, globs, article files and JSON Lines records.

:func:`expand_inputs` turns the command-line inputs into :class:`InputRef` s (cheap: paths
only); :func:`iter_items` then streams one :class:`Item` per document, or a
:class:`Problem` for a piece of input that cannot become one (a record that is not JSON, a
file that cannot be read). Nothing here runs the NLP: items carry raw bytes or text, which
workers decode exactly as ``auditor audit`` does.

Word files (.docx) are read like the other article files: their bytes go to the workers,
which extract the text. JSON Lines records are read by :mod:`auditor.batch.jsonl_records`;
the records passed on are declared in :mod:`auditor.batch.items`.
"""

from __future__ import annotations

import glob
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from auditor.batch.items import InputRef, Item, Problem, safe_name
from auditor.batch.jsonl_records import (
    RECORD_SUFFIXES,
    is_records_file,
    open_records,
    record_items,
    records_stem,
)
from auditor.errors import AuditorError
from auditor.ingest import BINARY_FORMATS, SUPPORTED_EXTENSIONS
from auditor.ingest.docx import MAX_DOCX_BYTES
from auditor.ingest.files import open_regular, printable

__all__ = [
    "RECORD_SUFFIXES",
    "InputError",
    "InputRef",
    "Item",
    "Problem",
    "count_documents",
    "expand_inputs",
    "is_records_file",
    "iter_items",
    "records_stem",
    "safe_name",
]

_GLOB_MAGIC = re.compile(r"[*?[]")


class InputError(AuditorError):
    """An input named on the command line cannot be used (a usage error)."""


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
            with open_records(ref.path) as stream:
                total += sum(1 for line in stream if line.strip())
        except (OSError, EOFError, zlib.error, ValueError):
            total += 1
    return total


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
            yield from record_items(ref)


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
