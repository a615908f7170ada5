"""Read rule files (YAML, one rule a file) into :class:`~auditor.rules.model.Rule` objects.

Every problem names the file and the field: a YAML syntax error, a missing or mistyped
field, an unknown check or check parameter, a message placeholder the check cannot fill.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from auditor.model import SEVERITIES
from auditor.rules.checks import CHECKS
from auditor.rules.model import Authority, Examples, Rule, RuleError

RULE_ID = re.compile(r"^[A-Z]{2,8}\d{3}$")
RULE_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")

#: Fields every rule file has, and the optional ones besides the check's own parameters.
REQUIRED_FIELDS = (
    "id",
    "name",
    "severity",
    "message",
    "why",
    "fix",
    "authority",
    "check",
    "examples",
)
OPTIONAL_FIELDS = ("summary", "thresholds")
#: Placeholders any message may use besides the check's own.
COMMON_PLACEHOLDERS = frozenset({"id", "name"})


def default_pack_dir() -> Path:
    """The default rule pack: ``auditor/rules_pack`` in a wheel, ``rules/`` in a checkout."""
    packaged = resources.files("auditor") / "rules_pack"
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / "rules"
    if checkout.is_dir():
        return checkout
    raise RuleError(
        "the default rule pack is missing (neither auditor/rules_pack nor a rules/ folder "
        "beside the package); reinstall the auditor"
    )


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise RuleError(f"{where}: expected non-empty text")
    return value


def _authorities(value: Any, where: str) -> tuple[Authority, ...]:
    if not isinstance(value, list) or not value:
        raise RuleError(f"{where}: expected a list of {{name, url}} entries")
    out = []
    for k, item in enumerate(value):
        if not isinstance(item, dict) or set(item) != {"name", "url"}:
            raise RuleError(f"{where}[{k}]: expected exactly the keys name and url")
        name = _text(item["name"], f"{where}[{k}].name")
        url = _text(item["url"], f"{where}[{k}].url")
        if not url.startswith(("https://", "http://")):
            raise RuleError(f"{where}[{k}].url: expected a web address, got {url!r}")
        out.append(Authority(name.strip(), url.strip()))
    return tuple(out)


def _examples(value: Any, where: str) -> Examples:
    if not isinstance(value, dict) or set(value) - {"bad", "good"}:
        raise RuleError(f"{where}: expected a mapping with the keys bad and good")
    lists = {}
    for key in ("bad", "good"):
        items = value.get(key)
        if not isinstance(items, list) or not items:
            raise RuleError(f"{where}.{key}: expected a non-empty list of example texts")
        for k, item in enumerate(items):
            _text(item, f"{where}.{key}[{k}]")
        lists[key] = tuple(items)
    return Examples(bad=lists["bad"], good=lists["good"])


def _placeholders(message: str, where: str) -> set[str]:
    try:
        fields = {f for _, f, _, _ in string.Formatter().parse(message) if f is not None}
    except ValueError as exc:
        raise RuleError(f"{where}: bad placeholder: {exc}") from None
    if "" in fields:
        raise RuleError(f"{where}: empty placeholder {{}}; name it, e.g. {{source}}")
    return fields


def _thresholds(value: Any, where: str) -> dict[str, float]:
    if not isinstance(value, dict):
        raise RuleError(f"{where}: expected a mapping of name to number")
    out = {}
    for name, number in value.items():
        if isinstance(number, bool) or not isinstance(number, (int, float)):
            raise RuleError(f"{where}.{name}: expected a number")
        out[str(name)] = float(number)
    return out


def rule_from_data(data: Any, path: Path | None = None) -> Rule:
    """Validate the parsed YAML of one rule file into a Rule."""
    where = str(path) if path is not None else "<rule>"
    if not isinstance(data, dict):
        raise RuleError(f"{where}: expected a mapping of fields (id, name, severity, ...)")
    for key in REQUIRED_FIELDS:
        if key not in data:
            raise RuleError(f"{where}: missing field {key!r}")
    rule_id = data["id"]
    if not isinstance(rule_id, str) or not RULE_ID.match(rule_id):
        raise RuleError(f"{where}: id: expected a family and three digits, like ANON001")
    name = data["name"]
    if not isinstance(name, str) or not RULE_NAME.match(name):
        raise RuleError(f"{where}: name: expected kebab-case, like anonymous-no-reason")
    severity = data["severity"]
    if severity not in SEVERITIES:
        raise RuleError(f"{where}: severity: expected one of {', '.join(SEVERITIES)}")
    check_name = data["check"]
    if check_name not in CHECKS:
        raise RuleError(
            f"{where}: check: unknown check {check_name!r} (known: {', '.join(CHECKS)})"
        )
    check = CHECKS[check_name]
    allowed = set(REQUIRED_FIELDS) | set(OPTIONAL_FIELDS) | set(check.params)
    for key in data:
        if key not in allowed:
            raise RuleError(
                f"{where}: unknown field {key!r} for check {check_name!r} "
                f"(its parameters: {', '.join(check.params) or 'none'})"
            )
    message = _text(data["message"], f"{where}: message")
    unknown = _placeholders(message, f"{where}: message") - check.placeholders - COMMON_PLACEHOLDERS
    if unknown:
        offered = ", ".join(sorted(check.placeholders | COMMON_PLACEHOLDERS))
        raise RuleError(
            f"{where}: message: placeholder {{{sorted(unknown)[0]}}} is not filled by check "
            f"{check_name!r} (it fills: {offered})"
        )
    thresholds = _thresholds(data.get("thresholds", {}), f"{where}: thresholds")
    params = check.parse({k: v for k, v in data.items() if k in check.params}, where)
    threshold = params.get("threshold")
    if isinstance(threshold, str) and threshold not in thresholds:
        raise RuleError(
            f"{where}: threshold: {threshold!r} is not declared under thresholds with a default"
        )
    summary = data.get("summary", "")
    if summary and not isinstance(summary, str):
        raise RuleError(f"{where}: summary: expected one line of text")
    return Rule(
        id=rule_id,
        name=name,
        severity=severity,
        message=" ".join(message.split()),
        why=_text(data["why"], f"{where}: why").strip(),
        fix=_text(data["fix"], f"{where}: fix").strip(),
        authority=_authorities(data["authority"], f"{where}: authority"),
        check=check_name,
        params=params,
        examples=_examples(data["examples"], f"{where}: examples"),
        summary=" ".join(summary.split()),
        thresholds=thresholds,
        path=path,
        default_severity=severity,
    )


#: PyYAML's safe loader, in C when libyaml is there (ten times faster on the rule pack,
#: which every command loads at start).
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_rule_file(path: Path) -> Rule:
    """Read and validate one rule file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"{path}: cannot read: {exc}") from None
    try:
        data = yaml.load(text, Loader=_SAFE_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise RuleError(f"{path}: invalid YAML{at}: {problem}") from None
    return rule_from_data(data, path)


def rule_files(folders: Iterable[Path]) -> list[Path]:
    """The rule files (``*.yaml``, ``*.yml``) in ``folders``, sorted by name per folder."""
    files: list[Path] = []
    for folder in folders:
        folder = Path(folder)
        if not folder.is_dir():
            raise RuleError(f"{folder}: rule folder not found")
        files.extend(sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml")))
    return files
