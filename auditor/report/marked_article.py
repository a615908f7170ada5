"""The article of the HTML report, with what was said, its sources, cues and findings marked.

Each attribution's words are coloured by the grade of its source, the source underlined and
the cue in bold; unattributed claims are hatched and findings get a wavy underline and a
numbered badge whose details open on hover, focus or click. Every piece of article text is
HTML-escaped. Used by the HTML report and by ``auditor serve``'s review page.

    >>> html = article_html(result, prefix="d1-")      # doctest: +SKIP
    >>> 'id="d1-f1"' in html                 # the first finding's badge  # doctest: +SKIP
    True
"""

from __future__ import annotations

import heapq
from collections.abc import Generator
from dataclasses import dataclass

from auditor.model import Attribution, AuditResult, Claim, Finding
from auditor.report import common
from auditor.report.escape import html_text as esc
from auditor.report.rulemeta import rule_info

GRADE_MEANINGS = {
    "A": "named, on the record",
    "B": "named organization, document or second-hand",
    "C": "anonymous, with reason and basis",
    "D": "anonymous or vague, thinly described",
    "F": "no source",
}


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    role: str  # content | source | cue | claim | finding
    index: int  # position in its list (attributions, claims or findings)


def _marks(result: AuditResult) -> list[_Mark]:
    marks: list[_Mark] = []
    n = len(result.text)

    def add(start: int, end: int, role: str, index: int) -> None:
        start, end = max(0, min(start, n)), max(0, min(end, n))
        if end > start:
            marks.append(_Mark(start, end, role, index))

    for i, a in enumerate(result.attributions):
        # The speaker's words only: the cue, source or aside inside the extent stay plain.
        for part in a.passages:
            add(part.start, part.end, "content", i)
        if a.source:
            add(a.source.start, a.source.end, "source", i)
        if a.cue:
            add(a.cue.start, a.cue.end, "cue", i)
    for i, c in enumerate(result.claims):
        add(c.start, c.end, "claim", i)
    for i, f in enumerate(result.findings):
        add(f.start, f.end, "finding", i)
    return marks


def article_html(result: AuditResult, prefix: str = "") -> str:
    """The report's article section: the legend and the article with its marks and badges
    (badge ids ``{prefix}f1``, ``{prefix}f2``... in reading order)."""
    text = result.text
    marks = _marks(result)
    findings = result.findings
    # Badges are numbered in reading order, the order of the report's findings list.
    order = sorted(range(len(findings)), key=lambda i: common.finding_key(findings[i]))
    number = {i: rank for rank, i in enumerate(order, 1)}
    flags_at: dict[int, list[int]] = {}
    for i, f in enumerate(findings):
        flags_at.setdefault(max(0, min(f.start, len(text))), []).append(i)
    bounds = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    bounds = sorted(set(bounds) | set(flags_at))
    out: list[str] = []
    covering = _covering(marks)
    next(covering)  # started; each send(lo) answers with the marks over lo
    for lo, hi in zip(bounds, [*bounds[1:], None], strict=True):
        for i in sorted(flags_at.get(lo, []), key=lambda i: number[i]):
            out.append(_flag(result, findings[i], number[i], prefix))
        if hi is None or hi <= lo:
            continue
        out.append(_segment(result, text[lo:hi], lo, hi, covering.send(lo)))
    return (
        '<section class="article">\n<h2>The article, sources marked</h2>\n'
        + _legend(result)
        + f'<div class="text" id="{prefix}text">'
        + "".join(out)
        + "</div>\n</section>\n"
    )


def _covering(marks: list[_Mark]) -> Generator[list[_Mark], int, None]:
    """A generator sent increasing segment starts ``lo``, answering with the marks that
    cover the segment from ``lo`` to the next bound, in the order of ``marks``.

    Every mark end is a bound, so a mark covers the segment exactly when it starts at or
    before ``lo`` and ends after it. Marks enter in order of start and leave in order of
    end (a sweep), so the whole article costs O(marks log marks), not segments x marks.
    """
    by_start = sorted(range(len(marks)), key=lambda i: marks[i].start)
    ends: list[tuple[int, int]] = []
    active: set[int] = set()
    entered = 0
    lo = yield []
    while True:
        while entered < len(by_start) and marks[by_start[entered]].start <= lo:
            i = by_start[entered]
            heapq.heappush(ends, (marks[i].end, i))
            active.add(i)
            entered += 1
        while ends and ends[0][0] <= lo:
            active.discard(heapq.heappop(ends)[1])
        lo = yield [marks[i] for i in sorted(active)]


