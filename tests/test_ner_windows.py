"""auditor_ner_windows: entities found around the words that can hold one, as the full
recognizer finds them."""

from __future__ import annotations

import pytest

from auditor.nlp.ner_windows import NerWindows, is_trigger, kept_indices, piece_doc
from auditor.pipeline import load_pipeline

TEXT = (
    "The committee met for a long and tiring session that went on and on until late last "
    "week, when Mayor Ana Ruiz of Springfield told the Senate that 40 jobs were at stake."
)
#: Lower-case calendar words and number words, a title and a name, a sum.
LOWER_CASE_DATES = (
    "the ministry said on tuesday that about three hundred people, most of them from the "
    "north, had left since the spring floods, and Dr. Ines Varga put the cost at 2.5 "
    "million euros."
)


@pytest.fixture(scope="module")
def pipelines():
    return load_pipeline(full_parse=True), load_pipeline(full_parse=False)


def test_windows_replace_the_full_run(pipelines):
    full, windows = pipelines
    assert "ner" in full.pipe_names and "auditor_ner_windows" not in full.pipe_names
    assert "auditor_ner_windows" in windows.pipe_names and "ner" not in windows.pipe_names


def test_entities_match_the_full_run(pipelines):
    full, windows = pipelines
    expected = [(e.start_char, e.end_char, e.label_) for e in full(TEXT).ents]
    found = [(e.start_char, e.end_char, e.label_) for e in windows(TEXT).ents]
    assert found == expected
    assert ("Springfield", "GPE") in [(e.text, e.label_) for e in windows(TEXT).ents]


def test_dates_and_figures_in_lower_case_match_the_full_run(pipelines):
    full, windows = pipelines
    expected = [(e.start_char, e.end_char, e.label_) for e in full(LOWER_CASE_DATES).ents]
    found = windows(LOWER_CASE_DATES).ents
    assert [(e.start_char, e.end_char, e.label_) for e in found] == expected
    labels = {e.text: e.label_ for e in found}
    assert labels["tuesday"] == "DATE" and labels["Ines Varga"] == "PERSON"
    assert labels["about three hundred"] == labels["2.5 million"] == "CARDINAL"


@pytest.mark.parametrize("text", [TEXT, LOWER_CASE_DATES])
def test_no_entity_outside_the_windows(pipelines, text):
    _, windows = pipelines
    doc = windows(text)
    kept = set(kept_indices(doc, windows.get_pipe("auditor_ner_windows").context))
    assert doc.ents and all(i in kept for e in doc.ents for i in range(e.start, e.end))


def test_context_is_the_components_config(pipelines):
    full, windows = pipelines
    assert windows.get_pipe("auditor_ner_windows").context == 4  # the default
    narrow, wide = NerWindows(windows, "narrow", 0, 8), NerWindows(windows, "wide", 4, 8)
    for component in (narrow, wide):
        component(full(TEXT))
    assert narrow.kept_tokens < wide.kept_tokens < wide.all_tokens


def test_lowercase_words_far_from_names_are_left_out(pipelines):
    full, _ = pipelines
    doc = full(TEXT)
    kept = kept_indices(doc, 2)
    assert not is_trigger(doc[4])  # "long"
    assert 4 not in kept and 5 not in kept  # "long and": no name, number or date near
    assert all(i in kept for i in range(len(doc)) if doc[i].text in {"Ruiz", "40", "week"})


def test_piece_doc_marks_gaps(pipelines):
    full, _ = pipelines
    doc = full("Ana Ruiz spoke . then nothing at all happened here for a while . Lee left .")
    piece, where = piece_doc(doc, [0, 1, 2, 14, 15])
    assert [t.text for t in piece] == ["Ana", "Ruiz", "spoke", "\n", "Lee", "left"]
    assert where == [0, 1, 2, -1, 14, 15]
