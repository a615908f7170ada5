"""The subject of a clause that the parser swallowed into the phrase before it.

"That is a fraction of the $20 million [experts say] it costs to run": the clause "experts
say it costs" describes the sum, with "experts" for its subject; the parser reads "$20
million experts" as one noun phrase and hangs "say" on the sentence (or makes it the root)
with no subject. A verb with no subject, hung loosely (``dep``) right after a plural noun
or a name that can speak, or made the root right after one that ends a prepositional
phrase, has that noun for its subject.

Likewise a clause opened by a conjunction the parser took for a preposition: "..., as
[the United States and France] support some groups", "since [Ruiz], at the debate,
cited ...": the object of "as" or "since" is the subject of the finite verb after it.
"""

from __future__ import annotations

from spacy.tokens import Token

from auditor.nlp.labels import NOMINAL_OR_EXPLETIVE_SUBJECTS, NOUN_OR_PRONOUN_POS, TENSED_VERB_TAGS
from auditor.nlp.speaking import can_speak

#: Tags of the nouns that stand bare for speakers ("experts", "Democrats", "Lee").
_SPEAKER_TAGS = {"NNS", "NNPS", "NNP"}


def swallowed_subject(verb: Token) -> Token | None:
    """The noun right before a loosely attached verb of saying that has no subject
    ("$20 million [experts] say it costs"), when it can speak; None otherwise."""
    if verb.dep_ not in {"dep", "ROOT"} or verb.i == 0:
        return None
    if any(c.dep_ in NOMINAL_OR_EXPLETIVE_SUBJECTS for c in verb.children):
        return None
    before = verb.doc[verb.i - 1]
    if before.tag_ not in _SPEAKER_TAGS or before.dep_ == "compound":
        return None
    if verb.dep_ == "ROOT" and before.dep_ != "pobj":
        return None  # a root verb's subject is only swallowed into a phrase before it
    return before if can_speak(before) else None


def swallowed_bounds(subject: Token, verb: Token) -> tuple[int, int] | None:
    """Character bounds of a swallowed subject of ``verb``: the noun with the parts of its
    name before it ("Ana [Lee] says"), not the phrase that swallowed it ("the $20 million
    [experts]"); None when ``subject`` is not one."""
    if swallowed_subject(verb) != subject:
        return None
    start = subject
    doc = subject.doc
    while start.i > 0 and doc[start.i - 1].dep_ == "compound" and doc[start.i - 1].head == subject:
        start = doc[start.i - 1]
    return start.idx, subject.idx + len(subject)


#: Conjunctions that open a clause and that the parser may read as prepositions.
_CLAUSE_OPENERS = {"as", "since", "while", "because", "after", "before", "until", "when"}
#: Dependencies inside a noun phrase, climbed to its head.
_INSIDE_PHRASE = {"compound", "amod", "conj", "appos", "cc", "poss", "nummod", "det"}


def conjunction_object_subject(verb: Token) -> Token | None:
    """The object of a clause-opening "as", "since", ... that the parser made a
    preposition, right before a finite verb with no subject ("as [France] supports ...");
    a phrase of place or time set off by commas between them is skipped ("since
    [Ruiz], at the debate, cited ..."). None otherwise."""
    if verb.tag_ not in TENSED_VERB_TAGS or verb.dep_ not in {"advcl", "conj", "dep"}:
        return None
    if any(c.dep_ in {"nsubj", "nsubjpass", "expl", "aux", "auxpass"} and c.i < verb.i
           for c in verb.children):
        return None
    doc = verb.doc
    i = verb.i - 1
    while i > verb.sent.start and doc[i].is_punct:
        i -= 1
    phrase = _phrase_head(doc[i], verb.i)
    if _set_off_setting(phrase):
        i = phrase.head.left_edge.i - 1
        while i > verb.sent.start and doc[i].is_punct:
            i -= 1
        phrase = _phrase_head(doc[i], verb.i)
    if phrase.dep_ == "pobj" and phrase.head.lower_ in _CLAUSE_OPENERS:
        return phrase if phrase.pos_ in NOUN_OR_PRONOUN_POS else None
    return None


def _phrase_head(token: Token, limit: int) -> Token:
    """The head of the noun phrase ``token`` ends, below ``limit``."""
    for _ in range(8):
        if token.dep_ not in _INSIDE_PHRASE or token.head.i >= limit or token.head == token:
            break
        token = token.head
    return token


def _set_off_setting(noun: Token) -> bool:
    """``noun`` is the object of a phrase set off by a comma before it ("[, at the
    debate]")."""
    preposition = noun.head
    if noun.dep_ != "pobj" or preposition.lower_ in _CLAUSE_OPENERS:
        return False
    before = preposition.left_edge.i - 1
    return before >= 0 and noun.doc[before].text == ","
