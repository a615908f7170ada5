"""Quotation pairing: ``auditor.nlp.quotes`` (find_quotes and the auditor_quotes component)."""

from __future__ import annotations

from bisect import bisect_right
from itertools import pairwise

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from auditor.model import Quote
from auditor.nlp.quote_marks import DOUBLE_MARKS, SINGLE_MARKS, TWO_CHAR_MARKS
from auditor.nlp.quotes import find_nested_quotes, find_quotes


def quoted(text: str) -> list[str]:
    """The text of every top-level quote, marks included."""
    return [text[q.start : q.end] for q in find_quotes(text)]


def only(text: str) -> Quote:
    quotes = find_quotes(text)
    assert len(quotes) == 1, quotes
    return quotes[0]


# --- 1. double quotes, guillemets, low-9 ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('The mayor said "the bridge will reopen" on Friday.', ['"the bridge will reopen"']),
        ("The mayor said “the bridge will reopen” on Friday.", ["“the bridge will reopen”"]),
        ('“Roads first," she said, "then schools.”', ['“Roads first,"', '"then schools.”']),
        ("Il a répondu « pas encore » au maire.", ["« pas encore »"]),
        ("Er sagte »nicht heute« und ging.", ["»nicht heute«"]),
        ("Sie rief „Wasser!“ und lief los.", ["„Wasser!“"]),
        ("Man sagte „nein” dazu.", ["„nein”"]),
        ("Han sa »kanske« i går.", ["»kanske«"]),
        ("彼は「はい」と言った。", ["「はい」"]),
    ],
)
def test_double_quotes_guillemets_and_low_nine(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_quote_fields_for_a_closed_quote() -> None:
    text = 'He said "wait here" twice.'
    assert only(text) == Quote(8, 19, '"', '"', closed=True, paragraphs=1, broken=False)


def test_straight_quote_after_a_digit_is_an_inch_mark_not_a_quote() -> None:
    assert find_quotes('The screen measures 14" across.') == []


# --- 2. single quotes versus apostrophes ----------------------------------------------------


def test_single_quoted_quotation_with_speaker_after() -> None:
    text = "'The harvest is lost,' said a farmer near the river."
    assert quoted(text) == ["'The harvest is lost,'"]


def test_curly_single_quotation() -> None:
    assert quoted("‘We will stay,’ the nurse said.") == ["‘We will stay,’"]


def test_mixed_curly_and_straight_single_quotes_pair() -> None:
    assert quoted("‘We will stay,' the nurse said.") == ["‘We will stay,'"]


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine's army held the line.",
        "Ukraine’s army held the line.",
        "The forces' withdrawal surprised the town.",
        "The forces’ withdrawal surprised the town.",
        "Music from the '90s filled the hall.",
        "Music from the ’90s filled the hall.",
        "Music from the ‘90s filled the hall.",
        "They played rock 'n' roll all night.",
        "They played rock ’n’ roll all night.",
        "We don't know and they won’t say.",
        "The bus leaves at six o'clock.",
        "’Tis the season, the shopkeeper joked.",
        "'Tis the season, the shopkeeper joked.",
        "Let 'em wait, the clerk said.",
        "The class of '05 met again.",
    ],
)
def test_apostrophes_are_not_quotes(text: str) -> None:
    assert find_quotes(text) == []


def test_apostrophes_inside_a_single_quoted_quote() -> None:
    text = "'Ukraine's army won't leave at four o'clock,' an officer said."
    assert quoted(text) == ["'Ukraine's army won't leave at four o'clock,'"]


def test_plural_possessive_closes_an_open_single_quote_when_nothing_else_can() -> None:
    text = "She called it 'a matter for the ministers' and left."
    assert quoted(text) == ["'a matter for the ministers'"]


def test_plural_possessive_inside_a_quote_that_closes_later() -> None:
    text = "'The soldiers' families are waiting,' the priest said."
    assert quoted(text) == ["'The soldiers' families are waiting,'"]


