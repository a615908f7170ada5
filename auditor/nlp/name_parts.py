"""Reading proper names off a parsed noun phrase: the name, the role in front of it, and
whether it names a person or an organization."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from auditor.lexicon import load_lexicon
from auditor.nlp.labels import NOUN_OR_ADJECTIVE_POS

POSSESSIVE = {"'s", "’s", "'", "’"}


@dataclass
class NameParts:
    """A proper name found at a noun phrase's head."""

    name: str
    start: int  # char offsets of the name itself
    end: int
    kind: str  # "person" | "organization"
    title: str | None  # role words in front of the name ("US Secretary of Defense")


def titles() -> frozenset[str]:
    return load_lexicon("person_titles")


def organization_words() -> frozenset[str]:
    return load_lexicon("organization_words")


def common_source_nouns() -> frozenset[str]:
    """Nouns for documents and unnamed sources ("report", "officials", "analysts")."""
    return (
        load_lexicon("source_nouns_document")
        | load_lexicon("source_nouns_vague")
        | load_lexicon("source_nouns_anonymous")
    )


def is_title(token: Token) -> bool:
    return token.lower_ in titles()


def name_at(head: Token) -> NameParts | None:
    """The proper name whose last word is ``head`` (a PROPN), or None.

    Walks left over proper-noun compounds, stopping at title words, so "Ukrainian President
    Volodymyr Zelenskyy" gives the name "Volodymyr Zelenskyy" and the title
    "Ukrainian President".
    """
    if head.pos_ != "PROPN":
        return None
    doc = head.doc
    start, end = head.i, head.i + 1
    entity = _entity_of(head)
    if head.lower_ in common_source_nouns() and (entity is None or len(entity) < 2):
        return None  # "Report Says" in a title-case headline is not a name
    if entity is not None and entity.label_ in {"ORG", "PERSON", "FAC", "NORP", "GPE"}:
        # "the British Ministry of Defense": the entity runs past the syntactic head.
        # Extend right only: to the left, an entity often swallows the end of a title
        # ("Secretary of Defense Lloyd Austin" tagged as one ORG).
        end = max(end, entity.end)
        entity_words = {t.lower_ for t in entity}
        if entity.label_ == "ORG" and entity_words & organization_words():
            if not any(is_title(t) for t in entity):
                start = min(start, entity.start)  # "The Institute for Coastal Research"
        while end - 1 > head.i and doc[end - 1].text in POSSESSIVE:
            end -= 1
    head_is_organization = head.lower_ in organization_words()
    while start > 0:
        prev = doc[start - 1]
        # Only proper nouns that attach inside the name ("Lloyd" in "Lloyd Austin"), not
        # the end of a title phrase ("Defense" in "Secretary of Defense Lloyd Austin").
        if (
            prev.pos_ == "PROPN"
            and (not is_title(prev) or head_is_organization)
            and prev.text not in POSSESSIVE
            and start <= prev.head.i < end
        ):
            start -= 1
            continue
        break
    # A leading "The" belongs to organization names but not to the name itself.
    while start < head.i and (doc[start].lower_ == "the" or is_title(doc[start])):
        if _kind(doc, start, end) == "organization" and is_title(doc[start]):
            break  # "General Staff" is an organization's name, not a title
        start += 1
    kind = _kind(doc, start, end)
    if (
        kind == "organization"
        and start >= 2
        and doc[start - 1].text in POSSESSIVE
        and doc[start - 2].pos_ == "PROPN"
    ):
        start -= 2  # "Ukraine's General Staff" is the organization's whole name
    title = _title_before(doc, head, start)
    if kind == "organization" and title and any(is_title(t) for t in doc[head.left_edge.i : start]):
        if not {t.lower_ for t in doc[start:end]} & organization_words():
            kind = "person"  # "US Secretary of Defense Lloyd Austin"
    words = doc[start:end]
    name = words.text
    return NameParts(name, doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), kind, title)


def _entity_of(token: Token) -> Span | None:
    """The named entity ``token`` is part of, read off the IOB tags (building
    ``doc.ents`` for every name would cost more than the rest of the lookup)."""
    if not token.ent_type_:
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type_)


def _kind(doc, start: int, end: int) -> str:
    words = doc[start:end]
    lower = {t.lower_ for t in words}
    labels = {t.ent_type_ for t in words if t.ent_type_}
    if lower & organization_words():
        return "organization"
    if len(words) == 1 and words[0].text.isupper() and len(words[0].text) > 1:
        return "organization"  # acronyms: ISW, NATO
    if "PERSON" in labels:
        return "person"
    if labels & {"ORG", "GPE", "NORP", "FAC", "LOC"}:
        # The small model often labels "Lloyd Austin" as ORG after a title; a title in
        # front of the name settles it.
        if start > 0 and is_title(doc[start - 1]):
            return "person"
        return "organization"
    return "person"


def _title_before(doc, head: Token, name_start: int) -> str | None:
    """Role words in the same noun phrase, in front of the name."""
    left = head.left_edge.i
    if left >= name_start:
        return None
    tokens = doc[left:name_start]
    words = [t for t in tokens if not (t.is_punct or t.lower_ in {"the", "a", "an"})]
    if not words or not any(is_title(t) or t.pos_ in NOUN_OR_ADJECTIVE_POS for t in words):
        return None
    text = doc[words[0].i : tokens[-1].i + 1].text.strip(" ,")
    return text or None


def appositive_of(head: Token) -> str | None:
    """The apposition describing ``head`` ("Denis Pushilin, the head of the DPR, said")."""
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ != "PRON":  # not "Zelenskyy himself"
            left, right = child.left_edge.i, child.right_edge.i
            doc = head.doc
            while right > left and (doc[right].is_punct or doc[right].is_space):
                right -= 1
            text = doc[left : right + 1].text.strip(" ,")
            if text:
                return text
    return None


def normalize_name(text: str) -> str:
    """A name without possessive endings, leading "the" or surrounding punctuation."""
    text = text.strip(" ,.;:")
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    if text.lower().startswith("the "):
        text = text[4:]
    return text.strip()
