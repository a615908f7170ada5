"""Every spaCy factory the auditor registers is published in pyproject.toml's
``spacy_factories`` entry points, pointing at the function that registers it, so a
user's ``spacy.load`` of a saved pipeline finds it without importing auditor first.

(tests/test_pipeline.py checks the installed package's metadata; this checks the
checkout's pyproject.toml, which an editable install only picks up when reinstalled.)
"""

from __future__ import annotations

import importlib
from pathlib import Path

import spacy

import auditor.pipeline  # noqa: F401 - imports every component module, registering them
from auditor.config import _read_toml

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def _published() -> dict[str, str]:
    project = _read_toml(PYPROJECT)["project"]  # tomllib, or tomli on Python 3.10
    return dict(project["entry-points"]["spacy_factories"])


def _registered() -> dict[str, object]:
    """Factory name -> function, for ours (a language's own, like ``en.auditor_lemmatizer``,
    under its bare name)."""
    found = {}
    for key, function in spacy.registry.factories.get_all().items():
        name = key.rpartition(".")[2]
        if name.startswith("auditor_"):
            found[name] = function
    return found


def test_every_registered_factory_is_published() -> None:
    registered = set(_registered())
    assert "auditor_ner_windows" in registered
    assert sorted(registered - set(_published())) == []


def test_each_entry_point_names_the_registered_factory() -> None:
    factories = _registered()
    for name, target in _published().items():
        module, _, function = target.partition(":")
        assert getattr(importlib.import_module(module), function) is factories[name], name
