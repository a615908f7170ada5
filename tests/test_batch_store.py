"""The result store: append-only journals, torn lines, compaction, report names."""

from __future__ import annotations

import json

from auditor.batch.store import ResultStore, dump_line, iter_lines


def _result(uid: str, key: str = "k", reports: dict | None = None) -> dict:
    return {
        "schema": "auditor-batch/1",
        "id": uid,
        "input": uid,
        "key": key,
        "meta": {},
        "reports": reports or {},
        "result": {"schema": "auditor/1", "note": f"{uid}/{key}"},
    }


def _ids(path):
    return [line["id"] for _, line in iter_lines(path)]


def test_results_survive_reopening_and_a_torn_last_line(tmp_path):
    with ResultStore(tmp_path) as store:
        store.add_result("a", _result("a"))
        store.add_result("b", _result("b"))
    with (tmp_path / "results.jsonl").open("ab") as stream:
        stream.write(b'{"schema":"auditor-batch/1","id":"c","inp')
    store = ResultStore(tmp_path).open()
    assert store.repaired > 0
    assert set(store.stored) == {"a", "b"}
    store.add_result("c", _result("c"))
    store.close()
    assert _ids(tmp_path / "results.jsonl") == ["a", "b", "c"]


def test_is_done_needs_the_same_key_and_every_report(tmp_path):
    store = ResultStore(tmp_path).open()
    paths = store.write_reports("x/a", {"markdown": "# A\n", "github": "line"})
    assert paths == {"markdown": "reports/x/a.md", "github": "reports/x/a.github.txt"}
    assert (tmp_path / "reports" / "x" / "a.github.txt").read_text() == "line\n"
    store.add_result("a", _result("a", "k1", paths))
    assert store.is_done("a", "k1", ("markdown",))
    assert store.is_done("a", "k1", ())
    assert not store.is_done("a", "k2", ("markdown",))
    assert not store.is_done("a", "k1", ("markdown", "html"))
    (tmp_path / "reports" / "x" / "a.md").unlink()
    assert not store.is_done("a", "k1", ("markdown",))
    assert not store.is_done("b", "k1", ())
    store.close()


def test_compaction_orders_dedupes_and_keeps_earlier_documents(tmp_path):
    store = ResultStore(tmp_path).open()
    for uid in ("old", "b", "a", "b"):  # "b" redone: its second line wins
        store.add_result(uid, _result(uid, key=f"{uid}-{len(store._order)}"))
    store.add_error({"uid": "c", "id": "c", "input": "c", "reason": "bad"})
    store.add_error({"uid": "a", "id": "a", "input": "a", "reason": "failed before"})
    store.add_error({"uid": "gone", "id": "gone", "input": "gone", "reason": "old failure"})
    earlier = store.compact(["a", "b", "c"], failed={"c"})
    assert earlier == 1
    lines = [line for _, line in iter_lines(tmp_path / "results.jsonl")]
    assert [(x["id"], x["key"]) for x in lines] == [("a", "a-2"), ("b", "b-3"), ("old", "old-0")]
    errors = [line for _, line in iter_lines(tmp_path / "errors.jsonl")]
    # "a" has a result now; "gone" is not among the inputs and has none: kept.
    assert [e["uid"] for e in errors] == ["c", "gone"]
    assert errors[0]["schema"] == "auditor-batch-error/1"
    # Compaction is idempotent and the store reads back what it wrote.
    reopened = ResultStore(tmp_path).open()
    assert reopened.stored["b"].key == "b-3"
    assert reopened.compact(["a", "b", "c"], failed={"c"}) == 1
    assert [x["id"] for _, x in iter_lines(tmp_path / "results.jsonl")] == ["a", "b", "old"]


def test_report_names_are_stable_and_distinct(tmp_path):
    store = ResultStore(tmp_path).open()
    assert store.report_name("one/x.txt", "x") == "x"
    assert store.report_name("two/x.txt", "x") == "x-2"
    assert store.report_name("one/x.txt", "x") == "x"
    store.add_result("two/x.txt", _result("two/x.txt", reports={"markdown": "reports/x-2.md"}))
    store.close()
    # A later run, with the documents in another order, keeps the earlier names.
    later = ResultStore(tmp_path).open()
    assert later.report_name("two/x.txt", "x") == "x-2"
    assert later.report_name("three/x.txt", "x") == "x"
    later.close()


def test_lines_are_single_json_lines():
    line = dump_line({"text": "a\u2028b\nc", "n": "é"})
    assert line.endswith("\n") and line.count("\n") == 1
    assert "\u2028" not in line and "é" in line
    assert json.loads(line) == {"text": "a\u2028b\nc", "n": "é"}
