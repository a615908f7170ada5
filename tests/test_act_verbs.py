"""Public acts that express a position (lexicon ``public_act_verbs``, read by
auditor.nlp.stance and auditor.nlp.public_acts): official decisions, verbal attacks named
by a figurative verb, political emphasis. Each class with near-misses whose object is a
thing, a date or a dish, or whose subject cannot hold a view."""

from __future__ import annotations

import pytest


def spans(analysis):
    """(cue, source, content) of every attribution, as text."""
    return [
        (a.cue.text if a.cue else None, a.source.text if a.source else None, a.content.text)
        for a in analysis.attributions
    ]


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        # official decisions by a person or a body
        (
            "The trade ministry imposed new sanctions on the shipping firm.",
            "imposed",
            "The trade ministry",
            "new sanctions on the shipping firm",
        ),
        (
            "Governor Alma Ruiz appointed Dale Pruitt to the vacant seat.",
            "appointed",
            "Governor Alma Ruiz",
            "Dale Pruitt to the vacant seat",
        ),
        (
            "President Odell vetoed the spending bill.",
            "vetoed",
            "President Odell",
            "the spending bill",
        ),
        (
            "The appeals court struck down the voting law.",
            "struck down",
            "The appeals court",
            "the voting law",
        ),
        # verbal attacks named by a figurative verb
        (
            "Senator Dana Whitlock grilled the bank's chief executive for his role in the scandal.",
            "grilled",
            "Senator Dana Whitlock",
            "the bank's chief executive for his role in the scandal",
        ),
        (
            "Mayor Tom Becket chastised the police chief for the delays.",
            "chastised",
            "Mayor Tom Becket",
            "the police chief for the delays",
        ),
        # political emphasis
        (
            "The campaign is seizing on the governor's comments.",
            "is seizing on",
            "The campaign",
            "the governor's comments",
        ),
        (
            "Ms. Ferrand laid out a new agenda for rural schools.",
            "laid out",
            "Ms. Ferrand",
            "a new agenda for rural schools",
        ),
        (
            "The party is steering clear of criticizing the governor.",
            "is steering clear of",
            "The party",
            "criticizing the governor",
        ),
        (
            "The agency did not single out the candidate's proposals.",
            "did not single out",
            "The agency",
            "the candidate's proposals",
        ),
    ],
)
def test_public_act_is_attributed(analyze, text, cue, source, content):
    assert (cue, source, content) in spans(analyze(text))


@pytest.mark.parametrize(
    "text",
    [
        "Senator Brill signed the birthday card.",  # a thing signed
        "The committee appointed a date for the hearing.",  # a date appointed
        "The storm blocked the road to the capital.",  # no one who holds a view
        "Mr. Ortiz grilled the steaks on the patio.",  # a dish grilled
        "The workers laid out the tables in a row.",  # tables, not a plan
        "The driver steered clear of the pothole.",  # a thing avoided
        "The campaign is seizing on the jobs numbers.",  # numbers, not a proposition
        "The gymnast pounded the mat.",  # a thing pounded
        "The senator struck a deal with the union.",  # "strike" alone is not listed
    ],
)
def test_near_miss_reports_nothing(analyze, text):
    assert spans(analyze(text)) == []


def test_act_complement_stops_at_the_writers_participle(analyze):
    """The content runs over the complements after the object, not over a participle
    after a comma: that is the writer's account of what followed."""
    found = spans(
        analyze("The council imposed sanctions on the regime, freezing its foreign assets.")
    )
    assert ("imposed", "The council", "sanctions on the regime") in found


def test_act_verb_is_not_loaded(nlp):
    """A neutral act is not a loaded synonym of "said" (rule VERB001)."""
    from auditor.lexicon import load_lexicon

    acts = {entry.split()[0] for entry in load_lexicon("public_act_verbs")}
    assert not acts & load_lexicon("verbs_loaded")


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        (
            "The spending bill was vetoed by Governor Alma Ruiz.",
            "was vetoed",
            "Governor Alma Ruiz",
            "The spending bill",
        ),
        (
            "Last month the firm paid a record penalty imposed by the consumer bureau.",
            "imposed",
            "the consumer bureau",
            "a record penalty",
        ),
    ],
)
def test_passive_act_with_its_agent(analyze, text, cue, source, content):
    assert (cue, source, content) in spans(analyze(text))


@pytest.mark.parametrize(
    "text",
    [
        "The road was blocked by the storm.",  # no one who holds a view
        "Six of the judges were appointed by Republican presidents.",  # a count appointed
        "The law, which was repealed by the legislature, had stood for years.",  # a pronoun
        "The birthday card was signed by Senator Brill.",  # a thing signed
    ],
)
def test_passive_near_miss_reports_nothing(analyze, text):
    assert not any(
        cue and cue.endswith(("blocked", "appointed", "repealed", "signed"))
        for cue, _, _ in spans(analyze(text))
    )


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        (
            "Several analysts suspect the figures were inflated.",
            "suspect",
            "Several analysts",
            "the figures were inflated",
        ),
        (
            "Mayor Ines Varga cannot fathom how the council approved the budget.",
            "cannot fathom",
            "Mayor Ines Varga",
            "how the council approved the budget",
        ),
        (
            "Party leaders are contemplating a new strategy.",
            "are contemplating",
            "Party leaders",
            "a new strategy",
        ),
    ],
)
def test_suspecting_and_grasping(analyze, text, cue, source, content):
    """Verbs of thought outside the reporting verbs (lexicon ``attitude_verbs``)."""
    assert (cue, source, content) in spans(analyze(text))


@pytest.mark.parametrize(
    "text",
    [
        "The police suspect the neighbor.",  # "suspect that" takes a clause only
        "The diver could not fathom the depth of the lake.",  # a thing, not a proposition
    ],
)
def test_thought_near_miss_reports_nothing(analyze, text):
    assert spans(analyze(text)) == []
