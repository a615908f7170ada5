"""Escaping of article text: a quote can never break a table, open code or inject markup."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from auditor.report.escape import (
    html_text,
    markdown_link_url,
    markdown_text,
    mermaid_label,
    one_line,
)

MD = MarkdownIt("js-default")

# Characters with a meaning somewhere in CommonMark/GFM, mixed with ordinary text.
MARKUP = list("\\`*_[]()<>|~#!&;:+-=.0123456789 \t\n\r\"'") + [
    "<script>",
    "</script>",
    "<img src=x onerror=alert(1)>",
    "&amp;",
    "&#60;",
    "http://x.test",
    "```",
    "\u2028",
    "\x00",
    "a",
    "é",
]


def cell_texts(markdown: str) -> list[list[str]]:
    """The text of every body cell of the first table in ``markdown``, as rendered."""
    tokens = MD.parse(markdown)
    rows: list[list[str]] = []
    in_body = False
    for tok in tokens:
        if tok.type == "tbody_open":
            in_body = True
        elif tok.type == "tr_open" and in_body:
            rows.append([])
        elif tok.type == "inline" and in_body:
            rows[-1].append(inline_text(tok))
    return rows


def inline_text(inline) -> str:
    """What a reader sees of an inline token: text, code and line breaks, no markup."""
    out = []
    for child in inline.children or []:
        assert child.type not in {"html_inline", "image"}, child
        if child.type in {"text", "code_inline"}:
            out.append(child.content)
        elif child.type in {"softbreak", "hardbreak"}:
            out.append("\n")
        elif child.type == "link_open":
            raise AssertionError(f"escaped text produced a link: {child}")
    return "".join(out)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(MARKUP), st.text(max_size=3)), max_size=25))
def test_escaped_text_is_exactly_one_table_cell_showing_the_text(pieces):
    text = "".join(pieces)
    table = f"| a | b |\n|---|---|\n| {markdown_text(text)} | end |\n"
    rows = cell_texts(table)
    assert len(rows) == 1
    assert len(rows[0]) == 2
    assert rows[0][1] == "end"
    # markdown-it trims a cell and turns NUL into U+FFFD; otherwise the text shows as is.
    expected = one_line(text).replace("\t", " ").strip()
    assert rows[0][0] == expected.replace("\x00", "\ufffd")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(MARKUP), max_size=25))
def test_escaped_text_in_a_list_item_renders_no_html(pieces):
    text = "".join(pieces)
    html = MD.render(f"- {markdown_text(text)}\n")
    assert "<script" not in html
    assert "<img" not in html
    assert "<a " not in html
    assert "<code" not in html
    assert html.count("<li>") == 1


def test_pipes_backticks_and_tags_are_disarmed():
    out = markdown_text("a | b `c` <script>alert(1)</script>")
    assert "\\|" in out and "\\`" in out
    assert "<" not in out and ">" not in out
    assert "&lt;script&gt;" in out


def test_line_breaks_of_every_kind_become_spaces():
    assert one_line("a\nb\r\nc\rd\u2028e\u2029f\x85g\x0bh") == "a b c d e f g h"
    assert "\n" not in markdown_text("line one\nline two")


def test_line_start_markers_are_escaped():
    assert markdown_text("# not a heading").startswith("\\#")
    assert markdown_text("12. not a list").startswith("12\\.")
    assert markdown_text("> not a quote").startswith("&gt;")
    assert MD.render(markdown_text("- not a list")) == "<p>- not a list</p>\n"


def test_a_bare_ampersand_stays_readable_but_entities_are_not_decoded():
    assert markdown_text("AT&T") == "AT&T"
    assert markdown_text("&lt;") == "&amp;lt;"
    assert MD.render(markdown_text("&lt;b&gt;")) == "<p>&amp;lt;b&amp;gt;</p>\n"


def test_html_text_escapes_quotes_for_attributes():
    assert html_text('<a href="x">\'') == "&lt;a href=&quot;x&quot;&gt;&#x27;"


def test_link_urls_cannot_close_the_link():
    assert markdown_link_url("docs/rules.md#a b)(c") == "docs/rules.md#a%20b%29%28c"


def test_mermaid_labels_lose_quotes_and_breaks():
    assert mermaid_label('named "x"\n: 3') == "named x 3"
