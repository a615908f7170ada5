"""The per-doc text and token lists the auditor's passes share."""

from __future__ import annotations

import spacy

from auditor.nlp.doctext import doc_text, doc_tokens, forget


def test_text_and_tokens_are_built_once_per_doc():
    nlp = spacy.blank("en")
    doc = nlp("The mayor said the bridge was closed.")
    assert doc_text(doc) == doc.text
    assert doc_text(doc) is doc_text(doc)
    tokens = doc_tokens(doc)
    assert [t.text for t in tokens] == [t.text for t in doc]
    assert doc_tokens(doc) is tokens
    forget(doc)
    assert doc_tokens(doc) is not tokens


def test_each_doc_has_its_own():
    nlp = spacy.blank("en")
    first, second = nlp("One text."), nlp("Another, longer text.")
    assert doc_text(first) == "One text." and doc_text(second) == "Another, longer text."
    assert doc_tokens(first)[0].doc is first and doc_tokens(second)[0].doc is second


def test_a_retokenized_doc_is_read_again():
    nlp = spacy.blank("en")
    doc = nlp("New York said so.")
    assert len(doc_tokens(doc)) == 5
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])
    assert [t.text for t in doc_tokens(doc)] == ["New York", "said", "so", "."]
    assert doc_text(doc) == "New York said so."


def test_a_new_doc_at_a_freed_doc_s_address_is_not_mistaken_for_it():
    nlp = spacy.blank("en")
    texts = []
    for n in range(200):  # freed docs' ids get reused
        doc = nlp(f"Text number {n} here.")
        texts.append(doc_text(doc) == doc.text and doc_tokens(doc)[2].text == str(n))
        forget(doc)
        del doc
    assert all(texts)
