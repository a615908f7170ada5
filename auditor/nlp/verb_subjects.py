"""Who speaks through a verb: its subject, the agent of its passive, or the subject it shares.

:func:`subject_of` looks for a nominal subject, then the agent of a passive ("was confirmed
by X"), then climbs through coordinated, participial and open-complement verbs ("X said
... and added", "X, declaring that ...") to the subject they share; the parser's
misreadings are corrected on the way (:mod:`auditor.nlp.repairs.misparses`).
:func:`subject_bounds` gives the characters of that source, :func:`antecedent` the noun a
relative pronoun or a possessed noun stands for ("generals, who advised" -> generals).
"""

from __future__ import annotations

from spacy.tokens import Token

from auditor.lexicon import load_lexicon
from auditor.nlp.agents import agent_of
from auditor.nlp.contact_clauses import (
    conjunction_object_subject,
    swallowed_bounds,
    swallowed_subject,
)
from auditor.nlp.controlled import caused_speaker
from auditor.nlp.coordination import outer_speaker
from auditor.nlp.cues import (
    is_reporting_verb,
    misread_trailing_report,
    noun_phrase_bounds,
    reporting_nouns,
)
from auditor.nlp.gerund_hosts import noun_gerund_host
from auditor.nlp.labels import (
    AUXILIARIES,
    CONJUNCTION_POS,
    NOUN_CLAUSES,
    NOUN_OR_PRONOUN_POS,
    NOUN_POS,
    PAST_VERB_TAGS,
    SUBJECTS,
    TENSED_VERB_TAGS,
    WH_PRONOUN_TAGS,
)
from auditor.nlp.occasion_infinitives import chance_host
from auditor.nlp.participles import (
    absolute_subject,
    adjective_holder,
    frame_subject,
    manner_gerund_host,
    occasion_host,
    subject_of_misread_main_verb,
)
from auditor.nlp.pronoun_sources import pronoun_source_bounds
from auditor.nlp.repairs.double_subjects import nearest_subject_first
from auditor.nlp.repairs.misparses import (
    clause_misread_as_subject,
    compound_subject,
    name_after_title,
    quantifier_on_modifier,
    subject_after_heading,
    subject_of_extraposed_clause,
    title_before_name,
)

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
#: Prepositions of manner and time whose gerund shares the subject of the verb they hang
#: on ("answered by saying ...", "left after announcing ...", "despite admitting ...").
MANNER_PREPS = {
    "by", "after", "before", "without", "while", "since", "upon", "from", "in", "despite",
}


def subject_of(verb: Token) -> Token | None:
    """The token that names who speaks through ``verb``.

    Looks for a nominal subject, then the agent of a passive ("was confirmed by X"), then
    climbs through coordinated, participial and open-complement verbs ("X said ... and
    added", "X, declaring that ...", "X, stating that ...") to the subject they share.
    """
    misread = clause_misread_as_subject(verb) if is_reporting_verb(verb) else None
    if misread is not None:
        return misread[0]  # "The bridge reopened, [the agency] reported."
    after_heading = subject_after_heading(verb) if is_reporting_verb(verb) else None
    if after_heading is not None:
        return after_heading  # "THE LOANS Back then, [Mr. Lee] said that ..."
    seen = 0
    token = verb
    while token is not None and seen < 4:
        seen += 1
        found, subject = _subject_on(token, verb)
        if found:
            return subject
        step, next_token = _climb(token, verb)
        if step == "subject":
            return next_token
        if step == "stop":
            break
        token = next_token
    return (
        _reduced_relative_subject(verb)
        or _name_before(verb)
        or compound_subject(verb)
        or quantifier_on_modifier(verb)
        or swallowed_subject(verb)
    )


