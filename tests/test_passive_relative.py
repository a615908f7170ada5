"""Sources that are not the plain subject of their cue, on sentences written for the test:
the object of a verb of causing, the agent of a passive (also of a participle on a noun),
relative pronouns and the nouns relative clauses hang on, participles and gerunds; with
near-misses that must not make an attribution or must keep the subject. The sentences that
need one look at the result are cases in tests/cases/speakers.yaml (run by
tests/test_cases.py); here, the rest."""

from __future__ import annotations

import pytest
from parses import parsed

from auditor.analysis import analysis_from_doc


def with_cue(analysis, cue_word: str):
    """The one attribution whose cue holds ``cue_word``."""
    found = [a for a in analysis.attributions if a.cue is not None and cue_word in a.cue.text]
    assert len(found) == 1, [(a.cue and a.cue.text, a.content.text) for a in analysis.attributions]
    return found[0]


def spans(attribution) -> tuple[str | None, str, str]:
    source = attribution.source.text if attribution.source is not None else None
    return source, attribution.cue.text, attribution.content.text


# --- the object of a verb of causing speaks --------------------------------------------


def test_what_a_speaker_urges_is_content_not_an_act_of_the_one_urged(analyze):
    analysis = analyze("The committee urged the bank's chief to admit that no one was fired.")
    assert [spans(a) for a in analysis.attributions] == [
        ("The committee", "urged", "the bank's chief to admit that no one was fired")
    ]


# --- relative clauses and the source phrase ----------------------------------------------


def test_main_verb_misread_as_a_participle_has_the_root_for_subject(analyze):
    # the parser reads "called" as a participle on "the letter", leaving "One" the root
    analysis = analyze("One of the nurses who sent the letter called the director a liar.")
    source, cue, content = spans(with_cue(analysis, "called"))
    assert source.startswith("One of the nurses")
    assert (cue, content) == ("called", "the director a liar")


# --- a second verb of saying hung inside the first one's clause ----------------------------


def test_second_verb_of_saying_after_a_copula_is_the_speakers_act(analyze):
    analysis = analyze(
        "The ministry said it was opposed to the test and warned against further launches."
    )
    source, cue, _ = spans(with_cue(analysis, "warned"))
    assert (source, cue) == ("The ministry", "warned against")


def test_conjunct_with_its_own_subject_stays_in_what_was_said(analyze):
    analysis = analyze("Lee said Ruiz denied the report and she accused the board of lying.")
    assert [spans(a) for a in analysis.attributions] == [
        ("Lee", "said", "Ruiz denied the report and she accused the board of lying")
    ]


# --- what a relative pronoun stands for ----------------------------------------------------


@pytest.fixture
def typed(nlp):
    from auditor.sourcing import annotate

    def run(text: str):
        analysis = analysis_from_doc(nlp(text))
        annotate(analysis)
        return analysis

    return run


def test_who_after_a_place_stands_for_the_people_before_it(typed):
    analysis = typed(
        "The ruling is likely to anger nervous Republicans on Capitol Hill, who have argued "
        "that it hurts rural towns."
    )
    a = with_cue(analysis, "argued")
    assert a.source.text == "who"
    assert a.source_type == "vague"  # the Republicans, not a place or a body


def test_who_after_names_in_apposition_stands_for_the_names(typed):
    analysis = typed(
        "The plan was praised by two voters, Ana Ruiz and Bo Lee, who said it was fair."
    )
    a = with_cue(analysis, "said")
    assert (a.source.text, a.content.text) == ("who", "it was fair")
    assert a.source_type == "named_person"


# --- a relative clause without "that" whose subject the parser swallowed -------------------


def test_subject_of_a_contact_clause_is_the_noun_before_the_verb(analyze):
    analysis = analyze(
        "The grant is a small share of the $40 million economists say the bridge needs."
    )
    source, cue, content = spans(with_cue(analysis, "say"))
    assert (source, cue) == ("economists", "say")
    assert content.endswith("the bridge needs")


def test_aside_of_an_unnamed_source_stays_in_the_source(analyze):
    # why the source is unnamed is read off its phrase by the sourcing stage
    analysis = analyze(
        "A nurse at the clinic, who asked not to be named because staff were told not to "
        "talk, said the ward was full."
    )
    source, cue, content = spans(with_cue(analysis, "said"))
    assert source.startswith("A nurse at the clinic, who asked not to be named")
    assert (cue, content) == ("said", "the ward was full")


def _frame_parse(nlp, with_frame: bool):
    """'Voters want change, Ruiz said, adding that taxes will rise.' as the parser often
    reads it: the frame "Ruiz said" a parenthetical, the participle on the quoted clause."""
    frame = [
        ("Ruiz", "NNP", "PROPN", "nsubj", 5, "Ruiz"),
        ("said", "VBD", "VERB", "parataxis", 1, "say"),
        (",", ",", "PUNCT", "punct", 1, ","),
    ]
    rows = [
        ("Voters", "NNS", "NOUN", "nsubj", 1, "voter"),
        ("want", "VBP", "VERB", "ROOT", 1, "want"),
        ("change", "NN", "NOUN", "dobj", 1, "change"),
        (",", ",", "PUNCT", "punct", 1, ","),
        *(frame if with_frame else []),
    ]
    at = len(rows)
    rows += [
        ("adding", "VBG", "VERB", "advcl", 1, "add"),
        ("that", "IN", "SCONJ", "mark", at + 4, "that"),
        ("taxes", "NNS", "NOUN", "nsubj", at + 4, "tax"),
        ("will", "MD", "AUX", "aux", at + 4, "will"),
        ("rise", "VB", "VERB", "ccomp", at, "rise"),
        (".", ".", "PUNCT", "punct", 1, "."),
    ]
    return parsed(nlp, rows), at


def test_participle_after_a_speech_frame_goes_on_with_its_speaker(nlp):
    from auditor.nlp.verb_subjects import subject_of

    doc, adding = _frame_parse(nlp, with_frame=True)
    assert subject_of(doc[adding]).text == "Ruiz"


def test_participle_without_a_frame_shares_the_clause_subject(nlp):
    from auditor.nlp.verb_subjects import subject_of

    doc, adding = _frame_parse(nlp, with_frame=False)
    assert subject_of(doc[adding]).text == "Voters"
