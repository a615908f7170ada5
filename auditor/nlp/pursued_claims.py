"""Claims their maker keeps pursuing: "[Democrats] [persisted in] [arguments] that the
panel overreached", "[the mayor] [doubled down on] her [claim] that crime fell", "[he]
[stood by] the [assertion] that ...", "[Marsh] [continues] his [adulation] of Volkov".

A noun cue after a verb of persisting or standing by (lexicon
``verbs_pursuing_claims``, "verb [particle] [preposition]") is owned by the verb's
subject, who can speak; the subject is named as owner before a possessive pronoun
("his"), since it says who the pronoun is. Verbs of reacting ("took offense at
suggestions that ...") are not listed: there the claim is someone else's, and with no
owner named it has no source.
"""

from __future__ import annotations

from spacy.tokens import Token

from auditor.lexicon import load_lexicon
from auditor.nlp.cues import verb_lemma
from auditor.nlp.labels import VERBAL_POS
from auditor.nlp.speaking import can_speak
from auditor.nlp.verb_subjects import subject_of


def pursuer_of(noun: Token) -> Token | None:
    """The subject of the verb of persisting whose preposition takes ``noun``:
    "[Democrats] persisted in [arguments] that ..." -> "Democrats"; ``None`` otherwise."""
    if noun.dep_ == "dobj":
        verb, preposition = noun.head, None  # "[Marsh] continues his [adulation] of ..."
    elif noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        verb, preposition = noun.head.head, noun.head
    else:
        return None
    if verb.pos_ not in VERBAL_POS:
        return None
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt" and c.i < noun.i]
    words = [verb_lemma(verb), *particles] + ([preposition.lower_] if preposition else [])
    phrase = " ".join(words)
    if phrase not in load_lexicon("verbs_pursuing_claims"):
        return None
    subject = subject_of(verb)
    return subject if can_speak(subject) else None
