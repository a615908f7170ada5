"""Quotations the direct-quote passes used to miss or cut wrongly, each in a short article
written for the test: a list of quoted phrases under one verb, a one-word answer, a quoted
name followed by the writer's gloss, an "as X observed," clause before a fronted phrase, a
contact relative clause the parser read as a conjunct, "it was labeled "..."" and a
quotation that modifies the noun after it. Near misses must keep their old reading."""

from __future__ import annotations

from parses import parsed

from auditor.nlp.content import reported_content
from auditor.nlp.quoted_modifiers import through_modified_noun


def found(analysis) -> list[tuple[str, str | None, str | None]]:
    """(content, cue, source) of every attribution, as text."""
    return [
        (a.content.text, a.cue and a.cue.text, a.source and a.source.text)
        for a in analysis.attributions
    ]


RALLY = (
    "“Are we winning?” she asked, but Tom was dozing again, and as Brandt went on about "
    "“how the county is broke,” and “hard-working families” and “our forgotten towns,” "
    "Tom Wexler said yes, yes, yes, over and over, until the speech ended."
)


def test_a_list_of_quotations_is_one_content(analyze):
    """The three quoted phrases are all Brandt's; the last is not Wexler's, who answers
    "yes" to them."""
    result = found(analyze(RALLY))
    assert (
        "about “how the county is broke,” and “hard-working families” and “our forgotten towns,”",
        "went on",
        "Brandt",
    ) in result
    assert ("yes, yes, yes", "said", "Tom Wexler") in result
    assert not any(content == "“our forgotten towns,”" for content, _, _ in result)


def test_quotations_without_a_separator_are_not_a_list(analyze):
    """Two quotations side by side are two utterances, each with its own speaker."""
    text = '"We will reopen the mill," Brandt said. "Not this year," Wexler said.'
    result = found(analyze(text))
    assert ('"We will reopen the mill,"', "said", "Brandt") in result
    assert ('"Not this year,"', "said", "Wexler") in result


def test_no_as_a_determiner_is_no_answer(analyze):
    """'said no one came': "no" opens the subject of what was said, it is not the answer."""
    result = found(analyze("Wexler said no one came to the second meeting."))
    assert all(content != "no" for content, _, _ in result)


SUSPENSION = (
    "The council met on Monday. Councilman Rudy Okafor said the vote was rushed. She was "
    "kept in the clinic for weeks after what she called a “tirade,” a string of online "
    "posts that included one saying that the mayor should be jailed."
)


def test_the_writers_gloss_after_a_quoted_name_is_not_the_content(analyze):
    """The parser makes the gloss a second predicate of "called"."""
    result = found(analyze(SUSPENSION))
    assert ("a “tirade,”", "called", "she") in result


def test_an_apposition_glossing_a_quoted_name_is_not_the_content(analyze):
    """Here the parser hangs the gloss on the quoted name as an apposition."""
    text = 'Okafor called the budget a "disgrace," a word he had never used before.'
    assert ('the budget a "disgrace,"', "called", "Okafor") in found(analyze(text))


def test_a_list_of_quoted_names_is_no_gloss(analyze):
    """Every name in the list is quoted: all of them are what Okafor called it."""
    result = found(analyze('Okafor called the budget a "disgrace," an "insult" and "a joke."'))
    assert ('the budget a "disgrace," an "insult" and "a joke."', "called", "Okafor") in result


def test_an_as_clause_ends_at_its_comma(analyze):
    """The phrase after "observed," is fronted in the main clause, what she observed; the
    connective "Yet" is the writer's."""
    text = (
        "Yet, as Dana Perl observed, in the first year of a new council, the mayor "
        "“could pass anything.”"
    )
    assert (
        "in the first year of a new council, the mayor “could pass anything.”",
        "observed",
        "Dana Perl",
    ) in found(analyze(text))


def test_an_as_clause_keeps_its_own_setting(analyze):
    """A phrase before the comma tells where she observed it, not what."""
    text = "As Dana Perl observed at the hearing, the mayor could pass anything."
    assert ("the mayor could pass anything", "observed", "Dana Perl") in found(analyze(text))


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


def test_a_contact_relative_clause_in_a_whole_article(analyze):
    text = (
        "In 2004, the Ledger hailed Brandt as “The Builder” for the jobs she was bringing "
        "to the valley."
    )
    assert (
        "Brandt as “The Builder” for the jobs she was bringing to the valley",
        "hailed",
        "the Ledger",
    ) in found(analyze(text))


def test_a_coordinated_clause_is_no_contact_clause(analyze):
    """After a comma and "and", the next clause is a new statement of the writer's."""
    text = "In 2004, the Ledger hailed Brandt as “The Builder,” and she thanked the paper."
    result = found(analyze(text))
    hailed = [content for content, cue, _ in result if cue == "hailed"]
    assert hailed and all("thanked" not in content for content in hailed)


def test_it_was_labeled_with_a_quotation(analyze):
    text = "When the state auditors reviewed the figures, it was labeled “Mostly Accurate.”"
    assert ("it was labeled “Mostly Accurate.”", "was labeled", None) in found(analyze(text))


def test_it_was_said_that_keeps_its_clause(analyze):
    """The dummy "it" of a passive with a clause is still no part of the content."""
    result = found(analyze("It was said that the audit would take a year."))
    assert ("the audit would take a year", "was said", None) in result


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


def test_a_quoted_modifier_in_a_whole_article(analyze):
    text = (
        "The county is removing voters from the rolls in what is being criticized as a "
        '"vote or vanish" policy for renters.'
    )
    assert (
        'what is being criticized as a "vote or vanish" policy for renters',
        "is being criticized",
        None,
    ) in found(analyze(text))
