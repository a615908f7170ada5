"""Documents and records as sources: "The letter included a list of donors", "The memo
outlines a plan to ...", "Court filings detail payments to ...". A verb of holding or
setting out (lexicon ``reporting_verbs_documents``) reports its object when its subject
is a document; with any other subject it is no attribution ("the team included two
rookies")."""

from __future__ import annotations

from spacy.tokens import Token

from auditor.lexicon import load_lexicon
from auditor.nlp.cues import subject_of, verb_lemma

#: Lexicons of head nouns of documents, records and recordings.
DOCUMENT_LEXICONS = ("source_documents", "source_nouns_document")


def is_document(token: Token | None) -> bool:
    """``token`` heads a noun phrase that names a document, record or recording."""
    if token is None or token.pos_ not in {"NOUN", "PROPN"}:
        return False
    lemma = token.lemma_.lower()
    return any(
        lemma in load_lexicon(name) or token.lower_ in load_lexicon(name)
        for name in DOCUMENT_LEXICONS
    )


def document_reports(verb: Token) -> bool:
    """``verb`` sets out what a document holds: a verb of the lexicon, in the active, with
    a document as subject."""
    if verb_lemma(verb) not in load_lexicon("reporting_verbs_documents"):
        return False
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
        return False
    return is_document(subject_of(verb))
