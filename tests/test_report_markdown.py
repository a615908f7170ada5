"""The Markdown report: what an editor reads first, and that article text cannot break it."""

from __future__ import annotations

import random
import re

import pytest
from markdown_it import MarkdownIt
from test_report_fixtures import (
    ARTICLE,
    article_result,
    empty_result,
    finding,
    hostile_result,
    span,
)

from auditor.model import AuditResult, DocumentInfo, Finding, Summary
from auditor.report import render, render_many, rulemeta
from auditor.report.rulemeta import RuleInfo

MD = MarkdownIt("js-default")


@pytest.fixture(autouse=True)
def no_rule_pack(monkeypatch):
    """Judge the report on the fixtures alone, whatever the default rule pack says."""
    monkeypatch.setattr(rulemeta, "rule_pack", lambda: {})


def section(report: str, title: str) -> str:
    """The text of the ``## title`` section (up to the next ``## ``)."""
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", report, re.M | re.S)
    assert match, f"no section {title!r}"
    return match.group(1)


def table_rows(markdown: str) -> list[list[str]]:
    """Body rows of every table in ``markdown`` as rendered cell texts."""
    rows: list[list[str]] = []
    in_body = False
    for tok in MD.parse(markdown):
        if tok.type == "tbody_open":
            in_body = True
        elif tok.type == "tbody_close":
            in_body = False
        elif tok.type == "tr_open" and in_body:
            rows.append([])
        elif tok.type == "inline" and in_body:
            rows[-1].append("".join(c.content for c in tok.children if c.type == "text"))
    return rows


def test_top_of_report_gives_title_grade_score_and_counts():
    report = render(article_result(), "markdown")
    lines = report.splitlines()
    assert lines[0] == "# Source audit: Harbour Bridge Repairs Will Take Two Years"
    assert lines[2].startswith("**Grade C** · score 62/100 · 4 attributions · 4 findings")
    assert "(1 error, 2 warnings, 1 suggestion)" in lines[2]
    assert "`examples/bridge.txt`" in lines[4]


def test_why_this_grade_lists_the_summary_lines():
    why = section(render(article_result(), "markdown"), "Why this grade")
    assert "- Two of four attributions name their source." in why
    assert "- One anonymous source gives no reason." in why


def test_source_mix_has_named_share_table_and_mermaid_pie():
    mix = section(render(article_result(), "markdown"), "Source mix")
    assert "**50%** of attributions (2 of 4) name an on-record source" in mix
    assert "The table also counts 1 checkable claim with no source" in mix
    assert table_rows(mix) == [
        ["named person", "2", "40%"],
        ["anonymous", "1", "20%"],
        ["vague", "1", "20%"],
        ["unattributed claim", "1", "20%"],
    ]
    pie = mix[mix.index("```mermaid") :]
    assert pie.splitlines()[1] == "pie showData title Source mix"
    assert '    "named person" : 2' in pie
    assert pie.rstrip().endswith("```")


def test_fix_before_publication_lists_only_errors_with_their_fix():
    blockers = section(render(article_result(), "markdown"), "Fix before publication")
    items = [line for line in blockers.splitlines() if re.match(r"\d+\. ", line)]
    assert items == [
        "1. Line 5:1 ANON001 anonymous-no-reason: Anonymous source "
        "with no reason given for anonymity. — *Say why the source was granted anonymity.*"
    ]


def test_no_errors_says_nothing_blocks_publication():
    result = article_result()
    result.findings = [f for f in result.findings if f.severity != "error"]
    blockers = section(render(result, "markdown"), "Fix before publication")
    assert "Nothing blocks publication" in blockers


def test_findings_grouped_by_severity_with_place_sentence_link_and_fix():
    findings = section(render(article_result(), "markdown"), "Findings")
    headings = re.findall(r"^### (.+)$", findings, re.M)
    assert headings == ["Errors (1)", "Warnings (2)", "Suggestions (1)"]
    assert (
        "- **Line 5:1** ANON001 anonymous-no-reason: "
        "Anonymous source with no reason given for anonymity." in findings
    )
    # The sentence the finding is about, with the flagged words in bold.
    assert (
        "  > **A council official**, who spoke on condition of anonymity, said the budget "
        "was already spent." in findings
    )
    assert "  **Fix:** Say why the source was granted anonymity." in findings
    # Warnings in reading order; a finding without name or fix still shows id and sentence.
    assert findings.index("Line 7:1**") < findings.index("Line 7:43**")
    assert "VERB002: Consider a neutral verb." in findings
    assert "> Quell **estimated** that repairs would cost 40 million.\n" in findings


def test_finding_order_does_not_depend_on_input_order():
    result = article_result()
    expected = render(result, "markdown")
    random.Random(7).shuffle(result.findings)
    random.Random(7).shuffle(result.attributions)
    assert render(result, "markdown") == expected


def test_rule_name_and_fix_come_from_the_rule_pack_when_the_finding_lacks_them(monkeypatch):
    pack = {"VERB002": RuleInfo("VERB002", "mind-reading-verb", fix="Write what was said.")}
    monkeypatch.setattr(rulemeta, "rule_pack", lambda: pack)
    findings = section(render(article_result(), "markdown"), "Findings")
    assert "VERB002 mind-reading-verb" in findings
    assert "**Fix:** Write what was said." in findings


