"""SARIF 2.1.0 output, validated against the OASIS schema vendored in tests/fixtures/sarif."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import jsonschema
import pytest
from test_report_fixtures import all_results, article_result, empty_result, hostile_result

from auditor import __version__
from auditor.report import render, render_many, rulemeta
from auditor.report.sarif import artifact_uri

SCHEMA_PATH = Path(__file__).parent / "fixtures" / "sarif" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    # The real OASIS schema, not a stand-in.
    assert schema["id"].endswith("/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    assert len(schema["definitions"]) > 50
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(
        schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )


@pytest.fixture
def no_rule_pack(monkeypatch):
    monkeypatch.setattr(rulemeta, "rule_pack", lambda: {})


def sarif(result, **kw) -> dict:
    return json.loads(render(result, "sarif", **kw))


@pytest.mark.usefixtures("no_rule_pack")
@pytest.mark.parametrize("make", [article_result, hostile_result, empty_result])
def test_output_validates_against_the_schema(validator, make):
    validator.validate(sarif(make()))


def test_output_with_the_real_rule_pack_validates(validator):
    """Rule metadata from the project's default pack gives full rule descriptors."""
    rulemeta.rule_pack.cache_clear()
    log = json.loads(render_many(all_results(), "sarif"))
    validator.validate(log)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    pack = rulemeta.rule_pack()
    assert "ANON001" in pack, "the default rule pack did not load"
    assert {r["id"] for r in rules} >= set(pack)
    anon = next(r for r in rules if r["id"] == "ANON001")
    assert anon["name"] == pack["ANON001"].name
    assert anon["fullDescription"]["text"] == " ".join(pack["ANON001"].why.split())
    assert anon["helpUri"].startswith("https://")
    assert anon["defaultConfiguration"]["level"] == "error"
    assert "**Fix:**" in anon["help"]["markdown"]


def test_rule_metadata_from_a_pack_of_any_shape(monkeypatch, validator):
    """The pack loader is another module: a list of objects with attributes is enough."""
    rule = types.SimpleNamespace(
        id="ANON001",
        name="anonymous-no-reason",
        severity="error",
        summary="Anonymous source, no reason.",
        message="Anonymous source '{source}' with no reason.",
        why="Readers should know why a source is not named.",
        fix="Say why.",
        authority=[{"name": "AP", "url": "https://www.ap.org/x"}, {"name": "SPJ", "url": ""}],
    )
    fake = types.ModuleType("auditor.rules")
    fake.load_rule_pack = lambda: types.SimpleNamespace(rules=[rule])
    monkeypatch.setitem(sys.modules, "auditor.rules", fake)
    rulemeta.rule_pack.cache_clear()
    try:
        log = sarif(article_result())
    finally:
        rulemeta.rule_pack.cache_clear()
    validator.validate(log)
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    anon = rules["ANON001"]
    assert anon["shortDescription"] == {"text": "Anonymous source, no reason."}
    assert anon["fullDescription"] == {"text": "Readers should know why a source is not named."}
    assert anon["helpUri"] == "https://www.ap.org/x"
    assert anon["help"]["markdown"].endswith("- [AP](https://www.ap.org/x)\n\n- SPJ")
    # Rules the findings use but the pack lacks are still described, by id.
    assert set(rules) == {"ANON001", "ATTR001", "ATTR003", "VERB002"}


def test_no_rule_pack_falls_back_to_ids(monkeypatch, validator):
    monkeypatch.setitem(sys.modules, "auditor.rules", None)  # import fails
    rulemeta.rule_pack.cache_clear()
    try:
        log = sarif(article_result())
    finally:
        rulemeta.rule_pack.cache_clear()
    validator.validate(log)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["ANON001", "ATTR001", "ATTR003", "VERB002"]
    verb = rules[3]
    assert verb["shortDescription"] == {"text": "VERB002"}
    assert "helpUri" not in verb
    assert verb["defaultConfiguration"] == {"level": "note"}


