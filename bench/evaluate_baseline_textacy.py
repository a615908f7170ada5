"""Score textacy's ``direct_quotations`` on a brat gold folder, through the auditor's scorer.

A reference point for ``auditor evaluate``: same gold reader, same metrics, another
extractor. textacy finds direct quotes only (content = the quote with its marks, cue =
the reporting verb, source = the verb's subject) and raises on an odd number of quotation
marks; such documents are counted as failed and scored as predicting nothing.

    python bench/evaluate_baseline_textacy.py ../shared/eval/polnear-dev
    python bench/evaluate_baseline_textacy.py GOLD_DIR --format json --limit 10
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator, Sequence
from typing import Any

import spacy
from textacy.extract.triples import direct_quotations

from auditor.errors import AuditorError
from auditor.evaluate import evaluate_gold, read_gold, render_json, render_table
from auditor.evaluate.spans import AttributionSpans, span
from auditor.pipeline import DEFAULT_MODEL


class TextacyPredictor:
    """texts -> per text, textacy's direct quotations as attribution spans."""

    def __init__(self, nlp: Any, batch_size: int = 8) -> None:
        self.nlp = nlp
        self.batch_size = batch_size

    def __call__(self, texts: Sequence[str]) -> Iterator[Any]:
        for doc in self.nlp.pipe(texts, batch_size=self.batch_size):
            try:
                yield [_to_spans(triple) for triple in direct_quotations(doc)]
            except Exception as exc:  # noqa: BLE001 - textacy bails out per document
                yield exc


def _to_spans(triple: Any) -> AttributionSpans:
    def tokens(toks: Sequence[Any]) -> tuple[tuple[int, int], ...] | None:
        if not toks:
            return None
        # Speaker and cue are token lists; the scorer wants one character range.
        return span(toks[0].idx, toks[-1].idx + len(toks[-1].text))

    content = triple.content
    return AttributionSpans(
        content=span(content.start_char, content.end_char),
        cue=tokens(triple.cue),
        source=tokens(triple.speaker),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold_dir")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--show-errors", type=int, default=0, metavar="N")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        gold = read_gold(args.gold_dir, limit=args.limit)
    except AuditorError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for warning in gold.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    nlp = spacy.load(args.model)
    report = evaluate_gold(
        gold,
        TextacyPredictor(nlp),
        window=8,
        show_errors=args.show_errors,
        model=f"textacy direct_quotations on {args.model}",
    )
    report.seconds["total"] = time.perf_counter() - started
    render = render_json if args.format == "json" else render_table
    sys.stdout.write(render(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
