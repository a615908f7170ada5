"""A character or a cause a speaker gives someone or something (lexicon
``characterising_verbs``, read by auditor.nlp.characterising through auditor.nlp.stance),
and the public acts of approving, protesting and heralding (lexicon
``public_act_verbs``)."""

from __future__ import annotations

import pytest
from attribution_spans import spans


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        (
            "Senator Ada Brink painted her rival as a puppet of the banks.",
            "painted",
            "Senator Ada Brink",
            "her rival as a puppet of the banks",
        ),
        (
            "Mr. Lowe is casting himself as a friend of small farmers.",
            "is casting",
            "Mr. Lowe",
            "himself as a friend of small farmers",
        ),
        (
            "Mayor Juno Park linked the blackout to a foreign hacking group.",
            "linked",
            "Mayor Juno Park",
            "the blackout to a foreign hacking group",
        ),
        # public acts
        (
            "The budget committee approved a bill to cut school funding.",
            "approved",
            "The budget committee",
            "a bill to cut school funding",
        ),
        (
            "Hundreds of nurses protested the new pension plan.",
            "protested",
            "Hundreds of nurses",
            "the new pension plan",
        ),
    ],
)
def test_character_or_cause_is_attributed(analyze, text, cue, source, content):
    assert (cue, source, content) in spans(analyze(text))


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Lowe painted the fence in the spring.",  # no "as": a thing painted
        "The volunteers cast their ballots early.",  # no "as"
        "The new bridge linked the island to the mainland.",  # a bridge holds no view
        "The painter presented the portrait to the museum.",  # no "as": a gift
        "The volunteers linked arms.",  # no "to"
    ],
)
def test_near_miss_reports_nothing(analyze, text):
    assert spans(analyze(text)) == []
