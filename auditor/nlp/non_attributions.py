"""Candidates the passes find that attribute nothing to anyone, dropped before overlaps
are settled.

Each test reads the grammar around one candidate, never its words alone:

- the reporter's own framing: a gerund of saying or knowing with no speaker of its own,
  under "worth" or "without" in a clause whose subject is the empty "it" ("It is worth
  noting that ...", "It goes without saying that ...", "it is hard to judge without
  knowing how ...");
- a request to the reader ("Now tell us the fee is fair!");
- a yes-no question put to the reader ("Do you know where the money went?");
- a verb of seeing with an event in a bare-infinitive clause: what someone saw or will
  live through, not what they think ("voters would see their bills go up", "the guard
  saw the van leave");
- a quotation that is a subheading: a line of its own, in title case, with no cue
  ('"A Quiet Revolution in the Valley."' between two paragraphs);
- quoted words that label a noun under a verb not of saying ("would close the
  "carried interest" loophole");
- a quoted nickname inside a name: Gov. Ellen "Ellie" Marsh, with no cue.

Used by :func:`auditor.nlp.attribution.find_attributions` on every candidate.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from auditor.lexicon import load_lexicon
from auditor.nlp.doctext import doc_text, doc_tokens
from auditor.nlp.labels import (
    AUXILIARIES,
    NOMINAL_OR_EXPLETIVE_SUBJECTS,
    NOMINAL_SUBJECTS,
    NOUN_POS,
)
from auditor.nlp.quote_shapes import looks_like_title
from auditor.nlp.raw import RawAttribution

#: Dependencies of a clause a perception verb takes as the event it sees.
EVENT_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "dep"})


def without_non_attributions(doc: Doc, found: list[RawAttribution]) -> list[RawAttribution]:
    """``found`` without the candidates that attribute nothing (see the module text).

    >>> [a.kind for a in without_non_attributions(nlp("It is worth noting that X."), found)]
    []
    """
    by_offset = {t.idx: t for t in doc_tokens(doc)}
    text = doc_text(doc)
    kept = []
    for attribution in found:
        cue = _cue_token(by_offset, attribution)
        if cue is not None and (
            _framing_verb(cue)
            or _perceived_event(cue)
            or _question_to_reader(cue)
            or _request_to_reader(cue)
        ):
            continue
        if cue is not None and _quoted_label(doc, cue, attribution):
            continue
        if attribution.cue is None and (
            _quoted_subheading(text, attribution) or _quoted_nickname(doc, attribution)
        ):
            continue
        kept.append(attribution)
    return kept


def _cue_token(by_offset: dict[int, Token], attribution: RawAttribution) -> Token | None:
    """The verb or noun the cue is headed by, when it lies in the cue itself (a dash
    signature's "head" may be a word elsewhere)."""
    if attribution.cue is None or attribution.cue_head is None:
        return None
    token = by_offset.get(attribution.cue_head)
    if token is None or not attribution.cue[0] <= token.idx < attribution.cue[1]:
        return None
    return token


def _framing_verb(cue: Token) -> bool:
    """ "It is worth noting that ...", "It goes without saying that ...", "it is too soon
    to tell whether ...": a gerund under "worth" or "without", or an infinitive under an
    adjective, with no subject of its own, in a clause whose subject is the empty "it";
    the reporter frames the claim, nobody is said to have said it."""
    if any(c.dep_ in {"nsubj", "nsubjpass", "poss"} for c in cue.children):
        return False
    governor = cue.head
    gerund = cue.tag_ == "VBG" and governor.lower_ in load_lexicon("framing_gerund_heads")
    infinitive = cue.tag_ == "VB" and cue.dep_ == "xcomp" and governor.pos_ == "ADJ"
    if not (gerund or infinitive):
        return False
    clause = governor
    while clause.dep_ not in {"ROOT", "ccomp", "advcl", "relcl", "conj"} and clause.head != clause:
        clause = clause.head
        if any(c.dep_ in NOMINAL_SUBJECTS for c in clause.children):
            break
    subjects = [c for c in clause.children if c.dep_ in NOMINAL_OR_EXPLETIVE_SUBJECTS]
    return bool(subjects) and all(s.lower_ == "it" for s in subjects)


def _perceived_event(cue: Token) -> bool:
    """ "Voters would see their bills go up", "the guard saw the van leave": a verb of
    seeing whose clause is a bare infinitive with its own subject (no "that", no "as"),
    an event seen or undergone rather than a view held."""
    if cue.lemma_.lower() not in load_lexicon("perception_verbs"):
        return False
    for clause in cue.children:
        if clause.dep_ not in EVENT_CLAUSE_DEPS or clause.tag_ != "VB":
            continue
        has_subject = any(c.dep_ in NOMINAL_SUBJECTS for c in clause.children)
        finite = any(  # "see why it can work", "see that it will": a view, not a sight
            c.dep_ in {"mark", "aux", "auxpass"} or c.tag_ in {"WRB", "WP", "WDT"}
            for c in clause.children
        )
        if has_subject and not finite:
            return True
    return False


def _question_to_reader(cue: Token) -> bool:
    """ "Do you know where the money went?", "Would you believe she lost?": the reader is
    asked what they know or think; a question put, not a view anyone holds. Yes-no
    questions only: a modal or auxiliary opens the clause, before the subject "you"."""
    subjects = [c for c in cue.children if c.dep_ in NOMINAL_SUBJECTS]
    if len(subjects) != 1 or subjects[0].lower_ != "you":
        return False
    if not cue.sent.text.rstrip(" \"'”’").endswith("?"):
        return False
    first = min(cue.subtree, key=lambda t: t.i) if cue.dep_ == "ROOT" else None
    while first is not None and (first.is_punct or first.dep_ == "cc"):
        first = first.nbor() if first.i + 1 < len(first.doc) else None
    return (
        first is not None
        and first.head == cue
        and first.dep_ in AUXILIARIES
        and first.i < subjects[0].i
    )


def _request_to_reader(cue: Token) -> bool:
    """ "Now tell us the fee is fair!", "Ask yourself whether ...": an imperative verb,
    the reader is asked to say or think something; nobody has said it. A negated one
    ("Don't expect a deal soon") is the writer's own forecast and stays."""
    first = cue
    while first.dep_ == "conj" and first.head != first:
        first = first.head  # "borrow more, save more or consider ...": the first verb's
    if not cue.is_alpha or cue.tag_ != "VB" or first.dep_ != "ROOT" or first.tag_ != "VB":
        return False
    blocking = {"nsubj", "nsubjpass", "expl", "aux", "auxpass", "neg", "mark"}
    return not any(c.dep_ in blocking for verb in {cue, first} for c in verb.children)


def _quoted_label(doc: Doc, cue: Token, attribution: RawAttribution) -> bool:
    """ "She would close the "carried interest" loophole", "the paper sent its "senior
    writer" Jo Park": quoted words that modify a noun after them, under a verb that is
    not one of saying and head its object, name a thing or a title; nobody is quoted."""
    if cue.lemma_.lower() in load_lexicon("reporting_verbs"):
        return False
    span = doc.char_span(*attribution.content, alignment_mode="expand")
    if span is None:
        return False
    marks = [t.i for t in span if t.is_quote]
    if len(marks) != 2 or marks[1] - marks[0] < 2:
        return False
    root = doc[marks[0] + 1 : marks[1]].root
    head = root.head
    return (
        root.dep_ in {"compound", "amod", "nmod"}
        and head.pos_ in NOUN_POS
        and head.i > marks[1]
        and head.dep_ == "dobj"
        and head.head == cue
    )


def _quoted_subheading(text: str, attribution: RawAttribution) -> bool:
    """A quotation that is a line of its own in title case ('"All Quiet in the Mines."'
    between paragraphs): a subheading the paper wrote, not words anyone is said to say."""
    start, end = attribution.content
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:start].strip() or text[end:line_end].strip():
        return False
    inner = text[start:end].strip(" \"'“”‘’«».")
    return len(inner.split()) >= 2 and looks_like_title(inner)


def _quoted_nickname(doc: Doc, attribution: RawAttribution) -> bool:
    """One quoted word between the parts of a name: Gov. Ellen "Ellie" Marsh."""
    span = doc.char_span(*attribution.content, alignment_mode="expand")
    if span is None:
        return False
    words = [t for t in span if not t.is_punct]
    if len(words) != 1 or not words[0].text[:1].isupper():
        return False
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    return (
        before is not None
        and after is not None
        and before.pos_ == "PROPN"
        and after.pos_ == "PROPN"
        and after.lower_ not in load_lexicon("person_titles")
    )