def test_quote_that_starts_with_an_elided_year() -> None:
    text = "'90s radio was better,' the DJ insisted."
    assert quoted(text) == ["'90s radio was better,'"]


def test_quote_that_starts_with_an_elided_year_absorbs_inner_quotes() -> None:
    text = "'80s \"new wave\" was loud,' he said."
    assert quoted(text) == ["'80s \"new wave\" was loud,'"]
    assert [text[q.start : q.end] for q in find_nested_quotes(text)] == ['"new wave"']


def test_single_and_double_quotes_in_one_sentence() -> None:
    text = "'It's over,' the coach said, adding that the fans' \"patience\" had run out."
    assert quoted(text) == ["'It's over,'", '"patience"']


def test_two_apostrophes_as_a_double_quotation_mark() -> None:
    text = "''It's 'fine,' not great,'' the clerk said. It was the students'' fault."
    quote = only(text)
    assert text[quote.start : quote.end] == "''It's 'fine,' not great,''"
    assert (quote.open_mark, quote.close_mark) == ("''", "''")
    assert text[quote.inner_start : quote.inner_end] == "It's 'fine,' not great,"
    assert [text[q.start : q.end] for q in find_nested_quotes(text)] == ["'fine,'"]


def test_a_nested_single_close_next_to_an_outer_single_close() -> None:
    text = "'He kept saying 'no'' was all she said."
    assert quoted(text) == ["'He kept saying 'no''"]


# --- 3. nesting -----------------------------------------------------------------------------


def test_single_quotes_nested_in_a_double_quote_are_part_of_it() -> None:
    text = "\"The driver told me 'no more trips' and drove off,\" she said."
    assert quoted(text) == ["\"The driver told me 'no more trips' and drove off,\""]
    nested = find_nested_quotes(text)
    assert [text[q.start : q.end] for q in nested] == ["'no more trips'"]


def test_double_quotes_nested_in_a_single_quote() -> None:
    text = "'He shouted \"stop\" twice,' the guard said."
    assert quoted(text) == ["'He shouted \"stop\" twice,'"]


def test_curly_nesting() -> None:
    text = "“The sign said ‘closed for repairs’ all week,” a resident said."
    assert quoted(text) == ["“The sign said ‘closed for repairs’ all week,”"]


def test_outer_close_ends_an_unclosed_inner_quote() -> None:
    text = '"They called it \'temporary and never fixed it," she said.'
    assert quoted(text) == ['"They called it \'temporary and never fixed it,"']
    assert find_nested_quotes(text) == []


# --- 4. multi-paragraph quotes --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"The first part was about water.\n"The second was about roads," he said.',
            '"The first part was about water.\n"The second was about roads,"',
        ),
        (
            "“The first part was about water.\n“The second was about roads,” he said.",
            "“The first part was about water.\n“The second was about roads,”",
        ),
        (
            "'The first part was about water.\n'The second was about roads,' he said.",
            "'The first part was about water.\n'The second was about roads,'",
        ),
        (
            "« La première partie.\n» La seconde, » dit-il.",
            "« La première partie.\n» La seconde, »",
        ),
        (
            '"The first part.\n\n\n"The second part," he said.',
            '"The first part.\n\n\n"The second part,"',
        ),
    ],
)
def test_quote_reopened_in_the_next_paragraph_is_one_quote(text: str, expected: str) -> None:
    quote = only(text)
    assert text[quote.start : quote.end] == expected
    assert quote.closed and quote.paragraphs == 2 and not quote.broken


def test_two_apostrophe_quote_reopened_in_the_next_paragraph() -> None:
    text = "''The first part.\n''The second,'' he said."
    quote = only(text)
    assert (quote.start, quote.end, quote.paragraphs) == (0, text.index(" he"), 2)


def test_curly_paragraph_inside_a_straight_block_is_not_a_continuation() -> None:
    # Straight marks open the block; a curly quote starting the next paragraph is a new
    # quote, so the block ends unclosed at its own paragraph.
    text = '"The crowd waited in the rain.\n“Here he comes,” she said.'
    first, second = find_quotes(text)
    assert (first.closed, first.end, first.paragraphs) == (False, text.index("\n"), 1)
    assert text[second.start : second.end] == "“Here he comes,”"


