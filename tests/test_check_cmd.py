"""``auditor check``, ``auditor rules`` and ``auditor rule`` through click's runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import cli

CLEAN = "The mayor, Ana Ruiz, said the bridge would reopen on Monday.\n"
WARNING_ONLY = "The mayor, Ana Ruiz, admitted that the bridge would reopen on Monday.\n"
ERROR = "Sources said the bridge would reopen on Monday.\n"


@pytest.fixture
def run(nlp, monkeypatch):
    """Invoke the CLI with the session's spaCy pipeline instead of loading a new one."""
    monkeypatch.setattr("auditor.audit.load_pipeline", lambda *args, **kwargs: nlp)
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(cli, list(args), input=input, catch_exceptions=False)

    return invoke


@pytest.fixture
def articles(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name, text in (("clean", CLEAN), ("warn", WARNING_ONLY), ("error", ERROR)):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    return tmp_path


def test_exit_codes_follow_fail_on(run, articles: Path) -> None:
    assert run("check", "clean.txt", "--fail-on", "suggestion").exit_code == 0
    assert run("check", "warn.txt").exit_code == 0
    result = run("check", "warn.txt", "--fail-on", "warning")
    assert result.exit_code == 1
    assert "warn.txt:1:" in result.output and "VERB001" in result.output
    result = run("check", "error.txt", "clean.txt")
    assert result.exit_code == 1 and "ANON007" in result.output


def test_usage_and_runtime_errors_exit_2(run, articles: Path) -> None:
    missing = run("check", "missing.txt")
    assert missing.exit_code == 2 and "missing.txt" in missing.output
    assert run("check", "clean.txt", "--fail-on", "fatal").exit_code == 2
    assert run("check").exit_code == 2
    (articles / "auditor.toml").write_text("colour = 1\n", encoding="utf-8")
    bad_config = run("check", "clean.txt")
    assert bad_config.exit_code == 2 and "unknown key 'colour'" in bad_config.output


def test_config_found_upward_sets_fail_on_and_ignore(run, articles: Path) -> None:
    (articles / "auditor.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    assert run("check", "warn.txt").exit_code == 1
    (articles / "auditor.toml").write_text('ignore = ["ANON", "DOC"]\n', encoding="utf-8")
    assert run("check", "error.txt").exit_code == 0


def test_keep_going_skips_broken_rules_and_unreadable_articles(run, articles: Path) -> None:
    house = articles / "house"
    house.mkdir()
    (house / "BAD001.yaml").write_text("id: BAD001\nname: [oops\n", encoding="utf-8")
    (articles / "auditor.toml").write_text('rule-folders = ["house"]\n', encoding="utf-8")
    strict = run("check", "error.txt")
    assert strict.exit_code == 2 and "BAD001.yaml: invalid YAML" in strict.output
    lenient = run("check", "error.txt", "--keep-going")
    assert lenient.exit_code == 1
    assert "skipped rule file" in lenient.output and "ANON007" in lenient.output
    (articles / "binary.txt").write_bytes(b"\xff\xfe\x00bad")
    mixed = run("check", "binary.txt", "clean.txt", "--keep-going")
    assert mixed.exit_code == 2 and "binary.txt" in mixed.output


def test_json_and_github_formats(run, articles: Path) -> None:
    result = run("check", "error.txt", "--format", "json")
    start = result.output.index("{")
    data = json.loads(result.output[start : result.output.rindex("}") + 1])
    assert data["schema"] == "auditor/2"
    assert "ANON007" in {f["rule"] for f in data["findings"]}
    github = run("check", "error.txt", "--format", "github")
    assert "::error file=error.txt,line=1" in github.output


def test_stdin(run, articles: Path) -> None:
    assert run("check", "-", input=ERROR).exit_code == 1
    assert run("check", "-", input=CLEAN).exit_code == 0


def test_rules_listing(run, articles: Path) -> None:
    table = run("rules")
    assert table.exit_code == 0
    assert "ANON001" in table.output and "anonymous-no-reason" in table.output
    data = json.loads(run("rules", "--format", "json").output)
    assert {"id", "name", "severity", "summary", "authority", "enabled"} <= set(data[0])
    (articles / "auditor.toml").write_text('ignore = ["VERB"]\n', encoding="utf-8")
    line = next(x for x in run("rules").output.splitlines() if x.startswith("VERB001"))
    assert " off " in line


def test_rule_explains_one(run, articles: Path) -> None:
    result = run("rule", "ANON001")
    assert result.exit_code == 0
    for part in ("Why it matters", "What to write instead", "Flagged", "References", "https://"):
        assert part in result.output
    assert json.loads(run("rule", "anon001", "--format", "json").output)["id"] == "ANON001"
    unknown = run("rule", "ANON01")
    assert unknown.exit_code == 2 and "unknown rule 'ANON01'" in unknown.output


def test_pre_commit_hook_runs_the_gate() -> None:
    import yaml

    hooks = yaml.safe_load(Path(__file__).parents[1].joinpath(".pre-commit-hooks.yaml").read_text())
    (hook,) = hooks
    assert hook["id"] == "auditor" and hook["entry"] == "auditor check --fail-on error"
    assert set(hook["types_or"]) == {"markdown", "text"}
