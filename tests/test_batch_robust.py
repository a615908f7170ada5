"""``auditor batch`` against hostile conditions: a second run on the same folder, records
that cannot be stored as given, a kill of the main process with workers running, and
inputs that are not regular files. Each subprocess has a timeout, so a hang fails."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from auditor.batch import BatchOptions, run_batch

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and FIFOs")
ENV = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)}


def _command(inputs, out: Path, *extra: str) -> list[str]:
    paths = [str(i) for i in inputs]
    return [sys.executable, "-m", "auditor", "batch", *paths, "--out", str(out), *extra]


def _corpus(folder: Path, n: int, paragraphs: int = 1) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        body = "".join(
            f'"The ferry will run {i + k} extra trips," said harbor master Jonas Weber '
            f"on day {k}.\n\n"
            for k in range(paragraphs)
        )
        path = folder / f"story-{i:03d}.txt"
        path.write_text(f"Harbor Notes {i}\n\n{body}", encoding="utf-8")
        paths.append(path)
    return paths


def _lines(path: Path) -> list[dict]:
    """Every line of a JSON Lines file, read strictly: valid UTF-8, valid JSON, complete."""
    raw = path.read_bytes()
    assert raw == b"" or raw.endswith(b"\n")
    return [json.loads(line) for line in raw.decode("utf-8").splitlines()]


def _wait_for(condition, seconds: float, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        if process is not None:
            assert process.poll() is None, process.communicate()[1]
        time.sleep(0.02)


def _has_results(out: Path):
    results = out / "results.jsonl"
    return lambda: results.exists() and results.stat().st_size > 0


# ---------------------------------------------------------------------- one run per folder


@pytest.mark.slow
@POSIX
def test_a_second_batch_on_the_same_folder_is_refused(tmp_path):
    paths = _corpus(tmp_path / "in", 100, paragraphs=8)
    out = tmp_path / "out"
    command = _command([tmp_path / "in"], out, "--no-reports", "-q")
    first = subprocess.Popen(command, env=ENV, stderr=subprocess.PIPE, text=True)
    try:
        _wait_for(_has_results(out), 120, first)
        second = subprocess.run(command, env=ENV, capture_output=True, text=True, timeout=60)
        assert second.returncode == 2, second.stderr
        assert first.poll() is None, "the first run ended too soon to test anything"
        _, stderr = first.communicate(timeout=120)
    finally:
        first.kill()
    assert second.stderr.count("\n") == 1
    assert "in use by another auditor batch" in second.stderr
    assert first.returncode == 0, stderr
    assert [line["id"] for line in _lines(out / "results.jsonl")] == [str(p) for p in paths]
    # The lock file is no result and no input: a rerun skips everything.
    again = subprocess.run(command[:-1], env=ENV, capture_output=True, text=True, timeout=60)
    assert again.returncode == 0, again.stderr
    assert f"0 audited, 0 failed, {len(paths)} already done" in again.stderr


@pytest.mark.slow
@POSIX
def test_workers_die_with_a_killed_batch_and_the_rerun_loses_nothing(tmp_path):
    psutil = pytest.importorskip("psutil")
    paths = _corpus(tmp_path / "in", 120, paragraphs=4)
    out = tmp_path / "out"
    command = _command([tmp_path / "in"], out, "--jobs", "2", "--no-reports", "-q")
    # No pipe to the batch: orphans holding it open would block reading it.
    process = subprocess.Popen(command, env=ENV, stderr=subprocess.DEVNULL)
    parent = psutil.Process(process.pid)
    try:
        _wait_for(lambda: len(parent.children()) >= 2, 120, process)
        _wait_for(_has_results(out), 120, process)
        workers = parent.children(recursive=True)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        _, alive = psutil.wait_procs(workers, timeout=10)
    finally:
        process.kill()
    for orphan in alive:
        orphan.kill()
    assert alive == [], [p.pid for p in alive]
    # The lock died with the run, and no finished document is lost or done twice.
    done = len(_lines(out / "results.jsonl")) if (out / "results.jsonl").exists() else 0
    again = subprocess.run(command[:-1], env=ENV, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    ids = [line["id"] for line in _lines(out / "results.jsonl")]
    assert ids == [str(p) for p in paths]
    assert f"{len(paths) - done} audited, 0 failed" in again.stderr


# ---------------------------------------------------------------------- bad records


def _run(inputs, out: Path, nlp):
    stream = io.StringIO()
    options = BatchOptions(out_dir=out, formats=("markdown", "json"), progress_bar=False)
    summary = run_batch([str(i) for i in inputs], options, nlp=nlp, stream=stream)
    return summary, stream.getvalue()


GOOD = '"We are ready," the mayor said on Monday.'
TEXT = json.dumps(GOOD)
RECORDS = [
    '{"id": "good-1", "text": ' + TEXT + "}",
    '{"id": "lone", "text": "x \\ud800 said the mayor."}',
    '{"id": "title", "text": ' + TEXT + ', "title": "T \\udfff"}',
    '{"id": "deep", "text": ' + TEXT + ', "outlet": {"n": ["\\ud83d"]}}',
    '{"id": "\\udc80id", "text": ' + TEXT + "}",
    '{"id": "nostring", "text": 42}',
    '{"id": "' + "h" * 50_000 + '", "text": ' + TEXT + "}",
    "[" * 100_000 + "]" * 100_000,
    '{"id": "x", "text": ' + TEXT + ', "meta": ' + "[" * 50_000 + "]" * 50_000 + "}",
    '{"id": null, "text": ' + TEXT + ', "author": "Ana \\u00c9lise"}',
    '{"id": "../../etc/passwd", "text": ' + TEXT + "}",
    '{"id": "good-2", "text": ' + json.dumps(GOOD + " \u00e9t\u00e9 \U0001f600") + "}",
]
BAD = {2, 3, 4, 5, 6, 7, 8, 9}  # line numbers of the records that cannot be audited


def test_malformed_records_are_errors_and_the_batch_goes_on(tmp_path, nlp):
    records = tmp_path / "feed.jsonl"
    records.write_text("\n".join(RECORDS) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    for run in range(2):  # the rerun reads back what the first wrote
        summary, log = _run([records], out, nlp)
        good = len(RECORDS) - len(BAD)
        assert summary.failed == len(BAD), log
        assert (summary.audited, summary.skipped) == ((good, 0) if run == 0 else (0, good))
    results = _lines(out / "results.jsonl")
    assert [r["line"] for r in results] == [1, 10, 11, 12]
    assert results[1]["id"] == "line10" and results[1]["meta"]["author"] == "Ana \u00c9lise"
    assert results[3]["result"]["document"]["chars"] == len(GOOD) + 6
    errors = _lines(out / "errors.jsonl")
    assert sorted(e["line"] for e in errors) == sorted(BAD)
    for error in errors:
        assert len(error["reason"]) < 300, error["reason"]
        assert "\n" not in error["reason"]
    reasons = " ".join(e["reason"] for e in errors)
    assert "not valid Unicode" in reasons and "too long" in reasons and "nested" in reasons
    # Nothing under reports/ escapes it, and the corpus report was written.
    for report in (out / "reports").rglob("*"):
        assert (out / "reports") in report.resolve().parents
    assert "good-2" in (out / "index.md").read_text(encoding="utf-8")


@pytest.mark.skipif(sys.platform != "linux", reason="file names that are not UTF-8")
def test_a_file_name_that_is_not_utf8_is_an_error_not_a_crash(tmp_path, nlp):
    folder = tmp_path / "in"
    _corpus(folder, 2)
    bad = os.path.join(os.fsencode(folder), b"caf\xe9.txt")
    with open(bad, "w", encoding="utf-8") as stream:
        stream.write(GOOD)
    out = tmp_path / "out"
    summary, log = _run([folder], out, nlp)
    assert (summary.audited, summary.failed) == (2, 1), log
    (error,) = _lines(out / "errors.jsonl")
    assert "caf\\xe9.txt" in error["reason"]
    assert len(_lines(out / "results.jsonl")) == 2


# ---------------------------------------------------------------------- not regular files


@pytest.mark.slow
@POSIX
def test_fifos_named_like_inputs_are_errors_not_hangs(tmp_path):
    folder = tmp_path / "in"
    paths = _corpus(folder, 2)
    os.mkfifo(folder / "a.txt")
    os.mkfifo(tmp_path / "x.jsonl")
    (tmp_path / "g").mkdir()
    os.mkfifo(tmp_path / "g" / "b.md")  # through a glob too
    out = tmp_path / "out"
    inputs = [folder, tmp_path / "x.jsonl", tmp_path / "g" / "*.md"]
    command = _command(inputs, out, "--no-reports", "-q")
    done = subprocess.run(command, env=ENV, capture_output=True, text=True, timeout=90)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    errors = _lines(out / "errors.jsonl")
    fifos = [tmp_path / "g" / "b.md", folder / "a.txt", tmp_path / "x.jsonl"]
    assert sorted(e["input"] for e in errors) == sorted(str(p) for p in fifos)
    assert all("not a regular file" in e["reason"] for e in errors)
    assert [r["id"] for r in _lines(out / "results.jsonl")] == [str(p) for p in paths]
