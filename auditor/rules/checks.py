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
from auditor.rules.model import Rule, RuleError
from auditor.rules.patterns import compile_cues, compile_regex
from auditor.rules.quotes import is_nobodys_words
from auditor.sourcing import CLAIM_KINDS, FLAGS, cue_patterns
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
        return cue_patterns.pattern(value)
    except cue_patterns.LexiconError as exc:
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
        "at_evidence": Param(
            _choices(tuple(FLAGS)),
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


# ---------------------------------------------------------------------------- document


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


def _name_breaks(ctx: Context) -> list[int]:
    """Offsets of paragraph breaks inside a name ("Professor Anna" / "Karlsson of ..."),
    which the ingest stage, reading words alone, cannot tell from a headline."""
    titles = "|".join(
        re.escape(t).replace(r"\ ", r"\s+") for t in cue_patterns.entries("person_titles")
    )
    cut = re.compile(_NAME_CUT.format(titles=titles), re.IGNORECASE)
    paragraphs = ctx.index.paragraphs
    out = []
    for (start, end), (n_start, n_end) in zip(paragraphs, paragraphs[1:], strict=False):
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
        DocumentCheck(),
        SuppressionCheck(),
    )
}

# Checks kept beside the data they need register themselves into CHECKS when imported.
from auditor.provenance import checks as _provenance_checks  # noqa: E402, F401
from auditor.rules import speakers as _speaker_checks  # noqa: E402, F401
