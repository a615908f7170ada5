"""Who speaks through a second verb of saying that the parser hung inside the first one's
clause.

"Lee said the city would review the case and warned against delay": the parser coordinates
"warned" with "review", inside what Lee said, and the subject "warned" would share is the
city. But a finite past verb of saying cannot go on a bare verb under "would" or "to": it
is the speaker's second act (``auditor.nlp.content.inside_reported_clause`` lets it stand
as an attribution of its own for that reason), so Lee warned. When the forms agree ("said
it was opposed and warned", "said Ruiz denied it and accused the board") the parse may be
right and is kept.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

_SUBJECTS = {"nsubj", "nsubjpass"}


def outer_speaker(verb: Token, is_reporting_verb: Callable[[Token], bool]) -> Token | None:
    """The subject of the verb of saying whose clause holds the first conjunct of the
    reporting verb ``verb`` ("[Lee] said the city would order ... and warned"); None when
    ``verb`` has a subject of its own, its first conjunct is no bare verb in a reported
    clause, or ``verb`` is no finite verb. ``is_reporting_verb`` tells verbs of saying."""
    if verb.dep_ != "conj" or not is_reporting_verb(verb):
        return None
    if any(c.dep_ in _SUBJECTS for c in verb.children):
        return None
    first = verb.head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.dep_ != "ccomp" or not is_reporting_verb(first.head):
        return None
    if first.tag_ != "VB" or verb.tag_ not in {"VBD", "VBZ"}:
        return None  # "said it was opposed and warned": the parse may be right
    return next((c for c in first.head.children if c.dep_ in _SUBJECTS), None)
