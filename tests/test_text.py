"""Pure helpers on the view: paragraphs, sentence ends, headlines, title abbreviations."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from auditor.text import (
    ends_sentence,
    ends_with_run_on_word,
    ends_with_title_abbreviation,
    first_word,
    is_title_case,
    looks_like_headline,
    paragraph_spans,
    starts_list_item,
    starts_lowercase,
    strip_closers,
    title_abbreviations,
)


def test_paragraph_spans_split_on_every_newline_and_trim() -> None:
    view = "Harbour reopens\n\n  The ferry ran again on Monday.  \nCrews cheered.\n \n"
    spans = paragraph_spans(view)
    assert [view[s:e] for s, e in spans] == [
        "Harbour reopens",
        "The ferry ran again on Monday.",
        "Crews cheered.",
    ]


def test_paragraph_spans_of_blank_view_is_empty() -> None:
    assert paragraph_spans("") == []
    assert paragraph_spans(" \n\t\n   ") == []


def test_paragraph_spans_treat_carriage_return_as_whitespace_not_a_break() -> None:
    # The view never keeps "\r", but a raw one must not start a paragraph.
    assert paragraph_spans("One.\r Two.") == [(0, 10)]


@given(st.text(alphabet=st.sampled_from("ab .\n\t\r\u00a0\u2028x\u201c")))
def test_paragraph_spans_are_ordered_trimmed_and_newline_free(view: str) -> None:
    spans = paragraph_spans(view)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(view)
        text = view[start:end]
        assert "\n" not in text
        assert text == text.strip()
        previous_end = end
    # Nothing but whitespace lies outside the spans.
    outside = list(view)
    for start, end in spans:
        outside[start:end] = [" "] * (end - start)
    assert "".join(outside).strip() == ""


def test_sentence_ends_with_and_without_closing_marks() -> None:
    assert ends_sentence("The bridge held.")
    assert ends_sentence("\u201cWe are ready.\u201d")
    assert ends_sentence("Did it work?')")
    assert not ends_sentence("he said,\u201d")
    assert not ends_sentence("according to the")
    assert not ends_sentence("")
    assert strip_closers("ready.\u201d ") == "ready."


def test_title_abbreviations_come_from_the_lexicon() -> None:
    words = title_abbreviations()
    assert {"Dr.", "Mr.", "Mrs.", "Ms.", "Prof.", "Gen.", "Sen.", "Gov.", "Lt.", "St."} <= words
    assert all(not w.startswith("#") for w in words)
    assert ends_with_title_abbreviation("a statement from Sen.")
    assert not ends_with_title_abbreviation("a statement from the senator.")
    assert not ends_with_title_abbreviation("")


def test_headlines_are_short_capitalised_and_unpunctuated() -> None:
    assert looks_like_headline("Harbour Reopens After Storm")
    assert looks_like_headline("Is the Harbour Safe Again?")
    assert looks_like_headline("Poll: Ferry Riders Return in Numbers.")  # strict title case
    assert not looks_like_headline("The ferry ran again on Monday.")
    assert not looks_like_headline("continued from the previous page")
    assert not looks_like_headline(" ".join(["Word"] * 25))
    assert is_title_case("Battle for the Old Harbour")
    assert is_title_case("STORM WARNING")
    assert not is_title_case("Crews worked through the night")


def test_small_predicates() -> None:
    assert starts_lowercase("and then")
    assert not starts_lowercase("And then")
    assert not starts_lowercase("")
    assert starts_list_item("- bread")
    assert starts_list_item("12) milk")
    assert not starts_list_item("-5 degrees")
    assert ends_with_run_on_word("talks with the")
    assert not ends_with_run_on_word("talks with The")
    assert first_word("  two words") == "two"
    assert first_word("") == ""
