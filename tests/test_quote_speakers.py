"""Every quoted passage gets a speaker: the constructions news uses around direct quotes
(interrupted quotes, speakers written after or before the cue, colon introductions,
quotes that follow their attribution sentence, present-tense cues, several speakers in a
paragraph), and a quote with no findable speaker stays without one. Sentences are our own.
"""

from __future__ import annotations

from auditor.analysis import analysis_from_doc
from auditor.ingest import article_from_text


def attributions(nlp, text):
    return analysis_from_doc(nlp(text)).attributions


def covering(found, words):
    """The attributions whose content holds ``words``."""
    return [a for a in found if words in a.content.text]


def one_covering(found, words):
    holders = covering(found, words)
    assert len(holders) == 1, [(a.kind, a.content.text) for a in found]
    return holders[0]


def speaker_of(found, words):
    holder = one_covering(found, words)
    return holder.speaker.name if holder.speaker else None


# -- interrupted quotes ---------------------------------------------------------------


def test_quote_interrupted_by_cue_and_aside_is_one_attribution(nlp):
    found = attributions(
        nlp, '"The council," she said, sighing, "has failed the people of this town."'
    )
    quote = one_covering(found, "has failed the people")
    assert "The council" in quote.content.text
    assert quote.cue.text == "said"
    assert quote.source.text == "she"


def test_one_word_before_the_interruption_keeps_the_cue(nlp):
    found = attributions(nlp, '"That," he added, "would make life much harder for farmers."')
    quote = one_covering(found, "would make life")
    assert quote.content.text.startswith('"That,"')
    assert quote.cue.text == "added" and quote.source.text == "he"


def test_cue_with_a_clause_of_its_own_starts_a_second_attribution(nlp):
    found = attributions(
        nlp, '"We were ready," Lee said, going on to contrast the two plans: "Ours is cheaper."'
    )
    first = one_covering(found, "We were ready")
    assert "Ours is cheaper" not in first.content.text
    assert one_covering(found, "Ours is cheaper").source.text == "Lee"


def test_interrupted_quote_in_a_new_paragraph_takes_its_own_speaker(nlp):
    found = attributions(
        nlp,
        "Mr. Hale, a farmer, said the river was rising.\n\n"
        '"If the dam breaks," Ms. Lund said, "the whole valley will be under water within a day."',
    )
    quote = one_covering(found, "the whole valley")
    assert quote.source.text == "Ms. Lund"
    assert quote.speaker.name == "Lund"


# -- the speaker written around the cue ----------------------------------------------------


def test_long_title_and_name_between_quote_and_cue(nlp):
    found = attributions(
        nlp,
        '"He would be a fine judge. Not good, fine. One of the sharpest minds in the state '
        'bar," Rep. Nora B. Quill (D-Ore.) said in a phone interview.',
    )
    quote = one_covering(found, "One of the sharpest minds")
    assert quote.cue.text == "said"
    assert quote.source.text.startswith("Rep. Nora B. Quill")


def test_quote_after_a_signed_quote_goes_on_with_its_speaker(nlp):
    found = attributions(
        nlp,
        '"I make you this promise: we will finish this road," county road Chief Amos Reed '
        'said Monday. "I want every driver in this county to know the work will be done by June."',
    )
    for words in ("we will finish this road", "the work will be done by June"):
        assert speaker_of(found, words) == "Amos Reed"


def test_nickname_in_quotes_inside_the_speakers_name(nlp):
    found = attributions(
        nlp,
        '"This is a great day for every family on the river!" Boyd\'s sister, county '
        'Commissioner Lena "Lee" Boyd (D-Dale), told the crowd.',
    )
    quote = one_covering(found, "every family on the river")
    assert quote.source is not None and "Lena" in quote.source.text


def test_inverted_cue_before_a_colon(nlp):
    found = attributions(
        nlp,
        "The port reopened on Friday. "
        'Said Lindqvist: "Nobody here expected the ships back this soon."',
    )
    quote = one_covering(found, "Nobody here expected")
    assert quote.cue.text == "Said" and quote.source.text == "Lindqvist"