def _subject_on(token: Token, verb: Token) -> tuple[bool, Token | None]:
    """``(True, speaker)`` when ``token``, ``verb`` or a verb on the way up from it, names
    the speaker itself: its subject, the agent of its passive ("was confirmed by [X]"), an
    absolute or framing subject, the subject of an extraposed clause, the outer speaker of
    a second act ("[Lee] said ... and warned"), the one made to speak ("forced [the
    chief] to admit"); ``(True, None)`` for "It is said that ..." (nobody speaks);
    ``(False, None)`` when the climb must go on."""
    for child in nearest_subject_first(token):
        if child.dep_ in SUBJECT_DEPS and child.dep_ != "csubj" and not child.is_punct:
            if child.dep_ == "nsubjpass":
                agent = _agent_of(token)
                if agent is not None:
                    return True, agent
            if child.lower_ == "it" and _is_passive(token):
                return True, None  # "It is said that ...", "Why is it said ...": nobody speaks
            return True, name_after_title(child) or child
    agent = _agent_of(token)
    if agent is not None:
        return True, agent
    absolute = absolute_subject(token) or frame_subject(token)
    if absolute is not None:
        return True, absolute
    extraposed = subject_of_extraposed_clause(token)
    if extraposed is not None:
        return True, extraposed  # "It is odd that [Lee] demands ..., yet refuses ..."
    if token is verb:
        outer = outer_speaker(verb, is_reporting_verb) or conjunction_object_subject(verb)
        if outer is not None:
            # "[Lee] said the city would act and warned ...", "as [France] supports"
            return True, outer
    caused = caused_speaker(token)
    if caused is not None:
        return True, caused  # "forced [the chief] to admit": the one made to speak
    return False, None


def _climb(token: Token, verb: Token) -> tuple[str, Token | None]:
    """Where :func:`subject_of` goes from a verb with no speaker of its own: ``("climb",
    V)`` up to the verb V whose subject it shares ("X said ... and [added]", "published
    the results by [announcing]"), ``("subject", X)`` when the verb hangs on the noun X
    that speaks ("X, who said ...", "donors intent on deciding"), ``("stop", None)``."""
    if token.dep_ in {"conj", "xcomp", "advcl"} and token.head is not token:
        token = token.head
        # "X believes that Kyiv should look ahead, stating that ...": the participle
        # hangs on the reported clause, but X is the one stating.
        if token.dep_ == "ccomp" and is_reporting_verb(token.head) and verb.tag_ == "VBG":
            token = token.head
        return "climb", token
    holder = adjective_holder(token)
    if holder is not None and holder.pos_ in NOUN_POS:
        return "subject", holder  # "donors intent on deciding ...": the donors decide
    host = manner_gerund_host(token, MANNER_PREPS) or holder or noun_gerund_host(token)
    if host is not None:
        # "published the results by announcing that ...", "refused, aside from saying
        # ...": a gerund in a phrase of manner or time on a verb shares that verb's
        # subject ("criticized for promoting pills" does not: the promoter is the one
        # criticized); "have no way of knowing": the one who has no way.
        return "climb", host
    misread = subject_of_misread_main_verb(token)
    if misread is not None:
        return "subject", misread  # "[One of the doctors] who signed the letter called him ..."
    occasion = occasion_host(token) or chance_host(token)  # "missed a chance to say"
    if occasion is not None:
        return "climb", occasion  # "spoke at a news conference announcing ...": she announced
    if token.dep_ in NOUN_CLAUSES and token.head.pos_ in NOUN_OR_PRONOUN_POS:
        if token.dep_ == "relcl":
            # "X, who said ...": the relative pronoun's antecedent speaks.
            return "subject", token.head
        carrier = _carrier_subject(token.head)
        return "subject", carrier if carrier is not None else token.head
    return "stop", None


def _reduced_relative_subject(verb: Token) -> Token | None:
    """"Court filings released Monday show that ...": the parser took the participle of a
    reduced relative ("released") for the main verb and hung the real one on it; the
    participle's "subject", with no object of its own, is the speaker's."""
    head = verb.head
    if verb.dep_ not in {"dep", "ccomp", "conj"} or head.i >= verb.i:
        return None
    if head.tag_ not in PAST_VERB_TAGS or any(
        c.dep_ in {"dobj", "ccomp", "xcomp", "attr", "oprd"} for c in head.children
    ):
        return None
    if any(t.is_punct or t.pos_ in CONJUNCTION_POS for t in verb.doc[head.i + 1 : verb.i]):
        return None  # "filings were released, and they show ...": two clauses
    return next(
        (c for c in head.lefts if c.dep_ == "nsubj" and c.pos_ in NOUN_POS), None
    )


