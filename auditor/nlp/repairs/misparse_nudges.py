"""Detectors for auditor/nlp/repairs/rereading.py: a word put in makes the model read a
sentence right.

The small model misreads some sentences in ways a second reading with one word added
("nudges") undoes: a verb of saying read as a noun ("House panel [also] votes to ..."),
poll shares run into the object before them ("... Lee[,] and 44 percent would back
Ruiz"), a subjectless verb in -s read as a noun ("[He] Keeps saying ..."); and a name with
a capital inside read as a common noun ("PollWatch"), re-tagged in place. Each detector
returns the word to put in and the test the new reading must pass. The repairs read off
the first parse live in :mod:`auditor.nlp.repairs.misparses`."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from spacy.tokens import Span, Token

from auditor.lexicon import load_lexicon
from auditor.nlp.labels import (
    AUXILIARIES,
    COMMON_NOUN_TAGS,
    FINITE_TAGS,
    NOMINAL_SUBJECTS,
    NOUN_COMPLEMENTS,
    NOUN_OR_NUMBER_POS,
    NOUN_OR_PRONOUN_POS,
    NOUN_POS,
    PLURAL_NOUN_TAGS,
    TENSED_VERB_TAGS,
    VERBAL_POS,
)

# ---------------------------------------------------------------- verbs read as nouns
#
# "House panel [votes] to hold him in contempt", "Marsh [questions] the fairness of the
# moderators": the tagger took a verb of saying or planning in -s (or its bare plural
# form) for a noun, and the parser built a noun phrase around it, so no pass sees a verb.
# Such a sentence is read again with "also" put before the word (auditor/nlp/repairs/rereading.py):
# an adverb there leaves only the verb reading, and the model parses the sentence as
# English puts it. The new reading replaces the old one only when the word comes out as
# a finite verb whose subject is the noun phrase right before it.

#: A word to put before a token for the sentence to be read again, and the test the new
#: reading must pass (given the re-read counterpart of any token of the sentence).
Nudge = tuple[Token, str, Callable[[Callable[[Token], Token]], bool]]

#: The adverb put before a word to read it as a verb.
VERB_NUDGE = "also"
#: Tags of a word that may follow the verb: an object's or a clause subject's first word.
_OBJECT_STARTS = {"DT", "PRP$", "PRP", "NNP", "NNPS", "CD", "WRB", "WP", "WDT", "NN", "NNS", "JJ"}
#: Words that may stand right before the subject of a clause.
_CLAUSE_OPENERS = {"CCONJ", "SCONJ", "PUNCT", "SPACE"}


@cache
def saying_or_planning_verbs() -> frozenset[str]:
    """Lemmas of verbs of saying, planning, stance and attitude (the lexicons the passes
    read), single words only: "vote" for "vote against"."""
    lemmas: set[str] = set()
    for name in (
        "reporting_verbs", "intention_verbs", "stance_verbs", "reporting_verbs_with_object",
        "reporting_verbs_documents", "attitude_verbs", "reporting_verb_prepositions",
    ):
        lemmas.update(entry.split()[0] for entry in load_lexicon(name))
    return frozenset(lemmas)


@cache
def _verb_prepositions() -> frozenset[str]:
    """"lemma preposition" pairs whose preposition belongs to the verb ("rule against")."""
    return frozenset(
        entry
        for name in ("reporting_verb_prepositions", "attitude_verbs")
        for entry in load_lexicon(name)
        if " " in entry
    )


def misread_verb(token: Token) -> bool:
    """Is ``token`` a verb of saying or planning the tagger read as a noun? Decided by
    its place: right after a noun phrase that agrees with it as a subject ("panel votes",
    "documents show"), before an infinitive, an object, a clause or the verb's own
    preposition ("votes to hold", "questions the fairness", "rules against"), and not
    the object of a verb or a preposition ("cited remarks", "a set of rules that")."""
    doc = token.doc
    if token.tag_ not in COMMON_NOUN_TAGS or token.i == 0 or token.i + 1 >= len(doc):
        return False
    if token.tag_ == "NNS" and not token.lower_.endswith("s"):
        return False  # "data", "people": no verb in -s
    if token.lemma_.lower() not in saying_or_planning_verbs():
        return False
    if token.head.pos_ in {"VERB", "AUX", "ADP"} and token.dep_ in NOUN_COMPLEMENTS:
        return False
    before = doc[token.i - 1]
    if before.is_quote and token.i >= 2:
        before = doc[token.i - 2]  # 'the film "Harbor" documents how ...'
    if before.pos_ not in NOUN_OR_NUMBER_POS or before.tag_ == "VBG":
        return False
    subject = next((c for c in token.lefts if c.dep_ == "nsubj"), before)
    plural = subject.tag_ in PLURAL_NOUN_TAGS or any(c.dep_ == "conj" for c in subject.children)
    if (token.tag_ == "NNS") == plural:
        return False  # "panel votes", "documents show"; not "panels votes"
    return _verb_complement_follows(token)


def _verb_complement_follows(token: Token) -> bool:
    """What follows ``token`` can be a verb's: "to" with a verb, an object or a clause,
    or a preposition the verb takes ("rules against")."""
    doc = token.doc
    after = doc[token.i + 1]
    if after.tag_ == "TO":
        return token.i + 2 < len(doc) and doc[token.i + 2].tag_ == "VB"
    if after.tag_ in _OBJECT_STARTS or after.lower_ in {"that", "whether", "if"}:
        return True
    return f"{token.lemma_.lower()} {after.lower_}" in _verb_prepositions()


def verb_nudges(sentence: Span) -> list[Nudge]:
    """"also" before each verb read as a noun (:func:`misread_verb`); the re-reading
    must make it a finite verb whose subject is the noun phrase right before it."""
    return [(t, VERB_NUDGE, _reads_as_verb(t)) for t in sentence if misread_verb(t)]


def _reads_as_verb(word: Token) -> Callable[[Callable[[Token], Token]], bool]:
    def accepts(counterpart: Callable[[Token], Token]) -> bool:
        verb = counterpart(word)
        if verb.tag_ not in TENSED_VERB_TAGS:
            return False
        subject = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ not in NOUN_POS:
            return False
        if subject.right_edge.i != verb.i - 2:  # the noun phrase ends before the nudge
            return False
        opener = subject.left_edge.i - 1
        # "Lee cited disparaging [also] remarks ...": no subject right after a verb
        return opener < 0 or verb.doc[opener].pos_ in _CLAUSE_OPENERS

    return accepts


# ------------------------------------------------------- poll shares run into an object
#
# "46 percent would choose Lee and 44 percent would back Ruiz": the parser took "Lee and
# 44 percent" for one object and hung the second verb elsewhere, so the second share
# speaks for nothing. A comma before the conjunction parts the two clauses.

#: Words that may stand between a conjunction and a share's head: "and [about] 44
#: percent", "but [only a] third".
_SHARE_PREMODIFIERS = {"DT", "CD", "JJ", "RB", "PDT"}


def share_nudges(sentence: Span) -> list[Nudge]:
    """A comma before each conjunction that runs a clause with a poll share as subject
    into the object before it ("... Lee[,] and 44 percent would back Ruiz"); the
    re-reading must make the share the subject of the verb after it."""
    nudges = []
    for conjunction in sentence:
        share = _share_after(conjunction)
        if share is None:
            continue
        nudges.append((conjunction, ",", _reads_as_subject(share)))
        verb = share.doc[share.i + 1]
        if verb.tag_ in COMMON_NOUN_TAGS:  # "and 2 percent [also] support Oke"
            nudges.append((verb, VERB_NUDGE, _reads_as_verb(verb)))
    return nudges


def _share_after(conjunction: Token) -> Token | None:
    """The head of a poll share right after ``conjunction`` and right before a verb,
    which the parser did not make that verb's subject; None otherwise."""
    doc = conjunction.doc
    if conjunction.dep_ != "cc" or conjunction.i == 0 or doc[conjunction.i - 1].is_punct:
        return None
    if doc[conjunction.i - 1].pos_ not in NOUN_OR_PRONOUN_POS:
        return None  # "... pick Lee and 44 percent": the conjunction follows an object
    for share in doc[conjunction.i + 1 : min(conjunction.i + 5, len(doc) - 1)]:
        if share.tag_ not in _SHARE_PREMODIFIERS:
            break
    else:
        return None
    if share.lower_ not in load_lexicon("source_poll_shares"):
        return None
    verb = doc[share.i + 1]
    if verb.tag_ not in FINITE_TAGS and not (
        verb.tag_ in COMMON_NOUN_TAGS and verb.lemma_.lower() in saying_or_planning_verbs()
    ):
        return None  # "and 2 percent [support] Oke": a verb, or one read as a noun
    if share.dep_ in NOMINAL_SUBJECTS and share.head.i > share.i:
        return None  # read right already
    return share


