"""``auditor batch`` end to end (in this process, with the session pipeline): every input
kind, failures in the middle of a batch, interruption and resumption, exit codes."""

from __future__ import annotations

import gzip
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.batch import BatchOptions, run_batch
from auditor.batch.progress import Progress
from auditor.batch.store import iter_lines
from auditor.cli import cli
from auditor.ingest import read_article

FIXTURES = Path(__file__).parent / "fixtures" / "batch"
CORPUS = FIXTURES / "corpus"
RECORDS = FIXTURES / "records.jsonl"


def _run(inputs, out: Path, nlp, **options):
    options.setdefault("progress_bar", False)
    stream = io.StringIO()
    summary = run_batch(
        [str(i) for i in inputs], BatchOptions(out_dir=out, **options), nlp=nlp, stream=stream
    )
    return summary, stream.getvalue()


def _results(out: Path) -> list[dict]:
    return [line for _, line in iter_lines(out / "results.jsonl")]


def _errors(out: Path) -> list[dict]:
    return [line for _, line in iter_lines(out / "errors.jsonl")]


def _spans_slice_the_source(result: dict, source: str) -> None:
    for a in result["attributions"]:
        for role in ("content", "cue", "source"):
            span = a[role]
            if span is not None:
                assert source[span["start"] : span["end"]] == span["text"]


def _article(text: str) -> str:
    return f"Town Notes\n\n{text} the mayor said on Monday.\n"


