"""Public acts that express a position (lexicon ``public_act_verbs``, read by
auditor.nlp.stance and auditor.nlp.public_acts): official decisions, verbal attacks named
by a figurative verb, political emphasis. Each class with near-misses whose object is a
thing, a date or a dish, or whose subject cannot hold a view. The sentences are cases in
tests/cases/public_acts.yaml (run by tests/test_cases.py); here, the lexicon check and the
passive near misses."""

from __future__ import annotations

import pytest
from attribution_spans import spans


def test_act_verb_is_not_loaded(nlp):
    """A neutral act is not a loaded synonym of "said" (rule VERB001)."""
    from auditor.lexicon import load_lexicon

    acts = {entry.split()[0] for entry in load_lexicon("public_act_verbs")}
    assert not acts & load_lexicon("verbs_loaded")


@pytest.mark.parametrize(
    "text",
    [
        "The road was blocked by the storm.",  # no one who holds a view
        "Six of the judges were appointed by Republican presidents.",  # a count appointed
        "The law, which was repealed by the legislature, had stood for years.",  # a pronoun
        "The birthday card was signed by Senator Brill.",  # a thing signed
    ],
)
def test_passive_near_miss_reports_nothing(analyze, text):
    assert not any(
        cue and cue.endswith(("blocked", "appointed", "repealed", "signed"))
        for cue, _, _ in spans(analyze(text))
    )
