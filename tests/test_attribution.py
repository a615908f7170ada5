"""The auditor_attributions component through its API: values on ``Doc._``, batched re-parses,
and the helpers that bound content and repair misparses, on parses written out by hand.

What the component finds in a sentence (direct, reported, mixed, according-to and floating
attributions) is a table of cases: tests/cases/*.yaml, run by tests/test_cases.py."""

from __future__ import annotations

import pytest
from parses import parsed


def test_component_values_are_plain_for_multiprocessing(nlp):
    doc = nlp('"We are ready," said Ana Ruiz.')
    import srsly

    # Everything stored on Doc._ must survive msgpack, as nlp.pipe(n_process>1) needs.
    for name in ("auditor_quotes", "auditor_attributions", "auditor_speakers"):
        value = getattr(doc._, name)
        assert srsly.msgpack_loads(srsly.msgpack_dumps(value)) == value


# ------------------------------------------------------------------------ headlines


def test_pipe_reparses_the_batch_s_headlines_together(nlp, monkeypatch):
    texts = [
        "Dock Workers Rip Port Authority As A 'Reckless Landlord'\n\n"
        "The union said on Monday that rents at the harbor had doubled.",
        "Mayor Seeks New Ferry Funds As City Marks Harbor Anniversary\n\n"
        "The mayor asked the council for money on Tuesday.",
        "the ferry ran late.\n\nNobody said why.",
    ]
    one_by_one = [doc._.auditor_attributions for doc in map(nlp, texts)]
    finder = nlp.get_pipe("auditor_attributions")
    calls = []
    reparse_all = finder._reparse_all
    monkeypatch.setattr(
        finder, "_reparse_all", lambda lines: calls.append(lines) or reparse_all(lines)
    )
    piped = [doc._.auditor_attributions for doc in nlp.pipe(texts, batch_size=8)]
    assert piped == one_by_one
    assert any(a["content"][0] < 50 for a in piped[0])  # the headline's attribution
    # Both title-case headlines in one pass of the model; the lower-case line in none.
    assert [len(lines) for lines in calls] == [2]


def test_verb_the_tagger_read_as_a_noun(nlp):
    from spacy.tokens import Doc

    from auditor.nlp.cues import acts_as_verb, is_reporting_verb

    # "Okafor claims that fees rose", with "claims" mis-tagged as a noun at the root.
    doc = Doc(
        nlp.vocab,
        words=["Okafor", "claims", "that", "fees", "rose"],
        pos=["PROPN", "NOUN", "SCONJ", "NOUN", "VERB"],
        deps=["nsubj", "ROOT", "mark", "nsubj", "ccomp"],
        heads=[1, 1, 4, 4, 1],
        lemmas=["Okafor", "claim", "that", "fee", "rise"],
    )
    assert acts_as_verb(doc[1]) and is_reporting_verb(doc[1])
    assert not acts_as_verb(doc[3])  # a noun that is a subject, not a verb


# --- quoted titles and content bounds ------------------------------------------------


@pytest.mark.parametrize(
    ("quoted", "title"),
    [
        ('"Morning Briefing"', True),
        ('"Contract with the Voters,"', True),
        ('"13th."', True),
        ('"Lock him up! Lock him up!"', False),
        ('"a disgrace"', False),
        ('"the Islamic State"', False),
    ],
)
def test_looks_like_title(quoted, title):
    from auditor.nlp.quote_shapes import looks_like_title

    assert looks_like_title(quoted) is title


def test_content_drops_the_bracket_that_closes_the_writer_s_aside(nlp):
    from auditor.nlp.cues import trimmed_bounds

    doc = nlp.make_doc('the "paper tigers") met')
    end = [t.i for t in doc if t.text == ")"][0] + 1
    start, stop = trimmed_bounds(doc, 0, end)
    assert doc.text[start:stop] == 'the "paper tigers"'


