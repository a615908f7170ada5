"""Compliance flags on attributions, each with the words in the text that justify it.

A flag is set only on a plain textual cue, so an editor can always see why: the evidence
string names the phrase found (or, for ``descriptor_thin``, what the descriptor lacks).
The cue lists are data files in ``auditor/lexicons/sourcing_*.txt``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from auditor import lexicon
from auditor.lexicon import load_lexicon
from auditor.model import Analysis, Attribution, Span
from auditor.nlp.sourcing import is_media_name
from auditor.sourcing.nesting import PRONOUNS, Nesting, quoted
from auditor.sourcing.secondhand import described_outlet, secondhand_match
from auditor.sourcing.text_index import TextIndex

#: Every flag ``annotate`` may set, with what it means (docs/rules.md lists these).
FLAGS: dict[str, str] = {
    "reason_given": "the text says why the source was granted anonymity",
    "reason_boilerplate": 'the reason given is boilerplate ("not authorized to speak publicly")',
    "descriptor_precise": "the unnamed source is described by role and organization or side",
    "descriptor_thin": 'the unnamed source is described too thinly ("an official", "a source")',
    "basis_given": 'the text says how the unnamed source knows ("who attended")',
    "opinion": "the content is opinion, speculation or attack rather than information",
    "direct_quote": "the content is quoted word for word",
    "plural_sources": 'the source is plural ("officials said", "sources said")',
    "secondhand": "the information comes through another news outlet",
    "link_given": "the paragraph links to the material it cites",
    "unverified": "the text says the claim could not be verified",
    "unnamed_document": 'a document or data source that is not named ("a report", "data")',
    "in_lede": "the attribution is in the first paragraph of the article",
    "reported_by_named": "the unnamed source is inside a named source's on-the-record statement",
    "same_source": 'the source is the relative pronoun ("who") of a source attributed already',
    "in_descriptor": "the attribution is part of another source's description (its reason)",
    "confirmed_on_record": "a named source confirms the claim on the record in the article",
}


#: Source types whose anonymity-related flags are computed.
UNNAMED_TYPES = ("anonymous",)

_QUOTE_MARKS = '"“”‘’«»„'
_LINK = re.compile(r"https?://|www\.\w|\]\(")
#: Number words and quantifiers (a closed class, so not a lexicon).
_QUANTIFIER = re.compile(r"\b(?:two|three|four|five|six|several|multiple|many|some|\d+)\b", re.I)
_CAPITALIZED = re.compile(r"\b[A-Z][\w'’.-]*")
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ian|an|ese|ish|i|ern|ic)$")
_ROLE_OWNER = re.compile(
    r"\s+(?:to|at|for|of|from|inside|within)\s+"
    r"(?:the\s+|a\s+|an\s+|his\s+|her\s+|its\s+|their\s+)?[\w'’-]+",
    re.I,
)
_RELATIVE_CLAUSE = re.compile(r"\bwho\s+[^,;.]+", re.I)
_DETERMINERS = {"a", "an", "the", "one", "this", "that", "these", "those", "its", "his", "her"}


@cache
def _role_pattern() -> re.Pattern:
    roles = sorted(lexicon.word_set("sourcing_roles"), key=len, reverse=True)
    body = "|".join(r"\s+".join(map(re.escape, role.split())) for role in roles)
    return re.compile(rf"\b(?:{body})(?:s|es)?\b|\bpeople\b|\bperson\b", re.I)


def _saying_forms(*sections: str) -> str:
    """The forms of ``sourcing_saying_forms.txt`` in ``sections``, as regex alternatives."""
    found = lexicon.sections("sourcing_saying_forms")
    return "|".join(re.escape(form) for section in sections for form in found[section])


@cache
def _statement_after_comma() -> re.Pattern:
    """", said": where a source's description ends and its statement begins."""
    return re.compile(rf",\s+(?:{_saying_forms('saying')})\b")


@cache
def _who_spoke() -> re.Pattern:
    """"who spoke ...": a relative clause that tells only that the source spoke."""
    return re.compile(rf"who\s+(?:{_saying_forms('saying', 'speaking')})\b", re.I)


def _descriptor(text: str, attribution: Attribution, sentence_end: int) -> str:
    """The source's words plus a trailing appositive or relative clause.

    "one official, who spoke on condition of anonymity," -> the whole phrase; it stops at a
    quotation mark, at the cue and at the end of the sentence.
    """
    source = attribution.source
    assert source is not None
    end = source.end
    rest = text[end:sentence_end]
    if rest.lstrip().startswith(","):
        stop = len(rest)
        for k, ch in enumerate(rest):
            if ch in _QUOTE_MARKS:
                stop = k
                break
        cue = attribution.cue
        if cue is not None and end <= cue.start < end + stop:
            stop = cue.start - end
        said = _statement_after_comma().search(rest[1:])
        if said is not None:
            stop = min(stop, said.start() + 1)
        end += min(stop, 240)
    return text[source.start : end]


