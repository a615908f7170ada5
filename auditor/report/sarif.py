"""SARIF 2.1.0 output, so findings show up in code-scanning views.

One run per call: ``tool.driver`` describes the auditor and its rules (from the rule pack
when it can be loaded, else just the ids that occur), each finding is a ``result`` with a
region given both as line/column and as character offset/length. Columns and offsets count
Unicode code points (``columnKind: unicodeCodePoints``), which is what Python ``str``
indices and the JSON contract use.
"""

from __future__ import annotations

import json
import re
from importlib import metadata
from pathlib import PureWindowsPath
from typing import Any
from urllib.parse import quote

from auditor import __version__
from auditor.model import AuditResult, Finding, line_and_column
from auditor.report import common, rulemeta
from auditor.report.escape import one_line
from auditor.report.rulemeta import RuleInfo, rule_info, rule_url

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
SARIF_VERSION = "2.1.0"

#: auditor severity -> SARIF result level.
LEVELS = {"error": "error", "warning": "warning", "suggestion": "note"}

_DISTRIBUTION = "provenance-auditor"
#: The absolute URIs written as links (a rule pack's ``javascript://`` is not one).
_ABSOLUTE = re.compile(r"^(?:https?|file)://", re.IGNORECASE)
_WINDOWS_ABSOLUTE = re.compile(r"^(?:[A-Za-z]:[\\/]|\\\\[^\\/]+[\\/][^\\/]+)")
#: What a path segment keeps unencoded: RFC 3986 ``pchar`` less ``:`` (letters and digits
#: are always kept by ``quote``).
_SEGMENT_SAFE = "!$&'()*+,;=@-._~"


def render(result: AuditResult, rules_url: str | None = None) -> str:
    """A SARIF log with one run holding the findings of one document."""
    return render_many([result], rules_url)


def render_many(results: list[AuditResult], rules_url: str | None = None) -> str:
    """A SARIF log with one run holding the findings of all documents."""
    return json.dumps(sarif_log(results, rules_url), indent=2, ensure_ascii=False) + "\n"


