"""Rule documentation from the pack itself: ``auditor rule ID`` and docs/rules.md.

Regenerate the Markdown page after changing a rule (a test fails when it is stale)::

    python -m auditor.rules.docs > docs/rules.md

Every rule gets the same sections, after ruff's rule pages: what it does, why it matters,
an example, what to write instead, references.
"""

from __future__ import annotations

import textwrap

from auditor.config import KNOWN_KEYS
from auditor.rules.checks import CHECKS
from auditor.rules.engine import RulePack, load_rule_pack
from auditor.rules.rule import Example, Rule
from auditor.sourcing import FLAGS
from auditor.sourcing.grades import (
    GRADE_BANDS,
    GRADE_POINTS,
    GRADED_CLAIM_KINDS,
    MAX_PENALTY,
    SEVERITY_PENALTY,
)

REGENERATE = "python -m auditor.rules.docs > docs/rules.md"


def _para(text: str) -> str:
    return " ".join(text.split())


#: Example texts are wrapped to this width, so a caret line stays under its words.
EXAMPLE_WIDTH = 84


def _wrapped(line: str, offset: int, width: int) -> list[tuple[int, str]]:
    """``line`` (starting at ``offset`` in its text) cut at spaces into pieces of at most
    ``width`` characters where words allow, each with its offset."""
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(line) - start > width:
        cut = line.rfind(" ", start, start + width + 1)
        if cut <= start:
            cut = line.find(" ", start + width)
            if cut < 0:
                break
        pieces.append((offset + start, line[start:cut]))
        start = cut + 1
    pieces.append((offset + start, line[start:]))
    return pieces


def example_lines(example: Example, width: int = EXAMPLE_WIDTH) -> list[str]:
    """An example's text wrapped to ``width``, with a line of carets (``^``) under the
    words of its anchor: where a bad example's finding lands."""
    span = example.span
    out: list[str] = []
    offset = 0
    for line in example.text.rstrip("\n").split("\n"):
        for start, piece in _wrapped(line, offset, width):
            out.append(piece.rstrip())
            if piece and span is not None and span[0] < start + len(piece) and start < span[1]:
                left = max(span[0], start) - start
                right = min(span[1], start + len(piece)) - start
                out.append(" " * left + "^" * max(1, right - left))
        offset += len(line) + 1
    return out


def _fence(example: Example) -> str:
    return "```text\n" + "\n".join(example_lines(example)) + "\n```"


def explain(rule: Rule) -> str:
    """A rule explained as plain text, for ``auditor rule ID``."""
    wrap = textwrap.TextWrapper(width=88, initial_indent="  ", subsequent_indent="  ")
    lines = [f"{rule.id} {rule.name} ({rule.severity})", "", wrap.fill(rule.line), ""]
    lines += ["What it does", wrap.fill(f"Message: {rule.message}"), ""]
    lines += ["Why it matters", wrap.fill(_para(rule.why)), ""]
    lines += ["What to write instead", wrap.fill(_para(rule.fix)), ""]
    lines.append("Flagged (^ marks where the finding lands)")
    for example in rule.examples.bad:
        lines += [f"  | {line}".rstrip() for line in example_lines(example)] + [""]
    lines.append("Passes")
    for example in rule.examples.good:
        lines += [f"  | {line}".rstrip() for line in example_lines(example)] + [""]
    lines.append("References")
    lines += [f"  - {a.name}: {a.url}" for a in rule.authority]
    if rule.thresholds:
        lines += ["", "Thresholds (set in [tool.auditor.thresholds])"]
        lines += [f"  - {name} = {value:g}" for name, value in rule.thresholds.items()]
    return "\n".join(lines) + "\n"


