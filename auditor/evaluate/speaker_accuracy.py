"""Speaker accuracy: of the matched contents whose gold source names who it is, how many
did the auditor resolve to the same name.

The gold name is an ``AnnotatorNotes`` line on the Source span (see
:mod:`auditor.evaluate.brat`); the predicted one is the name of the speaker the auditor
resolved the source to. Names are compared after :func:`name_key` (case, accents,
punctuation, a leading "the" and spacing do not matter). A name of one word that is the
last word of the other ("Okafor" for "Tom Okafor") is a *surname-only* match: it counts
as agreeing, since it names the same person within one article, and is counted apart so
a resolver that stops at surnames shows. A matched content with no predicted speaker
disagrees and is counted as ``missing`` too.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from auditor.evaluate.scoring import Match
from auditor.evaluate.spans import AttributionSpans


@dataclass
class SpeakerCounts:
    """Matched contents with a gold name, and how the predicted names compare."""

    #: matched contents whose gold source carries a resolved name
    scored: int = 0
    #: of those, the predicted name agrees (surname-only matches included)
    agree: int = 0
    #: of the agreeing, those where one name is the other's surname alone
    surname_only: int = 0
    #: of the scored, those with no predicted speaker at all
    missing: int = 0

    @property
    def accuracy(self) -> float | None:
        """Share of the scored contents whose names agree; None when none is scored."""
        return self.agree / self.scored if self.scored else None

    def __add__(self, other: SpeakerCounts) -> SpeakerCounts:
        return SpeakerCounts(
            self.scored + other.scored,
            self.agree + other.agree,
            self.surname_only + other.surname_only,
            self.missing + other.missing,
        )

    def to_dict(self) -> dict[str, Any]:
        accuracy = self.accuracy
        return {
            "accuracy": None if accuracy is None else round(accuracy, 4),
            "scored": self.scored,
            "agree": self.agree,
            "surname_only": self.surname_only,
            "missing": self.missing,
        }


def name_key(name: str) -> tuple[str, ...]:
    """The words of ``name`` as compared: folded case, accents and punctuation dropped
    (hyphens and apostrophes join, other marks separate), a leading "the" left out."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    cleaned = "".join(c if c.isalnum() else ("" if c in "'\u2019-." else " ") for c in plain)
    found = cleaned.split()
    if found and found[0] == "the":
        found = found[1:]
    return tuple(found)


def compare_names(gold: str, predicted: str | None) -> str:
    """``"same"``, ``"surname"`` (one is the other's last word alone), ``"missing"`` (no
    predicted name) or ``"different"``."""
    if not predicted:
        return "missing"
    a, b = name_key(gold), name_key(predicted)
    if not a or not b:
        return "different"
    if a == b:
        return "same"
    if (len(a) == 1 or len(b) == 1) and a[-1] == b[-1]:
        return "surname"
    return "different"


def score_speakers(
    gold: Sequence[AttributionSpans], pred: Sequence[AttributionSpans], matches: list[Match]
) -> SpeakerCounts:
    """Speaker counts over the lenient ``matches`` of one document."""
    counts = SpeakerCounts()
    for match in matches:
        name = gold[match.gold].speaker
        if not name:
            continue
        verdict = compare_names(name, pred[match.pred].speaker)
        counts.scored += 1
        counts.agree += verdict in ("same", "surname")
        counts.surname_only += verdict == "surname"
        counts.missing += verdict == "missing"
    return counts