def _region(index: TextIndex, masked: str, offset: int) -> tuple[str, int]:
    """Masked text of the sentence at ``offset`` and of a following sentence about anonymity."""
    i = index.sentence_index(offset)
    if i is None:
        return masked[max(0, offset - 200) : offset + 200], offset + 200
    start, end = index.sentences[i]
    nxt = index.next_in_paragraph(i)
    if nxt is not None:
        n_start, n_end = index.sentences[nxt]
        follow = masked[n_start:n_end]
        if lexicon.pattern("sourcing_anonymity").search(follow) or lexicon.pattern(
            "sourcing_boilerplate"
        ).search(follow):
            end = n_end
    return masked[start:end], index.sentences[i][1]


def reason_flags(region: str) -> dict[str, str]:
    """``reason_given`` / ``reason_boilerplate`` from the text around an unnamed source."""
    flags: dict[str, str] = {}
    boiler = lexicon.pattern("sourcing_boilerplate").search(region)
    if boiler:
        flags["reason_given"] = f"reason {quoted(boiler.group())}"
        flags["reason_boilerplate"] = quoted(boiler.group())
        return flags
    for anon in lexicon.pattern("sourcing_anonymity").finditer(region):
        tail = region[anon.end() : anon.end() + 160]
        tail = re.split(r"[.;!?]", tail, maxsplit=1)[0]
        reason = lexicon.pattern("sourcing_reasons").search(tail)
        if reason:
            words = region[anon.start() : anon.end() + reason.end()]
            flags["reason_given"] = f"reason after {quoted(words)}"
            return flags
    standalone = lexicon.pattern("sourcing_reasons_standalone").search(region)
    if standalone:
        flags["reason_given"] = f"reason {quoted(standalone.group())}"
    return flags


def basis_of(region: str, clause: str | None) -> str | None:
    """How the unnamed source knows: a basis cue of the region ("who attended"), else the
    descriptor's first-hand relative clause ``clause`` (see :func:`clause_basis`)."""
    basis = lexicon.pattern("sourcing_basis").search(region)
    return basis.group() if basis else clause


def clause_basis(descriptor: str) -> str | None:
    """A relative clause of the descriptor telling what the source saw or did ("who was in
    the room"), not why it is unnamed; such a first-hand account makes the descriptor
    precise, unlike a stock phrase ("familiar with")."""
    for clause in _RELATIVE_CLAUSE.finditer(descriptor):
        words = clause.group()
        if _who_spoke().match(words):
            continue
        if any(
            lexicon.pattern(name).search(words)
            for name in ("sourcing_anonymity", "sourcing_boilerplate", "sourcing_reasons")
        ):
            continue
        return words.strip()
    return None


def descriptor_flags(descriptor: str, basis: str | None = None) -> dict[str, str]:
    """``descriptor_precise`` or ``descriptor_thin`` for an unnamed source's description;
    a role with a basis of knowledge ("a nurse who treated the patients") is precise."""
    role = _role_pattern().search(descriptor)
    affiliation = lexicon.pattern("sourcing_affiliations").search(descriptor)
    if affiliation is None and role is not None:
        # "an aide to the governor", "engineers at the transport ministry"
        affiliation = _ROLE_OWNER.match(descriptor, role.end())
    if role and affiliation is None and basis:
        return {"descriptor_precise": f"role {quoted(role.group())} and basis {quoted(basis)}"}
    if affiliation is None:
        # A capitalized word inside the descriptor (not its first word) names a side:
        # "a DPR spokesperson", "a Western intelligence official".
        for match in _CAPITALIZED.finditer(descriptor):
            word = match.group()
            if word.lower() in _DETERMINERS or word == "I":
                continue
            # The first word is capitalized anyway at a sentence start; only a demonym
            # ("Ukrainian officials", "Western diplomats") names a side there.
            if match.start() == 0 and not _DEMONYM.match(word):
                continue
            affiliation = match
            break
    if role and affiliation:
        return {
            "descriptor_precise": f"role {quoted(role.group())} and affiliation "
            f"{quoted(affiliation.group())}"
        }
    missing = [
        part for part, found in (("role", role), ("organization or side", affiliation)) if not found
    ]
    return {"descriptor_thin": f"{quoted(descriptor)} names no {' and no '.join(missing)}"}


#: Words that open a sentence capitalized without naming anything ("Latest data show").
_GENERIC_OPENERS = load_lexicon("sentence_generic_openers")


