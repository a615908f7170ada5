"""Reports show and highlight a content's parts (the speaker's words), not its extent."""

from __future__ import annotations

import re

import pytest
from test_report_fixtures import span
from test_report_html import parse

from auditor.model import Attribution, AuditResult, DocumentInfo, Speaker, Summary
from auditor.report import render, rulemeta

TEXT = '"The ferry runs again," said Omar Diallo, the port director. "Twice a day."\n'


@pytest.fixture(autouse=True)
def no_rule_pack(monkeypatch):
    monkeypatch.setattr(rulemeta, "rule_pack", lambda: {})


def interrupted_quote() -> AuditResult:
    attribution = Attribution(
        id="a1",
        kind="direct",
        content=span(TEXT, TEXT.strip()),
        parts=[span(TEXT, '"The ferry runs again,"'), span(TEXT, '"Twice a day."')],
        cue=span(TEXT, "said"),
        source=span(TEXT, "Omar Diallo, the port director"),
        speaker=Speaker("Omar Diallo", "the port director", None),
        source_type="named_person",
        grade="A",
    )
    document = DocumentInfo("ferry.txt", "ferry", len(TEXT), "0" * 64, "Ferry")
    summary = Summary(100, "A", {"named_person": 1}, [])
    return AuditResult(document, TEXT, [attribution], [], [], summary, None)


def test_html_colours_the_parts_and_leaves_the_frame_between_them_uncoloured():
    page = parse(render(interrupted_quote(), "html"))
    graded = [n.text() for n in page.find_all("span", "m") if "g-A" in n.classes()]
    assert graded == ['"The ferry runs again,"', '"Twice a day."']
    frame = [n for n in page.find_all("span", "m") if n.text() == "said"]
    assert frame and "g-A" not in frame[0].classes() and "cue" in frame[0].classes()


def test_markdown_shows_the_parts_joined_without_the_frame():
    report = render(interrupted_quote(), "markdown")
    row = next(line for line in report.splitlines() if line.startswith("| 1 |"))
    assert re.search(r"“The ferry runs again \u2026 Twice a day\.”", row), row
    assert "port director. " not in row.split("|")[-2]
