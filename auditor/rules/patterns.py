"""Regular expressions from rule files, compiled so that no pattern can hang an audit.

Python's ``re`` backtracks: a cue such as ``re:(a+)+$`` takes twice as long for every
letter of a word it nearly matches. Rule packs a user writes (``rule-folders``, or any
folder other than the shipped pack) therefore have their cues and ``source_matches``
compiled with RE2, whose matching time is linear in the text whatever the pattern. RE2
refuses what it cannot run in linear time (lookaround, backreferences): a load error
naming the file and field, never a slow audit.

The shipped pack is reviewed with the code and keeps Python's syntax (it uses lookahead),
so its patterns behave exactly as they always have.

RE2's ``\\b``, ``\\w``, ``\\d`` and ``\\s`` are ASCII classes; plain phrases (no ``re:``)
still let any Unicode space stand between their words, as in the shipped pack.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import re2

from auditor import lexicon
from auditor.errors import quote_value
from auditor.rules.rule import RuleError

#: Python's ``\s`` on text (RE2's is ASCII only): no-break and other Unicode spaces too.
_ANY_SPACE = r"[\s\x0b\x1c-\x1f\x85\p{Z}]+"
#: An RE2 pattern that matches nothing (RE2 has no ``(?!x)x``).
_NOTHING = r"[^\x00-\x{10FFFF}]"
_RE2_HINT = "rule packs use RE2 syntax: no lookaround or backreferences"


class RE2Pattern:
    """An RE2 pattern with what the checks use of ``re.Pattern``, and a repr that names
    its source (the pack's digest is built from it, so it must not vary by run)."""

    def __init__(self, compiled: Any) -> None:
        self._compiled = compiled

    @property
    def pattern(self) -> str:
        return self._compiled.pattern

    def search(self, text: str) -> Any:
        return self._compiled.search(text)

    def finditer(self, text: str) -> Iterator[Any]:
        return self._compiled.finditer(text)

    def __repr__(self) -> str:
        return f"RE2Pattern({self.pattern!r})"


def _re2_options() -> re2.Options:
    options = re2.Options()
    options.case_sensitive = False
    options.log_errors = False  # RE2 would also print the error to stderr
    return options


def _re2_compile(source: str, where: str, shown: str) -> RE2Pattern:
    try:
        return RE2Pattern(re2.compile(source, _re2_options()))
    except re2.error as exc:
        reason = exc.args[0] if exc.args else exc
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        reason = " ".join(str(reason).split())[:80]
        raise RuleError(
            f"{where}: RE2 cannot compile {quote_value(shown)}: {reason} ({_RE2_HINT})"
        ) from None


def _re2_phrase(phrase: str) -> str:
    """``phrase`` as RE2 source: a ``re:`` entry as written, else whole words, any space."""
    if phrase.startswith("re:"):
        return phrase[3:]
    body = _ANY_SPACE.join(re2.escape(word) for word in phrase.split())
    left = r"\b" if re.match(r"[A-Za-z0-9_]", phrase) else ""
    right = r"\b" if re.search(r"[A-Za-z0-9_]$", phrase) else ""
    return f"{left}{body}{right}"


def compile_cues(cues: list[str], where: str, *, trusted: bool) -> re.Pattern | RE2Pattern:
    """One pattern matching any of ``cues`` (longest first), any case.

    ``trusted`` (the shipped pack) compiles with Python's ``re``; otherwise RE2, each
    ``re:`` entry checked on its own so an error names the one RE2 refuses.
    """
    if trusted:
        try:
            return lexicon.compile_phrases(cues)
        except lexicon.LexiconError as exc:
            raise RuleError(f"{where}: {exc}") from None
    for k, cue in enumerate(cues):
        if cue.startswith("re:"):
            _re2_compile(cue[3:], f"{where}[{k}]", cue)
    ordered = sorted(cues, key=len, reverse=True)
    source = "|".join(f"(?:{_re2_phrase(cue)})" for cue in ordered) or _NOTHING
    return _re2_compile(source, where, "the cue list")


def compile_regex(source: str, where: str, *, trusted: bool) -> re.Pattern | RE2Pattern:
    """``source`` compiled ignoring case: Python's ``re`` when ``trusted``, else RE2."""
    if not trusted:
        return _re2_compile(source, where, source)
    try:
        return re.compile(source, re.IGNORECASE)
    except re.error as exc:
        raise RuleError(f"{where}: invalid regular expression: {exc}") from None
