"""A self-contained HTML report: the Markdown report plus the article with sources marked.

The page needs no network and no JavaScript: inline CSS, a Content-Security-Policy that
forbids scripts and fetches, tooltips through ``title`` attributes, and finding badges that
open on hover, keyboard focus or click (CSS ``:target``). The Markdown part is rendered with
markdown-it-py with raw HTML disabled, and every piece of article text is HTML-escaped, so a
quote containing ``<script>`` shows as text.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from auditor.model import SUMMARY_COUNT_KEYS, AuditResult
from auditor.report import common
from auditor.report import markdown_format as markdown_report
from auditor.report.escape import html_text as esc
from auditor.report.marked_article import article_html
from auditor.report.rulemeta import anchor, explanation_markdown, rule_info, rule_url

#: Scripts, frames, fonts, images from the network: none. Only the inline stylesheet.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'"

_CSS = """
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0;
  --gA: #c7f0d2; --gB: #cfe6fb; --gC: #fff1b8; --gD: #ffd8b5; --gF: #ffc9c9;
  --error: #cf222e; --warning: #bc4c00; --suggestion: #0969da; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--ink); background: #fff; }
main { max-width: 64rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .5rem; }
h2 { font-size: 1.25rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem;
  margin-top: 2rem; }
h3 { font-size: 1.05rem; }
a { color: #0969da; }
code { font: .9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  background: #f6f8fa; padding: .1em .3em; border-radius: 4px; overflow-wrap: anywhere; }
blockquote { margin: .4rem 0; padding: .1rem .8rem; border-left: 4px solid var(--line);
  color: #3b434b; }
table { border-collapse: collapse; margin: .5rem 0; font-size: .92rem; display: block;
  overflow-x: auto; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; vertical-align: top;
  text-align: left; }
th { background: #f6f8fa; }
li { margin: .3rem 0; }
hr.doc { margin: 3rem 0; border: 0; border-top: 3px double var(--line); }
.mix { margin: .8rem 0 1rem; }
.mix .bar { display: flex; height: 1.4rem; border-radius: 4px; overflow: hidden;
  border: 1px solid var(--line); }
.mix .bar span { display: block; height: 100%; }
.mix figcaption { font-size: .9rem; color: var(--muted); margin-top: .3rem; }
.key { display: inline-block; margin-right: .9rem; white-space: nowrap; }
.sw { display: inline-block; width: .9em; height: .9em; border-radius: 2px;
  vertical-align: -.1em; margin-right: .25em; border: 1px solid rgba(0,0,0,.15); }
.st-named_person { background: #2da44e; } .st-named_organization { background: #1a7f8e; }
.st-media { background: #3b82f6; } .st-document { background: #8250df; }
.st-anonymous { background: #e16f24; } .st-vague { background: #cf222e; }
.st-unknown { background: #8c959f; } .st-other { background: #57606a; }
.st-unattributed { background: #82071e; } .st-unverified { background: #b35900; }
section.article h2 { margin-bottom: .4rem; }
.legend { font-size: .9rem; color: var(--muted); background: #f6f8fa;
  border: 1px solid var(--line); border-radius: 6px; padding: .5rem .7rem; }
.legend .item { display: inline-block; margin: .1rem .8rem .1rem 0; white-space: nowrap; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 1.02rem; line-height: 1.75;
  border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.2rem; margin-top: .8rem;
  font-family: Georgia, "Times New Roman", serif; }
.m { border-radius: 2px; }
.g-A { background: var(--gA); } .g-B { background: var(--gB); } .g-C { background: var(--gC); }
.g-D { background: var(--gD); } .g-F { background: var(--gF); }
.src { border-bottom: 2px solid #24292f; }
.cue { font-weight: 700; }
.claim { background: repeating-linear-gradient(135deg, var(--gF) 0 5px, #ffe8e8 5px 10px); }
.fx { text-decoration: underline wavy; text-decoration-skip-ink: none;
  text-underline-offset: .25em; }
.fx.sev-error { text-decoration-color: var(--error); }
.fx.sev-warning { text-decoration-color: var(--warning); }
.fx.sev-suggestion { text-decoration-color: var(--suggestion); }
.m:hover { outline: 2px solid #24292f; }
.flag { position: relative; white-space: normal; font: 700 .68rem/1 system-ui, sans-serif; }
.flag > a { display: inline-block; color: #fff; text-decoration: none; border-radius: 3px;
  padding: .12rem .25rem; margin: 0 .12rem; vertical-align: .15rem; }
.sev-error > a, .badge.sev-error { background: var(--error); }
.sev-warning > a, .badge.sev-warning { background: var(--warning); }
.sev-suggestion > a, .badge.sev-suggestion { background: var(--suggestion); }
.badge { color: #fff; border-radius: 3px; padding: .05rem .25rem; font-size: .75rem;
  font-weight: 700; }
.flag .pop { display: none; position: absolute; z-index: 2; left: 0; top: 1.2rem;
  width: 22rem; max-width: 80vw; background: #fff; color: var(--ink);
  border: 1px solid var(--line); border-radius: 6px; box-shadow: 0 4px 14px rgba(0,0,0,.15);
  padding: .5rem .7rem; font: 400 .85rem/1.4 system-ui, sans-serif; }
/* Details without JavaScript: on hover, on keyboard focus, or after a click (:target). */
.flag:hover .pop, .flag:focus-within .pop, .flag:target .pop { display: block; }
.empty { color: var(--muted); font-style: italic; }
/* The rules of this report, explained in-page (finding links land here). */
section.rules .rule { border-top: 1px solid var(--line); padding-top: .3rem; }
section.rules .rule:target { background: #f6f8fa; outline: 2px solid var(--suggestion); }
section.rules h4 { margin: .8rem 0 .2rem; font-size: .95rem; }
"""


def render(result: AuditResult, rules_url: str | None = markdown_report.DEFAULT_RULES_URL) -> str:
    """A complete HTML page reporting one audit result.

    Rule ids link to the rule's explanation in the page itself (see :func:`_rules_section`);
    ``rules_url`` (the ``rule-docs-url`` setting), when given, adds a link to the full
    documentation beside each explanation.
    """
    title = f"Source audit: {common.title_of(result)}"
    return _page(title, [_document(result, "", rules_url)])


def render_many(
    results: list[AuditResult], rules_url: str | None = markdown_report.DEFAULT_RULES_URL
) -> str:
    """One HTML page with the reports of several documents one after the other."""
    if len(results) == 1:
        return render(results[0], rules_url)
    title = f"Source audit: {common.plural(len(results), 'article')}"
    bodies = [_document(r, f"d{i}-", rules_url) for i, r in enumerate(results, 1)]
    return _page(title, bodies)


def _page(title: str, bodies: list[str]) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{esc(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n<main>\n"
        + '\n<hr class="doc">\n'.join(bodies)
        + "</main>\n</body>\n</html>\n"
    )


def _document(result: AuditResult, prefix: str, rules_url: str | None) -> str:
    # Rule ids link in-page, so the links work wherever the page is opened.
    report = _markdown_html(result, f"#{prefix}{_RULE_ID_PREFIX}{{id}}")
    parts = [f'<article class="document" id="{prefix}report">\n', report]
    if not common.is_empty(result):
        parts.append(article_html(result, prefix))
    parts.append(_rules_section(result, prefix, rules_url))
    parts.append("</article>\n")
    return "".join(parts)


# -- the rules used, explained --------------------------------------------------------------

#: Element ids of rule explanations: ``rule-anon001`` (after the document's prefix).
_RULE_ID_PREFIX = "rule-"
#: A URL's scheme; only http(s) or none (a relative link) is written into the page.
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


def _linkable(url: str) -> bool:
    scheme = _SCHEME.match(url)
    return scheme is None or scheme.group(1).lower() in ("http", "https")


def _rules_section(result: AuditResult, prefix: str, rules_url: str | None) -> str:
    """One explanation per rule the findings use, from the rule pack's own documentation."""
    ids = list(dict.fromkeys(f.rule for f in result.findings))
    if not ids:
        return ""
    md = MarkdownIt("js-default", {"html": False, "linkify": False, "typographer": False})
    parts = [f'<section class="rules" id="{prefix}rules">\n<h2>Rules in this report</h2>\n']
    for rule_id in ids:
        finding = next(f for f in result.findings if f.rule == rule_id)
        name = finding.name or rule_info(rule_id).name
        element_id = f"{prefix}{_RULE_ID_PREFIX}{anchor(rule_id)}"
        parts.append(f'<section class="rule" id="{esc(element_id)}">\n')
        parts.append(f"<h3><code>{esc(rule_id)}</code> {esc(name)}</h3>\n")
        explanation = explanation_markdown(rule_id)
        if explanation is None:  # a house rule: what the finding itself carries
            fix = finding.fix or rule_info(rule_id).fix
            explanation = f"#### Instead\n\n{fix}\n" if fix else "No explanation available.\n"
        parts.append(md.render(explanation))
        url = rule_url(rule_id, rules_url)
        if url and _linkable(url):
            parts.append(f'<p><a href="{esc(url)}">Full documentation of {esc(rule_id)}</a></p>\n')
        parts.append("</section>\n")
    parts.append("</section>\n")
    return "".join(parts)


# -- the Markdown report, rendered safely ---------------------------------------------------


def _markdown_html(result: AuditResult, rules_url: str | None) -> str:
    md = MarkdownIt("js-default", {"html": False, "linkify": False, "typographer": False})
    default_fence = md.renderer.rules["fence"]

    def fence(self, tokens, idx, options, env):  # markdown-it renderer rule signature
        if tokens[idx].info.strip() == markdown_report.CHART_FENCE:
            # Mermaid needs JavaScript; the page draws the same numbers in CSS instead.
            return _mix_chart(result)
        return default_fence(tokens, idx, options, env)

    md.add_render_rule("fence", fence)
    return md.render(markdown_report.render(result, rules_url))


def _mix_chart(result: AuditResult) -> str:
    mix = common.source_mix(result)
    total = sum(n for _, n in mix)
    if not total:
        return ""
    bars, keys = [], []
    for kind, n in mix:
        cls = f"st-{kind}" if kind in _SOURCE_COLOURS else "st-other"
        share = 100 * n / total
        tip = esc(f"{common.label(kind)}: {n} ({common.percent(n, total)})")
        bars.append(f'<span class="{cls}" style="width:{share:.3f}%" title="{tip}"></span>')
        keys.append(
            f'<span class="key"><span class="sw {cls}"></span>{esc(common.label(kind))} {n}</span>'
        )
    return (
        '<figure class="mix" aria-label="Source mix">'
        f'<div class="bar">{"".join(bars)}</div>'
        f"<figcaption>{''.join(keys)}</figcaption></figure>\n"
    )


_SOURCE_COLOURS = set(SUMMARY_COUNT_KEYS)


# -- for pages that show a report inside themselves (auditor serve's review page) ------------

#: The report's stylesheet.
STYLESHEET = _CSS
