"""Misspelt verbs of saying (auditor.nlp.misspelt_cues), asked of the function directly.
The sentence cases of clauses reported by a speaker (stranded clauses, misspelt verbs,
participles of stance) are in tests/cases/clause_reports.yaml."""

from __future__ import annotations

from auditor.nlp.misspelt_cues import misspelt_reporting_verb


def test_misspelt_form_is_near_a_reporting_verb(nlp):
    doc = nlp("The aide acknowleged the error and the chief insistd the plan was sound.")
    by_text = {t.text: misspelt_reporting_verb(t) for t in doc}
    assert by_text["acknowleged"] and by_text["insistd"]
    assert not by_text["error"] and not by_text["plan"]


def test_correct_and_short_forms_are_not_misspelt(nlp):
    doc = nlp("She said he insisted the sad clams were fine.")
    assert not any(misspelt_reporting_verb(t) for t in doc)
