"""Whether an unnamed source is the reporter's own: nesting, restating and confirmation.

Three flags tell the anonymous-source rules that an unnamed source is not one the reporter
relies on: it stands inside a named speaker's statement (``reported_by_named``: "X said
his generals, who advised ..."), it is the relative pronoun of a source the sentence
already gave (``same_source``: "a source, who asked not to be named, said"), it is part of
another source's description (``in_descriptor``: "... because staff were warned"), or a named
source confirms the claim on the record soon after (``confirmed_on_record``).

:class:`Nesting` answers all three for one analysis through indexes built once, so a
long article with thousands of unnamed sources costs near-linear time, not the product
of its attributions.
"""

from __future__ import annotations

import re
from collections import defaultdict

from auditor import lexicon
from auditor.model import Analysis, Attribution
from auditor.nlp.pronouns import REFERRING_SOURCES
from auditor.sourcing.overlaps import SpanIndex
from auditor.sourcing.text_index import TextIndex

#: Source types that are on the record.
ON_RECORD_TYPES = ("named_person", "named_organization", "media")
#: Relative pronouns that restate the noun before them.
RELATIVES = {"who", "whom", "which", "that"}
#: Pronouns that cannot themselves show a source is anonymous (their antecedent might).
PRONOUNS = REFERRING_SOURCES
#: How many sentences after an anonymous claim a confirmation on the record may come.
CONFIRMATION_REACH = 3
#: Most characters between a content's end and a relative pronoun that continues it.
_RELATIVE_GAP = 3


def quoted(text: str) -> str:
    """``text`` as evidence quotes it: on one line, in single quotes."""
    return "'" + " ".join(text.split()) + "'"


class Nesting:
    """The nesting flags of every attribution of one analysis (indexes built once)."""

    def __init__(self, analysis: Analysis, index: TextIndex) -> None:
        self.text = analysis.text
        self.index = index
        self.attributions = analysis.attributions
        self._position = {id(a): i for i, a in enumerate(self.attributions)}
        self._contents = SpanIndex([(a.content.start, a.content.end) for a in self.attributions])
        self._sourced = [i for i, a in enumerate(self.attributions) if a.source is not None]
        self._sources = SpanIndex(
            [
                (self.attributions[i].source.start, self.attributions[i].source.end)
                for i in self._sourced
            ]
        )
        self._on_record: dict[int, list[int]] = defaultdict(list)
        for i, other in enumerate(self.attributions):
            if other.source_type in ON_RECORD_TYPES and other.source is not None:
                sentence = index.sentence_index(other.source.start)
                if sentence is not None:
                    self._on_record[sentence].append(i)
        self._confirming: dict[int, re.Match | None] = {}

    def flags(self, attribution: Attribution) -> dict[str, str]:
        """``reported_by_named``, ``same_source`` and ``confirmed_on_record`` as they apply
        to ``attribution``, each with its evidence."""
        flags: dict[str, str] = {}
        if attribution.source is None:
            return flags
        me = self._position[id(attribution)]
        inside = self._inside_named(attribution, me)
        if inside is not None:
            speaker = inside.source.text if inside.source else "a named source"
            flags["reported_by_named"] = f"inside the statement of {quoted(speaker)}"
        holder = self._in_descriptor(attribution, me)
        if holder is not None:
            flags["in_descriptor"] = f"part of the description of {quoted(holder.source.text)}"
        restated = self._restated(attribution, me)
        if restated is not None:
            flags["same_source"] = f"'who' restates {quoted(restated.source.text)}"
        confirmed = self._confirmation(attribution, me)
        if confirmed:
            flags["confirmed_on_record"] = confirmed
        return flags

    def _inside_named(self, attribution: Attribution, me: int) -> Attribution | None:
        """The first on-record attribution whose content holds the source, or ends just
        before the relative pronoun that is the source ("... met her aides, who told")."""
        source = attribution.source
        relative = source.text.strip().lower() in RELATIVES
        # Both tests need the content to reach into [start - gap - 1, end + 1).
        for i in self._contents.overlapping(source.start - _RELATIVE_GAP - 1, source.end + 1):
            other = self.attributions[i]
            if i == me or other.source_type not in ON_RECORD_TYPES:
                continue
            content = other.content
            gap = self.text[content.end : source.start]
            inside = content.start <= source.start and source.end <= content.end
            continues = (
                relative
                and content.start < source.start
                and len(gap) <= _RELATIVE_GAP
                and not gap.strip(" ,")
            )
            if inside or continues:
                return other
        return None

    def _in_descriptor(self, attribution: Attribution, me: int) -> Attribution | None:
        """Another attribution whose source phrase holds this one's source and cue ("a
        nurse, who asked not to be named because staff were warned they would be
        dismissed, said ..."): words describing that source, not a source of the article."""
        source, cue = attribution.source, attribution.cue
        end = cue.end if cue is not None else source.end
        for k in self._sources.overlapping(source.start, end):
            i = self._sourced[k]
            holder = self.attributions[i].source
            if i == me or (holder.start, holder.end) == (source.start, source.end):
                continue
            if holder.start <= source.start and end <= holder.end:
                return self.attributions[i]
        return None

    def _restated(self, attribution: Attribution, me: int) -> Attribution | None:
        """For a relative pronoun as the source, the first source it directly follows
        (only spaces and commas between) or stands inside."""
        source = attribution.source
        if source.text.strip().lower() not in RELATIVES:
            return None
        run = source.start
        while run > 0 and self.text[run - 1] in " ,":
            run -= 1
        for k in self._sources.overlapping(run - 1, source.start + 1):
            i = self._sourced[k]
            before = self.attributions[i].source
            if i == me or before.text.strip().lower() in PRONOUNS:
                continue
            if before.start < source.start and before.end >= run:
                return self.attributions[i]
        return None

    def _confirmation(self, attribution: Attribution, me: int) -> str | None:
        """The words of a named source confirming the claim soon after it, if any."""
        first = self.index.sentence_index(attribution.content.start)
        if first is None:
            return None
        last = min(len(self.index.sentences), first + 1 + CONFIRMATION_REACH)
        candidates = sorted(i for s in range(first, last) for i in self._on_record.get(s, ()))
        for i in candidates:
            other = self.attributions[i]
            if i == me or other.content.start <= attribution.content.start:
                continue
            found = self._confirming_words(self.index.sentence_index(other.source.start))
            if found:
                return f"{quoted(other.source.text)} {quoted(found.group())}"
        return None

    def _confirming_words(self, sentence: int) -> re.Match | None:
        if sentence not in self._confirming:
            self._confirming[sentence] = lexicon.pattern("sourcing_confirmation").search(
                self.index.sentence_text(sentence)
            )
        return self._confirming[sentence]
