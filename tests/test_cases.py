"""The table of attribution cases in tests/cases/*.yaml, run one test per case.

Each file holds the cases of one construction (direct quotes, reported speech, ...); each
case is a sentence written for the test and what the pipeline must find in it. A case's
test id is ``FILE/ID`` (``pytest -k direct/speaker_after_quote`` runs one). The keys:

``id``
    Names the case (what it shows, in words).
``text``
    The sentence or lines to analyse.
``expect``
    The attribution the text must hold, or a list of them. Each is a mapping of *fields*
    to *matchers*. Without ``where`` or ``at``, the text must hold exactly one
    attribution; with ``where`` (a mapping of fields to matchers too), exactly one
    attribution must match ``where`` and that one is checked; with ``at: N``, the N-th
    attribution in text order (``at: -1``: the last) is checked.
``not``
    A list of mappings none of which any attribution may match (a near miss that must not
    fire), e.g. ``not: [{cue: ":"}]``.
``all``
    A mapping that every attribution must match.
``count``
    How many attributions the text holds (``count: 0``: none).
``kinds``
    The kinds of all attributions, in text order.
``cues``
    The cue words of all attributions, sorted.

Fields: ``kind``, ``content``, ``cue``, ``source``, ``via`` (the text of those spans),
``speaker`` and ``description`` (the resolved speaker's name and description),
``source_type``, ``content_start`` (the content's character offset).

Matchers: a plain value (equal), ``null`` (absent), or a mapping of one or more of
``startswith``, ``endswith``, ``contains``, ``not_contains``, ``not`` (anything but this,
absent included), ``below`` (a number less than this).

Besides, every span of every attribution must slice the text at its offsets.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

CASES = Path(__file__).parent / "cases"
CASE_KEYS = {"id", "text", "expect", "not", "all", "count", "kinds", "cues"}
FIELDS = {
    "kind",
    "content",
    "cue",
    "source",
    "via",
    "speaker",
    "description",
    "source_type",
    "content_start",
}


def load_cases() -> list:
    """Every case of every file, as pytest params with ``FILE/ID`` ids."""
    params, seen = [], set()
    for path in sorted(CASES.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            case_id = f"{path.stem}/{case['id']}"
            assert case_id not in seen, f"two cases named {case_id}"
            seen.add(case_id)
            params.append(pytest.param(case, id=case_id))
    return params


def field(attribution, name: str):
    """The value of ``name`` on ``attribution`` (None when absent)."""
    if name in ("content", "cue", "source", "via"):
        span = getattr(attribution, name)
        return None if span is None else span.text
    if name == "speaker":
        return None if attribution.speaker is None else attribution.speaker.name
    if name == "description":
        return None if attribution.speaker is None else attribution.speaker.description
    if name == "content_start":
        return attribution.content.start
    return getattr(attribution, name)


def matches(value, matcher) -> bool:
    """Whether ``value`` satisfies ``matcher`` (see the module text)."""
    if not isinstance(matcher, dict):
        return value == matcher
    tests = {
        "startswith": lambda v, m: v is not None and v.startswith(m),
        "endswith": lambda v, m: v is not None and v.endswith(m),
        "contains": lambda v, m: v is not None and m in v,
        "not_contains": lambda v, m: v is not None and m not in v,
        "not": lambda v, m: v != m,
        "below": lambda v, m: v is not None and v < m,
    }
    unknown = set(matcher) - set(tests)
    assert not unknown, f"unknown matcher {unknown}"
    return all(tests[name](value, wanted) for name, wanted in matcher.items())


def mismatches(attribution, spec: dict) -> list[str]:
    """The fields of ``spec`` that ``attribution`` does not match, with what it has."""
    unknown = set(spec) - FIELDS - {"where", "at"}
    assert not unknown, f"unknown field {unknown}"
    return [
        f"{name}: wanted {wanted!r}, found {field(attribution, name)!r}"
        for name, wanted in spec.items()
        if name not in ("where", "at") and not matches(field(attribution, name), wanted)
    ]


def describe(attributions) -> str:
    """The attributions found, one a line, for failure messages."""
    return (
        "\n".join(
            f"  {a.kind}: cue={field(a, 'cue')!r} source={field(a, 'source')!r} "
            f"content={field(a, 'content')!r}"
            for a in attributions
        )
        or "  (none)"
    )


def selected(attributions, spec: dict):
    """The one attribution ``spec`` speaks of: the only one, the one ``where`` picks, or
    the one ``at`` its index."""
    if "at" in spec:
        at = spec["at"]
        assert -len(attributions) <= at < len(attributions), (
            f"no attribution at {at}:\n{describe(attributions)}"
        )
        return attributions[at]
    where = spec.get("where")
    chosen = [a for a in attributions if where is None or not mismatches(a, where)]
    what = "attribution" if where is None else f"attribution where {where}"
    assert len(chosen) == 1, f"wanted one {what}, found {len(chosen)}:\n{describe(attributions)}"
    return chosen[0]


def check_offsets(text: str, attributions) -> None:
    for a in attributions:
        for span in (a.content, a.cue, a.source, a.via):
            if span is not None:
                assert text[span.start : span.end] == span.text


@pytest.mark.parametrize("case", load_cases())
def test_case(analyze, case):
    unknown = set(case) - CASE_KEYS
    assert not unknown, f"unknown key {unknown}"
    text = case["text"]
    found = analyze(text).attributions
    check_offsets(text, found)
    if "count" in case:
        assert len(found) == case["count"], describe(found)
    if "kinds" in case:
        assert [a.kind for a in found] == case["kinds"], describe(found)
    if "cues" in case:
        assert sorted(field(a, "cue") for a in found) == case["cues"], describe(found)
    expect = case.get("expect", [])
    for spec in [expect] if isinstance(expect, dict) else expect:
        wrong = mismatches(selected(found, spec), spec)
        assert not wrong, "\n".join(wrong) + "\nfound:\n" + describe(found)
    for spec in case.get("not", []):
        hits = [a for a in found if not mismatches(a, spec)]
        assert not hits, f"must not find {spec}:\n{describe(hits)}"
    for a in found:
        assert not mismatches(a, case.get("all", {})), describe(found)
