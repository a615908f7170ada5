"""Constructions of attribution beyond "X said Y": what the pipeline finds in each sentence
(counts and shares of speakers, relative pronouns, nested according-to, prepositional cues,
documents and polls as sources, quoted labels under verbs of naming and judging) is a table
of cases in tests/cases/*.yaml, run by tests/test_cases.py. Here: the lemma helper."""

from __future__ import annotations

from auditor.nlp.cues import verb_lemma


def test_forms_of_verbs_in_e_get_their_lemma(nlp):
    doc = nlp("She hopes the bridge opens, he is hoping for rain, and they hoped for more.")
    lemmas = {t.text: verb_lemma(t) for t in doc}
    assert lemmas["hopes"] == lemmas["hoping"] == lemmas["hoped"] == "hope"
    doc = nlp("The rabbit hops and hopped across the lawn.")
    assert {verb_lemma(t) for t in doc if t.lower_.startswith("hop")} == {"hop"}
