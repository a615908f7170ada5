"""Classes of rule failure found by the rule scenarios (bench/rule_scenarios/), each fixed
by grammar or meaning: outlets named by their descriptor, words inside another source's
description, a source's own perception as its basis, the anonymous share, loaded verbs
after auxiliaries and in participle clauses, experts tied to an unnamed body, a surname's
own description, a surname the parser calls an organization, a paragraph break inside a
name, and three-letter anagrams of a well-known acronym of the same kind."""

from __future__ import annotations

import pytest

from auditor.ingest import article_from_text
from auditor.provenance.near_miss import KnownOrganizations, same_kind_anagram
from auditor.rules.verbs import _verb_in_cue, verb_forms
from auditor.sourcing.secondhand import described_outlet, secondhand_match


def _findings(auditor, text: str, rule: str) -> list[str]:
    result = auditor.audit(article_from_text(text, format="text"))
    return [text[f.start : f.end] for f in result.findings if f.rule == rule]


@pytest.mark.parametrize(
    ("source", "outlet"),
    [
        ("the wire service Nordline", "Nordline"),
        ("The Telegram channel Steppe Notes, which backs the army,", "Steppe Notes"),
        ("Kurier Wschodni, a Polish daily,", "Kurier Wschodni"),
        ("the state news agency Anadolu Hat", "Anadolu Hat"),
    ],
)
def test_an_outlet_is_known_by_its_descriptor(source: str, outlet: str) -> None:
    assert described_outlet(source) == outlet


def test_a_descriptor_without_a_name_or_a_person_is_no_outlet() -> None:
    assert described_outlet("the wire service") is None
    assert described_outlet("Marta Ilic, a reporter,") is None
    assert secondhand_match("The mayor told the news agency Rivertown Press that") == (
        "Rivertown Press"
    )
    assert secondhand_match("The mayor told the council that roads were shut") is None


def test_secondhand_lands_on_the_outlet_not_the_speaker(auditor) -> None:
    text = (
        "In an interview with the weekly Nordic Ledger, the defence minister said the base "
        "would close."
    )
    assert _findings(auditor, text, "PROV001") == ["Nordic Ledger"]


def test_words_inside_a_sources_reason_are_not_a_source(auditor) -> None:
    text = (
        "A customs officer at the port, who asked not to be named because inspectors were "
        "warned they would be suspended for talking, said she had weighed the crates herself."
    )
    for rule in ("ANON003", "ANON004"):
        assert "inspectors" not in _findings(auditor, text, rule)
    assert not _findings(auditor, text, "ANON004")  # she weighed them: a basis


def test_the_anonymous_share_leaves_out_restating_relatives(auditor) -> None:
    text = (
        "Coach Ria Moss said the team was fit. The club doctor, Ben Aziz, said two players "
        "were injured. A physiotherapist who treats the squad said the pitch was hard."
    )
    assert not _findings(auditor, text, "DOC001")


@pytest.mark.parametrize(
    ("cue", "verb"),
    [("has admitted", "admitted"), ("had since conceded", "conceded"), ("insists", "insists")],
)
def test_the_loaded_verb_is_found_after_auxiliaries(cue: str, verb: str) -> None:
    forms = {}
    for lemma in ("admit", "concede", "insist"):
        forms.update(verb_forms(lemma))
    offset, words = _verb_in_cue(cue, forms)
    assert words == verb and cue[offset:].startswith(verb)


def test_loaded_verbs_in_participle_and_that_clauses(auditor) -> None:
    opening = "Admitting that the count was slow, the returning officer, Lea Kim, apologized."
    assert _findings(auditor, opening, "VERB001") == ["Admitting"]
    scan = "The audit revealed that two invoices were paid twice, the treasurer, Bo Lind, said."
    assert not _findings(auditor, scan, "VERB001")
    demonstrative = "The keeper conceded that goal late on, his coach, Eli Park, said."
    assert not _findings(auditor, demonstrative, "VERB001")


def test_an_expert_at_an_unnamed_body_cannot_be_checked(auditor) -> None:
    unnamed = "Noor Haidari, a demographer at a Dutch research centre, said births had fallen."
    named = "Noor Haidari, a demographer at Leiden University, said births had fallen."
    assert _findings(auditor, unnamed, "PROV007") == ["Noor Haidari"]
    assert not _findings(auditor, named, "PROV007")


def test_a_bare_surname_brings_its_own_description(auditor) -> None:
    text = (
        "Karl Dorn, a prosecutor in the fraud case, said the bank had hidden losses. "
        "Dorn, an attorney for the bank, said it had hidden nothing."
    )
    assert _findings(auditor, text, "PROV008") == ["Karl Dorn"]


def test_a_surname_the_parser_calls_an_organization_is_the_person(auditor) -> None:
    text = "Abernathy told the board the vote was rigged. Auditor Ruth Abernathy later resigned."
    assert _findings(auditor, text, "PROV004") == ["Abernathy"]


def test_a_paragraph_break_inside_a_name(auditor) -> None:
    broken = "The appeal was lodged by Senator Paula\n\nIbarra late on Friday."
    assert _findings(auditor, broken, "QUOT003") == ["\n"]
    headline = "Storm closes ports near Gdansk\n\nHarbour officials said ferries were cancelled."
    assert not _findings(auditor, headline, "QUOT003")


def test_three_letter_anagram_needs_the_same_kind_of_body() -> None:
    known = KnownOrganizations.shipped()
    think_tank = "Ada Ruiz, a fellow at the CPA think tank, said so."
    firm = "The CPA accounting firm said so."
    at = think_tank.index("CPA")
    assert same_kind_anagram("CPA", [1, at, at + 3], think_tank, known) == "CAP"
    at = firm.index("CPA")
    assert same_kind_anagram("CPA", [1, at, at + 3], firm, known) is None
