"""Word (.docx) input: extraction, offsets, paragraphs, bad files, and every command."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from auditor.batch.inputs import expand_inputs, iter_items
from auditor.cli import cli
from auditor.ingest import IngestError, article_from_bytes, article_from_text, read_article
from auditor.ingest.docx import MAX_DOCX_BYTES

QUOTE = '"The new pool will open in June," Councillor Priya Menon said on Friday.'
REPORTED = "The works cost more than planned, the city treasurer told reporters."


def _write(path: Path, document) -> Path:
    document.save(path)
    return path


def _article_docx(tmp_path: Path, name: str = "draft.docx") -> Path:
    document = docx.Document()
    document.add_paragraph("Pool opening set for summer", style="Title")
    document.add_paragraph(QUOTE)
    document.add_paragraph(REPORTED)
    return _write(tmp_path / name, document)


def test_paragraphs_become_paragraphs_and_the_title_is_the_title(tmp_path):
    article = read_article(_article_docx(tmp_path))
    assert article.format == "docx"
    assert article.title == "Pool opening set for summer"
    assert article.source == f"Pool opening set for summer\n\n{QUOTE}\n\n{REPORTED}"
    assert len(article.view) == len(article.source)
    assert article.view.count("\n\n") == 2  # three paragraphs, none joined


def test_offsets_point_into_the_extracted_text(tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["audit", str(_article_docx(tmp_path)), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    source = read_article(tmp_path / "draft.docx").source
    attributions = report["attributions"]
    assert attributions, report
    for attribution in attributions:
        quote = attribution["content"]
        assert source[quote["start"] : quote["end"]] == quote["text"]
    speakers = [a["speaker"]["name"] for a in attributions if a.get("speaker")]
    assert any("Priya Menon" in name for name in speakers), speakers


def test_tracked_changes_read_as_accepted_and_tab_stops_are_not_text(tmp_path):
    document = docx.Document()
    paragraph = document.add_paragraph("The mayor said the plan was ")
    inserted = OxmlElement("w:ins")
    inserted.append(_run("final"))
    deleted = OxmlElement("w:del")
    deleted_run = OxmlElement("w:r")
    deleted_text = OxmlElement("w:delText")
    deleted_text.text = "a draft"
    deleted_run.append(deleted_text)
    deleted.append(deleted_run)
    paragraph._p.append(inserted)
    paragraph._p.append(deleted)
    paragraph.add_run(".")
    paragraph.paragraph_format.tab_stops.add_tab_stop(914400)
    article = read_article(_write(tmp_path / "tracked.docx", document))
    assert article.source == "The mayor said the plan was final."


def _run(text: str):
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    return run


def test_headings_lists_and_table_cells_are_their_own_blocks(tmp_path):
    document = docx.Document()
    document.add_heading("Budget vote", level=1)
    document.add_paragraph("Spending on roads rises by a fifth, the finance office said")
    document.add_paragraph("new bridges", style="List Bullet")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Roads"
    table.cell(0, 1).text = "Schools"
    document.add_paragraph("")  # an empty paragraph adds nothing
    article = read_article(_write(tmp_path / "blocks.docx", document))
    assert article.title == "Budget vote"
    assert article.source.split("\n\n") == [
        "Budget vote",
        "Spending on roads rises by a fifth, the finance office said",
        "new bridges",
        "Roads",
        "Schools",
    ]
    # A list item is never glued to the paragraph before it, though that one lacks a stop.
    assert article.repaired_breaks == []


def test_a_sentence_broken_over_two_word_paragraphs_is_repaired(tmp_path):
    document = docx.Document()
    document.add_paragraph("The plan was approved,")
    document.add_paragraph("the deputy mayor said on Monday.")
    article = read_article(_write(tmp_path / "broken.docx", document))
    assert article.repaired_breaks == [len("The plan was approved,")]
    assert "\n" not in article.view


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "not a zip archive"),
        (b"plain words, not a Word file", "not a zip archive"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "old binary Word file (.doc)"),
    ],
)
def test_a_file_that_is_not_word_is_one_clear_line(tmp_path, content, expected):
    path = tmp_path / "bad.docx"
    path.write_bytes(content)
    with pytest.raises(IngestError, match="bad.docx") as info:
        read_article(path)
    assert expected in str(info.value)
    assert "\n" not in str(info.value)


def test_a_zip_without_a_document_and_a_truncated_file_are_refused(tmp_path):
    other = tmp_path / "other.docx"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("hello.txt", "hello")
    with pytest.raises(IngestError, match="no word/document.xml"):
        read_article(other)
    whole = _article_docx(tmp_path).read_bytes()
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(IngestError, match="not a readable Word document"):
        read_article(truncated)


def test_damaged_xml_inside_the_zip_is_refused(tmp_path):
    good = _article_docx(tmp_path)
    damaged = tmp_path / "damaged.docx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(damaged, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                data = data[: len(data) // 2]
            target.writestr(info, data)
    with pytest.raises(IngestError, match="damaged.docx: not a readable Word document"):
        read_article(damaged)


def test_limits_apply_to_the_extracted_text_and_the_file(tmp_path):
    path = _article_docx(tmp_path)
    with pytest.raises(IngestError, match="too large"):
        read_article(path, max_chars=40)
    with pytest.raises(IngestError, match="too large for a Word document"):
        article_from_bytes(b"\0" * (MAX_DOCX_BYTES + 1), name="big", path="big.docx", format="docx")


def test_docx_is_not_a_text_format():
    with pytest.raises(IngestError, match="read from its file's bytes"):
        article_from_text("words", format="docx")


def test_audit_and_check_read_docx_and_report_bad_files_without_traceback(tmp_path):
    good = _article_docx(tmp_path)
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    runner = CliRunner()
    checked = runner.invoke(cli, ["check", str(good), "--fail-on", "error"])
    assert checked.exit_code == 0, checked.output
    audited = runner.invoke(cli, ["audit", str(bad)])
    assert audited.exit_code == 2
    assert "bad.docx: not a readable Word document" in audited.stderr
    assert "Traceback" not in audited.output
    both = runner.invoke(cli, ["audit", str(tmp_path), "--format", "json", "-q"])
    assert both.exit_code == 1  # the good one reported, the bad one listed
    assert json.loads(both.stdout)["document"]["name"] == "draft"


def test_batch_reads_docx_and_records_a_bad_one(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _article_docx(corpus)
    (corpus / "bad.docx").write_bytes(b"PK\x03\x04 truncated")
    refs = expand_inputs([str(corpus)])
    assert [Path(ref.path).name for ref in refs] == ["bad.docx", "draft.docx"]
    items = list(iter_items(refs, max_bytes=100))  # a byte bound for text files only
    assert [item.format for item in items] == ["docx", "docx"]
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["batch", str(corpus), "--out", str(out), "-q"])
    assert result.exit_code == 1, result.output
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert [e["id"] for e in errors] == [str(corpus / "bad.docx")]
    assert "not a readable Word document" in errors[0]["reason"]
    results = [json.loads(line) for line in (out / "results.jsonl").read_text().splitlines()]
    assert len(results) == 1 and results[0]["result"]["attributions"]
