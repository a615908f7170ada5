"""Reading batch inputs: folders, globs, JSON Lines (plain and gzip) and their problems."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from auditor.batch.inputs import (
    InputError,
    Item,
    Problem,
    count_documents,
    expand_inputs,
    iter_items,
    records_stem,
    safe_name,
)


def _tree(root: Path) -> None:
    for name in ("a/one.txt", "a/b/two.md", "c/three.html", "a/skip.pdf", ".hidden/x.txt"):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("The mayor said so.\n")


def test_folders_are_searched_recursively_in_order(tmp_path):
    _tree(tmp_path)
    refs = expand_inputs([str(tmp_path)])
    assert [Path(r.path).relative_to(tmp_path).as_posix() for r in refs] == [
        "a/b/two.md",
        "a/one.txt",
        "c/three.html",
    ]
    assert {r.kind for r in refs} == {"file"}
    items = list(iter_items(refs))
    assert [i.report_base for i in items] == ["a/b/two", "a/one", "c/three"]
    assert [i.format for i in items] == ["markdown", "text", "html"]


def test_the_output_folder_and_repeats_are_left_out(tmp_path):
    _tree(tmp_path)
    out = tmp_path / "a" / "reports"
    out.mkdir()
    (out / "one.md").write_text("# A report\n")
    refs = expand_inputs([str(tmp_path / "a"), str(tmp_path / "a" / "one.txt")], exclude=out)
    assert [Path(r.path).name for r in refs] == ["two.md", "one.txt"]


def test_globs(tmp_path):
    _tree(tmp_path)
    refs = expand_inputs([f"{tmp_path}/**/*.txt"])
    assert [Path(r.path).name for r in refs] == ["one.txt"]  # hidden folders too are skipped
    (item,) = iter_items(refs)
    assert item.report_base == "a/one"
    with pytest.raises(InputError, match="matches no article"):
        expand_inputs([f"{tmp_path}/**/*.rtf"])


@pytest.mark.parametrize(
    ("given", "message"),
    [("missing", "no such file"), ("-", "reads files, not stdin")],
)
def test_bad_inputs_are_usage_errors(tmp_path, given, message):
    with pytest.raises(InputError, match=message):
        expand_inputs([str(tmp_path / given) if given != "-" else given])


def test_an_empty_folder_and_an_unsupported_file_are_usage_errors(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no articles in this folder"):
        expand_inputs([str(tmp_path / "empty")])
    (tmp_path / "x.odt").write_text("x")
    with pytest.raises(InputError, match="unsupported file type"):
        expand_inputs([str(tmp_path / "x.odt")])


def _records(path: Path, lines: list[str], compress: bool = False) -> Path:
    data = "".join(line + "\n" for line in lines).encode("utf-8")
    path.write_bytes(gzip.compress(data) if compress else data)
    return path


@pytest.mark.parametrize("compress", [False, True])
def test_records_become_items_with_their_metadata(tmp_path, compress):
    name = "feed.jsonl.gz" if compress else "feed.jsonl"
    path = _records(
        tmp_path / name,
        [
            json.dumps({"id": "n/1", "text": "One.", "outlet": "Post", "tags": ["x"]}),
            "",
            json.dumps({"id": 7, "text": "# Two", "format": "markdown"}),
            json.dumps({"text": "No id."}),
        ],
        compress,
    )
    refs = expand_inputs([str(path)])
    assert [r.kind for r in refs] == ["records"]
    assert count_documents(refs) == 3
    items = list(iter_items(refs))
    assert all(isinstance(i, Item) for i in items)
    assert [i.id for i in items] == ["n/1", "7", "line4"]
    assert [i.uid for i in items] == [f"{path}#n/1", f"{path}#7", f"{path}#line4"]
    assert items[0].meta == {"outlet": "Post", "tags": ["x"]}
    assert items[1].format == "markdown" and items[1].meta == {}
    assert [i.report_base for i in items] == ["feed/n_1", "feed/7", "feed/line4"]
    assert [i.line for i in items] == [1, 3, 4]
    assert items[0].content_hash() != items[1].content_hash()


def test_bad_records_become_problems_and_reading_goes_on(tmp_path):
    path = _records(
        tmp_path / "feed.jsonl",
        [
            '{"id": "a", "text": "Fine."}',
            "{not json",
            '["a list"]',
            '{"id": "b"}',
            '{"id": "a", "text": "Again."}',
            '{"id": "c", "text": "Odd.", "format": "pdf"}',
            '{"id": "d", "text": "Fine too."}',
        ],
    )
    path.write_bytes(path.read_bytes() + b'{"id": "e", "text": "caf\xe9"}\n')
    items = list(iter_items(expand_inputs([str(path)])))
    kinds = [(type(i).__name__, i.id) for i in items]
    assert kinds == [
        ("Item", "a"),
        ("Problem", None),
        ("Problem", None),
        ("Problem", "b"),
        ("Problem", "a"),
        ("Problem", "c"),
        ("Item", "d"),
        ("Problem", None),
    ]
    reasons = [i.reason for i in items if isinstance(i, Problem)]
    assert (
        reasons[0]
        == f"{path}:2: not valid JSON (Expecting property name enclosed in double quotes)"
    )
    assert reasons[1].endswith("a record must be a JSON object")
    assert reasons[2].endswith('the record has no "text" string')
    assert "duplicate id 'a' (first on line 1)" in reasons[3]
    assert "unknown format 'pdf'" in reasons[4]
    assert reasons[5] == f"{path}:8: not valid UTF-8 at byte 24"
    # Problems have distinct ids in the store, so none hides another.
    assert len({i.uid for i in items}) == len(items)


def test_a_truncated_gzip_keeps_the_records_before_the_damage(tmp_path):
    lines = [json.dumps({"id": str(i), "text": "Some text. " * 200}) for i in range(50)]
    path = _records(tmp_path / "feed.jsonl.gz", lines, compress=True)
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])
    items = list(iter_items(expand_inputs([str(path)])))
    assert isinstance(items[-1], Problem) and "cannot be read after line" in items[-1].reason
    assert 0 < len(items) - 1 < 50
    assert all(isinstance(i, Item) for i in items[:-1])


def test_unreadable_files_become_problems(tmp_path):
    path = tmp_path / "gone.txt"
    path.write_text("x")
    refs = expand_inputs([str(path)])
    path.unlink()
    (problem,) = iter_items(refs)
    assert isinstance(problem, Problem) and "cannot be read" in problem.reason


def test_names():
    assert records_stem("news/2024.jsonl.gz") == "2024"
    assert records_stem("x.NDJSON") == "x"
    assert safe_name("../etc/passwd") == "etc_passwd"
    assert safe_name("a b:c") == "a_b_c"
    assert len(safe_name("x" * 500)) == 100


def test_files_too_large_for_the_limit_are_not_read(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("word " * 100)
    (problem,) = iter_items(expand_inputs([str(path)]), max_bytes=400)
    assert isinstance(problem, Problem)
    assert problem.reason == f"{path}: too large (500 bytes); raise --max-chars"
    (item,) = iter_items(expand_inputs([str(path)]), max_bytes=500)
    assert isinstance(item, Item)
