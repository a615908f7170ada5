"""Attributions whose cue is a noun: "Marsh's claim that crime is rising", "his pledge to
cut taxes", "a warning by the agency that ...", and "In a statement, ..." / "In the poll,
..." where a document or a speech event frames the sentence."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from auditor.lexicon import load_lexicon
from auditor.nlp.content_verbs import inside_reported_clause, is_content_verb
from auditor.nlp.cues import trimmed_bounds
from auditor.nlp.doctext import doc_tokens
from auditor.nlp.framed_speakers import frame_speaker
from auditor.nlp.labels import (
    COPULAR_COMPLEMENTS,
    INFINITIVE_OR_CLAUSE_MARKERS,
    NOMINAL_SUBJECTS,
    PREPOSITION_OBJECTS,
)
from auditor.nlp.object_content import object_content
from auditor.nlp.owned_nouns import noun_cue_start, noun_owner, spoken_by
from auditor.nlp.raw import QuoteIndex, RawAttribution
from auditor.nlp.speaking import can_speak
from auditor.nlp.verb_subjects import subject_of

#: Nouns whose infinitive is what someone intends or demands ("his pledge to cut taxes");
#: after other nouns an infinitive is usually a purpose ("proposals to help farmers").
INTENTION_NOUNS = "reporting_nouns_intention"


def noun_cue_attributions(doc: Doc, index: QuoteIndex) -> list[RawAttribution]:
    """One attribution per clause-taking noun cue: with its speaker ("his claim that
    ..."), or with no source when a claim has no owner ("amid concerns that ...")."""
    found = []
    nouns = load_lexicon("reporting_nouns_clausal")
    for token in doc_tokens(doc):
        if token.pos_ != "NOUN" or token.lemma_.lower() not in nouns:
            continue
        if index.inside(token) is not None:
            continue  # a claim mentioned inside a quotation belongs to the quoted speaker
        clause = _clause_of(token)
        if clause is None or inside_reported_clause(token.head):
            continue
        speaker = noun_owner(token)
        if (
            token.dep_ == "dobj"
            and is_content_verb(token.head)
            and object_content(token.head)
            and not _claim_of_another(token, speaker)
        ):
            continue  # "expressed concern that ...": the verb reports the whole
        start, end = clause.left_edge.i, clause.right_edge.i + 1
        bounds = trimmed_bounds(doc, start, end)
        if bounds is None:
            continue
        first = noun_cue_start(token, speaker)
        if speaker is not None:
            found.append(spoken_by(speaker, "indirect", bounds, first, token, token))
        elif _claim_without_owner(token, clause):
            found.append(
                RawAttribution(
                    kind="indirect",
                    content=bounds,
                    cue=(first.idx, token.idx + len(token)),
                    cue_head=token.idx,
                )
            )
    return found


def _claim_of_another(noun: Token, owner: Token | None) -> bool:
    """The noun object of a verb of stance names someone else's claim: "the video
    contradicts [the police's] claim that ..." (the police claim, the video contradicts),
    against "she expressed concern that ..." or "he repeated his claim that ..."."""
    if owner is None or owner.pos_ == "PRON":
        return False
    return owner != subject_of(noun.head)


def _claim_without_owner(noun: Token, clause: Token) -> bool:
    """A noun of claiming or thinking with a that-clause and no owner is still a claim,
    with no source: "amid growing [concerns] that the bloc is too dependent", "dogged by
    [charges] that he misled viewers". A plan or decision with no owner is not ("a plan
    to build the bridge" describes, nobody claims)."""
    if noun.lemma_.lower() in load_lexicon(INTENTION_NOUNS):
        return False
    return any(c.lower_ == "that" and c.dep_ == "mark" for c in clause.children)


def _clause_of(noun: Token) -> Token | None:
    """The that-clause or infinitive the noun takes ("claim [that ...]", "plan [to ...]")."""
    for child in noun.rights:
        if child.dep_ not in {"acl", "ccomp", "relcl"}:
            continue
        marks = {c.lower_ for c in child.children if c.dep_ in INFINITIVE_OR_CLAUSE_MARKERS}
        if "that" in marks and (child.dep_ != "relcl" or _complete_clause(child)):
            # a relative clause has "that" as its subject or object; as a mark it opens
            # a complement the parser misread ("pronouncements [that she had won]")
            return child
        if "to" in marks and child.dep_ == "acl" and noun.lemma_.lower() in load_lexicon(
            INTENTION_NOUNS
        ):
            return child
    return None


#: Dependents that complete a clause's verb, so no object is missing from it.
COMPLETING_DEPS = {"dobj", "attr", "acomp", "ccomp", "xcomp", "oprd", "auxpass", "dative"}


def _complete_clause(verb: Token) -> bool:
    """A clause with its subject and a complement of its verb, so "that" is no gap in it:
    "that [she had won the debate]" against "that [he made] on Monday" (the claim is
    what he made)."""
    children = {c.dep_ for c in verb.children}
    return bool(children & NOMINAL_SUBJECTS) and bool(children & COMPLETING_DEPS)


#: Nouns after a sentence-initial "In" that frame the sentence as someone's account:
#: "In a statement, the ministry ...", "In the poll, 43 percent ...".
FRAME_NOUNS = "framing_nouns"


def framed_attributions(doc: Doc, index: QuoteIndex) -> list[RawAttribution]:
    """"In <document or speech>, <claim>": the document is the source of the claim; "By
    <owner's> admission, <claim>": the owner is."""
    found = []
    for sentence in doc.sents:
        words = [t for t in sentence if not (t.is_space or t.is_quote)]
        if len(words) < 4 or words[0].lower_ not in {"in", "by"}:
            continue
        preposition = words[0]
        source = next((c for c in preposition.children if c.dep_ == "pobj"), None)
        if source is None:
            continue
        if preposition.lower_ == "by":
            found.extend(_owned_account(doc, index, source))
            continue
        if source.lemma_.lower() not in load_lexicon(FRAME_NOUNS):
            continue
        comma = source.right_edge.i + 1
        if comma >= sentence.end or doc[comma].text != ",":
            continue
        if index.inside(preposition) is not None:
            continue
        bounds = trimmed_bounds(doc, comma + 1, sentence.end)
        if bounds is None:
            continue
        # "In a statement, [Lee] [was cautious]": the statement is the named subject's,
        # and what it says of her is the predicate
        speaker = frame_speaker(preposition, source)
        if speaker is not None:
            bounds = trimmed_bounds(doc, speaker.right_edge.i + 1, sentence.end) or bounds
        found.append(
            spoken_by(
                speaker or source, "according_to", bounds, preposition, preposition, preposition
            )
        )
    return found


def _owned_account(doc: Doc, index: QuoteIndex, noun: Token) -> list[RawAttribution]:
    """"By [his] [own admission], [the returns are thick]": the sentence after the comma is
    the owner's account (nouns in ``framing_nouns_by``; "By some estimates" has no
    owner and is left alone)."""
    if noun.lemma_.lower() not in load_lexicon("framing_nouns_by"):
        return []
    owner = noun_owner(noun, modifier=False)
    comma = noun.right_edge.i + 1
    if owner is None or comma >= noun.sent.end or doc[comma].text != ",":
        return []
    if index.inside(noun) is not None:
        return []
    bounds = trimmed_bounds(doc, comma + 1, noun.sent.end)
    if bounds is None:
        return []
    first = noun_cue_start(noun, owner)
    return [spoken_by(owner, "according_to", bounds, first, noun, noun)]


#: Prepositions whose object is what a stance predicate is about ("critical of X").
STANCE_PREPS = {"of", "about", "with", "on", "over", "to", "toward", "towards"}


def predicate_stance_attributions(doc: Doc, index: QuoteIndex) -> list[RawAttribution]:
    """"[Brandt] has been [critical of] [Marsh]", "[she] was [sure] [the law would pass]":
    a position stated with "be" and an adjective or role noun."""
    found = []
    predicates = load_lexicon("stance_predicates")
    for token in doc_tokens(doc):
        if token.lemma_ != "be" or index.inside(token) is not None:
            continue
        if inside_reported_clause(token):
            continue  # "said it was opposed to the test": part of what was said
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is None or not can_speak(subject):
            continue
        predicate = next(
            (
                c for c in token.rights
                if c.dep_ in COPULAR_COMPLEMENTS and c.lemma_.lower() in predicates
            ),
            None,
        )
        if predicate is None:
            continue
        content = _stance_object(predicate)
        if content is None or content.left_edge.i <= predicate.i:
            continue  # "the law he was critical of": the object is not after the cue
        start, end = content.left_edge.i, content.right_edge.i + 1
        if content.dep_ in PREPOSITION_OBJECTS:
            # "supporter of NATO and of its allies": the preposition's conjuncts count too
            end = max(end, content.head.right_edge.i + 1)
        bounds = trimmed_bounds(doc, start, end)
        if bounds is None:
            continue
        cue_end = doc[content.left_edge.i - 1] if content.dep_ in PREPOSITION_OBJECTS else predicate
        cue_start = min(
            [token] + [c for c in token.children if c.dep_ in {"aux", "neg"} and c.i < token.i],
            key=lambda t: t.i,
        )
        found.append(spoken_by(subject, "indirect", bounds, cue_start, cue_end, token))
    return found


def _stance_object(predicate: Token) -> Token | None:
    """What the stance is about: a that-clause ("sure [that ...]") or the object of a
    preposition ("critical of [Marsh]")."""
    for child in predicate.children:
        if child.dep_ == "ccomp":
            return child
    for child in predicate.children:
        if child.dep_ == "prep" and child.lower_ in STANCE_PREPS:
            obj = next((c for c in child.children if c.dep_ in PREPOSITION_OBJECTS), None)
            if obj is not None:
                return obj
    return None
