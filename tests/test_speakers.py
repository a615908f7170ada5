"""The auditor_speakers component: one speaker per person or organization."""

from __future__ import annotations

import pytest
from parses import parsed

from auditor.analysis import analysis_from_doc


def speakers_of(nlp, text):
    analysis = analysis_from_doc(nlp(text))
    return analysis, [a.speaker.name if a.speaker else None for a in analysis.attributions]


def test_surname_and_pronoun_resolve_to_full_name(nlp):
    _, names = speakers_of(
        nlp,
        "Denis Marchetti, the head of the Northern Workers' Union, spoke on Monday. "
        "Marchetti said the strike would go ahead. He added that talks had failed.",
    )
    assert names == ["Denis Marchetti", "Denis Marchetti"]


def test_name_spelled_two_ways_is_one_speaker_with_two_variants(nlp):
    analysis, names = speakers_of(
        nlp,
        "Health commissioner Rebecca Haldane said the figures were wrong. "
        "Later, Haldene said that the clinics would hire more nurses.",
    )
    assert names == ["Rebecca Haldane", "Rebecca Haldane"]
    cluster = next(c for c in analysis.speakers if c.name == "Rebecca Haldane")
    assert sorted(cluster.variants) == ["Haldene", "Rebecca Haldane"]


def test_role_descriptor_resolves_to_described_person(nlp):
    _, names = speakers_of(
        nlp,
        "Denis Marchetti, the head of the Northern Workers Union, arrived late. "
        "The NWU leader said that the strike would continue.",
    )
    assert names == ["Denis Marchetti"]


def test_acronym_resolves_to_organization(nlp):
    analysis, names = speakers_of(
        nlp,
        "The Institute for Coastal Research (ICR) published its survey on Friday. "
        "The ICR said that sea levels in the bay had risen.",
    )
    assert names == ["Institute for Coastal Research"]


def test_title_is_description_not_name(nlp):
    analysis, names = speakers_of(
        nlp, "US Secretary of Transport Lloyd Benton said on Monday that the bridge was safe."
    )
    assert names == ["Lloyd Benton"]
    assert analysis.attributions[0].speaker.description == "US Secretary of Transport"
    assert analysis.attributions[0].source_type == "named_person"


def test_relative_pronoun_speaks_for_its_antecedent(nlp):
    _, names = speakers_of(
        nlp, "The mayor met her advisers, who said that the plan was too expensive."
    )
    assert names == ["her advisers"]


def test_they_continues_the_previous_group(nlp):
    _, names = speakers_of(
        nlp,
        "Local officials and engineers have said the dam is sound. "
        "They say the cracks are cosmetic.",
    )
    assert names == ["Local officials and engineers", "Local officials and engineers"]


def test_clusters_record_first_full_mention(nlp):
    text = "Ana Ruiz ordered the closure. Ruiz said that nobody was hurt."
    analysis, _ = speakers_of(nlp, text)
    cluster = next(c for c in analysis.speakers if c.name == "Ana Ruiz")
    assert cluster.introduced == 0
    assert all(text[m.start : m.end] == m.text for m in cluster.mentions)


def test_headline_speaker_stays_inside_its_source(nlp):
    _, names = speakers_of(
        nlp, "Ferry Board Warns Of Summer Delays\n\nThe ferry board warned of delays."
    )
    assert set(names) == {"Ferry Board"}


def test_speaker_of_a_stance_verb(nlp):
    _, names = speakers_of(
        nlp, "Maria Lopez chairs the port council. Lopez accused the contractor of fraud."
    )
    assert names == ["Maria Lopez"]


def test_a_surname_the_tagger_read_as_a_common_noun_joins_its_person(nlp):
    from auditor.nlp.speaker_clusters import SPELLING_SIMILARITY, ClusterBook

    # A hand-written parse: "Ruiz" in the second sentence tagged as a common noun.
    doc = parsed(nlp, [
        ("Ana", "NNP", "PROPN", "compound", 1, "Ana"),
        ("Ruiz", "NNP", "PROPN", "nsubj", 2, "Ruiz"),
        ("left", "VBD", "VERB", "ROOT", 2, "leave"),
        (".", ".", "PUNCT", "punct", 2, "."),
        ("Ruiz", "NN", "NOUN", "nsubj", 5, "ruiz"),
        ("shook", "VBD", "VERB", "ROOT", 5, "shake"),
        ("her", "PRP$", "PRON", "poss", 7, "her"),
        ("head", "NN", "NOUN", "dobj", 5, "head"),
        (".", ".", "PUNCT", "punct", 5, "."),
    ], ents=["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O", "O"])  # fmt: skip
    book = ClusterBook(SPELLING_SIMILARITY)
    person = book.add_name(doc[1])
    assert person is not None and person.name == "Ana Ruiz"
    assert book.resolve(doc[4]) is person
    # Not for an ordinary common noun.
    assert book.resolve(doc[7]) is None


# Issue 11, item 18: a source "they and <others>" is a group and a "they" at once; the
# group must not be its own antecedent (it had no speaker yet: KeyError 'speaker_name').
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Voters deserve a council that publishes its data, not a council that has to "
            "“wrestle with figures” to make them match the plans they and the developers that "
            "fund their campaigns wanted to see.",
            "they and the developers that fund their campaigns",
        ),
        (
            "Residents want a board that listens, not a board that has to “find the money” to "
            "build the roads they and the builders who back them said they needed.",
            "they and the builders who back them",
        ),
        (
            "It was the plan they and the lobbyists who paid for their ads claimed would work.",
            "they and the lobbyists who paid for their ads",
        ),
        ("They and the unions said the deal was fair.", "They and the unions"),
    ],
)
def test_they_and_others_is_a_group_not_its_own_antecedent(nlp, text, speaker):
    _, names = speakers_of(nlp, text)
    assert names == [speaker]


def test_every_attribution_record_has_the_resolved_fields():
    from auditor.nlp.raw import RESOLVED_FIELDS, RawAttribution

    record = RawAttribution("indirect", (4, 9), source=(0, 3)).to_dict()
    assert {k: record[k] for k in RESOLVED_FIELDS} == RESOLVED_FIELDS
    assert record["content"] == [4, 9] and record["source"] == [0, 3]