def _is_unnamed_document(source_text: str) -> bool:
    """True when a document source carries no name or title ("a report", "the data")."""
    if any(mark in source_text for mark in _QUOTE_MARKS):
        return False  # a quoted title names the document
    words = source_text.split()
    while words and (words[0].lower() in _DETERMINERS or words[0].lower() in _GENERIC_OPENERS):
        words = words[1:]
    return not any(word[:1].isupper() for word in words)


def _secondhand_outlet(attribution: Attribution, sentence_text: str) -> str | None:
    """The outlet an attribution's information comes through, if any: the source itself
    (a media source, or a name introduced by an outlet's descriptor), the outlet it was
    given through ("X said ..., according to Interfax"), or one the sentence names with a
    cue of second-hand sourcing ("told the news agency X")."""
    source = attribution.source.text if attribution.source else ""
    if attribution.source_type == "media":
        return described_outlet(source) or source or "a news outlet"
    if attribution.via is not None and is_media_name(attribution.via.text):
        return attribution.via.text
    return described_outlet(source) or secondhand_match(f"{sentence_text} {source}")


def attribution_flags(
    analysis: Analysis,
    attribution: Attribution,
    index: TextIndex,
    masked: str,
    nesting: Nesting,
) -> dict[str, str]:
    """The flags of one attribution, each with its evidence (``unverified`` is set by claims).

    ``nesting`` holds the analysis' nesting indexes, built once for all its attributions.
    """
    text = analysis.text
    flags: dict[str, str] = {}
    anchor = index.anchor(attribution)
    sentence_i = index.sentence_index(anchor)
    sentence_text = masked[slice(*index.sentences[sentence_i])] if sentence_i is not None else ""

    # A pronoun is judged by the phrase it stands for ("his top generals, who ...").
    described = described_by(analysis, attribution)
    if described is not None and attribution.source_type in UNNAMED_TYPES:
        region, sentence_end = _region(index, masked, described.start)
        flags.update(reason_flags(region))
        descriptor = _descriptor(text, replace(attribution, source=described), sentence_end)
        clause = clause_basis(descriptor)
        basis = basis_of(region, clause)
        if basis is None:
            own = lexicon.pattern("sourcing_basis_content").search(attribution.content.text)
            basis = own.group() if own else None
        flags.update(descriptor_flags(descriptor, clause))
        if basis:
            flags["basis_given"] = f"basis {quoted(basis)}"

    content = attribution.content.text
    opinion = lexicon.pattern("sourcing_opinion").search(content)
    if opinion:
        flags["opinion"] = f"the content says {quoted(opinion.group())}"

    if attribution.kind in ("direct", "mixed"):
        flags["direct_quote"] = f"{attribution.kind} quotation"
    elif index.in_quotes(attribution.content.start, attribution.content.end):
        flags["direct_quote"] = "the content is in quotation marks"

    if described is not None and attribution.source_type in ("anonymous", "vague"):
        src = described.text
        last = re.findall(r"[A-Za-z]+", src)
        plural = lexicon.word_set("sourcing_plural_sources")
        if last and last[-1].lower() in plural:
            flags["plural_sources"] = f"plural source {quoted(src)}"

    outlet = _secondhand_outlet(attribution, sentence_text)
    if outlet:
        flags["secondhand"] = f"via {quoted(outlet)}"

    paragraph_i = index.paragraph_index(anchor)
    if paragraph_i is not None:
        p_start, p_end = index.paragraphs[paragraph_i]
        link = _LINK.search(text, p_start, p_end)
        if link:
            flags["link_given"] = "the paragraph has a link"
        if paragraph_i == index.lede_paragraph():
            flags["in_lede"] = "first paragraph"

    if attribution.source_type == "document" and attribution.source is not None:
        if _is_unnamed_document(attribution.source.text):
            flags["unnamed_document"] = f"{quoted(attribution.source.text)} names no document"
    if attribution.source_type in UNNAMED_TYPES + ("vague",):
        flags.update(nesting.flags(attribution))
    return flags


#: How far before a pronoun its antecedent may stand (a paragraph or two).
_ANTECEDENT_REACH = 800


def described_by(analysis: Analysis, attribution: Attribution) -> Span | None:
    """The words that describe an attribution's source: the source itself, or for a bare
    pronoun ("who", "they") the phrase it stands for when the speaker resolved to one
    ("his top generals, who advised ..."); None for a pronoun that stands for nothing."""
    source = attribution.source
    if source is None or source.text.strip().lower() not in PRONOUNS:
        return source
    speaker = attribution.speaker
    if speaker is None or speaker.name.strip().lower() in PRONOUNS:
        return None
    reach = max(0, source.start - _ANTECEDENT_REACH)
    found = analysis.text.rfind(speaker.name, reach, source.start)
    if found < 0:
        return None
    return Span(found, found + len(speaker.name), speaker.name)
