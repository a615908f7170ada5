"""The HTML report: self-contained, inert, and its marks sit where the offsets say.

The checks parse the page with the standard library's HTML parser, so they see the element
tree a browser builds; ``tests/test_browser.py`` repeats the key ones in real Chromium.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest
from test_report_fixtures import article_result, empty_result, hostile_result

from auditor.model import AuditResult
from auditor.report import render, render_many, rulemeta

VOID = {"meta", "br", "img", "input", "link", "hr", "source", "wbr", "area", "base", "col"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list = field(default_factory=list)  # Node | str
    parent: Node | None = None

    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def walk(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.walk()

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Node]:
        return [
            n
            for n in self.walk()
            if (tag is None or n.tag == tag) and (cls is None or cls in n.classes())
        ]

    def text(self, skip_class: str | None = None) -> str:
        out = []
        for child in self.children:
            if isinstance(child, str):
                out.append(child)
            elif skip_class is None or skip_class not in child.classes():
                out.append(child.text(skip_class))
        return "".join(out)


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs}, parent=self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        assert node is not self.root, f"stray </{tag}>"
        self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(html: str) -> Node:
    """The element tree of ``html``."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    assert builder.current is builder.root, "unclosed elements"
    return builder.root


def article_walk(text_div: Node):
    """Yield (offset, node) for every element in the article text, offsets in the article."""
    offset = 0

    def visit(node: Node):
        nonlocal offset
        for child in node.children:
            if isinstance(child, str):
                offset += len(child)
            elif "flag" in child.classes():
                yield offset, child  # badges are not article text
            else:
                yield offset, child
                yield from visit(child)

    yield from visit(text_div)


def check_article_marks(result: AuditResult, page: Node, prefix: str = "") -> None:
    """Assert that the marked-up article is the article, and every mark is where it belongs."""
    text_div = next(n for n in page.find_all("div", "text") if n.attrs.get("id") == f"{prefix}text")
    assert text_div.text(skip_class="flag") == result.text
    covered: dict[str, set[int]] = {}
    flags_at: dict[str, int] = {}
    for offset, node in article_walk(text_div):
        if "flag" in node.classes():
            flags_at[node.attrs["id"]] = offset
            continue
        if "data-s" not in node.attrs:
            continue
        s, e = int(node.attrs["data-s"]), int(node.attrs["data-e"])
        assert s == offset, "a mark's data-s is not where it sits in the text"
        assert node.text() == result.text[s:e]
        for attribution_id in node.attrs.get("data-attr", "").split():
            covered.setdefault(attribution_id, set()).update(range(s, e))
    for a in result.attributions:
        # The content's parts are marked (the frame between them only as cue and source).
        wanted = {i for part in a.passages for i in range(part.start, part.end)}
        assert wanted <= covered.get(a.id, set()), f"{a.id} content not marked"
    ordered = sorted(result.findings, key=lambda f: (f.start, f.end, f.severity, f.rule))
    assert len(flags_at) == len(result.findings)
    starts = sorted(flags_at.values())
    assert starts == sorted(f.start for f in ordered)


@pytest.fixture(autouse=True)
def no_rule_pack(monkeypatch):
    monkeypatch.setattr(rulemeta, "rule_pack", lambda: {})


# -- safety -----------------------------------------------------------------------------


@pytest.mark.parametrize("make", [article_result, hostile_result, empty_result])
def test_page_is_inert_and_self_contained(make):
    html = render(make(), "html")
    page = parse(html)
    for tag in ("script", "img", "iframe", "object", "embed", "link", "base", "form", "svg"):
        assert not page.find_all(tag), tag
    for node in page.walk():
        assert "src" not in node.attrs
        assert not any(name.startswith("on") for name in node.attrs)
        href = node.attrs.get("href")
        if href is not None:
            # In-page links; the rules' explanations also cite their standards (https).
            assert href.startswith("#") or href.startswith("https://"), href
    assert len(page.find_all("style")) == 1
    assert "@import" not in html and "url(" not in html
    csp = [
        m for m in page.find_all("meta") if m.attrs.get("http-equiv") == "Content-Security-Policy"
    ]
    assert csp and "default-src 'none'" in csp[0].attrs["content"]
    assert not re.search(r"https?://", html.split("</style>")[0])


