"""The table-driven attribute ruler gives exactly what spaCy's AttributeRuler gives."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.pipeline import AttributeRuler

from auditor.nlp.attribute_ruler import TableAttributeRuler, accelerate_attribute_ruler
from auditor.pipeline import DEFAULT_MODEL

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

# Sentences that reach the model's special patterns: contractions, "ain't", dropped-g
# words, "y'all", auxiliaries, determiners used as pronouns, whitespace tokens.
TRICKY = [
    "I ain't going, and they ain't either; y'all know nothin' about it.",
    "She doesn't want to go, but he's gonna try anyway  -  won't he?\n\nThat's that.",
    "Which of these is yours? That one, not this. Those who can, do.",
    "We'd've gone if you'd asked; y' all were late.   Nothin' changed.",
    "The mayor said on Monday that the bridge, which was built in 1932, is closed.",
]


@pytest.fixture(scope="module")
def plain():
    """The bare model with spaCy's own ruler."""
    return spacy.load(_model_name())


@pytest.fixture(scope="module")
def table():
    """The bare model with the table-driven ruler swapped in."""
    nlp = spacy.load(_model_name())
    assert accelerate_attribute_ruler(nlp)
    return nlp


def _model_name() -> str:
    from auditor.pipeline import _resolve_model_name

    return _resolve_model_name(DEFAULT_MODEL)


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.*"))]
    assert texts, "the examples are part of the repository"
    return texts + TRICKY


def _annotations(doc) -> list[tuple]:
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_) for t in doc
    ]


def test_the_auditor_pipeline_uses_the_table(nlp):
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, TableAttributeRuler)
    assert ruler.uses_table, "every pattern of the default model is one the table reads"
    # Same place in the pipeline, same name.
    names = nlp.pipe_names
    assert names.index("attribute_ruler") == names.index("parser") + 1


def test_same_matches_as_spacy(plain, table):
    spacy_ruler = plain.get_pipe("attribute_ruler")
    table_ruler = table.get_pipe("attribute_ruler")
    assert type(spacy_ruler) is AttributeRuler
    before = ["attribute_ruler", "lemmatizer", "ner"]
    with plain.select_pipes(disable=before), table.select_pipes(disable=before):
        for text in _texts():
            expected = spacy_ruler.match(plain(text))
            found = table_ruler.match(table(text))
            assert found == expected, text[:60]
            assert found, "the rules fire on ordinary text"


def test_same_annotations_as_spacy(plain, table):
    for a, b in zip(plain.pipe(_texts()), table.pipe(_texts()), strict=True):
        assert _annotations(a) == _annotations(b)


def test_the_special_patterns_fire(table):
    doc = table("I ain't going; y'all know nothin' about it.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["ai"] == "be" and lemmas["n't"] == "not"
    assert lemmas["nothin'"] == "nothing"


def test_patterns_added_later_take_effect(table):
    ruler = table.get_pipe("attribute_ruler")
    with table.select_pipes(enable=["tok2vec", "tagger", "parser", "attribute_ruler"]):
        assert table("Zorblat said so.")[0].lemma_ != "zorb"
        ruler.add([[{"LOWER": "zorblat"}]], {"LEMMA": "zorb"})
        try:
            assert table("Zorblat said so.")[0].lemma_ == "zorb"
        finally:
            patterns = ruler.patterns[:-1]
            ruler.clear()
            ruler.add_patterns(patterns)
    assert ruler.uses_table


def test_unreadable_patterns_fall_back_to_the_matcher():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("auditor_attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}, {"LOWER": "good"}]], {"LEMMA": "great"}, index=-1)
    assert not ruler.uses_table
    doc = nlp("very very good")
    assert doc[2].lemma_ == "great"
    assert ruler.match(doc) == AttributeRuler.match(ruler, doc)


def test_regex_not_in_and_in_tests():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("auditor_attribute_ruler")
    ruler.add([[{"LOWER": {"REGEX": "^col(o|ou)r$"}}]], {"LEMMA": "colour"})
    ruler.add(
        [[{"LOWER": {"IN": ["grey", "gray"]}}, {"LOWER": {"NOT_IN": ["area"]}}]], {"LEMMA": "grey"}
    )
    assert ruler.uses_table
    doc = nlp("color colour gray cat grey area")
    assert [t.lemma_ for t in doc] == ["colour", "colour", "grey", "", "", ""]
    assert ruler.match(doc) == AttributeRuler.match(ruler, doc)


def test_an_index_outside_the_match_is_spacy_s_error():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("auditor_attribute_ruler")
    ruler.add([[{"LOWER": "a"}]], {"LEMMA": "x"}, index=3)
    with pytest.raises(ValueError, match="E1001"):
        nlp("a b")


def test_saved_and_loaded(tmp_path, table):
    table.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    assert isinstance(loaded.get_pipe("attribute_ruler"), TableAttributeRuler)
    text = TRICKY[0]
    assert _annotations(loaded(text)) == _annotations(table(text))


def test_regex_results_are_remembered_within_a_bound(monkeypatch):
    from auditor.nlp import attribute_ruler

    monkeypatch.setattr(attribute_ruler._Regex, "LIMIT", 5)
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("auditor_attribute_ruler")
    ruler.add([[{"LOWER": {"REGEX": "^x"}}]], {"LEMMA": "ex"})
    doc = nlp(" ".join(f"x{n} y{n}" for n in range(20)))
    assert [t.lemma_ for t in doc][:4] == ["ex", "", "ex", ""]
    (test,) = [t for p in ruler._table.everywhere for t in p.tokens[0]]
    assert len(test[1].seen) <= 5
