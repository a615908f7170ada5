"""The provenance report of a batch: ``provenance.md`` for editors, ``provenance.jsonl`` for
machines, and the short section ``index.md`` shows with a link to the full report.

``provenance.md`` is bounded whatever the size of the corpus: it shows the most important
items first (the largest shared-origin groups, the quotes that drift in the most versions,
the most severe findings), at most :class:`Limits` of each, with totals and "and N more"
lines pointing to ``provenance.jsonl``, which holds every item, complete. The JSON Lines
file is written piece by piece to a temporary file renamed into place at the end, so
neither file is ever held whole in memory and a failed run leaves no partial file.

Every piece of article text goes through :func:`auditor.report.escape.markdown_text`, so
a quote cannot break a table or inject markup.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from auditor.provenance.crossdoc import CrossDocuments, QuoteDrift, SharedOrigin
from auditor.provenance.scratch import Scratch
from auditor.report.escape import markdown_link_url, markdown_text
from auditor.report.json_format import json_line

JSONL_SCHEMA = "auditor-provenance/1"
REPORT = "provenance.md"
JSONL = "provenance.jsonl"
#: Longest claim or quote excerpt shown in a table cell.
CELL_CHARS = 160
_SEVERITY_ORDER = {"error": 0, "warning": 1, "suggestion": 2}

# What provenance.md shows at most (the rest is counted, and is in provenance.jsonl):
#: shared-origin groups (the largest first)
MAX_GROUPS = 20
#: articles listed per group (in the order they were recorded)
MAX_GROUP_ARTICLES = 10
#: shared claims shown side by side per group
MAX_GROUP_CLAIMS = 10
#: upstream sources, and speakers whose statements recur, per group
MAX_GROUP_SOURCES = 10
#: groups of names that differ per group, and articles listed per name
MAX_NAME_GROUPS = 10
MAX_NAME_ARTICLES = 5
#: quotes that drift (the most versions first), versions per quote, articles per version
MAX_DRIFT = 20
MAX_DRIFT_VERSIONS = 8
MAX_VERSION_ARTICLES = 5
#: sources to check (the most severe first)
MAX_FINDINGS = 100


@dataclass(frozen=True)
class Limits:
    """How much of each list ``provenance.md`` shows; the defaults are the ``MAX_*``
    constants of this module."""

    groups: int = MAX_GROUPS
    group_articles: int = MAX_GROUP_ARTICLES
    group_claims: int = MAX_GROUP_CLAIMS
    group_sources: int = MAX_GROUP_SOURCES
    name_groups: int = MAX_NAME_GROUPS
    name_articles: int = MAX_NAME_ARTICLES
    drift: int = MAX_DRIFT
    drift_versions: int = MAX_DRIFT_VERSIONS
    version_articles: int = MAX_VERSION_ARTICLES
    findings: int = MAX_FINDINGS


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


class Findings:
    """The registry rules' findings of a batch, kept in a working database (its own when
    ``store`` is None) and read back in order, never all in memory."""

    _COLUMNS = "rule, name, severity, message, doc, start, end, line"

    def __init__(self, findings: Iterable[CorpusFinding] = (), store: Scratch | None = None):
        self._own = store is None
        self.store = store if store is not None else Scratch()
        self.store.script(
            "CREATE TABLE IF NOT EXISTS findings (rule TEXT, name TEXT, severity TEXT, "
            "message TEXT, doc TEXT, start INTEGER, end INTEGER, line INTEGER, rank INTEGER)"
        )
        for finding in findings:
            self.add(finding)

    def add(self, f: CorpusFinding) -> None:
        rank = _SEVERITY_ORDER.get(f.severity, 3)
        row = (f.rule, f.name, f.severity, f.message, f.doc, f.start, f.end, f.line, rank)
        self.store.insert("INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", row)

    def __len__(self) -> int:
        return int(self.store.value("SELECT COUNT(*) FROM findings"))

    def _read(self, order: str, limit: int | None = None) -> Iterator[CorpusFinding]:
        sql = f"SELECT {self._COLUMNS} FROM findings ORDER BY {order}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        for row in self.store.rows(sql):
            yield CorpusFinding(*row)

    def __iter__(self) -> Iterator[CorpusFinding]:
        """Every finding by article and position (as provenance.jsonl lists them)."""
        return self._read("doc, start, rule, rowid")

    def most_severe(self, limit: int | None = None) -> Iterator[CorpusFinding]:
        """The findings the most severe first (as provenance.md shows them)."""
        return self._read("rank, doc, start, rule, rowid", limit)

    def close(self) -> None:
        if self._own:
            self.store.close()


@dataclass
class ProvenanceReport:
    """What the provenance step found, and where it looked."""

    registry: str
    checked: int
    added: int
    counts: dict[str, int]
    findings: Findings = field(default_factory=Findings)
    cross: CrossDocuments = field(default_factory=CrossDocuments)
    #: article doc id -> its report path (relative to the output folder) and title
    links: Mapping[str, str] = field(default_factory=dict)
    titles: Mapping[str, str] = field(default_factory=dict)


# ---------------------------------------------------------------------- JSON Lines


def jsonl_pieces(report: ProvenanceReport) -> Iterator[str]:
    """``provenance.jsonl`` in pieces: one JSON object a line per finding, origin cluster
    and quote drift, every one complete (a line may be long, never held whole)."""

    def head(kind: str) -> dict[str, Any]:
        return {"schema": JSONL_SCHEMA, "kind": kind}

    for finding in report.findings:
        record = {**head("finding"), **finding.to_dict()}
        yield json_line(record)
    for pieces in report.cross.origin_json(head("shared_origin")):
        yield from pieces
        yield "\n"
    for pieces in report.cross.drift_json(head("quote_drift")):
        yield from pieces
        yield "\n"


@contextmanager
def atomic_writer(target: Path) -> Iterator[IO[str]]:
    """A text stream to a temporary file next to ``target``, renamed to ``target`` when
    the block ends normally and deleted when it raises: ``target`` is either the previous
    file or the complete new one, never a part."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        with temporary.open("w", encoding="utf-8", buffering=1 << 20) as stream:
            yield stream
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_jsonl(report: ProvenanceReport, target: Path) -> None:
    """Write ``provenance.jsonl`` to ``target`` (atomically, streamed)."""
    with atomic_writer(target) as stream:
        for piece in jsonl_pieces(report):
            stream.write(piece)


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


