"""Configuration: pyproject.toml / auditor.toml, upward search, validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.config import Config, ConfigError, find_config_file, load_config


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_when_nothing_is_found(tmp_path: Path) -> None:
    article = write(tmp_path / "a" / "story.md", "text")
    assert find_config_file(article) is None
    config = load_config(start=article)
    assert config == Config()
    assert config.selects("ANON001") and config.fail_on == "error" and config.path is None


def test_upward_search_from_the_article(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.auditor]\nignore = ["VERB"]\n')
    article = write(tmp_path / "desk" / "drafts" / "story.md", "text")
    config = load_config(start=article)
    assert config.path == tmp_path / "pyproject.toml"
    assert not config.selects("VERB001") and config.selects("ANON001")


def test_pyproject_without_table_is_passed_over(tmp_path: Path) -> None:
    write(tmp_path / "auditor.toml", 'select = ["ANON"]\n')
    write(tmp_path / "inner" / "pyproject.toml", '[project]\nname = "x"\n')
    article = write(tmp_path / "inner" / "story.txt", "text")
    assert find_config_file(article) == tmp_path / "auditor.toml"
    assert load_config(start=article).select == ("ANON",)


def test_auditor_toml_wins_in_the_same_folder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.auditor]\nselect = ["VERB"]\n')
    write(tmp_path / "auditor.toml", 'select = ["DOC"]\n')
    assert load_config(start=tmp_path).select == ("DOC",)


def test_all_keys(tmp_path: Path) -> None:
    (tmp_path / "house").mkdir()
    path = write(
        tmp_path / "auditor.toml",
        'select = ["ANON", "ATTR001"]\nignore = ["ANON009"]\nrule-folders = ["house"]\n'
        'fail-on = "warning"\n[severity]\nANON003 = "error"\nVERB = "suggestion"\n'
        "[thresholds]\nanonymous_share = 0.25\n",
    )
    config = load_config(explicit=path)
    assert config.selects("ANON001") and config.selects("ATTR001")
    assert not config.selects("ATTR002") and not config.selects("ANON009")
    assert config.severity_for("ANON003", "warning") == "error"
    assert config.severity_for("VERB001", "warning") == "suggestion"
    assert config.severity_for("ANON001", "error") == "error"
    assert config.thresholds == {"anonymous_share": 0.25}
    assert config.rule_folders == ((tmp_path / "house").resolve(),)
    assert config.fail_on == "warning"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("colour = 1\n", r"unknown key 'colour'"),
        ('select = ["anon001"]\n', r"select: 'anon001' is not a rule id"),
        ('select = "ANON001"\nignore = [1]\n', r"ignore: expected a list"),
        ('[severity]\nANON001 = "fatal"\n', r"severity\.ANON001: 'fatal' is not one of"),
        ('[thresholds]\nanonymous_share = "half"\n', r"thresholds\.anonymous_share: expected"),
        ('rule-folders = ["missing"]\n', r"rule-folders: 'missing' is not a folder"),
        ('fail-on = "never"\n', r"fail-on: 'never' is not one of"),
        ("select = [\n", r"invalid TOML"),
    ],
)
def test_invalid_config_names_the_key(tmp_path: Path, body: str, message: str) -> None:
    path = write(tmp_path / "auditor.toml", body)
    with pytest.raises(ConfigError, match=message) as caught:
        load_config(explicit=path)
    assert str(path) in str(caught.value)


def test_pyproject_errors_name_the_table(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.auditor]\ncolor = 1\n")
    with pytest.raises(ConfigError, match=r"pyproject.toml: \[tool.auditor\] color"):
        load_config(start=tmp_path)


def test_explicit_file_must_exist_and_have_a_table(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(explicit=tmp_path / "nope.toml")
    path = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    with pytest.raises(ConfigError, match=r"no \[tool.auditor\] table"):
        load_config(explicit=path)


def test_unknown_rule_in_config_fails_when_the_pack_loads(tmp_path: Path) -> None:
    from auditor.rules import load_rule_pack

    path = write(tmp_path / "auditor.toml", '[severity]\nZZZ999 = "error"\n')
    with pytest.raises(
        ConfigError, match=r"auditor.toml: severity: unknown rule or family 'ZZZ999'"
    ):
        load_rule_pack(load_config(explicit=path))


def test_extra_rule_folder_is_loaded(tmp_path: Path) -> None:
    from auditor.rules import load_rule_pack

    house = tmp_path / "house"
    write(
        house / "HOUSE001-no-sources-say.yaml",
        "id: HOUSE001\nname: house-style\nseverity: suggestion\nmessage: m\nwhy: w\nfix: f\n"
        "authority: [{name: SPJ, url: 'https://www.spj.org/ethicscode.asp'}]\n"
        "check: phrase\ncues: [sources say]\nexamples: {bad: [Sources say x.], good: [x]}\n",
    )
    path = write(tmp_path / "auditor.toml", 'rule-folders = ["house"]\nselect = ["HOUSE"]\n')
    pack = load_rule_pack(load_config(explicit=path))
    assert [r.id for r in pack.enabled] == ["HOUSE001"]
    assert "ANON001" in pack.ids
