"""Documents named by a preposition of the clause they source: "Lind gained ground [in
the latest polls]", "[In this survey], Lind rose two points", "300 acres were lost, [by
one estimate]", "proxies are barred, [per the party's bylaws]". The preposition is the
cue, its object the source (a poll, an estimate, a document; lexicons
``source_poll_nouns``, ``source_estimate_nouns``, ``source_documents``), the clause or
noun phrase it modifies the content. A verb of saying carries its own attribution, and
"per year" or "by the river" name no document.

A verb of saying in the passive, or in an "as" clause, with "in" and a document after it
is that document's: "As stated in Lee's column, ...", "as outlined in the report, ...",
"All of this is documented in the film"."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from auditor.lexicon import load_lexicon
from auditor.nlp.content_verbs import is_content_verb, word_count
from auditor.nlp.cues import cue_tokens, is_reporting_verb, trimmed_bounds, verb_lemma
from auditor.nlp.doctext import doc_tokens
from auditor.nlp.labels import NOMINAL_SUBJECTS, NOUN_POS, VERBAL_POS
from auditor.nlp.raw import QuoteIndex, RawAttribution
from auditor.nlp.verb_subjects import subject_bounds

#: Which lexicon of source nouns each preposition takes.
PREPOSITION_SOURCES = {
    "in": "source_poll_nouns",
    "by": "source_estimate_nouns",
    "per": "source_documents",
}
#: Dependents of a verb that belong to its clause when they come before it.
_CLAUSE_LEFT = {"nsubj", "nsubjpass", "expl", "aux", "auxpass", "neg", "csubj"}
#: Heads of a partitive that keep the noun they count ("one of the first polls").
_PARTITIVES = {"one", "some", "many", "several", "most", "each", "all"}


def document_phrase_attributions(
    doc: Doc, index: QuoteIndex, existing: list[RawAttribution]
) -> list[RawAttribution]:
    """One attribution per preposition that names a poll, estimate or document as the
    source of what it modifies; ``existing`` attributions whose cue is a verb of saying
    "in" a document take that document as source."""
    found = _stated_in_documents(doc, index, existing)
    for token in doc_tokens(doc):
        lexicon = PREPOSITION_SOURCES.get(token.lower_)
        if lexicon is None or token.dep_ != "prep" or index.inside(token) is not None:
            continue
        source = _named_document(token, lexicon)
        stretch = _sourced_stretch(token) if source is not None else None
        if stretch is None or word_count(doc, *stretch) < 2:
            continue
        bounds = trimmed_bounds(doc, *stretch)
        if bounds is None:
            continue
        found.append(
            RawAttribution(
                kind="according_to",
                content=bounds,
                cue=(token.idx, token.idx + len(token)),
                cue_head=token.idx,
                source=subject_bounds(source),
                source_head=source.idx,
            )
        )
    return found


def _named_document(preposition: Token, lexicon: str) -> Token | None:
    """The object of ``preposition`` when its noun is in ``lexicon``, directly or through
    a partitive ("one of the first post-debate polls")."""
    noun = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    if noun is None:
        return None
    if _in_lexicon(noun, lexicon):
        return noun
    if noun.lower_ in _PARTITIVES or noun.like_num:
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        counted = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if counted is not None and _in_lexicon(counted, lexicon):
            return noun
    return None


def _sourced_stretch(preposition: Token) -> tuple[int, int] | None:
    """Token range of what the phrase sources, without the phrase: the subject noun phrase
    it modifies ("[Lind's recent gains] in some polls") or the clause of the verb it
    hangs on, directly or through the verb's object ("[she did not receive a bump] in
    the poll"); None under a verb of saying, which reports for itself."""
    head = preposition.head
    if head.pos_ in NOUN_POS and head.dep_ in NOMINAL_SUBJECTS:
        return head.left_edge.i, preposition.i
    for _ in range(2):
        if head.pos_ in NOUN_POS and head.dep_ in {"dobj", "attr", "pobj", "prep"}:
            head = head.head
    if head.pos_ == "ADP":
        head = head.head
    if head.pos_ not in VERBAL_POS or is_content_verb(head):
        return None
    start = min(
        [c.left_edge.i for c in head.children if c.dep_ in _CLAUSE_LEFT and c.i < head.i] + [head.i]
    )
    end = head.right_edge.i + 1
    phrase = (preposition.i, preposition.right_edge.i + 1)
    if phrase[0] >= start:
        end = min(end, phrase[0])  # the phrase closes the clause, or cuts it short
    return (start, end) if end > start else None


def _in_lexicon(noun: Token, lexicon: str) -> bool:
    words = load_lexicon(lexicon)
    return noun.pos_ in NOUN_POS and (noun.lower_ in words or noun.lemma_.lower() in words)


def _stated_in_documents(
    doc: Doc, index: QuoteIndex, existing: list[RawAttribution]
) -> list[RawAttribution]:
    """ "As stated in Lee's column, ...", "All of this is documented in the film": the
    source of an attribution already found for the verb is set to the document (not the
    main clause's subject); a verb without one gets one for its passive subject."""
    by_cue = {a.cue_head: a for a in existing if a.cue_head is not None}
    found = []
    for token in doc_tokens(doc):
        document = _document_stated_in(token)
        if document is None or index.inside(token) is not None:
            continue
        attribution = by_cue.get(token.idx)
        if attribution is None:
            attribution = _passive_subject_attribution(doc, token)
            if attribution is None:
                continue
            found.append(attribution)
        attribution.source = subject_bounds(document)
        attribution.source_head = document.idx
    return found


def _document_stated_in(verb: Token) -> Token | None:
    """The document of "[stated] in the report" when the verb is a passive participle of
    saying ("is documented in", "as outlined in")."""
    if verb.tag_ != "VBN" or not (
        is_reporting_verb(verb) or verb_lemma(verb) in load_lexicon("reporting_verbs_documents")
    ):
        return None
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    as_clause = any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    if not (passive or as_clause):
        return None
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "in":
            noun = next((c for c in child.children if c.dep_ == "pobj"), None)
            if noun is not None and _in_lexicon(noun, "source_documents"):
                return noun
    return None


def _passive_subject_attribution(doc: Doc, verb: Token) -> RawAttribution | None:
    """ "[All of this] is documented in the film": the passive subject is the content."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None:
        return None
    bounds = trimmed_bounds(doc, subject.left_edge.i, subject.right_edge.i + 1)
    if bounds is None:
        return None
    cue = cue_tokens(verb)
    return RawAttribution(
        kind="indirect",
        content=bounds,
        cue=(cue[0].idx, cue[-1].idx + len(cue[-1])),
        cue_head=verb.idx,
    )
