"""The engines: in-process, local worker processes and a Dask LocalCluster give the same
results; a document that kills its worker is found and reported; a batch stopped by a
signal resumes with no document lost or done twice."""

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
from auditor.batch.store import iter_lines

#: Worker processes and a Dask cluster: ``pytest -m "not slow"`` leaves them out.
pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).parent / "fixtures" / "batch"


def _run(inputs, out: Path, nlp=None, **options):
    options.setdefault("progress_bar", False)
    return run_batch(
        [str(i) for i in inputs],
        BatchOptions(out_dir=out, **options),
        nlp=nlp,
        stream=io.StringIO(),
    )


def _corpus(folder: Path, n: int, marker: str = "") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"story-{i:03d}.txt"
        extra = marker if i == n // 2 else ""
        path.write_text(
            f"Harbor Notes {i}\n\n{extra}The ferry will run {i + 1} extra trips, the operator "
            f'said.\n\n"We expect crowds," said harbor master Jonas Weber.\n',
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def _files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_local_jobs_and_dask_give_identical_results(tmp_path, nlp):
    folder = tmp_path / "in"
    _corpus(folder, 6)
    inputs = [FIXTURES / "corpus", FIXTURES / "records.jsonl", folder]
    formats = ("markdown", "json")
    one = _run(inputs, tmp_path / "one", nlp, jobs=1, chunk_size=2, formats=formats)
    two = _run(inputs, tmp_path / "two", nlp, jobs=2, chunk_size=2, formats=formats)
    # Dask workers as threads of this process: starting worker processes that each import
    # spaCy and load the model would make this test several times slower.
    dask = _run(
        inputs,
        tmp_path / "dask",
        engine="dask",
        jobs=2,
        chunk_size=2,
        formats=formats,
        dask_processes=False,
    )
    assert one.audited == two.audited == dask.audited == 13
    expected = _files(tmp_path / "one")
    # reports, results, errors, index.md, index.html and the (empty) folder lock
    assert len(expected) == 13 * 2 + 5
    assert _files(tmp_path / "two") == expected
    assert _files(tmp_path / "dask") == expected


def test_a_document_that_kills_its_worker_is_reported(tmp_path, nlp, monkeypatch):
    from auditor.batch import worker

    real = worker.prepare

    def deadly(item, spec):
        if item.data is not None and b"CRASH" in item.data:
            os._exit(3)  # what a segfault in native code looks like from outside
        return real(item, spec)

    # Workers are forked from this process, so they run the patched function.
    monkeypatch.setattr(worker, "prepare", deadly)
    folder = tmp_path / "in"
    paths = _corpus(folder, 8, marker="CRASH ")
    summary = _run([folder], tmp_path / "out", nlp, jobs=2, chunk_size=3)
    assert (summary.audited, summary.failed) == (7, 1)
    results = [line for _, line in iter_lines(tmp_path / "out" / "results.jsonl")]
    assert [r["id"] for r in results] == [str(p) for i, p in enumerate(paths) if i != 4]
    (error,) = [line for _, line in iter_lines(tmp_path / "out" / "errors.jsonl")]
    assert error["id"] == str(paths[4])
    assert error["reason"] == "a worker process died while auditing this document"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_a_batch_stopped_by_sigterm_resumes_without_loss_or_repeats(tmp_path):
    folder = tmp_path / "in"
    paths = _corpus(folder, 48)
    out = tmp_path / "out"
    command = [
        sys.executable,
        "-m",
        "auditor",
        "batch",
        str(folder),
        "--out",
        str(out),
        "--no-reports",
        "-q",
    ]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)}
    process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    results = out / "results.jsonl"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if results.exists() and results.stat().st_size > 0:
            break
        time.sleep(0.02)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "run the same command again to resume" in stderr
    done = [line["id"] for _, line in iter_lines(results)]
    assert 0 < len(done) < len(paths)

    again = subprocess.run(command[:-1], env=env, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    # Nothing done twice: the finished documents are skipped, only the rest audited.
    assert f"{len(paths) - len(done)} audited, 0 failed, {len(done)} already done" in again.stderr
    ids = [line["id"] for _, line in iter_lines(results)]
    assert ids == [str(p) for p in paths]
    assert json.loads(results.read_text().splitlines()[0])["schema"] == "auditor-batch/1"
