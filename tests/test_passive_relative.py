"""Sources that are not the plain subject of their cue, on sentences written for the test:
the object of a verb of causing, the agent of a passive (also of a participle on a noun),
relative pronouns and the nouns relative clauses hang on, participles and gerunds; with
near-misses that must not make an attribution or must keep the subject."""

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


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        (
            "The committee forced the bank's chief executive to admit that no manager was "
            "disciplined.",
            "admit",
            ("the bank's chief executive", "to admit", "no manager was disciplined"),
        ),
        (
            "The chief executive was forced by the committee to admit that no manager was "
            "disciplined.",
            "admit",
            ("The chief executive", "to admit", "no manager was disciplined"),
        ),
        (
            "The leaked memo led the county auditor to conclude that the books were cooked.",
            "conclude",
            ("the county auditor", "to conclude", "the books were cooked"),
        ),
    ],
)
def test_object_of_a_verb_of_causing_speaks(analyze, text, cue, expected):
    assert spans(with_cue(analyze(text), cue)) == expected


def test_what_a_speaker_urges_is_content_not_an_act_of_the_one_urged(analyze):
    analysis = analyze("The committee urged the bank's chief to admit that no one was fired.")
    assert [spans(a) for a in analysis.attributions] == [
        ("The committee", "urged", "the bank's chief to admit that no one was fired")
    ]


def test_a_verb_of_obliging_makes_no_one_speak(analyze):
    # a rule that requires someone to disclose says nothing anyone disclosed
    analysis = analyze("No statute requires county clerks to disclose their salaries.")
    assert not any(
        a.source is not None and a.source.text == "county clerks" for a in analysis.attributions
    )


# --- passives with a by-agent ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        (
            "The appeal was rejected by the state supreme court on Monday.",
            "rejected",
            ("the state supreme court", "was rejected", "The appeal"),
        ),
        (
            # a verb of naming in the passive: the one named and the name are the content
            "Dr. Lena Varga has been called a fraud by fellow doctors for selling herbal "
            "pills.",
            "called",
            ("fellow doctors", "has been called", "Dr. Lena Varga has been called a fraud"),
        ),
        (
            # a participle on a noun: the noun phrase is what the agent proposed
            "Farmers rallied against the water rules proposed by the county board.",
            "proposed",
            ("the county board", "proposed", "the water rules"),
        ),
        (
            # a participle on a clause: its subject is what the agents promoted
            "Toll lanes remain popular, promoted by the governor and two mayors.",
            "promoted",
            ("the governor and two mayors", "promoted", "Toll lanes"),
        ),
    ],
)
def test_passive_agent_is_the_source(analyze, text, cue, expected):
    assert spans(with_cue(analyze(text), cue)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The house was built by his father in 1952.",
        "The car, driven by a friend, slid into a ditch.",
        "The barn built by her grandfather burned down last winter.",
    ],
)
def test_agent_of_a_verb_that_reports_nothing_is_no_source(analyze, text):
    assert analyze(text).attributions == []


# --- relative clauses and the source phrase ----------------------------------------------


def test_relative_clause_that_attributes_leaves_the_main_source(analyze):
    analysis = analyze("Ana Ruiz, who has argued that the levy is unfair, opposes the bill.")
    assert spans(with_cue(analysis, "argued")) == ("who", "has argued", "the levy is unfair")
    assert spans(with_cue(analysis, "opposes")) == ("Ana Ruiz", "opposes", "the bill")


def test_relative_clause_that_describes_stays_in_the_source(analyze):
    analysis = analyze("Ana Ruiz, who chairs the finance committee, said the levy is unfair.")
    assert spans(with_cue(analysis, "said")) == (
        "Ana Ruiz, who chairs the finance committee,",
        "said",
        "the levy is unfair",
    )


