"""The report dispatch: formats, suffixes, unknown formats, determinism."""

from __future__ import annotations

import copy

import pytest
from test_report_fixtures import all_results, article_result, hostile_result

from auditor.errors import AuditorError
from auditor.report import EXTENSIONS, FORMATS, ReportError, check_format, render, render_many


def test_every_format_has_a_distinct_suffix():
    assert set(EXTENSIONS) == set(FORMATS)
    assert all(suffix.startswith(".") for suffix in EXTENSIONS.values())
    assert len(set(EXTENSIONS.values())) == len(FORMATS)


def test_unknown_format_is_a_one_line_auditor_error_listing_the_formats():
    with pytest.raises(ReportError) as info:
        render(article_result(), "pdf")
    message = str(info.value)
    assert isinstance(info.value, AuditorError)
    assert "\n" not in message
    assert "'pdf'" in message
    for fmt in FORMATS:
        assert fmt in message
    with pytest.raises(ReportError):
        render_many([article_result()], "xml")


def test_format_names_are_forgiving_about_case_and_common_aliases():
    assert check_format(" Markdown ") == "markdown"
    assert check_format("md") == "markdown"
    assert check_format("NDJSON") == "jsonl"
    assert render(article_result(), "MD") == render(article_result(), "markdown")


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_is_deterministic(fmt):
    """Same input, byte-identical output: golden files can be compared."""
    results = all_results()
    first = render_many(results, fmt)
    second = render_many(copy.deepcopy(results), fmt)
    assert first == second
    for result in results:
        assert render(result, fmt) == render(copy.deepcopy(result), fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_ends_with_a_newline_and_mentions_the_rules(fmt):
    out = render(article_result(), fmt)
    assert out.endswith("\n")
    assert "ANON001" in out


@pytest.mark.parametrize("fmt", ["markdown", "html", "sarif"])
def test_rules_url_is_used_by_the_linked_formats(fmt):
    out = render(hostile_result(), fmt, rules_url="https://docs.example.org/rules.html")
    assert "https://docs.example.org/rules.html#anon007" in out
