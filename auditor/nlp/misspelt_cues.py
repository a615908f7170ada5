"""Verbs of saying misspelt by one letter: "streses", "insistd", "acknowleged".

A typo in a reporting verb hides it from the cue lexicon although the sentence around it
still reads as reported speech. A form is taken for a reporting verb's when it is one
edit (a letter added, dropped, changed, or two letters swapped) away from an inflected
form of a lemma in ``reporting_verbs``, and long enough that such a near neighbour is
unlikely to be another real word (short forms like "sad" / "said" are left alone). The
caller still wants the grammar of a report: a speaking subject and a clause.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from auditor.lexicon import load_lexicon

#: Shortest form compared: below this a word one letter away from a verb of saying is
#: too often another word ("tell" / "fell", "claims" / "clams").
MIN_FORM_LENGTH = 7
#: Regular endings added to a lemma to make the forms a typo is compared with.
ENDINGS = ("", "s", "es", "ed", "ing")


def misspelt_reporting_verb(token: Token) -> bool:
    """``token`` is one edit away from a form of a reporting verb and is not itself one.

    >>> # "The union streesed that the strike goes ahead": "streesed" ~ "stressed"
    """
    form = token.lower_
    if len(form) < MIN_FORM_LENGTH or not form.isalpha():
        return False
    forms = _reporting_forms()
    if form in forms:
        return False
    return any(candidate in forms for candidate in _one_edit_away(form))


@cache
def _reporting_forms() -> frozenset[str]:
    """Regular inflections of every one-word lemma in ``reporting_verbs``."""
    forms = set()
    for lemma in load_lexicon("reporting_verbs"):
        if " " in lemma:
            continue
        if lemma.endswith("e"):  # "state": "states", "stated", "stating"
            forms.update({lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"})
        else:
            forms.update(lemma + ending for ending in ENDINGS)
        if lemma.endswith("y"):
            forms.update({lemma[:-1] + "ies", lemma[:-1] + "ied"})
    return frozenset(f for f in forms if len(f) >= MIN_FORM_LENGTH)


def _one_edit_away(word: str) -> set[str]:
    """Every string one deletion, swap of neighbours, substitution or insertion away."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    swaps = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    changes = {a + c + b[1:] for a, b in splits if b for c in letters}
    inserts = {a + c + b for a, b in splits for c in letters}
    return deletes | swaps | changes | inserts
