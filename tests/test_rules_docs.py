"""docs/rules.md is generated from the pack; this fails when it is stale."""

from __future__ import annotations

from pathlib import Path

from auditor.config import Config
from auditor.rules import load_rule_pack
from auditor.rules.docs import REGENERATE, example_lines, explain, render_markdown
from auditor.rules.rule import Example

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


def test_examples_mark_their_anchor_with_carets_under_the_words() -> None:
    example = Example("Officials said on Monday that the dam held.", "Officials")
    assert example_lines(example) == [example.text, "^^^^^^^^^"]


def test_a_wrapped_example_marks_the_anchor_on_each_line_it_spans() -> None:
    example = Example("Crews said the pass was shut.\n\nSnow fell all night.", "pass was shut")
    assert example_lines(example, width=14) == [
        "Crews said the",
        "pass was shut.",
        "^^^^^^^^^^^^^",
        "",
        "Snow fell all",
        "night.",
    ]
    example = Example("one two three four", "two three")
    assert example_lines(example, width=7) == ["one two", "    ^^^", "three", "^^^^^", "four"]


def test_explain_shows_the_flagged_and_passing_examples_of_a_rule() -> None:
    rule = load_rule_pack(Config()).get("VERB003")
    text = explain(rule)
    flagged = text[text.index("Flagged") : text.index("Passes")]
    for example in rule.examples.bad:
        first, carets = example_lines(example)[:2]
        assert f"  | {first}\n  | {carets}\n" in flagged
    passing = text[text.index("Passes") : text.index("References")]
    assert all(e.text in passing and "^" not in passing for e in rule.examples.good)