def _reads_as_subject(share: Token) -> Callable[[Callable[[Token], Token]], bool]:
    def accepts(counterpart: Callable[[Token], Token]) -> bool:
        subject = counterpart(share)
        return (
            subject.dep_ in NOMINAL_SUBJECTS
            and subject.head.i > subject.i
            # "44 percent would back Ruiz": the tagger may keep "back" an adverb
            and (
                subject.head.pos_ in VERBAL_POS
                or any(c.dep_ == "aux" for c in subject.head.children)
            )
        )

    return accepts


# ------------------------------------------------------ a subjectless verb read as a noun
#
# "Repeats false claims about the city, and perpetuates old theories.": a list of what
# someone does, each item a verb in -s with its subject left out; at the start of a
# sentence the tagger reads the capitalized verb as a plural noun. Read again with a
# pronoun before it, the word is a verb; the pronoun is left out again, so the verb has
# no subject (nobody is named).

#: The pronoun put before a sentence's first word to read it as a verb.
SUBJECT_NUDGE = "He"


def subjectless_nudges(sentence: Span) -> list[Nudge]:
    """"He" before a sentence's first word when it is a capitalized word in -s read as a
    noun that is no finite verb's subject ("Keeps saying ...", "Repeats false claims");
    the re-reading must make it a verb in -s with the pronoun as subject."""
    first = next((t for t in sentence if not (t.is_space or t.is_punct)), None)
    if first is None or first.i + 1 >= sentence.end or first.tag_ != "NNS":
        return []
    if not (first.text[:1].isupper() and first.text[1:].islower() and first.lower_.endswith("s")):
        return []
    if first.dep_ in NOMINAL_SUBJECTS and (
        first.head.tag_ in FINITE_TAGS
        or any(c.dep_ in AUXILIARIES for c in first.head.children)
    ):
        return []  # "Officials said ...": a noun, subject of a finite verb
    if first.doc[first.i + 1].is_punct:
        return []
    return [(first, SUBJECT_NUDGE, _reads_as_subjectless_verb(first))]


def _reads_as_subjectless_verb(word: Token) -> Callable[[Callable[[Token], Token]], bool]:
    def accepts(counterpart: Callable[[Token], Token]) -> bool:
        verb = counterpart(word)
        pronoun = verb.doc[verb.i - 1]
        return verb.tag_ == "VBZ" and pronoun.head == verb and pronoun.dep_ == "nsubj"

    return accepts


# ------------------------------------------------------------- names read as common nouns


def camel_case_name(token: Token) -> bool:
    """A word with a capital inside it ("PollWatch", "DataDesk") that the tagger read
    as a common noun (it takes some for plurals): a name, to be tagged as one."""
    text = token.text
    return (
        token.pos_ == "NOUN"
        and text.isalpha()
        and text[:1].isupper()
        and any(a.islower() and b.isupper() for a, b in zip(text, text[1:], strict=False))
    )
