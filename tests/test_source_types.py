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
    # a report is a document whoever wrote it (the outlet makes it second-hand: a flag)
    ("According to a report by the Washington Post, the plant will close.", "document"),
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
    # the phrase's grammar decides: insiders, owners, of-phrases, quantifiers, descriptors
    ("Aides to the governor said the budget would be cut.", "anonymous"),
    ("Several of her longtime advisers said she would run again.", "anonymous"),
    ("His lawyer said the contractor would not testify.", "anonymous"),
    ("An inquiry by the city auditor found that the fund was misused.", "document"),
    ("Sixty-two percent of voters surveyed said the tax was unfair.", "document"),
    ("A majority of residents said they opposed the new runway.", "document"),
    ("Police records released Tuesday show the van was stolen.", "document"),
    ("The wire service Kestrel Press reported that the dam had failed.", "media"),
    ("Valley Courier, a local newspaper, reported that the mill would close.", "media"),
    ("Civil rights activists say the officers were too harsh.", "vague"),
    ("Many of his supporters believe the count was rigged.", "vague"),
    ("Some Republicans privately worry that the bill will fail.", "vague"),
    # a title stands for a named person only where the article names one
    ("The minister reportedly offered to resign on Friday.", "anonymous"),
    # the descriptor says anonymity was granted; a pronoun that stands for nothing is unknown
    ("Observers, speaking on condition of anonymity, said the vote was rigged.", "anonymous"),
    ("They say losses were heavy.", "unknown"),
    # bare research credits nobody; research by someone is a document
    ("Studies suggest that the drug lowers blood pressure.", "vague"),
    ("Research by the institute found that rents rose.", "document"),
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
