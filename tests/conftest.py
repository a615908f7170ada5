"""Shared fixtures: one spaCy pipeline and one Auditor for the whole test session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    """The default model with the auditor's components (loaded once)."""
    from auditor.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture
def analyze(nlp):
    """Text -> its ``Analysis`` through the shared pipeline."""
    from auditor.analysis import analysis_from_doc

    def run(text: str):
        return analysis_from_doc(nlp(text))

    return run


@pytest.fixture(scope="session")
def auditor(nlp):
    """An Auditor over the shared pipeline, default rule pack and config."""
    from auditor.audit import Auditor

    return Auditor(nlp=nlp)