def _write_corpus(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"note-{i:02d}.txt"
        path.write_text(_article(f"The park will reopen in {i + 2} weeks,"), encoding="utf-8")
        paths.append(path)
    return paths


# ---------------------------------------------------------------------- input kinds


def test_a_folder_gives_the_same_results_as_auditor_audit(tmp_path, nlp, auditor):
    out = tmp_path / "out"
    summary, _ = _run([CORPUS], out, nlp, formats=("markdown", "json"))
    assert summary.exit_code == 0
    assert (summary.audited, summary.failed, summary.skipped) == (3, 0, 0)
    lines = _results(out)
    assert [line["id"] for line in lines] == [
        str(CORPUS / "council" / "budget-vote.md"),
        str(CORPUS / "harbor" / "ferry-strike.txt"),
        str(CORPUS / "school" / "library.html"),
    ]
    for line in lines[:2]:
        # One pipeline: the batch result is exactly what `auditor audit` computes.
        expected = auditor.audit(read_article(line["id"])).to_dict()
        assert line["result"] == expected
    # Reports mirror the folder layout, in every format asked for.
    assert lines[1]["reports"] == {
        "markdown": "reports/harbor/ferry-strike.md",
        "json": "reports/harbor/ferry-strike.json",
    }
    saved = json.loads((out / "reports" / "harbor" / "ferry-strike.json").read_text())
    assert saved == lines[1]["result"]
    assert (out / "index.md").is_file() and (out / "index.html").is_file()
    assert _errors(out) == []


def test_html_pages_lose_their_page_furniture_but_keep_offsets(tmp_path, nlp):
    out = tmp_path / "out"
    page = CORPUS / "school" / "library.html"
    _run([page], out, nlp, html_extractor="trafilatura")
    (line,) = _results(out)
    assert line["meta"]["outlet"] == "Valley Courier"
    assert line["meta"]["published"] == "2024-05-03"
    assert line["meta"]["title"] == "Library Hours Cut"
    source = page.read_text(encoding="utf-8")
    _spans_slice_the_source(line["result"], source)
    texts = " ".join(a["content"]["text"] for a in line["result"]["attributions"])
    assert "Ruth Okonkwo" in json.dumps(line["result"]) and "newsletter" not in texts
    # The builtin masking keeps the teaser paragraph the extractor dropped.
    builtin = tmp_path / "builtin"
    _run([page], builtin, nlp, html_extractor="builtin")
    (plain,) = _results(builtin)
    assert plain["key"] != line["key"]
    assert "outlet" not in plain["meta"]


def test_a_glob_selects_files_and_names_reports_below_its_folder(tmp_path, nlp):
    out = tmp_path / "out"
    summary, _ = _run([f"{CORPUS}/**/*.txt"], out, nlp)
    assert summary.audited == 1
    (line,) = _results(out)
    assert line["id"].endswith("ferry-strike.txt")
    assert line["reports"] == {"markdown": "reports/harbor/ferry-strike.md"}


@pytest.mark.parametrize("compressed", [False, True])
def test_json_lines_records_keep_their_metadata(tmp_path, nlp, compressed):
    source = RECORDS
    if compressed:
        source = tmp_path / "news.jsonl.gz"
        source.write_bytes(gzip.compress(RECORDS.read_bytes()))
    out = tmp_path / "out"
    summary, _ = _run([source], out, nlp, formats=("markdown",))
    assert summary.exit_code == 0
    lines = _results(out)
    assert [line["id"] for line in lines] == ["rec-1", "rec-2", "rec-3", "4"]
    assert {line["input"] for line in lines} == {str(source)}
    assert [line["line"] for line in lines] == [1, 2, 3, 4]
    first = lines[0]
    assert first["meta"] == {
        "title": "Mine Inspectors Find Faults",
        "outlet": "Northern Post",
        "author": "Lia Moreno",
        "published": "2024-01-15",
        "url": "https://example.org/a/1",
    }
    assert first["result"]["document"]["name"] == "rec-1"
    stem = "news" if compressed else "records"
    assert first["reports"] == {"markdown": f"reports/{stem}/rec-1.md"}
    # rec-3 is Markdown: read as Markdown, the bold marks are not part of the name.
    speakers = [a["speaker"]["name"] for a in lines[2]["result"]["attributions"] if a["speaker"]]
    assert "Nadia Petrov" in speakers
    index = (out / "index.md").read_text()
    assert "## By outlet" in index and "Northern Post" in index and "2024-02" in index


def test_compressed_and_plain_records_give_identical_results(tmp_path, nlp):
    gz = tmp_path / "records.jsonl.gz"
    gz.write_bytes(gzip.compress(RECORDS.read_bytes()))
    _run([RECORDS], tmp_path / "a", nlp, formats=())
    _run([gz], tmp_path / "b", nlp, formats=())
    plain, compressed = _results(tmp_path / "a"), _results(tmp_path / "b")
    assert {x["result"]["document"].pop("path") for x in compressed} == {str(gz)}
    for x in plain:
        x["result"]["document"].pop("path")
    assert [x["result"] for x in plain] == [x["result"] for x in compressed]


# ---------------------------------------------------------------------- failures


def test_a_bad_document_in_the_middle_is_listed_and_the_rest_audited(tmp_path, nlp):
    folder = tmp_path / "in"
    good = _write_corpus(folder, 4)
    (folder / "note-01b.txt").write_bytes(b"Caf\xe9 owners said prices would rise.\n")
    (folder / "note-02b.txt").write_text("x" * 500, encoding="utf-8")  # over --max-chars
    records = tmp_path / "feed.jsonl"
    records.write_text(
        json.dumps({"id": "ok-1", "text": _article("Buses will run late,")})
        + "\n"
        + '{"id": "broken", "text": \n'
        + json.dumps({"id": "no-text"})
        + "\n"
        + json.dumps({"id": "ok-1", "text": "duplicate"})
        + "\n"
        + json.dumps({"id": "ok-2", "text": _article("Trams will run late,")})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    summary, said = _run([folder, records], out, nlp, max_chars=400)
    assert summary.exit_code == 1
    assert (summary.audited, summary.failed) == (6, 5)
    assert [x["id"] for x in _results(out)] == [*(str(p) for p in good), "ok-1", "ok-2"]
    errors = {e["uid"]: e for e in _errors(out)}
    assert set(errors) == {
        str(folder / "note-01b.txt"),
        str(folder / "note-02b.txt"),
        f"{records}#!2",
        f"{records}#no-text",
        f"{records}#!4",
    }
    assert "not valid UTF-8 at byte 3" in errors[str(folder / "note-01b.txt")]["reason"]
    assert "too large (500 characters" in errors[str(folder / "note-02b.txt")]["reason"]
    assert "not valid JSON" in errors[f"{records}#!2"]["reason"]
    assert 'no "text"' in errors[f"{records}#no-text"]["reason"]
    assert "duplicate id 'ok-1'" in errors[f"{records}#!4"]["reason"]
    assert "5 document(s) failed" in said
    index = (out / "index.md").read_text()
    assert "5 documents could not be audited" in index

    # Fixing a file and running again redoes only the failed documents.
    (folder / "note-01b.txt").write_text("Cafe owners said prices would rise.\n")
    again, _ = _run([folder, records], out, nlp, max_chars=400)
    assert (again.audited, again.skipped, again.failed) == (1, 6, 4)
    assert str(folder / "note-01b.txt") not in {e["uid"] for e in _errors(out)}
    assert len(_errors(out)) == 4


def test_a_crash_in_a_component_fails_only_its_document(tmp_path, nlp, monkeypatch):
    from auditor import analysis

    folder = tmp_path / "in"
    _write_corpus(folder, 5)
    (folder / "note-02.txt").write_text(_article("BOOM the pier collapsed,"))
    real = analysis.analysis_from_doc

    def fragile(doc, source=None):
        if "BOOM" in doc.text:
            raise ValueError("component fell over")
        return real(doc, source)

    monkeypatch.setattr("auditor.audit.analysis_from_doc", fragile)
    out = tmp_path / "out"
    summary, _ = _run([folder], out, nlp, chunk_size=5)
    assert (summary.audited, summary.failed) == (4, 1)
    (error,) = _errors(out)
    assert error["uid"].endswith("note-02.txt")
    assert error["reason"] == "crash in the pipeline: ValueError: component fell over"
    assert "Traceback" in error["traceback"]


# ---------------------------------------------------------------------- resumption


class _StopAfter(Progress):
    """A progress display that presses Ctrl-C after ``n`` documents."""

    def __init__(self, total, n):
        super().__init__(total, stream=io.StringIO(), bar=False)
        self.n = n

    def advance(self, audited=0, failed=0):
        super().advance(audited, failed)
        if self.done >= self.n:
            raise KeyboardInterrupt


def test_an_interrupted_batch_resumes_without_losing_or_repeating(tmp_path, nlp):
    folder = tmp_path / "in"
    paths = _write_corpus(folder, 7)
    reference = tmp_path / "reference"
    _run([folder], reference, nlp, chunk_size=2)

    out = tmp_path / "out"
    options = BatchOptions(out_dir=out, chunk_size=2, progress_bar=False)
    with pytest.raises(KeyboardInterrupt):
        run_batch([str(folder)], options, nlp=nlp, stream=io.StringIO(), progress=_StopAfter(7, 3))
    assert len(_results(out)) == 3
    # A kill in the middle of writing leaves half a line; it is dropped, not misread.
    with (out / "results.jsonl").open("a") as stream:
        stream.write('{"schema":"auditor-batch/1","id":"')

    summary, said = _run([folder], out, nlp, chunk_size=2)
    assert "dropped an incomplete last line" in said
    assert (summary.audited, summary.skipped, summary.failed) == (4, 3, 0)
    ids = [x["id"] for x in _results(out)]
    assert ids == [str(p) for p in paths]  # each once, in input order
    assert (out / "results.jsonl").read_bytes() == (reference / "results.jsonl").read_bytes()


def test_half_then_all_skips_the_first_half(tmp_path, nlp):
    folder = tmp_path / "in"
    paths = _write_corpus(folder, 6)
    out = tmp_path / "out"
    first, _ = _run(paths[:3], out, nlp)
    assert first.audited == 3
    second, _ = _run([folder], out, nlp)
    assert (second.audited, second.skipped) == (3, 3)
    assert [x["id"] for x in _results(out)] == [str(p) for p in paths]


def test_changed_content_or_rules_are_redone(tmp_path, nlp):
    folder = tmp_path / "in"
    paths = _write_corpus(folder, 3)
    out = tmp_path / "out"
    _run([folder], out, nlp)
    paths[1].write_text(_article("The pool will reopen in June,"))
    summary, _ = _run([folder], out, nlp)
    assert (summary.audited, summary.skipped) == (1, 2)
    config = tmp_path / "auditor.toml"
    config.write_text('ignore = ["VERB"]\n')
    summary, _ = _run([folder], out, nlp, config_path=config)
    assert (summary.audited, summary.skipped) == (3, 0)
    assert len(_results(out)) == 3
    # A new report format needs the document again (its result cannot be re-rendered).
    summary, _ = _run([folder], out, nlp, config_path=config, formats=("markdown", "text"))
    assert summary.audited == 3
    assert (out / "reports" / "note-00.txt").is_file()


def test_results_of_earlier_inputs_are_kept_after_the_current_ones(tmp_path, nlp):
    one, two = _write_corpus(tmp_path / "one", 2), _write_corpus(tmp_path / "two", 1)
    out = tmp_path / "out"
    _run([tmp_path / "one"], out, nlp)
    summary, said = _run([tmp_path / "two"], out, nlp)
    assert summary.earlier == 2 and "keeps 2 documents from earlier runs" in said
    assert [x["id"] for x in _results(out)] == [str(two[0]), *(str(p) for p in one)]
    # Same file names in two folders: the second report gets its own name.
    assert [x["reports"]["markdown"] for x in _results(out)] == [
        "reports/note-00-2.md",
        "reports/note-00.md",
        "reports/note-01.md",
    ]


def test_long_documents_are_audited_in_pieces(tmp_path, nlp):
    paragraphs = [
        f"Officials in district {i} said the roads were cleared, according to Mayor Lena Brandt."
        for i in range(12)
    ]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "long.txt").write_text("\n\n".join(paragraphs) + "\n")
    out = tmp_path / "out"
    summary, _ = _run([folder], out, nlp, piece_chars=300)
    assert summary.audited == 1
    (line,) = _results(out)
    _spans_slice_the_source(line["result"], (folder / "long.txt").read_text())
    assert [a["id"] for a in line["result"]["attributions"]] == [
        f"a{i}" for i in range(1, len(line["result"]["attributions"]) + 1)
    ]
    contents = {a["content"]["start"] for a in line["result"]["attributions"]}
    assert len(contents) >= 12  # every paragraph's attribution is found


# ---------------------------------------------------------------------- command line


def test_usage_errors_exit_2(tmp_path):
    runner = CliRunner()
    missing = runner.invoke(cli, ["batch", str(tmp_path / "nope"), "--out", str(tmp_path / "o")])
    assert missing.exit_code == 2
    assert "no such file, folder or matching files" in missing.output
    pattern = runner.invoke(cli, ["batch", str(tmp_path / "*.txt"), "--out", str(tmp_path / "o")])
    assert pattern.exit_code == 2 and "matches no article" in pattern.output
    bad_format = runner.invoke(
        cli, ["batch", str(CORPUS), "--out", str(tmp_path / "o"), "--format", "pdf"]
    )
    assert bad_format.exit_code == 2 and "unknown report format" in bad_format.output
    stray = runner.invoke(
        cli, ["batch", str(CORPUS), "--out", str(tmp_path / "o"), "--scheduler", "tcp://x:1"]
    )
    assert stray.exit_code == 2 and "--scheduler needs --engine dask" in stray.output
    unsupported = tmp_path / "notes.odt"
    unsupported.write_text("x")
    wrong = runner.invoke(cli, ["batch", str(unsupported), "--out", str(tmp_path / "o")])
    assert wrong.exit_code == 2 and "unsupported file type" in wrong.output
    inside = tmp_path / "o" / "old.txt"
    inside.parent.mkdir()
    inside.write_text("The mayor said so.\n")
    own = runner.invoke(cli, ["batch", str(inside), "--out", str(tmp_path / "o")])
    assert own.exit_code == 2 and "every input is inside the --out folder" in own.output


def test_command_exit_codes_for_success_and_failures(tmp_path):
    folder = tmp_path / "in"
    _write_corpus(folder, 2)
    runner = CliRunner()
    ok = runner.invoke(cli, ["batch", str(folder), "--out", str(tmp_path / "o"), "-q"])
    assert ok.exit_code == 0, ok.output
    (folder / "bad.txt").write_bytes(b"\x00\x01binary")
    failed = runner.invoke(cli, ["batch", str(folder), "--out", str(tmp_path / "o"), "-q"])
    assert failed.exit_code == 1
    assert "1 document(s) failed" in failed.output and "looks binary" in failed.output
    shutil.rmtree(tmp_path / "o")
