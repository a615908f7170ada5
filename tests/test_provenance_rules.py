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


# ---------------------------------------------------------------------- well-known names


@pytest.mark.parametrize(
    ("text", "anchor", "known"),
    [
        # Against the shipped list alone: no newsroom list, the right name nowhere in the text.
        (
            "Aid was cut, said Noor Ali, who works for Oxfam and the Internatonal Rescue "
            "Committee.",
            "Internatonal Rescue Committee",
            "International Rescue Committee",
        ),
        (
            "The Pew Reserch Center polled 2,000 adults in May.",
            "Pew Reserch Center",
            "Pew Research Center",
        ),
        (
            "The report was written at the Lowi Institute in Sydney.",
            "Lowi Institute",
            "Lowy Institute",
        ),
        # One letter changed in an acronym the article also uses correctly.
        (
            "The OSCE sent monitors. An OSCF monitor said the shelling went on, and the OSCE "
            "confirmed it.",
            "OSCF",
            "OSCE",
        ),
    ],
)
def test_names_close_to_a_well_known_one_are_flagged(auditor, text, anchor, known):
    (finding,) = _rules(auditor, text)["PROV009"]
    assert text[finding.start : finding.end] == anchor
    assert f"is close to '{known}'" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "The Council on Foreign Relations and the Atlantic Council held a joint panel.",
        "The Centre for European Reform and the Center for American Progress disagreed.",
        "The ECB and the ECJ both sit in Luxembourg or Frankfurt, the IMF and IFC said.",
        "The MSF team and the WFP convoy reached the town, UNICEF said.",
        # Three-letter anagrams of shipped acronyms are not evidence alone ("PAF" / "AFP").
        "The PAF jets flew over the parade, the ISPR said.",
    ],
)
def test_real_and_unrelated_names_are_not_near_misses(auditor, text):
    assert "PROV009" not in _rules(auditor, text)


def test_the_newsrooms_list_extends_and_overrides_the_shipped_one(registry):
    from auditor.provenance.near_miss import KnownOrganizations

    shipped = KnownOrganizations.shipped()
    assert shipped.closest("Chatam House") == ("Chatham House", False)
    assert shipped.closest("IISS") is None and shipped.closest("CAN") is None
    newsroom = KnownOrganizations.shipped(["Chatam House", "CNA"])
    assert newsroom.closest("Chatam House") is None  # the newsroom says it is right
    assert newsroom.closest("CAN") == ("CNA", True)
    sha = hashlib.sha256(b"y").hexdigest()
    orgs = {"Human Right Watch": [1, 10, 27, 2], "Amnesty International": [1, 40, 61, 3]}
    registry.add_article({"sha256": sha, "doc": "y.txt"}, {"attributions": []}, {"orgs": orgs})
    (article_id,) = registry.article_ids([sha]).values()
    pack = load_rule_pack(Config(select=("PROV009",)))
    (found,) = corpus_findings(registry, pack, {article_id: "y.txt"})
    assert (found.start, found.line) == (10, 2)
    assert "'Human Rights Watch' is a well-known organization" in found.message


def test_the_shipped_list_is_hundreds_of_names_with_acronyms():
    from auditor.provenance.near_miss import default_organizations

    shipped = default_organizations()
    assert len(shipped) >= 300
    assert sum(1 for forms in shipped if len(forms) > 1) >= 150


# ---------------------------------------------------------------------- credentials


def test_a_title_before_the_name_at_the_end_is_a_credential(auditor):
    text = "The supplement does nothing for the heart, said dietitian Clara Webb."
    (finding,) = _rules(auditor, text)["PROV007"]
    assert text[finding.start : finding.end] == "Clara Webb"


def test_holders_of_public_office_are_not_unverifiable_in_a_batch(registry):
    a = _add(
        registry,
        "a.txt",
        [
            ("John Hale", "Defence Secretary"),
            ("Rita Alves", "the governor of the northern province"),
            ("Ilse Brandt", "the deputy finance minister"),
            ("Paul Dunn", "Senator"),
            ("Tom Reyes", "an adviser to the governor"),  # near an office, holds none
            ("Ada Quist", "a spokeswoman for the mayor"),
        ],
    )
    pack = load_rule_pack(Config(select=("PROV007",)))
    found = corpus_findings(registry, pack, {a: "a.txt"})
    assert sorted(f.message.split(" (")[0] for f in found) == [
        "Credential of Ada Quist",
        "Credential of Tom Reyes",
    ]
