"""``auditor sources list|show|merge|verify|export|import`` on small registries."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import cli
from auditor.provenance.registry import Registry

KNOWN = Path(__file__).parent / "fixtures" / "provenance" / "known.csv"


def _person(name, description=None, n=1, variants=()):
    return {
        "name": name,
        "kind": "person",
        "type": "named_person",
        "variants": [name, *variants],
        "descriptions": [description] if description else [],
        "attributions": n,
        "at": [0, len(name), 1],
    }


def _add(registry, doc, speakers, published=None, title=None):
    sha = hashlib.sha256(doc.encode()).hexdigest()
    info = {"sha256": sha, "doc": doc, "published": published, "title": title}
    registry.add_article(info, {"attributions": []}, {"speakers": speakers})


@pytest.fixture
def registry_path(tmp_path) -> Path:
    path = tmp_path / "sources.sqlite"
    with Registry(path) as registry:
        _add(
            registry,
            "gazette.txt",
            [_person("Mira Solberg", "the regional governor", n=2), _person("Jonas Weber")],
            published="2024-03-01",
            title="Dam breach floods Dravsk",
        )
        _add(
            registry,
            "courier.txt",
            [_person("Mira Solberg", "the mayor of Dravinsk"), _person("Hanna Kovalskaya")],
            published="2024-03-04",
        )
        _add(registry, "profile.txt", [_person("Hanna Kowalska", "a hydrologist")])
    return path


def run(*args: str, env: dict | None = None):
    result = CliRunner().invoke(cli, ["sources", *args], env=env or {})
    return result.exit_code, result.output


def test_list_shows_sources_most_quoted_first(registry_path):
    code, out = run("list", "--registry", str(registry_path))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == [
        "NAME",
        "KIND",
        "TYPE",
        "ARTICLES",
        "ATTRIB",
        "FIRST",
        "LAST",
        "KNOWN",
    ]
    assert lines[1].split()[:6] == ["Mira", "Solberg", "person", "named_person", "2", "3"]
    assert lines[1].split()[6:8] == ["2024-03-01", "2024-03-04"]
    assert len(lines) == 5


def test_list_filters_and_json(registry_path):
    code, out = run("list", "--registry", str(registry_path), "--search", "kow", "--format", "json")
    assert code == 0
    (item,) = json.loads(out)
    assert item["name"] == "Hanna Kowalska" and item["articles"] == 1
    code, out = run("list", "--registry", str(registry_path), "--known")
    assert (code, out.strip()) == (0, "No sources match (4 in the registry).")
    code, out = run("list", "--registry", str(registry_path), "--limit", "1")
    assert out.splitlines()[-1] == "(1 of 4 sources)"


def test_show_gives_spellings_descriptions_and_articles(registry_path):
    code, out = run("show", "mira solberg", "--registry", str(registry_path))
    assert code == 0
    assert out.splitlines()[0].startswith("Mira Solberg  (#1, person)")
    assert "status:       not on the known-sources list" in out
    assert "- the regional governor (1 articles)" in out
    assert "- the mayor of Dravinsk (1 articles)" in out
    assert "2024-03-01  gazette.txt - Dam breach floods Dravsk  (2 as named_person" in out
    code, out = run("show", "Mira Solberg", "--registry", str(registry_path), "--format", "json")
    assert json.loads(out)["articles"] == 2


def test_an_unknown_name_is_exit_2_with_a_suggestion(registry_path):
    code, out = run("show", "Mira Solbreg", "--registry", str(registry_path))
    assert code == 2
    assert "no source named 'Mira Solbreg'" in out and "did you mean Mira Solberg?" in out


def test_merge_then_show_by_the_old_name(registry_path):
    code, out = run("merge", "Hanna Kowalska", "Hanna Kovalskaya", "--registry", str(registry_path))
    assert code == 0
    assert (
        out.strip() == "Merged 'Hanna Kovalskaya' into 'Hanna Kowalska': 2 articles, 2 spellings."
    )
    code, out = run("show", "Hanna Kovalskaya", "--registry", str(registry_path))
    assert out.splitlines()[0].startswith("Hanna Kowalska ")
    code, out = run("merge", "Hanna Kowalska", "Hanna Kowalska", "--registry", str(registry_path))
    assert code == 2 and "already one source" in out


def test_verify_records_who_and_when(registry_path):
    code, out = run(
        "verify", "Jonas Weber", "--by", "standards desk", "--date", "2024-05-02",
        "--registry", str(registry_path),
    )  # fmt: skip
    assert code == 0
    assert out.strip() == (
        "Jonas Weber is on the known-sources list (verified by standards desk on 2024-05-02)."
    )
    code, out = run("show", "Jonas Weber", "--registry", str(registry_path))
    assert "on the known-sources list (verified by standards desk on 2024-05-02)" in out
    code, out = run("verify", "Jonas Weber", "--date", "May 2", "--registry", str(registry_path))
    assert code == 2 and "is not a date like 2024-03-01" in out


def test_import_then_export_round_trips_the_known_list(tmp_path):
    registry = tmp_path / "newsroom.sqlite"
    code, out = run("import", str(KNOWN), "--registry", str(registry))
    assert code == 0
    assert out.strip() == f"Imported 4 sources from {KNOWN}: 4 new, 0 already in the registry."
    code, out = run("import", str(KNOWN), "--registry", str(registry))
    assert "0 new, 4 already in the registry" in out
    code, out = run("export", "--registry", str(registry))
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    by_name = {r["name"]: r for r in rows}
    assert by_name["Petra Lind"]["variants"] == "P. Lind"
    assert by_name["Petra Lind"]["organization"] == "Baltic Policy Institute"
    assert by_name["CNA"]["variants"] == "Center for Naval Analyses"
    assert all(r["known"] == "1" for r in rows)
    # The export reads back as the same list, in another registry.
    exported = tmp_path / "export.csv"
    code, _ = run("export", "--registry", str(registry), "--out", str(exported))
    other = tmp_path / "other.sqlite"
    code, _ = run("import", str(exported), "--registry", str(other))
    assert code == 0
    code, again = run("export", "--registry", str(other))
    assert again == out


def test_export_json_and_known_only(registry_path):
    run("verify", "Jonas Weber", "--registry", str(registry_path))
    code, out = run("export", "--registry", str(registry_path), "--known-only", "--format", "json")
    assert code == 0
    (item,) = json.loads(out)
    assert item["name"] == "Jonas Weber" and item["known"] is True
    assert item["appearances"][0]["article"] == "gazette.txt"


def test_unchecked_sources_stay_unchecked_through_an_export(registry_path, tmp_path):
    exported = tmp_path / "all.csv"
    run("export", "--registry", str(registry_path), "--out", str(exported))
    fresh = tmp_path / "fresh.sqlite"
    run("import", str(exported), "--registry", str(fresh))
    code, out = run("list", "--registry", str(fresh), "--known")
    assert out.strip() == "No sources match (4 in the registry)."


def test_bad_known_files_name_the_line(tmp_path):
    registry = str(tmp_path / "r.sqlite")
    no_name = tmp_path / "no-name.csv"
    no_name.write_text("person,role\nAna Ruiz,mayor\n", encoding="utf-8")
    code, out = run("import", str(no_name), "--registry", registry)
    assert code == 2 and "line 1: no 'name' column" in out
    empty = tmp_path / "empty-name.csv"
    empty.write_text("name,role\nAna Ruiz,mayor\n,governor\n", encoding="utf-8")
    code, out = run("import", str(empty), "--registry", registry)
    assert code == 2 and "line 3: the name is empty" in out
    kind = tmp_path / "kind.csv"
    kind.write_text("name,kind\nAna Ruiz,robot\n", encoding="utf-8")
    code, out = run("import", str(kind), "--registry", registry)
    assert code == 2 and "line 2: kind 'robot' is not one of person, organization, media" in out
    code, out = run("import", str(tmp_path / "missing.csv"), "--registry", registry)
    assert code == 2 and "cannot read" in out


def test_the_registry_comes_from_the_option_or_the_environment(registry_path, tmp_path):
    code, out = run("list")
    assert code == 2 and "no registry given: use --registry PATH" in out
    code, out = run("list", env={"AUDITOR_REGISTRY": str(registry_path)})
    assert code == 0 and "Mira Solberg" in out
    code, out = run("list", "--registry", str(tmp_path / "nowhere.sqlite"))
    assert code == 2 and "no such registry" in out
    assert not (tmp_path / "nowhere.sqlite").exists()


def test_every_sources_command_takes_registry(registry_path):
    for command in ("list", "show", "merge", "verify", "export", "import"):
        code, out = run(command, "--help")
        assert code == 0 and "--registry PATH" in out, command
