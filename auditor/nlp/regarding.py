"""Verbs of regarding with an object and its predicate: "critics [see] [the bill] [as a
giveaway]", "voters [view] [him] [as honest]", "the judge [found] [the law]
[unconstitutional]". The object with its "as" phrase or predicate is the judgement; a bare
object ("saw the tweet") is perception and reports nothing (lexicon
``reporting_verbs_regarding``)."""

from __future__ import annotations

from spacy.tokens import Token

from auditor.lexicon import load_lexicon
from auditor.nlp.cues import verb_lemma
from auditor.nlp.labels import CLAUSAL_OR_PREDICATIVE_COMPLEMENTS, PASSIVE_MARKERS


def regarded_as(verb: Token) -> list[Token]:
    """The object and the predicate a verb of regarding gives it, or [] when it has no
    predicate."""
    if verb_lemma(verb) not in load_lexicon("reporting_verbs_regarding"):
        return []
    if any(c.dep_ in PASSIVE_MARKERS for c in verb.children):
        return []  # "is seen as": a claim attributed to nobody (raising verbs)
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if obj is None or (obj.pos_ == "PRON" and obj.lower_ in {"it", "this", "that"}):
        return []
    predicate = next(
        (
            c
            for c in verb.rights
            if c.i > obj.i
            and (
                (c.dep_ == "prep" and c.lower_ == "as")
                or c.dep_ in CLAUSAL_OR_PREDICATIVE_COMPLEMENTS
                or (c.dep_ == "advmod" and c.i == obj.right_edge.i + 2)
            )
        ),
        None,
    )
    if predicate is None:
        predicate = _as_inside_object(obj)
    return [obj, predicate] if predicate is not None else []


def _as_inside_object(obj: Token) -> Token | None:
    """"see [reauthorization ... as an opportunity]": the parser may hang the "as" phrase
    on the object; it still gives the object its predicate."""
    return next((c for c in obj.rights if c.dep_ == "prep" and c.lower_ == "as"), None)
