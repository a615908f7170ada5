"""An article's claims as the shared-origin check keeps them, the one-to-one matching
of two articles' claims, and a matched pair as JSON."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from auditor.provenance.crossdoc.tables import dumps
from auditor.provenance.units import match_stems

_string = json.encoder.encode_basestring  # a str as JSON, non-ASCII kept (like ensure_ascii=False)


# A claim as the checks keep it: who said it (key), its source type, the speaker as
# written, its excerpt, where it is, and its stems.
WHO, TYPE, SPEAKER, TEXT, AT, STEMS = range(6)


def claim_part(row: dict[str, Any]) -> tuple:
    units = row["record"].get("units") or []
    claims = [
        (u["who"], u["type"], u["speaker"], u["text"], u.get("at"), tuple(u["stems"]))
        for u in units
    ]
    return row["doc"], claims


def claims_ready(data: tuple) -> tuple:
    """(doc, claims, their stem sets, claim positions by speaker key)."""
    doc, claims = data
    by_who: dict[str, list[int]] = defaultdict(list)
    for j, claim in enumerate(claims):
        by_who[claim[WHO]].append(j)
    return doc, claims, [frozenset(c[STEMS]) for c in claims], dict(by_who)


def matches(one: tuple, two: tuple) -> list[tuple[tuple, tuple]]:
    """One-to-one matches between two articles' claims (greedy, in order: each claim of
    the first takes the first unused claim of the second that matches it)."""
    _, claims_a, stems_a, _ = one
    _, claims_b, stems_b, who_b = two
    used: set[int] = set()
    out = []
    for i, a in enumerate(claims_a):
        for j in who_b.get(a[WHO], ()):
            if j not in used and match_stems(stems_a[i], stems_b[j]):
                used.add(j)
                out.append((a, claims_b[j]))
                break
    return out


def _at_json(at: Any) -> str:
    if isinstance(at, list) and len(at) == 2 and type(at[0]) is int and type(at[1]) is int:
        return f"[{at[0]},{at[1]}]"
    return dumps(at)


def claim_json(speaker: str, kind: str, one: tuple, two: tuple) -> str:
    """``{"speaker", "source_type", "versions": [{"doc", "text", "at"}, ...]}`` as JSON,
    ``one`` and ``two`` being (doc, claim)."""
    versions = ",".join(
        f'{{"doc":{_string(doc)},"text":{_string(c[TEXT])},"at":{_at_json(c[AT])}}}'
        for doc, c in (one, two)
    )
    return f'{{"speaker":{_string(speaker)},"source_type":{_string(kind)},"versions":[{versions}]}}'
