"""The ``claim`` check (checkable claims with no source, or unverified) and the ``quote``
check (quotations unclosed, broken across paragraphs, unattributed, or holding cues)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from auditor.rules.check_params import (
    Check,
    Param,
    choice,
    choices,
    phrase_patterns,
    true_or_false,
    whole_number,
)
from auditor.rules.context import Context, Hit, excerpt
from auditor.rules.nobodys_words import is_nobodys_words
from auditor.rules.rule import Rule, RuleError
from auditor.sourcing import CLAIM_KINDS


class ClaimCheck(Check):
    name = "claim"
    doc = "checkable claims (figures, casualties, allegations...) by status and kind"
    params = {
        "status": Param(
            choice(("unattributed", "unverified")),
            required=True,
            help="unattributed or unverified",
        ),
        "kinds": Param(
            choices((*CLAIM_KINDS, "statement")),
            help="any of these claim kinds: " + ", ".join((*CLAIM_KINDS, "statement")),
        ),
    }
    placeholders = frozenset({"kind", "claim"})

    def run(self, rule: Rule, ctx: Context) -> Iterator[Hit]:
        p = rule.params
        for claim in ctx.analysis.claims:
            if claim.status != p["status"]:
                continue
            if "kinds" in p and claim.why not in p["kinds"]:
                continue
            values = {"kind": claim.why, "claim": excerpt(claim.text, 70)}
            yield Hit(claim.start, claim.end, values, ctx.attributions_at(claim.start, claim.end))


class QuoteCheck(Check):
    name = "quote"
    doc = "quotations that are unclosed, broken across paragraphs, unattributed or hold cues"
    params = {
        "unclosed": Param(true_or_false, help="the closing mark never came"),
        "broken": Param(true_or_false, help="runs into the next paragraph without re-opening"),
        "unattributed": Param(
            true_or_false,
            help="no speaker's content overlaps the quote (titles and written texts aside)",
        ),
        "min_words": Param(whole_number, help="at least this many words inside the marks"),
        "contains": Param(phrase_patterns, compiles=True, help="cues found inside the quotation"),
    }
    placeholders = frozenset({"quote", "match", "mark"})

    def validate(self, params: dict[str, Any], where: str) -> None:
        if not set(params) - {"min_words"}:
            raise RuleError(
                f"{where}: check 'quote' needs one of unclosed, broken, unattributed, contains"
            )

    def run(self, rule: Rule, ctx: Context) -> Iterator[Hit]:
        p = rule.params
        for quote in ctx.analysis.quotes:
            inner = ctx.text[quote.inner_start : quote.inner_end]
            if "unclosed" in p and (not quote.closed) != p["unclosed"]:
                continue
            if "broken" in p and quote.broken != p["broken"]:
                continue
            if len(inner.split()) < p.get("min_words", 0):
                continue
            if "unattributed" in p:
                # An attribution with neither source nor speaker (a quote the extractor
                # kept but could not attach) does not count as a speaker.
                if ctx.has_spoken_content(quote.start, quote.end) == p["unattributed"]:
                    continue
                if p["unattributed"] and is_nobodys_words(ctx, quote.start, inner):
                    continue  # a title or a sign's words: no speaker to name
            values = {"quote": excerpt(inner), "mark": quote.open_mark, "match": ""}
            start, end = quote.start, quote.end
            if "contains" in p:
                match = p["contains"].search(inner)
                if match is None:
                    continue
                values["match"] = match.group()
                start = quote.inner_start + match.start()
                end = quote.inner_start + match.end()
            elif "unclosed" in p or "broken" in p:
                end = start + len(quote.open_mark)  # point at the mark that opens the trouble
            yield Hit(start, end, values, ctx.attributions_at(quote.start, quote.end))
