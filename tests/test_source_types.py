"""The auditor_sourcing component: a first source type for each attribution."""

from __future__ import annotations

import pytest

from auditor.analysis import analysis_from_doc

CASES = [
    ('"We are ready," said Ana Ruiz, the mayor.', "named_person"),
    ("The Department of Transportation said that 42,000 cars cross daily.", "named_organization"),
    ("The river authority warned that the river could flood.", "named_organization"),
    ("According to the New York Times, the talks have stalled.", "media"),
    ("Reuters reported that the talks had stalled.", "media"),
    ("According to a report by the Washington Post, the plant will close.", "media"),
    ("A recent report found that waiting times had doubled.", "document"),
    (
        '"This is a blow," said a senior official, who spoke on condition of anonymity.',
        "anonymous",
    ),
    ("Sources said the company had donated to the campaign.", "anonymous"),
    ("Analysts suggest the shortage will get worse.", "vague"),
    ("Experts say the city should have asked more bidders.", "vague"),
    ("Latest intelligence shows that the troops have moved.", "vague"),
    # headlines
    ("Ferry Fares Will Rise, Report Says", "document"),
    ("Ferry Board Warns Of Summer Delays", "named_organization"),
    # stances and evidentials
    ("Senator Maria Lopez accused the contractor of hiding the defects.", "named_person"),
    # credited to nobody in particular: a weasel attribution
    ("The harbor master is said to have resigned.", "vague"),
    ("It is believed that the harbor master resigned.", "vague"),
    # the owner of the words is the source; a document stays a document
    ("The ministry's statement said that the port would reopen.", "document"),
    ("Mayor Ruiz's comments suggest that the port will reopen.", "named_person"),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_source_type(nlp, text, expected):
    analysis = analysis_from_doc(nlp(text))
    assert [a.source_type for a in analysis.attributions] == [expected]


def test_the_owner_of_the_words_is_the_speaker(nlp):
    text = (
        "Mayor Ana Ruiz visited the harbor on Monday.\n\n"
        "Ruiz's comments suggest that the port will reopen in May."
    )
    (attribution,) = analysis_from_doc(nlp(text)).attributions
    assert attribution.source.text == "Ruiz's comments"
    assert attribution.speaker.name == "Ana Ruiz"
    assert attribution.source_type == "named_person"
