"""Read the gold source types of a brat gold folder (``source-types.tsv``).

One row per gold source, tab-separated, after an optional header line; offsets are
Python ``str`` indices into ``text/DOC.txt``, as in the ``.ann`` files::

    doc	source_start	source_end	content_start	content_end	label
    harbor	103	117	47	102	named_person

The content offsets say which of the source's attributions the row is about. For a
content in several fragments a row may give them crossed (the start of the last fragment,
then the end of the first): such a row takes its content from the gold attribution in
the ``.ann`` with that source and those fragment bounds.

Bad rows never stop the reading: each is skipped with a :class:`GoldWarning` naming the
file and line, like the brat reader does, and the other rows are scored.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from auditor.evaluate.brat import GoldDataError, GoldDocument, GoldSet, GoldWarning
from auditor.evaluate.spans import Fragments, span
from auditor.model import SOURCE_TYPES

#: The file ``auditor evaluate GOLD_DIR`` looks for in GOLD_DIR.
TSV_NAME = "source-types.tsv"

#: The labels a reader may give a gold source (source-types-guide.md): the auditor's
#: source types but ``unknown`` (a reader always decides), and ``other``.
LABELS = (*(t for t in SOURCE_TYPES if t != "unknown"), "other")

#: The columns of a row, in order; a first line naming them is a header.
COLUMNS = ("doc", "source_start", "source_end", "content_start", "content_end", "label")


class RowError(ValueError):
    """Why one row of the file cannot be used (becomes a warning)."""


@dataclass(frozen=True)
class GoldSourceType:
    """One labelled gold source: where it is, which content it speaks for, what it is."""

    document: str
    source: Fragments
    #: None when the row's content offsets could not be used (then only the source counts)
    content: Fragments | None
    label: str
    line: int


@dataclass
class SourceTypeGold:
    """The usable rows of a source-types file, and what was wrong with the rest."""

    path: str
    rows: list[GoldSourceType]
    warnings: list[GoldWarning]


def read_source_types(path: str | Path, gold: GoldSet) -> SourceTypeGold:
    """Read ``path`` against the documents of ``gold``.

    Rows for documents ``gold`` holds are checked and kept; rows for documents the gold
    folder has but did not read (``--limit``, unreadable files) are left out quietly;
    rows for documents the folder does not have at all are warned about once per
    document. Raises :class:`GoldDataError` when the file cannot be read at all.
    """
    path = Path(path)
    shown = _display(path, Path(gold.root))
    try:
        content = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise GoldDataError(f"source-types file {str(path)!r} does not exist") from None
    except IsADirectoryError:
        raise GoldDataError(f"source-types file {str(path)!r} is a folder") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldDataError(f"cannot read source-types file {str(path)!r}: {exc}") from None
    documents = {doc.name: doc for doc in gold.documents}
    in_folder = set(gold.names)
    result = SourceTypeGold(path=shown, rows=[], warnings=[])
    foreign: set[str] = set()
    for number, line in enumerate(content.splitlines(), 1):
        try:
            fields = _fields(line)
        except csv.Error as exc:
            result.warnings.append(GoldWarning(shown, number, f"unreadable row ({exc}); skipped"))
            continue
        if not fields or not "".join(fields).strip() or fields[0].startswith("#"):
            continue
        if number == 1 and fields[0].strip().lower() == COLUMNS[0]:
            _check_header(fields, shown, result.warnings)
            continue
        name = fields[0].strip()
        if name not in documents:
            if name in in_folder or name in foreign:
                continue
            foreign.add(name)
            result.warnings.append(GoldWarning(shown, number, _not_in_folder(name, gold.root)))
            continue
        try:
            result.rows.append(_row(fields, number, documents[name], shown, result.warnings))
        except RowError as exc:
            result.warnings.append(GoldWarning(shown, number, f"{exc}; row skipped"))
    return result


def _fields(line: str) -> list[str]:
    # One line at a time, so a bad line costs only itself and line numbers stay exact;
    # QUOTE_NONE: a quotation mark in a field is a character, never a CSV quote.
    return next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE), [])


def _row(
    fields: list[str], number: int, doc: GoldDocument, shown: str, warnings: list[GoldWarning]
) -> GoldSourceType:
    if len(fields) != len(COLUMNS):
        raise RowError(
            f"want {len(COLUMNS)} tab-separated fields ({', '.join(COLUMNS)}), "
            f"got {len(fields)}: {_clip(chr(9).join(fields))}"
        )
    label = fields[5].strip()
    if label not in LABELS:
        raise RowError(f"unknown label {_clip(label, 30)!r} (known: {', '.join(LABELS)})")
    source_start, source_end, content_start, content_end = _offsets(fields[1:5])
    source = _span_in(doc, source_start, source_end, "source")
    content = _content(doc, source, content_start, content_end)
    if content is None:
        warnings.append(
            GoldWarning(
                shown,
                number,
                f"content {content_start} {content_end} is not a span of {doc.name}.txt and "
                "matches no gold attribution of this source; the row is scored by its source "
                "alone",
            )
        )
    return GoldSourceType(doc.name, source, content, label, number)


def _offsets(values: list[str]) -> list[int]:
    try:
        offsets = [int(v.strip()) for v in values]
    except ValueError:
        raise RowError(f"offsets must be whole numbers: {_clip(' '.join(values))}") from None
    if any(o < 0 for o in offsets):
        raise RowError(f"offsets must not be negative: {_clip(' '.join(values))}")
    return offsets


def _span_in(doc: GoldDocument, start: int, end: int, role: str) -> Fragments:
    if start >= end:
        raise RowError(f"{role} {start} {end} is empty or reversed")
    if end > len(doc.text):
        raise RowError(
            f"{role} {start} {end} is outside the text of {doc.name} ({len(doc.text)} characters)"
        )
    return span(start, end)


def _content(doc: GoldDocument, source: Fragments, start: int, end: int) -> Fragments | None:
    """The content the row speaks for: its own offsets when they make a span, else the
    content of the gold attribution whose source and fragment bounds they match."""
    if start < end <= len(doc.text):
        return span(start, end)
    for attribution in doc.attributions:
        if attribution.source != source:
            continue
        starts = {s for s, _ in attribution.content}
        ends = {e for _, e in attribution.content}
        if start in starts and end in ends:
            return attribution.content
    return None


def _check_header(fields: list[str], shown: str, warnings: list[GoldWarning]) -> None:
    names = tuple(f.strip().lower() for f in fields)
    if names != COLUMNS:
        warnings.append(
            GoldWarning(
                shown,
                1,
                f"header {_clip(' '.join(names))!r} is not {' '.join(COLUMNS)!r}; "
                "the columns are read in that order all the same",
            )
        )


def _not_in_folder(name: str, root: str) -> str:
    return (
        f"document {_clip(name, 40)!r} is not in the gold folder {root!r} "
        "(no text and ann for it); its rows are skipped"
    )


def _display(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def _clip(value: str, width: int = 60) -> str:
    value = value.replace("\t", " ").strip()
    return value if len(value) <= width else value[: width - 1] + "\u2026"
