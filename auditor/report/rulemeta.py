"""Rule metadata (name, description, fix, links) for reports, from the rule pack if present.

The rule pack (``auditor.rules.load_rule_pack``) is written separately; reports must work
with or without it, so everything here degrades to "the id is all we know".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any


@dataclass(frozen=True)
class Authority:
    """A standard a rule stands on: its name and a link."""

    name: str
    url: str = ""


@dataclass(frozen=True)
class RuleInfo:
    """What a report can say about a rule beyond its id."""

    id: str
    name: str = ""
    severity: str = ""
    #: one line about the rule (for listings and SARIF's shortDescription)
    summary: str = ""
    message: str = ""
    why: str = ""
    fix: str = ""
    authority: tuple[Authority, ...] = field(default_factory=tuple)


def _get(obj: Any, key: str, default: Any = "") -> Any:
    if isinstance(obj, Mapping):
        value = obj.get(key, default)
    else:
        value = getattr(obj, key, default)
    return default if value is None else value


def _authorities(raw: Any) -> tuple[Authority, ...]:
    if not raw:
        return ()
    if isinstance(raw, (str, Mapping)) or not isinstance(raw, Iterable):
        raw = [raw]
    out = []
    for item in raw:
        if isinstance(item, str):
            out.append(Authority(item))
        else:
            out.append(Authority(str(_get(item, "name")), str(_get(item, "url"))))
    return tuple(out)


def _info(rule: Any) -> RuleInfo:
    return RuleInfo(
        id=str(_get(rule, "id")),
        name=str(_get(rule, "name")),
        severity=str(_get(rule, "severity")),
        summary=" ".join(str(_get(rule, "summary") or _get(rule, "line")).split()),
        message=str(_get(rule, "message")),
        why=str(_get(rule, "why")).strip(),
        fix=str(_get(rule, "fix")).strip(),
        authority=_authorities(_get(rule, "authority", ())),
    )


def _rules_of(pack: Any) -> Iterable[Any]:
    """The rules in whatever a rule pack loader returns (list, mapping, or object)."""
    if isinstance(pack, Mapping):
        return pack.values()
    rules = getattr(pack, "rules", pack)
    if isinstance(rules, Mapping):
        return rules.values()
    return rules


@lru_cache(maxsize=1)
def rule_pack() -> dict[str, RuleInfo]:
    """All rules of the default pack by id; empty when no rule pack can be loaded."""
    try:
        from auditor.rules import load_rule_pack
    except ImportError:
        return {}
    try:
        pack = load_rule_pack()
        infos = (_info(rule) for rule in _rules_of(pack))
        return {info.id: info for info in infos if info.id}
    except Exception:  # a broken pack must not stop a report from being written
        return {}


def rule_info(rule_id: str) -> RuleInfo:
    """What is known about ``rule_id``; at least its id."""
    return rule_pack().get(rule_id) or RuleInfo(id=rule_id)


def anchor(rule_id: str) -> str:
    """The fragment of a rule's section in docs/rules.md (the id lower-cased)."""
    return rule_id.lower()


#: In a rule-docs URL, the place of the rule's anchor (its id lower-cased).
ID_PLACEHOLDER = "{id}"


def rule_url(rule_id: str, base: str | None) -> str | None:
    """Where a report links ``rule_id``: ``base`` with ``{id}`` filled in, else
    ``base#id``; None without a base (the rule id is then shown, not linked)."""
    if not base:
        return None
    if ID_PLACEHOLDER in base:
        return base.replace(ID_PLACEHOLDER, anchor(rule_id))
    return f"{base}#{anchor(rule_id)}"


@lru_cache(maxsize=1)
def _rules_by_id() -> dict[str, Any]:
    """The default pack's rules by id (empty when no pack can be loaded)."""
    try:
        from auditor.rules import load_rule_pack

        return {rule.id: rule for rule in load_rule_pack().rules}
    except Exception:  # a broken pack must not stop a report from being written
        return {}


def explanation_markdown(rule_id: str) -> str | None:
    """The rule's explanation as the pack documents it (docs/rules.md's section: what it
    does, why it matters, examples, what to write instead, references) without its anchor
    and title, in Markdown; None for a rule the default pack does not have."""
    rule = _rules_by_id().get(rule_id)
    if rule is None:
        return None
    from auditor.rules.docs import rule_section

    lines = rule_section(rule).splitlines()
    # Drop the anchor and the "### ID name" title: the report shows both itself.
    body = [line for line in lines if not line.startswith(('<a id="', "### "))]
    return "\n".join(body).strip() + "\n"
