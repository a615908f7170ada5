"""Sourcing: compliance flags, claims, grades and the document score, on analyses built
here by hand (the NLP stage is tested elsewhere)."""

from __future__ import annotations

import pytest

from auditor.model import Analysis, Attribution, Claim, Finding, Quote, Span
from auditor.sourcing import annotate, explain_flags, grade_for_score, summarize
from auditor.sourcing.grades import grade_attribution
from auditor.sourcing.unsourced_claims import claim_kind, find_claims


def analysis(text: str, *attrs: dict, quotes=()) -> Analysis:
    def span(sub):
        if sub is None:
            return None
        start = text.index(sub)
        return Span(start, start + len(sub), sub)

    attributions = [
        Attribution(
            id=f"a{n}",
            kind=a.get("kind", "indirect"),
            content=span(a["content"]),
            cue=span(a.get("cue")),
            source=span(a.get("source")),
            source_type=a.get("type", "unknown"),
        )
        for n, a in enumerate(attrs, start=1)
    ]
    return Analysis(text, [], [], list(quotes), attributions, [])


def flags_of(text: str, source: str, content: str, type_: str = "anonymous", **kw) -> set[str]:
    cue = kw.pop("cue", "said")
    built = analysis(text, {"content": content, "source": source, "cue": cue, "type": type_, **kw})
    annotate(built)
    return set(built.attributions[0].flags)


# ------------------------------------------------------------------ anonymous sources


def test_anonymity_without_reason() -> None:
    text = "A defense ministry official, who requested anonymity, said the depot was hit."
    flags = flags_of(text, "A defense ministry official", "the depot was hit")
    assert "reason_given" not in flags
    assert "descriptor_precise" in flags and "basis_given" not in flags


def test_reason_basis_and_precise_descriptor() -> None:
    text = (
        "A senior official at the foreign ministry who attended the talks said they had "
        "stalled. He spoke on condition of anonymity because he feared losing his post."
    )
    flags = flags_of(text, "A senior official at the foreign ministry", "they had stalled")
    assert {"reason_given", "basis_given", "descriptor_precise"} <= flags
    assert "reason_boilerplate" not in flags and "descriptor_thin" not in flags


def test_boilerplate_reason_counts_as_a_reason() -> None:
    text = "An official, who was not authorized to speak publicly, said the plant would close."
    built = analysis(
        text,
        {
            "content": "the plant would close",
            "source": "An official",
            "cue": "said",
            "type": "anonymous",
        },
    )
    annotate(built)
    flags = built.attributions[0].flags
    assert {"reason_given", "reason_boilerplate", "descriptor_thin"} <= set(flags)
    why = explain_flags(built)["a1"]
    assert "not authorized to speak publicly" in why["reason_boilerplate"]
    assert "names no organization or side" in why["descriptor_thin"]


def test_demonym_at_sentence_start_is_a_side() -> None:
    text = "Ukrainian officials said the bridge was repaired."
    flags = flags_of(text, "Ukrainian officials", "the bridge was repaired")
    assert "descriptor_precise" in flags and "plural_sources" in flags
    text = "Local officials said the bridge was repaired."
    assert "descriptor_thin" in flags_of(text, "Local officials", "the bridge was repaired")


def test_opinion_and_direct_quote() -> None:
    text = '"The minister is incompetent," said a party official.'
    flags = flags_of(text, "a party official", '"The minister is incompetent,"', kind="direct")
    assert {"opinion", "direct_quote"} <= flags


def test_words_inside_a_quote_are_not_a_reason() -> None:
    text = '"We left because the roof fell in," said an official, who requested anonymity.'
    quote = Quote(0, text.index(",") + 2, '"', '"')
    built = analysis(
        text,
        {
            "content": text[: text.index(",") + 2],
            "source": "an official",
            "cue": "said",
            "type": "anonymous",
            "kind": "direct",
        },
        quotes=[quote],
    )
    annotate(built)
    assert "reason_given" not in built.attributions[0].flags


# ------------------------------------------------------------------ other flags


def test_secondhand_link_and_lede() -> None:
    text = (
        "According to a report by The New York Times, the army has left the town of Lysa "
        "after a week of heavy fighting on the southern front.\n"
        "The mayor, Ana Ruiz, said the town was calm (https://example.org/report)."
    )
    built = analysis(
        text,
        {
            "content": "the army has left the town of Lysa",
            "source": "a report by The New York Times",
            "cue": "According to",
            "type": "document",
            "kind": "according_to",
        },
        {
            "content": "the town was calm",
            "source": "Ana Ruiz",
            "cue": "said",
            "type": "named_person",
        },
    )
    annotate(built)
    first, second = (set(a.flags) for a in built.attributions)
    assert {"secondhand", "in_lede"} <= first and "link_given" not in first
    assert "link_given" in second and "secondhand" not in second and "in_lede" not in second
    assert "The New York Times" in explain_flags(built)["a1"]["secondhand"]


