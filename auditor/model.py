"""Plain data exchanged between the stages of an audit.

Every stage (ingest -> nlp -> sourcing -> rules -> report) hands the next one these
dataclasses, never spaCy objects, so results cross process boundaries cheaply and each
stage can be tested alone. All offsets are Python ``str`` indices into the original text
as decoded (for Markdown, the Markdown source): ``text[span.start:span.end] == span.text``.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, field
from typing import Any

SCHEMA = "auditor/2"

#: Attribution kinds, as in the JSON contract.
KINDS = ("direct", "indirect", "mixed", "according_to", "floating")

#: Source types, after design.md's taxonomy. ``unattributed`` is used for claims only.
SOURCE_TYPES = (
    "named_person",
    "named_organization",
    "media",
    "document",
    "anonymous",
    "vague",
    "unknown",
)

#: Keys of ``Summary.counts``: the source types, then the two kinds of claim.
SUMMARY_COUNT_KEYS = (*SOURCE_TYPES, "unattributed", "unverified")

SEVERITIES = ("suggestion", "warning", "error")
GRADES = ("A", "B", "C", "D", "F")


@dataclass(frozen=True)
class Span:
    """A stretch of the original text.

    Raises :class:`ValueError` when made inverted (``start > end``), negative, or with a
    ``text`` whose length is not ``end - start``: a bug in the stage that made it, caught
    where the span is made rather than in a report.
    """

    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end or len(self.text) != self.end - self.start:
            raise ValueError(
                f"bad span {self.start}-{self.end} ({len(self.text)} characters of text)"
            )

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span ``text[start:end]``; raises :class:`ValueError` unless
        ``0 <= start <= end <= len(text)``."""
        if end > len(text):
            raise ValueError(f"span {start}-{end} runs past the end of a {len(text)}-char text")
        return cls(start, end, text[start:end])


@dataclass(frozen=True)
class Quote:
    """A stretch of text between quotation marks (marks included in ``start``/``end``).

    ``closed`` is false for a quote whose closing mark never came (it then ends at the end
    of its paragraph). ``paragraphs`` counts the paragraphs it runs over (continuation
    paragraphs that re-open the quote, as house style asks, included); ``broken`` marks a
    quote that ran on into the next paragraph without re-opening (usually a paragraph break
    in the wrong place). Marks may be two characters long (``''``).
    """

    start: int
    end: int
    open_mark: str
    close_mark: str | None
    closed: bool = True
    paragraphs: int = 1
    broken: bool = False

    @property
    def inner_start(self) -> int:
        return self.start + len(self.open_mark)

    @property
    def inner_end(self) -> int:
        return self.end - (len(self.close_mark) if self.closed and self.close_mark else 0)

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "open_mark": self.open_mark,
            "close_mark": self.close_mark,
            "closed": self.closed,
            "paragraphs": self.paragraphs,
            "broken": self.broken,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        return cls(**data)


@dataclass
class Speaker:
    """Who an attribution's source resolves to."""

    name: str
    description: str | None = None
    #: id of the speaker cluster in ``Analysis.speakers`` (not part of the JSON contract).
    cluster: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "description": self.description}


@dataclass
class SpeakerCluster:
    """All mentions of one person or organization in an article.

    ``variants`` holds each distinct written form of the full name (so "Zelenskyy" and
    "Zelenskyi" can be reported as one speaker spelled two ways); ``introduced`` is the
    offset of the first mention that gives the full name.
    """

    id: str
    name: str
    kind: str  # "person" | "organization" | "media" | "group"
    description: str | None = None
    variants: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    introduced: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "description": self.description,
            "variants": list(self.variants),
            "mentions": [m.to_dict() for m in self.mentions],
            "introduced": self.introduced,
        }


