"""Latency of ``POST /api/audit`` on a running ``auditor serve``, alone and under load.

Usage (from the repository root, with the serve extra installed):

    python bench/serve_latency.py [--requests 50] [--clients 16] [--seconds 60]
        [--workers 1] [--words 1000]

Starts ``auditor serve`` on a free localhost port, builds an article of about ``--words``
words from whole paragraphs of ``examples/`` and then:

1. warm: 5 audits unmeasured, then ``--requests`` audits one after the other: median and
   95th percentile of the client's wall time per request (connection kept open), and the
   server's CPU time per request (its latency on an idle core: on a machine shared with
   other work the wall times are longer);
2. the same audit in this process without HTTP (``Auditor.audit`` and the JSON rendering),
   as many times: what the server adds is the difference;
3. load: ``--clients`` threads each posting the same audit back to back for ``--seconds``:
   requests done, errors (any answer but 200, any connection failure), median and p95
   latency, and the resident memory of the server (its processes together) sampled every
   second: first, peak, last, and the slope of a least-squares line through the samples of
   the second half (MB per minute: ~0 when memory is flat).

Not a test: the figures depend on the machine. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import sys
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from serve_process import Server  # noqa: E402 - the tests' way of starting a server


def article_of(words: int) -> str:
    """Whole paragraphs of the examples, in turn, until about ``words`` words."""
    paragraphs = []
    for path in sorted((ROOT / "examples").glob("*.txt")):
        paragraphs += [p for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    chosen, count, index = [], 0, 0
    while count < words:
        paragraph = paragraphs[index % len(paragraphs)]
        chosen.append(paragraph)
        count += len(paragraph.split())
        index += 1
    return "\n\n".join(chosen) + "\n"


def percentile(values: list[float], share: float) -> float:
    """The ``share`` quantile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


class Client:
    """One keep-alive connection posting the same audit."""

    def __init__(self, port: int, body: bytes) -> None:
        self.port = port
        self.body = body
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)

    def audit(self) -> tuple[int, float]:
        """(status, seconds) of one POST /api/audit."""
        start = time.perf_counter()
        self.connection.request(
            "POST", "/api/audit", self.body, {"Content-Type": "application/json"}
        )
        answer = self.connection.getresponse()
        answer.read()
        return answer.status, time.perf_counter() - start


def server_rss(process: psutil.Process) -> float:
    """Resident memory of ``process`` and its children, in MB."""
    total = 0
    for one in [process, *process.children(recursive=True)]:
        try:
            total += one.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total / 1e6


def server_cpu(process: psutil.Process) -> float:
    """CPU seconds (user + system) used so far by ``process`` and its children."""
    total = 0.0
    for one in [process, *process.children(recursive=True)]:
        try:
            times = one.cpu_times()
            total += times.user + times.system
        except psutil.NoSuchProcess:
            pass
    return total


def sequential(port: int, body: bytes, n: int, pid: int) -> tuple[list[float], float]:
    """Wall seconds of ``n`` audits one after the other, and the server's CPU seconds per
    audit (what one request costs on an idle core, whatever else the machine is doing)."""
    client = Client(port, body)
    for _ in range(5):
        assert client.audit()[0] == 200
    process = psutil.Process(pid)
    cpu_before = server_cpu(process)
    times = []
    for _ in range(n):
        status, seconds = client.audit()
        assert status == 200, status
        times.append(seconds)
    return times, (server_cpu(process) - cpu_before) / n


