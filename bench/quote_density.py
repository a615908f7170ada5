"""Time and memory of quotation pairing and the attribution passes on text dense with marks.

Usage (from the repository root, with auditor installed):

    python bench/quote_density.py [--chars 100000] [--full-chars 990000] [--seed 1]
        [--profile OUT.pstats]

Builds random words mixed with quotation marks (one mark per ~11 characters, as in the
990 kB / 92,000-mark article of issue 11) and prints:

- ``find_quotes`` alone on the full-size text (``--full-chars``), then on 1/2 of it, with
  seconds and the time ratio (near 2 for a linear pass);
- the whole spaCy pipeline (``auditor.pipeline.load_pipeline``) on one piece of
  ``--chars`` characters (the size long articles are cut into) and on half of it: seconds
  per component, the ratio and peak traced memory of the auditor's components.

Not a test: figures depend on the machine. ``tests/test_nlp_robust.py`` checks the
scaling structurally (operation counts), so it cannot be flaky.
"""

from __future__ import annotations

import argparse
import cProfile
import random
import time
import tracemalloc

#: Marks mixed into the words, straight, curly, guillemets and CJK brackets alike.
MARKS = ['"', "“", "”", "'", "‘", "’", "«", "»", "「", "」"]
WORDS = (
    "the mayor said council figures plans they we data report officials told reporters "
    "a of to in and that is was will not budget city police minister claimed added"
).split()
PUNCT = ["", "", "", ",", ".", ":", "?"]
NAMES = ["Ruiz", "Mayor Ana Ruiz", "the minister", "they", "officials", "Smith"]
CUES = ["said", "told reporters", "added", "claimed", "wrote"]
PAIRS = [("\"", "\""), ("“", "”"), ("‘", "’"), ("'", "'"), ("«", "»"), ("「", "」")]


def dense_text(chars: int, seed: int = 1, mark_every: float = 9.5) -> str:
    """Random words and quotations (pairs of marks, some left unclosed or stray) with a
    quotation mark every ``mark_every`` characters on average and a paragraph break every
    ~600 characters; exactly ``chars`` long."""
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    marks = 0
    while size < chars:
        words = [rng.choice(WORDS) for _ in range(rng.randint(1, 3))]
        piece = " ".join(words) + rng.choice(PUNCT)
        if marks * mark_every < size:
            pair = rng.choice(PAIRS)
            opener, closer = pair if rng.random() < 0.99 else (pair[0], rng.choice(MARKS))
            piece = opener + piece + closer
            marks += 2
            cue = rng.random()
            if cue < 0.3:  # "..., Ruiz said." / "Ruiz said: ..." make attributions
                piece = piece[:-1] + "," + piece[-1] + f" {rng.choice(NAMES)} said."
            elif cue < 0.5:
                piece = f"{rng.choice(NAMES)} {rng.choice(CUES)}: " + piece
        piece += "\n" if rng.random() < 0.02 else " "
        out.append(piece)
        size += len(piece)
    return "".join(out)[:chars]


def count_marks(text: str) -> int:
    return sum(text.count(m) for m in MARKS)


def _timed(fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - start, result


def bench_pairing(full_chars: int, seed: int) -> None:
    from auditor.nlp.quotes import find_quotes

    full = dense_text(full_chars, seed)
    half = full[: full_chars // 2]
    t_half, _ = _timed(find_quotes, half)
    t_full, quotes = _timed(find_quotes, full)
    print(
        f"find_quotes: {len(full):,} chars, {count_marks(full):,} marks, {len(quotes):,} "
        f"quotes: {t_full:.3f} s (half: {t_half:.3f} s, ratio {t_full / t_half:.2f})"
    )


def _component_times(nlp, text: str) -> tuple[dict[str, float], int]:
    """Seconds per component, and peak traced bytes of the auditor's components."""
    doc = nlp.make_doc(text)
    times: dict[str, float] = {}
    peak = 0
    for name, component in nlp.pipeline:
        ours = name.startswith("auditor_")
        if ours:
            tracemalloc.start()
        start = time.perf_counter()
        doc = component(doc)
        times[name] = time.perf_counter() - start
        if ours:
            peak = max(peak, tracemalloc.get_traced_memory()[1])
            tracemalloc.stop()
    return times, peak


def bench_pipeline(chars: int, seed: int, profile: str | None) -> None:
    from auditor.pipeline import load_pipeline

    nlp = load_pipeline()
    text = dense_text(chars, seed)
    rows = []
    for size in (chars // 2, chars):
        piece = text[:size]
        times, peak = _component_times(nlp, piece)
        rows.append((size, count_marks(piece), times, peak))
    for size, marks, times, peak in rows:
        ours = sum(t for n, t in times.items() if n.startswith("auditor_"))
        detail = ", ".join(f"{n} {t:.2f}" for n, t in times.items() if n.startswith("auditor_"))
        print(
            f"pipeline: {size:,} chars, {marks:,} marks: total {sum(times.values()):.2f} s, "
            f"auditor components {ours:.2f} s ({detail}); peak {peak / 2**20:.0f} MiB"
        )
    ours = [sum(t for n, t in r[2].items() if n.startswith("auditor_")) for r in rows]
    print(f"auditor components, 2x the text: {ours[1] / ours[0]:.2f}x the time")
    if profile:
        cProfile.runctx("nlp(text)", globals(), {"nlp": nlp, "text": text}, profile)
        print(f"profile written to {profile}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=100_000)
    parser.add_argument("--full-chars", type=int, default=990_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--profile", help="write a cProfile of the pipeline on the piece")
    parser.add_argument("--skip-pipeline", action="store_true")
    args = parser.parse_args()
    bench_pairing(args.full_chars, args.seed)
    if not args.skip_pipeline:
        bench_pipeline(args.chars, args.seed, args.profile)


if __name__ == "__main__":
    main()