def test_attribution_table_has_one_row_per_attribution():
    table = section(render(article_result(), "markdown"), "Attributions")
    assert "| line | speaker | description | source type | grade | cue | what was said |" in table
    rows = table_rows(table)
    assert rows == [
        [
            "3",
            "Mara Quell",
            "the city's chief engineer",
            "named person",
            "A",
            "said",
            "“The cables are older than anyone thought”",
        ],
        [
            "3",
            "Mara Quell",
            "the city's chief engineer",
            "named person",
            "A",
            "estimated",
            "“repairs would cost 40 million”",
        ],
        ["5", "a council official", "", "anonymous", "D", "said", "“the budget was already spent”"],
        ["7", "Experts", "", "vague", "D", "say", "“the bridge may have to close”"],
    ]


def test_unattributed_claims_table():
    claims = section(render(article_result(), "markdown"), "Unattributed claims")
    assert table_rows(claims) == [
        ["7", "percentage", "unattributed", "“Traffic fell 12% last year.”"]
    ]


def test_rules_url_can_point_elsewhere():
    report = render(article_result(), "markdown", rules_url="https://example.org/rules")
    assert "](https://example.org/rules#anon001)" in report
    assert "../docs/rules.md" not in report


# -- hostile text ---------------------------------------------------------------------------


def test_hostile_quotes_cannot_inject_markup():
    report = render(hostile_result(), "markdown")
    html = MD.render(report)
    assert "<script" not in html
    assert "<img" not in html
    assert "<i>" not in html and "<b>" not in html
    assert 'href="http://evil.example"' not in html
    # The text shows literally (escaped once by the renderer, not twice).
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "[link](http://evil.example)" in html
    assert "`code` with *stars*" in html


def test_hostile_quotes_cannot_break_table_rows():
    report = render(hostile_result(), "markdown")
    rows = table_rows(section(report, "Attributions"))
    assert [len(row) for row in rows] == [7, 7]
    assert rows[0][2] == "a | pipe <b>bold</b> second line"
    assert rows[0][6] == "“Use <script>document.title='pwned'</script> and | pipes | here”"
    claims = table_rows(section(report, "Unattributed claims"))
    assert claims == [
        ["7", "number", "unattributed", "“The report claimed 3 | 4 of funds were lost.”"]
    ]


def test_hostile_title_message_and_fix_stay_on_one_line_and_literal():
    report = render(hostile_result(), "markdown")
    first = report.splitlines()[0]
    assert first == "# Source audit: Markup &lt;i&gt;Test&lt;/i&gt; \\| \\`x\\`"
    assert "**Fix:** Describe the source: line one line two, 100% \\| \\`tick\\`" in report
    tokens = MD.parse(report)
    assert not [t for t in tokens if t.type == "html_block"]
    for tok in tokens:
        if tok.type == "inline":
            assert not [c for c in tok.children if c.type == "html_inline"]


# -- edge cases ---------------------------------------------------------------------------


def test_empty_article_report_says_so_without_a_grade():
    report = render(empty_result(), "markdown")
    assert report.startswith("# Source audit: empty\n")
    assert "The article is empty" in report
    assert "Grade F" not in report
    assert "## Findings" not in report


def test_article_without_attributions_has_no_chart():
    text = "The weather was fine all week.\n"
    result = AuditResult(
        DocumentInfo("plain.txt", "plain", len(text), "0" * 64),
        text,
        [],
        [],
        [],
        Summary(100, "A", {}, []),
    )
    report = render(result, "markdown")
    assert "No attributions were found" in report
    assert "```mermaid" not in report
    assert "No findings." in report
    assert "Score 100/100 (no breakdown was given)." in report


def test_bad_offsets_do_not_crash_the_report():
    result = article_result()
    result.findings[0].start, result.findings[0].end = len(ARTICLE) + 50, len(ARTICLE) + 90
    result.attributions[0].content = span(ARTICLE, "said")
    assert "ANON001" in render(result, "markdown")


def test_many_reports_are_separated_by_a_rule():
    out = render_many([article_result(), empty_result()], "markdown")
    assert out.count("\n---\n") == 1
    assert out.startswith("# Source audit: Harbour Bridge")
    assert "# Source audit: empty" in out


def test_a_rules_fix_is_spelled_out_once(monkeypatch):
    result = article_result()
    again = finding(
        ARTICLE, "ANON001", "error", "Experts", "Second anonymous source.", "", "Say why."
    )
    result.findings.append(again)
    result.findings[0].fix = "Say why."
    report = render(result, "markdown")
    blockers = section(report, "Fix before publication")
    assert blockers.count("Say why.") == 1
    assert (
        "2. Line 7:1 ANON001: Second anonymous source. — *fix as in 1.*"
        in blockers
    )
    findings = section(report, "Findings")
    assert findings.count("**Fix:** Say why.") == 1
    assert "**Fix:** as for ANON001 at line 5:1." in findings


def test_a_paragraph_break_finding_shows_a_pilcrow():
    text = "The minister, said Dr.\n\nAna Ruiz, would resign.\n"
    brk = text.index("\n\n")
    f = Finding("QUOT003", "warning", "Paragraph broken mid-sentence.", brk, brk + 2, 1, brk + 1)
    result = AuditResult(
        DocumentInfo("b.txt", "b", len(text), "0" * 64), text, [], [], [f], Summary(90, "A", {})
    )
    report = render(result, "markdown")
    assert "> The minister, said Dr. **¶** Ana Ruiz, would resign.\n" in report


def test_a_finding_on_the_whole_sentence_is_not_bold():
    findings = section(render(article_result(), "markdown"), "Findings")
    assert "> Traffic fell 12% last year.\n" in findings
