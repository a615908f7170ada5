"""One test for "one name spelled two ways" (:mod:`auditor.names`), asked by the speaker
clustering, the speaker rule and the source registry with their own parameters."""

from __future__ import annotations

import pytest

from auditor.names import same_name_word, same_person_name


@pytest.mark.parametrize(
    ("a", "b", "two_ways", "one_person"),
    [
        (["Stepan", "Kharchenko"], ["Stepan", "Harchenko"], True, True),
        (["Yuriy", "Bondar"], ["Yuri", "Bondar"], True, True),
        (["Maria", "Lopez"], ["Mario", "Lopes"], False, False),
        (["Igor", "Petrov"], ["Igor", "Petrova"], False, False),
        # a middle name more or less: one person, not a second spelling
        (["Dana", "Lee", "Marsh"], ["Dana", "Marsh"], False, True),
        (["Dana", "Lee", "Marsh"], ["Dana", "Ray", "Marsh"], False, False),
    ],
)
def test_the_rule_and_the_registry_ask_one_function(a, b, two_ways, one_person):
    assert same_person_name(a, b, feminine_forms=True) is two_ways
    assert same_person_name(a, b, alike_counts=True) is one_person


def test_feminine_forms_only_where_asked():
    assert same_person_name(["Ewa", "Nowakowska"], ["Nowakowski"], feminine_forms=True)
    assert not same_person_name(["Ewa", "Nowakowska"], ["Nowakowski"])
    assert not same_person_name(["Nowakowska"], ["Nowakowski"], feminine_forms=True)


def test_the_speaker_clustering_ratio_is_looser_and_literal():
    assert same_name_word("kovalenko", "kovalenco", ratio=0.8)
    assert not same_name_word("kov", "kow", ratio=0.8)  # too short
    assert not same_name_word("kovalenko", "hovalenko", ratio=0.8)  # first letters differ
