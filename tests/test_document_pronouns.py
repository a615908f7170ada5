""""it" and "they" as documents: a pronoun stands for a report named earlier only when no
nearer subject of its number competes ("the closure may be a mistake, but it risks ...":
"it" is the closure). A pronoun that itself speaks ("The fee, it says, ...") still
reaches back to its document. Sentences written for the test."""

from __future__ import annotations

from auditor.analysis import analysis_from_doc


def _sources(nlp, text: str) -> list[tuple[str, str | None, str | None]]:
    analysis = analysis_from_doc(nlp(text))
    return [
        (a.cue.text if a.cue else "", a.source.text if a.source else None, a.source_type)
        for a in analysis.attributions
    ]


def test_it_after_a_nearer_subject_is_not_the_earlier_report(nlp):
    text = (
        "A report released Monday shows the region lost 4,000 jobs last year.\n\n"
        "The closure of the mill may be a costly mistake, but it also risks exposing "
        "the town to further losses."
    )
    found = _sources(nlp, text)
    assert ("shows", "A report released Monday", "document") in found
    assert not any(source == "it" for _, source, _ in found), found


def test_it_with_no_competing_subject_is_the_report(nlp):
    text = (
        "The audit was published on Friday after months of delay.\n\n"
        "It shows the agency overspent on consultants by $2 million."
    )
    found = _sources(nlp, text)
    assert ("shows", "It", "document") in found, found


def test_a_speaking_it_reaches_past_the_subject_it_reports(nlp):
    text = (
        "The union published an analysis of the proposal on Tuesday.\n\n"
        "The average monthly payment, it says, would be $210."
    )
    found = _sources(nlp, text)
    assert any(cue == "says" and source == "it" for cue, source, _ in found), found
