"""The Markdown audit report: the primary output, written for an editor with five minutes.

Top to bottom: grade and why, source mix, what to fix before publication; then every
finding by severity with the sentence it is about; then all attributions; then the
unattributed claims. Every piece of article text goes through
:func:`auditor.report.escape.markdown_text`, so a quote cannot break a table or inject markup.
"""

from __future__ import annotations

from auditor.model import Attribution, AuditResult, Finding, line_and_column
from auditor.report import common
from auditor.report.escape import markdown_link_url, markdown_text, mermaid_label, one_line
from auditor.report.excerpts import Excerpt, sentence_excerpt, short
from auditor.report.rulemeta import rule_info, rule_url

#: Where rule ids link by default: nowhere, since a report travels (a relative link breaks
#: outside the repository). ``rules_url`` (the ``rule-docs-url`` setting) gives a base
#: (``#<id lower-cased>`` is added) or a URL holding ``{id}``.
DEFAULT_RULES_URL: str | None = None

_EM_DASH = "—"


def render(result: AuditResult, rules_url: str | None = DEFAULT_RULES_URL) -> str:
    """The Markdown report of one audit result."""
    return "\n".join(_document(result, rules_url, level=1)).rstrip("\n") + "\n"


#: The info string of the chart's fenced block (the HTML report swaps it for its own chart).
CHART_FENCE = "mermaid"


def render_many(results: list[AuditResult], rules_url: str | None = DEFAULT_RULES_URL) -> str:
    """Several reports one after the other, separated by a horizontal rule."""
    return "\n---\n\n".join(render(r, rules_url) for r in results)


# -- sections -----------------------------------------------------------------------------


def _document(result: AuditResult, rules_url: str | None, level: int) -> list[str]:
    h = "#" * level
    out = [f"{h} Source audit: {markdown_text(common.title_of(result))}", ""]
    out += _header(result)
    if common.is_empty(result):
        out += ["The article is empty: there is no text to audit, so there is no grade.", ""]
        return out
    out += _why(result, h)
    out += _mix(result, h)
    out += _blockers(result, h, rules_url)
    out += _findings(result, h, rules_url)
    out += _attributions(result, h)
    out += _claims(result, h)
    return out


def _header(result: AuditResult) -> list[str]:
    doc = result.document
    counts = common.severity_counts(result.findings)
    grade = (
        ["**No grade** (empty article)"]
        if common.is_empty(result)
        else [
            f"**Grade {markdown_text(result.summary.grade)}**",
            f"score {result.summary.score}/100",
        ]
    )
    facts = [
        *grade,
        common.plural(len(result.attributions), "attribution"),
        common.plural(len(result.findings), "finding")
        + " ("
        + ", ".join(common.plural(n, sev) for sev, n in counts.items())
        + ")",
    ]
    where = [f"`{_code(doc.path)}`" if doc.path else "", f"{doc.chars} characters"]
    if doc.sha256:
        where.append(f"sha256 `{_code(doc.sha256[:12])}`")
    return [" · ".join(facts), "", " · ".join(w for w in where if w), ""]


def _why(result: AuditResult, h: str) -> list[str]:
    out = [f"{h}# Why this grade", ""]
    if result.summary.why:
        out += [f"- {markdown_text(line)}" for line in result.summary.why]
    else:
        out.append(f"Score {result.summary.score}/100 (no breakdown was given).")
    return [*out, ""]


def _mix(result: AuditResult, h: str) -> list[str]:
    out = [f"{h}# Source mix", ""]
    mix = common.source_mix(result)
    named, total = common.named_share(result.attributions)
    if not total:
        out += ["No attributions were found: nothing in the article says who said what.", ""]
    else:
        out += [
            f"**{common.percent(named, total)}** of attributions ({named} of {total}) "
            "name an on-record source (a named person or organization).",
            "",
        ]
    if result.claims:
        out += [
            f"The table also counts {common.plural(len(result.claims), 'checkable claim')} "
            "with no source (see *Unattributed claims*).",
            "",
        ]
    if mix:
        all_counted = sum(n for _, n in mix)
        out += ["| source type | count | share |", "|---|---:|---:|"]
        out += [
            f"| {markdown_text(common.label(kind))} | {n} | {common.percent(n, all_counted)} |"
            for kind, n in mix
        ]
        out.append("")
        # Mermaid renders as a chart on the common Git hosts; elsewhere the table above is
        # the same information, so nothing is lost where it shows as a code block.
        out += [f"```{CHART_FENCE}", "pie showData title Source mix"]
        out += [f'    "{mermaid_label(common.label(kind))}" : {n}' for kind, n in mix]
        out += ["```", ""]
    return out


def _blockers(result: AuditResult, h: str, rules_url: str | None) -> list[str]:
    errors = [f for f in common.sorted_findings(result.findings) if f.severity == "error"]
    out = [f"{h}# Fix before publication", ""]
    if not errors:
        out += ["Nothing blocks publication: no findings of severity *error*.", ""]
        return out
    first: dict[str, int] = {}
    for i, f in enumerate(errors, 1):
        line = f"{i}. {_headline(f, rules_url)}"
        fix = _fix(f)
        # A rule's fix is spelled out once; repeating a paragraph per finding buries the list.
        if fix and f.rule in first:
            line += f" {_EM_DASH} *fix as in {first[f.rule]}.*"
        elif fix:
            line += f" {_EM_DASH} *{markdown_text(fix)}*"
            first[f.rule] = i
        out.append(line)
    return [*out, ""]