def _more(shown: int, total: int, one: str = "", many: str = "") -> str:
    """ "and N more THINGS" when ``total`` is more than ``shown``, else ""."""
    left = total - shown
    if left <= 0:
        return ""
    return f"and {left} more {one if left == 1 else many}".rstrip()


def _rest(shown: int, total: int, one: str, many: str) -> list[str]:
    """A paragraph saying how many more ``one``/``many`` provenance.jsonl lists, if any."""
    left = total - shown
    if left <= 0:
        return []
    what = f"{one} is" if left == 1 else f"{many} are"
    return [f"{left} more {what} in [{JSONL}]({JSONL}).", ""]


def _listing(items: list[str], total: int, one: str = "", many: str = "") -> str:
    """``items`` joined by commas, with "and N more" when ``total`` is larger."""
    more = _more(len(items), total, one, many)
    return ", ".join([*items, more] if more else items)


def render_markdown(report: ProvenanceReport, limits: Limits | None = None) -> str:
    """The provenance report for editors: bounded by ``limits`` whatever the corpus."""
    limits = limits or Limits()
    out = ["# Provenance across articles", ""]
    out += _intro(report, limits)
    out += _origins(report, limits)
    out += _drift(report, limits)
    out += _findings(report, limits)
    out += _how(report)
    return "\n".join(out).rstrip("\n") + "\n"


def _intro(report: ProvenanceReport, limits: Limits) -> list[str]:
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
    out += _totals(report)
    cross, findings = report.cross, len(report.findings)
    if (
        cross.origin_count > limits.groups
        or cross.drift_count > limits.drift
        or findings > limits.findings
    ):
        out += [
            f"This page shows the {limits.groups} largest groups, the {limits.drift} quotes "
            f"that drift in the most versions and the {limits.findings} most severe sources "
            f"to check, each with its first articles; every item, complete, is in "
            f"[{JSONL}]({JSONL}).",
            "",
        ]
    return out


def _totals(report: ProvenanceReport) -> list[str]:
    cross = report.cross
    return [
        "| check | found |",
        "|---|---:|",
        f"| groups of articles that share an origin | {cross.origin_count} |",
        f"| quotes that drift | {cross.drift_count} |",
        f"| names that differ within a group | {cross.conflict_count} |",
        f"| sources to check (PROV007-PROV009) | {len(report.findings)} |",
        "",
    ]


def _origins(report: ProvenanceReport, limits: Limits) -> list[str]:
    out = ["## Articles that share an origin", ""]
    total = report.cross.origin_count
    if not total:
        return [*out, "No two articles share most of their attributed claims.", ""]
    out += [
        "These articles attribute the same claims to the same sources, in other words: "
        "rewrites or syndication of one report. Check the original before treating them as "
        "independent confirmation.",
        "",
    ]
    sample = max(limits.group_articles, limits.group_claims, limits.name_articles)
    shown = 0
    for shown, cluster in enumerate(report.cross.origins(limits.groups, sample), 1):
        out += _cluster(report, shown, cluster, limits)
    return out + _rest(
        shown, total, "group of articles sharing an origin", "groups of articles sharing an origin"
    )


