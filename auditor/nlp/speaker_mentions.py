"""Mentions of people and organizations as :mod:`auditor.nlp.speakers` reads them: the
heads of proper names in a document, how the tagger labels each word across it, a name
clipped to its source span, the author of a document, acronyms."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from auditor.lexicon import load_lexicon
from auditor.nlp.doctext import doc_tokens
from auditor.nlp.labels import NOMINAL_SUBJECTS, PERSON_OR_ORG_ENTITIES
from auditor.nlp.name_parts import NameParts, common_source_nouns, normalize_name


def name_heads(doc: Doc, source_heads: set[Token]) -> list[Token]:
    """Last tokens of proper names: entity ends and proper-noun source heads, in order."""
    heads = set()
    for ent in doc.ents:
        if ent.label_ in PERSON_OR_ORG_ENTITIES:
            last = ent[-1]
            while last.i > ent.start and last.text in {"'s", "’s", "'", "’"}:
                last = doc[last.i - 1]
            if last.pos_ == "PROPN":
                heads.add(last)
    for token in source_heads:
        if token.pos_ == "PROPN":
            heads.add(token)
    for token in doc_tokens(doc):
        # The tagger misses names at the start of sentences; subjects are worth a look.
        if token.pos_ == "PROPN" and token.dep_ in NOMINAL_SUBJECTS:
            heads.add(token)
    return sorted(heads, key=lambda t: t.i)


def label_votes(doc: Doc) -> dict[str, dict[str, int]]:
    """How often the tagger labelled each word PERSON or ORG across the article."""
    votes: dict[str, dict[str, int]] = {}
    for ent in doc.ents:
        if ent.label_ in PERSON_OR_ORG_ENTITIES:
            for token in ent:
                if token.pos_ == "PROPN":
                    word = votes.setdefault(token.text, {"PERSON": 0, "ORG": 0})
                    word[ent.label_] += 1
    return votes


def clipped(parts: NameParts, head: Token, within: tuple[int, int]) -> NameParts | None:
    """``parts`` cut to the characters ``within``; None when nothing is left."""
    start, end = max(parts.start, within[0]), min(parts.end, within[1])
    if start == parts.start and end == parts.end:
        return parts
    span = head.doc.char_span(start, end, alignment_mode="contract")
    if span is None or not span.text.strip():
        return None
    if len(span) == 1 and span[0].lower_ in common_source_nouns():
        return None  # "..., Report Says": a document, not a name
    return NameParts(span.text, span.start_char, span.end_char, parts.kind, parts.title)


def author_of(document: Token) -> Token | None:
    """The proper name behind a document: "X's report", "a report by X"."""
    for child in document.children:
        if child.dep_ == "poss" and child.pos_ == "PROPN":
            return child
        if child.dep_ == "prep" and child.lower_ in {"by", "from", "of"}:
            for grandchild in child.children:
                if grandchild.dep_ == "pobj" and grandchild.pos_ == "PROPN":
                    return grandchild
    return None


def document_nouns() -> frozenset[str]:
    return load_lexicon("source_nouns_document")


def channels() -> frozenset[str]:
    return load_lexicon("communication_channels")


def initials_and_words(text: str) -> set[str]:
    words = [w.strip(",.'’") for w in text.split()]
    capitals = [w for w in words if w[:1].isupper()]
    initials = "".join(w[0] for w in capitals).lower()
    result = {w.lower() for w in words}
    if len(initials) >= 2:
        result.add(initials)
        # "Donetsk People's Republic" -> "dpr" even when "the head of" comes first.
        for i in range(len(capitals)):
            result.add("".join(w[0] for w in capitals[i:]).lower())
    return result


def acronym_after(head: Token) -> str | None:
    """"The Institute for the Study of War (ISW)" -> "ISW"."""
    doc = head.doc
    i = head.i + 1
    if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
        candidate = doc[i + 1].text
        if candidate.isupper() and 2 <= len(candidate) <= 8:
            return candidate
    return None


def is_acronym_of(short: str, long: str) -> bool:
    if not (short.isupper() and 2 <= len(short) <= 8):
        return False
    capitals = [w[0] for w in long.split() if w[:1].isupper()]
    return "".join(capitals) == short


def plain_source_name(head: Token) -> str:
    """The core of an unnamed source's noun phrase: "one anonymous Western intelligence
    official" without its relative clause."""
    doc = head.doc
    start = head.left_edge.i
    while start < head.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    end = head.i
    for child in head.rights:
        if child.dep_ in {"cc", "conj", "compound"}:
            end = max(end, child.right_edge.i if child.dep_ == "conj" else child.i)
    return normalize_name(doc[start : end + 1].text)
