"""Clusters of the mentions that name one person or organization (:mod:`auditor.nlp.speakers`).

A full name opens a cluster ("Denis Pushilin"); a surname ("Pushilin"), a variant spelling
("Zelenskyi" for "Zelenskyy"), an acronym ("ISW" for the Institute for the Study of War),
a role that matches the description ("the DPR leader" for "the head of the Donetsk
People's Republic") and a pronoun ("he", "it") join the nearest compatible cluster, which
keeps what its mentions tell (gender, age, roles).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Token

from auditor.names import same_name_word
from auditor.nlp.labels import NOUN_PREMODIFIERS
from auditor.nlp.name_parts import NameParts, appositive_of, name_at, normalize_name
from auditor.nlp.pronouns import ONE_PERSON
from auditor.nlp.speaker_mentions import (
    acronym_after,
    author_of,
    channels,
    clipped,
    document_nouns,
    initials_and_words,
    is_acronym_of,
    plain_source_name,
)
from auditor.nlp.speaker_traits import (
    PRONOUN_GENDER,
    ROLE_SYNONYMS,
    age_of_mention,
    described_age,
    gender_of_mention,
    issuer_of_document,
    predicate_roles,
)
from auditor.nlp.verb_subjects import antecedent

PERSON_PRONOUNS = ONE_PERSON
#: How similar two surnames must be to count as one name spelled two ways.
SPELLING_SIMILARITY = 0.8


@dataclass
class Cluster:
    """One person or organization the article names, with every mention of it."""

    id: str
    name: str
    kind: str
    description: str | None = None
    variants: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    introduced: int | None = None
    acronym: str | None = None
    #: what the article tells of the person (auditor.nlp.speaker_traits): for pronouns,
    #: "the 52-year-old" and "the mayor" to find them
    gender: str | None = None
    age: int | None = None
    roles: set[str] = field(default_factory=set)

    @property
    def surname(self) -> str:
        words = self.name.split()
        return words[-1].lower() if words else ""

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "description": self.description,
            "variants": list(self.variants),
            "mentions": [list(m) for m in self.mentions],
            "introduced": self.introduced,
        }


class ClusterBook:
    """The clusters of one article: a name opens or joins one, a mention is resolved to one."""

    def __init__(self, similarity: float, label_votes: dict[str, dict[str, int]] | None = None):
        self.similarity = similarity
        self.label_votes = label_votes or {}
        self.clusters: list[Cluster] = []
        self._mention_owner: dict[int, Cluster] = {}  # name end offset -> cluster

    def by_id(self, cluster_id: str) -> Cluster | None:
        return next((c for c in self.clusters if c.id == cluster_id), None)

    # -- building

    def add_name(self, head: Token, within: tuple[int, int] | None = None) -> Cluster | None:
        """Cluster the name whose last word is ``head``; ``within`` (the source span) keeps
        a misparse from stretching the name past the source ("River Authority Warns Of
        ..." in a title-case headline)."""
        parts = name_at(head)
        if parts is not None and within is not None:
            parts = clipped(parts, head, within)
        if parts is None or parts.name.lower() in channels() or not normalize_name(parts.name):
            return None
        if parts.kind == "organization" and " " not in parts.name:
            votes = self.label_votes.get(parts.name, {})
            if votes.get("PERSON", 0) > votes.get("ORG", 0) and not parts.name.isupper():
                parts.kind = "person"  # "Marsh" tagged ORG once and PERSON twice
        cluster = self._match(parts, head)
        if cluster is None:
            cluster = Cluster(
                id=f"s{len(self.clusters) + 1}",
                name=normalize_name(parts.name),
                kind=parts.kind,
            )
            self.clusters.append(cluster)
        self._record(cluster, parts, head)
        return cluster

    def _record(self, cluster: Cluster, parts: NameParts, head: Token) -> None:
        name = normalize_name(parts.name)
        words = name.split()
        if len(words) > len(cluster.name.split()) and cluster.kind == parts.kind:
            # A fuller form of the name arrives later ("Pushilin" ... "Denis Pushilin").
            cluster.name = name
        if len(words) >= 2 or cluster.kind != "person":
            if name not in cluster.variants:
                cluster.variants.append(name)
            if cluster.introduced is None:
                cluster.introduced = parts.start
        elif words and not any(v.split()[-1] == words[-1] for v in cluster.variants):
            # A surname alone, spelled differently from every full form seen so far.
            cluster.variants.append(name)
        cluster.mentions.append((parts.start, parts.end))
        self._mention_owner[head.idx] = cluster
        if cluster.description is None:
            cluster.description = appositive_of(head) or parts.title
        learn_traits(cluster, head, parts)
        acronym = acronym_after(head)
        if acronym:
            cluster.acronym = acronym

    def _match(self, parts: NameParts, head: Token) -> Cluster | None:
        name = normalize_name(parts.name)
        words = name.split()
        if not words:
            return None
        surname = words[-1].lower()
        single_word = len(words) == 1 and not (name.isupper() and len(name) > 1)
        for cluster in reversed(self.clusters):
            if single_word and cluster.kind == "person" and (
                surname == cluster.surname or self._similar(surname, cluster.surname)
            ):
                # A surname alone joins its person even when the tagger called it an ORG.
                return cluster
            if cluster.kind == "organization" or parts.kind == "organization":
                if name.lower() == cluster.name.lower() or (
                    cluster.acronym and name == cluster.acronym
                ) or is_acronym_of(name, cluster.name):
                    return cluster
                continue
            cluster_words = cluster.name.split()
            if len(words) >= 2 and len(cluster_words) >= 2:
                if words[0].lower() != cluster_words[0].lower():
                    continue
            if surname == cluster.surname or self._similar(surname, cluster.surname):
                return cluster
        return None

    def _similar(self, a: str, b: str) -> bool:
        return same_name_word(a, b, ratio=self.similarity)

    # -- resolving a source head

    def resolve(self, head: Token, within: tuple[int, int] | None = None) -> Cluster | None:
        """The cluster a source headed by ``head`` (spanning ``within``) refers to."""
        owner = self._mention_owner.get(head.idx)
        if owner is not None:
            return owner
        lower = head.lower_
        if head.pos_ == "PRON":
            if lower in PERSON_PRONOUNS:
                return self.person_pronoun(head)
            if lower in {"it", "its"}:
                return self._nearest(head, kinds={"organization"})
            if antecedent(head) is not head:
                return self.resolve(antecedent(head))
            return None
        if head.pos_ == "PROPN":
            return self.add_name(head, within=within)
        age = described_age(head)
        if age is not None:  # "the 52-year-old"
            return self._nearest(head, kinds={"person"}, accept=lambda c: c.age == age)
        if head.pos_ == "NOUN" and head.lower_ in document_nouns():
            issuer = issuer_of_document(head)  # "the statement said" -> who issued it
            if issuer is not None and issuer.i != head.i:
                found = self.resolve(issuer)
                if found is not None:
                    return found
        if head.pos_ == "NOUN":
            if antecedent(head) is not head:  # "Pushilin's comments suggest ..."
                return self.resolve(antecedent(head))
            known = self._known_surname(head)
            if known is not None:
                return known
            named = next(
                (c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None
            )
            if named is None and head.lower_ in document_nouns():
                # "a recent report by The New York Times", "the ISW's assessment"
                named = author_of(head)
                if named is not None:
                    return self.add_name(named)
            if named is not None:
                # "The department's chief engineer, Priya Natarajan, told reporters"
                cluster = self.add_name(named)
                if cluster is not None and cluster.description is None:
                    cluster.description = plain_source_name(head)
                return cluster
            return self._by_role(head)
        return None

    def _known_surname(self, head: Token) -> Cluster | None:
        """The person whose surname a capitalized ``head`` is: the tagger sometimes reads a
        surname as a common noun ("Zelenskyy shook his head, saying ...")."""
        if not head.text[:1].isupper() or any(c.dep_ == "det" for c in head.children):
            return None
        for cluster in reversed(self.clusters):
            if cluster.kind == "person" and cluster.surname == head.lower_:
                return cluster
        return None

    def person_pronoun(self, pronoun: Token) -> Cluster | None:
        """The person "he" or "she" stands for: the nearest one mentioned before whose
        gender is unknown or agrees; the pronoun then tells an unknown gender."""
        gender = PRONOUN_GENDER.get(pronoun.lower_)
        cluster = self._nearest(
            pronoun, kinds={"person"}, accept=lambda c: c.gender in {None, gender}
        )
        if cluster is not None and cluster.gender is None:
            cluster.gender = gender
        return cluster

    def _nearest(
        self, token: Token, kinds: set[str], accept: Callable[[Cluster], bool] | None = None
    ) -> Cluster | None:
        best, best_at = None, -1
        for cluster in self.clusters:
            if cluster.kind not in kinds or (accept is not None and not accept(cluster)):
                continue
            for start, _end in cluster.mentions:
                if best_at < start < token.idx:
                    best, best_at = cluster, start
        return best

    def _by_role(self, head: Token) -> Cluster | None:
        """A definite role noun ("the DPR leader", "the President", "the ministry")."""
        determiner = next((c for c in head.children if c.dep_ == "det"), None)
        if determiner is None or determiner.lower_ not in {"the", "this", "that"}:
            return None
        role = head.lemma_.lower()
        synonyms = ROLE_SYNONYMS.get(role, {role})
        modifiers = {
            c.text.lower() for c in head.children if c.dep_ in NOUN_PREMODIFIERS
        }
        candidates = []
        for cluster in self.clusters:
            if not any(start < head.idx for start, _ in cluster.mentions):
                continue
            if cluster.kind == "organization":
                if role in cluster.name.lower().split():
                    candidates.append(cluster)
                continue
            described = " ".join(filter(None, [cluster.description])).lower().split()
            described_set = {w.strip(",.'’") for w in described} | cluster.roles
            if synonyms & described_set:
                score_bonus = bool(modifiers & initials_and_words(cluster.description or ""))
                candidates.append((score_bonus, cluster))
        if not candidates:
            return None
        people = [c for c in candidates if isinstance(c, tuple)]
        if people:
            people.sort(key=lambda pair: (pair[0], self._last_mention(pair[1])))
            return people[-1][1]
        return max(candidates, key=self._last_mention)

    @staticmethod
    def _last_mention(cluster: Cluster) -> int:
        return max((s for s, _ in cluster.mentions), default=-1)


def learn_traits(cluster: Cluster, head: Token, parts: NameParts) -> None:
    """Keep on ``cluster`` what this mention of it tells: gender, age and roles."""
    if cluster.kind != "person":
        return
    if cluster.gender is None:
        cluster.gender = gender_of_mention(head, parts.title, appositive_of(head))
    if cluster.age is None:
        cluster.age = age_of_mention(head)
    cluster.roles.update(predicate_roles(head))
