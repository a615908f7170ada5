"""What a source phrase stands for, before its grammar is judged.

A relative pronoun stands for its noun ("generals, who advised" -> generals), "many of
whom" for the noun of "whom", the owner of words for the words ("Pushilin's comments");
a role said of a named person stands for that person ("Kaine is a former lawyer who
...", "John Bentel, a staffer who ..."). "It" and "they" stand for the nearest fitting
thing said before them: when that is a document ("The ad ... It also says", "her tax
returns ... they disclosed"), the source is the document, not the organization named
further back.
"""

from __future__ import annotations

from spacy.tokens import Token

from auditor.lexicon import load_lexicon
from auditor.nlp.labels import (
    ACTOR_ENTITIES,
    NOMINAL_SUBJECTS,
    NOUN_POS,
    NOUN_PREMODIFIERS,
    PERSON_OR_GROUP_ENTITIES,
    PLURAL_NOUN_TAGS,
    VERBAL_POS,
    WH_PRONOUN_TAGS,
)
from auditor.nlp.verb_subjects import antecedent

#: Sentences before a pronoun searched for what it stands for.
_SENTENCES_BACK = 2
_SUBJECTS = NOMINAL_SUBJECTS
#: Pronouns that share out a statement among the people just named.
_DISTRIBUTIVES = {"each", "both"}
#: Lexicons of nouns for people, one or many.
_PEOPLE_NOUNS = (
    "source_insider_roles",
    "source_public_categories",
    "source_person_roles",
    "source_party_members",
    "source_kin_nouns",
)


def referent(head: Token) -> Token:
    """The token a source head stands for: a relative pronoun's noun, the noun of "many of
    whom", the owner of "Pushilin's comments", the named person a role is said of."""
    pronoun = head
    head = antecedent(head)
    if head.lower_ in {"whom", "which"} and head.dep_ == "pobj":
        head = antecedent(head)
    if pronoun.tag_ in WH_PRONOUN_TAGS:
        head = _relative_noun(pronoun, head)
    if head.dep_ == "poss" and head.pos_ == "PRON":
        head = _clause_subject(head) or head
    if head.lower_ in _DISTRIBUTIVES and not any(c.dep_ == "prep" for c in head.children):
        head = _sentence_subject(head) or head  # "X and Y vied ..., each touting ..."
    return _named_holder(head)


def _relative_noun(pronoun: Token, found: Token) -> Token:
    """The noun a relative pronoun stands for when the parse gave none ("the Police
    Department which reported") or, for "who", gave a thing rather than people ("a focal
    point for demonstrators, who"): the nearest fitting noun before it. A "who" the parse
    hung on a place after people stands for the people ("Democrats on Capitol Hill,
    who"), and one after people named in apposition for the names ("two voters, Ana Ruiz
    and Bo Lee, who")."""
    if found is not pronoun and pronoun.lower_ == "who":
        found = _people_around(found, pronoun)
    if found is not pronoun and (pronoun.lower_ != "who" or _is_people(found)):
        return found
    for token in reversed(pronoun.doc[pronoun.sent.start : pronoun.i]):
        if token.pos_ not in NOUN_POS or token.dep_ == "compound":
            continue
        if pronoun.lower_ != "who" or _is_people(token):
            return token
    return found


def _people_around(found: Token, pronoun: Token) -> Token:
    """For a "who" whose parse antecedent is ``found``: the people noun a place or body
    after a preposition belongs to ("[Democrats] on Capitol Hill, who"), or the named
    people set in apposition to ``found`` before the pronoun ("voters, [Ana Ruiz] and Bo
    Lee, who"); ``found`` otherwise."""
    if (
        found.dep_ == "pobj"
        and found.ent_type_ not in PERSON_OR_GROUP_ENTITIES
        and not _people_noun(found)
        and found.head.dep_ == "prep"
    ):
        owner = _noun_before(found.head)
        if owner is not None and _is_people(owner):
            return owner
    names = [
        c for c in found.children
        if c.dep_ == "appos" and c.ent_type_ == "PERSON" and found.i < c.i < pronoun.i
    ]
    return names[0] if names else found


def _noun_before(preposition: Token) -> Token | None:
    """The noun a prepositional phrase follows: its head, or, when the parser hung the
    phrase on the verb, the object right before it ("anger [Republicans] on the Hill")."""
    if preposition.head.pos_ in NOUN_POS:
        return preposition.head
    if preposition.i == 0:
        return None
    before = preposition.doc[preposition.i - 1]
    while before.dep_ in NOUN_PREMODIFIERS and before.head.i > before.i:
        before = before.head
    if before.pos_ in NOUN_POS and before.head.i == preposition.head.i:
        return before
    return None


def _people_noun(token: Token) -> bool:
    """``token``'s word is in a lexicon of nouns for people ("aides", "voters")."""
    lemma, word = token.lemma_.lower(), token.lower_
    return any(
        word in load_lexicon(name) or lemma in load_lexicon(name) for name in _PEOPLE_NOUNS
    )