def _name_before(verb: Token) -> Token | None:
    """A finite main verb the parser left without a subject, right after a name: in
    "..., Okafor and Ruiz call them ..." it hung the names on the phrase before the
    comma; English puts the subject there."""
    if verb.dep_ != "ROOT" or verb.tag_ not in TENSED_VERB_TAGS or verb.i == 0:
        return None
    if any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    previous = verb.doc[verb.i - 1]
    return previous if previous.pos_ == "PROPN" else None


#: Verbs that put out a statement or document: "X issued a statement calling ...".
CARRIER_VERBS = load_lexicon("carrier_verbs")


def _carrier_subject(noun: Token) -> Token | None:
    """Who put out the statement a participle or relative clause hangs on: "[the Council]
    issued a statement calling ...", "[she] held a news conference announcing ..."."""
    if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in CARRIER_VERBS:
        return None
    carrier = noun.head
    for child in carrier.children:
        if child.dep_ == "nsubj" and not child.is_punct:
            return child
    if carrier.dep_ == "xcomp":
        # "prompted [his wife] to make a comment that ...": the object of the verb above
        # is the one who makes it
        return next((c for c in carrier.head.children if c.dep_ == "dobj"), None)
    return None


def statement_maker(pronoun: Token) -> Token | None:
    """Who made the statement a relative pronoun stands for: in "[she] made a comment that
    described ...", "she"; None when the antecedent is no statement or has no maker."""
    if pronoun.tag_ != "WDT" or pronoun.head.dep_ != "relcl":
        return None
    statement = pronoun.head.head
    if statement.lemma_.lower() not in reporting_nouns():
        return None
    return _carrier_subject(statement)


def _is_passive(verb: Token) -> bool:
    # The tagger reads "Why is it said" as VBD with an auxpass child.
    return verb.tag_ in PAST_VERB_TAGS and any(
        c.dep_ in AUXILIARIES and c.lemma_ == "be" for c in verb.children
    )


def antecedent(token: Token) -> Token:
    """Who a source phrase stands for: the noun of a relative pronoun ("generals, who
    advised" -> generals), the owner of words ("Pushilin's comments suggest" -> Pushilin)."""
    if token.tag_ in WH_PRONOUN_TAGS and token.head.dep_ == "relcl":
        return token.head.head
    if token.pos_ == "NOUN" and token.lower_ in load_lexicon("spoken_by_owner"):
        for child in token.children:
            if child.dep_ == "poss" and child.pos_ == "PROPN":
                return child
    return token


def _agent_of(verb: Token) -> Token | None:
    return agent_of(verb)  # the parser's agent, or a "by" it hung on the predicate


def subject_bounds(subject: Token, cue: Token | None = None) -> tuple[int, int]:
    """Character bounds of the source span for a subject token (of the verb ``cue``)."""
    swallowed = swallowed_bounds(subject, cue) if cue is not None else None
    if swallowed is not None:
        return swallowed  # "the $20 million [experts] say it costs"
    if subject.pos_ == "PRON" and subject.dep_ != "pobj":
        return pronoun_source_bounds(subject)  # "[she]", "[Those close to him]"
    if cue is not None and subject.head == cue.head and subject.head.i < cue.i and (
        _reduced_relative_subject(cue) == subject
    ):
        # "Court filings released Monday show": the participle phrase is part of the source
        last = cue.doc[cue.i - 1]
        return subject.left_edge.idx, last.idx + len(last)
    if cue is not None and subject.dep_ != "nsubj" and quantifier_on_modifier(cue) == subject:
        modifier = subject.head  # "[Many online] have mocked": the quantifier and its word
        return subject.idx, modifier.right_edge.idx + len(modifier.right_edge)
    if cue is not None and subject.dep_ == "compound" and subject.head == cue:
        return cue.left_edge.idx, subject.idx + len(subject)  # "[The filing] states that"
    descriptor = misread_trailing_report(cue) if cue is not None else None
    if descriptor is not None and subject.head == cue:
        # "..., [the wire service Nordpress] reported.": the descriptor names the source too
        last = cue.doc[cue.i - 1]
        return descriptor.left_edge.idx, last.idx + len(last)
    start, end = noun_phrase_bounds(subject, cue)
    title = title_before_name(subject)
    if title is not None:
        start = title.left_edge.idx  # "[Retired admiral] Joan Mercer": the title is the source's
    return start, end
