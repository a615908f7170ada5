"""Compare two ``auditor batch`` result folders document by document: how many
attributions, findings, claims and grades differ, and how.

Made for issue 16 (the entity recognizer in windows against ``--full-parse``)::

    auditor batch CORPUS.jsonl --out /tmp/a --no-reports -q
    auditor batch CORPUS.jsonl --out /tmp/b --no-reports -q --full-parse
    python bench/compare_results.py /tmp/a /tmp/b --show 20

An attribution is matched across the two runs by its cue, content and source spans; a
matched pair that differs is listed by the fields that differ (``source_type``,
``speaker``, ``grade``, ``flags``, ``findings``); an attribution in one run only is a span
difference. Findings are compared as whole records.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from auditor.result_files import RESULTS, iter_lines


def read_results(folder: Path) -> dict[str, dict]:
    """``id -> auditor/2 result`` of the documents audited in ``folder``."""
    return {record["id"]: record["result"] for _, record in iter_lines(folder / RESULTS)}


def span_key(attribution: dict) -> tuple:
    """Where an attribution is: its cue, content and source offsets."""
    return tuple(
        (attribution[part]["start"], attribution[part]["end"]) if attribution.get(part) else None
        for part in ("cue", "content", "source")
    )


def canonical(record: dict) -> str:
    return json.dumps(record, sort_keys=True, ensure_ascii=False)


def compare_document(first: dict, second: dict, counts: Counter, examples: list) -> None:
    """Add the differences between the results of one document to ``counts``."""
    a = {span_key(x): x for x in first["attributions"]}
    b = {span_key(x): x for x in second["attributions"]}
    counts["attributions"] += len(b)
    counts["attributions in one run only"] += len(a.keys() ^ b.keys())
    changed = 0
    for key in a.keys() & b.keys():
        fields = sorted(k for k in a[key].keys() | b[key].keys() if a[key].get(k) != b[key].get(k))
        fields = [f for f in fields if f != "id"]
        if fields:
            changed += 1
            counts["attributions changed"] += 1
            for field in fields:
                counts[f"attributions changed: {field}"] += 1
            examples.append((a[key], b[key], fields))
    findings_a = Counter(canonical(f) for f in first["findings"])
    findings_b = Counter(canonical(f) for f in second["findings"])
    counts["findings"] += sum(findings_b.values())
    differing = (findings_a - findings_b) + (findings_b - findings_a)
    counts["findings differing"] += sum(differing.values())
    claims_a = {canonical(c) for c in first["claims"]}
    claims_b = {canonical(c) for c in second["claims"]}
    counts["claims differing"] += len(claims_a ^ claims_b)
    counts["grades differing"] += first["summary"]["grade"] != second["summary"]["grade"]
    counts["documents differing"] += canonical(first) != canonical(second)
    counts["documents with attributions changed"] += bool(changed or a.keys() ^ b.keys())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("first", type=Path)
    parser.add_argument("second", type=Path)
    parser.add_argument("--show", type=int, default=10, help="changed attributions to print")
    args = parser.parse_args()
    first, second = read_results(args.first), read_results(args.second)
    common = sorted(first.keys() & second.keys())
    counts: Counter = Counter(documents=len(common))
    examples: list = []
    for uid in common:
        compare_document(first[uid], second[uid], counts, examples)
    for name, value in counts.items():
        print(f"{name}: {value}")
    for before, after, fields in examples[: args.show]:
        source = before["source"]["text"] if before.get("source") else ""
        print(f"\n{', '.join(fields)}: source {source!r}")
        for field in fields:
            print(f"  {field}: {before.get(field)!r} -> {after.get(field)!r}")


if __name__ == "__main__":
    main()
