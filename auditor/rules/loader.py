"""Read rule files (YAML, one rule a file) into :class:`~auditor.rules.rule.Rule` objects.

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

from auditor.errors import quote_value
from auditor.model import SEVERITIES
from auditor.rules.checks import CHECKS
from auditor.rules.rule import Authority, Example, Examples, Rule, RuleError

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
#: A rule file is a page of YAML; anything far larger is not one.
MAX_RULE_FILE_BYTES = 1_000_000


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


def _key(key: Any) -> str:
    """A mapping key as an error names it: a short name as written, anything else quoted."""
    if isinstance(key, str) and key.isidentifier() and len(key) <= 40:
        return key
    return quote_value(key)


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
            raise RuleError(f"{where}[{k}].url: expected a web address, got {quote_value(url)}")
        out.append(Authority(name.strip(), url.strip()))
    return tuple(out)


def _example(item: Any, where: str, anchored: bool) -> Example:
    """One example: a text, or (``anchored``, bad examples) a mapping ``{text, at}``."""
    if isinstance(item, str):
        return Example(_text(item, where))
    keys = "text and at" if anchored else "text"
    if not isinstance(item, dict) or "text" not in item:
        raise RuleError(f"{where}: expected a text or a mapping with the keys {keys}")
    unknown = set(item) - ({"text", "at"} if anchored else {"text"})
    if unknown:
        extra = _key(sorted(unknown, key=str)[0])
        why = " (good examples have no anchor: nothing fires)" if extra == "at" else ""
        raise RuleError(f"{where}: unknown key {extra}; expected {keys}{why}")
    text = _text(item["text"], f"{where}.text")
    if "at" not in item:
        return Example(text)
    at = _text(item["at"], f"{where}.at")
    if at not in text:
        raise RuleError(f"{where}.at: {quote_value(at)} does not occur in the example's text")
    return Example(text, at)


def _examples(value: Any, where: str) -> Examples:
    """The ``examples`` field: non-empty lists ``bad`` (anchor optional) and ``good``."""
    if not isinstance(value, dict) or set(value) - {"bad", "good"}:
        raise RuleError(f"{where}: expected a mapping with the keys bad and good")
    lists = {}
    for key in ("bad", "good"):
        items = value.get(key)
        if not isinstance(items, list) or not items:
            raise RuleError(f"{where}.{key}: expected a non-empty list of example texts")
        lists[key] = tuple(
            _example(item, f"{where}.{key}[{k}]", anchored=key == "bad")
            for k, item in enumerate(items)
        )
    return Examples(bad=lists["bad"], good=lists["good"])


def _placeholders(message: str, where: str) -> set[str]:
    """The ``{placeholder}`` names in ``message``.

    Only plain names: a format spec (``{match:>99999}``), a conversion (``{match!r}``) or
    an attribute or index (``{match.x}``, ``{match[0]}``) could fail or blow up when the
    rule fires, so each is an error here, when the pack loads.
    """
    try:
        parsed = list(string.Formatter().parse(message))
    except ValueError as exc:
        raise RuleError(f"{where}: bad placeholder: {exc}") from None
    fields = set()
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name:
            raise RuleError(f"{where}: empty placeholder {{}}; name it, e.g. {{source}}")
        if spec or conversion or not name.isidentifier():
            written = name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            raise RuleError(
                f"{where}: placeholder {quote_value('{' + written + '}')}: only plain {{name}} "
                "placeholders are allowed (no format spec, conversion, attribute or index)"
            )
        fields.add(name)
    return fields


def _thresholds(value: Any, where: str) -> dict[str, float]:
    if not isinstance(value, dict):
        raise RuleError(f"{where}: expected a mapping of name to number")
    out = {}
    for name, number in value.items():
        if isinstance(number, bool) or not isinstance(number, (int, float)):
            raise RuleError(f"{where}.{_key(name)}: expected a number")
        out[str(name)] = float(number)
    return out


def rule_from_data(data: Any, path: Path | None = None, *, trusted: bool = False) -> Rule:
    """Validate the parsed YAML of one rule file into a Rule.

    ``trusted`` marks the shipped pack, whose patterns keep Python's ``re`` syntax; any
    other rule's patterns compile with RE2 (see :mod:`auditor.rules.patterns`).
    """
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
    if not isinstance(severity, str) or severity not in SEVERITIES:
        raise RuleError(f"{where}: severity: expected one of {', '.join(SEVERITIES)}")
    check_name = data["check"]
    if not isinstance(check_name, str) or check_name not in CHECKS:
        raise RuleError(
            f"{where}: check: unknown check {quote_value(check_name)} (known: {', '.join(CHECKS)})"
        )
    check = CHECKS[check_name]
    allowed = set(REQUIRED_FIELDS) | set(OPTIONAL_FIELDS) | set(check.params)
    for key in data:
        if key not in allowed:
            raise RuleError(
                f"{where}: unknown field {quote_value(key)} for check {check_name!r} "
                f"(its parameters: {', '.join(check.params) or 'none'})"
            )
    message = _text(data["message"], f"{where}: message")
    unknown = _placeholders(message, f"{where}: message") - check.placeholders - COMMON_PLACEHOLDERS
    if unknown:
        offered = ", ".join(sorted(check.placeholders | COMMON_PLACEHOLDERS))
        raise RuleError(
            f"{where}: message: placeholder {{{_key(sorted(unknown)[0])}}} is not filled by check "
            f"{check_name!r} (it fills: {offered})"
        )
    thresholds = _thresholds(data.get("thresholds", {}), f"{where}: thresholds")
    params = check.parse({k: v for k, v in data.items() if k in check.params}, where, trusted)
    threshold = params.get("threshold")
    if isinstance(threshold, str) and threshold not in thresholds:
        raise RuleError(
            f"{where}: threshold: {quote_value(threshold)} is not declared under thresholds "
            "with a default"
        )
    summary = data.get("summary", "")
    if not isinstance(summary, str):
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


class _NoAliasLoader(_SAFE_LOADER):  # type: ignore[misc, valid-type]
    """The safe loader, refusing YAML aliases (``*name``).

    An alias is the same node met twice; a few of them nest into billions of values
    ("billion laughs") that any validation or error message would walk. Rule files have
    no use for them, so the second visit of a node is an error, before anything expands.
    """

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:
            raise yaml.constructor.ConstructorError(
                None, None, "aliases (*name) are not allowed in rule files", node.start_mark
            )
        return super().construct_object(node, deep)


def _read_rule_text(path: Path) -> str:
    """The text of rule file ``path``: a regular file of at most MAX_RULE_FILE_BYTES."""
    try:
        if not path.is_file():
            raise RuleError(f"{path}: not a regular file")
        with path.open("rb") as handle:
            raw = handle.read(MAX_RULE_FILE_BYTES + 1)
        if len(raw) > MAX_RULE_FILE_BYTES:
            raise RuleError(f"{path}: larger than {MAX_RULE_FILE_BYTES:,} bytes; not a rule file")
        return raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"{path}: cannot read: {exc}") from None


def _parse_yaml(text: str, path: Path) -> Any:
    try:
        return yaml.load(text, Loader=_NoAliasLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise RuleError(f"{path}: invalid YAML{at}: {' '.join(problem.split())[:120]}") from None
    except RecursionError:
        raise RuleError(f"{path}: invalid YAML: nested too deeply") from None


def is_shipped(path: Path) -> bool:
    """True for a file of the shipped rule pack (its patterns keep Python's syntax)."""
    try:
        return path.resolve().parent == default_pack_dir().resolve()
    except (OSError, RuleError):
        return False


def load_rule_file(path: Path) -> Rule:
    """Read and validate one rule file (patterns compile with RE2 unless it is shipped)."""
    path = Path(path)
    data = _parse_yaml(_read_rule_text(path), path)
    return rule_from_data(data, path, trusted=is_shipped(path))


def rule_files(folders: Iterable[Path]) -> list[Path]:
    """The rule files (``*.yaml``, ``*.yml``) in ``folders``, sorted by name per folder."""
    files: list[Path] = []
    for folder in folders:
        folder = Path(folder)
        if not folder.is_dir():
            raise RuleError(f"{folder}: rule folder not found")
        files.extend(sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml")))
    return files
