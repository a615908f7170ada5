"""The corpus report of a batch as Markdown: tables, with Mermaid charts beside them.

The common Git hosts draw the Mermaid charts; elsewhere the tables next to them carry the
same numbers. Each chart's fence holds a ``%% chart:NAME`` comment, which
:mod:`auditor.batch.corpus_page` reads to draw the chart in CSS instead.

    >>> print(render_markdown(build_index(Path("out"))))      # doctest: +SKIP
    # Corpus source audit
"""

from __future__ import annotations

from auditor.batch.corpus_counts import GROUPS, MIX_LABELS, UNKNOWN, CorpusIndex
from auditor.model import GRADES, SEVERITIES
from auditor.report.escape import markdown_link_url, markdown_text, mermaid_label

_SEVERITY_ORDER = tuple(reversed(SEVERITIES))

CHART_FENCE = "mermaid"
_LINK_ORDER = ("markdown", "html", "json", "text", "sarif", "jsonl", "github")


def _percent(part: float, whole: float) -> str:
    return f"{round(100 * part / whole)}%" if whole else "0%"


def _link(reports: dict[str, str], prefer: tuple[str, ...]) -> str | None:
    for fmt in (*prefer, *_LINK_ORDER):
        if fmt in reports:
            return reports[fmt]
    return None


def _chart(name: str, body: list[str]) -> list[str]:
    # The "%% chart:" comment names the chart so the HTML page can draw it in CSS.
    return [f"```{CHART_FENCE}", f"%% chart:{name}", *body, "```", ""]


def render_markdown(index: CorpusIndex, *, prefer: tuple[str, ...] = ("markdown",)) -> str:
    """The corpus report as Markdown; article links prefer reports in ``prefer`` order."""
    out = ["# Corpus source audit", ""]
    out += _totals(index)
    out += _grades(index)
    out += _mix(index)
    for group, _ in GROUPS:
        out += _group_table(index, group)
    out += _speakers(index)
    out += _findings(index)
    out += _worst(index, prefer)
    out += index.sections
    out += _failures(index)
    return "\n".join(out).rstrip("\n") + "\n"


def _totals(index: CorpusIndex) -> list[str]:
    n = index.documents
    out = [
        f"{n} {'article' if n == 1 else 'articles'} audited"
        + (f", {index.failed} failed (see [errors.jsonl](errors.jsonl))" if index.failed else "")
        + ". Every article's own report is linked from the tables below; every result is in "
        "[results.jsonl](results.jsonl).",
        "",
        "| total | count |",
        "|---|---:|",
        f"| articles audited | {n} |",
        f"| articles failed | {index.failed} |",
        f"| characters | {index.chars:,} |",
        f"| attributions | {index.attributions} |",
        f"| unsourced claims | {index.claims} |",
        f"| findings | {index.findings} |",
    ]
    for severity in _SEVERITY_ORDER:
        out.append(f"| findings: {severity} | {index.severities.get(severity, 0)} |")
    out += [
        f"| mean score | {index.mean_score():.1f} |",
        f"| median score | {index.median_score():g} |",
        "",
    ]
    return out


def _grades(index: CorpusIndex) -> list[str]:
    out = ["## Grades", ""]
    if not index.documents:
        return [*out, "No articles were audited.", ""]
    grades = [g for g in GRADES if index.grades.get(g)]
    grades += sorted(g for g in index.grades if g not in GRADES)
    out += ["| grade | articles | share |", "|---|---:|---:|"]
    rows = [(g, index.grades[g]) for g in grades]
    return out + _shares("grades", "Articles by grade", rows, index.documents)


def _mix(index: CorpusIndex) -> list[str]:
    out = ["## Source mix", ""]
    kinds = index.mix_types()
    total = sum(index.mix[k] for k in kinds)
    if not total:
        return [*out, "No attributions or unsourced claims were found.", ""]
    out += [
        "Attributions by source type, and checkable claims with no source, over all articles.",
        "",
        "| source type | count | share |",
        "|---|---:|---:|",
    ]
    rows = [(MIX_LABELS.get(k, k), index.mix[k]) for k in kinds]
    return out + _shares("mix", "Source mix", rows, total)


def _shares(chart: str, title: str, rows: list[tuple[str, int]], total: int) -> list[str]:
    """The rows of a count table (label, count, share of ``total``), then its pie chart."""
    out = [f"| {markdown_text(lbl)} | {count} | {_percent(count, total)} |" for lbl, count in rows]
    out.append("")
    body = [f'    "{mermaid_label(label)}" : {count}' for label, count in rows]
    return out + _chart(chart, [f"pie showData title {title}", *body])


_GROUP_TITLES = {"outlet": "By outlet", "author": "By author", "month": "By month"}


