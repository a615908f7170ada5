"""Hostile rule packs: patterns that backtrack, YAML alias bombs, mistyped fields and
format tricks in messages each give a one-line RuleError at load (or run in linear time),
never a hang, a traceback or a giant message (issue 11, items 9, 13, 14 and 15)."""

from __future__ import annotations

import pickle
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import cli
from auditor.model import Analysis, Attribution, Span
from auditor.rules import RuleError, load_rule_pack
from auditor.rules.loader import load_rule_file

HEAD = """\
id: TEST001
name: test-rule
severity: warning
why: Because a test needs it.
fix: Write something else.
authority:
  - name: SPJ Code of Ethics
    url: https://www.spj.org/ethicscode.asp
examples:
  bad: [Experts say it will rain.]
  good: [It will rain.]
"""
PHRASE = HEAD + "message: \"found '{match}'\"\ncheck: phrase\n"
ATTRIBUTION = HEAD + 'message: "source {source}"\ncheck: attribution\n'

#: A word of 40 letters, then one that stops ``(a+)+$`` matching: 2**40 ways to fail.
WORD = "a" * 40 + "!"


def write_rule(folder: Path, text: str, name: str = "rule.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def load_error(tmp_path: Path, text: str) -> str:
    path = write_rule(tmp_path, text)
    with pytest.raises(RuleError) as caught:
        load_rule_file(path)
    message = str(caught.value)
    assert "\n" not in message and str(path) in message
    return message


def analysis_with_source(text: str, source: str) -> Analysis:
    start = text.index(source)
    attribution = Attribution(
        id="a1",
        kind="indirect",
        content=Span(len(text) - 5, len(text) - 1, text[-5:-1]),
        cue=None,
        source=Span(start, start + len(source), source),
        source_type="unknown",
    )
    return Analysis(text, [], [], [], [attribution], [])


# ------------------------------------------------------------------ item 9: no backtracking

#: Loads the pack in argv[1] and evaluates it over a text holding WORD; the parent
#: process kills it when it runs too long, so a regression fails instead of hanging.
EVALUATE = """
import sys
from pathlib import Path
from auditor.model import Analysis, Attribution, Span
from auditor.rules import load_rule_pack

word = "a" * 40 + "!"
text = f"The {word} said it would rain."
source = Span(4, 4 + len(word), word)
content = Span(text.index("it would"), len(text) - 1, "it would rain")
attribution = Attribution(
    id="a1", kind="indirect", content=content, cue=None, source=source, source_type="unknown"
)
pack = load_rule_pack(folders=[Path(sys.argv[1])])
findings = pack.evaluate(Analysis(text, [], [], [], [attribution], []))
print(len(findings))
"""


@pytest.mark.parametrize(
    "rule",
    [
        PHRASE + "cues: ['re:(a+)+$']\n",
        PHRASE + "cues: ['re:^(a|aa)+$', 'experts say']\n",
        ATTRIBUTION + "source_matches: '^(a+)+$'\n",
        ATTRIBUTION + "source_not_matches: '(a*)*b'\n",
        ATTRIBUTION + "cues: ['re:(a+)+$']\n",
    ],
    ids=["phrase-cue", "phrase-alternation", "source-matches", "source-not-matches", "cue"],
)
def test_evil_pattern_audits_quickly(tmp_path: Path, rule: str) -> None:
    write_rule(tmp_path, rule)
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", EVALUATE, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().isdigit()
    assert time.monotonic() - started < 60


def test_user_patterns_still_find_what_they_should(tmp_path: Path) -> None:
    cues = PHRASE + "cues: ['re:\\bexperts?[[:space:]\\pZ]+say', 'so-called']\n"
    pack = load_rule_pack(folders=[write_rule(tmp_path / "p", cues).parent])
    text = "Experts\u00a0say it will rain.\nThe so-called plan failed."
    found = [text[f.start : f.end] for f in pack.evaluate(Analysis(text, [], [], [], [], []))]
    assert found == ["Experts\u00a0say", "so-called"]
    other = write_rule(tmp_path / "q", ATTRIBUTION + "source_matches: '^the\\s+(a+)+!$'\n")
    pack = load_rule_pack(folders=[other.parent])
    built = analysis_with_source(f"The {WORD} said it would rain.", WORD)
    assert pack.evaluate(built) == []
    built = analysis_with_source("Then the aaa! said it would rain.", "the aaa!")
    assert [f.rule for f in pack.evaluate(built)] == ["TEST001"]


def test_plain_phrases_match_any_space_between_words(tmp_path: Path) -> None:
    pack = load_rule_pack(folders=[write_rule(tmp_path, PHRASE + "cues: [experts say]\n").parent])
    for text in ("Experts say so.", "experts\u00a0 say so.", "EXPERTS\t say so."):
        (finding,) = pack.evaluate(Analysis(text, [], [], [], [], []))
        assert text[finding.start : finding.end].split() == text.split()[:2]
    assert pack.evaluate(Analysis("Expertsay so.", [], [], [], [], [])) == []


@pytest.mark.parametrize(
    ("field", "pattern"),
    [("cues", "['re:\\bsaid(?=\\s+that)']"), ("source_matches", "'(a)\\1'")],
)
def test_pattern_re2_refuses_is_a_load_error(tmp_path: Path, field: str, pattern: str) -> None:
    base = PHRASE if field == "cues" else ATTRIBUTION
    message = load_error(tmp_path, base + f"{field}: {pattern}\n")
    assert f"{field}" in message and "RE2" in message and "lookaround" in message


def test_user_pack_digest_is_the_same_each_load(tmp_path: Path) -> None:
    # Batch resumes compare digests across runs: a pattern's repr must not hold an address.
    write_rule(tmp_path, ATTRIBUTION + "source_matches: 'officials?'\ncues: [said]\n")
    first = load_rule_pack(folders=[tmp_path])
    assert first.digest == load_rule_pack(folders=[tmp_path]).digest
    assert "0x" not in repr(first.rules[0].params)


def test_user_pack_pickles(tmp_path: Path) -> None:
    # Batch workers receive the pack by pickle.
    write_rule(tmp_path, ATTRIBUTION + "source_matches: 'officials?'\n")
    rule = pickle.loads(pickle.dumps(load_rule_pack(folders=[tmp_path]).rules[0]))
    assert rule.params["source_matches"].search("The OFFICIAL said so.").group() == "OFFICIAL"


def test_shipped_pack_keeps_python_patterns() -> None:
    pack = load_rule_pack()
    assert pack.problems == []
    # VERB002 uses lookahead, which only Python's engine runs: the shipped pack keeps it.
    assert "(?=" in pack.get("VERB002").params["cues"].pattern


# ------------------------------------------------------------------ item 13: YAML aliases

LAUGHS = """\
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""


def test_billion_laughs_is_refused_before_expanding(tmp_path: Path) -> None:
    rule = PHRASE + "cues: [experts say]\n" + LAUGHS.replace("a: &a", "x_a: &a")
    rule = rule.replace("i: &i", "lede_severity: &i")
    started = time.monotonic()
    message = load_error(tmp_path, rule)
    assert time.monotonic() - started < 5
    assert "aliases" in message and len(message) < 300


def test_any_alias_is_refused(tmp_path: Path) -> None:
    rule = PHRASE.replace("severity: warning", "severity: &s warning") + "lede_severity: *s\n"
    message = load_error(tmp_path, rule + "cues: [x]\n")
    assert "aliases (*name) are not allowed" in message and "line" in message


def test_errors_quote_a_short_excerpt_of_a_long_value(tmp_path: Path) -> None:
    huge = "x" * 200_000
    for extra in (f"lede_severity: {huge}\n", f"unless: [{huge}]\n", f"{huge}: 1\n"):
        message = load_error(tmp_path, PHRASE + "cues: [x]\n" + extra)
        assert len(message) < 400, message[:400]
    message = load_error(tmp_path, PHRASE.replace("check: phrase", f"check: {huge}"))
    assert len(message) < 400


def test_rule_file_must_be_a_small_regular_file(tmp_path: Path) -> None:
    message = load_error(tmp_path, PHRASE + "cues: [x]\nwhy2: '" + "y" * 1_100_000 + "'\n")
    assert "larger than" in message


# ------------------------------------------------------------------ item 14: field types

WRONG_TYPES = ["[phrase]", "{a: 1}", "1", "null", "true", "[[x]]"]


@pytest.mark.parametrize("value", WRONG_TYPES)
@pytest.mark.parametrize(
    "field",
    ["id", "name", "severity", "message", "why", "fix", "authority", "check", "examples"],
)
def test_mistyped_required_field_is_one_line(tmp_path: Path, field: str, value: str) -> None:
    rule = PHRASE + "cues: [x]\n"
    lines = [line for line in rule.splitlines() if not line.startswith(f"{field}:")]
    text = "\n".join(lines) + f"\n{field}: {value}\n"
    if field in ("authority", "examples"):  # drop the nested lines too
        text = _drop_block(rule, field) + f"{field}: {value}\n"
    message = load_error(tmp_path, text)
    assert field in message


PARAMETERS = [
    (PHRASE + "cues: [x]\n", "lede_severity"),
    (PHRASE + "cues: [x]\n", "unless"),
    (PHRASE + "cues: [x]\n", "in_quotes"),
    (PHRASE + "cues: [x]\n", "replacements"),
    (PHRASE + "cues: [x]\n", "lexicon"),
    (PHRASE, "cues"),
    (ATTRIBUTION, "source_matches"),
    (ATTRIBUTION, "flags"),
    (ATTRIBUTION, "speaker_after_sentences"),
    (PHRASE + "cues: [x]\n", "thresholds"),
    (PHRASE + "cues: [x]\n", "summary"),
]
#: The pairs above whose value is of the right type.
VALID = {("in_quotes", "true"), ("cues", "[phrase]"), ("speaker_after_sentences", "1")}
VALID |= {("thresholds", "{a: 1}")}


@pytest.mark.parametrize(
    ("base", "field", "value"),
    [(b, f, v) for b, f in PARAMETERS for v in WRONG_TYPES if (f, v) not in VALID],
)
def test_mistyped_parameter_is_one_line(tmp_path: Path, base: str, field: str, value: str) -> None:
    message = load_error(tmp_path, base + f"{field}: {value}\n")
    assert field in message


def test_lexicon_names_a_file_not_a_path(tmp_path: Path) -> None:
    message = load_error(tmp_path, PHRASE + "lexicon: ../../../etc/passwd\n")
    assert "lexicon" in message


def _drop_block(text: str, field: str) -> str:
    out, skipping = [], False
    for line in text.splitlines():
        if line.startswith(f"{field}:"):
            skipping = True
            continue
        if skipping and line.startswith(" "):
            continue
        skipping = False
        out.append(line)
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------ item 15: messages


@pytest.mark.parametrize(
    "message",
    [
        "found {match:d}",
        "found {match:>99999999999999999999999}",
        "found {match:>400000000}",
        "found {match!r}",
        "found {match.upper}",
        "found {match[0]}",
        "found {match:{sentence}}",
        "found {nothing}",
    ],
)
def test_message_allows_only_plain_known_placeholders(tmp_path: Path, message: str) -> None:
    rule = PHRASE.replace("\"found '{match}'\"", repr(message)) + "cues: [x]\n"
    error = load_error(tmp_path, rule)
    assert "message" in error and "placeholder" in error


def test_plain_placeholders_still_fill(tmp_path: Path) -> None:
    rule = PHRASE.replace("\"found '{match}'\"", "'{id} {name}: {match} ({replacement})'")
    pack = load_rule_pack(folders=[write_rule(tmp_path, rule + "cues: [experts say]\n").parent])
    (finding,) = pack.evaluate(Analysis("Experts say so.", [], [], [], [], []))
    assert finding.message == "TEST001 test-rule: Experts say (said)"


# ------------------------------------------------------------------ the CLI


def test_check_keep_going_skips_hostile_rule_files(tmp_path: Path, monkeypatch, nlp) -> None:
    monkeypatch.setattr("auditor.audit.load_pipeline", lambda *args, **kwargs: nlp)
    monkeypatch.chdir(tmp_path)
    house = tmp_path / "house"
    write_rule(house, PHRASE + "cues: ['re:(?<=x)y']\n", "lookbehind.yaml")
    write_rule(house, PHRASE.replace("TEST001", "TEST002") + "check: [phrase]\n", "typed.yaml")
    write_rule(house, PHRASE.replace("TEST001", "TEST003") + LAUGHS, "laughs.yaml")
    write_rule(house, PHRASE.replace("TEST001", "TEST004") + "cues: ['re:(a+)+$']\n", "evil.yaml")
    (tmp_path / "auditor.toml").write_text('rule-folders = ["house"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(f"Sources said the {WORD} bridge was shut.\n", "utf-8")
    runner = CliRunner()
    strict = runner.invoke(cli, ["check", "a.txt"], catch_exceptions=False)
    assert strict.exit_code == 2 and "Traceback" not in strict.output
    assert "auditor: error:" in strict.output and len(strict.output) < 400
    lenient = runner.invoke(cli, ["check", "a.txt", "--keep-going"], catch_exceptions=False)
    assert lenient.exit_code == 1, lenient.output
    assert "ANON007" in lenient.output
    for name in ("lookbehind.yaml", "typed.yaml", "laughs.yaml"):
        assert name in lenient.output
    assert "evil.yaml" not in lenient.output  # loads under RE2, and runs in linear time
