"""The ``document`` check: an article-wide metric (the share of unnamed sources, the named
sources, paragraph breaks inside a name...) compared with a threshold."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from auditor import lexicon
from auditor.rules.check_params import (
    Check,
    Param,
    choice,
    phrase_patterns,
    true_or_false,
    whole_number,
)
from auditor.rules.context import Context, Hit
from auditor.rules.rule import Rule, RuleError

#: Flags of an unnamed source that is not one the reporter relies on (sourcing/nesting.py).
_NOT_OWN_SOURCE = frozenset({"same_source", "reported_by_named", "in_descriptor"})


def _metric_anonymous_share(ctx: Context, rule: Rule) -> tuple[float, list[tuple[int, int]]]:
    # A relative "who" restating a source, words inside another source's description or
    # statement, and attributions with no source found are not sources of the article.
    attributions = [
        a
        for a in ctx.analysis.attributions
        if a.source is not None and not set(a.flags) & _NOT_OWN_SOURCE
    ]
    if not attributions:
        return 0.0, []
    unnamed = [a for a in attributions if a.source_type in ("anonymous", "vague")]
    spans = [(s.start, s.end) for a in unnamed for s in [a.source or a.content]]
    return len(unnamed) / len(attributions), spans[:1]


def _metric_named_sources(ctx: Context, rule: Rule) -> tuple[float, list[tuple[int, int]]]:
    named = [a for a in ctx.analysis.attributions if ctx.is_named(a)]
    return float(len(named)), []


def _metric_sentences(ctx: Context, rule: Rule) -> tuple[float, list[tuple[int, int]]]:
    return float(len(ctx.index.sentences)), []


def _metric_cue_count(ctx: Context, rule: Rule) -> tuple[float, list[tuple[int, int]]]:
    pattern = rule.params.get("cues")
    if pattern is None:
        return 0.0, []
    spans = [(m.start(), m.end()) for m in pattern.finditer(ctx.unquoted) if m.group().strip()]
    return float(len(spans)), spans[:1]


#: A paragraph that stops inside a name: a title or a verb of saying and then one
#: capitalized word, with no final punctuation ("... led by Professor Anna").
_NAME_CUT = (
    r"(?:(?:{titles})\s+[A-Z][\w'’-]*"
    r"|\b(?:said|says|told|by|according\s+to)(?:\s+[A-Z][\w'’.-]*){{1,2}})\s*$"
)


@cache
def _name_cut() -> re.Pattern:
    titles = "|".join(lexicon.phrase_pattern(t) for t in lexicon.entries("person_titles"))
    return re.compile(_NAME_CUT.format(titles=titles), re.IGNORECASE)


def _name_breaks(ctx: Context) -> list[int]:
    """Offsets of paragraph breaks inside a name ("Professor Anna" / "Karlsson of ..."),
    which the ingest stage, reading words alone, cannot tell from a headline."""
    cut = _name_cut()
    paragraphs = ctx.index.paragraphs
    out = []
    for (start, end), (n_start, n_end) in zip(paragraphs, paragraphs[1:], strict=False):
        # A cut ends the paragraph (\s*$) with its last word, which must be capitalized:
        # paragraphs ending otherwise ("... she said.") are not searched at all.
        words = ctx.text[start:end].split()
        if not words or not words[-1][:1].isupper():
            continue
        head = ctx.text[n_start:n_end].lstrip()
        found = cut.search(ctx.text, start, end)
        if found and re.match(r"[A-Z][\w'’-]*\b(?![.!?])|(?:de|van|von|da|di|al|el)\s", head):
            if all(w[:1].isupper() for w in found.group().split()[-1:]):
                out.append(end)
    return out


def _metric_repaired_breaks(ctx: Context, rule: Rule) -> tuple[float, list[tuple[int, int]]]:
    breaks = [(at, min(at + 1, len(ctx.text))) for at in _name_breaks(ctx)]
    for item in getattr(ctx.article, "repaired_breaks", None) or []:
        start = getattr(item, "start", item)
        if isinstance(item, (tuple, list)):
            start = item[0]
        if isinstance(start, int) and 0 <= start <= len(ctx.text):
            breaks.append((start, min(start + 1, len(ctx.text))))
    return float(len(breaks)), breaks


def _metric_lede_anonymous_only(ctx: Context, rule: Rule) -> tuple[float, list[tuple[int, int]]]:
    # Vague attributions ("reports indicate") are ATTR003's business; this metric asks
    # whether the lede's sources are all unnamed people.
    in_lede = [
        a
        for a in ctx.analysis.attributions
        if ctx.in_lede(ctx.index.anchor(a))
        and a.source_type != "vague"
        and not set(a.flags) & _NOT_OWN_SOURCE
    ]
    if not in_lede or any(
        a.source_type != "anonymous" or "plural_sources" in a.flags for a in in_lede
    ):
        return 0.0, []
    first = in_lede[0].source or in_lede[0].content
    return 1.0, [(first.start, first.end)]


METRICS: dict[str, Callable[[Context, Rule], tuple[float, list[tuple[int, int]]]]] = {
    "anonymous_share": _metric_anonymous_share,
    "named_sources": _metric_named_sources,
    "sentences": _metric_sentences,
    "cue_count": _metric_cue_count,
    "repaired_breaks": _metric_repaired_breaks,
    "lede_anonymous_only": _metric_lede_anonymous_only,
}
COMPARISONS = {
    "above": lambda v, t: v > t,
    "at_least": lambda v, t: v >= t,
    "below": lambda v, t: v < t,
    "at_most": lambda v, t: v <= t,
}


class DocumentCheck(Check):
    name = "document"
    doc = "an article-wide metric compared with a threshold"
    params = {
        "metric": Param(choice(tuple(METRICS)), required=True, help=", ".join(METRICS)),
        "compare": Param(choice(tuple(COMPARISONS)), required=True, help=", ".join(COMPARISONS)),
        "threshold": Param(lambda v, w: v, required=True, help="a number or a threshold name"),
        "min_attributions": Param(whole_number, help="only when at least this many attributions"),
        "min_sentences": Param(whole_number, help="only when at least this many sentences"),
        "cues": Param(phrase_patterns, compiles=True, help="cues counted by metric cue_count"),
        "unless_cues": Param(
            phrase_patterns, compiles=True, help="no finding when any of these is in the article"
        ),
        "per_item": Param(true_or_false, help="one finding per item the metric found"),
    }
    placeholders = frozenset({"value", "threshold", "percent", "count"})

    def validate(self, params: dict[str, Any], where: str) -> None:
        threshold = params["threshold"]
        if isinstance(threshold, bool) or not isinstance(threshold, (int, float, str)):
            raise RuleError(f"{where}: threshold: expected a number or a threshold name")

    def run(self, rule: Rule, ctx: Context) -> Iterator[Hit]:
        p = rule.params
        if len(ctx.analysis.attributions) < p.get("min_attributions", 0):
            return
        if len(ctx.index.sentences) < p.get("min_sentences", 0):
            return
        if "unless_cues" in p and p["unless_cues"].search(ctx.view):
            return
        threshold = p["threshold"]
        if isinstance(threshold, str):
            threshold = ctx.threshold(threshold, rule.thresholds[threshold])
        value, spans = METRICS[p["metric"]](ctx, rule)
        if not COMPARISONS[p["compare"]](value, threshold):
            return
        values = {
            "value": f"{value:g}",
            "threshold": f"{threshold:g}",
            "percent": f"{value:.0%}",
            "count": f"{value:g}",
        }
        if p.get("per_item"):
            for start, end in spans:
                yield Hit(start, end, values, ctx.attributions_at(start, end))
            return
        start, end = spans[0] if spans else (0, 0)
        yield Hit(start, end, values, ())
