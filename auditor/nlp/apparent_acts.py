"""Acts of saying or stance that a raising verb presents as apparent: "[the chief]
[appeared to blame] [junior staff for the losses]", "[the senator] seemed to suggest
[that the vote would slip]".

An active "appear" or "seem" usually makes its subject what a claim is about, a claim of
nobody in particular ("[the plan] seems [to work]", read by
:func:`auditor.nlp.passive_content.raised_content`). When the subject can speak and the
infinitive is a verb of saying or stance, the subject is who acted: the writer only
hedges how the act came across, so the subject is the source, the infinitive reports as
it would alone, and the cue runs from the raising verb to the infinitive.
"""

from __future__ import annotations

from spacy.tokens import Token

from auditor.lexicon import load_lexicon
from auditor.nlp.cues import cue_tokens, is_reporting_verb, verb_lemma
from auditor.nlp.labels import PASSIVE_MARKERS, VERBAL_POS
from auditor.nlp.speaking import can_speak

#: Raising verbs whose active subject is what they hedge ("she appeared to", "he seems
#: to"); the passive ones ("is said to") are read by auditor.nlp.content.
ACTIVE_RAISING_VERBS = load_lexicon("raising_verbs_active")


def apparent_act(verb: Token) -> Token | None:
    """The verb of saying or stance under an active raising verb whose subject can
    speak: "the mayor [appeared] to [blame] the contractors" -> "blame"; ``None`` for
    "the plan appeared to work" (no act of speech) or "it seems to suggest" (no one)."""
    if not _raising_verb(verb):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ == "it" or not can_speak(subject):
        return None
    act = next((c for c in verb.rights if c.dep_ == "xcomp" and _infinitive(c)), None)
    if act is None:
        return None
    if is_reporting_verb(act) or verb_lemma(act) in load_lexicon("stance_verbs"):
        return act
    return None


def hedged_by(act: Token) -> Token | None:
    """The raising verb that hedges ``act``: "she [seemed] to endorse the plan" ->
    "seemed"; ``None`` when ``act`` is no apparent act."""
    if act.dep_ != "xcomp" or act.head == act:
        return None
    return act.head if apparent_act(act.head) == act else None


def with_hedge(act: Token, cue: list[Token]) -> list[Token]:
    """The cue of an apparent act from its raising verb on: "[appeared to blame]"."""
    hedge = hedged_by(act)
    if hedge is None:
        return cue
    return sorted({*cue_tokens(hedge), *cue}, key=lambda t: t.i)


def _raising_verb(verb: Token) -> bool:
    return verb.pos_ in VERBAL_POS and verb_lemma(verb) in ACTIVE_RAISING_VERBS and not any(
        c.dep_ in PASSIVE_MARKERS for c in verb.children
    )


def _infinitive(token: Token) -> bool:
    """A bare infinitive with "to" ("to blame"), not a progressive ("to be feeling")."""
    return token.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
