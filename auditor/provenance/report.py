"""The provenance report of a batch: ``provenance.md`` for editors, ``provenance.jsonl`` for
machines, and the short section ``index.md`` shows with a link to the full report.

Every piece of article text goes through :func:`auditor.report.escape.markdown_text`, so
a quote cannot break a table or inject markup.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from auditor.provenance.crossdoc import CrossDocuments, QuoteDrift, SharedOrigin
from auditor.report.escape import markdown_link_url, markdown_text

JSONL_SCHEMA = "auditor-provenance/1"
REPORT = "provenance.md"
JSONL = "provenance.jsonl"
#: Longest claim or quote excerpt shown in a table cell.
CELL_CHARS = 160
_SEVERITY_ORDER = {"error": 0, "warning": 1, "suggestion": 2}


@dataclass
class CorpusFinding:
    """A registry rule's finding in one article of the batch."""

    rule: str
    name: str
    severity: str
    message: str
    doc: str
    start: int
    end: int
    line: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "doc": self.doc,
            "start": self.start,
            "end": self.end,
            "line": self.line,
        }


@dataclass
class ProvenanceReport:
    """What the provenance step found, and where it looked."""

    registry: str
    checked: int
    added: int
    counts: dict[str, int]
    findings: list[CorpusFinding] = field(default_factory=list)
    cross: CrossDocuments = field(default_factory=CrossDocuments)
    #: article doc id -> its report path (relative to the output folder) and title
    links: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)


# ---------------------------------------------------------------------- JSON Lines


def jsonl_lines(report: ProvenanceReport) -> list[str]:
    """One JSON object per finding, origin cluster and quote drift."""

    def line(kind: str, data: dict[str, Any]) -> str:
        record = {"schema": JSONL_SCHEMA, "kind": kind, **data}
        return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"

    out = [line("finding", f.to_dict()) for f in report.findings]
    out += [line("shared_origin", c.to_dict()) for c in report.cross.shared_origin]
    out += [line("quote_drift", d.to_dict()) for d in report.cross.quote_drift]
    return out


# ---------------------------------------------------------------------- Markdown


def _cell(text: str | None, limit: int = CELL_CHARS) -> str:
    flat = " ".join(str(text or "").split())
    if len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "…"
    return markdown_text(flat)


def _article(report: ProvenanceReport, doc: str, short: bool = False) -> str:
    title = report.titles.get(doc) or doc
    label = _cell(_short_doc(doc) if short else title, 80)
    target = report.links.get(doc)
    return f"[{label}]({markdown_link_url(target)})" if target else label


def _short_doc(doc: str) -> str:
    return doc.rsplit("/", 1)[-1]


def render_markdown(report: ProvenanceReport) -> str:
    """The full provenance report."""
    out = ["# Provenance across articles", ""]
    out += _intro(report)
    out += _origins(report)
    out += _drift(report)
    out += _findings(report)
    out += _how(report)
    return "\n".join(out).rstrip("\n") + "\n"


def _intro(report: ProvenanceReport) -> list[str]:
    c = report.counts
    out = [
        f"{report.checked} articles of this batch compared with the {c['articles']} articles "
        f"of the source registry `{markdown_text(report.registry)}` ({c['sources']} sources, "
        f"{c['known']} on the known-sources list; {report.added} articles added by this run).",
        "",
    ]
    if not c["known"]:
        out += [
            "The known-sources list is empty, so every expert and official quoted in only one "
            "article is listed under *Sources to check*. Import the newsroom's list "
            "(`auditor sources import known.csv`) to keep that to the ones nobody has "
            "checked.",
            "",
        ]
    return out + [
        "| check | found |",
        "|---|---:|",
        f"| groups of articles that share an origin | {len(report.cross.shared_origin)} |",
        f"| quotes that drift | {len(report.cross.quote_drift)} |",
        f"| names that differ within a group | "
        f"{sum(len(c.conflicts) for c in report.cross.shared_origin)} |",
        f"| sources to check (PROV007-PROV009) | {len(report.findings)} |",
        "",
    ]


def _origins(report: ProvenanceReport) -> list[str]:
    out = ["## Articles that share an origin", ""]
    clusters = report.cross.shared_origin
    if not clusters:
        return [*out, "No two articles share most of their attributed claims.", ""]
    out += [
        "These articles attribute the same claims to the same sources, in other words: "
        "rewrites or syndication of one report. Check the original before treating them as "
        "independent confirmation.",
        "",
    ]
    for number, cluster in enumerate(clusters, 1):
        out += _cluster(report, number, cluster)
    return out


