"""Documents and records as sources: "The letter included a list of donors", "The memo
outlines a plan to ...", "A 2019 audit found 40 errors in the rolls". A verb of holding
or setting out (lexicon ``reporting_verbs_documents``) reports its object when its
subject is a document; with any other subject it is no attribution ("the team included
two rookies"). Binding texts report what they allow, require or forbid ("the rules
permit members to vote by proxy", lexicons ``source_nouns_rules`` and
``verbs_of_rules``), and poll shares the preference they count ("5 percent prefer
Okafor", :mod:`auditor.nlp.poll_shares`). What a document holds runs on past its
object ("found 12 cases [out of two million votes]") up to a closing aside. A quotation
followed by "the letter reads" is the letter's: :mod:`auditor.nlp.document_quotes`."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from auditor.lexicon import load_lexicon
from auditor.nlp.cues import verb_lemma
from auditor.nlp.labels import NOUN_POS, PASSIVE_MARKERS
from auditor.nlp.poll_shares import share_states_preference
from auditor.nlp.source_referent import document_antecedent
from auditor.nlp.verb_subjects import subject_of

#: Lexicons of head nouns of documents, records and recordings.
DOCUMENT_LEXICONS = ("source_documents", "source_nouns_document")


def is_document(token: Token | None) -> bool:
    """``token`` heads a noun phrase that names a document, record or recording, or is
    "it" or "they" standing for one ("his returns ..., even though they exposed ...")."""
    if token is not None and token.pos_ == "PRON":
        return document_antecedent(token, None) is not None
    return _in_lexicons(token, DOCUMENT_LEXICONS)


def is_binding_text(token: Token | None) -> bool:
    """``token`` heads a noun phrase that names a rule, law or agreement ("the party's
    rules", "the 1951 convention")."""
    return _in_lexicons(token, ("source_nouns_rules",))


def document_reports(verb: Token) -> bool:
    """``verb`` sets out what a document holds: in the active, a verb of holding with a
    document as subject ("the memo outlines a plan"), a verb of granting or binding with a
    binding text as subject ("the treaty obligates countries to ..."), or a verb of
    preference with a poll share as subject ("44 percent would choose Brandt")."""
    if any(c.dep_ in PASSIVE_MARKERS for c in verb.children):
        return False
    lemma = verb_lemma(verb)
    subject = subject_of(verb)
    if lemma in load_lexicon("reporting_verbs_documents"):
        # "the rules include few guidelines": a binding text's terms, no one's report
        subject = _relative_antecedent(subject)
        return is_document(subject) and not is_binding_text(subject)
    if lemma in load_lexicon("verbs_of_rules"):
        return is_binding_text(subject)
    return share_states_preference(verb)


def document_object_end(doc: Doc, start: int, end: int) -> int:
    """Where what a document holds ends, in tokens ``[start, end)``: before an aside set
    off by a comma, "with" what others show or "where"/"which" about a noun of it ("polls
    show [a close race in the state], where ten votes are at stake", "averages show [her
    ahead by two], with one site showing her up three")."""
    for i in range(start + 1, end - 1):
        if doc[i].text != ",":
            continue
        after = doc[i + 1]
        aside = None
        if after.lower_ == "with" and after.dep_ == "prep":
            aside = after
        elif after.tag_ in {"WRB", "WDT"} and after.head.dep_ == "relcl":
            aside = after.head
        if aside is not None and aside.right_edge.i + 2 >= end:
            return i  # an aside that closes the content ("a plan, which X rejected, to
            # close schools" keeps its aside)
    return end


def _relative_antecedent(subject: Token | None) -> Token | None:
    """The noun a relative "which" or "that" stands for ("a 2005 book, which explored
    ..." -> book); any other subject as it is."""
    if subject is not None and subject.tag_ == "WDT" and subject.head.dep_ == "relcl":
        return subject.head.head
    return subject


def _in_lexicons(token: Token | None, lexicons: tuple[str, ...]) -> bool:
    if token is None or token.pos_ not in NOUN_POS:
        return False
    lemma = token.lemma_.lower()
    return any(
        lemma in load_lexicon(name) or token.lower_ in load_lexicon(name) for name in lexicons
    )
