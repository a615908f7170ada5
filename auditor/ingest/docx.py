"""Word documents (.docx): the text of the body, one paragraph per Word paragraph.

A .docx file is a zip of XML parts, so unlike the other formats its bytes are not the
article's text. The text is extracted first, paragraphs in document order (table cells
too) joined by blank lines; that extracted text is the article's ``source``, and every
offset in a report points into it. The view is built over it as for plain text, except
that the paragraph structure comes from Word itself: headings, list items and table cells
are blocks of their own kind (so a paragraph break is never "repaired" across them), and
the headline is the document's Title (or first Heading 1) paragraph.

Tracked changes are read as if accepted: inserted text is kept, deleted text is not.
Text boxes (pull quotes repeating the article), headers, footers, comments and footnotes
are left out. Reading uses python-docx (lxml underneath); anything that is not a readable
Word document raises :class:`IngestError` with one line.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from auditor.ingest.decode import IngestError, too_large
from auditor.ingest.layout import PROSE, Block, Draft, plain_groups
from auditor.ingest.plain import guess_title

#: Largest .docx file read, in bytes: pictures make Word files large while their text is
#: small, so the file is bounded here and its text by ``--max-chars``.
MAX_DOCX_BYTES = 64 * 1024 * 1024
#: Largest uncompressed XML part read; refuses a "zip bomb" before it is inflated.
MAX_PART_BYTES = 256 * 1024 * 1024
#: Separates paragraphs in the extracted text (a blank line, as in plain text).
PARAGRAPH_BREAK = "\n\n"

#: Run content read as text, in document order. Deleted and moved-away text, text boxes
#: and tab-stop definitions (``w:pPr/w:tabs/w:tab``) are not run content and are skipped.
_RUN_CONTENT = " | ".join(
    f".//w:r/{tag}[not(ancestor::w:del) and not(ancestor::w:moveFrom)"
    " and not(ancestor::w:txbxContent)]"
    for tag in ("w:t", "w:tab", "w:br", "w:cr", "w:noBreakHyphen")
)
_RUN_TEXT = {"tab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-"}


@dataclass(frozen=True)
class DocxParagraph:
    """One non-empty paragraph of the document: its text and what kind of block it is.

    ``kind`` is "paragraph" (running prose), "heading", "title", "item" (a list item) or
    "cell" (a paragraph in a table cell); ``container`` tells cells apart.
    """

    text: str
    kind: str = PROSE
    container: object = None


def docx_paragraphs(data: bytes, label: str) -> list[DocxParagraph]:
    """The non-empty paragraphs of the .docx file ``data``, in document order.

    Raises :class:`IngestError` naming ``label`` when ``data`` is not a readable Word
    document (not a zip, a damaged or encrypted file, an old binary .doc renamed, an
    oversized part).
    """
    if len(data) > MAX_DOCX_BYTES:
        raise IngestError(
            f"{label}: too large for a Word document ({len(data):,} bytes; at most "
            f"{MAX_DOCX_BYTES:,}); save the article's text as .txt"
        )
    _check_zip(data, label)
    import docx  # python-docx; imported here so other formats never pay for it

    try:
        document = docx.Document(io.BytesIO(data))
        return [p for p in _paragraphs_in(document) if p.text.strip()]
    except Exception as exc:  # noqa: BLE001 - any failure of a damaged file is the same to a user
        reason = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        raise _not_word(label, reason) from None


def read_docx(paragraphs: list[DocxParagraph]) -> tuple[str, Draft]:
    """The extracted text of ``paragraphs`` and its draft view (see :mod:`layout`)."""
    source = PARAGRAPH_BREAK.join(p.text for p in paragraphs)
    blocks: list[Block] = []
    groups: list[tuple[int, int, list[int]]] = []
    start = 0
    for paragraph in paragraphs:
        end = start + len(paragraph.text)
        blocks.append(Block(start, end, _layout_kind(paragraph.kind), paragraph.container))
        # Line breaks inside a Word paragraph (Shift+Enter) may be soft, as in plain text.
        groups.extend(plain_groups(source, start, end))
        start = end + len(PARAGRAPH_BREAK)
    return source, Draft(list(source), blocks, groups, _title(paragraphs, source))


def docx_text_within(paragraphs: list[DocxParagraph], label: str, max_chars: int) -> None:
    """Raise :class:`IngestError` when the extracted text exceeds ``max_chars``."""
    size = sum(len(p.text) for p in paragraphs) + len(PARAGRAPH_BREAK) * max(
        len(paragraphs) - 1, 0
    )
    if size > max_chars:
        raise too_large(label, max_chars)


def _check_zip(data: bytes, label: str) -> None:
    """Refuse what is not a zip, or holds a part too large to inflate, before parsing."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        if data.startswith(b"\xd0\xcf\x11\xe0"):
            raise IngestError(
                f"{label}: is an old binary Word file (.doc) or an encrypted document, not "
                ".docx; save it as .docx (Word: File > Save As) or as .txt"
            ) from None
        raise _not_word(label, "not a zip archive") from None
    if not any(info.filename == "word/document.xml" for info in infos):
        raise _not_word(label, "it has no word/document.xml")
    biggest = max(infos, key=lambda info: info.file_size)
    if biggest.filename.endswith(".xml") and biggest.file_size > MAX_PART_BYTES:
        raise _not_word(label, f"{biggest.filename} inflates to {biggest.file_size:,} bytes")


