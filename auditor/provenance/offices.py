"""Public offices in a speaker's description (PROV007): "Defence Secretary", "the mayor
of Lviv", "a former minister". Their holders can be looked up by anyone, so a batch does
not ask the known-sources list to vouch for them; experts and affiliations it does.

The office must be the description's head (the last words before its first preposition,
relative pronoun or comma), not a word in a phrase about somebody else: "an adviser to
the governor" and "a spokesman for the mayor" hold no office.
"""

from __future__ import annotations

import re
from functools import cache

from auditor.lexicon import load_lexicon
from auditor.names import fold
from auditor.provenance.name_keys import words

#: Words that end a description's head ("the mayor of Lviv", "an aide to the minister").
_HEAD_ENDS = frozenset("of for to at in with from on by who whose which that and or".split())


@cache
def _offices() -> tuple[frozenset[str], frozenset[str]]:
    entries = load_lexicon("public_offices")
    return (
        frozenset(e for e in entries if " of " not in e),
        frozenset(e for e in entries if " of " in e),
    )


def public_office(description: str) -> str | None:
    """The public office ``description`` names as its head, or None."""
    plain, with_of = _offices()
    first_clause = re.split(r"[,;(]", fold(description), maxsplit=1)[0]
    tokens = words(first_clause.replace("'", ""))
    for phrase in with_of:  # "the secretary of state", "speaker of the house"
        if f" {phrase} " in f" {' '.join(tokens)} ":
            head_end = " ".join(tokens).index(phrase)
            if not set(" ".join(tokens)[:head_end].split()) & _HEAD_ENDS:
                return phrase
    head: list[str] = []
    for token in tokens:
        if token in _HEAD_ENDS:
            break
        head.append(token)
    for n in (3, 2, 1):
        if len(head) >= n and " ".join(head[-n:]) in plain:
            return " ".join(head[-n:])
    return None
