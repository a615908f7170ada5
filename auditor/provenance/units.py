"""Attributed claims as comparable units: who said it (a speaker key) and what (stems).

Two articles that retell one report attribute the same things to the same sources, in
other words: "Russian forces are expanding the buffer zone around Severodonnetsk,
Pushilin said" and "Pushilin declared that the Russian Armed Forces are actively
expanding a 'buffer zone' around Seversk" share the speaker and most content stems.
"""

from __future__ import annotations

from typing import Any

from auditor.provenance.name_keys import (
    clean_name,
    fold,
    name_key,
    outlet_name,
    stems,
    surname,
    words,
)

#: Source types whose speaker is a name (keyed by it) rather than a description.
NAMED_TYPES = ("named_person", "named_organization", "media")
#: A claim needs this many content stems to be compared at all.
MIN_STEMS = 3
#: Longest excerpt of a claim kept for reports.
EXCERPT_CHARS = 240


def speaker_key(name: str | None, source_type: str, source_text: str | None = None) -> str | None:
    """The key two articles' speakers are matched by: a person's surname, an
    organization's or outlet's name, or for unnamed sources the head noun of how they are
    described ("Military analysts" and "analysts" -> "~analyst")."""
    if source_type in NAMED_TYPES and name:
        if source_type == "named_person":
            return "p:" + surname(name)
        return "o:" + name_key(outlet_name(name))
    if name and sum(1 for w in words(clean_name(name)) if w[:1].isupper()) >= 2:
        # A named report or outlet the classifier took for a document ("the Northern
        # Ledger") is keyed like an organization, as other articles may call it one.
        return "o:" + name_key(outlet_name(name))
    described = words(fold(source_text or name or ""))
    if not described:
        return None
    head = described[-1].replace("'", "")
    if len(head) > 4 and head.endswith("s") and not head.endswith("ss"):
        head = head[:-1]
    return "~" + head


def quote_speaker_key(name: str) -> str:
    """The key quotes are matched by: the last word of any name ("Zelenskyy")."""
    return surname(name)


def claim_units(result: dict[str, Any]) -> list[dict[str, Any]]:
    """The comparable units of an ``auditor/2`` (or ``auditor/1``) result: one per
    attribution with a speaker and at least ``MIN_STEMS`` stems in what it said."""
    out = []
    for attribution in result.get("attributions") or []:
        speaker = attribution.get("speaker") or {}
        source = attribution.get("source") or {}
        kind = str(attribution.get("source_type") or "unknown")
        if kind == "document" and "secondhand" in (attribution.get("flags") or ()):
            # "a Reuters report": across articles the claim comes from the outlet behind
            # the document, so it is keyed, shown and counted upstream as that outlet.
            kind = "media"
        name = clean_name(str(speaker.get("name") or ""))
        who = speaker_key(name, kind, source.get("text"))
        if who is None:
            continue
        content = attribution.get("content") or {}
        text = said(content)
        found = stems(text)
        if len(found) < MIN_STEMS:
            continue
        out.append(
            {
                "who": who,
                "speaker": _display(name, kind) or " ".join(str(source.get("text", "")).split()),
                "type": kind,
                "stems": sorted(found),
                "text": text[:EXCERPT_CHARS],
                "at": [int(content.get("start", 0)), int(content.get("end", 0))],
            }
        )
    return out


def said(content: dict[str, Any]) -> str:
    """What the speaker said: the content's parts (``auditor/2``) joined by an ellipsis,
    so the cue and source inside a broken quote ("..., said the mayor. ...") are not
    compared as the speaker's words; the whole content text for an ``auditor/1`` result."""
    parts = [p for p in content.get("parts") or () if isinstance(p, dict)]
    pieces = [str(p.get("text", "")) for p in parts] or [str(content.get("text", ""))]
    return " \u2026 ".join(" ".join(piece.split()) for piece in pieces if piece.strip())


def _display(name: str, kind: str) -> str:
    return outlet_name(name) if name and kind in ("media", "named_organization") else name


def match_units(a: dict[str, Any], b: dict[str, Any], overlap: float = 0.5) -> bool:
    """True when two units are one claim: same speaker key, and at least ``MIN_STEMS``
    shared stems making up ``overlap`` of the shorter one's."""
    if a["who"] != b["who"]:
        return False
    return match_stems(frozenset(a["stems"]), frozenset(b["stems"]), overlap)


def match_stems(sa: frozenset[str], sb: frozenset[str], overlap: float = 0.5) -> bool:
    """The stem test of :func:`match_units`, on two claims by the same speaker."""
    shared = len(sa & sb)
    return shared >= MIN_STEMS and shared >= overlap * min(len(sa), len(sb))
