"""The known-sources list as a CSV file: what ``auditor sources import`` reads and
``auditor sources export`` writes.

Columns (a header row is required; case, spaces and ``_``/``-`` in names do not matter;
other columns are ignored)::

    name,variants,role,organization,verified-by,date
    Denis Pushilin,Denis Pușilin;D. Pushilin,head,Donetsk People's Republic,desk,2024-03-01
    CNA,Center for Naval Analyses,,,desk,2024-03-01

``variants`` holds other spellings separated by ``;`` (or ``|``). Optional columns:
``kind`` (person, organization or media; guessed from role/organization otherwise) and
``known`` (1/0, yes/no; default 1). An export holds every source with ``known`` set, so
importing it elsewhere rebuilds the list without marking unchecked sources as known.

Reading and writing go through :mod:`auditor.provenance.csvio`: the standard CSV dialect,
cells that could run as spreadsheet formulas escaped on export and unescaped on import.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from auditor.provenance.csvio import CsvFileError, read_rows, write_rows
from auditor.provenance.registry import KINDS, KnownSource, Source

#: Columns of an export, in order (the first six are the import format).
EXPORT_COLUMNS = (
    "name",
    "variants",
    "role",
    "organization",
    "verified-by",
    "date",
    "kind",
    "known",
    "articles",
    "attributions",
    "first-seen",
    "last-seen",
    "descriptions",
)
_TRUE = {"1", "yes", "y", "true", "x", "verified"}
_FALSE = {"0", "no", "n", "false"}


class KnownSourcesError(CsvFileError):
    """The known-sources file cannot be read; the message names the file and line."""


def _column(name: str) -> str:
    return re.sub(r"[\s_]+", "-", name.strip().lower().lstrip("\ufeff"))


def _split_variants(text: str) -> list[str]:
    return [v.strip() for v in re.split(r"[;|]", text or "") if v.strip()]


def read_known(path: Path) -> list[KnownSource]:
    """The rows of a known-sources CSV file."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as stream:
            rows = read_rows(stream, str(path))
    except (OSError, UnicodeDecodeError) as exc:
        raise KnownSourcesError(f"{path}: cannot read: {exc}") from None
    return _known_rows(rows, str(path))


def parse_known(text: str, where: str = "<known sources>") -> list[KnownSource]:
    """The rows of known-sources CSV ``text`` (``where`` names it in errors)."""
    return _known_rows(read_rows(io.StringIO(text, newline=""), where), where)


def _header(rows: list[tuple[int, list[str]]], where: str) -> list[str]:
    if not rows:
        raise KnownSourcesError(f"{where}: empty file; expected a header row with 'name'")
    columns = [_column(c) for c in rows[0][1]]
    if "name" in columns:
        return columns
    found = ", ".join(columns)[:80] or "none"
    raw = "".join(rows[0][1])
    hint = next((f"; fields are separated by ',', not {s!r}" for s in ";\t" if s in raw), "")
    raise KnownSourcesError(f"{where}: line 1: no 'name' column (found: {found}){hint}")


def _known_rows(rows: list[tuple[int, list[str]]], where: str) -> list[KnownSource]:
    columns = _header(rows, where)
    known = []
    for number, values in rows[1:]:
        if not any(v.strip() for v in values):
            continue
        data = {c: (values[i].strip() if i < len(values) else "") for i, c in enumerate(columns)}
        name = data.get("name", "")
        if not name:
            raise KnownSourcesError(f"{where}: line {number}: the name is empty")
        kind = data.get("kind", "").lower() or None
        if kind is not None and kind not in KINDS:
            raise KnownSourcesError(
                f"{where}: line {number}: kind {kind[:40]!r} is not one of {', '.join(KINDS)}"
            )
        known_text = data.get("known", "").lower() or "1"  # blank: the default, known
        if known_text not in _TRUE | _FALSE:
            raise KnownSourcesError(f"{where}: line {number}: known must be 1 or 0, yes or no")
        known.append(
            KnownSource(
                name=name,
                variants=_split_variants(data.get("variants", "")),
                role=data.get("role") or None,
                organization=data.get("organization") or None,
                verified_by=data.get("verified-by") or None,
                date=data.get("date") or None,
                kind=kind,
                known=known_text in _TRUE,
            )
        )
    return known


def write_export(sources: Iterable[Source], stream: IO[str]) -> int:
    """Write ``sources`` (with variants and descriptions loaded) as CSV; how many rows.

    Cells a spreadsheet could run as formulas are escaped (see :mod:`csvio`); ``import``
    reads them back as they were.
    """
    rows = (
        [
            source.name,
            ";".join(v for v, _ in source.variants if v != source.name),
            source.role,
            source.organization,
            source.verified_by,
            source.verified_on,
            source.kind,
            int(source.known),
            source.articles,
            source.attributions,
            source.first_seen,
            source.last_seen,
            " | ".join(d for d, _ in source.descriptions),
        ]
        for source in sources
    )
    return write_rows([EXPORT_COLUMNS, *rows], stream) - 1
