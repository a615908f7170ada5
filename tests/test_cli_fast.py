"""`auditor --help`, `--version` and every command's `--help` never import spaCy.

Run in a fresh interpreter (a subprocess), since this test session has spaCy loaded already.
Not a timed test: what keeps help fast is that the model stack is not imported at all.
"""

from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

from auditor.cli import COMMANDS, cli

PROBE = """
import json, sys
from click.testing import CliRunner
from auditor.cli import COMMANDS, cli

runner = CliRunner()
calls = [["--help"], ["--version"]] + [[name, "--help"] for name in COMMANDS]
codes = {" ".join(args): runner.invoke(cli, args).exit_code for args in calls}
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("spacy", "thinc")
               or m in ("auditor.pipeline", "auditor.audit"))
print(json.dumps({"codes": codes, "heavy": heavy}))
"""


def _probe() -> dict:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_help_and_version_import_no_model_stack():
    probe = _probe()
    assert probe["heavy"] == [], f"--help imported {probe['heavy']}"
    assert all(code == 0 for code in probe["codes"].values()), probe["codes"]
    assert set(probe["codes"]) >= {"--help", "--version", "audit --help", "serve --help"}


def test_every_command_is_listed_and_loads():
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for name in COMMANDS:
        assert f"\n  {name} " in result.output
        assert cli.get_command(None, name).name == name


def test_unknown_command_is_a_usage_error():
    result = CliRunner().invoke(cli, ["nonesuch"])
    assert result.exit_code == 2
    assert "No such command" in result.output


def test_importing_cli_alone_loads_no_command_module():
    code = (
        "import sys, auditor.cli; "
        "print(sorted(m for m in sys.modules if m.endswith('_cmd') or m.startswith('spacy')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_a_command_that_cannot_be_imported_leaves_the_others_working(monkeypatch):
    monkeypatch.setitem(COMMANDS, "ghost", "auditor.commands.ghost_cmd:ghost")
    runner = CliRunner()
    listing = runner.invoke(cli, ["--help"])
    assert listing.exit_code == 0 and "ghost" not in listing.output
    assert "audit" in listing.output
    result = runner.invoke(cli, ["ghost", "--help"])
    assert result.exit_code == 2
    assert "auditor: error: `auditor ghost` is not part of this installation" in result.output
    assert "Traceback" not in result.output