def test_quote_over_three_paragraphs() -> None:
    text = "“One.\n“Two.\n“Three,” she said."
    quote = only(text)
    assert quote.paragraphs == 3 and quote.closed and not quote.broken
    assert text[quote.end - 1] == "”"


# --- 5. quotes broken across a paragraph ----------------------------------------------------


def test_single_quote_broken_by_a_paragraph_break() -> None:
    text = (
        "'Rivers rise fast,' said Dr. Ines Valk. 'But the dams are old.\n"
        "The repairs cannot wait.' The council meets on Monday."
    )
    quotes = find_quotes(text)
    assert len(quotes) == 2
    broken = quotes[1]
    assert text[broken.start : broken.end] == ("'But the dams are old.\nThe repairs cannot wait.'")
    assert broken.closed and broken.broken and broken.paragraphs == 2


def test_double_quote_broken_by_a_paragraph_break_across_blank_lines() -> None:
    text = 'He said "the plan\n\nworks," and sat down.'
    quote = only(text)
    assert text[quote.start : quote.end] == '"the plan\n\nworks,"'
    assert quote.broken and quote.paragraphs == 2 and quote.close_mark == '"'


def test_apostrophe_in_the_next_paragraph_does_not_close_a_single_quote() -> None:
    text = "'We are leaving\nThe neighbours' dog stayed behind."
    quote = only(text)
    assert not quote.closed and quote.end == text.index("\n")


# --- 6. unclosed quotes and stray closes ----------------------------------------------------


def test_unclosed_quote_ends_at_the_end_of_its_paragraph() -> None:
    text = 'The minister said "we will see what happens.  \nThe vote is on Tuesday.'
    quote = only(text)
    assert quote == Quote(18, 44, '"', None, closed=False, paragraphs=1, broken=False)
    assert quote.inner_end == quote.end


def test_unclosed_quote_then_a_new_quote_in_the_next_paragraph() -> None:
    text = '"We will see.\nLater she said "maybe" again.'
    first, second = find_quotes(text)
    assert (first.end, first.closed, first.close_mark) == (13, False, None)
    assert text[second.start : second.end] == '"maybe"' and second.closed


def test_unclosed_quote_at_the_end_of_the_text() -> None:
    text = "The last word: “enough"
    assert only(text) == Quote(15, 22, "“", None, closed=False)


def test_unclosed_reopened_quote_ends_at_its_last_paragraph() -> None:
    text = '"One.\n"Two.\nThree.'
    quote = only(text)
    assert (quote.end, quote.paragraphs, quote.closed) == (11, 2, False)


def test_stray_closing_marks_are_ignored() -> None:
    text = 'Nothing opened here," he said.” Then “this” did.»'
    assert quoted(text) == ["“this”"]


def test_lone_mark_between_spaces_closes_an_open_quote() -> None:
    text = "\"They called it 'outreach,' \" he said."
    assert quoted(text) == ["\"They called it 'outreach,' \""]


def test_lone_marks_between_spaces_are_ignored() -> None:
    assert find_quotes('Rows 3 " 4 and 5 " 6 match.') == []


@pytest.mark.parametrize("text", ["", "\n", "\n\n\n", '"', "'", "“", "\n\"\n'\n", "«", "»"])
def test_degenerate_inputs_never_raise(text: str) -> None:
    for quote in find_quotes(text):
        assert 0 <= quote.start < quote.end <= len(text)


# --- 7. long inputs -------------------------------------------------------------------------


