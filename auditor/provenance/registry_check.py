"""The ``registry`` check of the rule engine (rules PROV007, PROV008, PROV009).

In ``auditor audit`` it looks at one article: its provenance record (see
:mod:`auditor.provenance.record`) built from the analysis, and, given a registry
(``--registry``), the registry's verdicts on it (see :mod:`auditor.provenance.desk`).
After ``auditor batch``, the same rules are evaluated again with the registry's evidence
across articles (see :func:`auditor.provenance.source_rules.corpus_hits`); both use the
rule's YAML for id, severity and message. The rule engine imports this check by the name
:data:`auditor.check_extensions.CHECK_EXTENSIONS` declares for it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from auditor.errors import quote_value
from auditor.provenance.source_rules import CONDITIONS, article_hits
from auditor.rules.check_params import Check, Param
from auditor.rules.context import Context, Hit
from auditor.rules.rule import Rule, RuleError


def context_record(ctx: Context) -> dict[str, Any]:
    """The provenance record of the article ``ctx`` describes (built once per analysis,
    shared by the rules and, in a batch, the result sent to the registry)."""
    from auditor.provenance.record import cached_record

    return cached_record(ctx.analysis)


def _condition(value: Any, where: str) -> str:
    if not isinstance(value, str) or value not in CONDITIONS:
        shown = quote_value(value)
        raise RuleError(f"{where}: expected one of {', '.join(CONDITIONS)}, got {shown}")
    return value


class RegistryCheck(Check):
    name = "registry"
    doc = (
        "speakers and organizations checked against the article itself and, after a batch, "
        "the source registry: credential not verifiable, conflicting roles, near-miss names"
    )
    params = {
        "condition": Param(_condition, required=True, help=", ".join(CONDITIONS)),
    }
    placeholders = frozenset({"name", "credential", "reason", "first", "second", "where", "known"})

    def run(self, rule: Rule, ctx: Context) -> Iterator[Hit]:
        condition = rule.params["condition"]
        # The registry's verdicts, when an audit was given one (auditor.provenance.desk),
        # come first: the engine keeps one finding per place, and they know more.
        found = list(ctx.outside_evidence.get(self.name, {}).get(condition, ()))
        found += article_hits(condition, context_record(ctx), ctx.text)
        for hit in found:
            yield Hit(hit.start, hit.end, dict(hit.values), ctx.attributions_at(hit.start, hit.end))