def test_hostile_text_shows_literally():
    result = hostile_result()
    html = render(result, "html")
    page = parse(html)
    assert page.find_all("title")[0].text() == "Source audit: Markup <i>Test</i> | `x`"
    body = page.find_all("main")[0].text()
    assert "Use <script>document.title='pwned'</script> and | pipes | here" in body
    assert "<img src=x onerror=alert(1)>" in body
    # Tags written inside the article's text never become elements.
    assert not [n for n in page.find_all("b") if n.text() == "bold"]
    assert not [n for n in page.find_all("i") if n.text() == "Test"]
    assert "a | pipe <b>bold</b> second line" in body
    check_article_marks(result, page)


def test_markdown_part_is_rendered_with_tables_and_a_css_chart_instead_of_mermaid():
    page = parse(render(article_result(), "html"))
    assert (
        page.find_all("h1")[0].text() == "Source audit: Harbour Bridge Repairs Will Take Two Years"
    )
    assert len(page.find_all("table")) == 3  # source mix, attributions, claims
    assert not [c for c in page.find_all("code") if "mermaid" in c.attrs.get("class", "")]
    bar = page.find_all("figure", "mix")[0]
    widths = [
        float(re.search(r"width:([\d.]+)%", s.attrs["style"]).group(1))
        for s in bar.find_all("span")
        if "style" in s.attrs
    ]
    assert sum(widths) == pytest.approx(100)
    links = [a.attrs["href"] for a in page.find_all("a")]
    assert "#rule-anon001" in links  # the rule's explanation, in the page itself
    assert page.find_all("section", "rule")[0].attrs["id"] == "rule-anon001"


# -- the marked-up article ----------------------------------------------------------------


def test_article_marks_match_offsets():
    result = article_result()
    page = parse(render(result, "html"))
    check_article_marks(result, page)


def test_attributions_are_coloured_by_grade_and_findings_by_severity():
    result = article_result()
    page = parse(render(result, "html"))
    marks = [n for n in page.find_all("span", "m")]
    by_text = {n.text(): n.classes() for n in marks}
    assert "g-A" in by_text["repairs would cost 40 million"]
    assert "g-D" in by_text["the budget was already spent"]
    assert {"src", "fx", "sev-error"} <= by_text["A council official"]
    assert "cue" in by_text["estimated"]
    assert "claim" in by_text["Traffic fell 12% last year."]
    tips = [n.attrs["title"] for n in marks if n.text() == "the budget was already spent"]
    assert tips == ["a3: a council official (anonymous, grade D, indirect)"]


def test_finding_badges_carry_rule_message_and_fix():
    page = parse(render(article_result(), "html"))
    flags = page.find_all("span", "flag")
    assert [f.attrs["id"] for f in flags] == ["f1", "f2", "f3", "f4"]
    first = flags[0]  # reading order: the VERB002 suggestion comes first
    assert "sev-suggestion" in first.classes()
    anon = next(f for f in flags if "ANON001" in f.text())
    assert "sev-error" in anon.classes()
    pop = anon.find_all("span", "pop")[0].text()
    assert "ANON001 anonymous-no-reason · error · line 5:1" in pop
    assert "Fix: Say why the source was granted anonymity." in pop
    assert anon.find_all("a")[0].attrs["href"] == "#" + anon.attrs["id"]


def test_overlapping_and_out_of_range_marks_do_not_break_the_text():
    result = article_result()
    result.findings[1].start = 0
    result.findings[1].end = len(result.text) + 40  # runs past the end
    result.attributions[3].content = result.attributions[2].content  # two on one span
    page = parse(render(result, "html"))
    text_div = page.find_all("div", "text")[0]
    assert text_div.text(skip_class="flag") == result.text


def test_empty_article_page_says_so():
    page = parse(render(empty_result(), "html"))
    assert "The article is empty" in page.text()
    assert not page.find_all("div", "text")


def test_many_documents_share_one_page_with_unique_ids():
    results = [article_result(), hostile_result()]
    html = render_many(results, "html")
    page = parse(html)
    ids = [n.attrs["id"] for n in page.walk() if "id" in n.attrs]
    assert len(ids) == len(set(ids))
    assert len(page.find_all("article", "document")) == 2
    check_article_marks(results[0], page, "d1-")
    check_article_marks(results[1], page, "d2-")
    assert page.find_all("title")[0].text() == "Source audit: 2 articles"


def test_identical_findings_get_distinct_badges():
    result = article_result()
    result.findings.append(copy.deepcopy(result.findings[0]))
    page = parse(render(result, "html"))
    ids = [f.attrs["id"] for f in page.find_all("span", "flag")]
    assert ids == ["f1", "f2", "f3", "f4", "f5"]
    check_article_marks(result, page)
