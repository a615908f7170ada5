"""The review page's result: grade and why, the marked article, the findings beside it.

The article is the HTML report's own section (:func:`auditor.report.marked_article.article_html`),
so the page marks exactly what the report marks; this module adds the parts a page needs
around it. All article text is escaped (:func:`auditor.report.escape.html_text`); the result
is readable without JavaScript (findings link to their badges with plain anchors).
"""

from __future__ import annotations

import html as stdlib_html

from auditor.model import AuditResult, Finding
from auditor.report import common
from auditor.report.escape import html_text as esc
from auditor.report.marked_article import GRADE_MEANINGS, article_html
from auditor.report.rulemeta import rule_info

#: Report formats offered for download on the page, and their labels.
DOWNLOADS = (("markdown", "Markdown"), ("html", "HTML"), ("json", "JSON"))


def result_html(result: AuditResult, article_format: str, rules: dict, token: str = "") -> str:
    """The result section of the page for ``result``.

    ``rules`` maps rule ids to the server's rules (their standard and explanation);
    ``article_format`` and ``token`` go into the download forms, which audit the same text
    again to render it (the server keeps nothing between requests).
    """
    if common.is_empty(result):
        body = '<p class="empty">The article is empty: there is no text to audit.</p>'
        return f'<section id="result" class="result">{body}</section>\n'
    return (
        '<section id="result" class="result">\n'
        + _summary(result)
        + _downloads(result, article_format, token)
        + '<div class="columns">\n<div class="col-article">\n'
        + article_html(result)
        + "</div>\n"
        + _findings(result, rules)
        + "</div>\n</section>\n"
    )


def _summary(result: AuditResult) -> str:
    grade = result.summary.grade if result.summary.grade in GRADE_MEANINGS else "F"
    counts = common.severity_counts(result.findings)
    facts = ", ".join(
        [
            common.plural(len(result.attributions), "attribution"),
            common.plural(len(result.findings), "finding"),
            *(common.plural(n, sev) for sev, n in counts.items() if n),
        ]
    )
    why = "".join(f"<li>{esc(line)}</li>" for line in result.summary.why)
    return (
        '<div class="summary">\n'
        f'<div class="grade g-{grade}" aria-label="grade">{esc(result.summary.grade)}</div>\n'
        f'<div><p class="title">{esc(common.title_of(result))}</p>'
        f"<h2>Grade {esc(result.summary.grade)} · score {result.summary.score}/100</h2>"
        f'<p class="facts">{esc(facts)}</p>'
        f'<h3>Why this grade</h3><ul class="why">{why}</ul></div>\n'
        "</div>\n"
    )


def _downloads(result: AuditResult, article_format: str, token: str) -> str:
    """One small form per format: posting it downloads that report of the same text."""
    hidden = (
        _hidden("text", result.text)
        + _hidden("format", article_format)
        + _hidden("name", result.document.path or result.document.name)
        + (_hidden("token", token) if token else "")
    )
    buttons = "".join(
        f'<form method="post" action="/review/download?report={fmt}">{hidden}'
        f'<button type="submit" class="download" data-report="{fmt}">{label}</button></form>'
        for fmt, label in DOWNLOADS
    )
    return f'<div class="downloads"><span>Download the report:</span>{buttons}</div>\n'


def _hidden(name: str, value: str) -> str:
    # The stdlib escape keeps every character (the reports' one drops control characters),
    # so the download audits exactly the text that was audited here.
    return f'<input type="hidden" name="{name}" value="{stdlib_html.escape(value, quote=True)}">'


def _findings(result: AuditResult, rules: dict) -> str:
    findings = result.findings
    order = sorted(range(len(findings)), key=lambda i: common.finding_key(findings[i]))
    items = [_finding(findings[i], i, rank, rules) for rank, i in enumerate(order, 1)]
    listing = (
        f'<ol class="finding-list">{"".join(items)}</ol>'
        if items
        else '<p class="empty">No findings: nothing to fix.</p>'
    )
    return (
        '<aside class="findings" aria-label="Findings">\n'
        f"<h2>Findings ({len(findings)})</h2>\n{listing}\n</aside>\n"
    )


def _finding(f: Finding, index: int, rank: int, rules: dict) -> str:
    """One finding: its rule, message, fix, the standard behind it and the rule's why.

    ``rank`` is its number in reading order, the number of its badge in the article.
    """
    sev = f.severity if f.severity in common.SEVERITY_TITLES else "suggestion"
    rule = rules.get(f.rule)
    info = rule_info(f.rule)
    name = f.name or (rule.name if rule else info.name)
    fix = f.fix or (rule.fix if rule else info.fix)
    why = rule.why if rule else info.why
    standards = rule.authority if rule else info.authority
    parts = [
        f'<li class="finding severity-{sev}" id="lf{rank}" data-index="{index}">',
        f'<a class="goto" href="#f{rank}"><span class="badge sev-{sev}">{esc(sev.upper())}</span>'
        f" <b>{esc(f.rule)}</b> {esc(name)}</a>",
        f'<p class="where">line {f.line}:{f.column}</p>',
        f'<p class="message">{esc(f.message)}</p>',
    ]
    if fix:
        parts.append(f'<p class="fix"><b>Fix:</b> {esc(" ".join(fix.split()))}</p>')
    if standards:
        links = "; ".join(_standard(a) for a in standards)
        parts.append(f'<p class="standard"><b>Standard:</b> {links}</p>')
    if why:
        parts.append(
            f"<details><summary>Why this rule</summary><p>{esc(' '.join(why.split()))}</p>"
            "</details>"
        )
    parts.append("</li>")
    return "".join(parts)


def _standard(authority) -> str:
    if authority.url.startswith(("https://", "http://")):
        return (
            f'<a href="{esc(authority.url)}" rel="noopener noreferrer" target="_blank">'
            f"{esc(authority.name)}</a>"
        )
    return esc(authority.name)
