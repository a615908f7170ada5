"""A claim carried by someone's words: "[his] remarks on Saturday carried [a tacit
acknowledgment] that he may be the only one ...", "[the minister's] statement contained
[a warning] that ...".

A noun cue that is the object of a verb of carrying (lexicon ``verbs_carrying_claims``)
whose subject is an owned noun of speech (lexicon ``spoken_by_owner``: "remarks",
"statement", "speech") belongs to the owner of that speech. Words without an owner ("the
statement contained a warning") and subjects that are no speech ("his plan contained a
promise") give no owner here.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from auditor.lexicon import load_lexicon
from auditor.nlp.cues import verb_lemma
from auditor.nlp.labels import VERBAL_POS


def speech_owner(noun: Token, owner_of: Callable[[Token], Token | None]) -> Token | None:
    """The owner of the words whose verb of carrying takes ``noun``: "[his] remarks
    carried an [acknowledgment] that ..." -> "his"; ``owner_of`` finds a noun's owner."""
    verb = noun.head
    if noun.dep_ == "conj" and verb.dep_ == "dobj":
        verb = verb.head  # "carried a tone and an acknowledgment that ..."
    elif noun.dep_ not in {"dobj", "conj"}:
        return None
    if verb.pos_ not in VERBAL_POS or verb_lemma(verb) not in load_lexicon(
        "verbs_carrying_claims"
    ):
        return None
    words = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if words is None or words.lemma_.lower() not in load_lexicon("spoken_by_owner"):
        return None
    return owner_of(words)