@pytest.mark.usefixtures("no_rule_pack")
def test_driver_and_results():
    result = article_result()
    log = sarif(result)
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "auditor"
    assert driver["version"] == __version__
    assert run["columnKind"] == "unicodeCodePoints"
    rules = [r["id"] for r in driver["rules"]]
    levels = {r["ruleId"]: r["level"] for r in run["results"]}
    assert levels == {
        "ANON001": "error",
        "ATTR003": "warning",
        "ATTR001": "warning",
        "VERB002": "note",
    }
    for sarif_result in run["results"]:
        assert rules[sarif_result["ruleIndex"]] == sarif_result["ruleId"]
    anon = next(r for r in run["results"] if r["ruleId"] == "ANON001")
    assert anon["message"]["text"] == "Anonymous source with no reason given for anonymity."
    location = anon["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "examples/bridge.txt"
    region = location["region"]
    finding = next(f for f in result.findings if f.rule == "ANON001")
    assert region["startLine"] == 5 and region["startColumn"] == 1
    assert region["endLine"] == 5 and region["endColumn"] == 1 + len("A council official")
    off, length = region["charOffset"], region["charLength"]
    assert (off, off + length) == (finding.start, finding.end)
    assert result.text[off : off + length] == region["snippet"]["text"] == "A council official"
    assert anon["properties"]["fix"] == "Say why the source was granted anonymity."


@pytest.mark.usefixtures("no_rule_pack")
def test_many_documents_make_one_run_with_one_artifact_each(validator):
    results = all_results()
    log = json.loads(render_many(results, "sarif"))
    validator.validate(log)
    assert len(log["runs"]) == 1
    run = log["runs"][0]
    assert len(run["artifacts"]) == 3
    assert len(run["results"]) == sum(len(r.findings) for r in results)
    for sarif_result in run["results"]:
        location = sarif_result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert run["artifacts"][location["index"]]["location"]["uri"] == location["uri"]
    assert run["artifacts"][0]["hashes"] == {"sha-256": "ab" * 32}
    assert run["artifacts"][0]["properties"]["grade"] == "C"


def test_artifact_uris_are_valid_uri_references():
    assert artifact_uri("examples/bridge.txt") == "examples/bridge.txt"
    assert artifact_uri("drafts/my draft #2.md") == "drafts/my%20draft%20%232.md"
    assert artifact_uri("C:\\news\\a b.txt") == "file:///C:/news/a%20b.txt"
    assert artifact_uri("news\\a.txt") == "news/a.txt"
    assert artifact_uri("examples/hostile <a>|b`.md") == "examples/hostile%20%3Ca%3E%7Cb%60.md"


@pytest.mark.usefixtures("no_rule_pack")
def test_multiline_messages_are_one_line():
    log = sarif(hostile_result())
    texts = [r["message"]["text"] for r in log["runs"][0]["results"]]
    assert "Loaded verb: claimed, see: MOS:SAID" in texts


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("javascript:alert(1).txt", "./javascript%3Aalert(1).txt"),
        ("data:text/html,<b>x</b>.md", "./data%3Atext/html,%3Cb%3Ex%3C/b%3E.md"),
        ("\\\\server\\share\\a b.txt", "file://server/share/a%20b.txt"),
        ("news/a:b.txt", "news/a%3Ab.txt"),
        ("/srv/news/javascript:alert(1).txt", "file:///srv/news/javascript%3Aalert(1).txt"),
        ("/srv/news/50% off #1.txt", "file:///srv/news/50%25%20off%20%231.txt"),
        ("café/ünï.txt", "caf%C3%A9/%C3%BCn%C3%AF.txt"),
    ],
)
def test_artifact_uris_cannot_read_as_another_scheme(path, uri):
    from urllib.parse import unquote, urlsplit

    assert artifact_uri(path) == uri
    scheme = urlsplit(uri).scheme
    assert scheme in ("", "file")
    assert unquote(urlsplit(uri).path).endswith(path.replace("\\", "/").rsplit("/", 1)[-1])


@pytest.mark.usefixtures("no_rule_pack")
def test_a_file_named_like_a_script_uri_validates_as_a_relative_reference(validator):
    log = sarif(article_result("javascript:alert(1).txt"))
    validator.validate(log)
    run = log["runs"][0]
    assert run["artifacts"][0]["location"]["uri"] == "./javascript%3Aalert(1).txt"
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert location["uri"] == "./javascript%3Aalert(1).txt"


@pytest.mark.usefixtures("no_rule_pack")
def test_help_links_are_web_or_file_uris_only(validator):
    log = sarif(article_result(), rules_url="javascript://%0Aalert(1)")
    validator.validate(log)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert all("helpUri" not in rule for rule in rules)
    log = sarif(article_result(), rules_url="https://docs.example.org/rules.html")
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert all(rule["helpUri"].startswith("https://docs.example.org/") for rule in rules)
