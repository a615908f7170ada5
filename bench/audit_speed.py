"""Speed of a single-article audit: cold start and words per second.

Usage (from the repository root, with auditor installed):

    python bench/audit_speed.py [ARTICLE_OR_DIR ...]   # default: ../shared/seeds

Prints:
- cold start: wall-clock seconds of `auditor audit ARTICLE --format json` in a fresh
  process (Python start, model load, audit, report) for the first article, best of 3;
- warm throughput: words per second of Auditor.audit over all the articles with the model
  already loaded (best of 3 passes), and per-article milliseconds.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def articles(args: list[str]) -> list[Path]:
    targets = [Path(a) for a in args] or [ROOT.parent / "shared" / "seeds"]
    found: list[Path] = []
    for target in targets:
        found.extend(sorted(target.glob("*.txt")) if target.is_dir() else [target])
    if not found:
        sys.exit("no articles to time")
    return found


def cold_start(path: Path, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "auditor", "audit", str(path), "--format", "json", "-q"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        best = min(best, time.perf_counter() - start)
    return best


def warm_throughput(paths: list[Path], repeat: int = 3) -> tuple[int, float]:
    from auditor import Auditor, read_article

    auditor = Auditor()
    docs = [read_article(p) for p in paths]
    words = sum(len(d.source.split()) for d in docs)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for doc in docs:
            auditor.audit(doc)
        best = min(best, time.perf_counter() - start)
    return words, best


def main() -> None:
    paths = articles(sys.argv[1:])
    seconds = cold_start(paths[0])
    print(f"cold start: {seconds:.2f} s for `auditor audit {paths[0].name} --format json`")
    words, elapsed = warm_throughput(paths)
    print(
        f"warm: {len(paths)} articles, {words} words in {elapsed:.2f} s = "
        f"{words / elapsed:,.0f} words/s ({1000 * elapsed / len(paths):.0f} ms per article)"
    )


if __name__ == "__main__":
    main()