def _is_people(token: Token) -> bool:
    """Can ``token`` stand for people ("demonstrators", "Ana Ruiz", "aides", "they")?"""
    if token.pos_ == "PRON" or token.ent_type_ in PERSON_OR_GROUP_ENTITIES:
        return True
    if token.pos_ == "PROPN":
        return token.ent_type_ not in {"GPE", "LOC", "FAC", "DATE", "PRODUCT", "EVENT"}
    return _people_noun(token)


def _sentence_subject(token: Token) -> Token | None:
    """The subject of the sentence's main clause, said before ``token``."""
    root = token.sent.root
    subject = next((c for c in root.children if c.dep_ in _SUBJECTS), None)
    if subject is not None and subject.i < token.i and subject.pos_ in NOUN_POS:
        return subject
    return None


def _clause_subject(possessive: Token) -> Token | None:
    """The subject a possessive stands for in its own clause ("Ukrainian forces hold their
    ground" -> forces), when it agrees in number; None otherwise."""
    verb = possessive.head
    for _ in range(4):
        if verb.pos_ in VERBAL_POS or verb.dep_ == "ROOT":
            break
        verb = verb.head
    while verb.dep_ in {"xcomp", "conj"} and verb.head is not verb:
        verb = verb.head  # "continue to hold their ground": the subject of "continue"
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    if subject is None or subject.i > possessive.i or subject.pos_ not in NOUN_POS:
        return None
    plural = subject.tag_ in PLURAL_NOUN_TAGS or any(c.dep_ == "conj" for c in subject.children)
    if possessive.lower_ == "their" and plural:
        return subject
    if possessive.lower_ in {"his", "her"} and subject.pos_ == "PROPN" and not plural:
        return subject
    if possessive.lower_ == "its" and not plural:
        return subject
    return None


def _named_holder(noun: Token) -> Token:
    """The named person a role noun is said of: "John Bentel, a tech staffer" (an
    appositive of the name) or "Kaine is a former lawyer" (the complement of "be")."""
    if noun.pos_ != "NOUN":
        return noun
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
        return noun.head
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        subject = next((c for c in noun.head.children if c.dep_ in _SUBJECTS), None)
        if subject is not None and subject.pos_ == "PROPN":
            return subject
    return noun


def document_antecedent(pronoun: Token, named_at: int | None) -> Token | None:
    """The document "it" or "they" stands for, when one is said after the name the pronoun
    was resolved to (character offset ``named_at``, None if none) and is the nearest
    fitting noun: a subject in the nearest sentence that has one, else its last fitting
    noun."""
    if pronoun.lower_ not in {"it", "they"}:
        return None
    plural = pronoun.lower_ == "they"
    documents_only = pronoun.head.lemma_.lower() in load_lexicon("source_document_verbs")
    sentence = pronoun.sent
    for _ in range(_SENTENCES_BACK + 1):
        found = _fitting_nouns(sentence, pronoun, plural)
        if documents_only:
            # "It shows an officer ...": only a document does that
            found = [t for t in found if t.lower_ in _documents()]
            if found:
                return found[-1]
        if found:
            subjects = [t for t in found if t.dep_ in _SUBJECTS]
            chosen = (subjects or found)[-1]
            if chosen.lower_ not in _documents():
                return None
            if named_at is not None and named_at > chosen.idx:
                return None
            return chosen
        if sentence.start == 0:
            break
        sentence = pronoun.doc[sentence.start - 1].sent
    return None


def _fitting_nouns(sentence, pronoun: Token, plural: bool) -> list[Token]:
    """Nouns of ``sentence`` before ``pronoun`` that it could stand for: documents of its
    number, proper names (an organization named there competes with the document), and
    other subjects of its number ("the withdrawal may be a move, but it risks exposing
    ...": "it" is the withdrawal, not a report named sentences before)."""
    found = []
    # A subject competes only when the pronoun does not itself speak: in "The benefit,
    # it says, would be $300" the subject is what "it" reports, not what "it" is.
    speaks = pronoun.head.lemma_.lower() in load_lexicon("reporting_verbs")
    for token in sentence:
        if token.i >= pronoun.i:
            break
        is_plural = token.tag_ in PLURAL_NOUN_TAGS
        if token.pos_ == "NOUN" and token.lower_ in _documents() and is_plural == plural:
            found.append(token)
        elif token.pos_ == "PROPN" and token.ent_type_ in ACTOR_ENTITIES:
            if token.dep_ not in {"compound", "poss"}:
                found.append(token)
        elif not speaks and token.pos_ == "NOUN" and token.dep_ in _SUBJECTS:
            if is_plural == plural:
                found.append(token)
    return found


def _documents() -> frozenset[str]:
    return load_lexicon("source_documents")
