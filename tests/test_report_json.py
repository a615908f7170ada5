"""JSON and JSON Lines output: exactly the auditor/2 contract."""

from __future__ import annotations

import json

import pytest
from test_report_fixtures import all_results, article_result, hostile_result

from auditor.model import Span
from auditor.report import render, render_many


def test_json_is_the_contract_indented_by_two_with_unicode_kept():
    result = article_result()
    out = render(result, "json")
    assert out == json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n"
    assert json.loads(out)["schema"] == "auditor/2"
    assert out.startswith('{\n  "schema": "auditor/2",')


def test_json_keeps_non_ascii_text_readable():
    result = article_result()
    result.attributions[0].speaker.name = "Mara Quëll"
    assert "Mara Quëll" in render(result, "json")


def test_json_many_is_one_array_in_input_order():
    results = all_results()
    data = json.loads(render_many(results, "json"))
    assert [d["document"]["name"] for d in data] == [r.document.name for r in results]


def test_jsonl_is_one_compact_object_per_line():
    results = all_results()
    out = render_many(results, "jsonl")
    lines = out.splitlines()
    assert len(lines) == len(results)
    for line, result in zip(lines, results, strict=True):
        assert json.loads(line) == result.to_dict()
        assert ": " not in line.split('"text"')[0]  # compact separators
    assert render(hostile_result(), "jsonl") == lines[1] + "\n"


def test_jsonl_escapes_unicode_line_separators_so_lines_stay_lines():
    result = article_result()
    result.claims[0].text = "first\u2028second\u2029third\x85fourth"
    result.attributions[0].content = Span(0, 3, "a\u2028b")
    out = render_many([result, hostile_result()], "jsonl")
    assert "\u2028" not in out and "\u2029" not in out and "\x85" not in out
    lines = out.splitlines()  # str.splitlines also splits on U+2028/U+2029 and NEL
    assert len(lines) == 2
    assert json.loads(lines[0])["claims"][0]["text"] == "first\u2028second\u2029third\x85fourth"


def test_every_jsonl_writer_escapes_the_line_breaks_of_splitlines():
    # results.jsonl, provenance.jsonl and the provenance tables all write through these.
    from auditor.batch.store import dump_line
    from auditor.provenance.crossdoc.tables import dumps
    from auditor.report.json_format import compact_json

    value = {"quote": "one\x85two\u2028three\u2029four\nfive"}
    for line in (compact_json(value), dumps(value), dump_line(value)):
        assert len(line.splitlines()) == 1
        assert json.loads(line) == value


def test_schema_1_is_offered_for_json_and_jsonl_and_drops_only_the_parts():
    results = all_results()
    new = json.loads(render(results[0], "json"))
    old = json.loads(render(results[0], "json", schema=1))
    assert old["schema"] == "auditor/1" and new["schema"] == "auditor/2"
    assert any("parts" in a["content"] for a in new["attributions"])
    assert all("parts" not in a["content"] for a in old["attributions"])
    for a in new["attributions"]:
        a["content"].pop("parts", None)
    new["schema"] = "auditor/1"
    assert old == new
    lines = render_many(results, "jsonl", schema=1).splitlines()
    assert [json.loads(line)["schema"] for line in lines] == ["auditor/1"] * len(results)
    assert json.loads(render_many(results, "json", schema=1))[0] == old
    # the other formats have no JSON layout to choose
    assert render(results[0], "markdown", schema=1) == render(results[0], "markdown")


@pytest.mark.slow
def test_audit_schema_option_writes_the_chosen_layout(tmp_path):
    from click.testing import CliRunner

    from auditor.cli import cli

    article = tmp_path / "draft.txt"
    article.write_text('"We will rebuild," said Ana Ruiz, the mayor. "It will take years."\n')
    for schema, expected in (("1", "auditor/1"), ("2", "auditor/2")):
        out = CliRunner().invoke(
            cli, ["audit", str(article), "--format", "json", "-q", "--schema", schema]
        )
        assert out.exit_code == 0, out.output
        data = json.loads(out.stdout)
        assert data["schema"] == expected
        assert ("parts" in data["attributions"][0]["content"]) == (schema == "2")
    bad = CliRunner().invoke(cli, ["audit", str(article), "--schema", "3"])
    assert bad.exit_code == 2
