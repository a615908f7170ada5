"""Who can speak: whether the subject of a verb of saying or stance can be a source.

A subject can speak when it names or stands for people, bodies or documents: a name, a
person pronoun, a noun from the speaker lexicons, a relative pronoun whose antecedent can
speak ("cities that support the rules"), a count or share of speakers ("a number of
lawmakers", "one of his aides", "42 percent of those polled"), or an indefinite that
stands for people on its own ("no one expected", "a quarter call it a waste").
"""

from __future__ import annotations

from spacy.tokens import Token

from auditor.lexicon import load_lexicon
from auditor.nlp.labels import (
    AUXILIARIES,
    NOUN_CLAUSES,
    NOUN_POS,
    PERSON_OR_ORG_ENTITIES,
    SPEAKING_ENTITIES,
)
from auditor.nlp.pronouns import PEOPLE_OBJECTS, SPEAKING_SUBJECTS

#: Pronouns that can be a speaker.
SPEAKING_PRONOUNS = SPEAKING_SUBJECTS
#: Object pronouns that name people: the subject of a gerund takes this form ("clips of
#: [her] supporting the war", "recordings of [them] praising the plan").
OBJECT_PRONOUNS = PEOPLE_OBJECTS
#: Lexicons of nouns that can be a speaker: people, groups, organizations, documents.
SPEAKER_LEXICONS = (
    "source_nouns_anonymous",
    "source_nouns_vague",
    "source_nouns_document",
    "media_nouns",
    "organization_words",
    "person_titles",
    "speaker_nouns",
    "source_person_roles",
    "source_insider_roles",
    "source_public_categories",
    "source_kin_nouns",
    "source_party_members",
    "sourcing_roles",
)
#: Relative pronouns that stand for the noun their clause hangs on.
RELATIVE_PRONOUNS = {"which", "that"}
#: Determiners that point at one thing ("this one", "that share"), not at people.
POINTING_DETERMINERS = {"this", "that", "these", "those"}


def can_speak(subject: Token | None) -> bool:
    """Whether a subject can be a source: a name, a person pronoun, or a noun that names
    people, organizations or documents, or a count of them."""
    if subject is None:
        return False
    if subject.pos_ == "PROPN" or subject.ent_type_ in SPEAKING_ENTITIES:
        return True
    if subject.lower_ in RELATIVE_PRONOUNS and subject.tag_ == "WDT":
        # "the police department, which reported ...", "cities that support the rules":
        # the antecedent speaks
        referent = _relative_antecedent(subject)
        return referent is not None and referent.pos_ in NOUN_POS and can_speak(
            referent
        )
    if subject.pos_ == "PRON" and subject.lower_ in SPEAKING_PRONOUNS:
        return True
    if _gerund_subject_pronoun(subject):
        return True
    counted = counted_speakers(subject)
    if counted is not None:
        return can_speak(counted)
    if _indefinite_people(subject) or _people_described(subject) or _indefinite_on_adverb(subject):
        return True
    if subject.pos_ == "PRON":
        return False
    if any(child.dep_ == "poss" for child in subject.children) and subject.lemma_.lower() in (
        load_lexicon("reporting_nouns")
    ):
        return True  # "his campaign", "the group's report"
    if any(
        child.dep_ == "appos" and child.pos_ == "PROPN" for child in subject.children
    ) or any(
        child.dep_ == "poss" and child.pos_ == "PROPN" and child.ent_type_ in PERSON_OR_ORG_ENTITIES
        for child in subject.children
    ):
        return True  # "Marsh's running mate, Mark Dorn,": a named person's role
    if closing_name(subject) is not None:
        return True
    if subject.text[:1].isupper() and not subject.text.isupper() and any(
        t.text == subject.text and t.pos_ == "PROPN" for t in subject.doc
    ):
        return True  # a name the tagger took for a noun here but not elsewhere
    return is_speaker_noun(subject)


