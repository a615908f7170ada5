"""Quoted words under a verb that is no verb of saying: "Tasker pounded Marsh as a "con
artist"", "a nurse had typed "no known allergies"", "the band leader was singing "Happy
Days"".

A writer who puts someone's words in quotation marks inside what that someone did says
the words are theirs, whatever the verb. So a quotation that no other pass attributed,
and that sits in the object or complement of a verb whose subject can speak, is a mixed
quote of that subject: the content is what the verb does with its object, the cue is the
verb. A quotation under a verb whose subject cannot speak ("the storm left a "trail of
destruction"") or under "be" ("the plan is "dead"") stays a scare quote, since nothing
says whose word it is.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from auditor.lexicon import load_lexicon
from auditor.nlp.claim_bounds import close_quotes
from auditor.nlp.claim_end import claim_end, without_setting
from auditor.nlp.contact_relatives import through_contact_clause
from auditor.nlp.content_verbs import says_what, word_count
from auditor.nlp.cues import cue_tokens, is_reporting_verb, trimmed_bounds, verb_lemma
from auditor.nlp.labels import PARTICIPIAL_MODIFIERS, PASSIVE_MARKERS, SUBJECTS, VERBAL_POS
from auditor.nlp.object_content import OBJECT_PREPS
from auditor.nlp.quote_gloss import gloss_start
from auditor.nlp.quote_lists import through_listed_quotes
from auditor.nlp.quote_shapes import looks_like_title, quote_text
from auditor.nlp.quoted_modifiers import through_modified_noun
from auditor.nlp.raw import OverlapIndex, QuoteIndex, RawAttribution, overlaps
from auditor.nlp.speaking import can_speak
from auditor.nlp.verb_subjects import statement_maker, subject_bounds, subject_of

#: How a quotation may hang below the verb: inside its object, an object's modifier, a
#: prepositional phrase or a complement ("typed ["...""], "pounded Marsh [as a "..."]").
PATH_DEPS = {
    "dobj", "dative", "oprd", "pobj", "pcomp", "prep", "appos", "conj", "cc", "amod",
    "compound", "nmod", "npadvmod", "attr", "acomp", "advmod", "det", "poss", "nummod",
    "quantmod",
}  # fmt: skip
#: How the top of that path may hang on the verb: as what the verb acts on.
OBJECT_DEPS = {"dobj", "dative", "oprd", "prep", "xcomp", "ccomp", "attr", "acomp"}
#: Subject pronouns that do not name who chose the words ("it used the phrase ...").
IMPERSONAL = {"it", "this", "that", "which", "what"}
#: Verbs whose object is uttered even when it is a title: "sang "Amazing Grace"".
PERFORMANCE_VERBS = load_lexicon("performance_verbs")
#: How many heads a quotation may climb to reach its verb.
MAX_CLIMB = 6


def quoted_under_any_verb(
    doc: Doc,
    index: QuoteIndex,
    found: list[RawAttribution],
    excerpted: list[dict] | None = None,
) -> list[RawAttribution]:
    """Mixed attributions for the quotations no attribution in ``found`` covers, whose
    words sit in what a verb with a speaking subject acts on.

    ``excerpted`` are quotations nested in an unclosed top-level quotation (an excerpt
    from another text, pasted with a stray opening mark): inside it the writer's marks
    mean no more than that, so its own quotations are read as if it were not there."""
    results: list[RawAttribution] = []
    candidates = [(qid, quote, None) for qid, quote in enumerate(index.quotes)]
    for quote in excerpted or []:
        holder = index.quote_at(quote["start"])
        if holder is not None and not index.quotes[holder].get("closed", True):
            candidates.append((None, quote, holder))
    taken = OverlapIndex((a.content, a) for a in found)
    claimed: OverlapIndex[RawAttribution] = OverlapIndex()
    for qid, quote, holder in candidates:
        bounds = (quote["start"], quote["end"])
        if claimed.any_overlap(bounds) or any(
            not _only_holds(a, holder, index) for a in taken.overlapping(bounds)
        ):
            continue
        attribution = _attribute(doc, index, quote, qid, holder)
        if attribution is not None:
            results.append(attribution)
            claimed.add(attribution.content, attribution)
    return results


def _only_holds(attribution: RawAttribution, holder: int | None, index: QuoteIndex) -> bool:
    """``attribution`` is just the unclosed excerpt ``holder`` as a whole, which a quote
    within it may still be carved out of."""
    if holder is None:
        return False
    quote = index.quotes[holder]
    return attribution.content[0] <= quote["start"] and quote["end"] <= attribution.content[1]


def _attribute(
    doc: Doc, index: QuoteIndex, quote: dict, qid: int | None, holder: int | None
) -> RawAttribution | None:
    span = doc.char_span(quote["start"], quote["end"], alignment_mode="expand")
    if span is None or word_count(doc, span.start, span.end) < 1:
        return None
    colon = _colon_before(doc, span.start)
    if colon is not None:
        verb, top = _verb_of_phrase(colon.head, span.start), None
    else:
        verb, top = _verb_above(span.start, span.end, doc)
    if verb is None or index.inside(verb) not in (None, holder):
        return None
    if (
        looks_like_title(quote_text(index.text, quote))
        and not _performed(verb, top)
        and not _word_as_object(top, span.start, span.end)
    ):
        # "appeared on "Morning Joe"": a name, not anyone's words; but what is sung or
        # recited is uttered, title or not, and one word the speaker chose is theirs
        return None
    subject = subject_of(verb)
    if subject is not None and subject.tag_ == "WDT":
        subject = statement_maker(subject) or subject
    if not (subject is None and _telegraphic(verb)) and (
        subject is None
        or subject.lower_ in IMPERSONAL
        or not can_speak(subject)
        or index.inside(subject) not in (None, holder)
        or span.start <= subject.i < span.end
    ):
        return None
    if top is None:
        # 'rolled out a new message: "It's about me."': after a colon the quotation is
        # the whole of what is said
        bounds: tuple[int, int] | None = (quote["start"], quote["end"])
    else:
        start = _content_start(verb, top)
        end = _content_end(verb, top)
        end = claim_end(doc, start, through_modified_noun(doc, end), verb)
        end = through_contact_clause(verb, end)
        end = without_setting(doc, start, end)
        bounds = trimmed_bounds(doc, start, end)
    if bounds is None:
        return None
    listed: list[int] = []
    if holder is None:
        bounds = close_quotes(index, bounds)
        listed_end, listed = through_listed_quotes(index, bounds[1])
        bounds = (bounds[0], listed_end)
    if not overlaps(bounds, (quote["start"], quote["end"])):
        return None  # the quotation must lie in what the verb acts on
    # marks and final punctuation the parser hung elsewhere belong to the quotation
    bounds = (min(bounds[0], quote["start"]), max(bounds[1], quote["end"]))
    kind = "direct" if bounds == (quote["start"], quote["end"]) else "mixed"
    cue = cue_tokens(verb)
    return RawAttribution(
        kind=kind,
        content=bounds,
        cue=(cue[0].idx, cue[-1].idx + len(cue[-1])),
        cue_head=verb.idx,
        source=None if subject is None else subject_bounds(subject, verb),
        source_head=None if subject is None else subject.idx,
        quote_ids=([] if qid is None else [qid]) + listed,
        in_excerpt=holder is not None,
    )


def _telegraphic(verb: Token) -> bool:
    """A verb of saying in the third person with no subject at all, as in a list of what
    someone does ("Calls rivals "losers" and "sad."", "Mocks the press and calls it
    "fake.""): the quoted words are that someone's, though the sentence does not name
    them."""
    root = verb.sent.root
    return (
        verb.tag_ == "VBZ"
        and (verb == root or (verb.dep_ == "conj" and verb.head == root))
        and is_reporting_verb(verb)
        and not any(c.dep_ in SUBJECTS for c in [*verb.children, *root.children])
    )


def _verb_above(q_start: int, q_end: int, doc: Doc) -> tuple[Token | None, Token | None]:
    """The verb the quotation's words hang under, and the verb's dependent that holds
    them; ``(None, None)`` when the path leaves the object of a verb (a clause of its own,
    a subject) or the verb is "be"."""
    inner = [t for t in doc[q_start:q_end] if not (t.is_punct or t.is_space)]
    outside = [t for t in inner if not (q_start <= t.head.i < q_end)]
    if len(outside) != 1:
        return None, None  # the quote is not one phrase (or it is the whole sentence)
    token = outside[0]
    for _ in range(MAX_CLIMB):
        head = token.head
        if head is token:
            return None, None
        if head.pos_ == "VERB" and head.i < q_start:
            if token.dep_ not in OBJECT_DEPS or head.lemma_ == "be":
                return None, None
            if _agentless_passive(head):
                return None, None
            return head, token
        if head.pos_ in VERBAL_POS or token.dep_ not in PATH_DEPS:
            return None, None  # a clause of its own, or the subject side of the verb
        token = head
    return None, None


def _colon_before(doc: Doc, start: int) -> Token | None:
    """The colon right before token ``start``, in the same paragraph."""
    i = start - 1
    while i >= 0 and doc[i].is_space and "\n" not in doc[i].text:
        i -= 1
    return doc[i] if i >= 0 and doc[i].text == ":" else None


def _verb_of_phrase(token: Token, before: int) -> Token | None:
    """The verb, before token ``before``, whose object holds ``token``: "rolled out [a
    new message]:", "had [one request]:"."""
    for _ in range(MAX_CLIMB):
        if token.pos_ == "VERB" and token.i < before:
            if token.lemma_ == "be" or _agentless_passive(token):
                return None
            return token
        if token.dep_ not in PATH_DEPS or token.head is token:
            return None
        token = token.head
    return None


