"""The corpus report of a batch as one self-contained HTML page.

The page is the Markdown report rendered by markdown-it-py, with each Mermaid chart drawn
as CSS bars instead (no JavaScript, no requests; a Content-Security-Policy forbids both).

    >>> page = render_html(build_index(Path("out")))          # doctest: +SKIP
"""

from __future__ import annotations

import re

from auditor.batch.corpus_counts import MIX_LABELS, UNKNOWN, CorpusIndex
from auditor.batch.corpus_markdown import CHART_FENCE, render_markdown
from auditor.model import GRADES
from auditor.report.escape import html_text

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