def sarif_log(results: list[AuditResult], rules_url: str | None = None) -> dict[str, Any]:
    """The SARIF log as a plain dict (for callers that add to it before writing)."""
    rules = _rules(results)
    index = {rule.id: i for i, rule in enumerate(rules)}
    artifacts = []
    sarif_results = []
    for doc_index, result in enumerate(results):
        uri = artifact_uri(result.document.path)
        artifacts.append(_artifact(result, uri))
        for finding in common.sorted_findings(result.findings):
            sarif_results.append(_result(result, finding, uri, doc_index, index[finding.rule]))
    driver: dict[str, Any] = {
        "name": "auditor",
        "fullName": "auditor: source-attribution and provenance auditor for news text",
        "version": __version__,
        "semanticVersion": __version__,
        "rules": [_descriptor(rule, rules_url) for rule in rules],
    }
    homepage = information_uri()
    if homepage:
        driver["informationUri"] = homepage
    run = {
        "tool": {"driver": driver},
        "columnKind": "unicodeCodePoints",
        "artifacts": artifacts,
        "results": sarif_results,
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def _rules(results: list[AuditResult]) -> list[RuleInfo]:
    """Every rule of the pack plus any id a finding uses that the pack does not know."""
    known = dict(rulemeta.rule_pack())
    for result in results:
        for finding in result.findings:
            if finding.rule not in known:
                known[finding.rule] = RuleInfo(
                    id=finding.rule, name=finding.name, severity=finding.severity
                )
    return [known[key] for key in sorted(known)]


def _descriptor(rule: RuleInfo, rules_url: str | None) -> dict[str, Any]:
    short = rule.summary or (rule.name.replace("-", " ") if rule.name else rule.id)
    full = rule.why or short
    descriptor: dict[str, Any] = {"id": rule.id}
    if rule.name:
        descriptor["name"] = rule.name
    descriptor["shortDescription"] = {"text": one_line(short)}
    descriptor["fullDescription"] = {"text": one_line(full)}
    help_text, help_markdown = _help(rule)
    descriptor["help"] = {"text": help_text, "markdown": help_markdown}
    help_uri = _help_uri(rule, rules_url)
    if help_uri:
        descriptor["helpUri"] = help_uri
    if rule.severity in LEVELS:
        descriptor["defaultConfiguration"] = {"level": LEVELS[rule.severity]}
    family = re.match(r"[A-Za-z]+", rule.id)
    descriptor["properties"] = {"tags": ["sourcing", family.group(0) if family else rule.id]}
    return descriptor


def _help(rule: RuleInfo) -> tuple[str, str]:
    parts_text = []
    parts_md = []
    if rule.why:
        parts_text.append(rule.why)
        parts_md.append(rule.why)
    if rule.fix:
        parts_text.append(f"Fix: {rule.fix}")
        parts_md.append(f"**Fix:** {rule.fix}")
    for auth in rule.authority:
        parts_text.append(f"{auth.name}: {auth.url}" if auth.url else auth.name)
        parts_md.append(f"- [{auth.name}]({auth.url})" if auth.url else f"- {auth.name}")
    if not parts_text:
        parts_text = parts_md = [f"See `auditor rule {rule.id}`."]
    return "\n\n".join(parts_text), "\n\n".join(parts_md)


def _help_uri(rule: RuleInfo, rules_url: str | None) -> str | None:
    """An absolute link to the rule's explanation.

    SARIF wants an absolute URI: the configured docs URL if it is one, else the first
    standard the rule cites (which explains why the rule exists), else none.
    """
    if rules_url and _ABSOLUTE.match(rules_url):
        return rule_url(rule.id, rules_url)
    for auth in rule.authority:
        if auth.url and _ABSOLUTE.match(auth.url):
            return auth.url
    return None


def information_uri() -> str | None:
    """The project's home page from the installed package metadata, if it has one."""
    try:
        meta = metadata.metadata(_DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return None
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        if label.strip().lower() in {"homepage", "home", "repository", "source", "documentation"}:
            url = url.strip()
            if _ABSOLUTE.match(url):
                return url
    home = meta.get("Home-page")
    return home if home and _ABSOLUTE.match(home) else None


def artifact_uri(path: str) -> str:
    """``path`` as a URI reference that cannot read as another scheme.

    Each segment is percent-encoded (``:`` too), and a relative path whose first segment
    holds a colon also gets ``./`` in front, so ``javascript:alert(1).txt`` is
    ``./javascript%3Aalert(1).txt`` even to a reader that decodes before it resolves.
    Absolute paths (POSIX, Windows drives and shares) are ``file://`` URIs.
    """
    if _WINDOWS_ABSOLUTE.match(path):
        return PureWindowsPath(path).as_uri()
    segments = path.replace("\\", "/").split("/")
    encoded = "/".join(quote(segment, safe=_SEGMENT_SAFE) for segment in segments)
    if segments[0] == "" and len(segments) > 1:
        return "file://" + encoded
    return "./" + encoded if ":" in segments[0] else encoded


def _artifact(result: AuditResult, uri: str) -> dict[str, Any]:
    summary = result.summary
    artifact: dict[str, Any] = {
        "location": {"uri": uri},
        "roles": ["analysisTarget"],
        "properties": {
            "name": result.document.name,
            "chars": result.document.chars,
            "grade": summary.grade,
            "score": summary.score,
            "counts": dict(sorted(summary.counts.items())),
        },
    }
    if result.document.sha256:
        artifact["hashes"] = {"sha-256": result.document.sha256}
    return artifact


def _result(
    result: AuditResult, f: Finding, uri: str, doc_index: int, rule_index: int
) -> dict[str, Any]:
    text = result.text
    start = max(0, min(f.start, len(text)))
    end = max(start, min(f.end, len(text)))
    end_line, end_column = line_and_column(text, end)
    region: dict[str, Any] = {
        "startLine": max(1, f.line),
        "startColumn": max(1, f.column),
        "endLine": max(end_line, f.line, 1),
        "endColumn": max(1, end_column),
        "charOffset": start,
        "charLength": end - start,
    }
    if end_line < f.line or (end_line == f.line and end_column < f.column):
        region["endLine"], region["endColumn"] = region["startLine"], region["startColumn"]
    if end > start:
        region["snippet"] = {"text": text[start:end]}
    message = one_line(f.message)
    properties: dict[str, Any] = {"severity": f.severity}
    fix = f.fix or rule_info(f.rule).fix
    if fix:
        properties["fix"] = fix
    return {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": LEVELS.get(f.severity, "note"),
        "message": {"text": message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": uri, "index": doc_index},
                    "region": region,
                }
            }
        ],
        "properties": properties,
    }
