"""What a check is: the parameters a rule file gives it, each read and validated from YAML.

A rule names one check (``check: phrase``) and gives its parameters as top-level keys of
the file; :class:`Param` says how one is read (``cues: [claimed]`` -> a compiled pattern),
:class:`Check` reads them all and runs over an article. The checks themselves are listed
in :mod:`auditor.rules.checks`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from auditor import lexicon
from auditor.errors import quote_value
from auditor.rules.context import Context, Hit
from auditor.rules.patterns import compile_cues, compile_regex
from auditor.rules.rule import Rule, RuleError


def str_list(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise RuleError(f"{where}: expected a list of strings")
    return list(value)


def choices(options: tuple[str, ...]) -> Callable[[Any, str], list[str]]:
    def parse(value: Any, where: str) -> list[str]:
        items = str_list(value, where)
        for item in items:
            if item not in options:
                raise RuleError(
                    f"{where}: unknown value {quote_value(item)} (known: {', '.join(options)})"
                )
        return items

    return parse


def true_or_false(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise RuleError(f"{where}: expected true or false")
    return value


def whole_number(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise RuleError(f"{where}: expected a whole number >= 0")
    return value


def choice(options: tuple[str, ...]) -> Callable[[Any, str], str]:
    def parse(value: Any, where: str) -> str:
        if value not in options:
            raise RuleError(
                f"{where}: expected one of {', '.join(options)}, got {quote_value(value)}"
            )
        return value

    return parse


def phrase_patterns(value: Any, where: str, trusted: bool = False) -> Any:
    return compile_cues(str_list(value, where), where, trusted=trusted)


#: A lexicon is named by its file's stem: no paths.
LEXICON_NAME = re.compile(r"^[a-z][a-z0-9_]{0,60}$")


def lexicon_pattern(value: Any, where: str) -> re.Pattern:
    if not isinstance(value, str) or not LEXICON_NAME.match(value):
        raise RuleError(f"{where}: expected the name of a lexicon file in auditor/lexicons/")
    try:
        return lexicon.pattern(value)
    except lexicon.LexiconError as exc:
        raise RuleError(f"{where}: {exc}") from None


def replacement_map(value: Any, where: str) -> dict[str, str]:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise RuleError(f"{where}: expected a mapping of word to replacement")
    return {k.lower(): v for k, v in value.items()}


def regular_expression(value: Any, where: str, trusted: bool = False) -> Any:
    if not isinstance(value, str):
        raise RuleError(f"{where}: expected a regular expression")
    return compile_regex(value, where, trusted=trusted)


@dataclass(frozen=True)
class Param:
    parse: Callable[..., Any]
    required: bool = False
    help: str = ""
    #: the value is compiled into patterns: ``parse`` also takes ``trusted`` (shipped pack)
    compiles: bool = False


SEVERITY_CHOICES = ("suggestion", "warning", "error")


class Check:
    """A kind of check: its parameters, the placeholders its messages may use, and a run."""

    name = ""
    params: dict[str, Param] = {}
    placeholders: frozenset[str] = frozenset()
    doc = ""

    def parse(self, raw: dict[str, Any], where: str, trusted: bool = False) -> dict[str, Any]:
        """Validated parameters (``where`` names the file for errors); patterns of a pack
        that is not ``trusted`` (the shipped one) compile with RE2."""
        parsed = {}
        for key, spec in self.params.items():
            if key in raw and spec.compiles:
                parsed[key] = spec.parse(raw[key], f"{where}: {key}", trusted)
            elif key in raw:
                parsed[key] = spec.parse(raw[key], f"{where}: {key}")
            elif spec.required:
                raise RuleError(f"{where}: missing field {key!r} (needed by check {self.name!r})")
        self.validate(parsed, where)
        return parsed

    def validate(self, params: dict[str, Any], where: str) -> None:
        """Cross-field checks; raise RuleError naming the field."""

    def run(self, rule: Rule, ctx: Context) -> Iterator[Hit]:  # pragma: no cover - abstract
        raise NotImplementedError