def test_outlet_names_are_case_sensitive() -> None:
    text = "He said, according to the times of the year, that prices rise."
    assert "secondhand" not in flags_of(text, "He", "prices rise", "named_person")


@pytest.mark.parametrize(
    ("source", "unnamed"),
    [
        ("A think tank report", True),
        ("the data", True),
        ("Pentagon data", False),
        ("the ISW report", False),
        ('the report "Frozen Front"', False),
    ],
)
def test_unnamed_document(source: str, unnamed: bool) -> None:
    text = f"The front is frozen, {source} shows."
    flags = flags_of(text, source, "The front is frozen", "document", cue="shows")
    assert ("unnamed_document" in flags) is unnamed


# ------------------------------------------------------------------ claims


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The shelling killed 45 civilians.", "casualties"),
        ("Prices rose 12 percent.", "percentage"),
        ("The army occupies 19% of the region.", "percentage"),
        ("The militia tortured prisoners in the basement.", "allegation"),
        ("The army has massed 170,000 troops near the border.", "number"),
        ("It was the deadliest attack of the war.", "superlative"),
        ("The city will fall within days.", "prediction"),
        ("In 2023 the town held a festival on May 4.", None),
        ("The F-16 jets arrived at 10:30.", None),
        ("The council met on Tuesday.", None),
    ],
)
def test_claim_kind(sentence: str, kind: str | None) -> None:
    assert claim_kind(sentence) == kind


def test_unattributed_and_covered_claims() -> None:
    text = (
        "The shelling killed 45 civilians. Prices rose 12 percent, the statistics office "
        "said. The office said exports fell. It also found 300 firms closed."
    )
    built = analysis(
        text,
        {
            "content": "Prices rose 12 percent",
            "source": "the statistics office",
            "cue": "said",
            "type": "named_organization",
        },
        {
            "content": "exports fell",
            "source": "The office",
            "cue": "said",
            "type": "named_organization",
        },
    )
    annotate(built)
    assert [(c.text, c.why, c.status) for c in built.claims] == [
        ("The shelling killed 45 civilians.", "casualties", "unattributed")
    ]


def test_figures_inside_quotes_are_the_speakers() -> None:
    text = 'She wrote in her diary: "We counted 400 shells today."'
    quote = Quote(text.index('"'), len(text), '"', '"')
    assert find_claims(analysis(text, quotes=[quote])).claims == []


@pytest.mark.parametrize(
    ("sentence", "marker"),
    [
        ("The figures could not be independently verified.", True),
        ("Reuters could not immediately verify the report.", True),
        ("There were unconfirmed reports of shelling.", True),
        ("The deal could be confirmed next week.", False),
        ("The ministry has confirmed the figures.", False),
    ],
)
def test_unverified_markers(sentence: str, marker: bool) -> None:
    from auditor import lexicon

    assert bool(lexicon.pattern("sourcing_unverified").search(sentence)) is marker


def test_unverified_marker_points_back() -> None:
    text = (
        "The General Staff said 900 soldiers were killed. The claims could not be "
        "independently verified.\nUnconfirmed reports say a dam burst."
    )
    built = analysis(
        text,
        {
            "content": "900 soldiers were killed",
            "source": "The General Staff",
            "cue": "said",
            "type": "named_organization",
        },
    )
    annotate(built)
    unverified = [c for c in built.claims if c.status == "unverified"]
    assert [c.text for c in unverified] == [
        "The General Staff said 900 soldiers were killed.",
        "Unconfirmed reports say a dam burst.",
    ]
    assert unverified[0].why == "casualties"
    assert "unverified" in built.attributions[0].flags


# ------------------------------------------------------------------ grades and score


def attribution(type_: str, flags=()) -> Attribution:
    return Attribution("a", "indirect", Span(0, 1, "x"), source_type=type_, flags=list(flags))


@pytest.mark.parametrize(
    ("type_", "flags", "grade"),
    [
        ("named_person", (), "A"),
        ("named_person", ("secondhand",), "B"),
        ("named_person", ("unverified",), "B"),
        ("named_organization", (), "B"),
        ("named_organization", ("unverified",), "C"),
        ("media", ("secondhand",), "B"),
        ("document", (), "B"),
        ("document", ("unnamed_document",), "D"),
        ("anonymous", ("reason_given", "descriptor_precise", "basis_given"), "C"),
        ("anonymous", ("reason_given", "descriptor_precise", "basis_given", "opinion"), "D"),
        ("anonymous", ("reason_given", "descriptor_precise"), "D"),
        ("vague", (), "D"),
        ("unknown", (), "D"),
    ],
)
def test_attribution_grades(type_: str, flags: tuple, grade: str) -> None:
    assert grade_attribution(attribution(type_, flags))[0] == grade


@pytest.mark.parametrize(
    ("score", "grade"),
    [(100, "A"), (90, "A"), (89, "B"), (75, "B"), (60, "C"), (40, "D"), (39, "F")],
)
def test_grade_bands(score: int, grade: str) -> None:
    assert grade_for_score(score) == grade


