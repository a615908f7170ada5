"""The record on ``doc._.auditor_attributions`` is declared whole
(:class:`auditor.nlp.raw.AttributionRecord`): no component writes a key outside it.

Two checks: a runtime one (every record of a few analyses has exactly the declared keys)
and a static one (every string key stored on a record anywhere in ``auditor/`` is
declared), so a new key written by a later component is caught even when no test
sentence reaches the line that writes it.
"""

from __future__ import annotations

import ast
from dataclasses import fields
from pathlib import Path

import pytest

from auditor.nlp.raw import RESOLVED_FIELDS, AttributionRecord, RawAttribution

DECLARED = set(AttributionRecord.__annotations__)
PACKAGE = Path(__file__).resolve().parent.parent / "auditor"

# Invented sentences covering a direct quote, reported speech, "according to", a pronoun
# that goes on with a person, "they" referring back to a group, and a weasel source.
TEXTS = [
    '"We will rebuild the bridge," Mayor Ana Ruiz said on Monday. She added that work '
    "would begin in May.",
    "Residents and shop owners have complained about the noise for months. They say the "
    "council ignored them, according to a local newsletter.",
    "It is said that the plant will close. A spokesperson for Delmar Foods declined to "
    "comment.",
]


def test_the_declaration_covers_the_first_pass_and_the_later_components():
    assert {f.name for f in fields(RawAttribution)} | set(RESOLVED_FIELDS) == DECLARED


@pytest.mark.parametrize("text", TEXTS)
def test_every_record_has_exactly_the_declared_keys(nlp, text):
    records = nlp(text)._.auditor_attributions
    assert records
    for record in records:
        assert set(record) == DECLARED


def _record_names(function: ast.AST) -> set[str]:
    """Names in ``function`` that hold an attribution record: parameters and variables
    annotated with ``AttributionRecord`` and loop variables over a list of them."""
    names: set[str] = set()
    lists: set[str] = set()
    for node in ast.walk(function):
        if isinstance(node, ast.arg | ast.AnnAssign) and node.annotation is not None:
            annotation = ast.unparse(node.annotation)
            target = node.arg if isinstance(node, ast.arg) else ast.unparse(node.target)
            if "list[AttributionRecord]" in annotation:
                lists.add(target)
            elif "AttributionRecord" in annotation:
                names.add(target)
    for node in ast.walk(function):
        if isinstance(node, ast.For | ast.comprehension) and isinstance(node.target, ast.Name):
            source = ast.unparse(node.iter)
            if any(name in source for name in lists) or "auditor_attributions" in source:
                names.add(node.target.id)
    return names


def _written_keys() -> dict[str, set[str]]:
    """String key -> the modules that store it on an attribution record."""
    written: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef):
                continue
            names = _record_names(function)
            for node in ast.walk(function):
                if (
                    isinstance(node, ast.Subscript)
                    and isinstance(node.ctx, ast.Store)
                    and isinstance(node.value, ast.Name)
                    and node.value.id in names
                    and isinstance(node.slice, ast.Constant)
                    and isinstance(node.slice.value, str)
                ):
                    written.setdefault(node.slice.value, set()).add(path.name)
    return written


def test_every_key_stored_on_a_record_is_declared():
    written = _written_keys()
    # The check sees the later components' writes (it is not vacuous) ...
    assert {"speaker", "speaker_name", "antecedent_head", "source_type"} <= set(written)
    # ... and none of them is outside the declaration.
    assert {key: sorted(where) for key, where in written.items() if key not in DECLARED} == {}
