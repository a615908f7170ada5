"""The rule engine on rule files and analyses written here (no spaCy model needed)."""

from __future__ import annotations

import textwrap
from pathlib import Path
from types import SimpleNamespace

import pytest

from auditor.config import Config, ConfigError
from auditor.model import Analysis, Attribution, Quote, Span, Speaker, SpeakerCluster
from auditor.rules import RuleError, default_pack_dir, load_rule_pack
from auditor.sourcing import annotate

RULE = """\
id: TEST001
name: test-rule
severity: warning
message: "found '{match}'"
why: Because a test needs it.
fix: Write something else.
authority:
  - name: SPJ Code of Ethics
    url: https://www.spj.org/ethicscode.asp
check: phrase
cues: [experts say]
examples:
  bad: [Experts say it will rain.]
  good: [It will rain.]
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def pack_of(tmp_path: Path, *texts: str, config: Config | None = None, keep_going=False):
    for number, text in enumerate(texts, start=1):
        write(tmp_path, f"rule{number}.yaml", text)
    return load_rule_pack(config, folders=[tmp_path], keep_going=keep_going)


def analysis(text: str, *attrs: dict, quotes=(), speakers=()) -> Analysis:
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
    return Analysis(text, [], [], list(quotes), attributions, list(speakers))


# ------------------------------------------------------------------ loading errors


def test_default_pack_loads_cleanly() -> None:
    pack = load_rule_pack()
    assert pack.problems == []
    assert default_pack_dir().is_dir()
    assert len(pack.rules) >= 25
    assert pack.get("anon001").id == "ANON001"
    assert pack.get("anonymous-no-reason").id == "ANON001"


def test_yaml_error_names_file_and_line(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match=r"rule1\.yaml: invalid YAML at line \d+"):
        pack_of(tmp_path, RULE + "cues: [unclosed\n")


def test_missing_field_is_named(tmp_path: Path) -> None:
    text = RULE.replace("why: Because a test needs it.\n", "")
    with pytest.raises(RuleError, match=r"rule1\.yaml: missing field 'why'"):
        pack_of(tmp_path, text)


def test_unknown_check_is_named(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match=r"rule1\.yaml: check: unknown check 'grammar'"):
        pack_of(tmp_path, RULE.replace("check: phrase", "check: grammar"))


def test_unknown_field_is_named(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match=r"unknown field 'colour'"):
        pack_of(tmp_path, RULE + "colour: red\n")


def test_placeholder_the_check_cannot_fill(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match=r"message: placeholder \{speaker\}"):
        pack_of(tmp_path, RULE.replace("found '{match}'", "found {speaker}"))


def test_bad_parameter_value_is_named(tmp_path: Path) -> None:
    text = RULE.replace("check: phrase\ncues: [experts say]", "check: attribution\nflags: [shiny]")
    with pytest.raises(RuleError, match=r"flags: unknown value 'shiny'"):
        pack_of(tmp_path, text.replace("found '{match}'", "found"))


def test_examples_are_required(tmp_path: Path) -> None:
    text = RULE.replace("  good: [It will rain.]\n", "  good: []\n")
    with pytest.raises(RuleError, match=r"examples\.good: expected a non-empty list"):
        pack_of(tmp_path, text)


def test_duplicate_id(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match=r"TEST001 is already defined"):
        pack_of(tmp_path, RULE, RULE.replace("test-rule", "other-rule"))


def test_keep_going_loads_the_rest_and_reports(tmp_path: Path) -> None:
    broken = RULE.replace("TEST001", "TEST002").replace("check: phrase", "check: nonsense")
    pack = pack_of(tmp_path, RULE, broken, keep_going=True)
    assert pack.ids == ["TEST001"]
    assert len(pack.problems) == 1 and "rule2.yaml" in pack.problems[0]
    assert "nonsense" in pack.problems[0]


def test_undeclared_threshold_name(tmp_path: Path) -> None:
    text = """\
    id: TEST003
    name: share
    severity: warning
    message: "{percent}"
    why: W.
    fix: F.
    authority: [{name: SPJ, url: "https://www.spj.org/ethicscode.asp"}]
    check: document
    metric: anonymous_share
    compare: above
    threshold: share_limit
    examples: {bad: [a], good: [b]}
    """
    with pytest.raises(RuleError, match=r"'share_limit' is not declared under thresholds"):
        pack_of(tmp_path, text)


# ------------------------------------------------------------------ evaluation


def test_phrase_match_position_and_message(tmp_path: Path) -> None:
    pack = pack_of(tmp_path, RULE)
    text = "The storm moved north.\nExperts say it will rain."
    (finding,) = pack.evaluate(analysis(text))
    assert text[finding.start : finding.end] == "Experts say"
    assert (finding.line, finding.column) == (2, 1)
    assert finding.message == "found 'Experts say'"
    assert finding.severity == "warning" and finding.name == "test-rule"


def test_phrase_unless_sentence_names_source(tmp_path: Path) -> None:
    pack = pack_of(tmp_path, RULE + "unless: [sentence_names_source]\n")
    text = "Experts say it will rain, the weather office said."
    plain = analysis(text)
    named = analysis(
        text,
        {
            "content": "it will rain",
            "source": "the weather office",
            "cue": "said",
            "type": "named_organization",
        },
    )
    assert [f.rule for f in pack.evaluate(plain)] == ["TEST001"]
    assert pack.evaluate(named) == []


def test_phrase_ignores_quoted_words_unless_asked(tmp_path: Path) -> None:
    text = '"Experts say nothing," she wrote.'
    quotes = [Quote(0, 22, '"', '"')]
    assert pack_of(tmp_path, RULE).evaluate(analysis(text, quotes=quotes)) == []
    other = tmp_path / "other"
    other.mkdir()
    pack = pack_of(other, RULE + "in_quotes: true\n")
    assert len(pack.evaluate(analysis(text, quotes=quotes))) == 1


def test_lede_severity(tmp_path: Path) -> None:
    pack = pack_of(tmp_path, RULE + "lede_severity: error\n")
    lede = "Experts say it will rain all week across the northern half of the country today."
    later = "The storm moved north over the hills and the valleys last night."
    text = f"{lede}\n{later}\nExperts say so."
    severities = [f.severity for f in pack.evaluate(analysis(text))]
    assert severities == ["error", "warning"]


def test_attribution_check_and_attribution_findings() -> None:
    text = "Sources said the plan failed, the official said."
    built = analysis(
        text,
        {
            "content": "the plan failed",
            "source": "the official",
            "cue": "said",
            "type": "anonymous",
        },
    )
    annotate(built)
    findings = load_rule_pack(Config(select=("ANON001",))).evaluate(built)
    assert [f.rule for f in findings] == ["ANON001"]
    assert built.attributions[0].findings == ["ANON001"]
    assert "the official" in findings[0].message


def test_config_severity_select_and_ignore() -> None:
    text = "Officials said the bridge was closed."

    def run(config):
        built = analysis(
            text,
            {
                "content": "the bridge was closed",
                "source": "Officials",
                "cue": "said",
                "type": "anonymous",
            },
        )
        annotate(built)
        return {f.rule: f.severity for f in load_rule_pack(config).evaluate(built)}

    everything = run(Config())
    assert everything["ANON001"] == "error" and "ANON009" in everything
    only_anon = run(Config(select=("ANON",), ignore=("ANON009",)))
    assert set(only_anon) <= {r for r in everything if r.startswith("ANON")}
    assert "ANON009" not in only_anon and "ANON001" in only_anon
    louder = run(Config(select=("ANON001", "ANON009"), severity={"ANON": "error"}))
    assert louder == {"ANON001": "error", "ANON009": "error"}


def test_config_with_unknown_rule_id_is_an_error() -> None:
    with pytest.raises(ConfigError, match=r"select: unknown rule or family 'ANON999'"):
        load_rule_pack(Config(select=("ANON999",)))
    with pytest.raises(ConfigError, match=r"unknown threshold 'shares'"):
        load_rule_pack(Config(thresholds={"shares": 0.2}))


def test_document_threshold_from_config() -> None:
    text = "Officials said A. Officials said B. The mayor, Ana Ruiz, said C."

    def run(config):
        built = analysis(
            text,
            {"content": "A", "source": "Officials", "cue": "said", "type": "anonymous"},
            {"content": "B", "source": "Officials", "cue": "said", "type": "anonymous"},
            {"content": "C", "source": "Ana Ruiz", "cue": "said", "type": "named_person"},
        )
        return [f.rule for f in load_rule_pack(config).evaluate(built)]

    assert "DOC001" in run(Config(select=("DOC001",)))
    assert run(Config(select=("DOC001",), thresholds={"anonymous_share": 0.7})) == []


def test_quote_and_speaker_checks() -> None:
    text = 'He said "We will [never] leave" and Kovalenko agreed with Oksana Kovalenco.'
    start = text.index('"')
    end = text.index('"', start + 1) + 1
    cluster = SpeakerCluster(
        "s1",
        "Oksana Kovalenco",
        "person",
        variants=["Oksana Kovalenco"],
        # PROV003 compares mentions, which have a place in the text to point at.
        mentions=[
            Span(text.index("Kovalenko"), text.index("Kovalenko") + 9, "Kovalenko"),
            Span(text.index("Oksana"), len(text) - 1, "Oksana Kovalenco"),
        ],
        introduced=text.index("Oksana"),
    )
    built = analysis(text, quotes=[Quote(start, end, '"', '"')], speakers=[cluster])
    # PROV004 looks only at people who are quoted: make her the speaker of the quote.
    built.attributions.append(
        Attribution(
            "a1",
            "direct",
            Span(start, end, text[start:end]),
            speaker=Speaker("Oksana Kovalenco", cluster="s1"),
        )
    )
    found = {
        f.rule: f
        for f in load_rule_pack(
            Config(select=("PROV003", "PROV004", "PROV005", "QUOT001"))
        ).evaluate(built)
    }
    assert set(found) == {"PROV003", "PROV004", "PROV005"}
    assert text[found["PROV005"].start : found["PROV005"].end] == "[never]"
    assert "Kovalenco / Kovalenko" in found["PROV003"].message


# ------------------------------------------------------------------ suppressions


def suppression(rules, applies_to, start=0, end=5):
    return SimpleNamespace(
        rules=tuple(rules), reason="checked", start=start, end=end, line=1, applies_to=applies_to
    )


def test_suppression_silences_and_unused_is_reported(tmp_path: Path) -> None:
    text = "Experts say it will rain.\nExperts say it will snow."
    first, second = (0, 25), (26, len(text))
    article = SimpleNamespace(
        suppressions=[
            suppression(["TEST"], first),  # by family: silences the first finding
            suppression(["TEST001"], (200, 300)),  # matches nothing
            suppression(["NOPE123"], second),  # names no known rule
        ]
    )
    write(
        tmp_path,
        "meta.yaml",
        (default_pack_dir() / "META001-unused-suppression.yaml").read_text(encoding="utf-8"),
    )
    pack = pack_of(tmp_path, RULE)
    findings = pack.evaluate(analysis(text), article)
    rules = [(f.rule, f.line) for f in findings]
    assert ("TEST001", 1) not in rules and ("TEST001", 2) in rules
    meta = [f for f in findings if f.rule == "META001"]
    assert len(meta) == 2
    assert any("names no known rule: NOPE123" in f.message for f in meta)
    assert any("matched nothing" in f.message for f in meta)


def test_markdown_suppression_end_to_end(auditor) -> None:
    from auditor.ingest import article_from_text

    text = (
        "<!-- auditor: ignore[ANON001] the desk knows why -->\n"
        "A senior city official, who requested anonymity, said the bridge would reopen.\n"
    )
    result = auditor.audit(article_from_text(text, format="markdown"))
    rules = [f.rule for f in result.findings]
    assert "ANON001" not in rules and "META001" not in rules
    assert "ANON004" in rules  # other rules still apply to the same source


def test_lede_support_ignores_vague_sources() -> None:
    lede = "An official said the government would fall within a week as coalition talks failed."
    headline = "Government Near Collapse, Reports Indicate"
    pack = load_rule_pack(Config(select=("ANON010",)))

    def run(*attrs):
        built = analysis(f"{headline}\n{lede}", *attrs)
        annotate(built)
        return [f.rule for f in pack.evaluate(built)]

    vague = {
        "content": "Government Near Collapse",
        "source": "Reports",
        "cue": "Indicate",
        "type": "vague",
    }
    anonymous = {
        "content": "the government would fall within a week",
        "source": "An official",
        "cue": "said",
        "type": "anonymous",
    }
    assert run(vague) == []
    assert run(vague, anonymous) == ["ANON010"]
