"""Verbs the cue lexicons miss by form that report a clause: a misspelt verb of saying
("[the union] [streses] [that the strike goes ahead]") and a participle of stance that
the tagger read as a verb ("[she] came away [convinced] [that the plan would work]").

Why not every verb with a speaking subject and a finite clause: measured on the
PolNeAR dev set, that grammar-only reading was right for 2 of 7 new attributions; the
wrong ones were verbs of examining ("a study [explores] how ..."), of feeling ("traders
[are panicking] the fund will close") and misparses ("he [started] ..."), below the half
of F1 an addition must beat. The two readings kept here are the right ones.

The pass runs after the lexicon-driven passes and adds only attributions whose content
no earlier attribution holds.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from auditor.lexicon import load_lexicon
from auditor.nlp.claim_bounds import free_claim_bounds
from auditor.nlp.content import reported_content
from auditor.nlp.content_verbs import inside_reported_clause, is_content_verb
from auditor.nlp.cues import acts_as_verb, cue_tokens
from auditor.nlp.doctext import doc_tokens
from auditor.nlp.labels import (
    AUXILIARIES,
    FINITE_TAGS,
    NOMINAL_OR_EXPLETIVE_SUBJECTS,
    PAST_VERB_TAGS,
)
from auditor.nlp.misspelt_cues import misspelt_reporting_verb
from auditor.nlp.raw import QuoteIndex, RawAttribution
from auditor.nlp.speaking import can_speak
from auditor.nlp.verb_subjects import subject_bounds, subject_of


def clause_report_attributions(
    doc: Doc, index: QuoteIndex, found: list[RawAttribution]
) -> list[RawAttribution]:
    """One attribution per verb with a speaking subject and a finite clausal complement
    that no earlier pass read, whose content no attribution in ``found`` holds."""
    taken = [a.content for a in found]
    results = []
    for token in doc_tokens(doc):
        if not _reports_by_grammar(token) or index.inside(token) is not None:
            continue
        if inside_reported_clause(token):
            continue  # "said she [reckons] ...": the speaker's claim, one attribution
        content = reported_content(token)
        if content is None or content[0] <= token.i:
            continue
        bounds = free_claim_bounds(doc, index, *content, taken)
        if bounds is None:
            continue
        subject = subject_of(token)
        cue = cue_tokens(token)
        quote_ids = sorted(
            {q for t in doc[content[0] : content[1]] if (q := index.inside(t)) is not None}
        )
        results.append(
            RawAttribution(
                kind="mixed" if quote_ids else "indirect",
                content=bounds,
                cue=(cue[0].idx, cue[-1].idx + len(cue[-1])),
                cue_head=token.idx,
                quote_ids=quote_ids,
                source=subject_bounds(subject, token),
                source_head=subject.idx,
            )
        )
    return results


def _reports_by_grammar(token: Token) -> bool:
    """A finite verb no earlier pass read, with a subject that can speak and a finite
    clause after it with a subject of its own, that is a misspelt verb of saying or a
    participle of stance read as a verb (see the module's note on why not any verb)."""
    if not acts_as_verb(token) or token.pos_ == "AUX" or is_content_verb(token):
        return False
    if not token.is_alpha or not _finite_verb(token):
        return False  # "to prove that ...", "meaning ...": a purpose or a consequence
    if not (misspelt_reporting_verb(token) or _stance_participle(token)):
        return False
    if not can_speak(subject_of(token)):
        return False
    return any(c.dep_ == "ccomp" and c.i > token.i and _finite_clause(c) for c in token.children)


def _stance_participle(token: Token) -> bool:
    """"[came away] [convinced] that ...": a participle of stance (lexicon
    ``stance_predicates``) that the tagger read as the past tense of a verb."""
    return token.tag_ in PAST_VERB_TAGS and token.lower_ in load_lexicon("stance_predicates")


def _finite_clause(clause: Token) -> bool:
    """A clause with a subject and a tense of its own: "[the bridge] rarely [floods]"."""
    return _finite_verb(clause) and any(
        c.dep_ in NOMINAL_OR_EXPLETIVE_SUBJECTS for c in clause.children
    )


def _finite_verb(verb: Token) -> bool:
    """A verb with a tense, or a modal or auxiliary of its own."""
    return verb.tag_ in FINITE_TAGS or any(
        c.dep_ in AUXILIARIES and c.tag_ in FINITE_TAGS for c in verb.children
    )