def _cluster(report: ProvenanceReport, number: int, cluster: SharedOrigin) -> list[str]:
    n = len(cluster.articles)
    out = [f"### {number}. {n} articles retell one report", ""]
    for article in cluster.articles:
        extra = ", ".join(x for x in (article.outlet, article.date) if x)
        suffix = f" ({_cell(extra, 60)})" if extra else ""
        out.append(f"- {_article(report, article.doc)}{suffix}")
    out.append("")
    if cluster.upstream:
        cited = ", ".join(f"**{_cell(s, 80)}** (cited in {k} of {n})" for s, k in cluster.upstream)
        out += [f"Common upstream source cited: {cited}.", ""]
    if cluster.speakers:
        shared = ", ".join(f"{_cell(s, 80)} ({k} articles)" for s, k in cluster.speakers)
        out += [f"Same statements from: {shared}.", ""]
    if cluster.conflicts:
        out += [
            "**Names that differ** - the same event told with different place or person "
            "names; check which is right:",
            "",
        ]
        for group in cluster.conflicts:
            parts = []
            for usage in group["usage"]:
                where = ", ".join(
                    f"{_cell(_short_doc(a['doc']), 40)} ×{a['count']}" for a in usage["articles"]
                )
                parts.append(f"**{_cell(usage['name'], 40)}** ({where})")
            out.append("- " + " / ".join(parts))
        out.append("")
    out += ["| source | one article says | the other says |", "|---|---|---|"]
    for claim in cluster.claims:
        one, two = claim["versions"]
        out.append(
            f"| {_cell(claim['speaker'], 60)} | {_cell(one['text'])} "
            f"<br>— {_article(report, one['doc'], short=True)} | {_cell(two['text'])} "
            f"<br>— {_article(report, two['doc'], short=True)} |"
        )
    out.append("")
    return out


def _drift(report: ProvenanceReport) -> list[str]:
    out = ["## Quotes that drift", ""]
    drift = report.cross.quote_drift
    if not drift:
        return [*out, "No speaker is quoted in two versions of the same words.", ""]
    out += [
        "The same speaker quoted with nearly the same words in different articles: one "
        "version is wrong, or cut. Check the quote against the recording or the original.",
        "",
    ]
    for item in drift:
        out += _drift_item(report, item)
    return out


def _drift_item(report: ProvenanceReport, item: QuoteDrift) -> list[str]:
    out = [
        f"### {_cell(item.speaker, 80)}: {_cell(item.change, 200)}",
        "",
        "| quote | articles | compared with the first |",
        "|---|---|---|",
    ]
    for version in item.versions:
        articles = ", ".join(_article(report, a["doc"]) for a in version["articles"])
        differs = _cell(version["differs"], 200) if version["differs"] else "(the longest)"
        out.append(f"| “{_cell(version['text'], 300)}” | {articles} | {differs} |")
    out.append("")
    return out


def _findings(report: ProvenanceReport) -> list[str]:
    out = ["## Sources to check", ""]
    if not report.findings:
        return [*out, "The registry rules (PROV007-PROV009) found nothing.", ""]
    out += [
        "Registry rules, with the evidence of every article the registry holds: experts "
        "and officials nobody else quotes and who are not on the known-sources list, "
        "speakers described differently across articles, organization names close to known "
        "ones. `auditor rule PROV007` (and PROV008, PROV009) explains each rule.",
        "",
        "| article | line | rule | severity | finding |",
        "|---|---:|---|---|---|",
    ]
    ordered = sorted(
        report.findings, key=lambda f: (_SEVERITY_ORDER.get(f.severity, 3), f.doc, f.start)
    )
    for f in ordered:
        out.append(
            f"| {_article(report, f.doc)} | {f.line or ''} | {markdown_text(f.rule)} "
            f"{markdown_text(f.name)} | {markdown_text(f.severity)} | {_cell(f.message, 400)} |"
        )
    out.append("")
    return out


def _how(report: ProvenanceReport) -> list[str]:
    compared = ", ".join(f"{n} {what}" for what, n in report.cross.compared.items())
    registry = markdown_text(report.registry)
    return [
        "## About this report",
        "",
        f"Articles were compared only where hashing found shared material ({compared} "
        "looked at), never all pairs. Curate the registry with "
        f"`auditor sources list --registry {registry}`, `auditor sources show NAME`, "
        "`auditor sources merge A B` and `auditor sources verify NAME`; load the newsroom's "
        "known-sources list with `auditor sources import known.csv`. Every item is also in "
        f"[{JSONL}]({JSONL}).",
        "",
    ]


def index_section(report: ProvenanceReport) -> list[str]:
    """The short section for the corpus index, linking to the full report."""
    cross = report.cross
    out = [
        "## Provenance across articles",
        "",
        f"Compared with the source registry ({report.counts['articles']} articles, "
        f"{report.counts['sources']} sources). Full report: [{REPORT}]({REPORT}).",
        "",
        "| check | found |",
        "|---|---:|",
        f"| groups of articles that share an origin | {len(cross.shared_origin)} |",
        f"| quotes that drift | {len(cross.quote_drift)} |",
        f"| names that differ within a group | "
        f"{sum(len(c.conflicts) for c in cross.shared_origin)} |",
        f"| sources to check (PROV007-PROV009) | {len(report.findings)} |",
        "",
    ]
    for cluster in cross.shared_origin[:5]:
        docs = ", ".join(_article(report, a.doc) for a in cluster.articles[:4])
        more = f" and {len(cluster.articles) - 4} more" if len(cluster.articles) > 4 else ""
        upstream = (
            f"; common source: {_cell(cluster.upstream[0][0], 60)}" if cluster.upstream else ""
        )
        out.append(f"- Shared origin: {docs}{more}{upstream}")
    for item in cross.quote_drift[:5]:
        out.append(f"- Quote drift: {_cell(item.speaker, 60)} ({_cell(item.change, 80)})")
    if cross.shared_origin or cross.quote_drift:
        out.append("")
    return out
