"""Where a source phrase begins and ends (auditor.nlp.source_edges, pronoun_sources), on
sentences written for the test: datelines, stray quotation marks, occasion participles,
closing commas and dashes, focus adverbs, dates hung on the speaker, and pronouns with
their descriptions; with near-misses that must keep their words."""

from __future__ import annotations

import pytest

from auditor.nlp.source_edges import source_edges


def with_cue(analysis, cue_word: str):
    """The one attribution whose cue holds ``cue_word``."""
    found = [a for a in analysis.attributions if a.cue is not None and cue_word in a.cue.text]
    assert len(found) == 1, [(a.cue and a.cue.text, a.content.text) for a in analysis.attributions]
    return found[0]


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        # an occasion participle after a name is cut
        (
            "Ruiz, speaking to farmers in Oakdale on Monday, said the tariff would be lifted.",
            "said",
            "Ruiz",
            "the tariff would be lifted",
        ),
        # near-miss: an unnamed source keeps its aside (it says why it is unnamed)
        (
            "A former engineer, speaking on condition of anonymity, said the bridge was unsafe.",
            "said",
            "A former engineer, speaking on condition of anonymity,",
            "the bridge was unsafe",
        ),
        # near-miss: "including" names members, a document's participle says which one
        (
            "A committee of engineers, including Tom Baker, said the bridge was unsafe.",
            "said",
            "A committee of engineers, including Tom Baker,",
            "the bridge was unsafe",
        ),
        (
            "The survey, conducted by the county in May, found that most residents support "
            "the plan.",
            "found",
            "The survey, conducted by the county in May,",
            "most residents support the plan",
        ),
        # a comparison after a name points at someone who did not speak; after a
        # plural it gives examples
        (
            "Ana Ruiz, like her rival, said the tariff was a mistake.",
            "said",
            "Ana Ruiz",
            "the tariff was a mistake",
        ),
        (
            "Critics of the plan, like Senator Tom Baker, said the tariff was a mistake.",
            "said",
            "Critics of the plan, like Senator Tom Baker,",
            "the tariff was a mistake",
        ),
        # a focus adverb is not the source's
        (
            "Even Norland, the closest ally of the rebels, said the attack was a mistake.",
            "said",
            "Norland, the closest ally of the rebels,",
            "the attack was a mistake",
        ),
        # an aside opened by a dash keeps its closing dash; a title its closing mark
        (
            "Ruiz -- the mayor since 2019 -- said the bridge would reopen in March.",
            "said",
            "Ruiz -- the mayor since 2019 --",
            "the bridge would reopen in March",
        ),
        (
            'The new ad, titled "Roots," says the senator never voted for the bridge.',
            "says",
            'The new ad, titled "Roots,"',
            "the senator never voted for the bridge",
        ),
        # a "which" clause on a noun inside the description is not the speaker's
        (
            "Tom Baker, a spokesman for the Oakdale Water Coalition, which is made up of "
            "farmers and towns, said the dam was safe.",
            "said",
            "Tom Baker, a spokesman for the Oakdale Water Coalition,",
            "the dam was safe",
        ),
        # near-misses: a "who" clause may be the speaker's; an apposition stays
        (
            "Tom Baker, a lawyer at Baker & Cole, who represents the county, said the "
            "contract was void.",
            "said",
            "Tom Baker, a lawyer at Baker & Cole, who represents the county,",
            "the contract was void",
        ),
        (
            "Ana Ruiz, director of the Water Bureau, a state agency, said the river was safe.",
            "said",
            "Ana Ruiz, director of the Water Bureau, a state agency,",
            "the river was safe",
        ),
        # a date hung on the speaker tells when it spoke; a document keeps its date
        (
            "A panel of judges in 2014 found that the county had broken the law.",
            "found",
            "A panel of judges",
            "the county had broken the law",
        ),
        (
            "An ad in 2008 claimed that the senator had voted against the bridge.",
            "claimed",
            "An ad in 2008",
            "the senator had voted against the bridge",
        ),
        # pronouns: a negation and a description are part of who is meant
        (
            "Not everyone agrees that the bridge should be rebuilt.",
            "agrees",
            "Not everyone",
            "the bridge should be rebuilt",
        ),
        (
            "Those close to the mayor say she will not run again.",
            "say",
            "Those close to the mayor",
            "she will not run again",
        ),
        (
            "Many of his neighbors believe the bridge is unsafe.",
            "believe",
            "Many of his neighbors",
            "the bridge is unsafe",
        ),
        # near-misses: a comparison points elsewhere; a personal pronoun stands alone
        (
            "Someone like Tom Baker would say the bridge is unsafe.",
            "say",
            "Someone",
            "the bridge is unsafe",
        ),
        (
            "She said the bridge would reopen in March.",
            "said",
            "She",
            "the bridge would reopen in March",
        ),
    ],
)
def test_source_span(analyze, text, cue, source, content):
    attribution = with_cue(analyze(text), cue)
    assert attribution.source is not None
    assert attribution.source.text == source
    assert attribution.content.text == content


def test_transcript_speaker_without_quotation_mark(analyze):
    text = 'Part of the transcript follows:\n\n"RUIZ: We will rebuild the bridge before winter.'
    attribution = with_cue(analyze(text), ":")
    assert attribution.source.text == "RUIZ"
    assert attribution.content.text == "We will rebuild the bridge before winter"


def test_direct_quote_source_keeps_closing_comma(analyze):
    text = '"There is no money left," Baker, a former county engineer, said on Monday.'
    attribution = with_cue(analyze(text), "said")
    assert attribution.source.text == "Baker, a former county engineer,"
    assert attribution.content.text == '"There is no money left,"'


def _edges(nlp, text: str, drawn: str) -> str:
    """The source ``source_edges`` settles for a source drawn as ``drawn`` in ``text``."""
    doc = nlp(text)
    start = text.index(drawn)
    bounds = source_edges(doc, (start, start + len(drawn)))
    assert bounds is not None
    return text[bounds[0] : bounds[1]]


@pytest.mark.parametrize(
    ("text", "drawn", "settled"),
    [
        # a dateline before a dash
        (
            "OAKDALE -- Mayor Ana Ruiz said the bridge would reopen in March.",
            "OAKDALE -- Mayor Ana Ruiz",
            "Mayor Ana Ruiz",
        ),
        # a conjunction the parser hung on the verb
        ("But Ruiz said the bridge would reopen.", "But Ruiz", "Ruiz"),
        # a quotation mark with no partner in the source
        ('"RUIZ: We will rebuild.', '"RUIZ', "RUIZ"),
        # an aside opened inside the source takes its closing comma
        (
            "Tom Baker, a former contractor, said the plan would fail.",
            "Tom Baker, a former contractor",
            "Tom Baker, a former contractor,",
        ),
        # never end inside a hyphenated word
        ("His ex-wife agreed with the court.", "His ex", "His ex-wife"),
        # near-misses: a hyphen inside a word, a paired dash, a plain name
        ("His ex-wife agreed with the court.", "His ex-wife", "His ex-wife"),
        (
            "Ruiz -- the mayor -- said the bridge would reopen.",
            "Ruiz -- the mayor --",
            "Ruiz -- the mayor --",
        ),
        ("Tom Baker, who chairs the board, said no.", "Tom Baker", "Tom Baker"),
    ],
)
def test_source_edges(nlp, text, drawn, settled):
    assert _edges(nlp, text, drawn) == settled
