"""Who speaks through a second verb of saying that the parser hung inside the first one's
clause.

"Lee said the city would order a review and warned against delay": the parser coordinates
"warned" with "order", inside what Lee said, and the subject "warned" would share is the
city. But a verb of saying with no subject of its own, coordinated inside a reported
clause, is the speaker's second act (``auditor.nlp.content_verbs.inside_reported_clause`` lets it
stand as an attribution of its own for that reason): Lee warned; so in "China said it was
opposed to the test and warned the North" China warned. A clause after a semicolon is no
part of what was said ("X said ...; they learned ... and disclosed"), and a conjunct with
its own subject keeps it.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from auditor.nlp.labels import NOMINAL_SUBJECTS, PAST_OR_THIRD_PERSON_TAGS

_SUBJECTS = NOMINAL_SUBJECTS


def outer_speaker(verb: Token, is_reporting_verb: Callable[[Token], bool]) -> Token | None:
    """The subject of the verb of saying whose clause holds the first conjunct of the
    finite reporting verb ``verb`` ("[Lee] said the city would order ... and warned");
    None when ``verb`` has a subject of its own, is not finite, or its first conjunct is no
    reported clause. ``is_reporting_verb`` tells verbs of saying."""
    if verb.dep_ != "conj" or not is_reporting_verb(verb):
        return None
    if any(c.dep_ in _SUBJECTS for c in verb.children):
        return None
    first = verb.head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.dep_ != "ccomp" or not is_reporting_verb(first.head):
        return None
    if verb.tag_ not in PAST_OR_THIRD_PERSON_TAGS:
        return None
    doc = verb.doc
    if any(t.text == ";" for t in doc[min(first.head.i, first.left_edge.i) : first.i]):
        return None  # "X said ...; they learned ... and disclosed": a clause of its own
    return next((c for c in first.head.children if c.dep_ in _SUBJECTS), None)