def test_content_takes_in_the_opening_mark_of_its_quote():
    from auditor.nlp.claim_bounds import close_quotes
    from auditor.nlp.raw import QuoteIndex

    text = 'It reported "2,000 calls" in May.'
    index = QuoteIndex([{"start": 12, "end": 25, "closed": True, "paragraphs": 1}], text)
    start, end = close_quotes(index, (13, 24))  # the parser left both marks out
    assert text[start:end] == '"2,000 calls"'


# --- rules that repair the parser's misreadings, on parses written out by hand ---------


def test_parenthetical_cue_misread_as_the_main_verb(nlp):
    from auditor.nlp.content import reported_content

    doc = parsed(nlp, [
        ("These", "DT", "DET", "det", 1, "these"),
        ("workers", "NNS", "NOUN", "npadvmod", 4, "worker"),
        (",", ",", "PUNCT", "punct", 4, ","),
        ("Lind", "NNP", "PROPN", "nsubj", 4, "Lind"),
        ("explained", "VBD", "VERB", "ROOT", 4, "explain"),
        (",", ",", "PUNCT", "punct", 4, ","),
        ("were", "VBD", "AUX", "conj", 4, "be"),
        ("well", "RB", "ADV", "advmod", 8, "well"),
        ("paid", "VBN", "VERB", "acomp", 6, "pay"),
        (".", ".", "PUNCT", "punct", 4, "."),
    ])  # fmt: skip
    assert reported_content(doc[4]) == (0, 10)


def test_fronted_setting_is_no_parenthetical(nlp):
    from auditor.nlp.content import reported_content

    doc = parsed(nlp, [
        ("In", "IN", "ADP", "prep", 3, "in"),
        ("August", "NNP", "PROPN", "pobj", 0, "August"),
        (",", ",", "PUNCT", "punct", 3, ","),
        ("Lind", "NNP", "PROPN", "nsubj", 4, "Lind"),
        ("explained", "VBD", "VERB", "ROOT", 4, "explain"),
        (",", ",", "PUNCT", "punct", 4, ","),
        ("smiling", "VBG", "VERB", "advcl", 4, "smile"),
        (".", ".", "PUNCT", "punct", 4, "."),
    ])  # fmt: skip
    assert reported_content(doc[4]) is None


def test_gerund_conjunct_misread_as_a_second_sentence(nlp):
    from auditor.nlp.content import reported_content

    doc = parsed(nlp, [
        ("She", "PRP", "PRON", "nsubj", 1, "she"),
        ("said", "VBD", "VERB", "ROOT", 1, "say"),
        ("she", "PRP", "PRON", "nsubj", 3, "she"),
        ("recalls", "VBZ", "VERB", "ccomp", 1, "recall"),
        ("the", "DT", "DET", "det", 5, "the"),
        ("aide", "NN", "NOUN", "nsubj", 6, "aide"),
        ("being", "VBG", "AUX", "ccomp", 3, "be"),
        ("tired", "JJ", "ADJ", "acomp", 6, "tired"),
        (",", ",", "PUNCT", "punct", 1, ","),
        ("and", "CC", "CCONJ", "cc", 1, "and"),
        ("the", "DT", "DET", "det", 11, "the"),
        ("boss", "NN", "NOUN", "nsubj", 12, "boss"),
        ("being", "VBG", "AUX", "conj", 1, "be"),
        ("kind", "JJ", "ADJ", "acomp", 12, "kind"),
        (".", ".", "PUNCT", "punct", 1, "."),
    ])  # fmt: skip
    assert reported_content(doc[1]) == (2, 14)