def _not_word(label: str, reason: str) -> IngestError:
    return IngestError(
        f"{label}: not a readable Word document ({reason}); open and save it again in "
        "Word or LibreOffice, or save the article as .txt"
    )


def _paragraphs_in(container, cell: object = None) -> Iterator[DocxParagraph]:
    """Paragraphs of a document body or table cell, tables read cell by cell."""
    from docx.table import Table

    for block in container.iter_inner_content():
        if isinstance(block, Table):
            seen: set[int] = set()
            for row in block.rows:
                for table_cell in row.cells:
                    # A merged cell is returned once per grid column it spans.
                    if id(table_cell._tc) not in seen:
                        seen.add(id(table_cell._tc))
                        yield from _paragraphs_in(table_cell, cell=table_cell._tc)
        else:
            kind = "cell" if cell is not None else _paragraph_kind(block)
            yield DocxParagraph(_paragraph_text(block), kind, cell)


def _paragraph_text(paragraph) -> str:
    parts = []
    for element in paragraph._p.xpath(_RUN_CONTENT):
        tag = element.tag.rsplit("}", 1)[-1]
        parts.append(element.text or "" if tag == "t" else _RUN_TEXT[tag])
    return "".join(parts)


def _paragraph_kind(paragraph) -> str:
    style = (paragraph.style.name or "").lower() if paragraph.style is not None else ""
    if style == "title":
        return "title"
    if style.startswith(("heading", "subtitle")) or _outline_level(paragraph) is not None:
        return "heading"
    if style.startswith("list") or paragraph._p.xpath("./w:pPr/w:numPr"):
        return "item"
    return PROSE


def _outline_level(paragraph) -> str | None:
    levels = paragraph._p.xpath("./w:pPr/w:outlineLvl/@w:val")
    # Level 9 is Word's "body text": not a heading.
    return levels[0] if levels and levels[0] != "9" else None


def _layout_kind(kind: str) -> str:
    return "heading" if kind == "title" else kind


def _title(paragraphs: list[DocxParagraph], source: str) -> str | None:
    """The Title paragraph, else a leading heading, else a headline-like first line."""
    for paragraph in paragraphs:
        if paragraph.kind == "title":
            return " ".join(paragraph.text.split())
    if paragraphs and paragraphs[0].kind == "heading":
        return " ".join(paragraphs[0].text.split())
    return guess_title(source)
