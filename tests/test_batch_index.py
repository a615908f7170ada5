"""The corpus index against a hand-counted fixture (tests/fixtures/batch/index).

The fixture has five results (a..e) and two errors; every number below was counted by
hand from the fixture, not computed by the code under test.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from auditor.batch.index import build_index, month_of, render_html, render_markdown, write_index

FIXTURE = Path(__file__).parent / "fixtures" / "batch" / "index"


@pytest.fixture(scope="module")
def index():
    return build_index(FIXTURE)


def _table(markdown: str, heading: str) -> list[list[str]]:
    """The rows (cells) of the first table after ``heading``."""
    section = markdown.split(heading, 1)[1]
    rows = []
    for line in section.splitlines()[1:]:
        if line.startswith("## "):
            break
        if line.startswith("|") and not line.startswith("|---"):
            rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows[1:]  # without the header row


def test_totals(index):
    assert index.documents == 5
    assert index.failed == 2
    assert index.chars == 1000 + 2000 + 1500 + 500 + 100
    assert index.attributions == 4 + 3 + 2 + 2 + 0
    assert index.claims == 0 + 1 + 2 + 0 + 0
    assert index.findings == 1 + 3 + 5 + 1 + 1
    assert dict(index.severities) == {"error": 4, "warning": 6, "suggestion": 1}
    assert index.mean_score() == pytest.approx((90 + 55 + 20 + 75 + 20) / 5)
    assert index.median_score() == 55


def test_grades_and_mix(index):
    assert dict(index.grades) == {"A": 1, "B": 1, "C": 1, "F": 2}
    assert dict(index.mix) == {
        "named_person": 5,
        "named_organization": 1,
        "media": 1,
        "anonymous": 2,
        "vague": 2,
        "unattributed": 3,
    }
    assert index.mix_types() == [
        "named_person",
        "named_organization",
        "media",
        "anonymous",
        "vague",
        "unattributed",
    ]


def test_groups(index):
    outlets = index.groups["outlet"]
    assert {k: v.documents for k, v in outlets.items()} == {"Post": 2, "Gazette": 2, "(unknown)": 1}
    assert outlets["Post"].mean_score == pytest.approx(72.5)
    assert outlets["Gazette"].mean_score == pytest.approx(47.5)
    assert dict(outlets["Post"].mix) == {
        "named_person": 4,
        "named_organization": 1,
        "anonymous": 2,
        "unattributed": 1,
    }
    authors = index.groups["author"]
    assert {k: v.documents for k, v in authors.items()} == {"Kim": 2, "Lee": 1, "(unknown)": 2}
    assert authors["Kim"].mean_score == pytest.approx(55)
    months = index.groups["month"]
    # "Mar 2024" is no date a reader can trust to a month, so it counts as unknown.
    assert {k: v.documents for k, v in months.items()} == {
        "2024-01": 2,
        "2024-02": 1,
        "(unknown)": 2,
    }


def test_speakers_count_named_sources_only(index):
    assert dict(index.speakers) == {"Ana Ruiz": 3, "Ben Cole": 2, "City Council": 1, "Interfax": 1}
    assert dict(index.speaker_articles) == {
        "Ana Ruiz": 2,
        "Ben Cole": 2,
        "City Council": 1,
        "Interfax": 1,
    }


def test_findings_and_worst(index):
    assert dict(index.rules) == {
        "VERB001": 1,
        "ANON001": 2,
        "ATTR001": 3,
        "ATTR003": 2,
        "DOC002": 2,
        "PROV001": 1,
    }
    assert dict(index.rule_articles) == {
        "VERB001": 1,
        "ANON001": 1,
        "ATTR001": 2,
        "ATTR003": 1,
        "DOC002": 2,
        "PROV001": 1,
    }
    # c and e both score 20 with one error each; c has more findings.
    assert [w.uid for w in index.worst()] == ["c", "e", "b", "d", "a"]


def test_worst_list_is_bounded_and_keeps_the_worst():
    small = build_index(FIXTURE, top=2)
    assert [w.uid for w in small.worst()] == ["c", "e"]


def test_markdown_tables_show_the_counts(index):
    md = render_markdown(index)
    totals = dict((row[0], row[1]) for row in _table(md, "# Corpus source audit"))
    assert totals["articles audited"] == "5"
    assert totals["articles failed"] == "2"
    assert totals["characters"] == "5,100"
    assert totals["findings: error"] == "4"
    assert totals["median score"] == "55"
    assert _table(md, "## Grades") == [
        ["A", "1", "20%"],
        ["B", "1", "20%"],
        ["C", "1", "20%"],
        ["F", "2", "40%"],
    ]
    findings = _table(md, "## Most frequent findings")
    assert [row[0] for row in findings] == [
        "ATTR001",
        "ANON001",
        "ATTR003",
        "DOC002",
        "PROV001",
        "VERB001",
    ]
    assert findings[0][3:] == ["3", "2", "40%"]
    months = _table(md, "## By month")
    assert [row[:3] for row in months] == [
        ["2024-01", "2", "72.5"],
        ["2024-02", "1", "20.0"],
        ["(unknown)", "2", "47.5"],
    ]
    worst = _table(md, "## Articles to review first")
    assert worst[0][0] == "[Charlie](reports/c.md)"
    # e has no title: its document name stands in.
    assert worst[1][0] == "[e-doc](reports/e.md)"
    # Charts come with the table of the same numbers (for viewers without Mermaid).
    assert '```mermaid\n%% chart:grades\npie showData title Articles by grade\n    "A" : 1' in md
    assert "xychart-beta" in md
    assert "## Failed documents" in md and "r.jsonl:7: not valid JSON" in md


def test_html_page_draws_charts_without_scripts_and_links_html_reports(index):
    page = render_html(index, prefer=("markdown", "html"))
    assert "<script" not in page and "mermaid" not in page
    assert page.count('class="chart"') == 3  # grades, source mix, months
    # e has an HTML report: the HTML page links it rather than the Markdown one.
    assert 'href="reports/e.html"' in page
    assert 'href="reports/c.md"' in page
    assert re.search(r"<td>Ana Ruiz</td>\s*<td>named person</td>\s*<td[^>]*>3</td>", page)


def test_untrusted_metadata_is_escaped(tmp_path):
    shutil.copy(FIXTURE / "results.jsonl", tmp_path / "results.jsonl")
    text = (tmp_path / "results.jsonl").read_text()
    text = text.replace('"outlet": "Post"', '"outlet": "<script>x</script>|Post"')
    (tmp_path / "results.jsonl").write_text(text)
    write_index(tmp_path)
    page = (tmp_path / "index.html").read_text()
    assert "<script>x" not in page and "&lt;script&gt;x" in page
    md = (tmp_path / "index.md").read_text()
    row = next(line for line in md.splitlines() if "script" in line)
    assert row.count("|") - row.count("\\|") == 3 + len(build_index(tmp_path).mix_types()) + 1


@pytest.mark.parametrize(
    ("value", "month"),
    [
        ("2024-03-05", "2024-03"),
        ("2024-03-05T10:00:00+02:00", "2024-03"),
        ("Tue, 20 Feb 2024 10:00:00 +0000", "2024-02"),
        ("2024-13-01", "(unknown)"),
        ("yesterday", "(unknown)"),
        (None, "(unknown)"),
        (20240305, "(unknown)"),
    ],
)
def test_month_of(value, month):
    assert month_of(value) == month


def test_empty_corpus_renders(tmp_path):
    index = write_index(tmp_path)
    assert index.documents == 0
    md = (tmp_path / "index.md").read_text()
    assert "No articles were audited." in md
    assert "<html" in (tmp_path / "index.html").read_text()