def closing_name(subject: Token) -> Token | None:
    """A person's name set off by commas at the end of the subject phrase, whatever the
    parser hung it on: in "His former partner at Lenox, Ann Dole, called him ..." it
    made the name an apposition of "Lenox", but a name closing the phrase before the verb
    says who the subject is. None when there is none."""
    doc = subject.doc
    last = subject.right_edge.i
    while last > subject.i and doc[last].is_punct:
        last -= 1
    name = doc[last]
    if name.dep_ == "compound" or name.pos_ != "PROPN" or name.ent_type_ != "PERSON":
        return None
    if name.dep_ != "appos" or name.left_edge.i <= subject.i:
        return None
    before = doc[name.left_edge.i - 1]
    return name if before.text == "," else None


def is_speaker_noun(token: Token) -> bool:
    """``token``'s word is in one of the lexicons of nouns that name speakers."""
    lemma = token.lemma_.lower()
    return any(
        lemma in load_lexicon(name) or token.lower_ in load_lexicon(name)
        for name in SPEAKER_LEXICONS
    )


def counted_speakers(subject: Token) -> Token | None:
    """What a count or share counts: "[a number] of [lawmakers]", "[one] of his [aides]",
    "[62 percent] of [voters]"; None when the subject is not a count with an of-phrase."""
    if not (subject.like_num or subject.lemma_.lower() in load_lexicon("speaker_quantities")):
        return None
    of = next((c for c in subject.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None:
        return None
    return next((c for c in of.children if c.dep_ == "pobj"), None)


def _indefinite_people(subject: Token) -> bool:
    """"Everyone agrees", "no one expected", "some say", "a quarter call it a waste",
    "73 percent said": an indefinite or a share that stands for people by itself."""
    if subject.lemma_.lower() not in load_lexicon(
        "speaker_indefinites"
    ) and subject.lower_ not in load_lexicon("speaker_indefinites"):
        return False
    return not any(
        (c.dep_ == "det" and c.lower_ in POINTING_DETERMINERS) or c.dep_ in {"poss", "amod"}
        for c in subject.children
    )


def _gerund_subject_pronoun(subject: Token) -> bool:
    """"radio clips of [her] supporting the war": a person pronoun in object form is the
    subject of a gerund (as a subject of a finite verb it would be a misreading)."""
    return (
        subject.tag_ == "PRP"
        and subject.lower_ in OBJECT_PRONOUNS
        and subject.dep_ == "nsubj"
        and subject.head.tag_ == "VBG"
        and not any(c.dep_ in AUXILIARIES for c in subject.head.children)
    )


def _indefinite_on_adverb(subject: Token) -> bool:
    """"[Some online] have praised ...": the parser made the adverb the subject and hung
    the indefinite that stands for people on it."""
    return subject.pos_ == "ADV" and any(
        c.i < subject.i
        and c.dep_ in {"det", "amod", "advmod"}
        and c.lower_ in load_lexicon("speaker_indefinites")
        for c in subject.children
    )


def _people_described(subject: Token) -> bool:
    """"[Those polled]", "a majority of [those surveyed]", "[those who voted]": a pointing
    pronoun that a participle or relative clause describes stands for the people it
    describes (a bare "those" or "that" points at a thing)."""
    return (
        subject.pos_ == "PRON"
        and subject.lower_ in POINTING_DETERMINERS
        and any(c.dep_ in NOUN_CLAUSES for c in subject.children)
    )


def _relative_antecedent(pronoun: Token) -> Token | None:
    """The noun a relative "which" stands for: the head of its relative clause,
    or, when the parser missed the relative clause, the noun right before it."""
    if pronoun.head.dep_ == "relcl":
        return pronoun.head.head
    if pronoun.lower_ == "that":
        return None  # a "that" outside a relative clause is a conjunction or a pronoun
    i = pronoun.i - 1
    while i >= 0 and pronoun.doc[i].is_punct:
        i -= 1
    return pronoun.doc[i] if i >= 0 else None
