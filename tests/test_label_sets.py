"""A set of parser labels needed in more than one place is a named constant of
:mod:`auditor.nlp.labels` ("NOMINAL_SUBJECTS", not ``{"nsubj", "nsubjpass"}`` written
out again), so the grammar it stands for has one name and one definition.

Every set, tuple or list literal in ``auditor/`` whose items are all labels spaCy
documents (dependency labels, part-of-speech tags, entity labels: ``spacy.glossary``)
is parsed with ``ast``; punctuation tags ("," ":") are left out, as they are also
punctuation.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

from spacy.glossary import GLOSSARY

from auditor.nlp import labels

PACKAGE = Path(labels.__file__).parents[1]


def _label_sets() -> dict[frozenset[str], list[str]]:
    """Each literal set of labels -> where it is written (path:line), labels.py aside."""
    found = defaultdict(list)
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == Path(labels.__file__):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, (ast.Set, ast.Tuple, ast.List)) or len(node.elts) < 2:
                continue
            values = [e.value for e in node.elts if isinstance(e, ast.Constant)]
            if len(values) == len(node.elts) and all(
                isinstance(v, str) and v in GLOSSARY and any(c.isalpha() for c in v)
                for v in values
            ):
                where = f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
                found[frozenset(values)].append(where)
    return found


def _constants() -> dict[frozenset[str], str]:
    return {
        frozenset(value): name
        for name, value in vars(labels).items()
        if name.isupper() and isinstance(value, frozenset)
    }


def test_a_label_set_written_twice_is_a_constant():
    repeated = {
        ", ".join(sorted(key)): places
        for key, places in _label_sets().items()
        if len(places) > 1
    }
    assert repeated == {}


def test_a_label_set_with_a_name_is_written_by_its_name():
    constants = _constants()
    written_out = {
        constants[key]: places for key, places in _label_sets().items() if key in constants
    }
    assert written_out == {}


def test_every_label_constant_holds_labels():
    for value, name in _constants().items():
        assert value <= GLOSSARY.keys(), name
