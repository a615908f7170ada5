"""Build a benchmark corpus for ``auditor batch`` OUTSIDE the repository.

Articles are made by recombining paragraphs of the repository's examples/ and of the
PolNeAR development texts (``/work/shared/eval/polnear-dev/text`` by default): each
article takes the headline of one source text and runs of consecutive paragraphs from two
or three source texts, so quotations and their attributions stay together. The output is
deterministic for a given ``--seed``.

    python bench/make_corpus.py --out /tmp/auditor-bench --n 3000
    # -> /tmp/auditor-bench/records.jsonl   (id, text, title, outlet, author, published)
    #    /tmp/auditor-bench/files/NNNNN.txt  (with --files: the same articles as text files)

The corpus is built from texts that must not be copied into the repository: keep --out
outside it (the script refuses a path inside it).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SOURCES = [REPO / "examples", Path("/work/shared/eval/polnear-dev/text")]
OUTLETS = ["Northern Post", "Harbor Daily", "Valley Courier", "Metro Ledger", "Coast Times"]
AUTHORS = ["A. Lind", "B. Okafor", "C. Ruiz", "D. Novak", "E. Sato", "F. Haddad", None]


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]


def load_sources(folders: list[Path]) -> list[tuple[str, list[str]]]:
    """``(headline, body paragraphs)`` of every .txt/.md text under ``folders``."""
    sources = []
    for folder in folders:
        for path in sorted(folder.glob("*")):
            if path.suffix not in (".txt", ".md"):
                continue
            paragraphs = _paragraphs(path.read_text(encoding="utf-8"))
            if len(paragraphs) < 3:
                continue
            headline = paragraphs[0].lstrip("# ").strip()
            sources.append((headline, paragraphs[1:]))
    if not sources:
        sys.exit(f"no source texts found in {', '.join(map(str, folders))}")
    return sources


def make_article(rng: random.Random, sources, min_pars: int, max_pars: int) -> str:
    """One recombined article: a headline and runs of consecutive paragraphs."""
    headline, _ = rng.choice(sources)
    wanted = rng.randint(min_pars, max_pars)
    body: list[str] = []
    while len(body) < wanted:
        _, paragraphs = rng.choice(sources)
        run = rng.randint(2, 5)
        start = rng.randrange(0, max(1, len(paragraphs) - run + 1))
        body.extend(paragraphs[start : start + run])
    return headline + "\n\n" + "\n\n".join(body[:wanted]) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp/auditor-bench"))
    parser.add_argument("--n", type=int, default=3000, help="number of articles")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--min-paragraphs", type=int, default=4)
    parser.add_argument("--max-paragraphs", type=int, default=12)
    parser.add_argument("--files", action="store_true", help="also write one .txt per article")
    parser.add_argument("--source", type=Path, action="append", help="source folders")
    args = parser.parse_args(argv)

    out = args.out.resolve()
    if out == REPO or REPO in out.parents:
        sys.exit(f"{out} is inside the repository; build the corpus outside it (e.g. /tmp)")
    rng = random.Random(args.seed)
    sources = load_sources(args.source or DEFAULT_SOURCES)
    out.mkdir(parents=True, exist_ok=True)
    files = out / "files"
    if args.files:
        files.mkdir(exist_ok=True)
    chars = 0
    with (out / "records.jsonl").open("w", encoding="utf-8") as stream:
        for i in range(args.n):
            text = make_article(rng, sources, args.min_paragraphs, args.max_paragraphs)
            chars += len(text)
            record = {
                "id": f"bench-{i:05d}",
                "title": text.split("\n", 1)[0],
                "outlet": rng.choice(OUTLETS),
                "author": rng.choice(AUTHORS),
                "published": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                "text": text,
            }
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            if args.files:
                (files / f"{i:05d}.txt").write_text(text, encoding="utf-8")
    print(
        f"{args.n} articles, {chars:,} characters ({chars // max(1, args.n):,} per article) "
        f"from {len(sources)} source texts -> {out}"
    )


if __name__ == "__main__":
    main()
