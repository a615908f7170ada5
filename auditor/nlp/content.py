"""What a reporting cue reports: the content span, read off the dependency parse.

The functions take the cue's verb and return a token range ``[start, end)``. They follow
how editors (and the PolNeAR annotators) read a claim: the whole that-clause, the object
and its complements for verbs of stance ("accused the bank of fraud", "wants to cut
taxes", "called for a recount"), without the cue and the speaker, and without trailing
material that is not part of the claim (", which ..." asides, a second reporting verb).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from auditor.lexicon import load_lexicon
from auditor.nlp.agents import participle_content
from auditor.nlp.answers import answered_content
from auditor.nlp.as_clauses import as_clause_range, opening_connective
from auditor.nlp.claim_end import claim_end, holds_quotation, trim_end
from auditor.nlp.content_verbs import is_content_verb, word_count
from auditor.nlp.cues import (
    is_reporting_verb,
    misread_trailing_report,
    subtree_token_range,
    verb_lemma,
)
from auditor.nlp.labels import (
    AUXILIARIES,
    CLAUSE_OPENERS,
    FINITE_TAGS,
    NOMINAL_SUBJECTS,
    NOUN_POS,
    VERBAL_POS,
)
from auditor.nlp.object_content import object_content
from auditor.nlp.passive_content import passive_content, raised_content
from auditor.nlp.repairs.misparses import clause_misread_as_subject
from auditor.nlp.repairs.misplaced_clauses import clause_start, misplaced_complement
from auditor.nlp.repairs.stranded_clauses import clause_on_addressee, stranded_clause
from auditor.nlp.verb_subjects import subject_of


def reported_content(verb: Token) -> tuple[int, int] | None:
    """Token range of what a reporting verb reports, or None.

    In order: words after a colon that follows the verb ("responded with a video: ...");
    the clausal complement ("confirmed that ..."), when it comes before the verb only if a
    comma or quotation mark closes it ("..., officials said"); the object and complements
    of the verb ("accused the bank of fraud", "vowed to appeal"); and the whole sentence
    around a parenthetical "X said," ("Acts of protest, Mr. Okafor said, are acts of
    patriotism").
    """
    doc = verb.doc
    after_colon = _after_colon(verb)
    if after_colon is not None:
        return after_colon
    complement = _complement(verb)
    if complement is None and verb.lemma_ == "make":
        complement = next((c for c in verb.subtree if c.dep_ == "ccomp"), None)
    if complement is not None:
        start, end = subtree_token_range(complement)
        if complement.head != verb and start <= verb.i < end:
            # a stranded clause holds the cue's own clause: "while she conceded [costs
            # were rising], Lee noted ..."
            start = verb.right_edge.i + 1
        if end <= verb.i and not closed_before_speaker(doc, end):
            complement = None
        else:
            if start > verb.i:
                start = _object_before_clause(verb, complement, start)
                start = clause_start(complement, start)
                end = _continued_complement(verb, end)
                end = claim_end(doc, start, end, verb, clausal=True)
            return start, end
    framing = as_clause_content(verb)
    if framing is not None:
        return framing
    object_range = (
        passive_content(verb)
        or participle_content(verb)
        or object_content(verb)
        or raised_content(verb)
        or answered_content(verb)
    )
    if object_range is not None:
        return object_range
    if verb.dep_ == "parataxis" and subject_of(verb) is not None:
        return verb.sent.start, verb.sent.end
    if _parenthetical(verb):
        return verb.sent.start, verb.sent.end
    misread = clause_misread_as_subject(verb)
    if misread is not None:
        return verb.sent.start, misread[1]  # "The bridge reopened, the agency reported."
    descriptor = misread_trailing_report(verb)
    if descriptor is not None:
        return verb.sent.start, descriptor.left_edge.i - 1  # "X quit, the agency Y reported"
    return None


def _parenthetical(verb: Token) -> bool:
    """"These workers, Lee explained at the hearing, were "well paid"": the parser takes
    the inserted "Lee explained" for the main clause; what it interrupts, a subject
    before it and a predicate after it, is what was said."""
    if verb.dep_ != "ROOT" or not is_reporting_verb(verb):
        return False
    subject = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
    doc = verb.doc
    if subject is None or subject.left_edge.i - 1 <= verb.sent.start:
        return False
    comma = subject.left_edge.i - 1
    if doc[comma].text != ",":
        return False
    if not any(
        c.i < comma and c.dep_ in {"nsubj", "npadvmod", "dep"} and c.pos_ in NOUN_POS
        for c in verb.lefts
    ):
        return False  # "In August, Lee said ...": a fronted setting, not a fronted subject
    rest = next(
        (
            c
            for c in verb.rights
            if c.dep_ in {"conj", "advcl", "parataxis"} and c.pos_ in VERBAL_POS
        ),
        None,
    )
    if rest is None or doc[rest.left_edge.i - 1].text != ",":
        return False
    return not any(c.dep_ in {"nsubj", "nsubjpass", "mark"} for c in rest.children)


def _complement(verb: Token) -> Token | None:
    """The clause a verb reports: its clausal complement, the one after it when there are
    two ("[While he admitted X], Lee noted [Y]"), or a that-clause the parser hung
    elsewhere after a time phrase: on the verb as an adverbial ("tweeted in the early
    hours [that ...]") or on the phrase as a relative clause ("reported at the time [that
    the editor had quit]")."""
    complements = [c for c in verb.children if c.dep_ == "ccomp"]
    after = [c for c in complements if c.i > verb.i]
    if after:
        return after[0]
    if complements:
        return complements[0]
    for child in verb.rights:
        if child.dep_ == "advcl" and _misread_that_clause(child):
            return child
        if child.dep_ == "prep":
            for obj in child.children:
                if obj.dep_ != "pobj":
                    continue
                clause = next((c for c in obj.children if c.dep_ == "relcl"), None)
                if clause is not None and _misread_that_clause(clause):
                    return clause
    misplaced = misplaced_complement(verb)
    if misplaced is None and is_reporting_verb(verb):
        # "while she conceded [costs rose], Lee noted ...", "reminded them [he was ...]"
        return stranded_clause(verb) or clause_on_addressee(verb)
    return misplaced


def _misread_that_clause(clause: Token) -> bool:
    """A clause opened by "that" as a conjunction, with a subject of its own: a that-clause,
    not a relative clause ("[that] the editor had quit", not "a statement [that] was
    released")."""
    first = clause.left_edge
    return (
        first.lower_ == "that"
        and first.dep_ in CLAUSE_OPENERS
        and any(c.dep_ in NOMINAL_SUBJECTS and c != first for c in clause.children)
    )


def _object_before_clause(verb: Token, complement: Token, start: int) -> int:
    """"mentioned [disparaging remarks] [Marsh had made]": the parser reads a relative
    clause without "that" as the verb's complement; the object before it is part of what
    was mentioned. Not for an addressee ("told [reporters] that ...")."""
    lemma = verb_lemma(verb)
    if lemma in load_lexicon("reporting_verbs_addressee"):
        return start
    if lemma not in load_lexicon("reporting_verbs_with_object") and lemma not in load_lexicon(
        "stance_verbs"
    ):
        return start
    objects = [c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < complement.i]
    if objects and not any(t.dep_ == "mark" for t in complement.children):
        return objects[0].left_edge.i
    return start


def _continued_complement(verb: Token, end: int) -> int:
    """Extend a complement ending at token ``end`` over what the parser hung on the verb
    but still belongs to what was said: a second clause ("said [Marsh respects the
    military] and [his comment was about strategy]"), a "but" / modal continuation
    ("said [they had misgivings], but [could not bear to insult him]"), a conjunct that
    goes on quoting, or a condition of the claim ("[if the bill passed]")."""
    doc = verb.doc
    for child in verb.rights:
        if child.i < end:
            continue
        between = doc[end : child.left_edge.i]
        if any(not (t.is_punct or t.dep_ == "cc") for t in between):
            break
        if child.dep_ == "ccomp" or (child.dep_ == "advcl" and _condition_of_claim(child)):
            end = child.right_edge.i + 1
        elif child.dep_ == "advcl" and not between and child.tag_ == "VBG":
            end = child.right_edge.i + 1  # "she was the first [cutting taxes]"
        elif child.dep_ == "conj" and not is_content_verb(child):
            contrast = any(t.lower_ == "but" for t in between)
            modal = any(c.tag_ == "MD" for c in child.children)
            own_subject = any(c.dep_ in NOMINAL_SUBJECTS for c in child.children)
            finite = child.tag_ in FINITE_TAGS or any(
                c.dep_ in AUXILIARIES for c in child.children
            )
            if (
                finite
                and not holds_quotation(child)
                and (own_subject or not (modal or contrast))
            ):
                # a non-finite conjunct ("and the partner [being] supportive") cannot be
                # the narrator's own sentence: it goes on with the complement
                break
            end = child.right_edge.i + 1
        elif not child.is_punct and child.dep_ != "cc":
            break
    return end


def _condition_of_claim(clause: Token) -> bool:
    """An adverbial clause after the complement that qualifies the claim, not the act of
    saying it: "said costs would fall [if the bill passed]", "said there is a gap [when
    it comes to pay]"."""
    marks = {c.lower_ for c in clause.children if c.dep_ in CLAUSE_OPENERS}
    if marks & {"if", "unless"}:  # the conditional conjunctions: a closed class
        return True
    return (
        "when" in marks
        and clause.lemma_ == "come"
        and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in clause.children)
        and any(c.dep_ == "prep" and c.lower_ == "to" for c in clause.children)
    )


def as_clause_content(verb: Token) -> tuple[int, int] | None:
    """"As Ms. Lee put it, the plan is dead" / "The plan, as Lee said, is dead": the clause
    the as-clause hangs on is what was said, without the as-clause."""
    if verb.dep_ != "advcl" or not any(
        c.dep_ == "mark" and c.lower_ == "as" for c in verb.children
    ):
        return None
    if any(c.dep_ == "ccomp" for c in verb.children):
        return None
    head = verb.head
    start, end = subtree_token_range(head)
    clause_start, clause_end = as_clause_range(verb)
    doc = verb.doc
    if opening_connective(verb, start, clause_start):
        start = clause_start  # "Yet, as Lee said, ...": the connective is the writer's
    if verb.i == clause_end - 1 and any(c.dep_ == "nsubj" for c in verb.children):
        # "It does not say whether he had a gun, as police have said.": the as-clause
        # ends the sentence with the verb and its own subject (one with an object tells
        # when, not who said; "failed as predicted" names no one)
        while end > clause_end and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
    if clause_start <= start:
        start = clause_end
    elif clause_end >= end:
        end = clause_start
    else:
        return None  # in the middle: the content would be two pieces
    if word_count(doc, start, end) < 2:
        return None
    return start, end


def makes_clear(token: Token) -> bool:
    """"X has made it clear that ...": a statement, though "make" is no verb of saying."""
    if token.lemma_ != "make":
        return False
    near = [c for c in token.subtree if c.head == token or c.head.head == token]
    return any(c.lower_ in load_lexicon("clarity_adjectives") for c in near) and any(
        c.dep_ == "ccomp" for c in token.subtree
    )


def _after_colon(verb: Token) -> tuple[int, int] | None:
    doc = verb.doc
    sentence_end = verb.sent.end
    for i in range(verb.i + 1, min(verb.i + 7, sentence_end)):
        if doc[i].text == ":":
            if word_count(doc, i + 1, sentence_end) >= 3:
                return i + 1, sentence_end
            return _next_paragraph(doc, i)

        if doc[i].text in {".", ";", "!", "?"} or doc[i].is_quote:
            return None
    return None


def _next_paragraph(doc: Doc, colon: int) -> tuple[int, int] | None:
    """"The governor added:" closing its paragraph: the next paragraph is what was
    added (a block of the speaker's words set off without quotation marks)."""
    i = colon + 1
    if i >= len(doc) or "\n" not in doc[colon].whitespace_ + doc[i].text:
        return None
    while i < len(doc) and doc[i].is_space:
        i += 1
    end = i
    while end < len(doc) and not (doc[end].is_space and "\n" in doc[end].text):
        if "\n" in doc[end].whitespace_:
            end += 1
            break
        end += 1
    end = trim_end(doc, i, end) if end > i else end
    return (i, end) if word_count(doc, i, end) >= 3 else None


def closed_before_speaker(doc: Doc, end: int) -> bool:
    """"Content, X said": a comma, dash or closing quote separates the content."""
    separators = {",", "—", "–", "―"}
    for i in (end - 1, end):
        if 0 <= i < len(doc) and (doc[i].text in separators or doc[i].is_quote):
            return True
    return False