def _agentless_passive(verb: Token) -> bool:
    """"was labeled "Mostly True"", "a box marked "fragile"": nobody chose the words."""
    if verb.tag_ == "VBN" and verb.dep_ in PARTICIPIAL_MODIFIERS:
        return True
    return any(c.dep_ in PASSIVE_MARKERS for c in verb.children) and not any(
        c.dep_ == "agent" for c in verb.children
    )


def _content_end(verb: Token, top: Token) -> int:
    """Past the dependent holding the quote, over the object's complements that follow it:
    "specified ["Other"] [as their religion]"."""
    label_end = _label_end(verb, top) or gloss_start(verb, [top])
    if label_end is not None:
        return label_end
    end = top.right_edge.i + 1
    for child in verb.rights:
        if child.i <= top.i:
            continue
        if gloss_start(verb, [top, child]) is not None:
            break  # 'called it a "rant," [a series of posts]': the writer's gloss
        if child.left_edge.i > end and any(
            not t.is_punct for t in verb.doc[end : child.left_edge.i]
        ):
            break
        if (
            child.dep_ in OBJECT_DEPS - {"prep"}
            or (child.dep_ == "prep" and child.lower_ in OBJECT_PREPS and says_what(child))
            or _comparison(child)
        ):
            end = child.right_edge.i + 1
        elif not child.is_punct:
            break
    return end


