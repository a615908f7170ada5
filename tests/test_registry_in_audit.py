"""`audit` and `check` with the newsroom's registry: PROV007-PROV009 in the article's report."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import cli
from auditor.config import Config
from auditor.ingest import article_from_text
from auditor.provenance.desk import DeskRegistry, registry_path
from auditor.provenance.registry import KnownSource, Registry
from auditor.provenance.registry_errors import RegistryError
from auditor.rules import load_rule_pack

DRAFT = """Harbour dredging to start in April

The harbour will be dredged from April, the port authority said on Monday.

"The channel has silted up faster than any model predicted," said Lena Okafor, an \
economist at the Kestrel Institute.

Tomas Ekberg, a professor of marine chemistry, said the sediment was not toxic.

The Nordik Fisheries Council welcomed the plan in a statement.
"""
REGISTRY_RULES = {"PROV007", "PROV008", "PROV009"}


def _earlier_article(registry: Registry, doc: str, people: list[tuple[str, str]]) -> None:
    sha = hashlib.sha256(doc.encode()).hexdigest()
    speakers = [
        {
            "name": name,
            "kind": "person",
            "type": "named_person",
            "variants": [name],
            "descriptions": [description],
            "attributions": 1,
            "at": [0, len(name), 1],
        }
        for name, description in people
    ]
    registry.add_article({"sha256": sha, "doc": doc}, {"attributions": []}, {"speakers": speakers})


@pytest.fixture
def newsroom(tmp_path) -> Path:
    """A registry: one earlier article describing Tomas Ekberg otherwise, one known body."""
    path = tmp_path / "sources.sqlite"
    with Registry(path) as registry:
        _earlier_article(registry, "archive/ferry.txt", [("Tomas Ekberg", "the port director")])
        registry.import_known([KnownSource("Nordic Fisheries Council", kind="organization")])
    return path


@pytest.fixture
def draft(tmp_path) -> Path:
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def _findings(output: str) -> dict[str, dict]:
    return {f["rule"]: f for f in json.loads(output)["findings"]}


def test_the_registry_rules_report_in_the_articles_own_findings(newsroom, draft):
    runner = CliRunner()
    alone = runner.invoke(cli, ["audit", str(draft), "--format", "json", "-q"])
    assert alone.exit_code == 0, alone.output
    assert not REGISTRY_RULES & set(_findings(alone.stdout))

    args = ["audit", str(draft), "--format", "json", "-q", "--registry", str(newsroom)]
    weighed = runner.invoke(cli, args)
    assert weighed.exit_code == 0, weighed.output
    found = _findings(weighed.stdout)
    assert REGISTRY_RULES <= set(found)
    assert "no other article quotes them" in found["PROV007"]["message"]
    assert "'the port director' in ferry.txt" in found["PROV008"]["message"]
    assert "Nordic Fisheries Council" in found["PROV009"]["message"]
    for finding in found.values():
        assert DRAFT[finding["start"] : finding["end"]].strip()
    assert DRAFT[found["PROV009"]["start"] : found["PROV009"]["end"]] == "Nordik Fisheries Council"
    # The counts and the score take the new findings in.
    assert json.loads(weighed.stdout)["summary"] != json.loads(alone.stdout)["summary"]

    markdown = runner.invoke(cli, ["audit", str(draft), "-q", "--registry", str(newsroom)])
    assert "PROV008" in markdown.stdout and "ferry.txt" in markdown.stdout


def test_the_registry_file_is_never_written(newsroom, draft):
    before = newsroom.read_bytes()
    stamp = newsroom.stat().st_mtime_ns
    args = ["audit", str(draft), "--format", "json", "-q", "--registry", str(newsroom)]
    assert CliRunner().invoke(cli, args).exit_code == 0
    assert newsroom.read_bytes() == before and newsroom.stat().st_mtime_ns == stamp
    with Registry(newsroom, create=False) as registry:
        assert registry.counts()["articles"] == 1


def test_check_takes_the_registry_from_the_environment(newsroom, draft):
    runner = CliRunner()
    env = {"AUDITOR_REGISTRY": str(newsroom)}
    gate = runner.invoke(cli, ["check", str(draft), "--fail-on", "warning", "--format", "json"])
    assert gate.exit_code == 0, gate.output
    gated = runner.invoke(
        cli, ["check", str(draft), "--fail-on", "warning", "--format", "json"], env=env
    )
    assert gated.exit_code == 1, gated.output
    assert "PROV008" in gated.stdout
    # An empty variable means no registry.
    empty = runner.invoke(
        cli, ["check", str(draft), "--fail-on", "warning"], env={"AUDITOR_REGISTRY": ""}
    )
    assert empty.exit_code == 0, empty.output


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda p: None, "no such registry"),
        (lambda p: p.write_bytes(b"these are not the pages of a database" * 40), "not a registry"),
        (lambda p: p.mkdir(), "is a folder"),
        (
            lambda p: sqlite3.connect(p).execute("CREATE TABLE t (x)").connection.commit(),
            "not a source registry",
        ),
    ],
    ids=["missing", "garbage", "folder", "foreign-sqlite"],
)
@pytest.mark.parametrize("command", ["audit", "check"])
def test_an_unusable_registry_is_one_line_and_exit_2(tmp_path, draft, make, expected, command):
    path = tmp_path / "bad.sqlite"
    make(path)
    result = CliRunner().invoke(cli, [command, str(draft), "--registry", str(path)])
    assert result.exit_code == 2, result.output
    assert expected in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output


def test_a_damaged_registry_is_named_with_the_fix(newsroom, draft):
    data = bytearray(newsroom.read_bytes())
    for offset in range(100, len(data), 97):  # garble every page past the header
        data[offset] ^= 0x5A
    newsroom.write_bytes(bytes(data))
    result = CliRunner().invoke(cli, ["audit", str(draft), "--registry", str(newsroom)])
    assert result.exit_code == 2
    assert str(newsroom) in result.stderr and "Traceback" not in result.output


def test_configuration_and_suppressions_apply_to_registry_findings(auditor, newsroom):
    article = article_from_text(DRAFT)
    with DeskRegistry(newsroom) as desk:
        quiet = load_rule_pack(Config(ignore=("PROV007",), severity={"PROV008": "error"}))
        result = desk.apply(auditor.audit(article), article, quiet)
        rules = {f.rule: f for f in result.findings}
        assert "PROV007" not in rules and rules["PROV008"].severity == "error"
        assert result.summary.counts == auditor.audit(article).summary.counts

        marked = DRAFT.replace(
            "Tomas Ekberg,",
            "<!-- auditor: ignore[PROV008] checked with the desk -->\n\nTomas Ekberg,",
        )
        md = article_from_text(marked, format="markdown")
        silenced = desk.apply(auditor.audit(md), md, auditor.rule_pack)
        assert "PROV008" not in {f.rule for f in silenced.findings}
        assert "META001" not in {f.rule for f in silenced.findings}  # the comment was used


def test_a_changed_registry_is_read_again(auditor, newsroom):
    article = article_from_text(DRAFT)
    with DeskRegistry(newsroom) as desk:
        first = desk.apply(auditor.audit(article), article, auditor.rule_pack)
        assert "PROV007" in {f.rule for f in first.findings}
        with Registry(newsroom) as registry:
            registry.import_known([KnownSource("Lena Okafor", kind="person")])
        again = desk.apply(auditor.audit(article), article, auditor.rule_pack)
        assert "PROV007" not in {f.rule for f in again.findings}


def test_an_article_already_in_the_registry_is_weighed_once(auditor, tmp_path):
    path = tmp_path / "sources.sqlite"
    article = article_from_text(DRAFT)
    result = auditor.audit(article)
    from auditor.provenance.record import cached_record

    with Registry(path) as registry:
        info = {"sha256": result.document.sha256, "doc": "published/dredging.txt"}
        registry.add_article(info, result.to_dict(), cached_record(result.analysis))
    with DeskRegistry(path) as desk:
        again = desk.apply(result, article, auditor.rule_pack)
    # Its own earlier record is no "other article": Lena Okafor is still quoted once.
    assert "PROV007" in {f.rule for f in again.findings}


def test_registry_path_prefers_the_option_to_the_environment(tmp_path):
    env = {"AUDITOR_REGISTRY": "/srv/newsroom/sources.sqlite"}
    assert registry_path(tmp_path / "r.sqlite", env) == tmp_path / "r.sqlite"
    assert registry_path(None, env) == Path("/srv/newsroom/sources.sqlite")
    assert registry_path(None, {"AUDITOR_REGISTRY": " "}) is None
    assert registry_path(None, {}) is None


def test_the_rules_stage_never_loads_the_registry():
    # The engine takes the registry's verdicts as outside evidence; it never opens one.
    code = (
        "import sys, auditor.rules, auditor.rules.engine; "
        "print(sorted(m for m in sys.modules if m in "
        "('auditor.provenance.desk', 'auditor.provenance.registry', 'sqlite3')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_a_missing_registry_fails_before_any_audit(tmp_path):
    with pytest.raises(RegistryError, match="no such registry"):
        DeskRegistry(tmp_path / "nowhere.sqlite")
