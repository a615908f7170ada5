"""`auditor audit` and `auditor check` against careless and hostile input (issue 11).

Nothing lost (a report never replaces an article, no two reports share a file), nothing
hangs (FIFOs, endless stdin: run in a subprocess with a timeout, so a regression fails
instead of hanging), no traceback (long text, deep Markdown), and one bad document never
takes the others with it.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import cli

ARTICLE = '"We are not going to gamble with lives," Mayor Ana Ruiz said on Monday.\n'
OTHER = "A senior official said the repairs would cost $4 million.\n"
#: Seconds a subprocess may take: the model loads in a few; a hang would never end.
TIMEOUT = 120


@pytest.fixture(autouse=True)
def shared_pipeline(nlp, monkeypatch):
    # Reuse the session's pipeline instead of loading the model for every command.
    monkeypatch.setattr("auditor.audit.load_pipeline", lambda *args, **kwargs: nlp)


def invoke(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("auditor: error:")]


def run_cli(*args: str, cwd: Path, stdin=None, memory_gb: int = 2):
    """The CLI in a subprocess, with a timeout and a memory ceiling (an unbounded read
    fails fast instead of eating the machine)."""

    def limit_memory():
        cap = memory_gb << 30
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    return subprocess.run(
        [sys.executable, "-m", "auditor", *args],
        cwd=cwd,
        stdin=stdin if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        preexec_fn=limit_memory,
    )


# ------------------------------------------------------------- 1. never over an input


@pytest.mark.parametrize(
    "name,fmt", [("draft.md", "markdown"), ("a.txt", "text"), ("page.html", "html")]
)
def test_a_report_never_replaces_its_article(tmp_path, monkeypatch, name, fmt):
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    result = invoke("audit", name, "--out", ".", "--format", fmt, "-q")
    assert result.exit_code == 2
    (line,) = error_lines(result)
    assert "would overwrite the article" in line and name in line
    assert (tmp_path / name).read_text(encoding="utf-8") == ARTICLE
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # nothing written


def test_a_report_never_replaces_another_article_or_a_linked_one(tmp_path):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (drafts / "a.md").write_text(OTHER, encoding="utf-8")
    # A folder audited into itself: a.md's Markdown report would be a.md.
    result = invoke("audit", str(drafts), "--out", str(drafts), "-q")
    assert result.exit_code == 2 and "would overwrite the article" in result.output
    assert sorted(p.name for p in drafts.iterdir()) == ["a.md", "b.txt"]
    assert (drafts / "a.md").read_text(encoding="utf-8") == OTHER
    # Through a symlink: the article is given by a link elsewhere, the report lands on it.
    links = tmp_path / "links"
    links.mkdir()
    (links / "a.md").symlink_to(drafts / "a.md")
    result = invoke("audit", str(links / "a.md"), "--out", str(drafts))
    assert result.exit_code == 2 and "would overwrite the article" in result.output
    # A hard link: the report's file already is the article.
    (tmp_path / "out").mkdir()
    os.link(drafts / "a.md", tmp_path / "out" / "hard.md")
    result = invoke("audit", str(drafts / "b.txt"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0  # b.md in out/ is free
    result = invoke("audit", str(tmp_path / "out" / "hard.md"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2 and "would overwrite the article" in result.output
    assert (drafts / "a.md").read_text(encoding="utf-8") == OTHER


# ------------------------------------------------------------- 2. distinct report names


def test_inputs_with_one_stem_get_distinct_reports_and_a_true_count(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "x.md").write_text("# X\n\n" + ARTICLE, encoding="utf-8")
    (folder / "x.html").write_text(f"<p>{OTHER}</p>", encoding="utf-8")
    (folder / "x.txt").write_text(ARTICLE + OTHER, encoding="utf-8")
    out = tmp_path / "rep"
    formats = "markdown,html,json,jsonl,sarif,github,text"
    result = invoke("audit", str(folder), "--out", str(out), "--format", formats)
    assert result.exit_code == 0, result.output
    written = sorted(out.iterdir())
    assert len(written) == 3 * 7
    assert f"wrote {len(written)} report(s)" in result.stderr
    documents = {json.loads(p.read_text())["document"]["path"] for p in out.glob("*.json")}
    assert documents == {str(folder / n) for n in ("x.md", "x.html", "x.txt")}


def test_report_names_do_not_collide_across_formats(tmp_path):
    # a's github report is a.github.txt, which is also a.github's text report.
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.github.txt").write_text(OTHER, encoding="utf-8")
    out = tmp_path / "rep"
    inputs = [str(tmp_path / "a.txt"), str(tmp_path / "a.github.txt")]
    result = invoke("audit", *inputs, "--out", str(out), "--format", "github,text,json")
    assert result.exit_code == 0, result.output
    assert len(list(out.iterdir())) == 6 and "wrote 6 report(s)" in result.stderr
    documents = {json.loads(p.read_text())["document"]["path"] for p in out.glob("*.json")}
    assert documents == set(inputs)


# ------------------------------------------------------------- 6. FIFOs never hang


@pytest.fixture
def fifo_folder(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "a.txt")
    return folder


@pytest.mark.parametrize("command", ["audit", "check"])
def test_a_fifo_named_like_an_article_is_one_line_not_a_hang(tmp_path, fifo_folder, command):
    done = run_cli(command, str(fifo_folder / "a.txt"), cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    (line,) = [ln for ln in done.stderr.splitlines() if ln.startswith("auditor: error:")]
    assert "a.txt" in line and "FIFO" in line
    assert "Traceback" not in done.stderr


def test_a_fifo_in_a_folder_is_listed_and_the_rest_reported(tmp_path, fifo_folder):
    (fifo_folder / "b.txt").write_text(ARTICLE, encoding="utf-8")
    done = run_cli("audit", str(fifo_folder), "-q", "--format", "json", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    (line,) = [ln for ln in done.stderr.splitlines() if ln.startswith("auditor: error:")]
    assert "a.txt" in line and "FIFO" in line
    assert json.loads(done.stdout)["document"]["path"] == str(fifo_folder / "b.txt")


def test_a_device_is_not_an_article(tmp_path):
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    done = run_cli("audit", str(tmp_path / "zero.txt"), cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    (line,) = [ln for ln in done.stderr.splitlines() if ln.startswith("auditor: error:")]
    assert "zero.txt" in line and "device" in line


# ------------------------------------------------------------- 7. bounded reads


def test_endless_stdin_is_refused_after_the_limit(tmp_path):
    with open("/dev/zero", "rb") as zeros:
        done = run_cli("audit", "-", cwd=tmp_path, stdin=zeros)
    assert done.returncode == 2, done.stderr[-500:]
    (line,) = [ln for ln in done.stderr.splitlines() if ln.startswith("auditor: error:")]
    assert "stdin: too large" in line and "--max-chars" in line


class _Endless:
    """A binary stream that never ends, counting what was read from it."""

    def __init__(self, byte: bytes) -> None:
        self.byte = byte
        self.read_bytes = 0

    def read(self, size: int = -1) -> bytes:
        assert 0 < size <= 1 << 20, "reads must be bounded chunks"
        self.read_bytes += size
        return self.byte * size


@pytest.mark.parametrize("byte", [b"a", b"\x00", b"\x80"], ids=["ascii", "nul", "continuation"])
def test_reading_stops_about_at_the_limit(byte):
    from auditor.ingest import IngestError, read_stdin

    stream = _Endless(byte)
    with pytest.raises(IngestError, match="stdin: too large"):
        read_stdin(stream, max_chars=100_000)
    # Never more than 4 bytes (the most a UTF-8 character takes) per allowed character.
    assert stream.read_bytes <= 4 * 100_001 + (1 << 16)


@pytest.mark.parametrize("command", ["audit", "check"])
def test_max_chars_refuses_a_longer_article_in_one_line(tmp_path, command):
    path = tmp_path / "long.txt"
    path.write_text(ARTICLE * 20, encoding="utf-8")
    result = invoke(command, str(path), "--max-chars", "1000")
    assert result.exit_code == 2
    (line,) = error_lines(result)
    assert "long.txt: too large (more than 1,000 characters)" in line
    fits = invoke(command, str(path), "--max-chars", str(len(ARTICLE * 20)))
    assert fits.exit_code in (0, 1) and not error_lines(fits)
    # A BOM is not a character of the article.
    path.write_bytes(b"\xef\xbb\xbf" + (ARTICLE * 20).encode())
    assert not error_lines(invoke(command, str(path), "--max-chars", str(len(ARTICLE * 20))))


# ------------------------------------------------------------- 10, 11. long and deep text

#: Over spaCy's 1,000,000-character max_length, cheaply: few words, long runs of spaces.
LONG = ("Officials said the road was closed." + " " * 2000 + "\n") * 520


def _blockquote_ladder(levels: int) -> str:
    return "\n".join(">" * k + " Officials said the road was closed." for k in range(1, levels))


def _list_ladder(levels: int) -> str:
    return "\n".join("  " * k + "- Officials said the road was closed." for k in range(levels))


@pytest.mark.slow
@pytest.mark.parametrize("command", ["audit", "check"])
def test_text_over_a_million_characters_is_audited_in_pieces(tmp_path, command):
    assert len(LONG) > 1_000_000
    path = tmp_path / "long.txt"
    path.write_text(LONG, encoding="utf-8")
    result = invoke(command, str(path), "--max-chars", "2000000", "--format", "json")
    assert result.exit_code in (0, 1), result.output[-2000:]
    assert not error_lines(result)
    data = json.loads(result.stdout)
    data = data[0] if isinstance(data, list) else data
    assert data["document"]["chars"] == len(LONG)
    # Every paragraph's attribution is found, each span slicing the text.
    assert len(data["attributions"]) == 520
    for attribution in data["attributions"]:
        span = attribution["content"]
        assert LONG[span["start"] : span["end"]] == span["text"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "name,text",
    [("quotes.md", _blockquote_ladder(1999)), ("list.md", _list_ladder(1000))],
    ids=["blockquote-1999", "list-1000"],
)
def test_deep_markdown_ladders_give_a_report_or_one_line(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    refused = invoke("audit", str(path), "-q")  # longer than the default limit
    assert refused.exit_code == 2
    (line,) = error_lines(refused)
    assert "too large" in line
    result = invoke("audit", str(path), "-q", "--format", "json", "--max-chars", "3000000")
    assert result.exit_code == 0, result.output[-2000:]
    data = json.loads(result.stdout)
    assert data["document"]["chars"] == len(text)
    assert data["attributions"], "the shallow levels are read as prose"


# ------------------------------------------------------------- 18. one bad document


@pytest.fixture
def crash_on_marker(monkeypatch):
    """Make the audit of any article containing "EXPLODE" raise, as a component bug would."""
    import auditor.audit
    import auditor.pieces

    def crashing(analysis_from_doc):
        def analyse(doc, source=None):
            if "EXPLODE" in doc.text:
                raise KeyError("speaker_name")
            return analysis_from_doc(doc, source)

        return analyse

    monkeypatch.setattr(
        auditor.audit, "analysis_from_doc", crashing(auditor.audit.analysis_from_doc)
    )
    monkeypatch.setattr(
        auditor.pieces, "analysis_from_doc", crashing(auditor.pieces.analysis_from_doc)
    )


@pytest.fixture
def three(tmp_path) -> list[str]:
    texts = {"good.txt": ARTICLE, "bad.txt": "EXPLODE. " + OTHER, "fine.txt": OTHER}
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return [str(tmp_path / name) for name in texts]


def test_a_crashing_document_does_not_take_the_others_with_it(tmp_path, three, crash_on_marker):
    result = invoke("audit", *three, "--format", "json", "-q")
    assert result.exit_code == 1
    (line,) = error_lines(result)
    assert line.startswith(f"auditor: error: {three[1]}: crash in the pipeline: KeyError")
    assert [r["document"]["path"] for r in json.loads(result.stdout)] == [three[0], three[2]]
    out = tmp_path / "rep"
    written = invoke("audit", *three, "--out", str(out), "--format", "markdown,json")
    assert written.exit_code == 1 and "wrote 4 report(s)" in written.stderr
    assert sorted(p.name for p in out.iterdir()) == ["fine.json", "fine.md", "good.json", "good.md"]
    alone = invoke("audit", three[1], "-q")
    assert alone.exit_code == 2 and len(error_lines(alone)) == 1 and not alone.stdout


def test_a_crash_in_a_long_document_is_its_own(tmp_path, three, crash_on_marker):
    long = tmp_path / "long.txt"
    long.write_text(LONG + "EXPLODE.\n", encoding="utf-8")
    result = invoke(
        "audit", three[0], str(long), "--max-chars", "2000000", "-q", "--format", "json"
    )
    assert result.exit_code == 1
    (line,) = error_lines(result)
    assert str(long) in line and "KeyError" in line
    assert json.loads(result.stdout)["document"]["path"] == three[0]


def test_an_unreadable_article_among_several_is_listed(tmp_path, three):
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02" * 40)
    result = invoke("audit", three[0], str(binary), "--format", "json", "-q")
    assert result.exit_code == 1
    (line,) = error_lines(result)
    assert str(binary) in line and "binary" in line
    assert json.loads(result.stdout)["document"]["path"] == three[0]
    both = invoke("audit", str(binary), str(binary), "-q")
    assert both.exit_code == 2 and len(error_lines(both)) == 2  # none could be audited


def test_check_goes_on_past_a_bad_document_and_fails_the_gate(tmp_path, three, crash_on_marker):
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02" * 40)
    result = invoke("check", *three, str(binary), "--fail-on", "error")
    assert result.exit_code == 2
    lines = error_lines(result)
    assert len(lines) == 2
    assert f"{three[1]}: crash in the pipeline: KeyError" in lines[0]
    assert str(binary) in lines[1]
    assert "in 2 articles" in result.stderr  # the good ones were checked
