"""What a rule is once loaded from its YAML file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditor.errors import AuditorError


class RuleError(AuditorError):
    """A rule file cannot be used; the message names the file and the field."""


@dataclass(frozen=True)
class Authority:
    """A standard a rule stands on."""

    name: str
    url: str

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "url": self.url}


@dataclass(frozen=True)
class Example:
    """One example text of a rule, with its anchor: where a bad example's finding lands.

    A finding lands on the anchor when its span ``[start, end)`` shares at least one
    character with :attr:`span`, the first occurrence of ``at`` in ``text`` (a finding
    with an empty span counts as the one character at its start). Overlap rather than
    equality because checks mark different extents - a whole source phrase with its
    relative clause, a claim's sentence, one quotation mark - while the anchor names the
    words the finding is about.
    """

    text: str
    #: the words a bad example's finding must land on; None when not pinned
    at: str | None = None

    @property
    def span(self) -> tuple[int, int] | None:
        """``(start, end)`` of the first occurrence of the anchor in the text, if any."""
        if self.at is None:
            return None
        start = self.text.find(self.at)
        return None if start < 0 else (start, start + len(self.at))

    def lands_on_anchor(self, start: int, end: int) -> bool:
        """True when a finding spanning ``[start, end)`` lands on the anchor."""
        span = self.span
        if span is None:
            return False
        return start < span[1] and span[0] < max(end, start + 1)

    def to_dict(self) -> dict[str, str | None]:
        return {"text": self.text, "at": self.at}


@dataclass(frozen=True)
class Examples:
    """Texts that must (``bad``) and must not (``good``) produce the rule's finding."""

    bad: tuple[Example, ...]
    good: tuple[Example, ...]


@dataclass
class Rule:
    """One rule of a pack: its metadata and the parameters of its check."""

    id: str
    name: str
    severity: str
    message: str
    why: str
    fix: str
    authority: tuple[Authority, ...]
    check: str
    params: dict[str, Any]
    examples: Examples
    summary: str = ""
    #: threshold name -> default value (config ``[tool.auditor.thresholds]`` overrides)
    thresholds: dict[str, float] = field(default_factory=dict)
    path: Path | None = None
    #: the severity written in the rule file, before config overrides
    default_severity: str = ""

    @property
    def family(self) -> str:
        """The family of the rule: its id's letters ("ANON")."""
        return self.id.rstrip("0123456789")

    @property
    def line(self) -> str:
        """One line about the rule, for listings."""
        if self.summary:
            return self.summary
        first = re.split(r"(?<=[.!?])\s", self.why.strip(), maxsplit=1)[0]
        return " ".join(first.split())

    def to_dict(self) -> dict[str, Any]:
        """Plain data, as ``auditor rules --format json`` prints it."""
        return {
            "id": self.id,
            "name": self.name,
            "severity": self.severity,
            "summary": self.line,
            "message": self.message,
            "why": self.why.strip(),
            "fix": self.fix.strip(),
            "authority": [a.to_dict() for a in self.authority],
            "check": self.check,
            "examples": {
                "bad": [e.to_dict() for e in self.examples.bad],
                "good": [e.to_dict() for e in self.examples.good],
            },
        }
