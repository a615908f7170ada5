"""Long documents in pieces (auditor.pieces), and HTML pages reduced to their article."""

from __future__ import annotations

from itertools import pairwise

import pytest

from auditor.batch.article_extraction import ExtractorError, extractor_identity, refine_html
from auditor.ingest import article_from_text
from auditor.pieces import audit_in_pieces, piece_bounds


def test_piece_bounds_cut_at_paragraphs_and_cover_everything():
    view = "\n".join(f"Paragraph {i} " + "word " * 8 for i in range(20))
    bounds = piece_bounds(view, 120)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(view)
    assert all(a[1] == b[0] for a, b in pairwise(bounds))
    assert all(end - start <= 120 for start, end in bounds)
    assert all(view[end - 1] == "\n" for _, end in bounds[:-1])


def test_piece_bounds_without_breaks():
    assert piece_bounds("x" * 25, 10) == [(0, 10), (10, 20), (20, 25)]
    assert piece_bounds("aaaa bbbb cccc", 10) == [(0, 10), (10, 14)]
    assert piece_bounds("short", 10) == [(0, 5)]
    with pytest.raises(ValueError):
        piece_bounds("x", 0)


def test_pieces_find_what_the_whole_finds_in_self_contained_paragraphs(auditor):
    paragraphs = [
        f'"The bridge in ward {i} is safe," said city engineer Marta Lind.' for i in range(8)
    ]
    article = article_from_text("\n\n".join(paragraphs))
    whole = auditor.audit(article).to_dict()
    pieces = audit_in_pieces(auditor, article, 150).to_dict()
    assert len(piece_bounds(article.view, 150)) > 3

    def spans(result):
        return [
            (a["kind"], a["content"]["start"], a["content"]["end"], a["source"]["text"])
            for a in result["attributions"]
        ]

    assert spans(pieces) == spans(whole)
    assert [a["id"] for a in pieces["attributions"]] == [
        f"a{i}" for i in range(1, len(pieces["attributions"]) + 1)
    ]
    for a in pieces["attributions"]:
        assert article.source[a["content"]["start"] : a["content"]["end"]] == a["content"]["text"]



def test_the_auditor_takes_the_piece_path_for_long_articles(nlp):
    """One piece path: Auditor.audit and audit_many cut what is longer than piece_chars."""
    from auditor.audit import Auditor

    paragraphs = [f'"Ward {i} is safe," said city engineer Marta Lind.' for i in range(8)]
    long = article_from_text("\n\n".join(paragraphs))
    short = article_from_text(paragraphs[0])
    small = Auditor(nlp=nlp, piece_chars=150)
    assert small.is_long(long) and not small.is_long(short)
    expected = audit_in_pieces(small, long, 150).to_dict()
    assert small.audit(long).to_dict() == expected
    many = [r.to_dict() for r in small.audit_many([short, long, short])]
    assert many[1] == expected
    assert many[0] == many[2] == small.audit(short).to_dict()
    # The piece size never exceeds what spaCy accepts in one text (its E088).
    assert Auditor(nlp=nlp, piece_chars=10 * nlp.max_length).piece_chars == nlp.max_length

PAGE = """<html><head><title>Dam Repairs | Lake Herald</title>
<meta property="og:site_name" content="Lake Herald">
<meta property="article:published_time" content="2023-11-20"></head><body>
<div class="newsletter"><p>Subscribe today and read every story from the lakes.</p></div>
<article><h1>Dam Repairs Begin</h1>
<p>Work crews began repairing the old dam on Monday, the water board said in a statement.</p>
<p>&ldquo;The spillway will be closed for a month,&rdquo; said engineer Tomas Eklund.</p>
</article></body></html>"""


def test_html_keeps_the_article_and_its_offsets():
    article = article_from_text(PAGE, format="html")
    refined, meta = refine_html(article, "trafilatura")
    assert meta["outlet"] == "Lake Herald" and meta["published"] == "2023-11-20"
    assert len(refined.view) == len(refined.source) == len(PAGE)
    assert "Subscribe" in article.view and "Subscribe" not in refined.view
    assert "Tomas Eklund" in refined.view and "water board" in refined.view
    # Every character kept is the article's, at its own offset.
    kept = [i for i, c in enumerate(refined.view) if not c.isspace()]
    assert all(refined.view[i] == article.view[i] for i in kept)
    assert refine_html(article, "builtin") == (article, {})


def test_html_extractor_identity():
    assert extractor_identity("builtin") == "builtin"
    assert extractor_identity("auto").startswith("trafilatura-")
    with pytest.raises(ExtractorError):
        extractor_identity("magic")


def test_html_with_an_extractor_returning_a_dict(monkeypatch):
    """trafilatura 1.x returns a dict where 2.x returns a Document."""
    from auditor.batch import article_extraction

    class OldExtractor:
        @staticmethod
        def bare_extraction(source, **options):
            return {
                "title": "Dam Repairs Begin",
                "date": "2023-11-20",
                "sitename": None,
                "text": "Work crews began repairing the old dam on Monday, the water board "
                "said in a statement.",
            }

    monkeypatch.setattr(article_extraction, "_trafilatura", lambda: OldExtractor)
    article = article_from_text(PAGE, format="html")
    refined, meta = refine_html(article)
    assert meta == {"title": "Dam Repairs Begin", "published": "2023-11-20"}
    assert "water board" in refined.view and "Tomas Eklund" not in refined.view
