"""Content read off a passive or raising verb: the subject is what is reported.

"[the nominee] was endorsed by the Times" reports its subject through the agent; "[the
minister] is said [to have resigned]", "[the plan] seems [to work]" attribute a claim to
nobody. Used by :func:`auditor.nlp.content.reported_content`.
"""

from __future__ import annotations

from spacy.tokens import Token

from auditor.lexicon import load_lexicon
from auditor.nlp.agents import by_phrase
from auditor.nlp.apparent_acts import apparent_act
from auditor.nlp.content_verbs import is_infinitive
from auditor.nlp.cues import subtree_token_range, verb_lemma
from auditor.nlp.speaking import can_speak
from auditor.nlp.verb_subjects import subject_of


def passive_content(verb: Token) -> tuple[int, int] | None:
    """A passive with its agent reports its subject: "[the nominee] was endorsed by the
    Times", "[Oz] has been called a charlatan by fellow doctors"."""
    lemma = verb_lemma(verb)
    if lemma not in load_lexicon("reporting_verbs_with_object") and lemma not in load_lexicon(
        "stance_verbs"
    ):
        return None  # "This article was published by the Gazette" reports nothing
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    agent = by_phrase(verb)  # also a "by" the parser hung on the predicate
    if subject is None or agent is None or subject.pos_ == "PRON" or not can_speak(
        subject_of(verb)
    ):
        return None
    start, end = subtree_token_range(subject)
    complements = [c for c in verb.rights if c.dep_ in {"oprd", "xcomp"} and c.i < agent.i]
    if complements:
        end = min(max(c.right_edge.i for c in complements) + 1, agent.i)
    return start, end


def raised_content(verb: Token) -> tuple[int, int] | None:
    """A claim attributed to nobody: "[the minister] is said [to have resigned]",
    "[turnout] is expected [to rise]", "[the dam] is considered [a threat]", "[the plan]
    seems [to work]". The content runs from the subject to the end of its predicate (the
    cue between them included, since a content is one stretch of text)."""
    lemma = verb_lemma(verb)
    if lemma not in load_lexicon("raising_verbs") or any(
        c.dep_ == "agent" for c in verb.children
    ):
        return None
    if apparent_act(verb) is not None:
        return None  # "the chief appeared to blame workers": his act, not nobody's claim
    active = lemma in load_lexicon("raising_verbs_active")
    subject_dep = "nsubj" if active else "nsubjpass"
    subject = next((c for c in verb.children if c.dep_ == subject_dep), None)
    if subject is None or subject.lower_ == "it":
        return None
    predicate = next(
        (
            c for c in verb.rights
            if (c.dep_ == "xcomp" and is_infinitive(c)) or (c.dep_ == "oprd" and not active)
        ),
        None,
    )
    if predicate is None:
        return None
    return subject.left_edge.i, predicate.right_edge.i + 1
