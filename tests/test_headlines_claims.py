"""Headline forms written for the test: "Name on Topic: claim", a title-case verb of
saying or stance with a bare object, nouns of saying in title case, and a sentence-case
headline run into its subhead with a semicolon."""

from __future__ import annotations

from auditor.analysis import analysis_from_doc


def attributions(nlp, text: str):
    return analysis_from_doc(nlp(text)).attributions


def only_in_headline(found, line_end: int):
    return [a for a in found if a.content.start < line_end]


def test_name_on_topic_colon(nlp):
    text = (
        "Mayor Ruiz On Housing: The Costs Are 'Unbearable'\n\n"
        "Mayor Ruiz spoke at City Hall on Monday. Ruiz said rents had doubled."
    )
    found = only_in_headline(attributions(nlp, text), text.index("\n"))
    assert len(found) == 1
    assert found[0].source.text == "Mayor Ruiz"
    assert found[0].cue.text == "On Housing:"
    assert found[0].content.text == "The Costs Are 'Unbearable'"


def test_title_on_topic_is_no_speaker(nlp):
    """'Focus On Jobs:' has no name before 'On'."""
    text = "Focus On Jobs: Hiring Is Up In The Region\n\nThe figures came out on Monday."
    found = only_in_headline(attributions(nlp, text), text.index("\n"))
    assert not any(a.cue is not None and a.cue.text.startswith("On") for a in found)


def test_title_case_verb_with_bare_object(nlp):
    text = (
        "Governor Sees 'Betrayal' If Party Stays Home\n\n"
        "The governor spoke to donors in the capital on Monday."
    )
    found = only_in_headline(attributions(nlp, text), text.index("\n"))
    assert len(found) == 1
    assert found[0].source.text == "Governor"
    assert found[0].cue.text == "Sees"
    assert found[0].content.text == "'Betrayal' If Party Stays Home"


def test_title_case_noun_of_refusing(nlp):
    text = (
        "Army Veteran Confronts Mayor On His Refusal To Meet The Families\n\n"
        "The veteran spoke outside City Hall on Monday."
    )
    found = only_in_headline(attributions(nlp, text), text.index("\n"))
    refusal = [a for a in found if a.cue is not None and a.cue.text == "Refusal"]
    assert len(refusal) == 1
    assert refusal[0].source.text == "His"
    assert refusal[0].content.text == "To Meet The Families"


def test_headline_run_into_its_subhead(nlp):
    """The view joins a headline and its subhead; the headline's claim ends at ';'."""
    text = (
        "Lawmaker urges sanctions on the cartel;  Member of the panel says the state must "
        "act now.\n\nRep. Ana Brill spoke on Monday."
    )
    found = attributions(nlp, text)
    urges = [a for a in found if a.cue is not None and a.cue.text == "urges"]
    assert len(urges) == 1
    assert urges[0].source.text == "Lawmaker"
    assert urges[0].content.text == "sanctions on the cartel"


def test_headline_verb_read_as_a_plural_noun(nlp):
    text = (
        "State court rules against city's purge of voter rolls.\n\n"
        "The appeals court ruled on Monday that the purge broke the law."
    )
    found = only_in_headline(attributions(nlp, text), text.index("\n"))
    assert len(found) == 1
    assert found[0].source.text == "State court"
    assert found[0].cue.text == "rules against"
    assert found[0].content.text == "city's purge of voter rolls"


def test_plural_noun_headline_subject_is_no_verb(nlp):
    """'Police reports of abuse rise': the plural is the subject, not a verb."""
    text = "Police reports of abuse rise in the county.\n\nThe data came out on Monday."
    found = only_in_headline(attributions(nlp, text), text.index("\n"))
    assert not any(a.cue is not None and a.cue.text.startswith("reports") for a in found)
