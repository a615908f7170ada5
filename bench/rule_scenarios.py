"""Rule scenarios: short articles in new wording with the findings an editor expects.

Not a test: a measurement of how well the rule pack generalizes. Each scenario in
``bench/rule_scenarios/*.yaml`` lists ``expect`` entries ("RULE @ anchor": a finding of
RULE overlapping the anchor; "RULE1|RULE2" accepts either; "@ a|b" either anchor) and
``absent`` entries ("RULE": no finding of it at all; "RULE @ anchor": none lying inside the
anchor; "ANON*": any rule of the family). Prints the share of expectations that hold, per
rule and overall, and the failures with what was found instead.

    python bench/rule_scenarios.py                       # every file in bench/rule_scenarios
    python bench/rule_scenarios.py bench/rule_scenarios/heldout.yaml --kind names
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent / "rule_scenarios"


@dataclass(frozen=True)
class Expectation:
    """One line of a scenario: rules (alternatives), anchors (alternatives), present or not."""

    rules: tuple[str, ...]
    anchors: tuple[str, ...]
    present: bool
    raw: str

    def rule_matches(self, rule: str) -> bool:
        return any(rule.startswith(r[:-1]) if r.endswith("*") else rule == r for r in self.rules)


def parse_expectation(raw: str, present: bool) -> Expectation:
    rules, _, anchors = raw.partition(" @ ")
    alternatives = tuple(a for a in anchors.split("|") if a) if anchors else ()
    return Expectation(tuple(rules.strip().split("|")), alternatives, present, raw)


def spans_of(text: str, anchor: str) -> list[tuple[int, int]]:
    spans, start = [], text.find(anchor)
    while start >= 0:
        spans.append((start, start + len(anchor)))
        start = text.find(anchor, start + 1)
    return spans


def holds(expectation: Expectation, text: str, findings: list[tuple[str, int, int]]) -> bool:
    """True when the findings meet the expectation (see the module docstring)."""
    hits = [(s, e) for rule, s, e in findings if expectation.rule_matches(rule)]
    if not expectation.anchors:
        return bool(hits) == expectation.present
    spans = [sp for a in expectation.anchors for sp in spans_of(text, a)]
    if not spans:
        raise SystemExit(f"anchor {expectation.raw!r} is not in the text: {text[:60]!r}")
    if expectation.present:
        return any(s < ae and as_ < max(e, s + 1) for s, e in hits for as_, ae in spans)
    return not any(as_ <= s and e <= ae for s, e in hits for as_, ae in spans)


def load(paths: list[Path]) -> list[dict]:
    scenarios = []
    for path in paths:
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            item["file"] = path.name
            scenarios.append(item)
    return scenarios


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--kind", help="only scenarios whose kind starts with this")
    parser.add_argument("--quiet", action="store_true", help="figures only, no failures")
    args = parser.parse_args(argv)
    paths = args.files or sorted(HERE.glob("*.yaml"))
    scenarios = [s for s in load(paths) if not args.kind or s["kind"].startswith(args.kind)]

    from auditor.audit import Auditor
    from auditor.ingest import article_from_text

    auditor = Auditor()
    per_rule: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    per_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    failures = []
    for scenario in scenarios:
        text = scenario["text"]
        result = auditor.audit(article_from_text(text, format="text"))
        findings = [(f.rule, f.start, f.end) for f in result.findings]
        lines = [parse_expectation(r, True) for r in scenario.get("expect", [])]
        lines += [parse_expectation(r, False) for r in scenario.get("absent", [])]
        for line in lines:
            ok = holds(line, text, findings)
            for counts in (per_rule["|".join(line.rules)], per_kind[scenario["kind"]]):
                counts[0] += ok
                counts[1] += 1
            if not ok:
                found = [f"{r}@{text[s:e]!r}" for r, s, e in findings]
                expected = ("" if line.present else "NOT ") + line.raw
                failures.append((scenario["id"], expected, found))

    total_ok = sum(c[0] for c in per_rule.values())
    total = sum(c[1] for c in per_rule.values())
    print(
        f"scenarios {len(scenarios)}, expectations {total}, held {total_ok} "
        f"({total_ok / max(total, 1):.1%})"
    )
    for title, table in (("per rule", per_rule), ("per kind", per_kind)):
        print(f"\n{title}:")
        for key in sorted(table):
            ok, n = table[key]
            print(f"  {key:<16} {ok:>3}/{n:<3} {ok / n:.0%}")
    if failures and not args.quiet:
        print("\nfailures:")
        for scenario_id, line, found in failures:
            print(f"  {scenario_id}: expected {line}\n      found: {', '.join(found) or '-'}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # piped into head
        sys.exit(0)
