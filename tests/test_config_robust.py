"""Hostile config files: deep nesting, bytes that are not UTF-8, huge values and odd
folder names are one-line ConfigErrors (exit 2), never a traceback (issue 11, item 12)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import cli
from auditor.config import ConfigError, find_config_file, load_config

HUGE = "x" * 200_000


def config_error(path: Path) -> str:
    with pytest.raises(ConfigError) as caught:
        load_config(explicit=path)
    message = str(caught.value)
    assert "\n" not in message and str(path) in message and len(message) < 400, message[:400]
    return message


@pytest.mark.parametrize(
    "text",
    [
        "x = " + "[" * 5000 + "]" * 5000 + "\n",
        "x = " + "{a = " * 5000 + "1" + "}" * 5000 + "\n",
    ],
    ids=["arrays", "inline-tables"],
)
def test_deep_nesting_is_a_config_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "auditor.toml"
    path.write_text(text, encoding="utf-8")
    assert "nested too deeply" in config_error(path)


def test_deep_nesting_in_a_pyproject_found_upward(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("x = " + "[" * 5000 + "]" * 5000 + "\n", "utf-8")
    with pytest.raises(ConfigError, match="nested too deeply"):
        find_config_file(tmp_path)


def test_bytes_that_are_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "auditor.toml"
    path.write_bytes(b'select = ["\xff"]\n')
    assert "not UTF-8" in config_error(path)


@pytest.mark.parametrize(
    "text",
    [
        f'select = ["{HUGE}"]\n',
        f'fail-on = "{HUGE}"\n',
        f"{HUGE} = 1\n",
        f'[severity]\nANON = "{HUGE}"\n',
        f'[severity]\n{HUGE} = "error"\n',
        f'[thresholds]\nshare = "{HUGE}"\n',
        f'[thresholds]\n{HUGE} = "x"\n',
        f'rule-folders = ["{HUGE}"]\n',
        'rule-folders = ["a\\u0000b"]\n',
        'fail-on = ["error"]\n',
        '[severity]\nANON = ["error"]\n',
    ],
    ids=[
        "select",
        "fail-on",
        "key",
        "severity",
        "severity-key",
        "threshold",
        "threshold-key",
        "folder-too-long",
        "folder-nul",
        "fail-on-list",
        "severity-list",
    ],
)
def test_bad_values_are_short_one_line_errors(tmp_path: Path, text: str) -> None:
    path = tmp_path / "auditor.toml"
    path.write_text(text, encoding="utf-8")
    config_error(path)


def test_cli_exits_2_with_one_line(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "auditor.toml").write_text("x = " + "[" * 5000 + "]" * 5000 + "\n", "utf-8")
    result = CliRunner().invoke(cli, ["rules"], catch_exceptions=False)
    assert result.exit_code == 2
    assert result.output.startswith("auditor: error:") and "nested too deeply" in result.output
    assert result.output.count("\n") == 1
