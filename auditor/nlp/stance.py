"""Attributions of a view held rather than words said: what someone knows, feels, wants,
supports or opposes, with no verb of saying.

Eight constructions, each read off the parse (who can hold a view is
:func:`auditor.nlp.speaking.can_speak`):

1. a verb of knowing, feeling or voting (lexicon ``attitude_verbs``), or of a public act
   that expresses a position (lexicon ``public_act_verbs``), with a clause, an
   infinitive, a preposition listed with it, or an object that is a person, a group or a
   proposition: "[I] [know all about] [his plans]", "[she] [despises] [the tax plan]",
   "[the panel] [voted] [to hold him in contempt]", "[the council] [imposed] [sanctions]";
   "she likes the car" and "he signed the card" report nothing;
2. a verb of regarding with an adverb of judgement after its object (lexicon
   ``regarding_adverbs``): "[most voters] [view] [Ruiz unfavorably]";
3. "have" with a noun of a view held (lexicon ``stance_nouns_held``): "[She] [has no
   illusions about] [the threat]";
4. an adjective or participle of stance after "be" or another copula, with its clause,
   infinitive or preposition (:mod:`auditor.nlp.stance_copular`, lexicon
   ``stance_predicates``): "[we] [are convinced] [this is the only country ...]", "[he]
   [is determined] [to win]", "[the senator] [is against] [it]";
5. a prepositional cue whose preposition comes after a time phrase: "[Ruiz] [spoke out
   Tuesday about] [the shooting]" (the other passes want the preposition right after
   the verb);
6. a public act in the passive with its "by" phrase
   (:func:`auditor.nlp.public_acts.passive_act`): "[the bill] [was vetoed] by [the
   governor]";
7. a text put out, a topic taken up or a proposal weighed
   (:func:`auditor.nlp.text_acts.text_act`): "[the Gazette] [published] [the memo]";
8. a character or a cause given to an object
   (:func:`auditor.nlp.characterising.characterised_object`): "[she] [painted] [him as
   a fraud]".

The pass runs after the verb, noun and predicate passes and adds only attributions whose
content no earlier attribution holds, so it never takes a sentence from them. A view
asked about ("would you vote for her?") is not held, and an outlet that "has learned"
something vouches for it itself (see ``reporting_verbs``).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from auditor.lexicon import load_lexicon
from auditor.nlp.characterising import characterised_object
from auditor.nlp.claim_bounds import free_claim_bounds
from auditor.nlp.claim_end import claim_end
from auditor.nlp.content import closed_before_speaker
from auditor.nlp.content_verbs import inside_reported_clause, says_what
from auditor.nlp.cues import cue_tokens, verb_lemma
from auditor.nlp.doctext import doc_tokens
from auditor.nlp.labels import (
    COMPLEMENT_CLAUSES,
    PARTICLES_OR_ADVERBS,
    PASSIVE_MARKERS,
    TIME_ENTITIES,
    VERB_COMPLEMENTS,
)
from auditor.nlp.public_acts import act_object_end, is_act_verb, passive_act, phrasal_lemma
from auditor.nlp.raw import QuoteIndex, RawAttribution
from auditor.nlp.source_names import is_media_name
from auditor.nlp.source_outlets import is_media_noun
from auditor.nlp.speaking import can_speak
from auditor.nlp.stance_copular import (
    ABOUT_PREPS,
    Stance,
    copular_stance,
    is_infinitive,
    preposition_object,
)
from auditor.nlp.text_acts import text_act
from auditor.nlp.verb_subjects import subject_bounds, subject_of
from auditor.nlp.view_objects import holds_view_object

#: Verbs of finding out: an outlet that "has learned" or "has heard" vouches for its own
#: claim, no source (rule ATTR004 flags it as unsourced; see reporting_verbs).
FINDING_OUT = load_lexicon("verbs_finding_out")
#: Verbs that hold a view named by their object ("has doubts about", "holds the view
#: that", "shares concerns about"); "raises questions about" is left out: its subject is
#: as often a fact as a person ("the decision raises questions").
HOLDING_VERBS = load_lexicon("verbs_holding_views")
#: Prepositions that open the writer's aside after a comma, never part of the view.
ASIDE_PREPS = {"despite", "notwithstanding", "amid", "during"}
#: Dependents that may stand between a verb and its preposition: a particle, an adverb or a
#: time phrase ("spoke out Tuesday about", "weighed in Friday about").
BETWEEN_VERB_AND_PREP = {"prt", "advmod", "npadvmod", "neg"}


def stance_attributions(
    doc: Doc, index: QuoteIndex, found: list[RawAttribution]
) -> list[RawAttribution]:
    """One attribution per view held whose content no attribution in ``found`` with a
    source holds (a sourceless claim on the same words gives way when overlaps are
    settled: "holds the view that ...": the holder's view, not an unowned "view")."""
    taken = [a.content for a in found if a.source is not None]
    results = []
    for token in doc_tokens(doc):
        if index.inside(token) is not None:
            continue  # a view within a quotation belongs to the quoted speaker
        stance = _find_stance(token)
        if stance is None or inside_reported_clause(stance.head):
            continue  # "said she despises X": the speaker's claim, one attribution
        if stance.head.sent.text.rstrip().endswith("?"):
            continue  # "would you vote for her?": a view asked about, not held
        end = claim_end(doc, stance.start, stance.end, stance.head)
        end = _before_aside(doc, stance.start, end)
        bounds = free_claim_bounds(doc, index, stance.start, end, taken)
        if bounds is None:
            continue
        results.append(_record(doc, index, stance, bounds))
    return results


def _find_stance(token: Token) -> Stance | None:
    """The view ``token`` heads, in whichever of the eight constructions it fits, if its
    holder can hold a view and its content is on the right side of the cue."""
    finders = (
        _attitude_verb, _regarded_with_adverb, _held_view, copular_stance,
        _preposition_after_time, passive_act, text_act, characterised_object,
    )
    for finder in finders:
        stance = finder(token)
        if stance is not None:
            head = stance.head.i
            misplaced = stance.end > head if stance.fronted else stance.start <= head
            if misplaced or (
                stance.holder is not None and not can_speak(stance.holder)
            ):
                return None  # "the school her daughter loves": the object is not after it
            return stance
    return None


def _record(doc: Doc, index: QuoteIndex, stance: Stance, bounds: tuple[int, int]) -> RawAttribution:
    """The attribution of ``stance`` with content ``bounds``; mixed if it holds a quote."""
    quote_ids = sorted(
        {q for t in doc[stance.start : stance.end] if (q := index.inside(t)) is not None}
    )
    holder = stance.holder
    return RawAttribution(
        kind="mixed" if quote_ids else "indirect",
        content=bounds,
        cue=(stance.cue_first.idx, stance.cue_last.idx + len(stance.cue_last)),
        cue_head=stance.head.idx,
        source=subject_bounds(holder, stance.head) if holder is not None else None,
        source_head=holder.idx if holder is not None else None,
        quote_ids=quote_ids,
    )


def _before_aside(doc: Doc, start: int, end: int) -> int:
    """Where the content ends before a semicolon ("would have loved [Marsh]; I grew up
    ..."), or before the writer's aside set off by a comma: a relative clause ("[the
    threat to Europe], whose leaders ..."), a concession or a setting ("[whether they
    would change course], despite weeks of ...", "..., even as footage circulated")."""
    for i in range(start + 1, end):
        if doc[i].text == ";":
            return i
        if doc[i].text != "," or i + 1 >= end:
            continue
        after = doc[i + 1]
        if after.tag_ == "WP$" or (after.dep_ == "prep" and after.lower_ in ASIDE_PREPS):
            return i
        if after.lower_ == "even" and i + 2 < end and doc[i + 2].dep_ == "mark":
            return i
    return end


# --- 1. verbs of knowing, feeling and voting ----------------------------------------------


def _attitude_verb(verb: Token) -> Stance | None:
    """"[I] [know all about] [his plans]", "[voters] [resent] [being ignored]", "[the
    panel] [voted] [to hold him in contempt]"."""
    if verb.pos_ != "VERB" or any(c.dep_ in PASSIVE_MARKERS for c in verb.children):
        return None  # "the bid was not accepted": no one holding a view is named
    if verb_lemma(verb) not in _attitude_lemmas():
        return None
    verbs = _attitude_entries()
    lemma = phrasal_lemma(verb, verbs)
    clause_only = f"{lemma} that" in verbs
    holder = subject_of(verb)
    if holder is None or (lemma in FINDING_OUT and _is_outlet(holder)):
        return None
    cue = cue_tokens(verb)
    preposition = _listed_preposition(verb, verbs)
    if preposition is not None:
        obj = preposition_object(preposition)
        if obj is not None and (not is_act_verb(verb) or holds_view_object(obj)):
            # "doubling down on [his attacks]", not "doubling down on dessert"
            end = preposition.right_edge.i + 1
            return Stance(verb, holder, cue[0], preposition, obj.left_edge.i, end)
    if lemma not in verbs and not clause_only:
        return None
    fronted = _fronted_clause(verb)
    if fronted is not None:
        start, end = fronted.left_edge.i, fronted.right_edge.i + 1
        return Stance(verb, holder, cue[0], cue[-1], start, end, fronted=True)
    for child in verb.rights:
        if child.dep_ == "ccomp":
            # "discovered that [attempts ...] [were made ...]": the parser may split one
            # clause into two complements; the view runs to the end of the last
            end = max(c.right_edge.i for c in verb.rights if c.dep_ == "ccomp") + 1
            return Stance(verb, holder, cue[0], cue[-1], child.left_edge.i, end)
        if clause_only:
            continue  # "assumed office", "will hear the case": no view reported
        if child.dep_ == "xcomp" and (is_infinitive(child) or _is_gerund(child)):
            return Stance(verb, holder, cue[0], cue[-1], child.left_edge.i, child.right_edge.i + 1)
        if child.dep_ == "dobj" and holds_view_object(child):
            end = child.right_edge.i + 1
            if lemma in load_lexicon("public_act_verbs"):
                end = act_object_end(verb, child)
            return Stance(verb, holder, cue[0], cue[-1], child.left_edge.i, end)
    return None


@cache
def _attitude_entries() -> frozenset[str]:
    """The entries of ``attitude_verbs`` and ``public_act_verbs``: both report a view
    through the same complements ("voted against the bill", "vetoed the bill")."""
    return load_lexicon("attitude_verbs") | load_lexicon("public_act_verbs")


@cache
def _attitude_lemmas() -> frozenset[str]:
    """The verbs of both lexicons, with or without their particle, preposition or "that"."""
    return frozenset(entry.split()[0] for entry in _attitude_entries())


def _is_outlet(holder: Token) -> bool:
    """"[The Gazette] has learned": a news outlet, by name or by its noun."""
    start, end = subject_bounds(holder)
    return is_media_name(holder.doc.text[start:end]) or is_media_noun(holder)


def _fronted_clause(verb: Token) -> Token | None:
    """"The mayor was taken to a hospital, [the paper] [has learned]": the clause before
    the verb of a main clause, closed by a comma, is what was learned."""
    if verb.dep_ != "ROOT" or any(c.dep_ in VERB_COMPLEMENTS for c in verb.rights):
        return None
    clause = next((c for c in verb.lefts if c.dep_ == "ccomp"), None)
    if clause is None or not closed_before_speaker(verb.doc, clause.right_edge.i + 1):
        return None
    return clause


def _listed_preposition(verb: Token, pairs: frozenset[str]) -> Token | None:
    """The preposition a verb takes as part of its cue ("voted [against]", "cares
    [about]", "weighed in [on]"), after at most a particle, an adverb or a time phrase
    ("learned on Friday [of]")."""
    lemma = verb_lemma(verb)
    particles = [""]
    for child in verb.rights:
        if child.dep_ == "prep":
            for particle in particles:
                pair = " ".join(w for w in (lemma, particle, child.lower_) if w)
                if pair in pairs and says_what(child):
                    return child
            if not _time_phrase(child):
                return None
            particles.append(child.lower_)  # "weighed [in] Friday about": a particle misread
            time = preposition_object(child)
            assert time is not None
            for inner in time.rights:  # "learned on Friday [of] ...": hung on the date
                if inner.dep_ == "prep" and f"{lemma} {inner.lower_}" in pairs:
                    return inner if says_what(inner) else None
        elif child.dep_ in PARTICLES_OR_ADVERBS:
            particles.append(child.lower_)  # "steered [clear] of", "shied [away] from"
            inner = next((c for c in child.rights if c.dep_ == "prep"), None)
            if inner is not None and f"{lemma} {child.lower_} {inner.lower_}" in pairs:
                return inner if says_what(inner) else None  # "of" hung on "clear"
        elif child.dep_ not in BETWEEN_VERB_AND_PREP:
            return None
    return None


def _time_phrase(preposition: Token) -> bool:
    """"on Friday", "in 2009": a preposition whose object is a date or a time."""
    obj = preposition_object(preposition)
    return obj is not None and obj.ent_type_ in TIME_ENTITIES


def _is_gerund(token: Token) -> bool:
    """"resent [being held to account]", "likes [singing]": the phrase opens with a gerund."""
    return token.left_edge.tag_ == "VBG"


# --- 2. a verb of regarding with an adverb of judgement -------------------------------


def _regarded_with_adverb(verb: Token) -> Stance | None:
    """"[Most voters] [view] [Ruiz unfavorably]", "[the group] [views] [Okafor more
    favorably than Marsh]": a verb of regarding with an adverb of judgement after its
    object (lexicon ``regarding_adverbs``), wherever the parser hung the adverb."""
    if verb.pos_ != "VERB" or verb_lemma(verb) not in load_lexicon("reporting_verbs_regarding"):
        return None
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    holder = subject_of(verb)
    if obj is None or holder is None:
        return None
    adverbs = load_lexicon("regarding_adverbs")
    judgement = next(
        (t for t in verb.subtree if t.i > obj.i and t.dep_ == "advmod" and t.lower_ in adverbs),
        None,
    )
    if judgement is None:
        return None
    cue = cue_tokens(verb)
    end = max(judgement.right_edge.i, obj.right_edge.i) + 1
    return Stance(verb, holder, cue[0], cue[-1], obj.left_edge.i, end)


# --- 3. "have" with a view held -------------------------------------------------------------


def _held_view(verb: Token) -> Stance | None:
    """"[She] [has no illusions about] [the threat]", "[the agency] [has questions about]
    [his returns]", "[voters] [have doubts that] [...]", "[she] [holds the view that]
    [...]"."""
    if verb.lemma_ not in HOLDING_VERBS or verb.pos_ != "VERB":
        return None
    noun = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if noun is None or noun.lemma_.lower() not in load_lexicon("stance_nouns_held"):
        return None
    holder = subject_of(verb)
    if holder is None:
        return None
    cue = cue_tokens(verb)
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in ABOUT_PREPS and says_what(child):
            obj = preposition_object(child)
            if obj is not None:
                return Stance(verb, holder, cue[0], child, obj.left_edge.i, child.right_edge.i + 1)
        if child.dep_ in COMPLEMENT_CLAUSES and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in child.children
        ):
            return Stance(verb, holder, cue[0], noun, child.left_edge.i, child.right_edge.i + 1)
    return None


# --- 5. a prepositional cue after a time phrase -------------------------------------------


def _preposition_after_time(verb: Token) -> Stance | None:
    """"[Ruiz] [spoke out Tuesday about] [the shooting]": a verb and preposition listed
    together (``reporting_verb_prepositions``) with a time phrase between them."""
    if verb.pos_ != "VERB":
        return None
    if not any(
        (c.dep_ == "npadvmod" and c.ent_type_ in TIME_ENTITIES)
        or (c.dep_ == "prep" and _time_phrase(c))
        for c in verb.rights
    ):
        return None
    preposition = _listed_preposition(verb, load_lexicon("reporting_verb_prepositions"))
    holder = subject_of(verb)
    if preposition is None or holder is None:
        return None
    obj = preposition_object(preposition)
    if obj is None:
        return None
    cue = cue_tokens(verb)
    return Stance(verb, holder, cue[0], preposition, obj.left_edge.i, preposition.right_edge.i + 1)
