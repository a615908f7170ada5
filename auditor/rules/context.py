"""What checks see of one article: the analysis, the text, and lookups over both."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from auditor.model import Analysis, Attribution
from auditor.sourcing import TextIndex, explain_flags
from auditor.sourcing.overlaps import SpanIndex
from auditor.sourcing.text_index import mask_quotes

#: Source types that name who is speaking.
NAMED_TYPES = ("named_person", "named_organization", "media")


@dataclass
class Hit:
    """One place a check found: a span, values for the message, attributions concerned."""

    start: int
    end: int
    values: dict[str, Any] = field(default_factory=dict)
    attributions: tuple[str, ...] = ()


@dataclass
class Context:
    """One article as the checks see it.

    ``text`` is the text offsets point into; ``view`` the same text with markup blanked
    (the article's NLP view when it has one) for phrase matching.
    """

    analysis: Analysis
    article: Any = None
    thresholds: dict[str, float] = field(default_factory=dict)
    #: Evidence from beyond the article, keyed by the name of the check that reads it
    #: (the ``registry`` check: the newsroom's source registry, given by a later stage).
    outside_evidence: dict[str, Any] = field(default_factory=dict)
    #: Attribution id -> flag -> why, when the sourcing stage already worked it out for
    #: this analysis (``annotate`` returns it); otherwise :attr:`evidence` works it out.
    flag_evidence: dict[str, dict[str, str]] | None = None

    @property
    def text(self) -> str:
        return self.analysis.text

    @cached_property
    def view(self) -> str:
        view = getattr(self.article, "view", None)
        if isinstance(view, str) and len(view) == len(self.text):
            return view
        return self.text

    @cached_property
    def unquoted(self) -> str:
        """``view`` with quotations blanked: words inside quotes are the speaker's."""
        return mask_quotes(self.view, self.analysis.quotes)

    @cached_property
    def index(self) -> TextIndex:
        return TextIndex.of(self.analysis)

    @cached_property
    def evidence(self) -> dict[str, dict[str, str]]:
        """Attribution id -> flag -> the words that justify it."""
        if self.flag_evidence is not None:
            return self.flag_evidence
        return explain_flags(self.analysis)

    @cached_property
    def lede(self) -> int | None:
        return self.index.lede_paragraph()

    def in_lede(self, offset: int) -> bool:
        """True in the lede paragraph or anything before it (headline, kicker)."""
        paragraph = self.index.paragraph_index(offset)
        if paragraph is None or self.lede is None:
            return False
        return paragraph <= self.lede

    def is_named(self, attribution: Attribution) -> bool:
        """True for an attribution whose source is named (person, organization, outlet,
        named document)."""
        if attribution.source_type in NAMED_TYPES:
            return True
        return attribution.source_type == "document" and "unnamed_document" not in (
            attribution.flags
        )

    @cached_property
    def named_sentences(self) -> dict[int, list[tuple[int, int]]]:
        """Sentence index -> source spans of named attributions in it."""
        found: dict[int, list[tuple[int, int]]] = {}
        for attribution in self.analysis.attributions:
            if not (self.is_named(attribution) or _holds_a_name(attribution)):
                continue
            span = attribution.source or attribution.cue
            if span is None:
                continue
            for i in self.index.sentences_overlapping(span.start, span.end):
                found.setdefault(i, []).append((span.start, span.end))
        return found

    def names_source(self, sentence: int | None, avoid: tuple[int, int]) -> bool:
        """True when sentence ``sentence`` names a source other than the words ``avoid``."""
        if sentence is None:
            return False
        for start, end in self.named_sentences.get(sentence, []):
            if not (start < avoid[1] and end > avoid[0]):
                return True
        return False

    def attributions_at(self, start: int, end: int) -> tuple[str, ...]:
        """Ids of attributions whose source, cue or content overlaps ``[start, end)``."""
        owners, index = self._attribution_spans
        found = dict.fromkeys(owners[k] for k in index.overlapping(start, max(end, start + 1)))
        attributions = self.analysis.attributions
        return tuple(attributions[i].id for i in sorted(found))

    @cached_property
    def _attribution_spans(self) -> tuple[list[int], SpanIndex]:
        """The source, cue and content spans of every attribution, indexed, with the
        position of the attribution each belongs to."""
        owners: list[int] = []
        spans: list[tuple[int, int]] = []
        for i, attribution in enumerate(self.analysis.attributions):
            for span in (attribution.source, attribution.cue, attribution.content):
                if span is not None:
                    owners.append(i)
                    spans.append((span.start, span.end))
        return owners, SpanIndex(spans)

    def has_spoken_content(self, start: int, end: int) -> bool:
        """Whether the content of an attribution with a source or a speaker overlaps
        ``[start, end)`` (one the extractor kept but could not attach does not count)."""
        return self._spoken_contents.any_overlapping(start, end)

    @cached_property
    def _spoken_contents(self) -> SpanIndex:
        return SpanIndex(
            [
                (a.content.start, a.content.end)
                for a in self.analysis.attributions
                if a.source is not None or a.speaker is not None
            ]
        )

    def sentences_of_paragraph(self, paragraph: int | None) -> list[int]:
        """Indices of the sentences in paragraph ``paragraph`` (None: between paragraphs)."""
        return self._paragraph_sentences.get(paragraph, [])

    @cached_property
    def _paragraph_sentences(self) -> dict[int | None, list[int]]:
        found: dict[int | None, list[int]] = {}
        for i in range(len(self.index.sentences)):
            found.setdefault(self.index.paragraph_of_sentence(i), []).append(i)
        return found

    def threshold(self, name: str, rule_default: float) -> float:
        return self.thresholds.get(name, rule_default)


def _holds_a_name(attribution: Attribution) -> bool:
    """Whether a source the typer left ``unknown`` still names someone: a capitalized word
    after its first ("the UN mission in the region", "the city's Water Board")."""
    if attribution.source_type != "unknown" or attribution.source is None:
        return False
    return any(word[:1].isupper() for word in attribution.source.text.split()[1:])


def excerpt(text: str, limit: int = 60) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