def test_one_megabyte_article_is_paired_completely() -> None:
    unit = (
        "'It's late,' the guard said. \"The soldiers' gate closes at nine,\" he added.\n"
        "“Come back in the ’90s,” she joked.\n\n"
    )
    text = unit * (1_000_000 // len(unit) + 1)
    quotes = find_quotes(text)
    assert len(quotes) == 3 * (text.count("\n\n"))
    assert all(q.closed and not q.broken for q in quotes)


@pytest.mark.parametrize("sep", [" ", "\n"])
def test_long_runs_of_marks_keep_the_invariants(sep: str) -> None:
    # ~20 kB of nothing but marks: deep nesting is capped, nothing raises or overlaps.
    check_invariants(("\"'“”‘’«»„‚ a's" + sep) * 1_500)


# --- 8. scare quotes and titles -------------------------------------------------------------


def test_scare_quotes_and_titles_are_quotes() -> None:
    text = "Troops hold a 'buffer zone' under the so-called \"peace plan\" and “Operation Dawn”."
    assert quoted(text) == ["'buffer zone'", '"peace plan"', "“Operation Dawn”"]


# --- spaCy component ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def blank_nlp() -> spacy.language.Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("auditor_quotes")
    return nlp


def test_component_sets_plain_dicts(blank_nlp: spacy.language.Language) -> None:
    text = "'A blow,' said an aide.\n\"We go on,\" the chief said."
    doc = blank_nlp(text)
    assert doc._.auditor_quotes == [q.to_dict() for q in find_quotes(text)]
    assert len(doc._.auditor_quotes) == 2
    for value in doc._.auditor_quotes:
        assert type(value) is dict
        assert all(v is None or type(v) in (int, str, bool) for v in value.values())
        assert Quote.from_dict(value).to_dict() == value


def test_component_values_survive_doc_serialization(blank_nlp: spacy.language.Language) -> None:
    doc = blank_nlp('He said “the water is back” and "left.')
    restored = Doc(blank_nlp.vocab).from_bytes(doc.to_bytes())
    assert restored._.auditor_quotes == doc._.auditor_quotes
    assert [q["closed"] for q in restored._.auditor_quotes] == [True, False]


def test_component_writes_a_configured_attribute() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("auditor_quotes", config={"attr": "test_quotes_elsewhere"})
    doc = nlp('A "short" test.')
    assert doc._.test_quotes_elsewhere == [find_quotes('A "short" test.')[0].to_dict()]


# --- properties -----------------------------------------------------------------------------

MARKS = DOUBLE_MARKS + SINGLE_MARKS
quote_soup = st.text(alphabet=st.sampled_from(list(MARKS + "\n\n  ..,,!?-—()aAs90")), max_size=300)


def check_invariants(text: str) -> None:
    quotes = find_quotes(text)
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text)
        assert text.startswith(q.open_mark, q.start)
        assert q.open_mark in MARKS or q.open_mark in TWO_CHAR_MARKS
        assert q.paragraphs >= 1
        assert q.inner_start <= q.inner_end
        if q.closed:
            assert q.close_mark is not None and text[: q.end].endswith(q.close_mark)
        else:
            assert q.close_mark is None and not q.broken
        assert q.paragraphs == text.count("\n", q.start, q.end) + 1 - _blank_lines(text, q)
    assert quotes == sorted(quotes, key=lambda q: q.start)
    assert all(a.end <= b.start for a, b in pairwise(quotes))
    starts = [q.start for q in quotes]
    for inner in find_nested_quotes(text):
        outer = quotes[bisect_right(starts, inner.start) - 1]
        assert outer.start < inner.start and inner.end <= outer.end


def _blank_lines(text: str, q: Quote) -> int:
    """Blank (whitespace-only) lines inside a quote: they are not paragraphs."""
    lines = text[q.start : q.end].split("\n")
    return sum(1 for line in lines[1:-1] if not line.strip())


@settings(max_examples=300, deadline=None)
@given(quote_soup)
def test_property_runs_of_marks(text: str) -> None:
    check_invariants(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_property_random_unicode(text: str) -> None:
    check_invariants(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["He said ", "'", '"', "“", "”", "’", "s' ", "\n", "x. "])))
def test_property_sentence_fragments(parts: list[str]) -> None:
    check_invariants("".join(parts))
