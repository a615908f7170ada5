"""Corpus-wide counts of a batch, streamed from results.jsonl and errors.jsonl.

:class:`CorpusIndex` keeps counters only, so memory does not grow with the number of
documents, only with the number of distinct speakers, outlets, authors and months; the
worst articles are kept in a bounded heap. :mod:`auditor.batch.corpus_markdown` and
:mod:`auditor.batch.corpus_page` render it.

    >>> index = build_index(Path("out"))                      # doctest: +SKIP
    >>> index.documents, index.mean_score()                   # doctest: +SKIP
    (120, 71.4)
"""

from __future__ import annotations

import heapq
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from auditor.batch.store import ERROR_SCHEMA, ERRORS, RESULT_SCHEMA, RESULTS, iter_lines
from auditor.model import SUMMARY_COUNT_KEYS
from auditor.report.common import SOURCE_TYPE_LABELS

#: Source types and claim statuses in summary counts, in taxonomy order, and their labels
#: (the same words as in the single-article reports).
MIX_ORDER = SUMMARY_COUNT_KEYS
MIX_LABELS = SOURCE_TYPE_LABELS
#: Source types whose speakers are listed as "most quoted".
NAMED_SPEAKER_TYPES = ("named_person", "named_organization", "media")
#: Groupings of the per-group tables, with the metadata key each reads.
GROUPS = (("outlet", "outlet"), ("author", "author"), ("month", "published"))
UNKNOWN = "(unknown)"
TOP = 20
_MONTH = re.compile(r"^\s*(\d{4})-(\d{2})")


@dataclass
class GroupStats:
    """Documents of one outlet, author or month."""

    documents: int = 0
    score_sum: int = 0
    grades: Counter = field(default_factory=Counter)
    mix: Counter = field(default_factory=Counter)

    @property
    def mean_score(self) -> float:
        return self.score_sum / self.documents if self.documents else 0.0


@dataclass(order=True)
class _Ranked:
    """An article in the worst-articles list (ordering: worst last, for a min-heap)."""

    rank: tuple
    uid: str = field(compare=False)
    title: str = field(compare=False)
    grade: str = field(compare=False)
    score: int = field(compare=False)
    errors: int = field(compare=False)
    findings: int = field(compare=False)
    reports: dict = field(compare=False)