def rule_section(rule: Rule) -> str:
    """The docs/rules.md section of one rule (anchor: the id in lower case)."""
    parts = [
        f'<a id="{rule.id.lower()}"></a>',
        f"### {rule.id} {rule.name}",
        "",
        f"**Severity:** {rule.severity} · **Check:** `{rule.check}` · **Family:** {rule.family}",
        "",
        "#### What it does",
        "",
        f"{rule.line} Message: *{rule.message}*",
        "",
        "#### Why it matters",
        "",
        _para(rule.why),
        "",
        "#### Example",
        "",
        "Flagged (`^` marks where the finding lands):",
        "",
        *[_fence(e) + "\n" for e in rule.examples.bad],
        "#### Instead",
        "",
        _para(rule.fix),
        "",
        "Passes:",
        "",
        *[_fence(e) + "\n" for e in rule.examples.good],
    ]
    if rule.thresholds:
        parts += ["#### Thresholds", ""]
        parts += [f"- `{name}` = {value:g}" for name, value in rule.thresholds.items()]
        parts.append("")
    parts += ["#### References", ""]
    parts += [f"- [{a.name}]({a.url})" for a in rule.authority]
    return "\n".join(parts) + "\n"


def _checks_table() -> list[str]:
    lines = [
        "| check | finds | parameters | message placeholders |",
        "|---|---|---|---|",
    ]
    for check in CHECKS.values():
        params = "<br>".join(
            f"`{name}`{' (required)' if p.required else ''}: {p.help}".rstrip(": ")
            for name, p in check.params.items()
        )
        holders = ", ".join(f"`{{{h}}}`" for h in sorted(check.placeholders | {"id", "name"}))
        lines.append(f"| `{check.name}` | {check.doc} | {params or '-'} | {holders} |")
    return lines


def _grades() -> list[str]:
    bands = ", ".join(f"{g} >= {floor}" for floor, g in GRADE_BANDS if floor) + ", F below"
    points = ", ".join(f"{g} {p}" for g, p in GRADE_POINTS.items())
    penalty = ", ".join(f"{s} {p:g}" for s, p in SEVERITY_PENALTY.items())
    return [
        "Each attribution gets a grade (`auditor.sourcing.grades`):",
        "",
        "| grade | source |",
        "|---|---|",
        "| A | a named person, on the record |",
        "| B | a named organization; a news outlet (second-hand); a named document; "
        "a named person whose words come through another outlet |",
        "| C | an anonymous source with a reason for anonymity, a precise descriptor "
        "(role and organization) and a basis of knowledge, and no opinion |",
        '| D | any other anonymous source; a vague source ("analysts say"); an unnamed '
        'document ("a report"); a source the auditor could not identify |',
        "| F | a checkable claim with no source at all (claims only) |",
        "",
        "A claim the article itself calls unverified lowers its attribution one grade "
        "(not below D).",
        "",
        f"**Document score (0-100)** = the mean points of every attribution and every "
        f"unattributed factual claim ({', '.join(GRADED_CLAIM_KINDS)}) - points: {points}; "
        f"100 when there is neither - minus a penalty for the findings ({penalty} for a "
        f"rule's first finding, half that for each repeat of the same rule; at most "
        f"{MAX_PENALTY:g} in all), rounded. Predictions and superlatives are reported but "
        "not graded. **Document grade** from the score: "
        f'{bands}. The report\'s "why this grade" lines list the mix, what cost most and '
        "each severity's penalty.",
    ]


def render_markdown(pack: RulePack) -> str:
    """docs/rules.md for ``pack``."""
    rules = sorted(pack.rules, key=lambda r: r.id)
    families: dict[str, list[Rule]] = {}
    for rule in rules:
        families.setdefault(rule.family, []).append(rule)
    out = [
        "# Rules",
        "",
        f"<!-- Generated from the rule pack by `{REGENERATE}`; do not edit by hand. -->",
        "",
        "Every rule is one YAML file in `rules/` (shipped in the wheel as "
        "`auditor/rules_pack`). `auditor rules` lists them, `auditor rule ID` explains one.",
        "",
        "| rule | name | severity | what it flags |",
        "|---|---|---|---|",
    ]
    for rule in rules:
        out.append(
            f"| [{rule.id}](#{rule.id.lower()}) | {rule.name} | {rule.severity} | {rule.line} |"
        )
    out += ["", "## Grades and score", "", *_grades(), ""]
    out += [*_flags_section(), *_configuration_section(), *_writing_section()]
    out += [
        *_checks_table(),
        "",
    ]
    for family, members in families.items():
        out += [f"## {family}", ""]
        for rule in members:
            out.append(rule_section(rule))
    return "\n".join(out).rstrip("\n") + "\n"


