"""The ``phrase`` check: cue phrases in sentences ("sources say", "reportedly"), unless a
condition around them excuses the match (the sentence names a source, it links one)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from auditor.rules.check_params import (
    SEVERITY_CHOICES,
    Check,
    Param,
    choice,
    choices,
    lexicon_pattern,
    phrase_patterns,
    replacement_map,
    true_or_false,
)
from auditor.rules.context import Context, Hit, excerpt
from auditor.rules.rule import Rule, RuleError

PHRASE_CONDITIONS = (
    "sentence_names_source",
    "previous_sentence_names_source",
    "paragraph_names_source",
    "sentence_has_link",
    "in_quote",
)


class PhraseCheck(Check):
    name = "phrase"
    doc = "cue phrases matched in each sentence, outside quotation marks unless told"
    params = {
        "cues": Param(
            phrase_patterns, compiles=True, help="phrases (or `re:` regular expressions), any case"
        ),
        "lexicon": Param(lexicon_pattern, help="a cue list file in auditor/lexicons/"),
        "unless": Param(
            choices(PHRASE_CONDITIONS),
            help="conditions that excuse a match: " + ", ".join(PHRASE_CONDITIONS),
        ),
        "in_quotes": Param(true_or_false, help="also match inside quotation marks (default false)"),
        "lede_severity": Param(
            choice(SEVERITY_CHOICES), help="severity when the match is in the headline or lede"
        ),
        "replacements": Param(replacement_map, help="matched word -> what to write instead"),
        "once": Param(true_or_false, help="report only the first match in the article"),
    }
    placeholders = frozenset({"match", "sentence", "replacement"})

    def validate(self, params: dict[str, Any], where: str) -> None:
        if "cues" not in params and "lexicon" not in params:
            raise RuleError(f"{where}: missing field 'cues' (needed by check 'phrase')")

    def _excused(self, conditions: list[str], ctx: Context, i: int, span: tuple[int, int]):
        for condition in conditions:
            if condition == "sentence_names_source" and ctx.names_source(i, span):
                return True
            if condition == "previous_sentence_names_source" and ctx.names_source(
                ctx.index.previous_in_paragraph(i), span
            ):
                return True
            if condition == "paragraph_names_source":
                p = ctx.index.paragraph_of_sentence(i)
                if any(ctx.names_source(j, span) for j in ctx.sentences_of_paragraph(p)):
                    return True
            if condition == "sentence_has_link":
                s, e = ctx.index.sentences[i]
                if re.search(r"https?://|www\.\w|\]\(", ctx.text[s:e]):
                    return True
            if condition == "in_quote":
                if ctx.index.in_quotes(span[0], span[0] + 1):  # a quote holds span[0]
                    return True
        return False

    def run(self, rule: Rule, ctx: Context) -> Iterator[Hit]:
        patterns = [p for p in (rule.params.get("cues"), rule.params.get("lexicon")) if p]
        source = ctx.view if rule.params.get("in_quotes") else ctx.unquoted
        conditions = rule.params.get("unless", [])
        replacements = rule.params.get("replacements", {})
        for i, (start, end) in enumerate(ctx.index.sentences):
            sentence = source[start:end]
            for pattern in patterns:
                for match in pattern.finditer(sentence):
                    if not match.group().strip():
                        continue
                    span = (start + match.start(), start + match.end())
                    if self._excused(conditions, ctx, i, span):
                        continue
                    word = " ".join(match.group().split())
                    values = {
                        "match": word,
                        "sentence": excerpt(ctx.text[start:end], 80),
                        "replacement": replacements.get(word.lower(), "said"),
                    }
                    if rule.params.get("lede_severity") and ctx.in_lede(span[0]):
                        values["severity"] = rule.params["lede_severity"]
                    yield Hit(span[0], span[1], values, ctx.attributions_at(*span))
                    if rule.params.get("once"):
                        return
