"""The extraction passes of ``auditor_attributions``, in the order they run, and the rule
that decides whether a later pass's attribution stands beside what earlier ones found.

:data:`PASSES` is the one list of them (what each pass reads is in
:mod:`auditor.nlp.attribution`'s docstring). Each pass reads a :class:`PassState` (the
doc, its quotations and everything found so far) and yields attributions;
:func:`find_in_order` appends each one as it comes, so a pass that looks at ``found``
sees the ones it yielded before, unless :func:`blocked_by_earlier` says an earlier
attribution blocks it. Overlaps among the kept ones are settled after the passes
(:func:`auditor.nlp.attribution.find_attributions`).

A pass's module imports shared helper modules only, never another pass's module
(``tests/test_pass_imports.py``): a pass that needs another's finders, as the title-case
headline needs reported speech and noun cues, is handed them here.

Example: in "In a statement, the ministry said the plan was sound." the reported-speech
pass finds "the ministry said ..."; the framed pass would find the same content under
"In a statement" and is blocked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc

from auditor.nlp.clause_reports import clause_report_attributions
from auditor.nlp.copular_claims import copular_claim_attributions
from auditor.nlp.direct import (
    PART_OF_REPORTED_SPEECH,
    direct_attribution,
    is_standalone_quote,
    join_halves,
)
from auditor.nlp.doctext import doc_text
from auditor.nlp.document_phrases import document_phrase_attributions
from auditor.nlp.document_quotes import document_reading_quote
from auditor.nlp.given_judgements import judgement_attributions
from auditor.nlp.headlines import (
    headline_runs_to_line_end,
    headline_tail,
    speaker_colon,
    title_case_headline,
)
from auditor.nlp.nominal import (
    framed_attributions,
    noun_cue_attributions,
    predicate_stance_attributions,
)
from auditor.nlp.proposals import proposal_attributions
from auditor.nlp.quoted import quoted_under_any_verb
from auditor.nlp.quotes import find_nested_quotes
from auditor.nlp.raw import QuoteIndex, RawAttribution, overlaps
from auditor.nlp.reported import according_to, reported_speech
from auditor.nlp.saying_idioms import idiom_attributions
from auditor.nlp.stance import stance_attributions
from auditor.nlp.stance_roles import counted_role_attributions
from auditor.nlp.topical import topical_noun_attributions


@dataclass
class PassState:
    """What the passes share: the doc, its quotations, and what has been found so far."""

    doc: Doc
    quotes: list[dict]
    index: QuoteIndex
    min_quote_words: int
    #: parses a piece of text (a title-case headline in sentence case); None: not re-read.
    reparse: Callable[[str], Doc] | None = None
    found: list[RawAttribution] = field(default_factory=list)
    #: cue-verb offsets the direct quotes took, so reported speech does not take them again.
    used_cues: set[int] = field(default_factory=set)
    #: quotations with no cue of their own, left to the floating-quote step.
    pending_floating: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Pass:
    """One extraction pass: its name, what it finds, and whether an attribution it finds
    yields to an earlier one over the same content (:func:`blocked_by_earlier`)."""

    name: str
    find: Callable[[PassState], Iterable[RawAttribution]]
    yields_to_earlier: bool = False


def blocked_by_earlier(step: Pass, candidate: RawAttribution, found: list[RawAttribution]) -> bool:
    """The overlap policy while the passes run: an attribution from a pass that yields to
    earlier ones is dropped when its content overlaps any content found before it ("In a
    statement, the ministry said ...": the verb's attribution says it all). Every other
    pass keeps what it finds; its own rules decide what it may take (reported speech skips
    cues and contents already taken)."""
    if not step.yields_to_earlier:
        return False
    return any(overlaps(a.content, candidate.content) for a in found)


def find_in_order(state: PassState) -> list[RawAttribution]:
    """Run :data:`PASSES` over ``state`` in order; ``state.found`` grows as they go."""
    for step in PASSES:
        for attribution in step.find(state):
            if not blocked_by_earlier(step, attribution, state.found):
                state.found.append(attribution)
    return state.found


def _direct_quotes(state: PassState) -> list[RawAttribution]:
    """'"...," said X', 'X said: "..."', and '"...," the letter reads'; halves joined.
    Quotations with no cue wait for the floating-quote step."""
    direct: list[RawAttribution] = []
    for qid, quote in enumerate(state.quotes):
        attribution = direct_attribution(state.doc, state.index, qid, quote, state.min_quote_words)
        if attribution is PART_OF_REPORTED_SPEECH:
            continue
        if attribution is None:  # '"...," the letter reads': a document holds the words
            attribution = document_reading_quote(state.doc, quote, qid)
        if attribution is None:
            if is_standalone_quote(state.doc, quote, state.min_quote_words):
                state.pending_floating.append(qid)
            continue
        direct.append(attribution)
        if attribution.cue_head is not None:
            state.used_cues.add(attribution.cue_head)
    return join_halves(state.index.text, direct, state.doc)


def _reported_speech(state: PassState) -> Iterable[RawAttribution]:
    taken = [a.content for a in state.found]
    return reported_speech(state.doc, state.index, state.used_cues, taken)


def _with_index(
    finder: Callable[[Doc, QuoteIndex], Iterable[RawAttribution]],
) -> Callable[[PassState], Iterable[RawAttribution]]:
    """A pass that reads only the doc and its quotations."""
    return lambda state: finder(state.doc, state.index)


def _with_found(
    finder: Callable[[Doc, QuoteIndex, list[RawAttribution]], Iterable[RawAttribution]],
) -> Callable[[PassState], Iterable[RawAttribution]]:
    """A pass that also reads what the earlier passes found."""
    return lambda state: finder(state.doc, state.index, state.found)


def _headline_claims(doc: Doc, index: QuoteIndex) -> list[RawAttribution]:
    """What the reported-speech and noun-cue passes find in a re-parsed headline ("Farm
    Groups rip Marsh as a 'reckless gambler'"): the title-case headline pass reads its
    claims through these two, handed in so that it imports no other pass."""
    found = reported_speech(doc, index, set())
    found.extend(noun_cue_attributions(doc, index))
    return found


def _title_case_headline(state: PassState) -> Iterable[RawAttribution]:
    if state.reparse is None:
        return ()
    return title_case_headline(state.doc, state.index, state.reparse, _headline_claims)


def _headline_to_line_end(state: PassState) -> Iterable[RawAttribution]:
    """Not a finder: stretches a headline's attribution to the end of its line."""
    headline_runs_to_line_end(state.doc, state.found)
    return ()


def _quoted_under_any_verb(state: PassState) -> list[RawAttribution]:
    """A quotation left over in the object of a verb whose subject can speak; the
    quotations it claims no longer float."""
    excerpted = [q.to_dict() for q in find_nested_quotes(doc_text(state.doc))]
    quoted = quoted_under_any_verb(state.doc, state.index, state.found, excerpted)
    claimed = {q for a in quoted for q in a.quote_ids}
    state.pending_floating = [q for q in state.pending_floating if q not in claimed]
    return quoted


#: The passes in the order they run (order matters: earlier ones take cues and contents
#: first; later ones read what is found).
PASSES: tuple[Pass, ...] = (
    Pass("direct quotes", _direct_quotes),
    Pass("reported speech", _reported_speech),
    Pass("according to", _with_found(according_to)),
    Pass("polls, estimates, documents", _with_found(document_phrase_attributions)),
    Pass("noun cues", _with_index(noun_cue_attributions)),  # "his claim that ..."
    Pass("copular claims", _with_index(copular_claim_attributions)),  # "his bet is that ..."
    Pass("topical nouns", _with_index(topical_noun_attributions)),
    Pass("proposals", _with_index(proposal_attributions)),
    Pass("judgements", _with_index(judgement_attributions)),  # "gave her its endorsement"
    Pass("idioms of saying", _with_index(idiom_attributions)),  # "had little to say about"
    Pass("counted roles", _with_index(counted_role_attributions)),
    Pass("predicate stance", _with_index(predicate_stance_attributions)),
    Pass("stance", _with_found(stance_attributions)),
    Pass("clause reports", _with_found(clause_report_attributions)),  # "[she] [reckoned] [X]"
    Pass("framed", _with_index(framed_attributions), yields_to_earlier=True),
    Pass("speaker colon", lambda state: speaker_colon(state.doc, state.found)),
    Pass("headline tail", lambda state: headline_tail(state.doc, state.found)),
    Pass("title-case headline", _title_case_headline, yields_to_earlier=True),
    Pass("headline to line end", _headline_to_line_end),
    Pass("quoted under any verb", _quoted_under_any_verb),
)
