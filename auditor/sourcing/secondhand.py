"""Second-hand sourcing: information that reaches the article through another outlet.

An outlet is recognized by name (``news_outlets.txt``) or by its descriptor, whatever
its name: "the wire service X", "the television channel X", "the tabloid X", "the state
news agency X", "the Telegram channel X", "X, a Swedish newspaper" (descriptors in
``media_descriptors.txt``). The cue patterns (``sourcing_secondhand.txt``) say how the
outlet passes the information on ("according to {outlet}", "told {described}").
"""

from __future__ import annotations

import re
from functools import cache

from auditor import lexicon

#: A capitalized name, case-sensitive inside the case-blind cue patterns.
_CAPITALIZED_NAME = (
    r"(?-i:[A-Z][\w'’.&-]*(?:\s+(?:of|the|for|de|du|al|el|la|le)\s+[A-Z][\w'’.&-]*"
    r"|\s+[A-Z][\w'’.&-]*)*)"
)
_NAME = rf"(?P<name>{_CAPITALIZED_NAME})"
#: Up to three modifiers of a descriptor ("the state news agency", "a Swedish newspaper").
_MODIFIERS = r"(?:[\w-]+\s+){0,3}?"


@cache
def _descriptor_alternatives() -> str:
    descriptors = sorted(lexicon.entries("media_descriptors"), key=len, reverse=True)
    return "|".join(lexicon.phrase_pattern(d) for d in descriptors)


@cache
def _described() -> str:
    """An outlet named with its descriptor, before ("the tabloid X") or after ("X, a
    newspaper") its name; the name lands in group ``described`` or ``described_after``."""
    desc = _descriptor_alternatives()
    before = rf"(?:the\s+|a\s+|an\s+)?{_MODIFIERS}(?:{desc})\s+(?P<described>{_CAPITALIZED_NAME})"
    after = rf"(?P<described_after>{_CAPITALIZED_NAME}),\s+(?:a|an|the)\s+{_MODIFIERS}(?:{desc})\b"
    return f"(?:{before}|{after})"


@cache
def _outlet_alternatives() -> str:
    outlets = sorted(lexicon.entries("news_outlets"), key=len, reverse=True)
    return "|".join(lexicon.phrase_pattern(o) for o in outlets)


@cache
def _any_outlet() -> re.Pattern:
    """An outlet name as written in the list (case kept): a text without one cannot pass
    the name check below, so the cues that need an outlet are not tried on it."""
    return re.compile(_outlet_alternatives())


@cache
def _outlet_names() -> frozenset[str]:
    return frozenset(lexicon.entries("news_outlets"))


@cache
def _patterns() -> tuple[tuple[re.Pattern, bool], ...]:
    """Each cue's pattern, and whether it holds a listed outlet's name."""
    compiled = []
    # "told the BBC": a lower-case "the" before a name listed without one. A name listed
    # only with "The" ("The Hill") is not taken after "the": "told the Hill committee".
    outlet = rf"(?:(?-i:the)\s+)?(?P<outlet>{_outlet_alternatives()})"
    for line in lexicon.entries("sourcing_secondhand"):
        source = line[3:] if line.startswith("re:") else line
        source = source.replace(" ", r"\s+")
        needs_outlet = "{outlet}" in source
        source = source.replace("{outlet}", outlet).replace("{name}", _NAME)
        source = source.replace("{described}", _described())
        compiled.append((re.compile(rf"\b{source}", re.I), needs_outlet))
    return tuple(compiled)


@cache
def _source_is_described() -> re.Pattern:
    return re.compile(rf"^\W*{_described()}", re.I)


def _outlet_of(match: re.Match) -> str | None:
    """The outlet's name in a cue match, None when a listed name's case is wrong ("the
    times" is not The Times); the whole match when the cue names no outlet."""
    groups = match.groupdict()
    outlet = groups.get("outlet")
    if outlet is not None:
        return outlet if " ".join(outlet.split()) in _outlet_names() else None
    for group in ("described", "described_after", "name"):
        if groups.get(group):
            return groups[group]
    return match.group()


def secondhand_match(text: str) -> str | None:
    """The outlet (or phrase) showing that ``text`` takes its information from another
    outlet, or None."""
    names_outlet: bool | None = None
    for pat, needs_outlet in _patterns():
        if needs_outlet:
            if names_outlet is None:
                names_outlet = _any_outlet().search(text) is not None
            if not names_outlet:
                continue
        for match in pat.finditer(text):
            outlet = _outlet_of(match)
            if outlet is not None:
                return " ".join(outlet.split())
    return None


def described_outlet(source_text: str) -> str | None:
    """The outlet's name when a source phrase introduces one by its descriptor ("the
    wire service Baltpress", "Dagens Kurir, a Swedish newspaper")."""
    match = _source_is_described().match(source_text)
    if match is None:
        return None
    return " ".join((match.group("described") or match.group("described_after")).split())
