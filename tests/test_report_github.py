"""GitHub workflow annotations and the plain text listing."""

from __future__ import annotations

import pytest
from test_report_fixtures import all_results, article_result, empty_result, hostile_result

from auditor.report import render, render_many, rulemeta
from auditor.report.github import escape_data, escape_property


@pytest.fixture(autouse=True)
def no_rule_pack(monkeypatch):
    monkeypatch.setattr(rulemeta, "rule_pack", lambda: {})


def test_annotations_have_level_place_title_and_fix():
    lines = render(article_result(), "github").splitlines()
    assert lines[0] == (
        "::notice file=examples/bridge.txt,line=3,col=95,endLine=3,endColumn=104,"
        "title=VERB002::Consider a neutral verb."
    )
    assert lines[1] == (
        "::error file=examples/bridge.txt,line=5,col=1,endLine=5,endColumn=19,"
        "title=ANON001 anonymous-no-reason::Anonymous source with no reason given for "
        "anonymity.%0AFix: Say why the source was granted anonymity."
    )
    assert [line.split(" ", 1)[0] for line in lines] == [
        "::notice",
        "::error",
        "::warning",
        "::warning",
    ]


def test_values_are_escaped_as_github_requires():
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_hostile_values_stay_on_one_line_and_cannot_end_a_property():
    result = hostile_result()
    result.document.path = "news/a,b:c.md"
    out = render(result, "github")
    lines = out.splitlines()
    assert len(lines) == len(result.findings)
    for line in lines:
        props, message = line[2:].split("::", 1)
        command, _, props = props.partition(" ")
        assert command in {"error", "warning", "notice"}
        pairs = dict(p.split("=", 1) for p in props.split(","))
        assert pairs["file"] == "news/a%2Cb%3Ac.md"
        assert set(pairs) == {"file", "line", "col", "endLine", "endColumn", "title"}
    verb = next(line for line in lines if "VERB001" in line)
    assert verb.endswith("::Loaded verb: claimed,%0D%0Asee: MOS:SAID")
    anon = next(line for line in lines if "ANON007" in line)
    assert "Fix: Describe the source: line one%0Aline two, 100%25 | `tick`" in anon


def test_many_documents_and_empty_ones():
    assert render(empty_result(), "github") == ""
    out = render_many(all_results(), "github")
    assert len(out.splitlines()) == sum(len(r.findings) for r in all_results())


def test_text_listing_is_sorted_path_line_col_id_message():
    out = render_many(list(reversed(all_results())), "text")
    lines = out.splitlines()
    assert lines[:4] == [
        "examples/bridge.txt:3:95: VERB002 Consider a neutral verb.",
        "examples/bridge.txt:5:1: ANON001 Anonymous source with no reason given for anonymity.",
        "examples/bridge.txt:7:1: ATTR003 Vague attribution: who are the experts?",
        "examples/bridge.txt:7:43: ATTR001 Checkable figure with no source.",
    ]
    assert (
        lines[-1] == "examples/hostile <a>|b`.md:7:12: VERB001 Loaded verb: claimed, see: MOS:SAID"
    )
    assert len(lines) == 7
    assert render(empty_result(), "text") == ""