def test_present_tense_cue_after_the_quote(nlp):
    found = attributions(
        nlp, '"The harbor will reopen next spring," says Tom Blake, the port director.'
    )
    quote = one_covering(found, "The harbor will reopen")
    assert quote.cue.text == "says"
    assert quote.speaker.name == "Tom Blake"


def test_present_tense_cue_before_a_colon(nlp):
    found = attributions(
        nlp, 'Tom Blake, the port director, says: "The harbor will reopen next spring."'
    )
    assert speaker_of(found, "The harbor will reopen") == "Tom Blake"


# -- quotations introduced by a sentence ending with a colon ---------------------------------


def test_sentence_with_an_announcing_noun_introduces_the_next_paragraph(nlp):
    found = attributions(
        nlp,
        "On Tuesday, Reed made the following comment:\n\n"
        '"Our crews have worked every night for a month to get this done."',
    )
    quote = one_covering(found, "Our crews have worked")
    assert quote.cue.text == "made" and quote.source.text == "Reed"


def test_verb_with_an_announcing_noun_introduces_the_quote_after_the_colon(nlp):
    found = attributions(
        nlp,
        "Ms. Ortiz answered the question with a warning: "
        '"Nobody should take this vote for granted."',
    )
    assert speaker_of(found, "Nobody should take this vote") == "Ortiz"


def test_colon_after_a_reported_clause_leaves_that_clause_its_attribution(nlp):
    found = attributions(
        nlp,
        "The senator praised the rescue crews and said she has what the job needs: "
        '"Patience, a steady hand and a lot of coffee."',
    )
    reported = one_covering(found, "she has what the job needs")
    assert reported.cue.text == "said"
    assert speaker_of(found, "a steady hand and a lot of coffee") is not None


# -- several speakers, and quotes nobody is said to say ------------------------------------


def test_several_speakers_in_one_paragraph(nlp):
    found = attributions(
        nlp,
        '"We will win this fight," Ana Ruiz said, while her rival, Tom Blake, said, '
        '"She will lose it badly."',
    )
    assert speaker_of(found, "We will win this fight") == "Ana Ruiz"
    assert speaker_of(found, "She will lose it badly") == "Tom Blake"


def test_quote_with_no_findable_speaker_has_no_source(nlp, auditor):
    text = (
        "The town council met on Monday night to vote on the library budget.\n\n"
        '"We cannot keep the reading rooms open on weekends any more, not with this money."'
    )
    found = attributions(nlp, text)
    quote = one_covering(found, "We cannot keep the reading rooms")
    assert quote.source is None and quote.speaker is None
    findings = auditor.audit(article_from_text(text, format="text")).findings
    assert any(f.rule == "ATTR002" for f in findings)


# -- quotes that follow their attribution sentence ------------------------------------------


def test_quote_after_a_sentence_about_a_person_is_that_persons(nlp):
    found = attributions(
        nlp,
        '"The harbor will reopen in May," said Tom Blake, the port director.\n\n'
        "Ana Ruiz, the mayor, was not convinced. "
        '"Nobody has shown us a plan for the dredging, let alone the money for it."',
    )
    assert speaker_of(found, "Nobody has shown us a plan") == "Ana Ruiz"


def test_quote_that_follows_in_the_next_paragraph_inherits_the_speaker(nlp):
    found = attributions(
        nlp,
        'Ana Ruiz, the mayor, said on Tuesday that the dam "was never safe."\n\n'
        '"We were told for ten years that the cracks were nothing to worry about."',
    )
    assert speaker_of(found, "We were told for ten years") == "Ana Ruiz"


def test_title_in_quotes_at_the_head_of_a_sentence_inherits_nobody(nlp):
    found = attributions(
        nlp,
        '"Keep your head up," Lena Ortiz sings before asking the crowd, "Where do we go now?"\n\n'
        '"Songs of the Long River" was written by her brother in 1999.',
    )
    assert speaker_of(found, "Where do we go now") == "Lena Ortiz"
    assert not any(
        a.speaker for a in covering(found, "Songs of the Long River") if a.kind != "indirect"
    )


# -- speakers named after the quote, then by pronoun or description -------------------------

