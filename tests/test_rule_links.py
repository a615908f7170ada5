"""Rule links that work outside the repository: `rule-docs-url`, and explanations in HTML."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner
from test_report_fixtures import article_result, finding
from test_report_html import parse

from auditor.cli import cli
from auditor.config import ConfigError, config_from_table
from auditor.report import render, render_many
from auditor.rules import load_rule_pack

RULES = {rule.id: rule for rule in load_rule_pack().rules}


# -- the setting ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["https://docs.example.org/rules.html", "https://docs.example.org/rules/{id}/", "rules.md"],
)
def test_rule_docs_url_takes_http_urls_and_relative_paths(url):
    assert config_from_table({"rule-docs-url": url}).rule_docs_url == url


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("javascript:alert(1)", "scheme 'javascript'"),
        ("data:text/html,x", "scheme 'data'"),
        ("https://x.org/a b", "spaces"),
        ("https://x.org/{name}", "the only placeholder is {id}"),
        (42, "expected a URL"),
        ("", "expected a URL"),
    ],
)
def test_a_bad_rule_docs_url_is_refused_naming_the_key(value, expected):
    with pytest.raises(ConfigError, match=re.escape(expected)) as info:
        config_from_table({"rule-docs-url": value})
    assert str(info.value).startswith("rule-docs-url:")


# -- Markdown -------------------------------------------------------------------------------


def test_markdown_links_no_rule_by_default_and_never_a_repository_path():
    report = render(article_result(), "markdown")
    assert "rules.md" not in report
    assert "ANON001 anonymous-no-reason: Anonymous source" in report


def test_markdown_links_to_the_configured_base_or_template():
    based = render(article_result(), "markdown", rules_url="https://docs.example.org/rules.html")
    assert "(https://docs.example.org/rules.html#anon001)" in based
    templated = render(article_result(), "markdown", rules_url="https://docs.example.org/r/{id}/")
    assert "[ANON001 anonymous-no-reason](https://docs.example.org/r/anon001/)" in templated
    assert "{id}" not in templated


def test_sarif_help_uri_follows_the_template():
    log = json.loads(render(article_result(), "sarif", rules_url="https://d.example.org/{id}"))
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["ANON001"]["helpUri"] == "https://d.example.org/anon001"


# -- HTML -----------------------------------------------------------------------------------


def test_html_explains_every_rule_used_in_the_page_and_links_there():
    result = article_result()
    page = parse(render(result, "html"))
    sections = {s.attrs["id"]: s for s in page.find_all("section", "rule")}
    used = {f.rule for f in result.findings}
    assert set(sections) == {f"rule-{rule_id.lower()}" for rule_id in used}
    # Every link to a rule lands on its explanation in this page.
    rule_links = [a.attrs["href"] for a in page.find_all("a") if "#rule-" in a.attrs["href"]]
    assert rule_links and all(link[1:] in sections for link in rule_links)
    # The explanation is the pack's own: its reason, fix and references.
    anon = sections["rule-anon001"].text()
    why = " ".join(RULES["ANON001"].why.split())
    assert " ".join(why.split()[:8]) in " ".join(anon.split())
    assert "Why it matters" in anon and "Instead" in anon
    refs = [a.attrs["href"] for a in sections["rule-anon001"].find_all("a")]
    assert [a.url for a in RULES["ANON001"].authority][0] in refs


def test_a_rule_outside_the_pack_shows_its_fix():
    result = article_result()
    result.findings.append(
        finding(result.text, "HOUSE001", "warning", "Harbour", "House style.", "", "Say so.")
    )
    page = parse(render(result, "html"))
    (house,) = [s for s in page.find_all("section", "rule") if s.attrs["id"] == "rule-house001"]
    assert "Say so." in house.text()


def test_several_documents_in_one_page_keep_their_own_rule_sections():
    page = parse(render_many([article_result(), article_result("examples/other.txt")], "html"))
    ids = [s.attrs["id"] for s in page.find_all("section", "rule")]
    assert len(ids) == len(set(ids))
    assert "d1-rule-anon001" in ids and "d2-rule-anon001" in ids
    links = {a.attrs["href"] for a in page.find_all("a")}
    assert {"#d1-rule-anon001", "#d2-rule-anon001"} <= links


def test_html_adds_the_full_documentation_link_only_for_a_safe_base():
    html = render(article_result(), "html", rules_url="https://docs.example.org/rules.html")
    assert 'href="https://docs.example.org/rules.html#anon001"' in html
    hostile = render(article_result(), "html", rules_url="javascript:alert(1)")
    assert "javascript:" not in hostile


def test_no_findings_no_rules_section():
    result = article_result()
    result.findings = []
    assert 'class="rules"' not in render(result, "html")


# -- the command line -----------------------------------------------------------------------


def test_audit_links_rules_where_the_configuration_says(tmp_path):
    (tmp_path / "auditor.toml").write_text(
        'rule-docs-url = "https://newsroom.example.org/auditor/rules/{id}.html"\n',
        encoding="utf-8",
    )
    article = tmp_path / "draft.txt"
    article.write_text(
        "Budget cut\n\nThe budget will be cut, a council official said on condition of "
        "anonymity.\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    markdown = runner.invoke(cli, ["audit", str(article), "-q"])
    assert markdown.exit_code == 0, markdown.output
    assert "](https://newsroom.example.org/auditor/rules/anon" in markdown.stdout
    out = tmp_path / "out"
    written = runner.invoke(
        cli, ["audit", str(article), "-q", "--out", str(out), "--format", "html"]
    )
    assert written.exit_code == 0, written.output
    page = (out / "draft.html").read_text(encoding="utf-8")
    assert 'href="#rule-anon' in page and 'class="rule" id="rule-anon' in page


def test_a_bad_rule_docs_url_in_the_config_is_one_line(tmp_path):
    (tmp_path / "auditor.toml").write_text('rule-docs-url = "javascript:x"\n', encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("The mayor said the bridge was closed.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["audit", str(article)])
    assert result.exit_code == 2
    assert "rule-docs-url" in result.stderr and "Traceback" not in result.output
