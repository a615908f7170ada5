"""Judgements given and received: a noun of approval or disapproval passed from one party
to another by a light verb.

- given: "[The Gazette] [gave] [the mayor] [its endorsement]", "[the union] is [throwing
  its support behind] [the governor]" - the subject is the source, the one judged (the
  indirect object, or the object of "to", "behind" or "for") what is said;
- received: "[Ms. Reyes] [faced sharp criticism] from [her own party]", "[the senator]
  [enjoyed strong support] from [older voters]" - the giver after "from" is the source,
  the subject who receives it what is said.

The verb with its noun is the cue. Nouns in ``judgement_nouns_given``, verbs in
``verbs_giving_judgement`` and ``verbs_receiving_judgement``. A noun that is no judgement
("gave him a ride", "drew a crowd from the suburbs") or a giver who cannot speak ("won
support from the data") makes no attribution.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from auditor.lexicon import load_lexicon
from auditor.nlp.content_verbs import inside_reported_clause
from auditor.nlp.cues import trimmed_bounds, verb_lemma
from auditor.nlp.doctext import doc_tokens
from auditor.nlp.labels import NOMINAL_SUBJECTS
from auditor.nlp.owned_nouns import noun_cue_start
from auditor.nlp.raw import QuoteIndex, RawAttribution
from auditor.nlp.speaking import can_speak
from auditor.nlp.verb_subjects import subject_bounds, subject_of

#: Prepositions that name who a given judgement is for ("threw its support [behind] X").
RECIPIENT_PREPS = {"to", "behind", "for"}


def judgement_attributions(doc: Doc, index: QuoteIndex) -> list[RawAttribution]:
    """One attribution per judgement noun given or received through a light verb."""
    found = []
    nouns = load_lexicon("judgement_nouns_given")
    for noun in doc_tokens(doc):
        if noun.pos_ != "NOUN" or noun.dep_ != "dobj" or noun.lemma_.lower() not in nouns:
            continue
        verb = noun.head
        if index.inside(noun) is not None or inside_reported_clause(verb):
            continue  # a judgement inside a quotation or a report is part of that claim
        lemma = verb_lemma(verb)
        if lemma in load_lexicon("verbs_giving_judgement"):
            attribution = _given(verb, noun)
        elif lemma in load_lexicon("verbs_receiving_judgement"):
            attribution = _received(verb, noun)
        else:
            continue
        if attribution is not None:
            found.append(attribution)
    return found


def _given(verb: Token, noun: Token) -> RawAttribution | None:
    """"[the paper] gave [her] its endorsement": the giver says it of the one judged."""
    giver = subject_of(verb)
    recipient = next((c for c in verb.children if c.dep_ == "dative"), None)
    cue_start, cue_end = verb, noun
    if recipient is not None:
        cue_start = noun_cue_start(noun, None)  # "gave her [a warm endorsement]"
    else:
        preposition = _preposition_after(noun, RECIPIENT_PREPS)
        recipient = _object_of(preposition)
        cue_end = preposition if recipient is not None else noun
    if recipient is None or not can_speak(giver):
        return None
    return _record(verb, (cue_start, cue_end), giver, recipient)


def _received(verb: Token, noun: Token) -> RawAttribution | None:
    """"[she] enjoyed support from [donors]": the giver after "from" says it of her."""
    receiver = subject_of(verb)
    giver = _object_of(_preposition_after(noun, {"from"}))
    if receiver is None or giver is None or not can_speak(giver):
        return None
    return _record(verb, (verb, noun), giver, receiver)


def _preposition_after(noun: Token, words: set[str]) -> Token | None:
    """A preposition after the noun, hung on the noun or on its verb ("faced criticism
    [from] X", "criticism [from] X")."""
    for head in (noun, noun.head):
        for child in head.rights:
            if child.dep_ in {"prep", "dative"} and child.i > noun.i and child.lower_ in words:
                return child
    return None


def _object_of(preposition: Token | None) -> Token | None:
    if preposition is None:
        return None
    return next((c for c in preposition.children if c.dep_ == "pobj"), None)


def _record(
    verb: Token, cue: tuple[Token, Token], source: Token, judged: Token
) -> RawAttribution | None:
    """Source, cue (first and last word), and the one judged as content."""
    doc = verb.doc
    if judged.dep_ == "pobj" or judged.dep_ == "dative":
        content = trimmed_bounds(doc, judged.left_edge.i, judged.right_edge.i + 1)
    else:
        content = subject_bounds(judged, verb)
    if content is None:
        return None
    return RawAttribution(
        kind="indirect",
        content=content,
        cue=(cue[0].idx, cue[1].idx + len(cue[1])),
        cue_head=verb.idx,
        source=_source_bounds(source, verb),
        source_head=source.idx,
    )


def _source_bounds(source: Token, verb: Token) -> tuple[int, int]:
    """The giver's noun phrase without a relative clause set off by a comma: "support
    from [older voters, especially women,] who helped her win" (the clause says more
    about them, not who they are)."""
    if source.dep_ in NOMINAL_SUBJECTS:
        return subject_bounds(source, verb)
    start, end = subject_bounds(source)
    doc = source.doc
    for clause in source.subtree:
        if clause.dep_ != "relcl" or clause.left_edge.i < 1:
            continue
        comma = doc[clause.left_edge.i - 1]
        if comma.text == "," and comma.idx > start:
            end = min(end, comma.idx + 1)
    return start, end
