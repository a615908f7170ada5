"""`auditor audit` end to end through click's runner: options, formats and bad input."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from auditor import __version__
from auditor.cli import cli

ARTICLE = (
    "Bridge Closed After Cracks Found\n\n"
    '"We are not going to gamble with lives," Mayor Ana Ruiz said on Monday.\n\n'
    "A senior official said the repairs would cost $4 million.\n"
)


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


@pytest.fixture(autouse=True)
def shared_pipeline(nlp, monkeypatch):
    # Reuse the session's pipeline instead of loading the model for every command.
    import auditor.audit

    monkeypatch.setattr(auditor.audit, "load_pipeline", lambda model, **_: nlp)


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_version_and_help(runner):
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0 and "audit" in result.output and "--version" in result.output
    result = runner.invoke(cli, ["audit", "--help"])
    assert result.exit_code == 0
    for option in ("--format", "--out", "--model", "--config", "--quiet"):
        assert option in result.output


def test_markdown_report_on_stdout(runner, tmp_path):
    path = write(tmp_path, "bridge.txt", ARTICLE)
    result = runner.invoke(cli, ["audit", str(path), "-q"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# Source audit: Bridge Closed After Cracks Found")
    assert "Ana Ruiz" in result.output


def test_json_contract_and_offsets(runner, tmp_path):
    path = write(tmp_path, "bridge.md", "# Bridge closed\n\n" + ARTICLE)
    result = runner.invoke(cli, ["audit", str(path), "--format", "json", "-q"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["schema"] == "auditor/2"
    assert set(data) == {"schema", "document", "attributions", "claims", "findings", "summary"}
    assert set(data["document"]) == {"path", "name", "chars", "sha256"}
    assert data["document"]["name"] == "bridge"
    source = path.read_text(encoding="utf-8")
    assert data["document"]["chars"] == len(source)
    assert data["attributions"], "the article has attributions"
    for attribution in data["attributions"]:
        assert set(attribution) == {
            "id", "kind", "content", "cue", "source", "speaker",
            "source_type", "grade", "flags", "findings",
        }
        for role in ("content", "cue", "source"):
            span = attribution[role]
            if span is not None:
                assert source[span["start"] : span["end"]] == span["text"]
    for item in data["claims"] + data["findings"]:
        assert 0 <= item["start"] <= item["end"] <= len(source)
    assert set(data["summary"]) == {"score", "grade", "counts"}


def test_stdin(runner):
    result = runner.invoke(cli, ["audit", "-", "--format", "json", "-q"], input=ARTICLE)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["document"]["path"] == "-"
    assert any(a["speaker"] and a["speaker"]["name"] == "Ana Ruiz" for a in data["attributions"])


def test_out_folder_one_report_per_article_and_format(runner, tmp_path):
    folder = tmp_path / "drafts"
    folder.mkdir()
    write(folder, "one.txt", ARTICLE)
    write(folder, "two.md", "# Two\n\n" + ARTICLE)
    out = tmp_path / "out"
    result = runner.invoke(
        cli, ["audit", str(folder), "--out", str(out), "--format", "markdown,json"]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["one.json", "one.md", "two.json", "two.md"]
    assert "wrote 4 report(s)" in result.output


def test_every_format_renders(runner, tmp_path):
    path = write(tmp_path, "bridge.txt", ARTICLE)
    for fmt in ("markdown", "html", "json", "jsonl", "sarif", "github", "text"):
        result = runner.invoke(cli, ["audit", str(path), "--format", fmt, "-q"])
        assert result.exit_code == 0, (fmt, result.output)
        assert result.output.strip(), fmt


def test_empty_article_says_so(runner, tmp_path):
    path = write(tmp_path, "empty.txt", "")
    result = runner.invoke(cli, ["audit", str(path), "-q"])
    assert result.exit_code == 0, result.output
    assert "empty" in result.output.lower()


def test_model_option_reaches_the_loader(runner, tmp_path, monkeypatch, nlp):
    import auditor.audit

    asked = []
    loader = lambda model, **_: asked.append(model) or nlp  # noqa: E731
    monkeypatch.setattr(auditor.audit, "load_pipeline", loader)
    path = write(tmp_path, "bridge.txt", ARTICLE)
    result = runner.invoke(cli, ["audit", str(path), "--model", "en_core_web_sm", "-q"])
    assert result.exit_code == 0, result.output
    assert asked == ["en_core_web_sm"]


def test_unknown_model_is_one_clear_line(runner, tmp_path, monkeypatch):
    import auditor.audit
    from auditor.pipeline import load_pipeline

    monkeypatch.setattr(auditor.audit, "load_pipeline", load_pipeline)
    path = write(tmp_path, "bridge.txt", ARTICLE)
    result = runner.invoke(cli, ["audit", str(path), "--model", "no_such_model_xyz", "-q"])
    assert result.exit_code == 2
    assert "cannot load spaCy model 'no_such_model_xyz'" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "setup,expected",
    [
        (lambda tmp: str(tmp / "missing.txt"), "missing.txt"),
        (lambda tmp: str((tmp / "nothing").mkdir() or tmp / "nothing"), "no articles"),
        (lambda tmp: str(write(tmp, "data.csv", "a,b\n")), ".csv"),
        (lambda tmp: _bytes(tmp, "binary.txt", b"\x00\x01\x02\x03" * 50), "binary"),
        (lambda tmp: _bytes(tmp, "latin.txt", "caf\xe9 said".encode("latin-1")), "UTF-8"),
    ],
    ids=["missing", "empty-folder", "unknown-extension", "binary", "not-utf8"],
)
def test_bad_input_is_one_line_and_exit_2(runner, tmp_path, setup, expected):
    target = setup(tmp_path)
    result = runner.invoke(cli, ["audit", target, "-q"])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("auditor: error:")
    assert expected in lines[0]


def test_unknown_format_lists_formats(runner, tmp_path):
    path = write(tmp_path, "bridge.txt", ARTICLE)
    result = runner.invoke(cli, ["audit", str(path), "--format", "pdf", "-q"])
    assert result.exit_code == 2
    assert "markdown" in result.output and "sarif" in result.output


def test_several_formats_need_out(runner, tmp_path):
    path = write(tmp_path, "bridge.txt", ARTICLE)
    result = runner.invoke(cli, ["audit", str(path), "--format", "markdown,json", "-q"])
    assert result.exit_code == 2
    assert "--out" in result.output


def test_crlf_and_bom_are_read(runner, tmp_path):
    path = tmp_path / "windows.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    result = runner.invoke(cli, ["audit", str(path), "--format", "json", "-q"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    text = path.read_bytes().decode("utf-8-sig")
    for attribution in data["attributions"]:
        span = attribution["content"]
        assert text[span["start"] : span["end"]] == span["text"]


def _bytes(tmp_path, name, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_config_option_ignores_a_rule(runner, tmp_path):
    path = write(tmp_path, "bridge.txt", ARTICLE)
    plain = runner.invoke(cli, ["audit", str(path), "--format", "json", "-q"])
    rules = {f["rule"] for f in json.loads(plain.output)["findings"]}
    assert rules, "the article has findings to ignore"
    ignored = sorted(rules)[0]
    config = write(tmp_path, "house.toml", f'ignore = ["{ignored}"]\n')
    result = runner.invoke(
        cli, ["audit", str(path), "--format", "json", "-q", "--config", str(config)]
    )
    assert result.exit_code == 0, result.output
    assert ignored not in {f["rule"] for f in json.loads(result.output)["findings"]}


def test_bad_config_is_one_clear_line(runner, tmp_path):
    path = write(tmp_path, "bridge.txt", ARTICLE)
    config = write(tmp_path, "house.toml", "no_such_key = 1\n")
    result = runner.invoke(cli, ["audit", str(path), "-q", "--config", str(config)])
    assert result.exit_code == 2
    assert "no_such_key" in result.output and "Traceback" not in result.output
