"""Quotations the direct-quote passes used to miss or cut wrongly, each in a short article
written for the test: a list of quoted phrases under one verb, a one-word answer, a quoted
name followed by the writer's gloss, an "as X observed," clause before a fronted phrase, a
contact relative clause the parser read as a conjunct, "it was labeled "..."" and a
quotation that modifies the noun after it. Near misses must keep their old reading. The
articles are cases in tests/cases/direct.yaml (run by tests/test_cases.py); here, the
helpers on parses written out by hand."""

from __future__ import annotations

from parses import parsed

from auditor.nlp.content import reported_content
from auditor.nlp.quoted_modifiers import through_modified_noun


def _hailed_parse(nlp):
    """'The editor hailed Brandt as "The Builder" for the jobs she was bringing to the
    valley.' as the parser reads it when it misses the contact clause: "bringing" a
    conjunct of "hailed"."""
    rows = [
        ("The", "DT", "DET", "det", 1, "the"),
        ("editor", "NN", "NOUN", "nsubj", 2, "editor"),
        ("hailed", "VBD", "VERB", "ROOT", 2, "hail"),
        ("Brandt", "NNP", "PROPN", "dobj", 2, "Brandt"),
        ("as", "IN", "ADP", "prep", 2, "as"),
        ("“", "``", "PUNCT", "punct", 7, "“"),
        ("The", "DT", "DET", "det", 7, "the"),
        ("Builder", "NNP", "PROPN", "pobj", 4, "Builder"),
        ("”", "''", "PUNCT", "punct", 7, "”"),
        ("for", "IN", "ADP", "prep", 2, "for"),
        ("the", "DT", "DET", "det", 11, "the"),
        ("jobs", "NNS", "NOUN", "pobj", 9, "job"),
        ("she", "PRP", "PRON", "nsubj", 14, "she"),
        ("was", "VBD", "AUX", "aux", 14, "be"),
        ("bringing", "VBG", "VERB", "conj", 2, "bring"),
        ("to", "IN", "ADP", "prep", 14, "to"),
        ("the", "DT", "DET", "det", 17, "the"),
        ("valley", "NN", "NOUN", "pobj", 15, "valley"),
        (".", ".", "PUNCT", "punct", 2, "."),
    ]
    return parsed(nlp, rows)


def test_a_contact_relative_clause_stays_in_the_content(nlp):
    doc = _hailed_parse(nlp)
    start, end = reported_content(doc[2])
    assert doc[start:end].text.endswith("for the jobs she was bringing to the valley")


def _modifier_parse(nlp, closing: str, after: str):
    """'... criticized as a "vote or vanish<closing>" <after> to elections.' with the noun
    after the quotation left as a root of its own, as the parser reads it."""
    rows = [
        ("criticized", "VBN", "VERB", "ROOT", 0, "criticize"),
        ("as", "IN", "ADP", "prep", 0, "as"),
        ("a", "DT", "DET", "det", 4, "a"),
        ('"', "``", "PUNCT", "punct", 4, '"'),
        ("vote", "NN", "NOUN", "pobj", 1, "vote"),
        ("or", "CC", "CCONJ", "cc", 4, "or"),
        ("vanish", "VB", "VERB", "conj", 4, "vanish"),
        *([(closing, ",", "PUNCT", "punct", 4, closing)] if closing else []),
        ('"', "''", "PUNCT", "punct", 4, '"'),
    ]
    noun = len(rows)
    rows += [
        (after, "NN" if after == "approach" else "NNS", "NOUN", "ROOT", noun, after),
        ("to", "IN", "ADP", "prep", noun, "to"),
        ("elections", "NNS", "NOUN", "pobj", noun + 1, "election"),
        (".", ".", "PUNCT", "punct", noun, "."),
    ]
    return parsed(nlp, rows), noun


def test_a_quoted_modifier_takes_its_noun(nlp):
    doc, noun = _modifier_parse(nlp, "", "approach")
    assert through_modified_noun(doc, noun) == noun + 3  # through "approach to elections"
    assert doc[noun + 2].text == "elections"


def test_a_quotation_closed_by_a_comma_modifies_nothing(nlp):
    """'"... vanish," voters said': the noun after the comma starts a new clause."""
    doc, noun = _modifier_parse(nlp, ",", "voters")
    assert through_modified_noun(doc, noun) == noun
