"""``provenance.md`` and the section of ``index.md`` that points to it, from a
:class:`~auditor.provenance.report.ProvenanceReport`.

Bounded whatever the size of the corpus: at most :class:`~auditor.provenance.report.Limits`
of each list, the most important first, with "and N more" lines pointing to
``provenance.jsonl``. Every piece of article text goes through
:func:`auditor.report.escape.markdown_text`, so a quote cannot break a table or inject markup.
"""

from __future__ import annotations

from auditor.provenance.crossdoc import QuoteDrift, SharedOrigin
from auditor.provenance.report import (
    CELL_CHARS,
    JSONL,
    REPORT,
    Limits,
    ProvenanceReport,
)
from auditor.report.escape import markdown_link_url, markdown_text


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
