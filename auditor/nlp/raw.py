"""Plain records the attribution passes share: one found attribution, and an index of
quotations by character offset."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, fields

from spacy.tokens import Token


@dataclass
class RawAttribution:
    """One attribution as the component stores it (plain values only)."""

    kind: str
    content: tuple[int, int]
    cue: tuple[int, int] | None = None
    source: tuple[int, int] | None = None
    #: character offset of the token that heads the source (for speaker resolution).
    source_head: int | None = None
    #: offset of the cue verb's token, used to avoid claiming one cue twice.
    cue_head: int | None = None
    quote_ids: list[int] = field(default_factory=list)
    inherited_from: int | None = None
    #: an outlet or person the claim was passed on by ("..., according to Interfax").
    via: tuple[int, int] | None = None
    #: found inside an excerpt pasted in an unclosed quotation, so it may sit inside the
    #: attribution of the excerpt as a whole.
    in_excerpt: bool = False

    def to_dict(self) -> dict:
        """The record as msgpack-safe values (tuples become lists), with every field the
        later passes fill in (:data:`RESOLVED_FIELDS`) present at its default, so no pass
        meets a record another pass has not reached yet without its keys."""
        data = {name: getattr(self, name) for name in _FIELD_NAMES}
        for key in ("content", "cue", "source", "via"):
            if data[key] is not None:
                start, end = data[key]
                if not 0 <= start <= end:
                    raise ValueError(f"{self.kind} attribution with a bad {key}: {start}-{end}")
                data[key] = [start, end]
        data["quote_ids"] = list(self.quote_ids)
        data.update(RESOLVED_FIELDS)
        return data


_FIELD_NAMES = tuple(f.name for f in fields(RawAttribution))

#: Keys of an attribution record set after the attribution passes, with their defaults:
#: ``auditor_speakers`` sets the speaker cluster id, name, description and the head of the
#: group a "they" refers back to; ``auditor_sourcing`` sets the source type.
RESOLVED_FIELDS: dict[str, object] = {
    "speaker": None,
    "speaker_name": None,
    "speaker_description": None,
    "antecedent_head": None,
    "source_type": "unknown",
}


class QuoteIndex:
    """Which quotation, if any, a character offset falls in (``text`` is the document's
    text, kept here so passes need not rebuild it from the tokens)."""

    def __init__(self, quotes: list[dict], text: str = ""):
        self.quotes = quotes
        self.text = text
        self.starts = [q["start"] for q in quotes]

    def quote_at(self, offset: int) -> int | None:
        """The id of the quotation holding character ``offset``, or None."""
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and self.quotes[i]["start"] <= offset < self.quotes[i]["end"]:
            return i
        return None

    def inside(self, token: Token) -> int | None:
        """The id of the quotation ``token`` starts in, or None."""
        return self.quote_at(token.idx)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two character ranges share at least one character."""
    return a[0] < b[1] and b[0] < a[1]
