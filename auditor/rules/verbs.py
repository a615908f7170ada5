"""The ``cue_verb`` check: a verb from a lexicon used as the cue of an attribution.

Loaded said-verbs (VERB001) and verbs of belief (VERB002) are faults only when they
attribute: a speaking subject (the attribution's source), the verb as its cue, and a
statement as its content (a quotation, or a clause: "that ...", an auxiliary, a past form).
"Claimed the trophy", "conceded two goals", "admitted to hospital" and "the scan revealed"
are other senses: the extractor finds no attribution there, or one whose content is a noun
phrase. Every tense and form of a lemma is matched (claims, claimed, claiming, pointed out).
A rule may add ``cues`` for constructions the extractor does not attribute ("is convinced
that"); they are matched outside quotations, and ``that_clause`` adds any form of a
lexicon verb directly followed by "that".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from auditor import lexicon
from auditor.lexicon import load_lexicon
from auditor.rules.check_params import LEXICON_NAME, Check, Param, phrase_patterns, true_or_false
from auditor.rules.context import Context, Hit, excerpt
from auditor.rules.rule import Rule, RuleError

#: What "said" becomes for each form of a verb: the neutral word to suggest.
_NEUTRAL = {"base": "say", "s": "says", "ed": "said", "ing": "saying"}
_VOWELS = "aeiou"


def verb_forms(lemma: str) -> dict[str, str]:
    """Every inflected form of ``lemma`` (a particle verb inflects its first word) mapped
    to its form name: base, s, ed, ing."""
    head, _, rest = lemma.lower().partition(" ")
    tail = f" {rest}" if rest else ""
    if head.endswith("e"):
        stem_ed, stem_ing = head[:-1], head[:-1]
    elif len(head) >= 2 and head[-1] == "y" and head[-2] not in _VOWELS:
        stem_ed, stem_ing = head[:-1] + "i", head  # deny: denied, denying
    elif (
        len(head) >= 3
        and head[-1] not in _VOWELS + "wxy"
        and head[-2] in _VOWELS
        and head[-3] not in _VOWELS
        and head in _DOUBLING
    ):
        stem_ed = stem_ing = head + head[-1]
    else:
        stem_ed = stem_ing = head
    if head.endswith(("s", "sh", "ch", "x", "z")):
        third = head + "es"
    elif len(head) >= 2 and head[-1] == "y" and head[-2] not in _VOWELS:
        third = head[:-1] + "ies"
    else:
        third = head + "s"
    forms = {
        head + tail: "base",
        third + tail: "s",
        stem_ed + "ed" + tail: "ed",
        stem_ing + "ing" + tail: "ing",
    }
    forms.update({irregular + tail: "ed" for irregular in _IRREGULAR_PAST.get(head, ())})
    return forms


#: Verbs whose last consonant doubles before -ed/-ing (stress on the last syllable).
_DOUBLING = load_lexicon("verbs_doubling_consonant")
#: Irregular past forms of the lemmas the shipped lexicons hold.
_IRREGULAR_PAST = {"think": ("thought",), "feel": ("felt",)}


@cache
def _that_clause(name: str) -> re.Pattern:
    """Any form of a verb of lexicon ``name`` directly followed by "that"."""
    forms = sorted(_lexicon_forms(name), key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, f.split())) for f in forms)
    return re.compile(rf"\b(?:{alternatives})(?=\s+that\s+{_CLAUSE_SUBJECT})", re.IGNORECASE)


#: What follows a complementizer "that": a subject ("that the", "that she", "that Kyiv",
#: "that prices were"), not the noun of a demonstrative ("conceded that goal").
_CLAUSE_SUBJECT = (
    r"(?:(?:the|a|an|his|her|their|its|our|my|your|this|these|those|some|many|no|most|all|"
    r"every|each|one|two|he|she|it|they|we|i|you|there|(?-i:[A-Z])|\d)\b"
    r"|[a-z]+s\s+(?:were|are|had|have|would|will|could|should|did|do|can|may|might|must)\b)"
)
#: Auxiliaries and adverbs between a subject and its verb ("the scan has clearly shown").
_BETWEEN = re.compile(
    r"(?:\s+(?:has|have|had|will|would|may|might|also|now|clearly|\w+ly))*\s*$", re.I
)


def _thing_subject(text: str, verb_start: int) -> bool:
    """Whether the words just before a verb end in a noun of a thing that cannot speak
    ("The scan revealed that", "the results have confirmed that")."""
    before = _BETWEEN.sub("", text[max(0, verb_start - 80) : verb_start])
    last = re.search(r"([A-Za-z-]+)\W*$", before)
    if last is None:
        return False
    word = last.group(1).lower()
    things = lexicon.word_set("verbs_thing_subjects")
    return word in things or (word.endswith("s") and word[:-1] in things)


@cache
def _lexicon_forms(name: str) -> dict[str, str]:
    forms: dict[str, str] = {}
    for lemma in lexicon.entries(name):
        forms.update(verb_forms(lemma))
    return forms


def _verb_lexicon(value: Any, where: str) -> str:
    if not isinstance(value, str) or not LEXICON_NAME.match(value):
        raise RuleError(f"{where}: expected the name of a verb lexicon in auditor/lexicons/")
    try:
        _lexicon_forms(value)
    except lexicon.LexiconError as exc:
        raise RuleError(f"{where}: {exc}") from None
    return value


def _normal(words: str) -> str:
    return " ".join(words.lower().split())


def _verb_in_cue(cue: str, forms: dict[str, str]) -> tuple[int, str] | None:
    """Where a lexicon verb stands in a cue and its words: the whole cue ("claimed"), or
    its last words after auxiliaries and adverbs ("has admitted", "has since conceded")."""
    words = list(re.finditer(r"\S+", cue))
    for k in range(len(words)):
        tail = cue[words[k].start() :]
        if _normal(tail) in forms:
            return words[k].start(), tail.rstrip()
    return None


@cache
def _participle_clause(name: str) -> re.Pattern:
    """An -ing form of a verb of lexicon ``name`` opening a sentence or a clause after a
    comma, before "that" or a quotation ("Conceding that turnout was low, the chairman
    said"): the participle's subject is the main clause's speaker."""
    forms = sorted((f for f, kind in _lexicon_forms(name).items() if kind == "ing"), key=len)
    alternatives = "|".join(r"\s+".join(map(re.escape, f.split())) for f in reversed(forms))
    return re.compile(
        rf"(?:(?<=[.!?,;:]\s)|(?<=\n)|^)[ \t]*(?:\w+ly[ \t]+)?\b(?P<verb>{alternatives})"
        r"(?=\s+(?:that\b|[\"“]))",
        re.IGNORECASE | re.MULTILINE,
    )


class CueVerbCheck(Check):
    name = "cue_verb"
    doc = "attributions whose cue is a verb of a lexicon, with a speaker and a statement"
    params = {
        "verbs": Param(_verb_lexicon, required=True, help="a verb lexicon in auditor/lexicons/"),
        "cues": Param(
            phrase_patterns, compiles=True, help="extra phrases matched outside quotation marks"
        ),
        "that_clause": Param(true_or_false, help="also any form of a lexicon verb before 'that'"),
        "participle_clause": Param(
            true_or_false, help="also a clause-opening -ing form of a lexicon verb before 'that'"
        ),
    }
    placeholders = frozenset({"match", "replacement", "source", "sentence"})

    def _is_statement(self, ctx: Context, attribution: Any) -> bool:
        if attribution.kind in ("direct", "mixed"):
            return True
        content = attribution.content.text
        if ctx.index.in_quotes(attribution.content.start, attribution.content.end):
            return True
        if attribution.cue is not None and attribution.cue.end <= attribution.content.start:
            between = ctx.text[attribution.cue.end : attribution.content.start]
            if re.fullmatch(r"\s*(?:that|whether)\s*", between, re.IGNORECASE):
                return True  # "admitted that ...": a complement clause
        return lexicon.pattern("verbs_clause_markers").search(content) is not None

    def _attributed(self, rule: Rule, ctx: Context) -> Iterator[Hit]:
        forms = _lexicon_forms(rule.params["verbs"])
        for a in ctx.analysis.attributions:
            if a.cue is None or a.source is None:
                continue
            verb = _verb_in_cue(a.cue.text, forms)
            if verb is None or ctx.index.in_quotes(a.cue.start, a.cue.end):
                continue
            if not self._is_statement(ctx, a):
                continue
            offset, words = verb
            start = a.cue.start + offset
            values = {
                "match": _normal(words),
                "replacement": _NEUTRAL[forms[_normal(words)]],
                "source": excerpt(a.source.text),
                "sentence": excerpt(a.content.text, 80),
            }
            yield Hit(start, start + len(words), values, (a.id,))

    def _phrases(self, rule: Rule, ctx: Context) -> Iterator[Hit]:
        patterns = [rule.params["cues"]] if "cues" in rule.params else []
        if rule.params.get("that_clause"):
            patterns.append(_that_clause(rule.params["verbs"]))
        if rule.params.get("participle_clause"):
            patterns.append(_participle_clause(rule.params["verbs"]))
        forms = _lexicon_forms(rule.params["verbs"])
        for pattern in patterns:
            for match in pattern.finditer(ctx.unquoted):
                group = "verb" if "verb" in pattern.groupindex else 0
                word = _normal(match.group(group))
                if not word:
                    continue
                values = {
                    "match": word,
                    "replacement": _NEUTRAL.get(forms.get(word, ""), "said"),
                    "source": "",
                    "sentence": "",
                }
                span = match.span(group)
                if _thing_subject(ctx.text, span[0]):
                    continue
                yield Hit(*span, values, ctx.attributions_at(*span))

    def run(self, rule: Rule, ctx: Context) -> Iterator[Hit]:
        seen: list[tuple[int, int]] = []
        for hit in (*self._attributed(rule, ctx), *self._phrases(rule, ctx)):
            if any(hit.start < end and hit.end > start for start, end in seen):
                continue  # an extra phrase over a cue already reported
            seen.append((hit.start, hit.end))
            yield hit
