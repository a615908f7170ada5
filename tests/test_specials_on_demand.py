"""The tokenizer that adds its special cases on demand tokenizes as spaCy's does (issue 16).

Sentences written for these tests: contractions, abbreviations, emoticons, special cases
split by spaces, and texts with none of them; each against the full tokenizer of the
same model.
"""

from __future__ import annotations

import pytest

from auditor.model_loading import load_model
from auditor.nlp.specials_on_demand import SpecialsOnDemandTokenizer
from auditor.pipeline import DEFAULT_MODEL

TEXTS = [
    "Mayor Ilse Brandt said they don't know when the ferry will run again.",
    '"We can\'t wait," she told reporters at 9 a.m. on Jan. 3, adding: "It\'s late :)"',
    "The council's vote (won't it?) came at 5p.m. and the Ltd. firm's shares fell 3%.",
    "A spaced-out abbreviation: a.m . and e.g . and Mr . Oduya, then don\u2019t and DON'T.",
    "Nothing special here at all, just words and numbers like 1,200 and 4.5 percent.",
    "",
    "\tI'm\n\nhe'd\u00a0we'll  y'all 'cause o.O",
]


@pytest.fixture(scope="module")
def tokenizers():
    full = load_model(DEFAULT_MODEL).tokenizer
    on_demand = load_model(DEFAULT_MODEL, specials_on_demand=True).tokenizer
    return full, on_demand


def _tokens(doc):
    return [(t.text, t.norm_, t.whitespace_, t.idx) for t in doc]


def test_a_loaded_model_sets_every_special_case_aside(tokenizers):
    _, on_demand = tokenizers
    assert isinstance(on_demand, SpecialsOnDemandTokenizer)
    assert len(on_demand.rules) > 1000  # all of them, though none is added yet


@pytest.mark.parametrize("text", TEXTS)
def test_tokens_are_those_of_the_full_tokenizer(tokenizers, text):
    full, on_demand = tokenizers
    assert _tokens(on_demand(text)) == _tokens(full(text))
    assert on_demand.explain(text) == full.explain(text)


def test_only_the_special_cases_a_text_holds_are_added(tokenizers):
    _, on_demand = tokenizers
    fresh = SpecialsOnDemandTokenizer(on_demand.vocab, rules=on_demand.rules)
    fresh("The minister said nothing of note.")
    assert "don't" in fresh._aside
    fresh("They don't.")
    assert "don't" not in fresh._aside
    assert "won't" in fresh._aside  # a near-miss: not in any text yet


def test_rules_and_serialization_are_the_full_tokenizers(tokenizers):
    full, on_demand = tokenizers
    assert on_demand.rules == full.rules
    assert on_demand.to_bytes(exclude=["vocab"]) == full.to_bytes(exclude=["vocab"])


def test_setting_rules_replaces_the_ones_aside(tokenizers):
    _, on_demand = tokenizers
    fresh = SpecialsOnDemandTokenizer(on_demand.vocab, rules=on_demand.rules)
    fresh.rules = {"gonna": [{65: "gon"}, {65: "na"}]}
    assert set(fresh.rules) == {"gonna"}
    assert [t.text for t in fresh("We're gonna go.")] == ["We're", "gon", "na", "go."]


def test_a_memory_zone_is_refused_while_special_cases_are_aside(tokenizers):
    _, on_demand = tokenizers
    fresh = SpecialsOnDemandTokenizer(on_demand.vocab, rules={"can't": [{65: "ca"}, {65: "n't"}]})
    with pytest.raises(RuntimeError, match="memory zone"):
        with fresh.memory_zone():
            pass
    fresh("We can't.")
    with fresh.memory_zone():
        pass


def test_only_models_loaded_asking_for_it_get_it():
    inside = load_model(DEFAULT_MODEL, specials_on_demand=True).tokenizer
    outside = load_model(DEFAULT_MODEL).tokenizer
    assert isinstance(inside, SpecialsOnDemandTokenizer)
    assert not isinstance(outside, SpecialsOnDemandTokenizer)


def test_the_audit_command_asks_for_it(monkeypatch, tmp_path, nlp):
    from click.testing import CliRunner

    import auditor.audit
    from auditor.cli import cli

    asked = []
    monkeypatch.setattr(
        auditor.audit, "load_pipeline", lambda model, **options: asked.append(options) or nlp
    )
    draft = tmp_path / "draft.txt"
    draft.write_text("The mayor said the bridge would reopen.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["audit", str(draft), "-q"])
    assert result.exit_code == 0, result.output
    assert [o["specials_on_demand"] for o in asked] == [True]
