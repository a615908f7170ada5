"""The ``attribution`` check: attributions whose source type, kind, flags, cue or wording
match every condition a rule gives ("an anonymous source with no reason given")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from auditor.model import KINDS, SOURCE_TYPES, Attribution
from auditor.rules.check_params import (
    Check,
    Param,
    choices,
    phrase_patterns,
    regular_expression,
    replacement_map,
    whole_number,
)
from auditor.rules.context import Context, Hit, excerpt
from auditor.rules.rule import Rule
from auditor.sourcing import FLAGS
from auditor.sourcing.flags import described_by


def _source_words(ctx: Context, attribution: Attribution) -> str:
    """The source as a message names it: "his top generals (who)" for a pronoun that
    stands for a phrase, the source's own words otherwise."""
    source = attribution.source
    if source is None:
        return "(no source)"
    described = described_by(ctx.analysis, attribution)
    if described is not None and described is not source:
        return f"{excerpt(described.text)} ({source.text.strip()})"
    return excerpt(source.text)


#: Words whose full stop does not end a sentence ("Mr. King", "U.S. forces", "Gen. Lee").
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Prof|Jr|Sr|No|vs|etc|Inc|Co|"
    r"Corp|Ltd|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Mt|Ft|Ave)|\b[A-Z]|\.[a-zA-Z])$"
)


def _sentences_before(text: str) -> int:
    """How many complete sentences ``text`` (the start of a quotation) holds."""
    text = text.strip()
    count = 0
    for match in re.finditer(r"[.!?][\"'”’]?(?=\s+\S|\s*$)", text):
        if match.group().startswith(".") and _ABBREVIATION.search(text[: match.start()]):
            continue
        count += 1
    return count


class AttributionCheck(Check):
    name = "attribution"
    doc = "attributions whose type, kind, flags, cue or wording match every condition given"
    params = {
        "source_type": Param(choices(SOURCE_TYPES), help="any of these source types"),
        "kind": Param(choices(KINDS), help="any of these attribution kinds"),
        "flags": Param(choices(tuple(FLAGS)), help="all of these flags set"),
        "not_flags": Param(choices(tuple(FLAGS)), help="none of these flags set"),
        "any_flags": Param(choices(tuple(FLAGS)), help="at least one of these flags set"),
        "cues": Param(phrase_patterns, compiles=True, help="the cue's words match one of these"),
        "source_matches": Param(
            regular_expression, compiles=True, help="the source's words match this expression"
        ),
        "source_not_matches": Param(
            regular_expression, compiles=True, help="the source's words do not match this"
        ),
        "speaker_after_sentences": Param(
            whole_number,
            help="quotes with at least this many sentences before the speaker is named",
        ),
        "replacements": Param(replacement_map, help="cue word -> what to write instead"),
        "at_evidence": Param(
            choices(tuple(FLAGS)),
            help="land on the words a flag's evidence quotes (an outlet) where the text has them",
        ),
    }
    placeholders = frozenset(
        {"source", "cue", "content", "speaker", "source_type", "kind", "evidence", "replacement"}
    )

    def _matches(self, a: Attribution, p: dict[str, Any], ctx: Context) -> bool:
        flags = set(a.flags)
        if "source_type" in p and a.source_type not in p["source_type"]:
            return False
        if "kind" in p and a.kind not in p["kind"]:
            return False
        if "flags" in p and not set(p["flags"]) <= flags:
            return False
        if "not_flags" in p and set(p["not_flags"]) & flags:
            return False
        if "any_flags" in p and not set(p["any_flags"]) & flags:
            return False
        if "cues" in p and (a.cue is None or not p["cues"].search(a.cue.text)):
            return False
        source = a.source.text if a.source else ""
        if "source_matches" in p and not p["source_matches"].search(source):
            return False
        if "source_not_matches" in p and p["source_not_matches"].search(source):
            return False
        if "speaker_after_sentences" in p:
            marks = [s.start for s in (a.cue, a.source) if s is not None]
            if not marks or a.kind not in ("direct", "mixed", "floating"):
                return False
            named_at = min(marks)
            if named_at <= a.content.start:
                return False
            before = ctx.text[a.content.start : min(named_at, a.content.end)]
            if _sentences_before(before) < p["speaker_after_sentences"]:
                return False
        return True

    def run(self, rule: Rule, ctx: Context) -> Iterator[Hit]:
        p = rule.params
        for a in ctx.analysis.attributions:
            if not self._matches(a, p, ctx):
                continue
            span = a.source or a.cue or a.content
            evidence = ctx.evidence.get(a.id, {})
            wanted = list(p.get("flags", [])) + list(p.get("any_flags", []))
            cue = a.cue.text if a.cue else ""
            values = {
                "source": _source_words(ctx, a),
                "cue": cue or "(no cue)",
                "content": excerpt(a.content.text),
                "speaker": a.speaker.name if a.speaker else "(unknown)",
                "source_type": a.source_type.replace("_", " "),
                "kind": a.kind,
                "evidence": "; ".join(evidence[f] for f in wanted if f in evidence)
                or "; ".join(f"no {f.replace('_', ' ')}" for f in p.get("not_flags", [])),
                "replacement": p.get("replacements", {}).get(cue.lower(), "said"),
            }
            start, end = _evidence_span(ctx, a, evidence, p) or (span.start, span.end)
            yield Hit(start, end, values, (a.id,))


def _evidence_span(
    ctx: Context, a: Attribution, evidence: dict[str, str], p: dict[str, Any]
) -> tuple[int, int] | None:
    """Where the words quoted by the evidence of the flags named in ``at_evidence`` stand
    in the attribution's sentence or source ("via 'Baltpress'" -> Baltpress), if there."""
    for flag in p.get("at_evidence", ()):
        quoted_words = re.search(r"'(.+)'", evidence.get(flag, ""))
        if quoted_words is None:
            continue
        words = r"\s+".join(map(re.escape, quoted_words.group(1).split()))
        i = ctx.index.sentence_index(ctx.index.anchor(a))
        regions = [(a.source.start, a.source.end)] if a.source else []
        if i is not None:
            regions.append(ctx.index.sentences[i])
        for start, end in regions:
            found = re.compile(words).search(ctx.text, start, end)
            if found:
                return found.span()
    return None