def _flags_section() -> list[str]:
    """The compliance flags sourcing sets, with what each means."""
    return [
        "## Compliance flags",
        "",
        "Sourcing sets these flags on attributions from plain textual cues (cue lists in "
        "`auditor/lexicons/sourcing_*.txt`); each comes with the words that justify it.",
        "",
        "| flag | meaning |",
        "|---|---|",
        *[f"| `{name}` | {meaning} |" for name, meaning in FLAGS.items()],
        "",
    ]


def _configuration_section() -> list[str]:
    """The configuration keys, an example, and inline suppression."""
    return [
        "## Configuration",
        "",
        "`[tool.auditor]` in pyproject.toml, or the same keys at the top of `auditor.toml`, "
        "found upward from the article (`--config FILE` picks one). Unknown keys, rule ids "
        "and thresholds are errors.",
        "",
        "| key | meaning |",
        "|---|---|",
        *[f"| `{key}` | {meaning} |" for key, meaning in KNOWN_KEYS.items()],
        "",
        "```toml",
        "[tool.auditor]",
        'select = ["ALL"]',
        'ignore = ["VERB002", "DOC"]',
        'rule-folders = ["house-rules"]',
        "",
        "[tool.auditor.severity]",
        'ANON003 = "error"',
        "",
        "[tool.auditor.thresholds]",
        "anonymous_share = 0.4",
        "```",
        "",
        "Inline suppression (Markdown and HTML input): "
        "`<!-- auditor: ignore[ANON001] checked with the desk -->` silences the named rules "
        "or families for the next block; a suppression that silences nothing is itself "
        "reported (META001).",
        "",
    ]


def _writing_section() -> list[str]:
    """What a rule file holds, for someone writing one."""
    return [
        "## Writing a rule",
        "",
        "A rule file has `id` (family + three digits), `name` (kebab-case), `severity` "
        "(suggestion, warning or error), `summary` (one line, optional), `message` (with "
        "plain `{placeholders}` the check fills: no format spec, conversion, attribute or "
        "index), `why`, `fix`, `authority` (a list of `name` and `url`), `check`, the check's "
        "parameters, optional `thresholds` (name: default) and `examples` with `bad` and "
        "`good` texts that the test suite runs through the full auditor, like ruff's rule "
        "fixtures: a good example must not produce the rule, a bad one must. A bad example "
        "may be a mapping `{text: ..., at: ...}` that pins where its finding lands: every "
        "finding of the rule must overlap (share at least one character with) the first "
        "occurrence of `at` in `text`; a finding with an empty span counts as the character "
        "at its start, and a finding about the whole document (DOC002) points at the start "
        "of the text. `at` must occur in `text`; good examples are plain texts. The shipped "
        "pack gives every rule at least three of each, every bad one anchored. Cue lists take "
        "phrases (whole words, any case) or `re:` regular expressions. In rule folders of "
        "your own, `re:` cues and `source_matches` use RE2 syntax, which runs in linear time "
        "on any text: no lookaround or backreferences, and `\\b`, `\\w`, `\\s` are ASCII "
        "(write `\\p{L}` or `[[:space:]\\pZ]` for other letters and spaces). YAML aliases "
        "(`*name`) are not allowed in rule files.",
        "",
    ]


def main() -> None:
    """Print docs/rules.md for the default pack (no config applied)."""
    from auditor.config import Config

    print(render_markdown(load_rule_pack(Config())), end="")


if __name__ == "__main__":
    main()