PORT_DALE = (
    "Ana Ruiz, 52, has been the mayor of Port Dale since 2019. "
    "Her rival, Tom Blake, runs the harbor.\n\n"
    '"We were misled by the contractor from the start," the 52-year-old said on Tuesday.\n\n'
    '"Nobody warned us about the cracks in the dam," the mayor said.\n\n'
    'Blake disagreed. "The council knew about the cracks for years," he said.\n\n'
    '"The council," she said, "has failed the people of this town."'
)


def test_age_description_resolves_to_the_person_of_that_age(nlp):
    found = attributions(nlp, PORT_DALE)
    assert speaker_of(found, "misled by the contractor") == "Ana Ruiz"


def test_role_said_in_a_predicate_resolves_the_role_noun(nlp):
    found = attributions(nlp, PORT_DALE)
    assert speaker_of(found, "Nobody warned us") == "Ana Ruiz"


def test_pronouns_resolve_to_a_person_of_their_gender(nlp):
    found = attributions(nlp, PORT_DALE)
    assert speaker_of(found, "knew about the cracks for years") == "Tom Blake"
    assert speaker_of(found, "has failed the people") == "Ana Ruiz"


def test_honorifics_keep_he_and_she_apart_in_one_paragraph(nlp):
    found = attributions(
        nlp,
        'Mr. Hale, a farmer, spoke first. "The river is rising," he said. '
        'Ms. Lund, his neighbor, agreed. "We need sandbags before the weekend," she said.',
    )
    assert speaker_of(found, "The river is rising") == "Hale"
    assert speaker_of(found, "We need sandbags") == "Lund"


def test_statement_speaks_for_the_organization_that_issued_it(nlp):
    found = attributions(
        nlp,
        "The Harbor Authority issued a statement on Friday. "
        '"We are committed to the safety of every resident," the statement said.',
    )
    assert speaker_of(found, "We are committed to the safety") == "Harbor Authority"


# -- participles of saying and quotes inside a reported sentence ----------------------------


def test_participle_after_a_relative_clause_is_the_main_subjects(nlp):
    found = attributions(
        nlp,
        "Blake was angry when asked about a builder who said he was never paid after he "
        'finished the pier, saying, "Maybe he did a bad job and I was not happy with it."',
    )
    assert speaker_of(found, "Maybe he did a bad job") == "Blake"


def test_participle_after_a_parenthesis_is_the_main_subjects(nlp):
    found = attributions(
        nlp,
        "Small groups of nurses kept marching around City Hall - where the Dale County "
        'Board met the union - while chanting, "No cuts, no closures."',
    )
    quote = one_covering(found, "No cuts, no closures")
    assert quote.source is not None and "nurses" in quote.source.text


def test_quote_carrying_on_a_reported_clause_joins_it(nlp):
    found = attributions(
        nlp,
        "Ortiz added that most of the town seemed more against the dam than for the "
        'canal, which is a problem because, "In the end, people vote for something."',
    )
    reported = one_covering(found, "In the end, people vote for something")
    assert "most of the town" in reported.content.text
    assert reported.speaker.name == "Ortiz"


def test_quote_set_between_dashes_after_a_name_is_that_persons(nlp):
    found = attributions(
        nlp,
        "The bridge has many critics, among them the former mayor Paul Brandt -- "
        '"It is not safe for a single truck to cross it today" -- and the county surveyor.',
    )
    assert speaker_of(found, "It is not safe for a single truck") == "Paul Brandt"


def test_quote_set_between_dashes_after_a_phrase_is_the_subjects(nlp):
    found = attributions(
        nlp,
        "Blake hardly settled the matter, treating the remark as a joke -- "
        '"That just shows I am careful" -- and later denying it.',
    )
    quote = one_covering(found, "That just shows I am careful")
    assert quote.source.text == "Blake"


def test_person_shown_in_a_recording_says_the_quote(nlp):
    found = attributions(
        nlp,
        'The new ad uses footage of Tom Blake asking, "Why is nobody talking about the port?"',
    )
    quote = one_covering(found, "Why is nobody talking")
    assert quote.source.text == "Tom Blake"