def _label_end(verb: Token, top: Token) -> int | None:
    """'describing [as "reckless"] a plan to sell the port': a quoted label right after
    "as", before the object the writer moved behind it, is all that is said (the parser
    hangs that object on "as" or on the verb)."""
    if top.dep_ != "prep" or top.lower_ != "as":
        return None
    if verb_lemma(verb) not in load_lexicon("reporting_verbs_naming"):
        return None
    doc, opening = verb.doc, top.i + 1
    if opening >= len(doc) or not doc[opening].is_quote:
        return None
    closing = next((t.i for t in doc[opening + 1 :] if t.is_quote), None)
    if closing is None or closing + 1 >= len(doc):
        return None
    moved = doc[closing + 1]  # the first word of the object moved behind the label
    in_phrase = moved.i <= top.right_edge.i or any(
        c.dep_ == "dobj" and c.left_edge.i == moved.i for c in verb.rights
    )
    if moved.pos_ not in {"DET", "PROPN", "NOUN", "NUM"} or not in_phrase:
        return None
    return closing + 1


def _performed(verb: Token, top: Token | None) -> bool:
    """The quotation is what a verb of performing utters: 'sang "Amazing Grace"'."""
    return (
        verb.lemma_.lower() in PERFORMANCE_VERBS
        and top is not None
        and top.dep_ in {"dobj", "ccomp", "oprd"}
    )


def _word_as_object(top: Token | None, q_start: int, q_end: int) -> bool:
    """The quotation is one word, the verb's own object, which the verb ranks as
    something: 'listed "Other" as their religion'."""
    if top is None or top.dep_ != "dobj" or not (q_start <= top.i < q_end):
        return False
    ranked = any(c.dep_ == "prep" and c.lower_ == "as" and c.i > top.i for c in top.head.children)
    return ranked and sum(1 for t in top.doc[q_start:q_end] if t.is_alpha) == 1


def _comparison(token: Token) -> bool:
    """"rated 20 percent as "false" [compared to 11 percent]": the comparison completes
    what is said."""
    return token.lemma_ == "compare" and token.dep_ in {"prep", "advcl"} and any(
        c.dep_ == "prep" and c.lower_ in {"to", "with"} for c in token.children
    )


def _content_start(verb: Token, top: Token) -> int:
    """The first of the verb's object-like dependents up to the one holding the quote:
    "pounded [Marsh as a "con artist"]"."""
    firsts = [
        c.left_edge.i for c in verb.rights if c.dep_ in OBJECT_DEPS and c.i <= top.i
    ]
    return min([top.left_edge.i, *firsts])