def _segment(result: AuditResult, piece: str, lo: int, hi: int, active: list[_Mark]) -> str:
    if not active:
        return esc(piece)
    classes = ["m"]
    tips: list[str] = []
    attrs: list[str] = []
    found: list[str] = []
    contents = [m for m in active if m.role == "content"]
    if contents:
        # Nested quotes: the innermost (shortest) attribution decides the colour.
        inner = min(contents, key=lambda m: (m.end - m.start, m.index))
        grade = result.attributions[inner.index].grade
        classes.append(f"g-{grade}" if grade in GRADE_MEANINGS else "g-F")
    for m in sorted(active, key=lambda m: (m.role, m.index)):
        if m.role == "content":
            a = result.attributions[m.index]
            tips.append(_attribution_tip(a))
            attrs.append(a.id)
        elif m.role in ("source", "cue"):
            classes.append("src" if m.role == "source" else "cue")
            a = result.attributions[m.index]
            tips.append(f"{m.role} of {a.id}")
            attrs.append(a.id)
        elif m.role == "claim":
            classes.append("claim")
            tips.append(_claim_tip(result.claims[m.index]))
        else:
            f = result.findings[m.index]
            classes.append("fx")
            classes.append(f"sev-{f.severity}" if f.severity in common.SEVERITY_TITLES else "")
            tips.append(f"{f.rule} ({f.severity}): {f.message}")
            found.append(str(m.index))
    data = f' data-s="{lo}" data-e="{hi}"'
    if attrs:
        data += f' data-attr="{esc(" ".join(dict.fromkeys(attrs)))}"'
    if found:
        data += f' data-find="{" ".join(found)}"'
    cls = " ".join(c for c in dict.fromkeys(classes) if c)
    return f'<span class="{cls}"{data} title="{esc(chr(10).join(tips))}">{esc(piece)}</span>'


def _attribution_tip(a: Attribution) -> str:
    who = common.speaker_name(a) or "no speaker found"
    if a.speaker and a.speaker.description:
        who += f", {a.speaker.description}"
    return f"{a.id}: {who} ({common.label(a.source_type)}, grade {a.grade}, {a.kind})"


def _claim_tip(c: Claim) -> str:
    return f"{c.status} claim ({c.why}): no source given"


def _flag(result: AuditResult, f: Finding, number: int, prefix: str) -> str:
    sev = f.severity if f.severity in common.SEVERITY_TITLES else "suggestion"
    name = f.name or rule_info(f.rule).name
    fix = f.fix or rule_info(f.rule).fix
    heading = f"{f.rule} {name}".strip()
    body = (
        f"<b>{esc(heading)}</b> · {esc(f.severity)} · line {f.line}:{f.column}<br>{esc(f.message)}"
    )
    if fix:
        body += f"<br><i>Fix:</i> {esc(fix)}"
    return (
        f'<span class="flag sev-{sev}" id="{prefix}f{number}">'
        f'<a href="#{prefix}f{number}" title="{esc(heading + ": " + f.message)}">{esc(f.rule)}</a>'
        f'<span class="pop">{body}</span></span>'
    )


def _legend(result: AuditResult) -> str:
    grades = "".join(
        f'<span class="item"><span class="sw g-{g}"></span>{g}: {esc(meaning)}</span>'
        for g, meaning in GRADE_MEANINGS.items()
    )
    severities = "".join(
        f'<span class="item"><span class="badge sev-{sev}">{esc(title[:-1].upper())}</span>'
        f" {esc(title.lower())}</span>"
        for sev, title in common.SEVERITY_TITLES.items()
    )
    return (
        '<div class="legend">'
        f"<div><b>What was said</b>, coloured by the grade of its source: {grades}</div>"
        '<div><span class="item"><span class="src">source</span> underlined</span>'
        '<span class="item"><span class="cue">cue</span> in bold</span>'
        '<span class="item"><span class="claim">unattributed claim</span> hatched</span>'
        '<span class="item"><span class="fx sev-error">finding</span> wavy underline</span>'
        "</div>"
        f"<div>Findings, point at or click a badge for details: {severities}</div>"
        "<div>Hover any marked text to see who said it and how it is graded.</div>"
        "</div>\n"
    )
