"""The ``speaker`` check: one speaker's name spelled two ways (PROV003), or a speaker named
by surname or pronoun before being introduced by full name (PROV004)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from auditor.names import fold
from auditor.nlp.pronouns import THIRD_PERSON
from auditor.rules.check_params import Check, Param, choice, true_or_false
from auditor.rules.context import Context, Hit
from auditor.rules.forms import name_forms, spelled_two_ways
from auditor.rules.rule import Rule

_NAME_LIKE = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*$")
_PRONOUNS = THIRD_PERSON


def _surname_clusters(clusters: list[Any]) -> dict[str, list[Any]]:
    """Person cluster id -> the clusters the parser typed otherwise (an organization) whose
    every mention is that person's surname alone ("Okonkwo told ... Finance Director Chidi
    Okonkwo"): the article uses them as the person, when no other full name shares it."""
    owners: dict[str, list[Any]] = {}
    for cluster in clusters:
        parts = cluster.name.split()
        if cluster.kind == "person" and len(parts) >= 2:
            owners.setdefault(fold(parts[-1]), []).append(cluster)
    out: dict[str, list[Any]] = {}
    for cluster in clusters:
        if cluster.kind == "person" or not cluster.mentions:
            continue
        texts = {fold(m.text) for m in cluster.mentions}
        if len(texts) != 1 or " " in next(iter(texts)):
            continue
        found = owners.get(next(iter(texts)), [])
        if len(found) == 1:
            out.setdefault(found[0].id, []).append(cluster)
    return out


class SpeakerCheck(Check):
    name = "speaker"
    doc = "speakers spelled two ways, or named by surname or pronoun before being introduced"
    params = {
        "condition": Param(
            choice(("spelled_two_ways", "not_introduced")),
            required=True,
            help="spelled_two_ways or not_introduced",
        ),
        "speakers_only": Param(true_or_false, help="only clusters that are the speaker of a quote"),
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
        borrowed = _surname_clusters(ctx.analysis.speakers)
        for cluster in ctx.analysis.speakers:
            if cluster.kind != "person" or not cluster.mentions:
                continue
            odd = borrowed.get(cluster.id, [])
            if speakers_only and not {cluster.id, *(c.id for c in odd)} & quoted:
                continue
            # Headlines name people by surname by convention: start at the lede.
            lede = ctx.lede
            body = [
                m
                for m in [*cluster.mentions, *(m for c in odd for m in c.mentions)]
                if (_NAME_LIKE.match(m.text) or m.text.lower() in _PRONOUNS)
                and (lede is None or (ctx.index.paragraph_index(m.start) or 0) >= lede)
            ]
            if not body:
                continue
            first = min(body, key=lambda m: m.start)
            before = re.findall(r"[\w'’.-]+", ctx.text[max(0, first.start - 30) : first.start])
            if before and before[-1][:1].isupper():
                continue  # "President Okafor", "Doris Crouse-Mays": a title or name comes first
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
