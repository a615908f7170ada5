"""What an article says about a person that lets a later mention refer back to them:
gender (from a title, a description or a pronoun the person is said to use of
themselves), age ("Ana Ruiz, 52," / "52-year-old Ana Ruiz" for "the 52-year-old"), and
roles said of them in an apposition or a predicate ("X has been the mayor since 2019" for
"the mayor"); and who issued a document that speaks ("the statement said" after "The
Harbor Authority issued a statement").

Pure functions over parsed tokens; :mod:`auditor.nlp.speakers` keeps what they find on
its clusters.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from auditor.lexicon import groups, load_lexicon
from auditor.nlp.cues import is_reporting_verb
from auditor.nlp.labels import NOUN_POS, VERBAL_POS
from auditor.nlp.verb_subjects import subject_of

#: Pronouns by the gender they refer to.
PRONOUN_GENDER = {
    "he": "male", "him": "male", "his": "male", "himself": "male",
    "she": "female", "her": "female", "hers": "female", "herself": "female",
}  # fmt: skip

#: Role nouns that mean the same job ("the DPR leader" for "the head of ...").
ROLE_SYNONYMS = groups("role_synonyms")
#: Copular verbs whose predicate names a role of the subject ("X is the mayor").
COPULAS = load_lexicon("role_copulas")


@lru_cache(maxsize=1)
def gender_words() -> dict[str, str]:
    """Lexicon word -> "female" / "male"."""
    pairs = (entry.split() for entry in load_lexicon("speaker_gender_words"))
    return {pair[0]: pair[1] for pair in pairs if len(pair) == 2}


def gender_of_words(words: list[str]) -> str | None:
    """The gender the words say, when they say one gender only."""
    found = {gender_words().get(w.lower().strip(",.")) for w in words} - {None}
    return found.pop() if len(found) == 1 else None


def gender_of_mention(head: Token, title: str | None, description: str | None) -> str | None:
    """The gender a name's own mention tells: its title or description ("Ms.", "the
    spokeswoman"), or a person pronoun as the subject of what the person is said to say
    ("Ruiz said she would run")."""
    words = [t.text for t in head.doc[max(head.left_edge.i, head.i - 4) : head.i]]
    words += (title or "").split() + (description or "").split()
    gender = gender_of_words(words)
    return gender if gender is not None else _reported_self(head)


def _reported_self(head: Token) -> str | None:
    """'Ruiz said she would run': the subject of the clause a person reports is, most
    often, that person."""
    verb = head.head
    if head.dep_ != "nsubj" or not is_reporting_verb(verb):
        return None
    for clause in verb.children:
        if clause.dep_ == "ccomp":
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.lower_ in {"he", "she"}:
                return PRONOUN_GENDER[subject.lower_]
    return None


def age_of_mention(head: Token) -> int | None:
    """"Ana Ruiz, 52," or "52-year-old Ana Ruiz": the age given with a name."""
    for child in head.children:
        if child.dep_ == "appos" and child.like_num and child.text.isdigit():
            return int(child.text)
    for token in head.doc[max(0, head.i - 8) : head.i]:
        age = described_age(token)
        if age is not None and token.head.i >= token.i and token.head.i <= head.i:
            return age
    return None


def described_age(token: Token) -> int | None:
    """The age in "52-year-old" when ``token`` is its "old" ("the 52-year-old", "the
    52-year-old mother of two")."""
    if token.lower_ != "old":
        return None
    year = next((c for c in token.children if c.lower_ in {"year", "years"}), None)
    if year is None:
        return None
    number = next((c for c in year.children if c.like_num and c.text.isdigit()), None)
    return int(number.text) if number is not None else None


def predicate_roles(head: Token) -> list[str]:
    """Role nouns said of a name in a predicate or a relative clause: "X has been the
    mayor of Port Dale since 2019", "X, who is the county's chief engineer, ...",
    "X became governor"."""
    roles = []
    verbs = []
    if head.dep_ == "nsubj" and head.head.lemma_.lower() in COPULAS:
        verbs.append(head.head)
    verbs += [c for c in head.children if c.dep_ == "relcl" and c.lemma_.lower() in COPULAS]
    for verb in verbs:
        for child in verb.children:
            if child.dep_ in {"attr", "oprd"} and child.pos_ == "NOUN":
                roles.append(child.lower_)
            elif child.dep_ == "prep" and child.lower_ == "as":  # "serves as chief"
                roles += [g.lower_ for g in child.children if g.dep_ == "pobj" and g.pos_ == "NOUN"]
    return roles


def issuer_of_document(head: Token) -> Token | None:
    """Who put out the document "the statement" (or "the letter", "the release") refers
    back to: the subject of the verb that governs its earlier mention ("The Harbor
    Authority issued a statement", "Boyd said in a statement"), or its owner ("the
    authority's statement", "a statement from the authority")."""
    if not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in head.children):
        return None
    lemma = head.lemma_.lower()
    for earlier in reversed(head.doc[max(0, head.i - 400) : head.i]):
        if earlier.lemma_.lower() != lemma or earlier.pos_ != "NOUN":
            continue
        owner = _owner_of(earlier)
        if owner is not None:
            return owner
        verb = earlier.head
        while verb.dep_ == "prep" and verb.head is not verb:
            verb = verb.head  # "said [in] a statement"
        if verb.pos_ in VERBAL_POS and earlier.dep_ in {"dobj", "pobj"}:
            return subject_of(verb)
        return None
    return None


def _owner_of(document: Token) -> Token | None:
    for child in document.children:
        if child.dep_ == "poss" and child.pos_ in NOUN_POS:
            return child
        if child.dep_ == "prep" and child.lower_ in {"by", "from"}:
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in NOUN_POS:
                return pobj
    return None
