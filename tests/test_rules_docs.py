"""docs/rules.md is generated from the pack; this fails when it is stale."""

from __future__ import annotations

from pathlib import Path

from auditor.config import Config
from auditor.rules import load_rule_pack
from auditor.rules.docs import REGENERATE, render_markdown

DOCS = Path(__file__).parents[1] / "docs" / "rules.md"


def test_docs_are_current() -> None:
    expected = render_markdown(load_rule_pack(Config()))
    assert DOCS.read_text(encoding="utf-8") == expected, f"docs/rules.md is stale: {REGENERATE}"


def test_every_rule_has_an_anchor_and_all_sections() -> None:
    text = DOCS.read_text(encoding="utf-8")
    pack = load_rule_pack(Config())
    for rule in pack.rules:
        assert f'<a id="{rule.id.lower()}"></a>' in text
    sections = (
        "#### What it does",
        "#### Why it matters",
        "#### Example",
        "#### Instead",
        "#### References",
    )
    for heading in sections:
        assert text.count(heading) == len(pack.rules)
