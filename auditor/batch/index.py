"""The corpus report of a batch: ``index.md`` and ``index.html`` from results.jsonl.

:class:`CorpusIndex` is built by streaming result lines (counters only, so memory does not
grow with the number of documents, only with the number of distinct speakers, outlets,
authors and months) and rendered as Markdown (tables, with Mermaid charts that the common
Git hosts draw; elsewhere the tables next to them carry the same numbers) or as a
self-contained HTML page (the same Markdown, charts drawn in CSS, no JavaScript).

    >>> index = build_index(Path("out"))                      # doctest: +SKIP
    >>> print(render_markdown(index))                         # doctest: +SKIP
"""

from __future__ import annotations

import heapq
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from auditor.batch.store import ERROR_SCHEMA, ERRORS, RESULT_SCHEMA, RESULTS, iter_lines
from auditor.model import GRADES, SEVERITIES, SUMMARY_COUNT_KEYS
from auditor.report.common import SOURCE_TYPE_LABELS
from auditor.report.escape import html_text, markdown_link_url, markdown_text, mermaid_label

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
_SEVERITY_ORDER = tuple(reversed(SEVERITIES))


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


def write_index(
    out_dir: Path,
    *,
    rule_pack=None,
    formats: Iterable[str] = ("markdown",),
    sections: Iterable[str] = (),
) -> CorpusIndex:
    """Build the index of ``out_dir`` and write index.md and index.html there.

    ``sections`` are Markdown lines added before the failed documents.
    """
    from auditor.batch.store import write_atomically

    index = build_index(out_dir, rule_pack=rule_pack)
    index.sections = list(sections)
    prefer = tuple(formats)
    write_atomically(Path(out_dir) / "index.md", render_markdown(index, prefer=prefer))
    write_atomically(Path(out_dir) / "index.html", render_html(index, prefer=prefer))
    return index


# ---------------------------------------------------------------------- Markdown

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
    out += [
        f"| {markdown_text(g)} | {index.grades[g]} | {_percent(index.grades[g], index.documents)} |"
        for g in grades
    ]
    out.append("")
    out += _chart(
        "grades",
        ["pie showData title Articles by grade"]
        + [f'    "{mermaid_label(g)}" : {index.grades[g]}' for g in grades],
    )
    return out


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
    out += [
        f"| {markdown_text(MIX_LABELS.get(k, k))} | {index.mix[k]} | "
        f"{_percent(index.mix[k], total)} |"
        for k in kinds
    ]
    out.append("")
    out += _chart(
        "mix",
        ["pie showData title Source mix"]
        + [f'    "{mermaid_label(MIX_LABELS.get(k, k))}" : {index.mix[k]}' for k in kinds],
    )
    return out


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


# ---------------------------------------------------------------------- HTML

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'"
_CSS = """
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1f2328; }
main { max-width: 72rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; border-bottom: 1px solid #d1d9e0;
  margin-top: 2rem; }
a { color: #0969da; }
table { border-collapse: collapse; margin: .5rem 0; font-size: .92rem; display: block;
  overflow-x: auto; }
th, td { border: 1px solid #d1d9e0; padding: .3rem .5rem; text-align: left; }
th { background: #f6f8fa; }
td:not(:first-child) { font-variant-numeric: tabular-nums; }
.chart { margin: .8rem 0 1.2rem; max-width: 40rem; }
.chart .row { display: flex; align-items: center; gap: .5rem; margin: .15rem 0; }
.chart .label { width: 12rem; font-size: .9rem; text-align: right; }
.chart .track { flex: 1; background: #f6f8fa; border-radius: 3px; }
.chart .fill { height: 1.1rem; background: #0969da; border-radius: 3px; min-width: 1px; }
.chart .value { width: 4rem; font-size: .85rem; color: #59636e; }
"""


def render_html(index: CorpusIndex, *, prefer: tuple[str, ...] = ("html", "markdown")) -> str:
    """The corpus report as one self-contained HTML page (no scripts, no requests)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("js-default", {"html": False, "linkify": False, "typographer": False})
    default_fence = md.renderer.rules["fence"]

    def fence(self, tokens, idx, options, env):  # markdown-it renderer rule signature
        token = tokens[idx]
        if token.info.strip() == CHART_FENCE:
            return _html_chart(index, token.content)
        return default_fence(tokens, idx, options, env)

    md.add_render_rule("fence", fence)
    html_prefer = ("html", *[p for p in prefer if p != "html"])
    body = md.render(render_markdown(index, prefer=html_prefer))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{html_text('Corpus source audit')}</title>\n<style>{_CSS}</style>\n"
        f"</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )


def _html_chart(index: CorpusIndex, content: str) -> str:
    match = re.search(r"%% chart:(\w+)", content)
    name = match.group(1) if match else ""
    if name == "grades":
        rows = [(g, index.grades[g]) for g in GRADES if index.grades.get(g)]
        return _bars("Articles by grade", [(k, float(v), str(v)) for k, v in rows])
    if name == "mix":
        rows = [(MIX_LABELS.get(k, k), index.mix[k]) for k in index.mix_types()]
        return _bars("Source mix", [(k, float(v), str(v)) for k, v in rows])
    if name == "months":
        stats = index.groups["month"]
        rows = [(m, stats[m].mean_score) for m in sorted(stats) if m != UNKNOWN]
        return _bars("Mean score by month", [(k, v, f"{v:.1f}") for k, v in rows], scale=100)
    return ""


def _bars(title: str, rows: list[tuple[str, float, str]], scale: float | None = None) -> str:
    top = scale or max((v for _, v, _ in rows), default=0) or 1
    parts = [f'<figure class="chart" aria-label="{html_text(title)}">']
    for label, value, shown in rows:
        width = 100 * value / top
        parts.append(
            f'<div class="row"><span class="label">{html_text(label)}</span>'
            f'<span class="track"><span class="fill" style="display:block;width:{width:.2f}%">'
            f'</span></span><span class="value">{html_text(shown)}</span></div>'
        )
    parts.append("</figure>\n")
    return "".join(parts)