def _cluster(
    report: ProvenanceReport, number: int, cluster: SharedOrigin, limits: Limits
) -> list[str]:
    n = cluster.size
    out = [f"### {number}. {n} articles retell one report", ""]
    for article in cluster.articles[: limits.group_articles]:
        extra = ", ".join(x for x in (article.outlet, article.date) if x)
        suffix = f" ({_cell(extra, 60)})" if extra else ""
        out.append(f"- {_article(report, article.doc)}{suffix}")
    more = _more(min(len(cluster.articles), limits.group_articles), n, "article", "articles")
    if more:
        out.append(f"- … {more} (all in [{JSONL}]({JSONL}))")
    out.append("")
    if cluster.upstream:
        cited = [
            f"**{_cell(s, 80)}** (cited in {k} of {n})"
            for s, k in cluster.upstream[: limits.group_sources]
        ]
        cited_by = _listing(cited, len(cluster.upstream), "source", "sources")
        out += [f"Common upstream source cited: {cited_by}.", ""]
    if cluster.speakers:
        shared = [
            f"{_cell(s, 80)} ({k} articles)" for s, k in cluster.speakers[: limits.group_sources]
        ]
        recurring = _listing(shared, len(cluster.speakers), "speaker", "speakers")
        out += [f"Same statements from: {recurring}.", ""]
    if cluster.conflicts:
        out += [
            "**Names that differ** - the same event told with different place or person "
            "names; check which is right:",
            "",
        ]
        for group in cluster.conflicts[: limits.name_groups]:
            parts = []
            for usage in group["usage"]:
                articles = usage["articles"][: limits.name_articles]
                where = [f"{_cell(_short_doc(a['doc']), 40)} ×{a['count']}" for a in articles]
                total = cluster.usage_counts.get(usage["name"], len(usage["articles"]))
                parts.append(f"**{_cell(usage['name'], 40)}** ({_listing(where, total)})")
            out.append("- " + " / ".join(parts))
        more = _more(
            limits.name_groups, len(cluster.conflicts), "group of names", "groups of names"
        )
        if more:
            out.append(f"- … {more}")
        out.append("")
    out += ["| source | one article says | the other says |", "|---|---|---|"]
    claims = cluster.claims[: limits.group_claims]
    for claim in claims:
        one, two = claim["versions"]
        out.append(
            f"| {_cell(claim['speaker'], 60)} | {_cell(one['text'])} "
            f"<br>— {_article(report, one['doc'], short=True)} | {_cell(two['text'])} "
            f"<br>— {_article(report, two['doc'], short=True)} |"
        )
    out.append("")
    if cluster.claim_count > len(claims):
        out += [
            f"All {cluster.claim_count} pairs of shared claims (one per pair of articles "
            f"compared, repeats included) are in [{JSONL}]({JSONL}).",
            "",
        ]
    return out


def _drift(report: ProvenanceReport, limits: Limits) -> list[str]:
    out = ["## Quotes that drift", ""]
    total = report.cross.drift_count
    if not total:
        return [*out, "No speaker is quoted in two versions of the same words.", ""]
    out += [
        "The same speaker quoted with nearly the same words in different articles: one "
        "version is wrong, or cut. Check the quote against the recording or the original.",
        "",
    ]
    sample = max(limits.drift_versions, limits.version_articles)
    drifts = list(report.cross.drifts(limits.drift, sample, order="importance"))
    for item in drifts:
        out += _drift_item(report, item, limits)
    return out + _rest(len(drifts), total, "drifting quote", "drifting quotes")


def _drift_item(report: ProvenanceReport, item: QuoteDrift, limits: Limits) -> list[str]:
    out = [
        f"### {_cell(item.speaker, 80)}: {_cell(item.change, 200)}",
        "",
        "| quote | articles | compared with the first |",
        "|---|---|---|",
    ]
    versions = item.versions[: limits.drift_versions]
    for version in versions:
        shown = version["articles"][: limits.version_articles]
        articles = [_article(report, a["doc"]) for a in shown]
        total = version.get("article_count", len(version["articles"]))
        more = _more(len(shown), total, "article", "articles")
        if more:
            articles.append(more)
        differs = _cell(version["differs"], 200) if version["differs"] else "(the longest)"
        out.append(f"| “{_cell(version['text'], 300)}” | {', '.join(articles)} | {differs} |")
    out.append("")
    return out + _rest(
        len(versions), item.version_count, "version of this quote", "versions of this quote"
    )


def _findings(report: ProvenanceReport, limits: Limits) -> list[str]:
    out = ["## Sources to check", ""]
    total = len(report.findings)
    if not total:
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
    shown = list(report.findings.most_severe(limits.findings))
    for f in shown:
        out.append(
            f"| {_article(report, f.doc)} | {f.line or ''} | {markdown_text(f.rule)} "
            f"{markdown_text(f.name)} | {markdown_text(f.severity)} | {_cell(f.message, 400)} |"
        )
    out.append("")
    return out + _rest(len(shown), total, "source to check", "sources to check")


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
        *_totals(report),
    ]
    listed = False
    for cluster in cross.origins(limit=5, sample=4):
        docs = ", ".join(_article(report, a.doc) for a in cluster.articles[:4])
        more = f" and {cluster.size - 4} more" if cluster.size > 4 else ""
        upstream = (
            f"; common source: {_cell(cluster.upstream[0][0], 60)}" if cluster.upstream else ""
        )
        out.append(f"- Shared origin: {docs}{more}{upstream}")
        listed = True
    for item in cross.drifts(limit=5, sample=0, order="importance"):
        out.append(f"- Quote drift: {_cell(item.speaker, 60)} ({_cell(item.change, 80)})")
        listed = True
    if listed:
        out.append("")
    return out
