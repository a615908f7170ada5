"""The audit after the model works each thing out once (issue 16): the flags' evidence
that ``annotate`` finds is what the rules read, not found a second time."""

from __future__ import annotations

import copy

TEXT = (
    "Harbour officials said the pier would reopen in May, according to a person familiar "
    "with the talks who spoke on condition of anonymity.\n\n"
    '"We expect delays," said Olek Brandt, the harbour master. Sources said costs had '
    "doubled, and experts believe the repairs are the most expensive in decades.\n"
)


def test_sourcing_facts_worked_out_once_per_audit(auditor, monkeypatch):
    import auditor.sourcing as sourcing
    from auditor.ingest import article_from_text

    calls = []
    real = sourcing.sourcing_facts

    def counted(analysis):
        calls.append(analysis)
        return real(analysis)

    monkeypatch.setattr(sourcing, "sourcing_facts", counted)
    result = auditor.audit(article_from_text(TEXT))
    assert len(calls) == 1
    assert any(a.flags for a in result.attributions)


def test_rules_find_the_same_with_and_without_the_handed_evidence(auditor, nlp):
    from auditor.analysis import analysis_from_doc
    from auditor.ingest import article_from_text
    from auditor.sourcing import annotate

    article = article_from_text(TEXT)
    analysis = analysis_from_doc(nlp(article.view), article.source)
    facts = annotate(analysis)
    handed = auditor.rule_pack.evaluate(copy.deepcopy(analysis), article, flag_evidence=facts.flags)
    found_again = auditor.rule_pack.evaluate(copy.deepcopy(analysis), article)
    assert [f.to_dict() for f in handed] == [f.to_dict() for f in found_again]
    assert handed
