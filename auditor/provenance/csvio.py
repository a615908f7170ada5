"""CSV files of the known-sources list: one dialect, safe cells, exact round trips.

* One dialect, the csv module's standard ``excel`` (RFC 4180: ``,`` between fields, ``"``
  around fields that need it, ``""`` for a quote inside one), read and written alike; no
  sniffing, which guesses wrong on doubled quotes and shifts the columns.
* Spreadsheet formula injection: a cell that begins with ``=``, ``+``, ``-``, ``@``, a tab
  or a carriage return is one a spreadsheet may run as a formula (``=HYPERLINK(...)``).
  On writing, such a cell gets a single quote in front (OWASP's advice); reading removes
  exactly that quote. Cells that already begin with quotes followed by one of those
  characters get one more, so every value reads back as written.
* A field may be at most :data:`MAX_FIELD_CHARS` characters (the csv module's default is
  131,072); anything the csv module cannot read is a one-line error with its line number.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import IO, Any

from auditor.errors import AuditorError

#: The longest field read, in characters (a bound on memory, far above any real cell).
MAX_FIELD_CHARS = 10_000_000
#: What a cell a spreadsheet could read as a formula begins with (after escaping quotes).
_FORMULA_START = re.compile(r"'*[=+\-@\t\r]")


class CsvFileError(AuditorError):
    """A CSV file the csv module cannot read; the message names the file and line."""


def escape_cell(value: str) -> str:
    """``value`` as a cell no spreadsheet runs as a formula (see the module docstring)."""
    return "'" + value if _FORMULA_START.match(value) else value


def unescape_cell(value: str) -> str:
    """The value :func:`escape_cell` made ``value`` from (other cells are kept as they are)."""
    if value.startswith("'") and _FORMULA_START.match(value, 1):
        return value[1:]
    return value


def write_rows(rows: Iterable[Sequence[Any]], stream: IO[str]) -> int:
    """Write ``rows`` (None as an empty cell) to ``stream``, opened with ``newline=""``
    when it is a file; how many rows."""
    writer = csv.writer(stream, dialect="excel")
    n = 0
    for row in rows:
        writer.writerow([escape_cell("" if cell is None else str(cell)) for cell in row])
        n += 1
    return n


@contextmanager
def _field_limit(limit: int) -> Iterator[None]:
    # The csv module's limit is one setting for the whole process: restore it after.
    before = csv.field_size_limit(limit)
    try:
        yield
    finally:
        csv.field_size_limit(before)


def read_rows(stream: IO[str], where: str) -> list[tuple[int, list[str]]]:
    """Every row of CSV ``stream`` (opened with ``newline=""``), unescaped, with the line
    it starts on; ``where`` names the file in errors."""
    reader = csv.reader(stream, dialect="excel")
    rows: list[tuple[int, list[str]]] = []
    with _field_limit(MAX_FIELD_CHARS):
        while True:
            line = reader.line_num + 1
            try:
                values = next(reader, None)
            except csv.Error as exc:
                raise CsvFileError(f"{where}: line {line}: {_reason(exc)}") from None
            if values is None:
                return rows
            rows.append((line, [unescape_cell(v) for v in values]))


def _reason(exc: csv.Error) -> str:
    if "field larger than field limit" in str(exc):
        return f"a field is longer than {MAX_FIELD_CHARS:,} characters"
    return f"not readable as CSV ({exc})"