def test_finite_conjunct_is_the_narrator_s(nlp):
    from auditor.nlp.content import reported_content

    doc = parsed(nlp, [
        ("She", "PRP", "PRON", "nsubj", 1, "she"),
        ("said", "VBD", "VERB", "ROOT", 1, "say"),
        ("costs", "NNS", "NOUN", "nsubj", 3, "cost"),
        ("rose", "VBD", "VERB", "ccomp", 1, "rise"),
        (",", ",", "PUNCT", "punct", 1, ","),
        ("and", "CC", "CCONJ", "cc", 1, "and"),
        ("the", "DT", "DET", "det", 7, "the"),
        ("board", "NN", "NOUN", "nsubj", 8, "board"),
        ("left", "VBD", "VERB", "conj", 1, "leave"),
        (".", ".", "PUNCT", "punct", 1, "."),
    ])  # fmt: skip
    assert reported_content(doc[1]) == (2, 4)


@pytest.mark.parametrize(
    ("mark", "verb", "lemma", "subject"),
    [("when", "comes", "come", "it"), ("if", "builds", "build", "it")],
)
def test_condition_of_the_claim_misread_as_the_cue_s(nlp, mark, verb, lemma, subject):
    from auditor.nlp.content import reported_content

    doc = parsed(nlp, [
        ("Lind", "NNP", "PROPN", "nsubj", 1, "Lind"),
        ("said", "VBD", "VERB", "ROOT", 1, "say"),
        ("there", "EX", "PRON", "expl", 3, "there"),
        ("is", "VBZ", "VERB", "ccomp", 1, "be"),
        ("a", "DT", "DET", "det", 5, "a"),
        ("gap", "NN", "NOUN", "attr", 3, "gap"),
        (",", ",", "PUNCT", "punct", 1, ","),
        (mark, "WRB" if mark == "when" else "IN", "SCONJ", "advmod", 9, mark),
        (subject, "PRP", "PRON", "nsubj", 9, subject),
        (verb, "VBZ", "VERB", "advcl", 1, lemma),
        ("to", "IN", "ADP", "prep", 9, "to"),
        ("pay", "NN", "NOUN", "pobj", 10, "pay"),
        (".", ".", "PUNCT", "punct", 1, "."),
    ])  # fmt: skip
    assert reported_content(doc[1]) == (2, 12)


def test_time_of_the_saying_stays_out(nlp):
    from auditor.nlp.content import reported_content

    doc = parsed(nlp, [
        ("Lind", "NNP", "PROPN", "nsubj", 1, "Lind"),
        ("said", "VBD", "VERB", "ROOT", 1, "say"),
        ("costs", "NNS", "NOUN", "nsubj", 3, "cost"),
        ("rose", "VBD", "VERB", "ccomp", 1, "rise"),
        (",", ",", "PUNCT", "punct", 1, ","),
        ("when", "WRB", "SCONJ", "advmod", 6, "when"),
        ("asked", "VBN", "VERB", "advcl", 1, "ask"),
        (".", ".", "PUNCT", "punct", 1, "."),
    ])  # fmt: skip
    assert reported_content(doc[1]) == (2, 4)


def test_complement_after_the_cue_beats_a_fronted_one(nlp):
    from auditor.nlp.content import reported_content

    doc = parsed(nlp, [
        ("While", "IN", "SCONJ", "mark", 2, "while"),
        ("he", "PRP", "PRON", "nsubj", 2, "he"),
        ("admitted", "VBD", "VERB", "advcl", 4, "admit"),
        ("funds", "NNS", "NOUN", "nsubj", 4, "fund"),
        ("were", "VBD", "AUX", "ccomp", 8, "be"),
        ("short", "JJ", "ADJ", "acomp", 4, "short"),
        (",", ",", "PUNCT", "punct", 8, ","),
        ("Lind", "NNP", "PROPN", "nsubj", 8, "Lind"),
        ("noted", "VBD", "VERB", "ROOT", 8, "note"),
        ("costs", "NNS", "NOUN", "nsubj", 10, "cost"),
        ("rose", "VBD", "VERB", "ccomp", 8, "rise"),
        (".", ".", "PUNCT", "punct", 8, "."),
    ])  # fmt: skip
    assert reported_content(doc[8]) == (9, 11)


