"""The result store of a batch: ``results.jsonl``, ``errors.jsonl`` and the reports.

Layout of the output folder::

    results.jsonl   one line per audited document (schema "auditor-batch/1", below)
    errors.jsonl    one line per document that failed (schema "auditor-batch-error/1")
    reports/        the per-article reports, named after the input path or record id
    index.md, index.html   the corpus report (written by the runner)
    .auditor-batch.lock    held by the run using the folder (see :func:`hold_folder`)

A result line wraps the document's ``auditor/2`` JSON without touching it::

    {"schema": "auditor-batch/1", "id": "<record id or file path>", "input": "<file>",
     "line": 12, "key": "<resume key>", "meta": {"title": ..., "outlet": ...},
     "reports": {"markdown": "reports/news/a1.md"}, "result": {"schema": "auditor/2", ...}}

Both files are append-only journals while a batch runs: a document's reports are written
(atomically, through a temporary file and a rename) before its result line, and the line
is written with one ``write`` and flushed, so a crash or a kill loses at most the
documents in flight. A line cut short by a kill is dropped when the store is opened
again. When a run completes, :meth:`ResultStore.compact` rewrites both files (again
atomically): results in input order, one line per document, errors only for documents
that still have no result. Results of documents not among the current inputs (an
earlier run over other files) are kept after them.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from auditor.errors import AuditorError
from auditor.report.json_format import json_line

# The file names, reader and writer the provenance step shares (kept below both stages).
from auditor.result_files import RESULT_SCHEMA, RESULTS, iter_lines, write_atomically

ERROR_SCHEMA = "auditor-batch-error/1"
ERRORS = "errors.jsonl"
REPORTS = "reports"
#: Hidden, so no folder walk takes it for an article; it is neither read nor removed.
LOCK = ".auditor-batch.lock"


class StoreError(AuditorError):
    """The output folder cannot be used as a result store."""


class FolderInUse(StoreError):
    """Another batch run holds the output folder."""


@contextlib.contextmanager
def hold_folder(out_dir: Path) -> Iterator[None]:
    """Hold ``out_dir`` for one batch run: a second run on it at the same time would
    interleave its lines with ours. Creates the folder.

    The lock is the operating system's (``flock``, through :mod:`filelock`): it is
    released when the holder dies, even by SIGKILL, so no stale lock blocks the next
    run. Raises :class:`FolderInUse` at once if another run holds it.
    """
    import filelock

    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise StoreError(f"{out_dir}: exists and is not a folder; choose another --out")
    lock = filelock.FileLock(out_dir / LOCK, timeout=0)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        lock.acquire()
    except filelock.Timeout:
        raise FolderInUse(
            f"{out_dir}: in use by another auditor batch; wait for it to end "
            "or choose another --out"
        ) from None
    except OSError as exc:
        raise StoreError(f"{out_dir}: cannot be used ({exc.strerror or exc})") from None
    try:
        yield
    finally:
        lock.release()


@dataclass(slots=True)
class Stored:
    """What the store remembers of a document's result line (kept small: one per document).

    ``stem`` is the reports' common path without extension (``reports/a/b``), ``formats``
    the formats written; ``offset`` is where the line starts in results.jsonl.
    """

    key: str
    stem: str | None
    formats: tuple[str, ...]
    offset: int

    @property
    def reports(self) -> dict[str, str]:
        """``format -> path`` of the reports written."""
        from auditor.report import EXTENSIONS

        if self.stem is None:
            return {}
        return {fmt: self.stem + EXTENSIONS[fmt] for fmt in self.formats}


#: One shared tuple per combination of formats (there are few), instead of one per document.
_FORMAT_SETS: dict[tuple[str, ...], tuple[str, ...]] = {}


def _stored(key: str, reports: dict[str, str], offset: int) -> Stored:
    formats = tuple(reports)
    formats = _FORMAT_SETS.setdefault(formats, formats)
    stem = _report_stem(next(iter(reports.values()))) if reports else None
    return Stored(str(key), stem, formats, offset)


#: One record as one JSON line (the report stage's writer: U+2028/9 and NEL escaped).
dump_line = json_line


def line_bytes(record: dict[str, Any]) -> bytes:
    """:func:`dump_line` in UTF-8. A lone surrogate (UTF-8 cannot hold one) becomes its
    JSON escape ``\\udXXX``: outside strings a JSON line is ASCII, so the line stays
    valid JSON and reads back as the same value."""
    return dump_line(record).encode("utf-8", "backslashreplace")


def uid_of(record: dict[str, Any]) -> str:
    """The store identity of a result or error line: the file path, or ``input#id``
    (error lines carry it as ``uid``, since some have no id)."""
    uid = record.get("uid")
    if uid:
        return str(uid)
    if record.get("input") == record.get("id"):
        return str(record.get("id"))
    return f"{record.get('input')}#{record.get('id')}"


def _repair_tail(path: Path) -> int:
    """Truncate ``path`` after its last complete line; how many bytes were dropped."""
    if not path.exists():
        return 0
    size = path.stat().st_size
    if size == 0:
        return 0
    with path.open("rb+") as stream:
        back = min(size, 1 << 20)
        while True:
            stream.seek(size - back)
            tail = stream.read(back)
            cut = tail.rfind(b"\n")
            if cut >= 0 or back == size:
                break
            back = min(size, back * 4)
        keep = size - back + cut + 1 if cut >= 0 else 0
        if keep < size:
            stream.truncate(keep)
        return size - keep


class ResultStore:
    """Results and errors of a batch in ``out_dir``; see the module docstring."""

    def __init__(self, out_dir: Path):
        self.out_dir = Path(out_dir)
        self.results_path = self.out_dir / RESULTS
        self.errors_path = self.out_dir / ERRORS
        self.stored: dict[str, Stored] = {}
        #: report name (without extension) -> uid owning it
        self.names: dict[str, str] = {}
        self.repaired = 0
        self._order: list[str] = []  # uids in results.jsonl, file order (with repeats)
        self._results: IO[bytes] | None = None
        self._errors: IO[bytes] | None = None

    # ------------------------------------------------------------------ opening

    def open(self) -> ResultStore:
        """Create the folder or read what an earlier run left; open the journals."""
        if self.out_dir.exists() and not self.out_dir.is_dir():
            raise StoreError(f"{self.out_dir}: exists and is not a folder; choose another --out")
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.repaired = _repair_tail(self.results_path) + _repair_tail(self.errors_path)
        for offset, record in iter_lines(self.results_path):
            if record.get("schema") != RESULT_SCHEMA:
                continue
            uid = uid_of(record)
            stored = _stored(record.get("key"), record.get("reports") or {}, offset)
            self.stored[uid] = stored
            self._order.append(uid)
            if stored.stem is not None:
                self.names[stored.stem] = uid
        # Unbuffered: each line reaches the file as one write() call, at once.
        self._results = self.results_path.open("ab", buffering=0)
        self._errors = self.errors_path.open("ab", buffering=0)
        return self

    def close(self) -> None:
        """Flush and close the journals (safe to call twice)."""
        for stream in (self._results, self._errors):
            if stream is not None and not stream.closed:
                stream.close()

    def __enter__(self) -> ResultStore:
        return self.open()

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ queries

    def is_done(self, uid: str, key: str, formats: tuple[str, ...]) -> bool:
        """True when ``uid`` has a result for ``key`` with a report in every format."""
        stored = self.stored.get(uid)
        if stored is None or stored.key != key:
            return False
        if not set(formats) <= set(stored.formats):
            return False
        return all(
            (self.out_dir / path).is_file()
            for fmt, path in stored.reports.items()
            if fmt in formats
        )

    def report_name(self, uid: str, base: str) -> str:
        """The report path stem (below ``reports/``) for ``uid``: its earlier one, else
        ``base``, else ``base-2``, ``base-3``... when another document has it."""
        stored = self.stored.get(uid)
        if stored is not None and stored.stem is not None:
            return stored.stem[len(REPORTS) + 1 :]
        candidate, n = base, 1
        while self.names.get(f"{REPORTS}/{candidate}", uid) != uid:
            n += 1
            candidate = f"{base}-{n}"
        self.names[f"{REPORTS}/{candidate}"] = uid
        return candidate

    # ------------------------------------------------------------------ writing

    def write_reports(self, name: str, reports: dict[str, str]) -> dict[str, str]:
        """Write each ``format -> text`` report; ``format -> path`` relative to the folder."""
        from auditor.report import EXTENSIONS

        written = {}
        for fmt, text in reports.items():
            relative = f"{REPORTS}/{name}{EXTENSIONS[fmt]}"
            write_atomically(self.out_dir / relative, text if text.endswith("\n") else text + "\n")
            written[fmt] = relative
        return written

    def add_result(self, uid: str, record: dict[str, Any]) -> None:
        """Append a result line (the document counts as done from here on)."""
        assert self._results is not None, "open the store first"
        offset = self._results.tell()
        _write_all(self._results, line_bytes(record))
        stored = self.stored[uid] = _stored(record["key"], record.get("reports") or {}, offset)
        if stored.stem is not None:
            # Re-keyed so the name map and the entry share one string (a million documents
            # add up).
            self.names.pop(stored.stem, None)
            self.names[stored.stem] = uid
        self._order.append(uid)

    def add_error(self, record: dict[str, Any]) -> None:
        """Append an error line."""
        assert self._errors is not None, "open the store first"
        _write_all(self._errors, line_bytes({"schema": ERROR_SCHEMA, **record}))

    # ------------------------------------------------------------------ compaction

    def compact(self, run_order: list[str], failed: set[str]) -> int:
        """Rewrite the journals after a complete run (see the module docstring).

        ``run_order`` lists this run's documents in input order; ``failed`` those that
        failed in it. Returns how many results belong to documents not in ``run_order``.
        """
        self.close()
        in_run = set(run_order)
        latest = {uid: s.offset for uid, s in self.stored.items()}
        extra = [uid for uid in dict.fromkeys(self._order) if uid not in in_run]
        order = [uid for uid in run_order if uid in latest] + extra
        if order != self._order:
            self._rewrite_results(order, latest)
        self._rewrite_errors(run_order, in_run, failed)
        return len(extra)

    def _rewrite_results(self, order: list[str], latest: dict[str, int]) -> None:
        temporary = self.results_path.with_name(f".{RESULTS}.{os.getpid()}.part")
        with self.results_path.open("rb") as source, temporary.open("wb") as target:
            for uid in order:
                source.seek(latest[uid])
                self.stored[uid].offset = target.tell()
                target.write(source.readline())
        os.replace(temporary, self.results_path)
        self._order = list(order)

    def _rewrite_errors(self, run_order: list[str], in_run: set[str], failed: set[str]) -> None:
        latest: dict[str, bytes] = {}
        for _, record in iter_lines(self.errors_path):
            uid = uid_of(record)
            if uid in self.stored or (uid in in_run and uid not in failed):
                continue
            latest[uid] = line_bytes(record)
        ordered = [latest[uid] for uid in dict.fromkeys(run_order) if uid in latest]
        ordered += [line for uid, line in latest.items() if uid not in in_run]
        temporary = self.errors_path.with_name(f".{ERRORS}.{os.getpid()}.part")
        temporary.write_bytes(b"".join(ordered))
        os.replace(temporary, self.errors_path)


def _write_all(stream: IO[bytes], data: bytes) -> None:
    # A raw file's write() may write less than asked (a full disk, a signal); finish it.
    view = memoryview(data)
    while view:
        written = stream.write(view)
        if written is None or written <= 0:
            raise StoreError("cannot write to the result store (is the disk full?)")
        view = view[written:]


def _report_stem(path: str) -> str:
    """``reports/a/b.md`` -> ``reports/a/b`` (extensions may have two dots: .github.txt)."""
    from auditor.report import EXTENSIONS

    for suffix in sorted(EXTENSIONS.values(), key=len, reverse=True):
        if path.endswith(suffix):
            return path[: -len(suffix)]
    return os.path.splitext(path)[0]
