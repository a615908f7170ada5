"""Clauses reported by a speaker that the cue lexicons miss by structure or form: a
clause the parser hung on a higher verb (auditor.nlp.repairs.stranded_clauses), a misspelt verb
of saying (auditor.nlp.misspelt_cues) and a participle of stance read as a verb
(auditor.nlp.clause_reports). Each with near-misses that must not fire."""

from __future__ import annotations

import pytest
from attribution_spans import spans

from auditor.nlp.misspelt_cues import misspelt_reporting_verb


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        # a clause without "that" hung on the main verb
        (
            "Marta Quill told the committee, after she admitted under pressure she had never"
            " read the audit.",
            "admitted",
            "she",
            "she had never read the audit",
        ),
        (
            "While he acknowledged money was a big reason he quit, Pell also noted several"
            " slights left him bitter.",
            "acknowledged",
            "he",
            "money was a big reason he quit",
        ),
        (
            "\u201cIt is over,\u201d she said of the race, in which she was sure Odell would"
            " carry the county easily.",
            "was sure",
            "she",
            "Odell would carry the county easily",
        ),
        # a misspelt verb of saying
        (
            "The spokeswoman for the union streesed that the strike would go ahead.",
            "streesed",
            "The spokeswoman for the union",
            "the strike would go ahead",
        ),
        ("The team insistd the vote was fair.", "insistd", "The team", "the vote was fair"),
        # a participle of stance read as a verb
        (
            "Voters in the district came away convinced that the mayor had lied.",
            "convinced",
            "Voters in the district",
            "the mayor had lied",
        ),
    ],
)
def test_clause_is_reported(analyze, text, cue, source, content):
    assert (cue, source, content) in spans(analyze(text))


@pytest.mark.parametrize(
    "text",
    [
        "The bridge insistd the river was high.",  # a thing does not insist
        "The crowd cheered after the band played, and the mayor left early.",
        "Odell was sure of the route.",  # no clause
    ],
)
def test_no_clause_report(analyze, text):
    assert not [s for s in spans(analyze(text)) if s[0] in {"insistd", "played", "was sure"}]


def test_misspelt_form_is_near_a_reporting_verb(nlp):
    doc = nlp("The aide acknowleged the error and the chief insistd the plan was sound.")
    by_text = {t.text: misspelt_reporting_verb(t) for t in doc}
    assert by_text["acknowleged"] and by_text["insistd"]
    assert not by_text["error"] and not by_text["plan"]


def test_correct_and_short_forms_are_not_misspelt(nlp):
    doc = nlp("She said he insisted the sad clams were fine.")
    assert not any(misspelt_reporting_verb(t) for t in doc)


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        # verbs of finding out and remembering report only a clause
        (
            "Auditors have discovered that payments to the fund were made by shell firms.",
            "have discovered",
            "Auditors",
            "payments to the fund were made by shell firms",
        ),
        (
            "Senator Ivo Brandt remembered that the vote had been close.",
            "remembered",
            "Senator Ivo Brandt",
            "the vote had been close",
        ),
    ],
)
def test_knowing_verb_reports_its_clause(analyze, text, cue, source, content):
    assert (cue, source, content) in spans(analyze(text))


@pytest.mark.parametrize(
    "text",
    [
        "Senator Ivo Brandt remembered the day of the flood.",  # an object, no clause
        "The crew discovered a leak in the hull.",
    ],
)
def test_knowing_verb_without_clause_reports_nothing(analyze, text):
    assert not [s for s in spans(analyze(text)) if s[0] in {"remembered", "discovered"}]


def test_clause_after_addressee_taken_by_a_chance(analyze):
    text = (
        "Ana Dole never missed a chance to remind the voters she was the first governor"
        " cutting taxes."
    )
    assert (
        "to remind",
        "Ana Dole",
        "she was the first governor cutting taxes",
    ) in spans(analyze(text))


@pytest.mark.parametrize(
    "text",
    [
        "Dole told the woman he met at the fair.",  # a relative clause on the addressee
        "Dole missed a chance to win the race.",  # a chance, no saying
    ],
)
def test_no_clause_on_addressee(analyze, text):
    assert not [s for s in spans(analyze(text)) if s[0] in {"told", "to win"}]