def _findings(result: AuditResult, h: str, rules_url: str | None) -> list[str]:
    out = [f"{h}# Findings", ""]
    groups = common.findings_by_severity(result.findings)
    if not groups:
        return [*out, "No findings.", ""]
    fixed: dict[str, Finding] = {}
    for severity, findings in groups:
        title = common.SEVERITY_TITLES.get(severity, markdown_text(severity.capitalize()))
        out += [f"{h}## {title} ({len(findings)})", ""]
        for f in findings:
            out += _finding(result, f, rules_url, fixed)
    return out


def _finding(
    result: AuditResult, f: Finding, rules_url: str | None, fixed: dict[str, Finding]
) -> list[str]:
    # One loose list item per finding: headline, the sentence as a block quote, the fix.
    out = [f"- {_headline(f, rules_url, bold_place=True)}", ""]
    ex = sentence_excerpt(result, f.start, f.end)
    if (ex.before + ex.focus + ex.after).strip():
        out += [f"  > {_quoted(ex)}", ""]
    fix = _fix(f)
    earlier = fixed.get(f.rule)
    if fix and earlier is not None and _fix(earlier) == fix:
        out += [
            f"  **Fix:** as for {markdown_text(f.rule)} at line {earlier.line}:{earlier.column}.",
            "",
        ]
    elif fix:
        out += [f"  **Fix:** {markdown_text(fix)}", ""]
        fixed[f.rule] = f
    return out


def _attributions(result: AuditResult, h: str) -> list[str]:
    out = [f"{h}# Attributions", ""]
    if not result.attributions:
        return [*out, "None found.", ""]
    out += [
        "| line | speaker | description | source type | grade | cue | what was said |",
        "|---:|---|---|---|:-:|---|---|",
    ]
    for a in sorted(result.attributions, key=lambda a: (common.attribution_start(a), a.id)):
        line, _ = line_and_column(result.text, common.attribution_start(a))
        speaker = common.speaker_name(a)
        description = a.speaker.description if a.speaker and a.speaker.description else ""
        cue = a.cue.text if a.cue else ""
        content = short(_said(result.text, a), 140)
        cells = [
            str(line),
            markdown_text(short(speaker, 60)) if speaker else f"*{_EM_DASH} none {_EM_DASH}*",
            markdown_text(short(description, 80)) if description else "",
            markdown_text(common.label(a.source_type)),
            markdown_text(a.grade),
            markdown_text(short(cue, 40)),
            f"“{markdown_text(content)}”" if content else "",
        ]
        out.append("| " + " | ".join(cells) + " |")
    return [*out, ""]


def _said(text: str, a: Attribution) -> str:
    """The speaker's words: each part of the content without its marks, parts joined by
    an ellipsis (the cue and source between them left out)."""
    parts = (common.unquoted(_slice(text, p.start, p.end)) for p in a.passages)
    return " \u2026 ".join(part for part in parts if part)


def _claims(result: AuditResult, h: str) -> list[str]:
    out = [f"{h}# Unattributed claims", ""]
    if not result.claims:
        return [*out, "None found: every checkable claim the auditor found has a source.", ""]
    out += [
        "Checkable statements (figures, allegations, predictions) with no source nearby:",
        "",
        "| line | kind | status | claim |",
        "|---:|---|---|---|",
    ]
    for c in sorted(result.claims, key=lambda c: (c.start, c.end)):
        line, _ = line_and_column(result.text, c.start)
        text = short(_slice(result.text, c.start, c.end), 160)
        out.append(
            f"| {line} | {markdown_text(c.why)} | {markdown_text(c.status)} "
            f"| “{markdown_text(text)}” |"
        )
    return [*out, ""]


# -- helpers ------------------------------------------------------------------------------


def _headline(f: Finding, rules_url: str | None, bold_place: bool = False) -> str:
    place = f"Line {f.line}:{f.column}"
    place = f"**{place}**" if bold_place else place
    return f"{place} {_rule_link(f, rules_url)}: {markdown_text(f.message)}"


def _rule_link(f: Finding, rules_url: str | None) -> str:
    name = f.name or rule_info(f.rule).name
    label = markdown_text(f.rule) + (f" {markdown_text(name)}" if name else "")
    url = rule_url(f.rule, rules_url)
    return f"[{label}]({markdown_link_url(url)})" if url else label


def _fix(f: Finding) -> str:
    return (f.fix or rule_info(f.rule).fix).strip()


def _quoted(ex: Excerpt) -> str:
    """The excerpt with its focus in bold (where Markdown allows it).

    A focus that is only a line break (a paragraph broken mid-sentence) shows as a bold ¶.
    """
    before = markdown_text(("…" if ex.cut_before else "") + ex.before, strip=False)
    after = markdown_text(ex.after + ("…" if ex.cut_after else ""), strip=False)
    if ex.focus_break:
        focus = " **¶** "
        before, after = before.rstrip(), after.lstrip()
    else:
        focus = markdown_text(ex.focus, strip=False)
        # Bold only picks something out when there is sentence around it.
        if focus.strip() and (ex.before.strip() or ex.after.strip()):
            focus = _bold(focus)
    # No quotation marks of our own: the block quote says "quoted", and the article's own
    # marks would double up with ours.
    return f"{before}{focus}{after}"


def _bold(text: str) -> str:
    # "**" only opens/closes next to non-space characters; keep spaces outside the markers.
    stripped = text.strip()
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{lead}**{stripped}**{trail}"


def _slice(text: str, start: int, end: int) -> str:
    start = max(0, min(start, len(text)))
    return text[start : max(start, min(end, len(text)))]


def _code(text: str) -> str:
    """Text for inside a single-backtick code span: one line, no backticks.

    Backslash escapes do not work inside code spans, so the backtick is replaced instead.
    """
    return one_line(text).replace("`", "'")
