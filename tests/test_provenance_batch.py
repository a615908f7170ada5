"""The provenance step of ``auditor batch`` on a small corpus written for these tests
(tests/fixtures/provenance/corpus): two rewrites of one dam-breach report, a profile
quoting the same governor differently, and an unrelated council story."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from auditor.batch import BatchOptions, run_batch
from auditor.batch.store import iter_lines
from auditor.provenance.batch import provenance_step, sync_results, with_provenance
from auditor.provenance.registry import Registry

FIXTURES = Path(__file__).parent / "fixtures" / "provenance"
CORPUS = FIXTURES / "corpus"
KNOWN = FIXTURES / "known.csv"


def _batch(inputs, out: Path, nlp, registry: Path | None = None):
    stream = io.StringIO()
    summary = run_batch(
        [str(i) for i in inputs],
        with_provenance(
            BatchOptions(out_dir=out, progress_bar=False), registry or out / "sources.sqlite"
        ),
        nlp=nlp,
        stream=stream,
    )
    return summary, stream.getvalue()


def _jsonl(out: Path, kind: str) -> list[dict]:
    lines = [line for _, line in iter_lines(out / "provenance.jsonl")]
    assert all(line["schema"] == "auditor-provenance/1" for line in lines)
    return [line for line in lines if line["kind"] == kind]


def _name(doc: str) -> str:
    return Path(doc).name


@pytest.fixture(scope="module")
def batch(tmp_path_factory, nlp):
    out = tmp_path_factory.mktemp("batch")
    summary, log = _batch([CORPUS], out, nlp)
    assert summary.exit_code == 0
    return out, log


def test_the_batch_writes_the_provenance_report_and_links_it_from_the_index(batch):
    out, log = batch
    assert "auditor: provenance: 4 articles added" in log
    index = (out / "index.md").read_text(encoding="utf-8")
    assert "## Provenance across articles" in index
    assert "[provenance.md](provenance.md)" in index
    assert "Provenance across articles" in (out / "index.html").read_text(encoding="utf-8")
    report = (out / "provenance.md").read_text(encoding="utf-8")
    assert report.startswith("# Provenance across articles\n")
    # Every result line carries the record the registry was built from.
    for _, line in iter_lines(out / "results.jsonl"):
        assert line["provenance"]["v"] == 1


def test_rewrites_of_one_report_share_an_origin_with_the_names_that_differ(batch):
    out, _ = batch
    (cluster,) = _jsonl(out, "shared_origin")
    assert sorted(_name(a["doc"]) for a in cluster["articles"]) == [
        "dam-courier.txt",
        "dam-gazette.txt",
    ]
    assert cluster["upstream"] == [{"source": "Reuters", "articles": 2}]
    assert {c["speaker"] for c in cluster["shared_claims"]} >= {"Reuters", "Mira Solberg"}
    (names,) = cluster["conflicting_details"]
    assert names["names"] == ["Dravsk", "Dravinsk"]
    report = (out / "provenance.md").read_text(encoding="utf-8")
    assert "Common upstream source cited: **Reuters** (cited in 2 of 2)." in report
    assert "**Dravsk** (dam-gazette.txt ×3) / **Dravinsk** (dam-courier.txt ×2)" in report


def test_the_governor_s_quote_drifts_across_three_articles(batch):
    out, _ = batch
    (drift,) = _jsonl(out, "quote_drift")
    assert drift["speaker"] == "Mira Solberg"
    versions = {v["text"]: [_name(a["doc"]) for a in v["articles"]] for v in drift["versions"]}
    assert versions == {
        "We will rebuild every house before the first frost": ["solberg-profile.txt"],
        "We will rebuild every house before the first snow": ["dam-gazette.txt"],
        "We will rebuild every house": ["dam-courier.txt"],
    }
    report = (out / "provenance.md").read_text(encoding="utf-8")
    assert "### Mira Solberg: 3 versions: words changed, cut short" in report


def test_registry_rules_find_conflicting_roles_and_unverifiable_credentials(batch):
    out, _ = batch
    findings = {(f["rule"], _name(f["doc"])): f for f in _jsonl(out, "finding")}
    assert set(findings) == {
        ("PROV008", "dam-courier.txt"),
        ("PROV008", "dam-gazette.txt"),
        ("PROV008", "solberg-profile.txt"),
        ("PROV007", "budget-vote.txt"),
        ("PROV007", "solberg-profile.txt"),
    }
    role = findings[("PROV008", "solberg-profile.txt")]
    assert role["message"].startswith(
        "Mira Solberg is described as 'the mayor of Dravinsk' and as 'the regional governor'"
    )
    assert role["line"] == 3 and role["severity"] == "warning"
    credential = findings[("PROV007", "budget-vote.txt")]
    assert (
        "Petra Lind" in credential["message"] and "Baltic Policy Institute" in credential["message"]
    )


def test_the_registry_holds_every_speaker_once(batch):
    out, _ = batch
    with Registry(out / "sources.sqlite") as registry:
        solberg = registry.find("Mira Solberg")
        assert solberg.articles == 3
        assert {d for d, _ in solberg.descriptions} == {
            "the regional governor",
            "the mayor of Dravinsk",
        }
        assert registry.find("Reuters").kind == "media"
        names = {s.name for s in registry.sources()}
        assert "Mayor" not in names  # a headline's bare title is nobody


def test_re_running_adds_nothing_and_finds_the_same(tmp_path, nlp, batch):
    first, _ = batch
    out = tmp_path / "out"
    shutil.copytree(first, out)
    # The copied result lines name the copied registry's folder nowhere: reuse it as is.
    summary, log = _batch([CORPUS], out, nlp)
    assert summary.skipped == 4
    assert "auditor: provenance: 0 articles added" in log
    assert (out / "provenance.jsonl").read_text() == (first / "provenance.jsonl").read_text()


def test_a_registry_shared_by_two_runs_links_their_articles(tmp_path, nlp):
    registry = tmp_path / "newsroom.sqlite"
    monday, tuesday = tmp_path / "monday", tmp_path / "tuesday"
    for folder, names in (
        (monday, ["dam-gazette.txt", "budget-vote.txt"]),
        (tuesday, ["dam-courier.txt", "solberg-profile.txt"]),
    ):
        folder.mkdir()
        for name in names:
            shutil.copy(CORPUS / name, folder / name)
    _batch([monday], tmp_path / "out1", nlp, registry)
    assert _jsonl(tmp_path / "out1", "shared_origin") == []
    _, log = _batch([tuesday], tmp_path / "out2", nlp, registry)
    assert "2 articles added" in log
    (cluster,) = _jsonl(tmp_path / "out2", "shared_origin")
    docs = sorted(_name(a["doc"]) for a in cluster["articles"])
    assert docs == ["dam-courier.txt", "dam-gazette.txt"]  # Monday's article found again
    with Registry(registry) as opened:
        assert opened.counts()["articles"] == 4
        assert opened.find("Mira Solberg").articles == 3
    report = (tmp_path / "out2" / "provenance.md").read_text(encoding="utf-8")
    assert "(reports/dam-courier.md)" in report
    assert "(reports/dam-gazette.md)" not in report  # Monday's reports are elsewhere


def test_a_known_sources_list_turns_near_misses_into_findings(tmp_path, nlp):
    registry = tmp_path / "r.sqlite"
    with Registry(registry) as opened:
        from auditor.provenance.known import read_known

        opened.import_known(read_known(KNOWN))
    _batch([CORPUS], tmp_path / "out", nlp, registry)
    findings = {(f["rule"], _name(f["doc"])): f for f in _jsonl(tmp_path / "out", "finding")}
    near = findings[("PROV009", "solberg-profile.txt")]
    assert near["message"] == (
        "'CAN' is close to 'CNA' but not the same (the same letters in another order; only "
        "'CNA' is on the known-sources list): a misspelling?"
    )
    # Petra Lind is on the list, so her credential is no longer in question...
    assert ("PROV007", "budget-vote.txt") not in findings
    # ...and the list's word on Solberg's post is weighed too.
    assert findings[("PROV008", "solberg-profile.txt")]["message"] == (
        "Mira Solberg is described as 'the mayor of Dravinsk' and as 'regional governor' "
        "in the known-sources list."
    )


def test_an_error_while_filling_the_registry_keeps_it_whole_and_a_rerun_completes(
    tmp_path, batch, monkeypatch
):
    first, _ = batch
    out = tmp_path / "out"
    out.mkdir()
    shutil.copy(first / "results.jsonl", out / "results.jsonl")
    registry = out / "sources.sqlite"
    real = Registry.add_article
    calls = {"n": 0}

    def failing(self, info, result, record):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt  # as if the batch were stopped here
        return real(self, info, result, record)

    monkeypatch.setattr(Registry, "add_article", failing)
    with pytest.raises(KeyboardInterrupt):
        provenance_step(out, registry)
    monkeypatch.setattr(Registry, "add_article", real)
    with Registry(registry) as opened:
        assert opened.counts()["articles"] == 2
        assert opened.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        seen, added = sync_results(opened, out / "results.jsonl")
        assert (len(seen), added) == (4, 2)
        assert opened.find("Mira Solberg").articles == 3


def test_the_provenance_report_escapes_article_text(tmp_path, nlp):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("dam-gazette.txt", "dam-courier.txt"):
        text = (CORPUS / name).read_text(encoding="utf-8")
        text = text.replace("the lower town", "the lower | town <b>")
        (folder / name).write_text(text, encoding="utf-8")
    _batch([folder], tmp_path / "out", nlp)
    report = (tmp_path / "out" / "provenance.md").read_text(encoding="utf-8")
    assert "<b>" not in report and "lower \\| town &lt;b&gt;" in report
    data = _jsonl(tmp_path / "out", "shared_origin")
    assert any("lower | town <b>" in json.dumps(c, ensure_ascii=False) for c in data)


def test_the_batch_command_takes_registry_and_defaults_into_the_output_folder(
    tmp_path, nlp, monkeypatch
):
    from click.testing import CliRunner

    import auditor.audit
    from auditor.cli import cli

    monkeypatch.setattr(auditor.audit, "load_pipeline", lambda model, **_: nlp)
    runner = CliRunner()
    out = tmp_path / "out"
    result = runner.invoke(cli, ["batch", str(CORPUS), "--out", str(out), "-q", "--no-reports"])
    assert result.exit_code == 0, result.output
    assert (out / "sources.sqlite").is_file() and (out / "provenance.md").is_file()
    shared = tmp_path / "shared.sqlite"
    result = runner.invoke(
        cli,
        ["batch", str(CORPUS), "--out", str(tmp_path / "two"), "-q"],
        env={"AUDITOR_REGISTRY": str(shared)},
    )
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "two" / "sources.sqlite").exists()
    with Registry(shared) as registry:
        assert registry.counts()["articles"] == 4


def test_an_unusable_registry_skips_the_step_and_says_why(tmp_path, batch, capsys):
    first, _ = batch
    out = tmp_path / "out"
    out.mkdir()
    shutil.copy(first / "results.jsonl", out / "results.jsonl")
    not_a_registry = tmp_path / "notes.sqlite"
    not_a_registry.write_text("not a database\n" * 100, encoding="utf-8")
    lines = provenance_step(out, not_a_registry).section
    assert lines[0] == "## Provenance across articles"
    assert "The provenance step was skipped" in lines[2] and "not a registry" in lines[2]
    assert "provenance step skipped" in capsys.readouterr().err
    assert "skipped" in (out / "provenance.md").read_text(encoding="utf-8")


def test_a_damaged_registry_skips_only_the_provenance_step_and_exits_1(tmp_path, nlp, capsys):
    from test_registry_robust import damaged_registry

    registry = damaged_registry(tmp_path / "damaged.sqlite")
    out = tmp_path / "out"
    summary, _ = _batch([CORPUS / "dam-gazette.txt"], out, nlp, registry)
    assert (summary.audited, summary.failed) == (1, 0)
    assert summary.exit_code == 1 and "is damaged" in summary.provenance_skipped
    assert len(list(iter_lines(out / "results.jsonl"))) == 1
    index = (out / "index.md").read_text(encoding="utf-8")
    assert "The provenance step was skipped" in index and "is damaged" in index
    (warning,) = [line for line in capsys.readouterr().err.splitlines() if "skipped" in line]
    assert warning.startswith("auditor: warning: provenance step skipped: ")
    assert str(registry) in warning and "move it aside" in warning
