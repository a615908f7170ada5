"""Poll shares that state their respondents' preference: "46 percent would choose
Alvarez", "a third prefer the challenger", "a majority of those polled approve of the
plan". A share of people stands for the poll that counted them (a document); a verb of
preference (lexicon ``poll_preference_verbs``) with such a subject reports its object.
"40 percent of the budget goes to schools" is no share of people, and "the council chose
a site" no share at all."""

from __future__ import annotations

from spacy.tokens import Token

from auditor.lexicon import load_lexicon
from auditor.nlp.cues import verb_lemma
from auditor.nlp.labels import PASSIVE_MARKERS
from auditor.nlp.speaking import can_speak
from auditor.nlp.verb_subjects import subject_of


def is_poll_share(token: Token | None) -> bool:
    """``token`` heads a share of people as a poll counts them: "46 percent", "a third",
    "a majority of voters", "63 % of those surveyed", "those polled" (not "40 percent of
    the budget")."""
    if token is None:
        return False
    if is_respondents(token):
        return True
    if token.pos_ not in {"NOUN", "NUM", "SYM"}:
        return False
    word = token.lemma_.lower()
    if word not in load_lexicon("source_poll_shares") and token.lower_ not in load_lexicon(
        "source_poll_shares"
    ):
        return False
    counted = _of_object(token)
    return counted is None or can_speak(counted)  # "of voters", not "of the budget"


def is_respondents(token: Token) -> bool:
    """People made a poll's respondents by a participle: "those polled", "voters surveyed
    last week", "adults sampled" (lexicon ``source_poll_respondents``)."""
    return any(
        child.dep_ in {"acl", "amod", "relcl"}
        and child.lower_ in load_lexicon("source_poll_respondents")
        for child in token.children
    )


def share_states_preference(verb: Token) -> bool:
    """``verb`` gives a poll share's preference: a verb of the lexicon, in the active,
    with a poll share as subject ("5 percent prefer Okafor")."""
    if verb_lemma(verb) not in load_lexicon("poll_preference_verbs"):
        return False
    if any(c.dep_ in PASSIVE_MARKERS for c in verb.children):
        return False
    return is_poll_share(subject_of(verb))


def _of_object(share: Token) -> Token | None:
    """What a share counts: "a majority [of voters]"."""
    of = next((c for c in share.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None:
        return None
    return next((c for c in of.children if c.dep_ == "pobj"), None)