def _group_table(index: CorpusIndex, group: str) -> list[str]:
    stats = index.groups[group]
    known = {k: v for k, v in stats.items() if k != UNKNOWN}
    if not known:
        return []  # no article has this metadata: nothing to compare
    out = [f"## {_GROUP_TITLES[group]}", ""]
    if group == "month":
        names = sorted(known)
        shown = names
    else:
        names = sorted(known, key=lambda k: (-known[k].documents, k))
        shown = names[: index.top]
    if UNKNOWN in stats:
        shown = [*shown, UNKNOWN]
    kinds = index.mix_types()
    more = group != "month" and len(names) > index.top
    out.append(
        "Shares of each group's attributions and unsourced claims."
        + (f" The {index.top} largest of {len(names)} are shown." if more else "")
    )
    out.append("")
    header = [group, "articles", "mean score", *(MIX_LABELS.get(k, k) for k in kinds)]
    out.append("| " + " | ".join(markdown_text(h) for h in header) + " |")
    out.append("|---|---:|---:|" + "---:|" * len(kinds))
    for name in shown:
        s = stats[name]
        total = sum(s.mix[k] for k in kinds)
        cells = [markdown_text(name), str(s.documents), f"{s.mean_score:.1f}"]
        cells += [_percent(s.mix.get(k, 0), total) for k in kinds]
        out.append("| " + " | ".join(cells) + " |")
    out.append("")
    if group == "month" and len(names) >= 2:
        labels = ", ".join(f'"{mermaid_label(n)}"' for n in names)
        values = ", ".join(f"{known[n].mean_score:.1f}" for n in names)
        out += _chart(
            "months",
            [
                "xychart-beta",
                '    title "Mean score by month"',
                f"    x-axis [{labels}]",
                '    y-axis "score" 0 --> 100',
                f"    bar [{values}]",
            ],
        )
    return out


def _speakers(index: CorpusIndex) -> list[str]:
    out = ["## Most quoted speakers", ""]
    if not index.speakers:
        return [*out, "No named speakers were found.", ""]
    ranked = sorted(index.speakers, key=lambda k: (-index.speakers[k], k))[: index.top]
    out += ["| speaker | source type | attributions | articles |", "|---|---|---:|---:|"]
    for name in ranked:
        kind = index.speaker_types[name].most_common(1)[0][0]
        out.append(
            f"| {markdown_text(name)} | {markdown_text(MIX_LABELS.get(kind, kind))} | "
            f"{index.speakers[name]} | {index.speaker_articles[name]} |"
        )
    return [*out, ""]


def _findings(index: CorpusIndex) -> list[str]:
    out = ["## Most frequent findings", ""]
    if not index.rules:
        return [*out, "No rule found anything.", ""]
    ranked = sorted(index.rules, key=lambda k: (-index.rules[k], k))[: index.top]
    out += [
        "| rule | name | severity | findings | articles | share of articles |",
        "|---|---|---|---:|---:|---:|",
    ]
    for rule in ranked:
        severity = index.rule_severities[rule].most_common(1)[0][0]
        out.append(
            f"| {markdown_text(rule)} | {markdown_text(index.rule_names.get(rule, ''))} | "
            f"{markdown_text(severity)} | {index.rules[rule]} | {index.rule_articles[rule]} | "
            f"{_percent(index.rule_articles[rule], index.documents)} |"
        )
    return [*out, ""]


def _worst(index: CorpusIndex, prefer: tuple[str, ...]) -> list[str]:
    worst = index.worst()
    if not worst:
        return []
    out = [
        "## Articles to review first",
        "",
        "Lowest scores first (then most errors).",
        "",
        "| article | grade | score | errors | findings |",
        "|---|---|---:|---:|---:|",
    ]
    for entry in worst:
        title = markdown_text(entry.title)
        target = _link(entry.reports, prefer)
        cell = f"[{title}]({markdown_link_url(target)})" if target else title
        out.append(
            f"| {cell} | {markdown_text(entry.grade)} | {entry.score} | {entry.errors} | "
            f"{entry.findings} |"
        )
    return [*out, ""]


def _failures(index: CorpusIndex) -> list[str]:
    if not index.failed:
        return []
    kinds = ", ".join(f"{k}: {n}" for k, n in index.error_kinds.most_common())
    out = [
        "## Failed documents",
        "",
        f"{index.failed} documents could not be audited ({markdown_text(kinds)}); each is in "
        "[errors.jsonl](errors.jsonl) with its reason. Fix them and run the same command "
        "again: only they are redone.",
        "",
        "| document | reason |",
        "|---|---|",
    ]
    out += [
        f"| {markdown_text(label)} | {markdown_text(reason)} |" for label, reason in index.errors
    ]
    if index.failed > len(index.errors):
        out += ["", f"... and {index.failed - len(index.errors)} more in errors.jsonl."]
    return [*out, ""]
