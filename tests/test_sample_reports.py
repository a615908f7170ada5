"""reports/ holds the reports of examples/; this fails when they are stale.

Regenerate them with (from the repository root):

    auditor audit examples/ --out reports/ --format markdown,html,json,jsonl,sarif,github,text
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORMATS = "markdown,html,json,jsonl,sarif,github,text"
SUFFIXES = (".md", ".html", ".json", ".jsonl", ".sarif", ".github.txt", ".txt")


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory, nlp):
    import auditor.audit
    from auditor.commands.audit_run import run_audit

    out = tmp_path_factory.mktemp("reports")
    original = auditor.audit.load_pipeline
    auditor.audit.load_pipeline = lambda model, **_: nlp
    cwd = Path.cwd()
    try:
        os.chdir(ROOT)  # report paths are relative to the repository root
        run_audit(["examples"], fmt=FORMATS, out_dir=out, quiet=True)
    finally:
        os.chdir(cwd)
        auditor.audit.load_pipeline = original
    return out


def test_every_example_has_every_report(regenerated):
    from auditor.ingest import SUPPORTED_EXTENSIONS

    # (examples/auditor.toml is their configuration, not an article)
    folder = ROOT / "examples"
    examples = sorted(p.stem for p in folder.iterdir() if p.suffix in SUPPORTED_EXTENSIONS)
    # One golden file per example and format (github's suffix is .github.txt).
    assert examples, "examples/ holds articles"
    expected = sorted(f"{stem}{suffix}" for stem in examples for suffix in SUFFIXES)
    assert sorted(p.name for p in regenerated.iterdir()) == expected
    committed = sorted(p.name for p in (ROOT / "reports").iterdir())
    assert committed == expected, "reports/ and examples/ disagree; regenerate (see docstring)"


def test_reports_are_fresh(regenerated):
    stale = [
        p.name
        for p in sorted(regenerated.iterdir())
        if (ROOT / "reports" / p.name).read_text(encoding="utf-8") != p.read_text(encoding="utf-8")
    ]
    command = f"auditor audit examples/ --out reports/ --format {FORMATS}"
    assert not stale, f"stale reports {stale}; regenerate with: {command}"
