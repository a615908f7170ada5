"""Facts every human-readable report shows, computed once from an AuditResult."""

from __future__ import annotations

from collections import Counter

from auditor.model import SEVERITIES, SOURCE_TYPES, Attribution, AuditResult, Finding

#: Source types that count as a named, on-record source.
NAMED_TYPES = ("named_person", "named_organization")

#: Severities from most to least urgent; unknown ones sort last.
SEVERITY_ORDER = tuple(reversed(SEVERITIES))  # error, warning, suggestion

SEVERITY_TITLES = {"error": "Errors", "warning": "Warnings", "suggestion": "Suggestions"}

SOURCE_TYPE_LABELS = {
    "named_person": "named person",
    "named_organization": "named organization",
    "media": "media (second-hand)",
    "document": "document",
    "anonymous": "anonymous",
    "vague": "vague",
    "unknown": "unknown",
    "unattributed": "unattributed claim",
    "unverified": "unverified claim",
}


def severity_rank(severity: str) -> int:
    """0 for error, 1 warning, 2 suggestion, 3 anything else."""
    try:
        return SEVERITY_ORDER.index(severity)
    except ValueError:
        return len(SEVERITY_ORDER)


def finding_key(f: Finding) -> tuple[int, int, int, str, str]:
    """Sort key of reading order: by position, then severity, then rule id and message."""
    return (f.start, f.end, severity_rank(f.severity), f.rule, f.message)


def sorted_findings(findings: list[Finding]) -> list[Finding]:
    """Findings in reading order: by position, then severity, then rule id."""
    return sorted(findings, key=finding_key)


def findings_by_severity(findings: list[Finding]) -> list[tuple[str, list[Finding]]]:
    """(severity, findings in reading order) for every severity present, most urgent first."""
    groups: dict[str, list[Finding]] = {}
    for finding in sorted_findings(findings):
        groups.setdefault(finding.severity, []).append(finding)
    return sorted(groups.items(), key=lambda item: (severity_rank(item[0]), item[0]))


def severity_counts(findings: list[Finding]) -> dict[str, int]:
    """How many findings of each known severity (zeros included), in urgency order."""
    counts = Counter(f.severity for f in findings)
    return {sev: counts.get(sev, 0) for sev in SEVERITY_ORDER}


def source_mix(result: AuditResult) -> list[tuple[str, int]]:
    """(source type, count) for the attributions, then (claim status, count) for the claims.

    Counted from the attributions and claims themselves, so the numbers always match the
    tables of the report; taxonomy order, only what occurs.
    """
    counts = Counter(a.source_type for a in result.attributions)
    order = {name: i for i, name in enumerate(SOURCE_TYPES)}
    mix = sorted(counts.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))
    claims = Counter(c.status for c in result.claims)
    mix += sorted(claims.items(), key=lambda kv: (kv[0] != "unattributed", kv[0]))
    return [(kind, n) for kind, n in mix if n]


def named_share(attributions: list[Attribution]) -> tuple[int, int]:
    """(attributions with a named on-record source, all attributions)."""
    named = sum(1 for a in attributions if a.source_type in NAMED_TYPES)
    return named, len(attributions)


def percent(part: int, whole: int) -> str:
    """``part`` of ``whole`` as a whole percentage ("0%" when there is nothing)."""
    return f"{round(100 * part / whole)}%" if whole else "0%"


def label(source_type: str) -> str:
    """Human wording of a source type."""
    return SOURCE_TYPE_LABELS.get(source_type, source_type.replace("_", " "))


def title_of(result: AuditResult) -> str:
    """The article's title, else its name, else a placeholder."""
    return (result.document.title or "").strip() or result.document.name or "untitled article"


def attribution_start(attribution: Attribution) -> int:
    """Where an attribution begins in the text: the earliest of its spans."""
    spans = [s for s in (attribution.content, attribution.cue, attribution.source) if s]
    return min(s.start for s in spans)


def speaker_name(attribution: Attribution) -> str:
    """The resolved speaker, else the source as written, else an empty string."""
    if attribution.speaker and attribution.speaker.name:
        return attribution.speaker.name
    if attribution.source:
        return attribution.source.text
    return ""


def is_empty(result: AuditResult) -> bool:
    """True when the article has no text worth auditing."""
    return not result.text.strip()


def plural(n: int, word: str, many: str | None = None) -> str:
    """``"1 finding"`` / ``"3 findings"``."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


#: Opening and closing quotation marks (straight, curly, single, guillemets, low-9).
QUOTE_MARKS = "\"'“”‘’«»„‚‹›"


def unquoted(text: str) -> str:
    """``text`` without the quotation marks around it (and a comma left before the close).

    Reports put their own marks around quoted content; the marks of the article would double.
    """
    stripped = text.strip()
    # Only text that opens and closes with a mark is a quotation: "the soldiers’" ends in an
    # apostrophe, and '"exchange" to end the war' merely starts with a quoted word.
    body = stripped.rstrip(".,;:")
    if len(body) < 2 or body[0] not in QUOTE_MARKS or body[-1] not in QUOTE_MARKS:
        return stripped
    return stripped.strip(QUOTE_MARKS).rstrip(",").strip()
