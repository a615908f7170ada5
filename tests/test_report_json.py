"""JSON and JSON Lines output: exactly the auditor/2 contract."""

from __future__ import annotations

import json

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