def test_second_act_in_the_base_form_is_cut(nlp):
    from auditor.nlp.claim_end import claim_end

    doc = parsed(nlp, [
        ("Critics", "NNS", "NOUN", "nsubj", 1, "critic"),
        ("call", "VBP", "VERB", "ROOT", 1, "call"),
        ("the", "DT", "DET", "det", 3, "the"),
        ("plan", "NN", "NOUN", "dobj", 1, "plan"),
        ("a", "DT", "DET", "det", 5, "a"),
        ("giveaway", "NN", "NOUN", "oprd", 1, "giveaway"),
        ("and", "CC", "CCONJ", "cc", 5, "and"),
        ("describe", "VB", "VERB", "conj", 5, "describe"),
        ("its", "PRP$", "PRON", "poss", 9, "its"),
        ("backers", "NNS", "NOUN", "dobj", 7, "backer"),
        (".", ".", "PUNCT", "punct", 1, "."),
    ])  # fmt: skip
    assert claim_end(doc, 2, 10, doc[1]) == 6


def test_name_before_a_verb_left_without_subject(nlp):
    from auditor.nlp.verb_subjects import subject_of

    doc = parsed(nlp, [
        ("After", "IN", "ADP", "prep", 6, "after"),
        ("the", "DT", "DET", "det", 2, "the"),
        ("war", "NN", "NOUN", "pobj", 0, "war"),
        (",", ",", "PUNCT", "punct", 2, ","),
        ("Lee", "NNP", "PROPN", "conj", 2, "Lee"),
        ("and", "CC", "CCONJ", "cc", 4, "and"),
        ("Kim", "NNP", "PROPN", "conj", 4, "Kim"),
        ("call", "VBP", "VERB", "ROOT", 7, "call"),
        ("it", "PRP", "PRON", "dobj", 7, "it"),
        ("a", "DT", "DET", "det", 10, "a"),
        ("win", "NN", "NOUN", "oprd", 7, "win"),
        (".", ".", "PUNCT", "punct", 7, "."),
    ])  # fmt: skip
    assert subject_of(doc[7]).text == "Kim"
    doc = parsed(nlp, [
        ("Then", "RB", "ADV", "advmod", 1, "then"),
        ("call", "VB", "VERB", "ROOT", 1, "call"),
        ("it", "PRP", "PRON", "dobj", 1, "it"),
        (".", ".", "PUNCT", "punct", 1, "."),
    ])  # fmt: skip
    assert subject_of(doc[1]) is None


def test_that_clause_misread_as_a_relative_clause_of_a_time_phrase(nlp):
    from auditor.nlp.content import reported_content

    rows = [
        ("The", "DT", "DET", "det", 1, "the"),
        ("Times", "NNP", "PROPN", "nsubj", 2, "Times"),
        ("reported", "VBD", "VERB", "ROOT", 2, "report"),
        ("at", "IN", "ADP", "prep", 2, "at"),
        ("the", "DT", "DET", "det", 5, "the"),
        ("time", "NN", "NOUN", "pobj", 3, "time"),
        ("that", "WDT", "PRON", "advmod", 9, "that"),
        ("the", "DT", "DET", "det", 8, "the"),
        ("editor", "NN", "NOUN", "nsubj", 9, "editor"),
        ("quit", "VBD", "VERB", "relcl", 5, "quit"),
        (".", ".", "PUNCT", "punct", 2, "."),
    ]
    doc = parsed(nlp, rows)
    assert reported_content(doc[2]) == (6, 10)
    # a real relative clause: "that" is its subject
    rows[6:10] = [
        ("that", "WDT", "PRON", "nsubj", 7, "that"),
        ("was", "VBD", "AUX", "relcl", 5, "be"),
        ("busy", "JJ", "ADJ", "acomp", 7, "busy"),
    ]
    rows = [(*r[:4], r[4] if r[4] < 9 else r[4] - 1, r[5]) for r in rows]
    doc = parsed(nlp, rows)
    assert reported_content(doc[2]) is None
