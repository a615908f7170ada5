"""Name forms for the speaker check (PROV003): which names an article writes two ways.

A form is one written mention of a name, with the speaker it was clustered into. Two
spellings are one name written two ways when their words are spellings of one name by
:func:`auditor.names.same_person_name` (transliteration families and single typos, never
a list of known pairs) and the article does not show two people:

* two full names with different first names are two people ("Maria Lopez" / "Mario
  Lopes"; "Jan Nowakowski" / "his wife, Ewa Nowakowska");
* two full names clustered apart, each introduced with its own description, are two
  people ("Tom Baker, the mayor" / "Tom Becker, a driver");
* a surname alone that is the surname of some full name refers to that person;
* "-ska" meets "-ski" only where one side is a full name (the article shows one person).

The finding goes on the *variant*: the spelling used less often (then: the one never
given as a full name, then the later one), at its first mention. A long article names
its speakers thousands of times, mostly with a few names, so distinct spellings are
compared (in blocks by their first letter), never every pair of mentions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from auditor.lexicon import load_lexicon
from auditor.model import Analysis
from auditor.names import fold, same_person_name, spelling_key

_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_NAME_LIKE = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}$")
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True)
class NameForm:
    """One mention of a name: where it is, the speaker it belongs to, how it was given."""

    text: str
    start: int
    end: int
    group: str  # the speaker cluster's id ("" for a source no cluster holds)
    name: str  # the speaker's fullest name, for messages
    person: bool  # the article treats it as a person's name
    description: str | None = None  # the speaker's description, if the article gave one

    @property
    def words(self) -> list[str]:
        """The name's words, without a possessive ending."""
        return _NAME_WORD.findall(_POSSESSIVE.sub("", self.text))

    @property
    def spelling(self) -> str:
        """The form compared: its words in lower case (accents kept: "Muñoz" and "Munoz"
        are two spellings)."""
        return _plain(" ".join(self.words))


def _plain(text: str) -> str:
    return text.lower().replace("’", "'")


def _person_like(text: str) -> bool:
    """A name that could be a person's: capitalized words, not an acronym, no word that
    makes it an organization ("Kovalenco" tagged ORG is still a surname)."""
    if not _NAME_LIKE.match(text) or text.isupper():
        return False
    marks = load_lexicon("organization_words")
    return not any(w.lower() in marks for w in text.split())


def _without_titles(text: str, start: int) -> tuple[str, int]:
    """``text`` without leading titles ("Mayor Oksana Kovalenko" -> "Oksana Kovalenko")."""
    titles = load_lexicon("person_titles")
    while True:
        first, _, rest = text.partition(" ")
        if not rest or first.lower() not in titles:
            return text, start
        start += len(first) + 1
        text = rest.lstrip()


def name_forms(analysis: Analysis) -> list[NameForm]:
    """Every written name of a person in ``analysis``, in text order: mentions of person
    clusters, of organization clusters whose name reads as a person's, and sources named
    by a name no cluster holds."""
    forms = []
    for cluster in analysis.speakers:
        person = cluster.kind == "person"
        if not person and not (cluster.kind == "organization" and _person_like(cluster.name)):
            continue
        for mention in cluster.mentions:
            if _NAME_LIKE.match(mention.text) and len(mention.text) >= 3:
                forms.append(
                    NameForm(
                        mention.text,
                        mention.start,
                        mention.end,
                        cluster.id,
                        cluster.name,
                        person,
                        cluster.description,
                    )
                )
    for attribution in analysis.attributions:
        source, speaker = attribution.source, attribution.speaker
        if source is None or (speaker is not None and speaker.cluster is not None):
            continue
        text, start = _without_titles(source.text, source.start)
        if _person_like(text) and len(text) >= 3:
            person = attribution.source_type == "named_person"
            forms.append(NameForm(text, start, start + len(text), "", text, person))
    return sorted(forms, key=lambda f: (f.start, f.end))


def _two_people(a: NameForm, b: NameForm) -> bool:
    """The article introduces ``a`` and ``b`` as two people."""
    if a.group and b.group and a.group != b.group and a.description and b.description:
        return fold(a.description) != fold(b.description)
    return False


def spelled_two_ways(forms: Iterable[NameForm]) -> list[tuple[NameForm, NameForm]]:
    """``(reference, variant)`` for each name spelled two ways: the first mention of the
    spelling kept and the first mention of the other one, in the variant's text order."""
    first: dict[str, NameForm] = {}
    uses: dict[str, int] = {}  # surname as written -> mentions
    full_surnames: set[str] = set()
    for form in forms:
        words = form.words
        if not words:
            continue
        first.setdefault(form.spelling, form)
        uses[_plain(words[-1])] = uses.get(_plain(words[-1]), 0) + 1
        if len(words) >= 2:
            full_surnames.add(_plain(words[-1]))
    # A surname alone that some full name carries refers to that person.
    spellings = [f for s, f in first.items() if " " in s or s not in full_surnames]
    blocks: dict[str, list[NameForm]] = {}
    for form in spellings:
        blocks.setdefault(spelling_key(form.words[-1], gendered=True)[:1], []).append(form)
    found: dict[str, tuple[NameForm, NameForm]] = {}
    for block in blocks.values():
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                if not (a.person or b.person) or _two_people(a, b):
                    continue
                if not same_person_name(a.words, b.words, feminine_forms=True):
                    continue
                reference, variant = sorted((a, b), key=lambda f: _standing(f, uses))
                found.setdefault(variant.spelling, (reference, variant))
    return sorted(found.values(), key=lambda pair: pair[1].start)


def _standing(form: NameForm, uses: dict[str, int]) -> tuple[int, int, int]:
    # The spelling kept: used most, given as a full name, first seen.
    return (-uses.get(_plain(form.words[-1]), 0), -min(len(form.words), 2), form.start)