def in_process(text: str, n: int) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of ``Auditor.audit`` + JSON rendering of ``text``, warm, ``n``
    times (on a busy machine the CPU time is what one audit costs on an idle core)."""
    from auditor.audit import Auditor
    from auditor.ingest import article_from_text
    from auditor.report import render

    auditor = Auditor()
    article = article_from_text(text, name="bench", path="bench.txt")
    for _ in range(5):
        render(auditor.audit(article), "json")
    wall, cpu = [], []
    for _ in range(n):
        start, start_cpu = time.perf_counter(), time.process_time()
        render(auditor.audit(article), "json")
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return wall, cpu


def load(port: int, body: bytes, clients: int, seconds: float, pid: int) -> dict:
    stop = time.monotonic() + seconds
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()

    def work() -> None:
        client = Client(port, body)
        while time.monotonic() < stop:
            try:
                status, took = client.audit()
            except (OSError, http.client.HTTPException) as exc:
                with lock:
                    errors.append(type(exc).__name__)
                client = Client(port, body)
                continue
            with lock:
                latencies.append(took)
                if status != 200:
                    errors.append(str(status))

    process = psutil.Process(pid)
    memory = [server_rss(process)]
    started = time.monotonic()
    threads = [threading.Thread(target=work) for _ in range(clients)]
    for thread in threads:
        thread.start()
    while any(t.is_alive() for t in threads):
        time.sleep(1)
        memory.append(server_rss(process))
    elapsed = time.monotonic() - started
    return {"latencies": latencies, "errors": errors, "memory": memory, "elapsed": elapsed}


def slope_per_minute(samples: list[float]) -> float:
    """MB per minute of a least-squares line through the second half (1 s apart)."""
    half = samples[len(samples) // 2 :]
    if len(half) < 2:
        return 0.0
    return statistics.linear_regression(range(len(half)), half).slope * 60


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--words", type=int, default=1000)
    args = parser.parse_args()

    text = article_of(args.words)
    body = json.dumps({"text": text, "name": "bench.txt"}).encode()
    log = Path("/tmp") / f"auditor-serve-bench-{time.time():.0f}.log"
    server = Server("--workers", str(args.workers), "--queue", str(4 * args.clients), log=log)
    try:
        server.wait_ready()
        alone, cpu_per_audit = sequential(server.port, body, args.requests, server.process.pid)
        direct, direct_cpu = in_process(text, args.requests)
        loaded = load(server.port, body, args.clients, args.seconds, server.process.pid)
    finally:
        server.stop()
    memory = loaded["memory"]
    done = loaded["latencies"]
    print(
        f"Article: {len(text.split())} words, {len(text)} characters; "
        f"{args.workers} worker(s); load average {os.getloadavg()[0]:.1f} at the end; "
        f"server log {log}\n"
    )
    print("| measure | figure |\n|---|---:|")
    print(f"| warm, one client: median | {1000 * statistics.median(alone):.0f} ms |")
    print(f"| warm, one client: p95 | {1000 * percentile(alone, 0.95):.0f} ms |")
    print(f"| warm, one client: server CPU per audit | {1000 * cpu_per_audit:.0f} ms |")
    print(f"| same audit in-process, no HTTP: median | {1000 * statistics.median(direct):.0f} ms |")
    print(f"| same audit in-process, no HTTP: p95 | {1000 * percentile(direct, 0.95):.0f} ms |")
    print(
        "| same audit in-process: CPU time, median | "
        f"{1000 * statistics.median(direct_cpu):.0f} ms |"
    )
    print(f"| {args.clients} clients for {args.seconds:.0f} s: requests | {len(done)} |")
    print(f"| {args.clients} clients: errors | {len(loaded['errors'])} |")
    print(f"| {args.clients} clients: throughput | {len(done) / loaded['elapsed']:.2f} audits/s |")
    if done:
        print(f"| {args.clients} clients: median | {1000 * statistics.median(done):.0f} ms |")
        print(f"| {args.clients} clients: p95 | {1000 * percentile(done, 0.95):.0f} ms |")
    print(
        f"| server RSS: first / peak / last | {memory[0]:.0f} / {max(memory):.0f} / "
        f"{memory[-1]:.0f} MB |"
    )
    print(f"| server RSS slope, second half | {slope_per_minute(memory):+.1f} MB/min |")
    if loaded["errors"]:
        print(f"\nerrors: {sorted(set(loaded['errors']))}")


if __name__ == "__main__":
    main()
