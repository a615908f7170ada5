"""Small functions over spaCy tokens shared by the attribution passes.

They answer two questions about a parsed sentence: is this token a reporting cue, and
which characters make up a source or content span under the conventions editors (and the
PolNeAR annotators) use. Who the source of a cue is (the subject, or the agent of a
passive) is read in :mod:`auditor.nlp.verb_subjects`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from auditor.lexicon import load_lexicon
from auditor.nlp.labels import NOMINAL_SUBJECTS, VERBAL_POS
from auditor.nlp.repairs.misparses import compound_subject, is_title

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
    clause of its own ("But Marsh [claims] that he is the exception")."""
    if token.pos_ in VERBAL_POS:
        return True
    return token.pos_ == "NOUN" and token.dep_ == "ROOT" and (
        any(c.dep_ in NOMINAL_SUBJECTS for c in token.children)
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