def test_main_verb_misread_as_a_participle_has_the_root_for_subject(analyze):
    # the parser reads "called" as a participle on "the letter", leaving "One" the root
    analysis = analyze("One of the nurses who sent the letter called the director a liar.")
    source, cue, content = spans(with_cue(analysis, "called"))
    assert source.startswith("One of the nurses")
    assert (cue, content) == ("called", "the director a liar")


# --- participles and gerunds -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        (
            # "with" here says where the complaint went: no absolute phrase
            "The state party filed a complaint Monday with the county ethics board, claiming "
            "that the clerk had lied.",
            "claiming",
            ("The state party", "claiming", "the clerk had lied"),
        ),
        (
            # an absolute phrase with a relative clause set into it
            "The levy became an issue, with Maria Lopez — who has called for higher taxes "
            "on the rich — lambasting the plan.",
            "lambasting",
            ("Maria Lopez", "lambasting", "the plan"),
        ),
        (
            # the parser hangs "from" on "aside"; the gerund still shares the verb's subject
            "The mayor refuses to name candidates, aside from saying she wants a diverse "
            "list.",
            "saying",
            ("The mayor", "saying", "she wants a diverse list"),
        ),
        (
            # a gerund after an adjective that follows the noun: the noun's phrase decides
            "Turnout was driven by a small group of wealthy donors intent on deciding who "
            "will run the council.",
            "deciding",
            ("a small group of wealthy donors", "deciding", "who will run the council"),
        ),
        (
            # a participle on an occasion of speech: the one who spoke there announced
            "The governor spoke at a news conference announcing that the state would sue.",
            "announcing",
            ("The governor", "announcing", "the state would sue"),
        ),
        (
            "Despite admitting that he had concerns, Senator Okafor voted for the bill.",
            "admitting",
            ("Senator Okafor", "admitting", "he had concerns"),
        ),
    ],
)
def test_participle_shares_the_right_subject(analyze, text, cue, expected):
    assert spans(with_cue(analyze(text), cue)) == expected


# --- a second verb of saying hung inside the first one's clause ----------------------------


def test_finite_verb_of_saying_after_a_bare_verb_is_the_speakers_act(analyze):
    analysis = analyze("Lee said the city would order a review and warned against further delay.")
    assert spans(with_cue(analysis, "warned")) == ("Lee", "warned against", "further delay")


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


def test_aside_with_a_verb_of_stance_describes_the_source(analyze):
    analysis = analyze(
        "Ana Ruiz, who has long opposed the new mine, said the water was unsafe."
    )
    assert spans(with_cue(analysis, "said")) == (
        "Ana Ruiz, who has long opposed the new mine,",
        "said",
        "the water was unsafe",
    )


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
    from auditor.nlp.cues import subject_of

    doc, adding = _frame_parse(nlp, with_frame=True)
    assert subject_of(doc[adding]).text == "Ruiz"


def test_participle_without_a_frame_shares_the_clause_subject(nlp):
    from auditor.nlp.cues import subject_of

    doc, adding = _frame_parse(nlp, with_frame=False)
    assert subject_of(doc[adding]).text == "Voters"


def test_a_statement_speaks_for_itself(analyze):
    analysis = analyze("In a statement announcing the pick, the union called Ruiz a champion.")
    assert spans(with_cue(analysis, "announcing")) == ("a statement", "announcing", "the pick")


# --- a clause opened by a conjunction the parser read as a preposition ---------------------


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        (
            "The talks stalled over the border, with Peru backing the plan as Chile, Bolivia "
            "and Ecuador oppose the new tariffs.",
            "oppose",
            ("Chile, Bolivia and Ecuador", "oppose", "the new tariffs"),
        ),
        (
            "Lopez has been attacking Machado since Ruiz, at Monday's debate, cited "
            "derogatory comments Lopez had made.",
            "cited",
            ("Ruiz", "cited", "derogatory comments Lopez had made"),
        ),
    ],
)
def test_object_of_a_clause_opening_conjunction_is_the_subject(analyze, text, cue, expected):
    assert spans(with_cue(analyze(text), cue)) == expected
