"""The registry rules PROV007-PROV009: in one article (``auditor audit``) and across a
registry (after a batch), with the configuration's selection and severities."""

from __future__ import annotations

import hashlib

import pytest

from auditor.config import Config
from auditor.ingest import article_from_text
from auditor.provenance.batch import corpus_findings
from auditor.provenance.registry import KnownSource, Registry
from auditor.rules import load_rule_pack


def _rules(auditor, text: str) -> dict[str, list]:
    found: dict[str, list] = {}
    for finding in auditor.audit(article_from_text(text)).findings:
        found.setdefault(finding.rule, []).append(finding)
    return found


def test_an_official_without_an_institution_is_not_an_unverifiable_expert(auditor):
    text = '"The bridge opens on Monday," said Mayor Ana Ruiz.'
    assert "PROV007" not in _rules(auditor, text)


def test_an_expert_without_an_institution_is_flagged_where_named(auditor):
    text = "Water levels will keep rising, said Tomas Vik, a hydrologist.\n\nThe dam held."
    (finding,) = _rules(auditor, text)["PROV007"]
    assert text[finding.start : finding.end] == "Tomas Vik"
    assert finding.message == (
        "Credential of Tomas Vik ('a hydrologist') cannot be verified: the article names no "
        "institution to check it with."
    )
    assert finding.severity == "suggestion"


def test_conflicting_roles_in_one_article_name_both_descriptions(auditor):
    text = (
        "Oleh Marchenko, a spokesman for the Interior Ministry, said the road was open. "
        "Later Oleh Marchenko, a spokesman for the Defense Ministry, said it was closed."
    )
    (finding,) = _rules(auditor, text)["PROV008"]
    assert finding.message == (
        "Oleh Marchenko is described as 'a spokesman for the Interior Ministry' and as "
        "'a spokesman for the Defense Ministry'."
    )


def test_the_rarer_of_two_near_organization_names_is_the_one_flagged(auditor):
    text = (
        "Analysts at the ISW said the front was quiet. The ISW expects no change, and the "
        "SIW map shows the same."
    )
    (finding,) = _rules(auditor, text)["PROV009"]
    assert text[finding.start : finding.end] == "SIW"
    assert "'SIW' is close to 'ISW'" in finding.message


# ---------------------------------------------------------------------- corpus mode


def _add(registry, doc, people):
    sha = hashlib.sha256(doc.encode()).hexdigest()
    speakers = [
        {
            "name": name,
            "kind": "person",
            "type": "named_person",
            "variants": [name],
            "descriptions": [description],
            "attributions": 1,
            "at": [5, 5 + len(name), 2],
        }
        for name, description in people
    ]
    registry.add_article({"sha256": sha, "doc": doc}, {"attributions": []}, {"speakers": speakers})
    return registry.article_ids([sha])[sha]


@pytest.fixture
def registry(tmp_path):
    with Registry(tmp_path / "r.sqlite") as opened:
        yield opened


def test_experts_and_officials_quoted_once_and_unknown_are_listed(registry):
    a = _add(
        registry,
        "a.txt",
        [
            ("Petra Lind", "an economist at the Baltic Policy Institute"),
            ("Jonas Weber", "the harbor master"),  # no credential role
            ("Mira Solberg", "the regional governor"),
        ],
    )
    b = _add(registry, "b.txt", [("Mira Solberg", "the regional governor")])
    pack = load_rule_pack(Config())
    found = corpus_findings(registry, pack, {a: "a.txt", b: "b.txt"})
    assert [(f.rule, f.doc, f.line) for f in found] == [("PROV007", "a.txt", 2)]
    assert found[0].message == (
        "Credential of Petra Lind ('an economist at the Baltic Policy Institute') cannot be "
        "verified: neither Petra Lind nor Baltic Policy Institute is on the known-sources "
        "list, and no other article quotes them."
    )
    registry.import_known([KnownSource("Baltic Policy Institute", kind="organization")])
    (again,) = corpus_findings(registry, pack, {a: "a.txt"})
    assert "(though Baltic Policy Institute is)" in again.message
    registry.verify("Petra Lind", by="desk")
    assert corpus_findings(registry, pack, {a: "a.txt"}) == []


def test_descriptions_across_articles_are_compared(registry):
    a = _add(registry, "a.txt", [("Mira Solberg", "the regional governor")])
    b = _add(registry, "b.txt", [("Mira Solberg", "the mayor of Dravinsk")])
    c = _add(registry, "c.txt", [("Mira Solberg", "the governor of the region")])
    pack = load_rule_pack(Config(select=("PROV008",)))
    found = corpus_findings(registry, pack, {a: "a.txt", b: "b.txt", c: "c.txt"})
    said = "Mira Solberg is described as"
    assert [(f.doc, f.message) for f in found] == [
        ("a.txt", f"{said} 'the regional governor' and as 'the mayor of Dravinsk' in b.txt."),
        ("b.txt", f"{said} 'the mayor of Dravinsk' and as 'the regional governor' in a.txt."),
        ("c.txt", f"{said} 'the governor of the region' and as 'the mayor of Dravinsk' in b.txt."),
    ]


def test_the_configuration_selects_rules_and_sets_their_severity(registry):
    a = _add(registry, "a.txt", [("Petra Lind", "an economist at the Baltic Policy Institute")])
    ignored = load_rule_pack(Config(ignore=("PROV007",)))
    assert corpus_findings(registry, ignored, {a: "a.txt"}) == []
    stricter = load_rule_pack(Config(severity={"PROV": "error"}))
    assert [f.severity for f in corpus_findings(registry, stricter, {a: "a.txt"})] == ["error"]


def test_near_misses_are_measured_against_the_known_list_only(registry):
    registry.import_known(
        [
            KnownSource("CNA", kind="organization"),
            KnownSource("Institute for the Study of War", ["ISW"], kind="organization"),
        ]
    )
    sha = hashlib.sha256(b"x").hexdigest()
    orgs = {
        "CAN": [1, 40, 43, 3],
        "SIW": [1, 60, 63, 4],
        "CIA": [2, 80, 83, 5],
        "ISW": [1, 1, 4, 1],
    }
    registry.add_article({"sha256": sha, "doc": "x.txt"}, {"attributions": []}, {"orgs": orgs})
    (article_id,) = registry.article_ids([sha]).values()
    pack = load_rule_pack(Config(select=("PROV009",)))
    found = corpus_findings(registry, pack, {article_id: "x.txt"})
    assert [(f.start, f.line, f.message.split(" but")[0]) for f in found] == [
        (40, 3, "'CAN' is close to 'CNA'"),
        (60, 4, "'SIW' is close to 'ISW'"),
    ]
