"""What a view can be held about: a person, a group or a proposition, not a thing, place or time.

"despise [Marsh]", "resent [being ignored]", "accept [the claim that ...]", "supports [the
plan]" hold a view; "likes [pizza]", "knows [the area]" do not. Used by the stance pass
(:mod:`auditor.nlp.stance`) and the public and text acts it calls
(:mod:`auditor.nlp.public_acts`, :mod:`auditor.nlp.text_acts`).
"""

from __future__ import annotations

from spacy.tokens import Token

from auditor.lexicon import load_lexicon
from auditor.nlp.labels import COMPLEMENT_CLAUSES
from auditor.nlp.speaking import can_speak

#: Object pronouns that stand for a person, a group or a proposition ("despised them",
#: "is against it", "understood this").
VIEW_PRONOUNS = {
    "him", "her", "them", "me", "us", "you", "it", "this", "that", "what", "whatever",
    "everything", "nothing", "something", "anything",
}
#: Entity labels of an object that is a place, a time or an amount: "knows Ohio".
CIRCUMSTANCE_LABELS = {
    "GPE", "LOC", "FAC", "DATE", "TIME", "MONEY", "QUANTITY", "PERCENT", "CARDINAL",
    "ORDINAL", "PRODUCT",
}


def holds_view_object(obj: Token) -> bool:
    """An object a view can be held about: a person or group ("despise [Marsh]"), a
    pronoun, a gerund ("resent [being ignored]"), a noun with a clause ("accept [the
    claim that ...]"), or a noun that names a proposition, a policy or a plan; not a
    thing, a place or a time ("likes [pizza]", "knows [the area]")."""
    if obj.ent_type_ in CIRCUMSTANCE_LABELS:
        return False
    if obj.pos_ == "PRON":
        return obj.lower_ in VIEW_PRONOUNS
    if obj.tag_ == "VBG" or can_speak(obj):
        return True
    if any(c.dep_ in COMPLEMENT_CLAUSES and c.i > obj.i for c in obj.children):
        return True  # "the reality that ...", "the representation that ..."
    return is_proposition_noun(obj)


def is_proposition_noun(noun: Token) -> bool:
    """``noun`` names a proposition, a policy, a plan or an issue (lexicon
    ``proposition_nouns``, its "-" lines being abstract word endings): "the plan",
    "the legislation"; not "the car"."""
    lemma = noun.lemma_.lower()
    nouns = load_lexicon("proposition_nouns")
    if lemma in nouns or lemma in load_lexicon("reporting_nouns"):
        return True
    return len(lemma) > 5 and any(
        entry.startswith("-") and lemma.endswith(entry[1:]) for entry in nouns
    )