def finding(rule: str, severity: str) -> Finding:
    return Finding(rule, severity, "m", 0, 1, 1, 1)


def test_summary_formula() -> None:
    built = Analysis("x", [], [], [], [attribution("named_person"), attribution("vague")], [])
    built.claims = [
        Claim(0, 1, "x", "number"),
        Claim(0, 1, "x", "prediction"),  # reported, not graded
        Claim(0, 1, "x", "number", "unverified"),
    ]
    findings = [
        finding("ATTR001", "error"),
        finding("ATTR001", "error"),
        finding("VERB001", "warning"),
        finding("VERB002", "suggestion"),
    ]
    summary = summarize(built, findings)
    # mix: (100 + 40 + 0) / 3 = 46.67; penalty: 5 + 2.5 + 2 + 0.5 = 10
    assert summary.score == 37 and summary.grade == "F"
    assert [a.grade for a in built.attributions] == ["A", "D"]
    assert summary.counts["named_person"] == 1 and summary.counts["vague"] == 1
    assert summary.counts["unattributed"] == 2 and summary.counts["unverified"] == 1
    assert any("-7.5 for 2 errors (ATTR001 x2)" in line for line in summary.why)
    assert any("vague source" in line for line in summary.why)
    assert summary.why[-2].startswith("Score 37 gives grade F")


def test_summary_penalty_cap_and_empty_article() -> None:
    empty = Analysis("", [], [], [], [], [])
    assert summarize(empty, []).score == 100
    many = [finding(f"R{n:03d}", "error") for n in range(20)]
    summary = summarize(empty, many)
    assert summary.score == 60 and any("capped at 40" in line for line in summary.why)


def test_a_pronoun_is_judged_by_the_phrase_it_stands_for(auditor) -> None:
    from auditor.ingest import article_from_text

    result = auditor.audit(
        article_from_text(
            "The mayor met her advisers, who said the bridge must close."
        )
    )
    (who,) = [a for a in result.attributions if a.source and a.source.text == "who"]
    assert who.speaker.name == "her advisers"
    assert who.source_type == "anonymous"
    anon = [f for f in result.findings if f.rule == "ANON001"]
    assert anon and "'her advisers (who)'" in anon[0].message


def test_a_pronoun_that_stands_for_nothing_stays_unknown() -> None:
    from auditor.model import Speaker
    from auditor.sourcing.flags import described_by

    found = analysis(
        "They said the bridge must close.",
        {"source": "They", "content": "the bridge must close", "cue": "said"},
    )
    (attribution,) = found.attributions
    attribution.source_type = "anonymous"
    assert described_by(found, attribution) is None
    # Resolved to a phrase that is not in the text before it: nothing to judge either.
    attribution.speaker = Speaker("the engineers")
    assert described_by(found, attribution) is None


# ------------------------------------------------------------------ the whole descriptor


def test_a_role_with_its_owner_is_a_precise_descriptor() -> None:
    from auditor.sourcing.flags import descriptor_flags

    assert "descriptor_precise" in descriptor_flags("an aide to the governor")
    assert "descriptor_thin" in descriptor_flags("an aide")


def test_a_first_hand_relative_clause_is_a_basis_but_anonymity_is_not() -> None:
    from auditor.sourcing.flags import clause_basis

    assert clause_basis("a clerk who was in the room when the council voted,") is not None
    assert clause_basis("a clerk, who asked not to be named,") is None


# ------------------------------------------------------------------ the source's type, read once


def _audited(auditor, text: str):
    from auditor.ingest import article_from_text

    return auditor.audit(article_from_text(text))


@pytest.mark.parametrize(
    "text,source,type_",
    [
        ("The memo describes a plan to sell the harbor land.", "The memo", "document"),
        (
            "Two-thirds of those surveyed say the bus fare is too high.",
            "Two-thirds of those surveyed",
            "document",
        ),
        ("Democrats are furious that the tariff passed.", "Democrats", "vague"),
        ("Those close to the coach say he will stay.", "Those close to the coach", "anonymous"),
    ],
)
def test_documents_poll_shares_and_groups_are_typed_by_their_phrase(
    auditor, text: str, source: str, type_: str
) -> None:
    result = _audited(auditor, text)
    (attribution,) = result.attributions
    # the source span is extraction's ("Those" or the whole phrase); its type is ours
    assert source.startswith(attribution.source.text)
    assert attribution.source_type == type_
    anonymous_findings = [f for f in result.findings if f.rule.startswith("ANON")]
    assert bool(anonymous_findings) == (type_ == "anonymous")


def test_it_after_a_document_is_the_document_for_later_stages(auditor) -> None:
    result = _audited(
        auditor,
        "The Harbor Authority released an ad on Monday.\n\n"
        "The ad opens with footage of empty docks. It says the port will lose jobs.",
    )
    it = [a for a in result.attributions if a.source and a.source.text == "It"]
    assert it and it[0].source_type == "document"
