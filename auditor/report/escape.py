"""Escaping of article text for each output language.

Article text is untrusted: a quote may contain ``|``, backticks, ``<script>`` or line
breaks. Every renderer passes such text through one of these functions before it reaches
the report, so a quote can never break a table, open a code span or inject markup.
"""

from __future__ import annotations

import html
import re

# Line and paragraph separators Python's str.splitlines() honours; inside a Markdown table
# cell or a one-line annotation any of them would end the row.
_LINE_BREAKS = re.compile(r"\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
# Other C0/C1 control characters have no business in a report and some terminals act on them.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")
# Characters with inline meaning in CommonMark/GFM wherever they appear.
_MD_INLINE = re.compile(r"([\\`*_\[\]|~])")
# Block markers that only matter at the start of a line (the text is one line by then).
_MD_LINE_START = re.compile(r"^([#>+=\-]|\d+[.)])")
# "&name;" / "&#123;" would be decoded as an entity; a bare "&" is harmless and stays readable.
_ENTITY_LIKE = re.compile(r"&(?=#?[0-9A-Za-z]+;)")


def one_line(text: str) -> str:
    """``text`` with every line break turned into a space and control characters dropped."""
    text = _LINE_BREAKS.sub(" ", text)
    text = _CONTROLS.sub("", text)
    return text


def markdown_text(text: str, strip: bool = True) -> str:
    """Escape ``text`` for a single line of Markdown (a paragraph, list item or table cell).

    Line breaks and tabs become spaces and outer whitespace is dropped; Markdown punctuation
    is backslash-escaped; ``<``, ``>`` and entity-like ``&`` become HTML entities, which
    every renderer shows literally whether or not it passes raw HTML through. With
    ``strip=False`` outer spaces are kept (for pieces joined into one line by the caller).
    """
    # Tabs and leading spaces could start an indented code block, trailing spaces a hard
    # break: neither means anything in a one-line excerpt.
    text = one_line(text).replace("\t", " ")
    if strip:
        text = text.strip()
    text = _ENTITY_LIKE.sub("&amp;", text)
    text = _MD_INLINE.sub(r"\\\1", text)
    text = text.replace("<", "&lt;").replace(">", "&gt;")
    return _MD_LINE_START.sub(_escape_line_start, text)


def _escape_line_start(match: re.Match[str]) -> str:
    marker = match.group(1)
    # "12." -> "12\." ; "#" -> "\#": a backslash before the punctuation disarms it.
    return marker[:-1] + "\\" + marker[-1]


def markdown_link_url(url: str) -> str:
    """A URL safe to put inside ``(...)`` of a Markdown link: no spaces, parens or ``<>``."""
    return (
        one_line(url)
        .replace(" ", "%20")
        .replace("(", "%28")
        .replace(")", "%29")
        .replace("<", "%3C")
        .replace(">", "%3E")
    )


def html_text(text: str) -> str:
    """Escape ``text`` for HTML element content or a quoted attribute value."""
    return html.escape(_CONTROLS.sub("", text), quote=True)


def mermaid_label(text: str) -> str:
    """A label safe inside a Mermaid pie's double-quoted slice name."""
    kept = re.sub(r"[^0-9A-Za-z _\-/().,]", "", one_line(text))
    return " ".join(kept.split())


__all__ = ["html_text", "markdown_link_url", "markdown_text", "mermaid_label", "one_line"]
