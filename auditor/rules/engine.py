"""A loaded rule pack, and its evaluation over one analysed article."""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from auditor.config import Config, ConfigError, rule_family
from auditor.model import Analysis, Finding, line_and_column
from auditor.rules.checks import CHECKS
from auditor.rules.context import Context, Hit
from auditor.rules.loader import default_pack_dir, load_rule_file, rule_files
from auditor.rules.rule import Rule, RuleError
from auditor.sourcing.overlaps import SpanIndex

SEVERITY_RANK = {"suggestion": 0, "warning": 1, "error": 2}


class _Values(dict):
    """Message values; a placeholder with no value reads as itself rather than failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@dataclass
class RulePack:
    """The rules of a pack with the configuration applied.

    ``rules`` holds every rule loaded (severities as configured); ``enabled`` those the
    configuration selects; ``problems`` the rule files skipped under ``keep_going``.
    """

    rules: list[Rule]
    config: Config = field(default_factory=Config)
    problems: list[str] = field(default_factory=list)
    folders: tuple[Path, ...] = ()

    @property
    def enabled(self) -> list[Rule]:
        return [rule for rule in self.rules if self.config.selects(rule.id)]

    @property
    def ids(self) -> list[str]:
        return [rule.id for rule in self.rules]

    def get(self, rule_id: str) -> Rule:
        """The rule ``rule_id`` (case-insensitive); RuleError naming close ids otherwise."""
        wanted = rule_id.strip().upper()
        for rule in self.rules:
            if rule.id == wanted or rule.name == rule_id.strip().lower():
                return rule
        close = difflib.get_close_matches(wanted, self.ids, n=3)
        hint = f" (did you mean {', '.join(close)}?)" if close else " (see `auditor rules`)"
        raise RuleError(f"unknown rule {rule_id!r}{hint}")

    @property
    def digest(self) -> str:
        """A hash of the rules and settings, so cached results can tell a changed pack."""
        h = hashlib.sha256()
        for rule in sorted(self.rules, key=lambda r: r.id):
            h.update(repr((rule.id, rule.severity, rule.message, rule.params)).encode())
            if rule.path is not None and rule.path.is_file():
                h.update(rule.path.read_bytes())
        h.update(repr((self.config.select, self.config.ignore)).encode())
        h.update(repr(sorted(self.config.thresholds.items())).encode())
        return h.hexdigest()[:16]

    # ------------------------------------------------------------------ evaluation

    def evaluate(
        self,
        analysis: Analysis,
        article: Any = None,
        *,
        outside_evidence: dict[str, Any] | None = None,
        flag_evidence: dict[str, dict[str, str]] | None = None,
    ) -> list[Finding]:
        """Findings of the enabled rules over ``analysis``, sorted by offset.

        Applies the configured severities and the article's inline suppressions (reporting
        those that silenced nothing, when the ``suppression`` rule is enabled), and adds
        each finding's rule id to the ``findings`` of the attributions it concerns.
        ``outside_evidence`` is handed to the checks (see :class:`Context`); so is
        ``flag_evidence``, the evidence of each attribution's flags that
        :func:`auditor.sourcing.annotate` returned for this analysis (worked out again
        when not given).
        """
        ctx = Context(
            analysis,
            article,
            dict(self.config.thresholds),
            outside_evidence or {},
            flag_evidence,
        )
        hits: list[tuple[Rule, Hit]] = []
        for rule in self.enabled:
            if rule.check == "suppression":
                continue
            seen: dict[tuple[int, int], Hit] = {}
            for hit in CHECKS[rule.check].run(rule, ctx):
                earlier = seen.get((hit.start, hit.end))
                if earlier is not None:
                    # One finding per place; a floating quote sharing its source's span adds
                    # its attribution to the finding instead of repeating it.
                    extra = [a for a in hit.attributions if a not in earlier.attributions]
                    earlier.attributions = (*earlier.attributions, *extra)
                    continue
                seen[(hit.start, hit.end)] = hit
                hits.append((rule, hit))

        suppressions = list(getattr(article, "suppressions", None) or [])
        used = [False] * len(suppressions)
        kept: list[tuple[Rule, Hit]] = []
        reach = _reach_index(suppressions)
        for rule, hit in hits:
            silenced = False
            for k in reach.overlapping(hit.start, hit.start + 1):  # those around hit.start
                if _suppresses(suppressions[k], rule.id, hit.start):
                    used[k] = True
                    silenced = True
            if not silenced:
                kept.append((rule, hit))
        kept.extend(self._unused_suppressions(suppressions, used))

        by_id = {a.id: a for a in analysis.attributions}
        findings = []
        for rule, hit in kept:
            findings.append(self._finding(rule, hit, analysis.text))
            for attribution_id in hit.attributions:
                attribution = by_id.get(attribution_id)
                if attribution is not None and rule.id not in attribution.findings:
                    attribution.findings.append(rule.id)
        findings.sort(key=lambda f: (f.start, f.end, f.rule))
        return findings

    def _unused_suppressions(
        self, suppressions: list[Any], used: list[bool]
    ) -> Iterable[tuple[Rule, Hit]]:
        rules = [r for r in self.enabled if r.check == "suppression"]
        if not rules:
            return []
        known = set(self.ids) | {r.family for r in self.rules} | {"ALL"}
        enabled = {r.id for r in self.enabled}
        out = []
        for suppression, was_used in zip(suppressions, used, strict=True):
            named = tuple(getattr(suppression, "rules", ()) or ())
            unknown = [r for r in named if r not in known]
            start = getattr(suppression, "start", 0)
            end = getattr(suppression, "end", start)
            values = {"rules": ", ".join(named) or "(none)", "reason": "matched nothing"}
            if unknown:
                values["reason"] = f"names no known rule: {', '.join(unknown)}"
            elif was_used:
                continue
            elif not any(
                r in ("ALL",) or r in enabled or any(e.startswith(r) for e in enabled)
                for r in named
            ):
                continue  # every rule it names is switched off: nothing to report
            for rule in rules:
                out.append((rule, Hit(start, end, values, ())))
        return out

    def _finding(self, rule: Rule, hit: Hit, text: str) -> Finding:
        severity = rule.severity
        escalated = hit.values.get("severity")
        configured = rule.id in self.config.severity or rule.family in self.config.severity
        if escalated and not configured:
            severity = escalated
        values = _Values(hit.values)
        values.setdefault("id", rule.id)
        values.setdefault("name", rule.name)
        message = rule.message.format_map(values)
        line, column = line_and_column(text, hit.start)
        return Finding(
            rule=rule.id,
            severity=severity,
            message=message,
            start=hit.start,
            end=hit.end,
            line=line,
            column=column,
            name=rule.name,
            fix=rule.fix,
        )


def _reach_index(suppressions: list[Any]) -> SpanIndex:
    """Where each suppression applies, indexed: an article with many suppressions does
    not test each against every finding. One that applies nowhere reaches nothing."""
    spans = []
    for suppression in suppressions:
        applies = getattr(suppression, "applies_to", None)
        if applies is None:
            spans.append((0, 0))
        else:
            start, end = applies
            spans.append((start, max(end, start + 1)))
    return SpanIndex(spans)


def _suppresses(suppression: Any, rule_id: str, offset: int) -> bool:
    named = tuple(getattr(suppression, "rules", ()) or ())
    if not (rule_id in named or rule_family(rule_id) in named or "ALL" in named):
        return False
    applies = getattr(suppression, "applies_to", None)
    if applies is None:
        return False
    start, end = applies
    return start <= offset < max(end, start + 1)


def _check_config_ids(config: Config, rules: list[Rule]) -> None:
    ids = {r.id for r in rules}
    families = {r.family for r in rules}
    for key, selectors in (("select", config.select), ("ignore", config.ignore)):
        for selector in selectors:
            if selector != "ALL" and selector not in ids and selector not in families:
                raise ConfigError(f"{config.where(key)}: unknown rule or family {selector!r}")
    for selector in config.severity:
        if selector not in ids and selector not in families:
            raise ConfigError(f"{config.where('severity')}: unknown rule or family {selector!r}")
    declared = {name for r in rules for name in r.thresholds}
    for name in config.thresholds:
        if name not in declared:
            known = ", ".join(sorted(declared)) or "none"
            raise ConfigError(
                f"{config.where('thresholds')}: unknown threshold {name!r} (known: {known})"
            )


def load_rule_pack(
    config: Config | None = None,
    *,
    keep_going: bool = False,
    folders: Iterable[Path] | None = None,
) -> RulePack:
    """Load the default pack plus the configured ``rule-folders`` and apply ``config``.

    ``folders`` replaces the default pack folder (tests, custom packs). A bad rule file
    raises :class:`RuleError` naming the file and field; with ``keep_going`` it is skipped
    and its problem listed in ``RulePack.problems``. Unknown rule ids, families or
    thresholds in the configuration raise :class:`~auditor.config.ConfigError`.
    """
    config = config if config is not None else Config()
    base = list(folders) if folders is not None else [default_pack_dir()]
    all_folders = tuple(Path(f) for f in [*base, *config.rule_folders])
    rules: list[Rule] = []
    problems: list[str] = []
    origin: dict[str, Path | None] = {}
    for path in rule_files(all_folders):
        try:
            rule = load_rule_file(path)
            if rule.id in origin:
                raise RuleError(f"{path}: id: {rule.id} is already defined in {origin[rule.id]}")
        except RuleError as exc:
            if not keep_going:
                raise
            problems.append(str(exc))
            continue
        origin[rule.id] = path
        rules.append(rule)
    _check_config_ids(config, rules)
    configured = [
        replace(rule, severity=config.severity_for(rule.id, rule.severity)) for rule in rules
    ]
    configured.sort(key=lambda r: r.id)
    return RulePack(configured, config, problems, all_folders)
