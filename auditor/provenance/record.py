"""What one article contributes to provenance: its speakers, quotes, names and organizations.

:func:`article_record` turns an :class:`~auditor.model.Analysis` into a small plain dict
(JSON-safe, a few kilobytes) that batch workers return with each result, so the registry
and the cross-document checks never need the article text or spaCy again::

    {"v": 1,
     "speakers": [{"name": "Denis Pushilin", "kind": "person", "type": "named_person",
                   "variants": ["Denis Pushilin"], "descriptions": ["the head of ..."],
                   "attributions": 3, "at": [120, 134, 4]}],      # start, end, line
     "quotes": [{"text": "not to retreat", "speakers": ["Volodymyr Zelenskyy"],
                 "at": [410, 426]}],
     "names": {"Sevsk": [3, 58]},            # proper name -> [count, first offset]
     "orgs": {"CNA": [1, 2009, 2012, 9]}}    # organization -> [count, start, end, line]

:func:`record_from_result` rebuilds what it can from an ``auditor/2`` (or ``auditor/1``)
result alone (for result lines written without a record).
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from auditor.lexicon import load_lexicon
from auditor.model import Analysis, line_and_column
from auditor.provenance.article_names import headline_lines, names_in, organizations_in
from auditor.provenance.name_keys import (
    clean_name,
    organizations_of,
    outlet_name,
    roles_of,
    words,
)
from auditor.sourcing.overlaps import SpanIndex

RECORD_VERSION = 1
#: Source types whose speakers are registered (named people, organizations and outlets).
REGISTERED_TYPES = ("named_person", "named_organization", "media")
#: Quotes shorter than this many words are scare quotes ("buffer zone"), not statements.
MIN_QUOTE_WORDS = 3
#: Longest quote kept whole in a record (longer ones are cut; drift needs the words).
MAX_QUOTE_CHARS = 600

_KINDS = {"named_person": "person", "named_organization": "organization", "media": "media"}
_APPOSITIVE = re.compile(
    r"""^\s*,\s*(
        (?:a|an|the)\s[^,;.“”"!?]{3,120}?
        | [A-Z][\w’'.-]*(?:\s[A-Z][\w’'.-]*)*['’]s\s[^,;.“”"!?]{3,80}?
    )\s*(?:,|\.|;|$)""",
    re.VERBOSE,
)


def article_record(analysis: Analysis) -> dict[str, Any]:
    """The provenance record of one analysed article (see the module docstring)."""
    text = analysis.text
    starts = [s for s, _ in analysis.sentences]
    skip = headline_lines(text)
    speakers = _speakers(analysis)
    for speaker in speakers:
        speaker["at"] = [*speaker["at"][:2], line_and_column(text, speaker["at"][0])[0]]
    orgs = organizations_in(text, skip)
    for entry in orgs.values():
        entry.append(line_and_column(text, entry[1])[0])
    return {
        "v": RECORD_VERSION,
        "speakers": speakers,
        "quotes": _quotes(analysis, starts),
        "names": names_in(text, starts, skip),
        "orgs": orgs,
    }


#: Where an Analysis keeps its record once built: the registry rules build it during the
#: rule evaluation and a batch worker returns it with the result. It reads only what the
#: NLP stage and ``sourcing.annotate`` set, which nothing after them changes.
_CACHE = "_provenance_record"


def cached_record(analysis: Analysis) -> dict[str, Any]:
    """:func:`article_record` of ``analysis``, built once per analysis."""
    record = analysis.__dict__.get(_CACHE)
    if record is None:
        record = analysis.__dict__[_CACHE] = article_record(analysis)
    return record


def batch_record(analysis: Analysis | None) -> dict[str, Any] | None:
    """:func:`article_record` for a batch worker: None when there is no analysis or the
    record cannot be built, so the document's audit is never lost over it (the registry
    then uses :func:`record_from_result`)."""
    if analysis is None:
        return None
    try:
        return cached_record(analysis)
    except Exception:  # noqa: BLE001 - the audit result matters more than this extra
        return None


def record_from_result(result: dict[str, Any]) -> dict[str, Any]:
    """A record from an ``auditor/2`` (or ``auditor/1``) result dict alone: speakers and
    their descriptions from the attributions, direct quotes from their contents' parts
    (the whole content in ``auditor/1``); no names or organizations."""
    speakers: dict[str, dict[str, Any]] = {}
    quotes = []
    for attribution in result.get("attributions") or []:
        speaker = attribution.get("speaker") or {}
        kind = attribution.get("source_type")
        name = clean_name(str(speaker.get("name") or ""))
        if kind == "media":
            name = outlet_name(name)
        content = attribution.get("content") or {}
        if name and kind in REGISTERED_TYPES and not _title_only(name):
            entry = speakers.setdefault(
                name,
                {
                    "name": name,
                    "kind": _KINDS[kind],
                    "type": kind,
                    "variants": [name],
                    "descriptions": [],
                    "attributions": 0,
                    "at": _at(attribution.get("source") or content),
                },
            )
            entry["attributions"] += 1
            description = speaker.get("description")
            if description and description not in entry["descriptions"]:
                entry["descriptions"].append(description)
        if attribution.get("kind") == "direct" and name:
            # Each part is one quoted passage (auditor/2); an auditor/1 content is one.
            for passage in content.get("parts") or [content]:
                inner = _strip_marks(str(passage.get("text", "")))
                if len(words(inner)) >= MIN_QUOTE_WORDS:
                    quotes.append(
                        {"text": inner[:MAX_QUOTE_CHARS], "speakers": [name], "at": _at(passage)}
                    )
    return {
        "v": RECORD_VERSION,
        "speakers": list(speakers.values()),
        "quotes": quotes,
        "names": {},
        "orgs": {},
    }


def _at(span: dict[str, Any]) -> list[int]:
    return [int(span.get("start", 0)), int(span.get("end", 0))]


def _strip_marks(text: str) -> str:
    return text.strip().strip("\"'“”‘’«»„‚").strip(" ,")


# ---------------------------------------------------------------------- speakers


def _speakers(analysis: Analysis) -> list[dict[str, Any]]:
    clusters = {c.id: c for c in analysis.speakers}
    # Cluster id -> its first full mention and descriptions, read once however many
    # names its speakers go by.
    seen: dict[str, tuple[tuple[int, int] | None, list[str]]] = {}
    out: dict[str, dict[str, Any]] = {}
    for attribution in analysis.attributions:
        speaker = attribution.speaker
        if speaker is None or attribution.source_type not in REGISTERED_TYPES:
            continue
        name = clean_name(speaker.name)
        if attribution.source_type == "media":
            name = outlet_name(name)  # "a Reuters report" -> "Reuters"
        if not name or _title_only(name):
            continue
        cluster = clusters.get(speaker.cluster or "")
        entry = out.get(name)
        if entry is None:
            entry = out[name] = {
                "name": name,
                "kind": _KINDS[attribution.source_type],
                "type": attribution.source_type,
                "variants": [],
                "descriptions": [],
                "attributions": 0,
                "at": [0, 0],
            }
            span = attribution.source or attribution.content
            entry["at"] = [span.start, span.end]
            if cluster is not None:
                if cluster.kind == "person" and attribution.source_type == "named_person":
                    entry["kind"] = "person"
                if cluster.id not in seen:
                    seen[cluster.id] = _cluster_facts(analysis.text, cluster)
                at, descriptions = seen[cluster.id]
                if at is not None:
                    entry["at"] = list(at)
                entry["variants"] = _variants(name, cluster.variants)
                entry["descriptions"] = list(descriptions)
            else:
                entry["variants"] = [name]
        entry["attributions"] += 1
        description = speaker.description
        if description and description.strip() and description not in entry["descriptions"]:
            entry["descriptions"].append(" ".join(description.split()))
    return list(out.values())


def _cluster_facts(text: str, cluster) -> tuple[tuple[int, int] | None, list[str]]:
    """Where the cluster is first named in full (else first mentioned), and its
    descriptions."""
    mentions = sorted(cluster.mentions, key=lambda m: m.start)
    full = [m for m in mentions if len(m.text.split()) >= 2] or mentions
    at = (full[0].start, full[0].end) if full else None
    return at, _descriptions(text, cluster)


def _title_only(name: str) -> bool:
    """True for a "name" that is only a title ("Mayor", "the President"): nobody in
    particular, so not a source to register."""
    found = words(name)
    return len(found) == 1 and found[0].lower() in load_lexicon("person_titles")


def _variants(name: str, variants: list[str]) -> list[str]:
    out = [name]
    for variant in variants:
        variant = clean_name(variant)
        if variant and variant not in out:
            out.append(variant)
    return out


def _descriptions(text: str, cluster) -> list[str]:
    """The cluster's description and every appositive after a mention of its name
    ("Denis Pushilin, the head of the DPR, said" -> "the head of the DPR")."""
    found = []
    if cluster.description:
        found.append(" ".join(cluster.description.split()))
    if cluster.kind != "person":
        return found
    for mention in cluster.mentions:
        if not mention.text[:1].isupper():
            continue  # pronouns and descriptors are not followed by the speaker's title
        match = _APPOSITIVE.match(text[mention.end : mention.end + 160])
        if not match:
            continue
        description = " ".join(match.group(1).split())
        # "According to The New York Times, the city's loss has ..." is a clause, not a
        # title: keep only short phrases that name a role or an organization.
        if len(description.split()) > 14 or description in found:
            continue
        if roles_of(description) or organizations_of(description):
            found.append(description)
    return found


# ---------------------------------------------------------------------- quotes


def _quotes(analysis: Analysis, starts: list[int]) -> list[dict[str, Any]]:
    text = analysis.text
    clusters = [c for c in analysis.speakers if c.kind == "person"]
    # The speaker's words only: a quote's extent may run over another speaker's quotation
    # between its parts.
    spoken = [(p, a) for a in analysis.attributions if a.speaker for p in a.passages]
    contents = SpanIndex([(p.start, p.end) for p, _ in spoken])
    # Mentions of the clusters that name somebody (a bare title or surname cluster,
    # "President", names nobody), by start, with the position of their cluster.
    mentions = sorted(
        (m.start, k)
        for k, cluster in enumerate(clusters)
        if len(cluster.name.split()) >= 2
        for m in cluster.mentions
    )
    mention_starts = [start for start, _ in mentions]
    out = []
    for quote in analysis.quotes:
        inner = _strip_marks(text[quote.inner_start : quote.inner_end])
        if len(words(inner)) < MIN_QUOTE_WORDS:
            continue
        speakers: list[str] = []
        for i in contents.overlapping(quote.start, quote.end):
            _add(speakers, spoken[i][1].speaker.name)
        # A quote nobody is said to have spoken still belongs to whoever the sentence, or
        # the one before it, is about ("..., Zelenskyy was advised to retreat. However,
        # the President was firm ... 'not to retreat'").
        first = max(0, bisect.bisect_right(starts, quote.start) - 2)
        window_start = starts[first] if starts else 0
        lo = bisect.bisect_left(mention_starts, window_start)
        hi = max(lo, bisect.bisect_left(mention_starts, quote.end))
        for k in sorted({k for _, k in mentions[lo:hi]}):
            _add(speakers, clusters[k].name)
        out.append(
            {
                "text": " ".join(inner.split())[:MAX_QUOTE_CHARS],
                "speakers": speakers,
                "at": [quote.start, quote.end],
            }
        )
    return out


def _add(names: list[str], name: str) -> None:
    name = clean_name(name)
    if name and name not in names:
        names.append(name)