@dataclass
class Attribution:
    """Who said what: content, the cue that attributes it and the source it names.

    ``content`` is the extent, first to last character; ``parts`` are the passages in it
    that are the speaker's own words (without the cue, the source or an interrupting
    aside; quotation marks included), sorted. Empty ``parts`` means the extent is the one
    part: :attr:`passages` always gives at least one.
    """

    id: str
    kind: str
    content: Span
    cue: Span | None = None
    source: Span | None = None
    speaker: Speaker | None = None
    source_type: str = "unknown"
    grade: str = "F"
    flags: list[str] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)
    #: who passed the claim on ("..., according to Interfax"); not part of the JSON
    #: contract, where it shows as the ``secondhand`` flag.
    via: Span | None = None
    #: the speaker's own words inside ``content`` (see the class text).
    parts: list[Span] = field(default_factory=list)

    @property
    def passages(self) -> list[Span]:
        """The parts of the content, or the content itself when it has none recorded."""
        return list(self.parts) if self.parts else [self.content]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "content": {
                **self.content.to_dict(),
                "parts": [part.to_dict() for part in self.passages],
            },
            "cue": self.cue.to_dict() if self.cue else None,
            "source": self.source.to_dict() if self.source else None,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "source_type": self.source_type,
            "grade": self.grade,
            "flags": list(self.flags),
            "findings": list(self.findings),
        }


@dataclass
class Claim:
    """A checkable statement (figure, allegation, prediction...) with no attribution."""

    start: int
    end: int
    text: str
    why: str  # "number" | "percentage" | "casualties" | "allegation" | "prediction" | ...
    #: "unattributed" (no source covers it) or "unverified" (the text says it is not).
    status: str = "unattributed"

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "why": self.why}


@dataclass
class Finding:
    """One rule's verdict on one place in the article."""

    rule: str
    severity: str
    message: str
    start: int
    end: int
    line: int
    column: int
    #: the rule's kebab-case name and the suggested fix (reports use them; not in JSON).
    name: str = ""
    fix: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
        }


@dataclass
class DocumentInfo:
    path: str
    name: str
    chars: int
    sha256: str
    title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "name": self.name, "chars": self.chars, "sha256": self.sha256}


@dataclass
class Summary:
    score: int
    grade: str
    counts: dict[str, int]
    #: plain-language lines explaining the score (shown in reports, not in JSON).
    why: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"score": self.score, "grade": self.grade, "counts": dict(self.counts)}


@dataclass
class Analysis:
    """What the NLP stage found in one article: the input to grading and rules."""

    text: str
    sentences: list[tuple[int, int]]
    paragraphs: list[tuple[int, int]]
    quotes: list[Quote]
    attributions: list[Attribution]
    speakers: list[SpeakerCluster]
    claims: list[Claim] = field(default_factory=list)


@dataclass
class AuditResult:
    """Everything an audit found in one article; ``to_dict`` is the JSON contract."""

    document: DocumentInfo
    text: str
    attributions: list[Attribution]
    claims: list[Claim]
    findings: list[Finding]
    summary: Summary
    analysis: Analysis | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "document": self.document.to_dict(),
            "attributions": [a.to_dict() for a in self.attributions],
            "claims": [c.to_dict() for c in self.claims],
            "findings": [f.to_dict() for f in self.findings],
            "summary": self.summary.to_dict(),
        }


class LineIndex:
    """The start offset of every line of one text, to find lines by bisection: a report
    with a line number per finding costs O(log lines) per finding, not O(text)."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0]
        start = text.find("\n")
        while start >= 0:
            self.starts.append(start + 1)
            start = text.find("\n", start + 1)

    def line_and_column(self, offset: int) -> tuple[int, int]:
        """1-based line and column of ``offset`` in the text."""
        if not 0 <= offset <= len(self.text):
            # Out of range: keep str.count's slice semantics (negative counts from the end).
            return _count_line_and_column(self.text, offset)
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


@functools.lru_cache(maxsize=4)
def line_index(text: str) -> LineIndex:
    """The :class:`LineIndex` of ``text``, built once for the few texts in use at a time
    (the same text object is found by identity, without comparing characters)."""
    return LineIndex(text)


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text``."""
    return line_index(text).line_and_column(offset)


def _count_line_and_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column
