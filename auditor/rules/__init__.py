"""The rule engine: rules are YAML data, checks are a small fixed set of Python.

    >>> from auditor.rules import load_rule_pack
    >>> pack = load_rule_pack()                    # default pack + config, if any
    >>> pack.get("ANON001").name
    'anonymous-no-reason'

``pack.evaluate(analysis, article)`` returns the findings of one article. Rule files,
their fields and the checks are described in docs/rules.md.
"""

from __future__ import annotations

from auditor.rules.checks import CHECKS
from auditor.rules.engine import SEVERITY_RANK, RulePack, load_rule_pack
from auditor.rules.loader import default_pack_dir, load_rule_file, rule_from_data
from auditor.rules.rule import Authority, Examples, Rule, RuleError

__all__ = [
    "CHECKS",
    "SEVERITY_RANK",
    "Authority",
    "Examples",
    "Rule",
    "RuleError",
    "RulePack",
    "default_pack_dir",
    "load_rule_file",
    "load_rule_pack",
    "rule_from_data",
]
