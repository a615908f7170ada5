"""The fixed set of checks a rule file can use, and the parameters each accepts.

A rule names one check (``check: phrase``) and gives its parameters as top-level keys of
the YAML file. Adding a rule never needs code here; adding a *kind* of check does.

=============  ==========================================================================
check          finds
=============  ==========================================================================
phrase         cue phrases in sentences (``cues``), ``unless`` conditions around them hold
attribution    attributions by ``source_type``, ``kind``, ``flags``, ``not_flags``, cue
               words, source wording, or a speaker named too late in a quote
claim          checkable claims by ``status`` (unattributed / unverified) and ``kinds``
quote          quotations: ``unclosed``, ``broken``, ``unattributed``, ``contains`` cues
speaker        speakers ``spelled_two_ways`` or ``not_introduced`` before first use
document       article-wide ``metric`` compared with a threshold
suppression    inline suppressions that silenced nothing or name no known rule
=============  ==========================================================================
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from auditor.errors import quote_value
from auditor.model import KINDS, SOURCE_TYPES, Attribution
from auditor.rules.context import Context, Hit, excerpt
from auditor.rules.forms import name_forms, spelled_two_ways
from auditor.rules.model import Rule, RuleError
from auditor.rules.patterns import compile_cues, compile_regex
from auditor.rules.quotes import is_nobodys_words
from auditor.sourcing import CLAIM_KINDS, FLAGS, lexicon
from auditor.sourcing.flags import described_by

# ---------------------------------------------------------------------------- parameters


def _str_list(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise RuleError(f"{where}: expected a list of strings")
    return list(value)


def _choices(options: tuple[str, ...]) -> Callable[[Any, str], list[str]]:
    def parse(value: Any, where: str) -> list[str]:
        items = _str_list(value, where)
        for item in items:
            if item not in options:
                raise RuleError(
                    f"{where}: unknown value {quote_value(item)} (known: {', '.join(options)})"
                )
        return items

    return parse


def _bool(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise RuleError(f"{where}: expected true or false")
    return value


def _int(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise RuleError(f"{where}: expected a whole number >= 0")
    return value


def _choice(options: tuple[str, ...]) -> Callable[[Any, str], str]:
    def parse(value: Any, where: str) -> str:
        if value not in options:
            raise RuleError(
                f"{where}: expected one of {', '.join(options)}, got {quote_value(value)}"
            )
        return value

    return parse


def _patterns(value: Any, where: str, trusted: bool = False) -> Any:
    return compile_cues(_str_list(value, where), where, trusted=trusted)


#: A lexicon is named by its file's stem: no paths.
LEXICON_NAME = re.compile(r"^[a-z][a-z0-9_]{0,60}$")


def _lexicon_name(value: Any, where: str) -> re.Pattern:
    if not isinstance(value, str) or not LEXICON_NAME.match(value):
        raise RuleError(f"{where}: expected the name of a lexicon file in auditor/lexicons/")
    try:
        return lexicon.pattern(value)
    except lexicon.LexiconError as exc:
        raise RuleError(f"{where}: {exc}") from None


def _mapping(value: Any, where: str) -> dict[str, str]:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise RuleError(f"{where}: expected a mapping of word to replacement")
    return {k.lower(): v for k, v in value.items()}


def _regex(value: Any, where: str, trusted: bool = False) -> Any:
    if not isinstance(value, str):
        raise RuleError(f"{where}: expected a regular expression")
    return compile_regex(value, where, trusted=trusted)


@dataclass(frozen=True)
class Param:
    parse: Callable[..., Any]
    required: bool = False
    help: str = ""
    #: the value is compiled into patterns: ``parse`` also takes ``trusted`` (shipped pack)
    compiles: bool = False


SEVERITY_CHOICES = ("suggestion", "warning", "error")


class Check:
    """A kind of check: its parameters, the placeholders its messages may use, and a run."""

    name = ""
    params: dict[str, Param] = {}
    placeholders: frozenset[str] = frozenset()
    doc = ""

    def parse(self, raw: dict[str, Any], where: str, trusted: bool = False) -> dict[str, Any]:
        """Validated parameters (``where`` names the file for errors); patterns of a pack
        that is not ``trusted`` (the shipped one) compile with RE2."""
        parsed = {}
        for key, spec in self.params.items():
            if key in raw and spec.compiles:
                parsed[key] = spec.parse(raw[key], f"{where}: {key}", trusted)
            elif key in raw:
                parsed[key] = spec.parse(raw[key], f"{where}: {key}")
            elif spec.required:
                raise RuleError(f"{where}: missing field {key!r} (needed by check {self.name!r})")
        self.validate(parsed, where)
        return parsed

    def validate(self, params: dict[str, Any], where: str) -> None:
        """Cross-field checks; raise RuleError naming the field."""

    def run(self, rule: Rule, ctx: Context) -> Iterator[Hit]:  # pragma: no cover - abstract
        raise NotImplementedError


# ---------------------------------------------------------------------------- phrase

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
            _patterns, compiles=True, help="phrases (or `re:` regular expressions), any case"
        ),
        "lexicon": Param(_lexicon_name, help="a cue list file in auditor/lexicons/"),
        "unless": Param(
            _choices(PHRASE_CONDITIONS),
            help="conditions that excuse a match: " + ", ".join(PHRASE_CONDITIONS),
        ),
        "in_quotes": Param(_bool, help="also match inside quotation marks (default false)"),
        "lede_severity": Param(
            _choice(SEVERITY_CHOICES), help="severity when the match is in the headline or lede"
        ),
        "replacements": Param(_mapping, help="matched word -> what to write instead"),
        "once": Param(_bool, help="report only the first match in the article"),
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


# ---------------------------------------------------------------------------- attribution


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
        "source_type": Param(_choices(SOURCE_TYPES), help="any of these source types"),
        "kind": Param(_choices(KINDS), help="any of these attribution kinds"),
        "flags": Param(_choices(tuple(FLAGS)), help="all of these flags set"),
        "not_flags": Param(_choices(tuple(FLAGS)), help="none of these flags set"),
        "any_flags": Param(_choices(tuple(FLAGS)), help="at least one of these flags set"),
        "cues": Param(_patterns, compiles=True, help="the cue's words match one of these"),
        "source_matches": Param(
            _regex, compiles=True, help="the source's words match this expression"
        ),
        "source_not_matches": Param(
            _regex, compiles=True, help="the source's words do not match this"
        ),
        "speaker_after_sentences": Param(
            _int, help="quotes with at least this many sentences before the speaker is named"
        ),
        "replacements": Param(_mapping, help="cue word -> what to write instead"),
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
            yield Hit(span.start, span.end, values, (a.id,))


# ---------------------------------------------------------------------------- claim


class ClaimCheck(Check):
    name = "claim"
    doc = "checkable claims (figures, casualties, allegations...) by status and kind"
    params = {
        "status": Param(
            _choice(("unattributed", "unverified")),
            required=True,
            help="unattributed or unverified",
        ),
        "kinds": Param(
            _choices((*CLAIM_KINDS, "statement")),
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


# ---------------------------------------------------------------------------- quote


class QuoteCheck(Check):
    name = "quote"
    doc = "quotations that are unclosed, broken across paragraphs, unattributed or hold cues"
    params = {
        "unclosed": Param(_bool, help="the closing mark never came"),
        "broken": Param(_bool, help="runs into the next paragraph without re-opening"),
        "unattributed": Param(
            _bool, help="no speaker's content overlaps the quote (titles and written texts aside)"
        ),
        "min_words": Param(_int, help="at least this many words inside the marks"),
        "contains": Param(_patterns, compiles=True, help="cues found inside the quotation"),
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


# ---------------------------------------------------------------------------- speaker


_NAME_LIKE = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*$")
_PRONOUNS = {"he", "she", "they", "him", "her", "them", "his", "hers", "their", "it", "its"}


class SpeakerCheck(Check):
    name = "speaker"
    doc = "speakers spelled two ways, or named by surname or pronoun before being introduced"
    params = {
        "condition": Param(
            _choice(("spelled_two_ways", "not_introduced")),
            required=True,
            help="spelled_two_ways or not_introduced",
        ),
        "speakers_only": Param(_bool, help="only clusters that are the speaker of a quote"),
    }
    placeholders = frozenset({"name", "variants", "mention"})

    def _spelled_two_ways(self, ctx: Context) -> Iterator[Hit]:
        # Which forms are one name is decided in auditor/rules/forms.py.
        for reference, variant in spelled_two_ways(name_forms(ctx.analysis)):
            yield Hit(
                variant.start,
                variant.end,
                {
                    "name": reference.name,
                    "variants": f"{' '.join(reference.words)} / {' '.join(variant.words)}",
                    "mention": variant.text,
                },
                ctx.attributions_at(variant.start, variant.end),
            )

    def _not_introduced(self, ctx: Context, speakers_only: bool) -> Iterator[Hit]:
        quoted = {a.speaker.cluster for a in ctx.analysis.attributions if a.speaker}
        for cluster in ctx.analysis.speakers:
            if cluster.kind != "person" or not cluster.mentions:
                continue
            if speakers_only and cluster.id not in quoted:
                continue
            # Headlines name people by surname by convention: start at the lede.
            lede = ctx.lede
            body = [
                m
                for m in cluster.mentions
                if (_NAME_LIKE.match(m.text) or m.text.lower() in _PRONOUNS)
                and (lede is None or (ctx.index.paragraph_index(m.start) or 0) >= lede)
            ]
            if not body:
                continue
            first = min(body, key=lambda m: m.start)
            before = re.findall(r"[\w'’.-]+", ctx.text[max(0, first.start - 30) : first.start])
            if before and before[-1][:1].isupper():
                continue  # "President Obama", "Doris Crouse-Mays": a title or name comes first
            if cluster.introduced is not None and first.start >= cluster.introduced:
                continue
            if cluster.introduced is None and len(first.text.split()) >= 2:
                continue  # introduced by full name at first mention, role or not
            values = {"name": cluster.name, "variants": "", "mention": first.text}
            yield Hit(first.start, first.end, values, ctx.attributions_at(first.start, first.end))

    def run(self, rule: Rule, ctx: Context) -> Iterator[Hit]:
        if rule.params["condition"] == "spelled_two_ways":
            yield from self._spelled_two_ways(ctx)
        else:
            yield from self._not_introduced(ctx, rule.params.get("speakers_only", True))


# ---------------------------------------------------------------------------- document


def _metric_anonymous_share(ctx: Context, rule: Rule) -> tuple[float, list[tuple[int, int]]]:
    attributions = ctx.analysis.attributions
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


def _metric_repaired_breaks(ctx: Context, rule: Rule) -> tuple[float, list[tuple[int, int]]]:
    breaks = []
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
        if ctx.in_lede(ctx.index.anchor(a)) and a.source_type != "vague"
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
        "metric": Param(_choice(tuple(METRICS)), required=True, help=", ".join(METRICS)),
        "compare": Param(_choice(tuple(COMPARISONS)), required=True, help=", ".join(COMPARISONS)),
        "threshold": Param(lambda v, w: v, required=True, help="a number or a threshold name"),
        "min_attributions": Param(_int, help="only when at least this many attributions"),
        "min_sentences": Param(_int, help="only when at least this many sentences"),
        "cues": Param(_patterns, compiles=True, help="cues counted by metric cue_count"),
        "unless_cues": Param(
            _patterns, compiles=True, help="no finding when any of these is in the article"
        ),
        "per_item": Param(_bool, help="one finding per item the metric found"),
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


# ---------------------------------------------------------------------------- suppression


class SuppressionCheck(Check):
    """Runs after every other rule: the engine passes it the suppressions left unused."""

    name = "suppression"
    doc = "inline suppressions that silenced nothing or name no known rule"
    params = {}
    placeholders = frozenset({"rules", "reason"})

    def run(self, rule: Rule, ctx: Context) -> Iterator[Hit]:
        return iter(())


CHECKS: dict[str, Check] = {
    check.name: check
    for check in (
        PhraseCheck(),
        AttributionCheck(),
        ClaimCheck(),
        QuoteCheck(),
        SpeakerCheck(),
        DocumentCheck(),
        SuppressionCheck(),
    )
}

# Checks kept beside the data they need register themselves into CHECKS when imported.
from auditor.provenance import checks as _provenance_checks  # noqa: E402, F401
