"""One name spelled two ways (PROV003 and the registry): similarity of forms, never a
list of known pairs, and never for two people the article introduces separately."""

from __future__ import annotations

import pytest

from auditor.ingest import article_from_text
from auditor.names import same_name_word, spelling_key
from auditor.provenance.name_keys import near_person_name
from auditor.rules.forms import NameForm, spelled_two_ways


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Yevhenia", "Ievhenija"),  # y/i/j
        ("Oleksiy", "Olexiy"),  # ks/x
        ("Raphaela", "Rafaela"),  # ph/f
        ("Kharchenko", "Harchenko"),  # kh/h
        ("Abbasova", "Abasova"),  # doubled letters
        ("Gómez", "Gomez"),  # diacritics
        ("Wasylenko", "Vasylenko"),  # w/v
        ("Shcherbak", "Scherbak"),  # shch/sch
        ("Hartmann", "Hartman"),
        ("Brandtner", "Brantner"),  # one typo in a long name
    ],
)
def test_transliteration_families_are_one_name(a: str, b: str) -> None:
    assert same_name_word(a, b)
    assert same_name_word(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Lopez", "Lopes"),  # short names a letter apart are as often two names
        ("Baker", "Becker"),
        ("Maria", "Mario"),
        ("Petrov", "Petrova"),  # feminine form: another person unless the caller knows
        ("Hansen", "Jansen"),
        ("Russia", "Russian"),
    ],
)
def test_different_names_are_not_variants(a: str, b: str) -> None:
    assert not same_name_word(a, b)


def test_feminine_ending_only_when_asked() -> None:
    assert not same_name_word("Kowalska", "Kowalski")
    assert same_name_word("Kowalska", "Kowalski", gendered=True)
    assert spelling_key("Kowalska", gendered=True) == spelling_key("Kowalski")


def test_registry_uses_the_same_similarity() -> None:
    # First names in a transliteration family used to split one person in the registry.
    assert near_person_name("Yuriy Bondar", "Yuri Bondar")
    assert near_person_name("Stepan Kharchenko", "Stepan Harchenko")
    assert not near_person_name("Maria Lopez", "Mario Lopes")
    assert not near_person_name("Igor Petrov", "Igor Petrova")


def _form(text: str, start: int, group: str = "", description: str | None = None) -> NameForm:
    return NameForm(text, start, start + len(text), group, text, True, description)


def test_variant_is_the_rarer_spelling_even_when_it_comes_first() -> None:
    forms = [
        _form("Harchenko", 0, "s1"),
        _form("Olha Kharchenko", 40, "s2"),
        _form("Kharchenko", 90, "s2"),
    ]
    [(reference, variant)] = spelled_two_ways(forms)
    assert (reference.text, variant.text, variant.start) == ("Olha Kharchenko", "Harchenko", 0)


def test_two_introduced_people_are_not_one_name() -> None:
    # Different first names; or the same first name, each with a description of its own.
    assert not spelled_two_ways([_form("Ines Duarte", 0, "s1"), _form("Ivo Duarte", 30, "s2")])
    assert not spelled_two_ways(
        [_form("Ola Brandtner", 0, "s1", "a nurse"), _form("Ola Brantner", 40, "s2", "a judge")]
    )
    assert spelled_two_ways(
        [_form("Ola Brandtner", 0, "s1", "a nurse"), _form("Ola Brantner", 40, "s2")]
    )


def test_feminine_surname_needs_a_full_name_to_show_one_person() -> None:
    full_and_surname = [_form("Zofia Kowalska", 0, "s1"), _form("Kowalski", 40, "s2")]
    assert [v.text for _, v in spelled_two_ways(full_and_surname)] == ["Kowalski"]
    two_people = [_form("Piotr Kowalski", 0, "s1"), _form("Zofia Kowalska", 40, "s2")]
    assert not spelled_two_ways(two_people)
    two_surnames = [_form("Kowalski", 0, "s1"), _form("Kowalska", 40, "s2")]
    assert not spelled_two_ways(two_surnames)


def test_surname_of_another_full_name_refers_to_that_person() -> None:
    forms = [
        _form("Ines Duarte", 0, "s1"),
        _form("Ivo Duartte", 30, "s2"),
        _form("Duartte", 60, "s2"),
    ]
    assert not spelled_two_ways(forms)


@pytest.mark.parametrize(
    ("text", "anchor"),
    [
        (
            "Harchenko said the dam held. Hydrologist Olha Kharchenko later said the water "
            "was falling.",
            "Harchenko",
        ),
        (
            "Poroshenko said the talks failed. Poroshenkko said a new round was planned.",
            "Poroshenkko",
        ),
        (
            "Yuriy Bondar, the harbour master, said the cranes were idle. Yuri Bondar added "
            "that ships were waiting.",
            "Yuri Bondar",
        ),
        (
            "Zofia Kowalska, who chairs the board, said the vote was delayed. Kowalski blamed "
            "the auditors.",
            "Kowalski",
        ),
    ],
)
def test_finding_lands_on_the_variant(auditor, text: str, anchor: str) -> None:
    result = auditor.audit(article_from_text(text, format="text"))
    spans = [(f.start, f.end) for f in result.findings if f.rule == "PROV003"]
    at = text.index(anchor)
    assert spans == [(at, at + len(anchor))]


@pytest.mark.parametrize(
    "text",
    [
        "Ines Duarte said the clinic was shut. Ivo Duarte, a porter, said it had no staff.",
        "Piotr Kowalski, a miner, said the shaft flooded. His wife, Zofia Kowalska, said "
        "she had not slept.",
        "Poroshenko said the talks failed. Poroshenko said a new round was planned.",
    ],
)
def test_no_finding_for_one_spelling_or_two_people(auditor, text: str) -> None:
    result = auditor.audit(article_from_text(text, format="text"))
    assert not [f for f in result.findings if f.rule == "PROV003"]
