"""The five seed articles in ../shared/seeds, audited as a new user would.

The seeds are the user's own examples and are not copied into the project; these tests
read them from the shared folder beside the checkout (CI has it there). Without the
folder they are skipped locally and fail in CI.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"

if not SEEDS.is_dir():
    if os.environ.get("CI"):
        raise RuntimeError(f"the seed articles are missing: {SEEDS}")
    pytest.skip("../shared/seeds is not beside this checkout", allow_module_level=True)


@pytest.fixture(scope="module")
def audits(auditor):
    from auditor.ingest import read_article

    return {
        path.name[:3]: auditor.audit(read_article(path)) for path in sorted(SEEDS.glob("*.txt"))
    }


def speakers(result):
    return [(a.speaker.name if a.speaker else None, a) for a in result.attributions]


def said_by(result, name, words):
    """The attributions whose speaker is ``name`` and whose content has ``words``."""
    return [a for who, a in speakers(result) if who == name and words in a.content.text]


def rules(result):
    return {f.rule for f in result.findings}


def test_all_seeds_audit_without_error(audits):
    assert sorted(audits) == ["000", "001", "002", "003", "004"]
    for result in audits.values():
        for a in result.attributions:
            assert result.text[a.content.start : a.content.end] == a.content.text


def test_001_speakers(audits):
    result = audits["001"]
    official = [a for who, a in speakers(result) if who and "intelligence official" in who]
    text = " ".join(a.content.text for a in official)
    assert "major blow" in text and "symbol of resistance" in text
    assert all(a.source_type == "anonymous" for a in official)
    assert said_by(result, "Denis Pushilin", "buffer zone")
    assert said_by(result, "Denis Pushilin", "evacuating civilians")
    assert said_by(result, "Denis Pushilin", "firmly in our favor")
    spokesperson = [a for who, a in speakers(result) if who and "spokesperson" in who]
    text = " ".join(a.content.text for a in spokesperson)
    assert "safety of our people" in text and "deteriorating by the day" in text
    petrova = " ".join(a.content.text for a in said_by(result, "Elena Petrova", ""))
    assert "classic example" in petrova and "reassert its position" in petrova


def test_001_findings(audits):
    result = audits["001"]
    no_reason = [f for f in result.findings if f.rule == "ANON001"]
    flagged = " ".join(result.text[f.start : f.end] for f in no_reason)
    assert "intelligence official" in flagged and "spokesperson" in flagged
    assert {"PROV001", "QUOT002"} <= rules(result)


def test_004_speakers(audits):
    result = audits["004"]
    zelenskyy = said_by(result, "Volodymyr Zelenskyy", "")
    sources = {a.source.text for a in zelenskyy if a.source}
    assert {"Zelenskyy", "Zelenskyi"} <= sources  # two spellings, one speaker
    assert said_by(result, "Lloyd Austin", "setback")
    shoigu = said_by(result, "Sergei Shoigu", "taking control of Bakhmut")
    assert shoigu and "secondhand" in shoigu[0].flags  # via Interfax
    assert said_by(result, "British Ministry of Defense", "reduce forces on both sides")
    assert said_by(result, "Ukraine’s General Staff", "1,060 Russian soldiers")
    assert said_by(result, "Oleksiy Danilov", "one in seven")


def test_004_findings(audits):
    result = audits["004"]
    assert {"PROV002", "PROV003"} <= rules(result)


def test_004_pronoun_sources_are_judged_by_what_they_stand_for(audits):
    result = audits["004"]
    by_speaker = {a.speaker.name: a for a in result.attributions if a.speaker}
    generals = by_speaker["his top generals"]  # "..., who advised ..."
    assert generals.source.text == "who" and generals.source_type == "anonymous"
    # Issue 12 item 4: the generals speak inside the president's on-the-record statement;
    # they are not the reporter's anonymous sources (was: ANON001 and ANON006 on "who").
    assert "reported_by_named" in generals.flags
    assert not [f for f in generals.findings if f.startswith("ANON")]
    officials = by_speaker["Ukrainian officials and experts"]  # "They say ..."
    assert officials.source.text == "They" and officials.source_type == "anonymous"
    messages = [f.message for f in result.findings if "ANON001" == f.rule]
    assert any("Ukrainian officials and experts (They)" in m for m in messages)


def test_000_flags_vague_and_headline(audits):
    result = audits["000"]
    vague = [result.text[f.start : f.end] for f in result.findings if f.rule == "ATTR003"]
    assert any("Analysts suggest" in v for v in vague)
    assert any("Reports Indicate" in v for v in vague)
    assert "PROV001" in rules(result)


def test_002_flags_figures_and_notes(audits):
    result = audits["002"]
    claims = " ".join(c.text for c in result.claims if c.status == "unattributed")
    assert "170,000" in claims and "19%" in claims
    assert {"ATTR003", "PROV006"} <= rules(result)


def test_003_named_sources(audits):
    result = audits["003"]
    named = {
        (a.speaker.name, a.source_type) for a in result.attributions if a.speaker
    }
    assert ("Michael Kofman", "named_person") in named
    assert ("Institute for the Study of War", "named_organization") in named
