"""Every rule's own examples, run through the full auditor, like ruff's rule fixtures: a bad
example must produce the rule, and every finding of it must land on the example's anchor
(``at``); a good example must not produce it. Adding a rule file adds its cases here."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.ingest import article_from_text
from auditor.rules import load_rule_pack
from auditor.rules.loader import rule_from_data
from auditor.rules.rule import Example, RuleError

PACK = load_rule_pack()
CASES = [
    pytest.param(rule.id, kind, example, id=f"{rule.id}-{kind}{number}")
    for rule in PACK.rules
    for kind in ("bad", "good")
    for number, example in enumerate(getattr(rule.examples, kind), start=1)
]
#: At least this many bad and good examples per shipped rule, in varied wording.
MIN_EXAMPLES = 3


def _article(text: str):
    # Suppression comments only exist in Markdown (and HTML) input.
    return article_from_text(text, format="markdown" if "<!--" in text else "text")


@pytest.mark.parametrize(("rule_id", "kind", "example"), CASES)
def test_rule_example(auditor, rule_id: str, kind: str, example: Example) -> None:
    result = auditor.audit(_article(example.text))
    spans = [(f.start, f.end) for f in result.findings if f.rule == rule_id]
    if kind == "good":
        assert not spans, f"{rule_id} fired on its good example at {spans}"
        return
    assert spans, f"{rule_id} missed its bad example; found {[f.rule for f in result.findings]}"
    if example.span is None:
        return  # unpinned; test_every_shipped_rule_has_anchored_examples reports it
    off = [example.text[s:e] or f"@{s}" for s, e in spans if not example.lands_on_anchor(s, e)]
    assert not off, f"{rule_id} landed off its anchor {example.at!r}: {off}"


@pytest.mark.parametrize("rule", PACK.rules, ids=lambda r: r.id)
def test_every_shipped_rule_has_anchored_examples(rule) -> None:
    assert len(rule.examples.bad) >= MIN_EXAMPLES, f"{rule.id}: too few bad examples"
    assert len(rule.examples.good) >= MIN_EXAMPLES, f"{rule.id}: too few good examples"
    unanchored = [e.text[:40] for e in rule.examples.bad if e.span is None]
    assert not unanchored, f"{rule.id}: bad examples without an anchor (at): {unanchored}"
    texts = [e.text for e in rule.examples.bad + rule.examples.good]
    assert len(set(texts)) == len(texts), f"{rule.id}: an example is repeated"


def test_every_family_from_the_issue_is_covered() -> None:
    families = {rule.family for rule in PACK.rules}
    assert {"ATTR", "ANON", "VERB", "PROV", "QUOT", "DOC"} <= families


def test_every_rule_cites_an_authority_with_a_link() -> None:
    for rule in PACK.rules:
        assert rule.authority and all(a.url.startswith("https://") for a in rule.authority)


def test_bad_examples_point_inside_the_text(auditor) -> None:
    rule = PACK.get("ANON001")
    text = rule.examples.bad[0].text
    result = auditor.audit(_article(text))
    finding = next(f for f in result.findings if f.rule == "ANON001")
    assert 0 <= finding.start <= finding.end <= len(text)
    assert "official" in text[finding.start : finding.end]
    assert (finding.line, finding.column) == (1, finding.start + 1)
    attribution = next(a for a in result.attributions if "ANON001" in a.findings)
    assert attribution.source_type == "anonymous"


@pytest.mark.parametrize(
    ("start", "end", "lands"),
    [
        (0, 5, False),  # ends where the anchor starts
        (0, 6, True),  # shares its first character
        (6, 8, True),  # inside it
        (0, 27, True),  # covers it
        (9, 14, False),  # starts where it ends
        (7, 7, True),  # an empty span inside it
        (9, 9, False),  # an empty span just after it
    ],
)
def test_a_finding_lands_on_the_anchor_when_it_overlaps(start: int, end: int, lands: bool):
    example = Example("Aria said cats sleep a lot; she said so.", "said")  # the first: [5, 9)
    assert example.span == (5, 9)
    assert example.lands_on_anchor(start, end) is lands


def _rule_data(examples: object) -> dict:
    return {
        "id": "TEST001",
        "name": "test-rule",
        "severity": "warning",
        "message": "found '{match}'",
        "why": "Because a test needs it.",
        "fix": "Write something else.",
        "authority": [{"name": "SPJ", "url": "https://www.spj.org/ethicscode.asp"}],
        "check": "phrase",
        "cues": ["experts say"],
        "examples": examples,
    }


def test_a_bad_example_may_carry_its_anchor_and_plain_texts_stay_accepted() -> None:
    examples = {
        "bad": [{"text": "Experts say it will rain.", "at": "Experts say"}, "Experts say so."],
        "good": ["It will rain.", {"text": "Forecasters said it would rain."}],
    }
    rule = rule_from_data(_rule_data(examples))
    assert rule.examples.bad == (
        Example("Experts say it will rain.", "Experts say"),
        Example("Experts say so."),
    )
    assert rule.examples.good[1] == Example("Forecasters said it would rain.")
    assert rule.to_dict()["examples"]["bad"][0] == {
        "text": "Experts say it will rain.",
        "at": "Experts say",
    }


@pytest.mark.parametrize(
    ("bad", "good", "complaint"),
    [
        ([{"text": "Experts say so.", "at": "analysts"}], ["x"], "bad[0].at: 'analysts' does not"),
        ([{"text": "Experts say so.", "at": 3}], ["x"], "bad[0].at: expected non-empty text"),
        ([{"text": "Experts say so.", "at": " "}], ["x"], "bad[0].at: expected non-empty text"),
        ([{"at": "Experts"}], ["x"], "bad[0]: expected a text or a mapping with the keys text"),
        ([{"text": ["a"], "at": "a"}], ["x"], "bad[0].text: expected non-empty text"),
        ([{"text": "Experts", "where": "E"}], ["x"], "bad[0]: unknown key where; expected text"),
        ([["Experts say so."]], ["x"], "bad[0]: expected a text or a mapping"),
        (["Experts say so."], [{"text": "x", "at": "x"}], "good[0]: unknown key at; expected"),
        (["Experts say so."], [7], "good[0]: expected a text or a mapping with the keys text"),
    ],
)
def test_a_malformed_example_is_a_one_line_error(bad, good, complaint: str) -> None:
    with pytest.raises(RuleError) as caught:
        rule_from_data(_rule_data({"bad": bad, "good": good}), Path("house/rule.yaml"))
    message = str(caught.value)
    assert "\n" not in message and message.startswith("house/rule.yaml: examples.")
    assert complaint in message
