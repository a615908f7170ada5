"""Every rule's own examples, run through the full auditor: bad ones must produce the rule,
good ones must not. Adding a rule file adds its cases here."""

from __future__ import annotations

import pytest

from auditor.ingest import article_from_text
from auditor.rules import load_rule_pack

PACK = load_rule_pack()
CASES = [
    pytest.param(rule.id, kind, text, id=f"{rule.id}-{kind}{number}")
    for rule in PACK.rules
    for kind in ("bad", "good")
    for number, text in enumerate(getattr(rule.examples, kind), start=1)
]


def _article(text: str):
    # Suppression comments only exist in Markdown (and HTML) input.
    return article_from_text(text, format="markdown" if "<!--" in text else "text")


@pytest.mark.parametrize(("rule_id", "kind", "text"), CASES)
def test_rule_example(auditor, rule_id: str, kind: str, text: str) -> None:
    result = auditor.audit(_article(text))
    found = [f.rule for f in result.findings]
    if kind == "bad":
        assert rule_id in found, f"{rule_id} missed its bad example; found {found}"
    else:
        assert rule_id not in found, f"{rule_id} fired on its good example"


def test_every_family_from_the_issue_is_covered() -> None:
    families = {rule.family for rule in PACK.rules}
    assert {"ATTR", "ANON", "VERB", "PROV", "QUOT", "DOC"} <= families


def test_every_rule_cites_an_authority_with_a_link() -> None:
    for rule in PACK.rules:
        assert rule.authority and all(a.url.startswith("https://") for a in rule.authority)


def test_bad_examples_point_inside_the_text(auditor) -> None:
    rule = PACK.get("ANON001")
    text = rule.examples.bad[0]
    result = auditor.audit(_article(text))
    finding = next(f for f in result.findings if f.rule == "ANON001")
    assert 0 <= finding.start <= finding.end <= len(text)
    assert "official" in text[finding.start : finding.end]
    assert (finding.line, finding.column) == (1, finding.start + 1)
    attribution = next(a for a in result.attributions if "ANON001" in a.findings)
    assert attribution.source_type == "anonymous"
