"""Name comparison across articles: keys, near spellings, acronyms, roles, LSH keys."""

from __future__ import annotations

import pytest

from auditor.provenance import name_keys as names
from auditor.provenance.minhash_keys import quote_keys, signature, unit_keys
from auditor.provenance.units import match_units, speaker_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The New York Times", "New York Times’s"),
        ("Dr. Petra Lind", "petra lind"),
        ("Donetsk People’s Republic", "Donetsk People's Republic"),
        ("Zoë Ferrand", "Zoe Ferrand"),
    ],
)
def test_name_keys_ignore_case_accents_articles_and_possessives(a, b):
    assert names.name_key(a) == names.name_key(b)


def test_name_keys_keep_spelling_variants_apart():
    assert names.name_key("Zelenskyy") != names.name_key("Zelenskyi")


@pytest.mark.parametrize(
    ("a", "b", "near"),
    [
        ("Dravsk", "Dravinsk", True),  # letters inserted, same ending
        ("Seversk", "Severodonnetsk", True),
        ("Bakhmut", "Bachmut", True),  # one letter changed
        ("Sloviansk", "Slovyansk", True),
        ("Russia", "Russian", False),  # an inflection, not a spelling
        ("Sevsk", "Sevastopol", False),
        ("Austria", "Australia", False),
        ("Kramatorsk", "Kostiantynivka", False),
        ("Lviv", "Lviv", False),
    ],
)
def test_near_spelling(a, b, near):
    assert names.near_spelling(a, b) is near
    assert names.near_spelling(b, a) is near


@pytest.mark.parametrize(
    ("a", "b", "near"),
    [
        ("Volodymyr Zelensky", "Volodymyr Zelenskyy", True),
        ("V. Zelenskyy", "Volodymyr Zelenskyy", True),
        ("Ivan Petrov", "Ivan Petrova", False),  # usually two people
        ("Ivan Petrov", "Oleg Petrov", False),
        ("Ivan Petrov", "Ivan Sidorov", False),
    ],
)
def test_near_person_name(a, b, near):
    assert names.near_person_name(a, b) is near


def test_transposed_acronyms_are_near_misses_and_other_acronyms_are_not():
    assert names.near_organization("CAN", "CNA")
    assert not names.near_organization("CIA", "CNA")  # a different body, not a typo
    assert not names.near_organization("CNA", "CNA")
    assert names.near_organization(
        "Institute for the Study of Wars", "Institute for the Study of War"
    )
    assert not names.near_organization("Kyiv Institute", "Lviv Institute")


def test_outlet_names_drop_the_document_they_spoke_through():
    assert names.outlet_name("a recent report by The New York Times") == "New York Times"
    assert names.outlet_name("a Reuters report") == "Reuters"
    assert names.outlet_name("Institute for the Study of War") == "Institute for the Study of War"
    assert names.outlet_name("a report") == "a report"


@pytest.mark.parametrize(
    ("a", "b", "why"),
    [
        ("a spokesman for the regional council", "the commander of the city garrison", "role"),
        ("the regional governor", "the mayor of Dravinsk", "role"),
        (
            "a spokesman for the Interior Ministry",
            "a spokesman for the Defense Ministry",
            "organization",
        ),
        ("the head of the Donetsk People's Republic", "the DPR leader", None),
        ("US Secretary of Defense", "the Pentagon chief", None),
        ("a senior official", "the deputy minister", None),  # "official" fits any role
        ("Ukraine's General Staff", "the Ukrainian military command", None),
    ],
)
def test_descriptions_conflict(a, b, why):
    assert names.descriptions_conflict(a, b) == why


def test_stems_meet_across_word_forms_and_skip_function_words():
    assert names.stems("evacuating the town") & names.stems("the evacuation of a town") == {
        "evacua",
        "town",
    }
    assert not names.stems("they said that it would")


def test_speaker_keys_match_people_by_surname_and_unnamed_sources_by_head_noun():
    assert speaker_key("Mira Solberg", "named_person") == speaker_key("Solberg", "named_person")
    assert speaker_key("a Reuters report", "media") == speaker_key("Reuters", "media")
    assert speaker_key("Analysts", "vague") == speaker_key("Military analysts", "vague")
    assert speaker_key(None, "unknown", "") is None


def test_units_match_on_speaker_and_shared_stems():
    a = {"who": "p:solberg", "stems": ["evacua", "lower", "noon", "town", "comple"]}
    b = {"who": "p:solberg", "stems": ["evacua", "lower", "midday", "town"]}
    assert match_units(a, b)
    assert not match_units(a, {**b, "who": "p:weber"})
    assert not match_units(a, {**b, "stems": ["evacua", "lower", "bridge", "river"]})


def test_sketch_keys_are_stable_and_similar_sets_collide():
    stems = ["breach", "caused", "crest", "hours", "water", "flowin"]
    assert unit_keys("~engineer", stems) == unit_keys("~engineer", list(reversed(stems)))
    assert set(unit_keys("~engineer", stems)) & set(unit_keys("~engineer", stems[:-1] + ["runnin"]))
    # The speaker is part of every key: another speaker's identical words never collide.
    assert not set(unit_keys("~engineer", stems)) & set(unit_keys("p:solberg", stems))
    assert signature([], 4) == []


def test_a_quote_cut_short_shares_its_first_words_key():
    long = quote_keys("solberg", "We will rebuild every house before the first snow.")
    short = quote_keys("solberg", "We will rebuild every house")
    assert set(long) & set(short)
    assert quote_keys("solberg", "Yes, indeed") == []  # too short to compare
