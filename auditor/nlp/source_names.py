"""What a resolved name stands for, read from its form and from how the article uses it.

The speaker clusters take their kind (person or organization) from the tagger, which
misreads some names: a surname in capitals ("DORN:" in a transcript) or a name with a
title before it comes out as an organization, a company named like a surname ("Halvorsen")
as a person, an outlet missing from every list as a plain organization. The kind a source
is judged by is read here: a news outlet by its name (``news_outlets.txt``), by the last
words of its name (``media_name_heads.txt``: "the Valley Courier", "Coastal News
Service") or by its first word (``media_name_starts.txt``: "Radio Meridian"); a person by
a surname the article gives a named person, by a title before the name, by a person's
role in its description or by what only people do; an organization by the article's own
use of the word inside a longer organization name ("Halvorsen Energy").
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from functools import cache
from typing import TypeVar

from spacy.tokens import Doc

from auditor.lexicon import load_lexicon
from auditor.nlp.labels import OPEN_OR_ADVERBIAL_CLAUSES
from auditor.nlp.name_parts import normalize_name
from auditor.nlp.pronouns import PEOPLE_SUBJECTS

T = TypeVar("T")
#: Per thread (a Dask worker may run pipelines in threads): what each article says.
_LOCAL = threading.local()

#: Named-entity labels of organizations acting as institutions.
_ORGANIZATION_LABELS = {"ORG"}
#: Pronouns for people, who can be the other side of a meeting.
_PEOPLE = PEOPLE_SUBJECTS
#: Entity labels of names that are not people.
_NOT_PEOPLE = {"ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART"}
#: Prepositions that end the head of a description ("a writer for The Atlantic").
_DESCRIPTION_PREPOSITIONS = {"of", "for", "at", "with", "to", "in", "from", "on", "who", "and"}


def per_article(doc: Doc, key: tuple, compute: Callable[[], T]) -> T:
    """``compute()`` once per article: what the article says about a name does not change
    from one source to the next, so a long article with many sources is not read again
    for each. Remembered per thread until :func:`forget_article`."""
    facts = getattr(_LOCAL, "facts", None)
    if facts is None:
        facts = _LOCAL.facts = {}
    entry = facts.get(id(doc))
    if entry is None or entry[0]() is not doc:  # a new doc may reuse a freed doc's id
        entry = facts[id(doc)] = (weakref.ref(doc), {})
    remembered = entry[1]
    if key not in remembered:
        remembered[key] = compute()
    return remembered[key]


def forget_article(doc: Doc) -> None:
    """Drop what :func:`per_article` remembers of ``doc``."""
    facts = getattr(_LOCAL, "facts", None)
    if facts is not None:
        facts.pop(id(doc), None)


def is_media_name(name: str) -> bool:
    """Is ``name`` a news outlet or agency ("The New York Times", "Interfax", "the Valley
    Courier")? By the list of outlets or by the last words of the name."""
    normalized = normalize_name(name)
    if normalized.lower() in _outlets():
        return True
    words = normalized.split()
    if len(words) < 2 or not all(w[:1].isupper() or not w[:1].isalpha() for w in words):
        return False  # only a capitalized name of two or more words has a name ending
    heads = load_lexicon("media_name_heads")
    last_two = " ".join(words[-2:]).lower()
    if words[0].lower() in load_lexicon("media_name_starts"):
        return True  # "Radio Meridian", "Channel 12"
    return words[-1].lower() in heads or last_two in heads


def cluster_kind(cluster: dict, doc: Doc, clusters: list[dict]) -> str:
    """``person``, ``organization`` or ``media``: what the resolved ``cluster`` is, read
    from its name, its description and how the article uses the name."""
    name = cluster["name"]
    if is_media_name(name) or any(is_media_name(v) for v in cluster.get("variants", [])):
        return "media"
    description = (cluster.get("description") or "").lower().replace(",", " ").split()
    if _description_head(description) & load_lexicon("media_descriptors"):
        return "media"  # "the television channel Orbit 9", "Valley Courier, a newspaper"
    if cluster["kind"] == "organization":
        return "person" if _used_as_person(cluster, doc, clusters) else "organization"
    if cluster["kind"] == "person" and _used_as_organization(name, doc):
        return "organization"
    if cluster["kind"] == "person" and _names_a_country(cluster, doc):
        return "organization"  # "North Korea said": a country acting as a government
    return cluster["kind"]


def _used_as_person(cluster: dict, doc: Doc, clusters: list[dict]) -> bool:
    """An organization-tagged name that is a person's: a surname the article gives a named
    person ("DORN" beside "Mark Dorn"), a speaker's label in a transcript ("MORROW: ..."),
    a person's title before it ("House Speaker Paul Ryan"), or a description whose head is
    a person's role ("the foreign minister")."""
    words = normalize_name(cluster["name"]).split()
    if not words or words[-1].lower() in _organization_endings():
        return False
    if words[-1].lower() in person_surnames(doc, clusters):
        return True
    if len(words) == 1 and (_transcript_label(words[0], doc) or _acts_as_person(words[0], doc)):
        return True
    lower_words = [w.lower().strip(".") for w in words]
    if len(words) >= 3 and words == [w for w in words if w[:1].isupper()] and any(
        w in _person_roles() for w in lower_words[:-2]
    ):
        return True
    description = (cluster.get("description") or "").lower().replace(",", " ").split()
    return bool(description) and _describes_person(description)


def person_surnames(doc: Doc, clusters: list[dict]) -> frozenset[str]:
    """Last words of the full names of people in the article (clusters and entities)."""

    def surnames() -> frozenset[str]:
        names = [c["name"] for c in clusters if c["kind"] == "person"]
        names += [ent.text for ent in doc.ents if ent.label_ == "PERSON"]
        return frozenset(n.split()[-1].lower() for n in names if len(n.split()) >= 2)

    return per_article(doc, ("person_surnames", len(clusters)), surnames)


def _transcript_label(word: str, doc: Doc) -> bool:
    return per_article(doc, ("transcript_label", word), lambda: _read_transcript_label(word, doc))


def _read_transcript_label(word: str, doc: Doc) -> bool:
    """Does ``word`` open a line as a speaker's label, followed by a colon ("DORN: Well,
    ...")? Only people speak in a transcript."""
    text = doc.text
    start = text.find(word)
    while start >= 0:
        line_start = text.rfind("\n", 0, start) + 1
        before = text[line_start:start].strip(" \"“'‘")
        if not before and text[start + len(word) : start + len(word) + 1] == ":":
            return True
        start = text.find(word, start + 1)
    return False


def _names_a_country(cluster: dict, doc: Doc) -> bool:
    """Is the name tagged a country, city or state (GPE) wherever the article gives it?"""
    starts = {start for start, _end in cluster.get("mentions", [])}
    labels = {ent.label_ for ent in doc.ents if ent.start_char in starts}
    return labels == {"GPE"}


def _acts_as_person(word: str, doc: Doc) -> bool:
    return per_article(doc, ("acts_as_person", word), lambda: _read_acts_as_person(word, doc))


def _read_acts_as_person(word: str, doc: Doc) -> bool:
    """Does the article have ``word`` do, or undergo, what only people do: with another
    person ("X met Y", "Y went to meet X") or alone ("X shrugged")? Not "X met
    expectations"; never for a name in capitals or a known organization."""
    if word.isupper() or word.lower() in _known_organizations():
        return False
    verbs = load_lexicon("source_person_verbs")
    for token in doc:
        if token.text != word or token.head.lemma_.lower() not in verbs:
            continue
        verb = token.head
        other_role = {"nsubj": "dobj", "dobj": "nsubj"}.get(token.dep_)
        if other_role is None:
            continue
        other = next((c for c in verb.children if c.dep_ == other_role), None)
        if other is None and other_role == "nsubj" and verb.dep_ in OPEN_OR_ADVERBIAL_CLAUSES:
            # "Ruiz flew to Lagos to meet X": the subject of "flew" meets X
            other = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if other is None and token.dep_ == "nsubj":
            return True  # "X shrugged", "X met with aides"
        if other is not None and _is_person_word(other):
            return True  # "X met Volkov", "to meet X" said of a person
    return False


def _is_person_word(token) -> bool:
    """A person's name or a pronoun for people: not a place, body or thing."""
    if token.ent_type_ == "PERSON" or token.lower_ in _PEOPLE:
        return True
    return token.pos_ == "PROPN" and token.ent_type_ not in _NOT_PEOPLE


@cache
def _known_organizations() -> frozenset[str]:
    """Names and acronyms of well-known organizations (``known_organizations.txt``)."""
    names = set()
    for entry in load_lexicon("known_organizations"):
        names.update(part.strip() for part in entry.split("|"))
    return frozenset(names)


def _describes_person(words: list[str]) -> bool:
    """Is the head of a description ("the foreign minister of France") a person's role?"""
    return bool(_description_head(words) & _person_roles())


def _description_head(words: list[str]) -> set[str]:
    """The head of a description ("a writer for The Atlantic" -> "writer") and, with the
    word before it, its two-word form ("state news agency" -> "news agency")."""
    cut = next((i for i, w in enumerate(words) if w in _DESCRIPTION_PREPOSITIONS), len(words))
    if cut == 0:
        return set()
    return {words[cut - 1], " ".join(words[max(0, cut - 2) : cut])}


def _used_as_organization(name: str, doc: Doc) -> bool:
    key = ("used_as_organization", name)
    return per_article(doc, key, lambda: _read_used_as_organization(name, doc))


def _read_used_as_organization(name: str, doc: Doc) -> bool:
    """A one-word person-tagged name that the article also uses inside a longer
    organization name ("Halvorsen" beside "Halvorsen Energy", "Summit" beside "Summit
    Coal") and never with a first name."""
    if " " in name.strip():
        return False
    inside_organization = False
    for ent in doc.ents:
        words = [t.text for t in ent]
        if name not in words or len(words) < 2:
            continue
        if ent.label_ == "PERSON":
            return False  # "Greg Halvorsen": the name is a person's somewhere
        if ent.label_ in _ORGANIZATION_LABELS and words[0] == name:
            inside_organization = True
    return inside_organization


@cache
def _outlets() -> frozenset[str]:
    """The outlet list, each name as :func:`normalize_name` leaves it ("The Hill" -> "hill")."""
    return frozenset(normalize_name(n).lower() for n in load_lexicon("news_outlets"))


@cache
def _organization_endings() -> frozenset[str]:
    """Last words that make a name an organization's whoever it is named after."""
    return (
        load_lexicon("organization_words")
        | load_lexicon("organization_name_heads")
        | load_lexicon("media_name_heads")
    )


@cache
def _person_roles() -> frozenset[str]:
    return (
        load_lexicon("source_person_roles")
        | load_lexicon("source_insider_roles")
        | load_lexicon("person_titles")
    )