@dataclass
class CorpusIndex:
    """Corpus-wide counts, filled by :meth:`add` (one result line) and :meth:`add_error`."""

    documents: int = 0
    failed: int = 0
    chars: int = 0
    attributions: int = 0
    claims: int = 0
    findings: int = 0
    severities: Counter = field(default_factory=Counter)
    grades: Counter = field(default_factory=Counter)
    scores: Counter = field(default_factory=Counter)
    mix: Counter = field(default_factory=Counter)
    groups: dict[str, dict[str, GroupStats]] = field(
        default_factory=lambda: {name: defaultdict(GroupStats) for name, _ in GROUPS}
    )
    speakers: Counter = field(default_factory=Counter)
    speaker_articles: Counter = field(default_factory=Counter)
    speaker_types: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    rules: Counter = field(default_factory=Counter)
    rule_articles: Counter = field(default_factory=Counter)
    rule_severities: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    rule_names: dict[str, str] = field(default_factory=dict)
    errors: list[tuple[str, str]] = field(default_factory=list)
    error_kinds: Counter = field(default_factory=Counter)
    top: int = TOP
    #: Markdown lines of extra sections (the provenance step's), shown before failures
    sections: list[str] = field(default_factory=list)
    _worst: list[_Ranked] = field(default_factory=list)

    # ------------------------------------------------------------------ filling

    def add(self, line: dict[str, Any]) -> None:
        """Count one ``auditor-batch/1`` result line."""
        result = line.get("result") or {}
        meta = line.get("meta") or {}
        summary = result.get("summary") or {}
        document = result.get("document") or {}
        attributions = result.get("attributions") or []
        findings = result.get("findings") or []
        grade = str(summary.get("grade", "?"))
        score = int(summary.get("score", 0))
        counts = {k: int(v) for k, v in (summary.get("counts") or {}).items() if v}

        self.documents += 1
        self.chars += int(document.get("chars", 0))
        self.attributions += len(attributions)
        self.claims += len(result.get("claims") or [])
        self.findings += len(findings)
        self.grades[grade] += 1
        self.scores[score] += 1
        self.mix.update(counts)
        for group, key in GROUPS:
            for name in _group_names(group, meta.get(key)):
                stats = self.groups[group][name]
                stats.documents += 1
                stats.score_sum += score
                stats.grades[grade] += 1
                stats.mix.update(counts)

        seen: set[str] = set()
        for attribution in attributions:
            speaker = attribution.get("speaker") or {}
            kind = attribution.get("source_type")
            name = " ".join(str(speaker.get("name") or "").split())
            if name and kind in NAMED_SPEAKER_TYPES:
                self.speakers[name] += 1
                self.speaker_types[name][kind] += 1
                if name not in seen:
                    seen.add(name)
                    self.speaker_articles[name] += 1

        per_rule: set[str] = set()
        errors = 0
        for finding in findings:
            rule = str(finding.get("rule"))
            severity = str(finding.get("severity"))
            self.severities[severity] += 1
            self.rules[rule] += 1
            self.rule_severities[rule][severity] += 1
            per_rule.add(rule)
            errors += severity == "error"
        self.rule_articles.update(per_rule)

        title = str(meta.get("title") or document.get("name") or line.get("id") or "untitled")
        entry = _Ranked(
            # Worst first: lowest score, then most errors, then most findings, then by id.
            rank=(-score, errors, len(findings), _reverse(str(line.get("id", "")))),
            uid=str(line.get("id", "")),
            title=title,
            grade=grade,
            score=score,
            errors=errors,
            findings=len(findings),
            reports=dict(line.get("reports") or {}),
        )
        if len(self._worst) < self.top:
            heapq.heappush(self._worst, entry)
        else:
            heapq.heappushpop(self._worst, entry)

    def add_error(self, line: dict[str, Any]) -> None:
        """Count one ``auditor-batch-error/1`` line."""
        self.failed += 1
        self.error_kinds[str(line.get("error") or "error")] += 1
        if len(self.errors) < self.top:
            label = str(line.get("id") or line.get("uid") or line.get("input") or "?")
            self.errors.append((label, str(line.get("reason", ""))))

    # ------------------------------------------------------------------ reading

    def worst(self) -> list[_Ranked]:
        """The worst articles, worst first."""
        return sorted(self._worst, reverse=True)

    def mean_score(self) -> float:
        """Mean article score (0 when there are no articles)."""
        total = sum(score * n for score, n in self.scores.items())
        return total / self.documents if self.documents else 0.0

    def median_score(self) -> float:
        """Median article score (0 when there are no articles)."""
        if not self.documents:
            return 0.0
        ordered = sorted(self.scores.items())

        def nth(k: int) -> int:
            for score, n in ordered:
                if k < n:
                    return score
                k -= n
            return ordered[-1][0]

        mid = self.documents // 2
        if self.documents % 2:
            return float(nth(mid))
        return (nth(mid - 1) + nth(mid)) / 2

    def mix_types(self) -> list[str]:
        """Source types and claim statuses that occur, in taxonomy order."""
        known = [k for k in MIX_ORDER if self.mix.get(k)]
        return known + sorted(k for k in self.mix if k not in MIX_ORDER and self.mix[k])


def _reverse(text: str) -> tuple:
    # In a min-heap of "worst" entries, ties must keep the smallest id: invert its order.
    # (The trailing 1 makes "a" sort before "ab", as it does as a string.)
    return (*(-ord(c) for c in text), 1)


def _group_names(group: str, value: Any) -> list[str]:
    if group == "month":
        return [month_of(value)]
    if isinstance(value, list):
        names = [" ".join(str(v).split()) for v in value if str(v).strip()]
        return names or [UNKNOWN]
    text = " ".join(str(value).split()) if value is not None else ""
    return [text or UNKNOWN]


def month_of(published: Any) -> str:
    """``"2024-03-05T10:00"`` -> ``"2024-03"``; RFC 2822 dates too; else "(unknown)"."""
    if not isinstance(published, str) or not published.strip():
        return UNKNOWN
    match = _MONTH.match(published)
    if match and 1 <= int(match.group(2)) <= 12:
        return f"{match.group(1)}-{match.group(2)}"
    try:
        parsed = parsedate_to_datetime(published)
    except (TypeError, ValueError, IndexError):
        return UNKNOWN
    return f"{parsed.year:04d}-{parsed.month:02d}"


def build_index(out_dir: Path, *, rule_pack=None, top: int = TOP) -> CorpusIndex:
    """A :class:`CorpusIndex` of the results.jsonl and errors.jsonl in ``out_dir``.

    With ``rule_pack``, findings are listed with their rule names.
    """
    index = CorpusIndex(top=top)
    for _, line in iter_lines(Path(out_dir) / RESULTS):
        if line.get("schema") == RESULT_SCHEMA:
            index.add(line)
    for _, line in iter_lines(Path(out_dir) / ERRORS):
        if line.get("schema") == ERROR_SCHEMA:
            index.add_error(line)
    if rule_pack is not None:
        for rule in rule_pack.rules:
            index.rule_names[rule.id] = rule.name
    return index
