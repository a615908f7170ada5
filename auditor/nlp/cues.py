"""Small functions over spaCy tokens shared by the attribution passes.

They answer three questions about a parsed sentence: is this token a reporting cue, who is
its source (the subject, or the agent of a passive), and which characters make up a
source or content span under the conventions editors (and the PolNeAR annotators) use.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from auditor.lexicon import load_lexicon
from auditor.nlp.agents import agent_of
from auditor.nlp.contact_clauses import (
    conjunction_object_subject,
    swallowed_bounds,
    swallowed_subject,
)
from auditor.nlp.controlled import caused_speaker
from auditor.nlp.coordination import outer_speaker
from auditor.nlp.double_subjects import nearest_subject_first
from auditor.nlp.gerund_hosts import noun_gerund_host
from auditor.nlp.misparses import (
    clause_misread_as_subject,
    compound_subject,
    is_title,
    name_after_title,
    quantifier_on_modifier,
    subject_after_heading,
    subject_of_extraposed_clause,
    title_before_name,
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

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
#: Prepositions of manner and time whose gerund shares the subject of the verb they hang
#: on ("answered by saying ...", "left after announcing ...", "despite admitting ...").
MANNER_PREPS = {
    "by", "after", "before", "without", "while", "since", "upon", "from", "in", "despite",
}
#: Words that may open a reported clause but are not part of what was said.
CLAUSE_MARKERS = {"that", "whether", "if"}
#: Punctuation that is trimmed from the ends of a content span.
TRIM_PUNCT = set(".,;:!?-–—")


def reporting_verbs() -> frozenset[str]:
    return load_lexicon("reporting_verbs")


def reporting_nouns() -> frozenset[str]:
    return load_lexicon("reporting_nouns")


#: A one-syllable verb ending consonant-vowel-consonant doubles its last letter before
#: "-ed" ("hop" -> "hopped"), so "hoped" cannot be its past.
_SHORT_CVC = re.compile(r"^[^aeiou]*[aeiou][^aeiouwxy]$")
#: What follows the wrong short lemma in a form of a verb in "-e": "hop" + "ed", "es",
#: "ing" spell "hoped", "hopes", "hoping" (forms of "hop" would be "hopped", "hops",
#: "hopping").
_ENDINGS_AFTER_E = {"VBD": ("ed",), "VBN": ("ed",), "VBZ": ("es",), "VBG": ("ing",)}


def verb_lemma(token: Token) -> str:
    """The token's lemma, lower-cased, with the lemmatizer's slips on regular forms put
    right: "hoped", "hopes" and "hoping" are "hope", not "hop"; "rated" is "rate", not
    "rat" (a verb whose final consonant doubles would have been spelled "hopped")."""
    lemma = token.lemma_.lower()
    if _SHORT_CVC.match(lemma) and token.lower_ in {
        lemma + ending for ending in _ENDINGS_AFTER_E.get(token.tag_, ())
    }:
        return lemma + "e"
    return lemma


def acts_as_verb(token: Token) -> bool:
    """A verb, or a word the tagger took for a noun although it has a subject and a
    clause of its own ("But Trump [claims] that he is the exception")."""
    if token.pos_ in {"VERB", "AUX"}:
        return True
    return token.pos_ == "NOUN" and token.dep_ == "ROOT" and (
        any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)
        or compound_subject(token) is not None
    )


def is_reporting_verb(token: Token) -> bool:
    """A verb whose lemma is in the reporting-verb lexicon (said, confirmed, estimates...),
    or "put it" as in "as Ms. Lee put it"."""
    if not acts_as_verb(token):
        return False
    lemma = verb_lemma(token)
    if lemma == "put":
        return any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children)
    return lemma in reporting_verbs()


def cue_tokens(verb: Token) -> list[Token]:
    """The verb with its auxiliaries, negation and particles ("has said", "pointed out")."""
    parts = [verb]
    for child in verb.children:
        if child.dep_ in {"aux", "auxpass", "neg", "prt"} and abs(child.i - verb.i) <= 3:
            parts.append(child)
    parts.sort(key=lambda t: t.i)
    # Keep the cue contiguous: drop pieces separated from the verb by other words.
    contiguous = [verb]
    for token in sorted(parts, key=lambda t: abs(t.i - verb.i)):
        if token is verb:
            continue
        lo, hi = contiguous[0].i, contiguous[-1].i
        if token.i == lo - 1 or token.i == hi + 1:
            contiguous.append(token)
            contiguous.sort(key=lambda t: t.i)
    return contiguous


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
        for child in nearest_subject_first(token):
            if child.dep_ in SUBJECT_DEPS and child.dep_ != "csubj" and not child.is_punct:
                if child.dep_ == "nsubjpass":
                    agent = _agent_of(token)
                    if agent is not None:
                        return agent
                if child.lower_ == "it" and _is_passive(token):
                    return None  # "It is said that ...", "Why is it said ...": nobody speaks
                return name_after_title(child) or child
        agent = _agent_of(token)
        if agent is not None:
            return agent
        absolute = absolute_subject(token) or frame_subject(token)
        if absolute is not None:
            return absolute
        extraposed = subject_of_extraposed_clause(token)
        if extraposed is not None:
            return extraposed  # "It is odd that [Lee] demands ..., yet refuses ..."
        if token is verb:
            outer = outer_speaker(verb, is_reporting_verb) or conjunction_object_subject(verb)
            if outer is not None:
                # "[Lee] said the city would act and warned ...", "as [France] supports"
                return outer
        caused = caused_speaker(token)
        if caused is not None:
            return caused  # "forced [the chief] to admit": the one made to speak
        if token.dep_ in {"conj", "xcomp", "advcl"} and token.head is not token:
            token = token.head
            # "X believes that Kyiv should look ahead, stating that ...": the participle
            # hangs on the reported clause, but X is the one stating.
            if token.dep_ == "ccomp" and is_reporting_verb(token.head) and verb.tag_ == "VBG":
                token = token.head
            continue
        holder = adjective_holder(token)
        if holder is not None and holder.pos_ in {"NOUN", "PROPN"}:
            return holder  # "donors intent on deciding ...": the donors decide
        host = manner_gerund_host(token, MANNER_PREPS) or holder or noun_gerund_host(token)
        if host is not None:
            # "published the results by announcing that ...", "refused, aside from saying
            # ...": a gerund in a phrase of manner or time on a verb shares that verb's
            # subject ("criticized for promoting pills" does not: the promoter is the one
            # criticized); "have no way of knowing": the one who has no way.
            token = host
            continue
        misread = subject_of_misread_main_verb(token)
        if misread is not None:
            return misread  # "[One of the doctors] who signed the letter called him ..."
        occasion = occasion_host(token) or chance_host(token)  # "missed a chance to say"
        if occasion is not None:
            token = occasion  # "spoke at a news conference announcing ...": she announced
            continue
        if token.dep_ in {"acl", "relcl"} and token.head.pos_ in {"NOUN", "PROPN", "PRON"}:
            if token.dep_ == "relcl":
                # "X, who said ...": the relative pronoun's antecedent speaks.
                return token.head
            carrier = _carrier_subject(token.head)
            return carrier if carrier is not None else token.head
        break
    return (
        _reduced_relative_subject(verb)
        or _name_before(verb)
        or compound_subject(verb)
        or quantifier_on_modifier(verb)
        or swallowed_subject(verb)
    )


def _reduced_relative_subject(verb: Token) -> Token | None:
    """"Court filings released Monday show that ...": the parser took the participle of a
    reduced relative ("released") for the main verb and hung the real one on it; the
    participle's "subject", with no object of its own, is the speaker's."""
    head = verb.head
    if verb.dep_ not in {"dep", "ccomp", "conj"} or head.i >= verb.i:
        return None
    if head.tag_ not in {"VBD", "VBN"} or any(
        c.dep_ in {"dobj", "ccomp", "xcomp", "attr", "oprd"} for c in head.children
    ):
        return None
    if any(t.is_punct or t.pos_ in {"CCONJ", "SCONJ"} for t in verb.doc[head.i + 1 : verb.i]):
        return None  # "filings were released, and they show ...": two clauses
    return next(
        (c for c in head.lefts if c.dep_ == "nsubj" and c.pos_ in {"NOUN", "PROPN"}), None
    )


def _name_before(verb: Token) -> Token | None:
    """A finite main verb the parser left without a subject, right after a name: in
    "..., Obama and Clinton call them ..." it hung the names on the phrase before the
    comma; English puts the subject there."""
    if verb.dep_ != "ROOT" or verb.tag_ not in {"VBP", "VBZ", "VBD"} or verb.i == 0:
        return None
    if any(c.dep_ in {"expl", "nsubj", "nsubjpass", "csubj"} for c in verb.children):
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
    return verb.tag_ in {"VBN", "VBD"} and any(
        c.dep_ in {"auxpass", "aux"} and c.lemma_ == "be" for c in verb.children
    )


def antecedent(token: Token) -> Token:
    """Who a source phrase stands for: the noun of a relative pronoun ("generals, who
    advised" -> generals), the owner of words ("Pushilin's comments suggest" -> Pushilin)."""
    if token.tag_ in {"WP", "WDT"} and token.head.dep_ == "relcl":
        return token.head.head
    if token.pos_ == "NOUN" and token.lower_ in load_lexicon("spoken_by_owner"):
        for child in token.children:
            if child.dep_ == "poss" and child.pos_ == "PROPN":
                return child
    return token


def _agent_of(verb: Token) -> Token | None:
    return agent_of(verb)  # the parser's agent, or a "by" it hung on the predicate


def noun_phrase_bounds(token: Token, cue: Token | None = None) -> tuple[int, int]:
    """Character bounds of the noun phrase headed by ``token``, appositions included.

    Follows the PolNeAR convention: "Ban Ki-moon, the secretary general of the United
    Nations," keeps its closing comma when the phrase holds a comma itself. When the cue
    verb modifies the noun ("a statement [calling the test a violation]"), the phrase
    stops before it.
    """
    doc = token.doc
    left, right = token.left_edge.i, token.right_edge.i
    if cue is not None and left <= cue.i <= right and cue.i > token.i:
        # Never before the noun itself: in a non-projective parse the cue's own subtree
        # may start at (or before) the noun ("p sed of s: ..." with "p" spanning the verb).
        right = max(token.i, cue.left_edge.i - 1)
    while left < right and doc[left].is_punct and doc[left].text not in {"'", "’"}:
        left += 1
    while right > left and (doc[right].is_punct or doc[right].is_space):
        if doc[right].text in {")"} and "(" in doc[left:right].text:
            break
        right -= 1
    start, end = doc[left].idx, doc[right].idx + len(doc[right])
    span_text = doc[left : right + 1].text
    if "," in span_text and right + 1 < len(doc) and doc[right + 1].text == ",":
        end = doc[right + 1].idx + 1
    return start, end


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


def trimmed_bounds(doc: Doc, start_token: int, end_token: int) -> tuple[int, int] | None:
    """Character bounds of tokens ``[start_token, end_token)`` without edge punctuation,
    spaces and leading clause markers ("that"); ``None`` when nothing is left."""
    i, j = start_token, end_token - 1
    while i <= j and (doc[i].is_space or (doc[i].text in TRIM_PUNCT)):
        i += 1
    if i <= j and doc[i].lower_ in CLAUSE_MARKERS and doc[i].dep_ == "mark":
        i += 1
    elif i <= j and doc[i].lower_ == "that" and doc[i].tag_ == "IN" and doc[i].dep_ == "dobj":
        i += 1  # "states [that] the firm lied": the conjunction misread as an object
    while j >= i and (
        doc[j].is_space
        or doc[j].text in TRIM_PUNCT
        # "(or, as the Beast called them, "anchors")": the bracket closes the writer's
        # aside, not the content
        or (doc[j].text == ")" and "(" not in doc[i:j].text)
    ):
        j -= 1
    if i > j:
        return None
    return doc[i].idx, doc[j].idx + len(doc[j])


def subtree_token_range(token: Token) -> tuple[int, int]:
    """Token range ``[start, end)`` covered by ``token``'s subtree."""
    return token.left_edge.i, token.right_edge.i + 1


def char_span(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens covering characters ``[start, end)`` (expanding to whole tokens)."""
    return doc.char_span(start, end, alignment_mode="expand")


def misread_trailing_report(verb: Token) -> Token | None:
    """The descriptor noun of "..., the wire service Nordpress reported." when the parser
    took the name and verb for a relative clause on the descriptor: a reporting verb with
    its own named subject and nothing after it, on a title or an outlet's descriptor that
    follows a comma and ends the sentence ("..., a day the mayor Ann Lo announced" is a
    real relative clause). None for anything else."""
    if verb.dep_ != "relcl" or not is_reporting_verb(verb):
        return None
    subject = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "PROPN":
        return None
    if any(not c.is_punct for c in verb.rights):
        return None
    descriptor = verb.head
    doc = verb.doc
    opening = descriptor.left_edge.i - 1
    if descriptor.pos_ != "NOUN" or not is_title(descriptor):
        return None
    if opening <= verb.sent.start or doc[opening].text != ",":
        return None
    if any(not t.is_punct and not t.is_space for t in doc[verb.i + 1 : verb.sent.end]):
        return None
    return descriptor
