"""One list of news outlets (auditor/lexicons/news_outlets.txt), read by both its users:
the source type (a source named there is media) and the second-hand flag (information
passed on through a named outlet). Sentences and names are invented for the test."""

from __future__ import annotations

import pytest

from auditor.lexicon import entries
from auditor.nlp.source_names import is_media_name
from auditor.sourcing.secondhand import secondhand_match

OUTLETS = entries("news_outlets")


def _audit(auditor, text: str):
    from auditor.ingest import article_from_text

    return auditor.audit(article_from_text(text)).analysis.attributions


@pytest.mark.parametrize("outlet", OUTLETS)
def test_every_listed_outlet_is_media_and_makes_sourcing_secondhand(outlet: str) -> None:
    assert is_media_name(outlet)
    assert secondhand_match(f"Jo Park told {outlet} on Monday that the road was shut.") == outlet
    assert secondhand_match(f"According to {outlet}, the road was shut.") == outlet


def test_a_person_who_told_a_listed_broadcaster_is_sourced_second_hand(auditor) -> None:
    text = "Nadia Brook, the mill owner, told CNBC on Friday that the mill would reopen in spring."
    (found,) = _audit(auditor, text)
    assert found.cue.text == "told"
    assert found.source.text == "Nadia Brook, the mill owner,"
    assert found.content.text == "the mill would reopen in spring"
    assert found.source_type == "named_person"
    assert "secondhand" in found.flags


def test_a_listed_agency_reporting_is_a_media_source(auditor) -> None:
    (found,) = _audit(auditor, "RIA reported on Tuesday that the dam near Velsk had been repaired.")
    assert found.cue.text == "reported"
    assert found.source.text == "RIA"
    assert found.content.text == "the dam near Velsk had been repaired"
    assert found.source_type == "media"


def test_names_that_only_start_like_an_outlet_are_not_outlets(auditor) -> None:
    (found,) = _audit(auditor, "According to Atlantic Council data, exports fell by a third.")
    assert found.source.text == "Atlantic Council data"
    assert "secondhand" not in found.flags
    (found,) = _audit(auditor, "Dawn Reyes told Ivo Marsh that the dam had been repaired.")
    assert found.source.text == "Dawn Reyes"
    assert found.source_type == "named_person"
    assert "secondhand" not in found.flags


def test_a_listed_name_in_lower_case_is_not_the_outlet() -> None:
    assert secondhand_match("Ships sail, according to the times of the tides, at dawn.") is None
    assert not is_media_name("Atlantic Council")


def test_every_news_organization_of_the_known_list_is_a_listed_outlet() -> None:
    """known_organizations.txt's [news] section (name | acronyms, for the near-miss
    spelling check) must not drift from the one outlet list: each entry's name is in it."""
    from auditor.lexicon import sections

    listed = {name.lower() for name in OUTLETS}
    unlisted = [
        line
        for line in sections("known_organizations")["news"]
        if line.split("|")[0].strip().lower() not in listed
    ]
    assert unlisted == []


@pytest.mark.parametrize(
    ("sentence", "outlet"),
    [
        ("Mira Holt told the BBC on Monday that the pier would close.", "BBC"),
        ("According to the Guardian, the pier would close.", "Guardian"),
        ("Tom Eyre said in an interview with the AP that he would stay.", "AP"),
        # near-misses: a common noun after "the", and a name listed only with its "The"
        ("According to the times of the ferries, the pier would close.", None),
        ("She told the Hill committee that the pier would close.", None),
        ("He spoke to the independent candidate about the pier.", None),
    ],
)
def test_an_outlet_after_a_lower_case_the_is_still_the_outlet(sentence: str, outlet) -> None:
    assert secondhand_match(sentence) == outlet
