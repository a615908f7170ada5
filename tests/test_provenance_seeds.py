"""The seed articles through ``auditor batch`` with the provenance step, as a new user
would run them. The seeds are read from ../shared/seeds (CI has them beside the
checkout); without them these tests are skipped locally and fail in CI."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from auditor.batch import BatchOptions, run_batch
from auditor.batch.store import iter_lines
from auditor.provenance.batch import with_provenance

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

if not SEEDS.is_dir():
    if os.environ.get("CI"):
        raise RuntimeError(f"the seed articles are missing: {SEEDS}")
    pytest.skip("../shared/seeds is not beside this checkout", allow_module_level=True)


@pytest.fixture(scope="module")
def out(tmp_path_factory, nlp) -> Path:
    folder = tmp_path_factory.mktemp("seeds")
    options = with_provenance(
        BatchOptions(out_dir=folder, progress_bar=False), folder / "sources.sqlite"
    )
    summary = run_batch([str(SEEDS)], options, nlp=nlp, stream=io.StringIO())
    assert summary.exit_code == 0 and summary.audited == 5
    return folder


def _items(out: Path, kind: str) -> list[dict]:
    return [line for _, line in iter_lines(out / "provenance.jsonl") if line["kind"] == kind]


def _seed(doc: str) -> str:
    return Path(doc).name[:3]


def test_000_and_001_retell_one_new_york_times_report_and_pushilin_statement(out):
    (cluster,) = _items(out, "shared_origin")
    assert sorted(_seed(a["doc"]) for a in cluster["articles"]) == ["000", "001"]
    assert cluster["upstream"] == [{"source": "New York Times", "articles": 2}]
    assert {"speaker": "Denis Pushilin", "articles": 2} in cluster["shared_speakers"]
    speakers = {claim["speaker"] for claim in cluster["shared_claims"]}
    assert {"New York Times", "Denis Pushilin"} <= speakers


def test_the_place_names_that_differ_are_shown(out):
    (cluster,) = _items(out, "shared_origin")
    groups = [set(g["names"]) for g in cluster["conflicting_details"]]
    assert {"Sevsk", "Seversk", "Severodonnetsk"} in groups
    report = (out / "provenance.md").read_text(encoding="utf-8")
    assert "**Seversk** (001" in report and "**Sevsk** (000" in report
    assert "**Severodonnetsk** (000" in report


def test_003_and_004_show_the_not_to_retreat_quote_in_two_versions(out):
    (drift,) = _items(out, "quote_drift")
    assert drift["speaker"] == "Volodymyr Zelenskyy"
    versions = {v["text"]: [_seed(a["doc"]) for a in v["articles"]] for v in drift["versions"]}
    assert versions == {"not to retreat, but to reinforce.": ["004"], "not to retreat": ["003"]}
    assert drift["versions"][1]["differs"] == "cut short (words dropped at the end)"


def test_the_index_links_the_provenance_report(out):
    index = (out / "index.md").read_text(encoding="utf-8")
    assert "## Provenance across articles" in index
    assert "- Quote drift: Volodymyr Zelenskyy" in index
