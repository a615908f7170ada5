"""Where a content ends (issue 12): what a reported clause or object takes in after its
head, and what it leaves to the writer. The sentences are cases in
tests/cases/content_bounds.yaml (run by tests/test_cases.py); here, the helpers on parses
written out by hand."""

from __future__ import annotations

from parses import parsed

from auditor.nlp.content import reported_content

# --- coordinated gerunds under a verb of mentioning ----------------------------------


def test_gerund_read_as_adjective_still_coordinates_with_the_next_gerund(nlp):
    # The parser sometimes reads the first gerund as an adjective of its object
    # ("[refinancing] loans") and hangs the second one on the cue verb: the two are still
    # one coordinated content.
    rows = [
        ("Mr.", "NNP", "PROPN", "compound", 1, "Mr."),
        ("Haldane", "NNP", "PROPN", "nsubj", 3, "Haldane"),
        ("has", "VBZ", "AUX", "aux", 3, "have"),
        ("mentioned", "VBN", "VERB", "ROOT", 3, "mention"),
        ("refinancing", "VBG", "VERB", "amod", 6, "refinance"),
        ("farm", "NN", "NOUN", "compound", 6, "farm"),
        ("loans", "NNS", "NOUN", "dobj", 3, "loan"),
        ("and", "CC", "CCONJ", "cc", 3, "and"),
        ("forcing", "VBG", "VERB", "conj", 3, "force"),
        ("banks", "NNS", "NOUN", "dobj", 8, "bank"),
        ("to", "TO", "PART", "aux", 11, "to"),
        ("cap", "VB", "VERB", "xcomp", 8, "cap"),
        ("fees", "NNS", "NOUN", "dobj", 11, "fee"),
        (".", ".", "PUNCT", "punct", 3, "."),
    ]
    doc = parsed(nlp, rows)
    start, end = reported_content(doc[3])
    assert doc[start:end].text == "refinancing farm loans and forcing banks to cap fees"


def test_adjective_before_an_object_does_not_take_a_later_act(nlp):
    # "cited [rising] costs and [warned] ...": a second finite act is not a gerund
    rows = [
        ("Ms.", "NNP", "PROPN", "compound", 1, "Ms."),
        ("Ortega", "NNP", "PROPN", "nsubj", 2, "Ortega"),
        ("cited", "VBD", "VERB", "ROOT", 2, "cite"),
        ("rising", "VBG", "VERB", "amod", 4, "rise"),
        ("costs", "NNS", "NOUN", "dobj", 2, "cost"),
        ("and", "CC", "CCONJ", "cc", 2, "and"),
        ("left", "VBD", "VERB", "conj", 2, "leave"),
        ("early", "RB", "ADV", "advmod", 6, "early"),
        (".", ".", "PUNCT", "punct", 2, "."),
    ]
    doc = parsed(nlp, rows)
    start, end = reported_content(doc[2])
    assert doc[start:end].text == "rising costs"


# --- no sentence starts right after a word ---------------------------------------------


def test_no_sentence_starts_right_after_a_word_on_the_same_line(nlp):
    # "cited remarks | Vance had made ...": a sentence split there (no punctuation, no line
    # break) would cut the content at "remarks"; set before the parser, it is ruled out.
    from auditor.nlp.paragraphs import ParagraphBreaker

    text = "Ms. Ortega cited remarks Vance had made. Then she left.\nNew paragraph here"
    doc = ParagraphBreaker()(nlp.make_doc(text))
    starts = {t.text: t.is_sent_start for t in doc}
    assert starts["Vance"] is False
    assert starts["left"] is False
    assert starts["Then"] is None  # after a full stop: the parser decides
    assert starts["New"] is True  # a paragraph always starts a sentence


# --- a content never ends on a coordinator ------------------------------------------------


def test_conjunct_after_a_dangling_or_goes_on_with_the_infinitive(nlp):
    # The tagger reads the bare verb after "or" as VBP and the parser hangs it on the cue:
    # it still shares the infinitive's "to".
    rows = [
        ("The", "DT", "DET", "det", 1, "the"),
        ("governor", "NN", "NOUN", "nsubj", 2, "governor"),
        ("declined", "VBD", "VERB", "ROOT", 2, "decline"),
        ("to", "TO", "PART", "aux", 4, "to"),
        ("criticize", "VB", "VERB", "xcomp", 2, "criticize"),
        ("the", "DT", "DET", "det", 6, "the"),
        ("utility", "NN", "NOUN", "dobj", 4, "utility"),
        ("or", "CC", "CCONJ", "cc", 4, "or"),
        ("even", "RB", "ADV", "advmod", 10, "even"),
        ("directly", "RB", "ADV", "advmod", 10, "directly"),
        ("blame", "VBP", "VERB", "conj", 2, "blame"),
        ("it", "PRP", "PRON", "dobj", 10, "it"),
        (".", ".", "PUNCT", "punct", 2, "."),
    ]
    doc = parsed(nlp, rows)
    start, end = reported_content(doc[2])
    assert doc[start:end].text == "to criticize the utility or even directly blame it"
