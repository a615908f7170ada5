"""What a source phrase refers to, read off its grammar: the one place a source type is decided.

The phrase is taken at its referent (a relative pronoun, "they" or "many of whom" at the
noun it stands for) and judged by its parts: the head noun and what it means (lexicons by
meaning in ``auditor/lexicons/source_*.txt``), the determiner or quantifier, the
possessive owner, an of-phrase ("Several of his longtime advisers", "62 percent of
voters"), an appositive or descriptor naming an outlet ("the wire service X", "X, a
newspaper") and the named entities inside it. ``unknown`` is left for phrases nothing
in the text explains.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Token

from auditor.lexicon import compile_phrases, load_lexicon
from auditor.nlp.labels import NOUN_POS, PLURAL_NOUN_TAGS
from auditor.nlp.source_groups import broad_scope, named_members, near_the_matter, party_members
from auditor.nlp.source_names import cluster_kind, person_surnames
from auditor.nlp.source_outlets import is_media_noun, names_outlet_by_descriptor
from auditor.nlp.source_referent import referent

#: Determiners that make a singular noun a definite, identifiable referent.
_DEFINITE = {"the", "this", "that", "my", "his", "her", "its", "our", "their", "your"}
_INDEFINITE = {"a", "an", "one", "another", "some"}
#: Pronouns that stand for an unnamed person ("someone asked") or for people at large.
_UNNAMED_PRONOUNS = {"someone", "somebody"}
#: Documents whose respondents are a poll's share ("those questioned in the survey").
_POLLS = load_lexicon("poll_documents")


def lex(name: str) -> frozenset[str]:
    """A lexicon of ``auditor/lexicons/`` (lower-cased words)."""
    return load_lexicon(name)


def judge(
    head: Token,
    cluster: dict | None,
    names_people: bool = True,
    clusters: list[dict] | None = None,
) -> str:
    """The source type of a phrase headed by ``head`` that resolved to ``cluster`` (one of
    the article's ``clusters``); ``names_people`` says whether the article names anyone a
    title could stand for."""
    if _is_poll_share(head):
        return "document"
    of_object = _of_object(head)
    if _appositive_person(head) or (of_object is not None and _appositive_person(of_object)):
        return "named_person"  # "one of the family's lawyers, Ana Ruiz,"
    members = named_members(head)
    if members is not None:
        return members  # "critics, like Senators Ana Ruiz and Tom Baker,"
    if near_the_matter(head):
        return "anonymous"  # "people familiar with the talks", "those close to him"
    if head.lower_ == "one" and any(c.lower_ == "no" for c in head.children):
        return "vague"  # "No one expected ..."
    if " " in _compound_name(head) and _compound_name(head) in lex("source_public_categories"):
        return "vague"  # "Wall Street expects ...": a place standing for a public
    if of_object is not None and _is_partitive(head):
        # "Several of his longtime advisers", "many of whom": the people counted decide.
        inner = judge(referent(of_object), None, names_people, clusters)
        if _is_collective(head) and inner in {"vague", "unknown"}:
            return "anonymous"  # "a group of parents", "a coalition of leaders"
        if head.lemma_.lower() == "member" and inner in {"named_organization", "media"}:
            return "anonymous"  # "members of the jury": unnamed people of a body
        if inner in {"vague", "unknown"} or head.lower_ in lex("source_vague_quantifiers"):
            return "vague" if inner != "anonymous" else inner
        return inner
    kind = _judge_parts(head, cluster, names_people, clusters)
    conjunct = next((c for c in head.children if c.dep_ == "conj"), None)
    if kind == "unknown" and conjunct is not None and cluster is None:
        kind = judge(conjunct, None, names_people, clusters)  # "the former lady and senator"
    if kind == "unknown" and of_object is not None:
        if judge(referent(of_object), None, names_people, clusters) == "document":
            return "document"  # "The average of polls taken in May shows ..."
    return kind


def _judge_parts(
    head: Token, cluster: dict | None, names_people: bool, clusters: list[dict] | None
) -> str:
    """The type read off the head, its modifiers and its resolved name."""
    kind = cluster_kind(cluster, head.doc, clusters or []) if cluster is not None else None
    if kind != "person" and names_outlet_by_descriptor(head):
        return "media"
    lemma, word = head.lemma_.lower(), head.lower_
    if head.pos_ in NOUN_POS and (word in lex("source_documents") or (
        head.pos_ == "NOUN" and lemma in lex("source_documents")
    )):
        if word in lex("source_generic_evidence") and not list(head.children):
            return "vague"  # "Research has shown", "Studies suggest"
        return "document"
    if head.pos_ == "PROPN" or (head.pos_ == "NOUN" and head.text[:1].isupper() and cluster):
        party = _party_or_public(head)
        if party is not None:
            return party
    if kind is not None and not _names_a_role(head, kind):
        return _resolved(head, kind)
    if head.pos_ == "PRON":
        return _pronoun(head)
    if head.text[:1].isupper() and head.lower_ in person_surnames(head.doc, clusters or []):
        return "named_person"  # a named person's surname read as a common noun
    if head.text[:1].isupper() and _in_organization_name(head):
        return "named_organization"  # "Citizens for Tax Justice", "Parents United"
    if head.pos_ == "PROPN" and word not in _common_words():
        return _proper(head)
    return _common_noun(head, names_people)


def _resolved(head: Token, kind: str) -> str:
    """The type of a phrase resolved to a name of ``kind``; the phrase's own noun wins
    where it cannot stand for that name ("the network" for an outlet, "the campaign" or
    "the state" never for a person)."""
    if head.pos_ == "NOUN" and kind != "person" and is_media_noun(head):
        return "media"
    if kind == "person" and head.pos_ == "NOUN" and _is_body(head):
        return "named_organization"
    return {"person": "named_person", "media": "media"}.get(kind, "named_organization")


def _names_a_role(head: Token, kind: str) -> bool:
    """A capitalized role read as a name ("Former White House Doctor Says" in a title-case
    headline): the role noun is judged, not the name it was read as."""
    lemma = head.lemma_.lower()
    return kind == "organization" and (
        head.lower_ in lex("source_person_roles") or lemma in lex("source_person_roles")
    )


def _is_body(head: Token) -> bool:
    """A singular noun naming a body ("the campaign", "the state", "the ministry")."""
    return head.tag_ not in PLURAL_NOUN_TAGS and head.lemma_.lower() in lex("organization_words")


def anonymity_stated(head: Token) -> bool:
    """Does the sentence of ``head`` say its source was granted anonymity?"""
    return _anonymity().search(head.sent.text) is not None


@cache
def _anonymity() -> re.Pattern:
    """The phrases of ``sourcing_anonymity.txt`` ("on condition of anonymity")."""
    return compile_phrases(sorted(load_lexicon("sourcing_anonymity", lowercase=False)))


# -- parts of the phrase


def _determiner(head: Token) -> str | None:
    for child in head.children:
        if child.dep_ in {"det", "poss", "predet"}:
            return child.lower_
    return None


def _quantified(head: Token) -> bool:
    """A vague quantifier before the head ("some Democrats", "fellow physicians")."""
    return any(
        c.lower_ in lex("source_vague_quantifiers")
        for c in head.children
        if c.dep_ in {"det", "amod", "nummod", "predet", "quantmod", "compound"}
    )


def _counted(head: Token) -> bool:
    """A number or "several" before the head ("two former staffers", "several groups")."""
    return any(
        c.dep_ == "nummod" or c.lower_ in {"several", "two", "three", "one"}
        for c in head.children
    )


def _owner(head: Token) -> Token | None:
    """The possessive owner ("Ruiz's campaign", "his lawyer")."""
    return next((c for c in head.children if c.dep_ == "poss"), None)


def _of_object(head: Token) -> Token | None:
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _is_partitive(head: Token) -> bool:
    return _is_collective(head) or (
        head.like_num
        or head.lower_ in lex("source_vague_quantifiers")
        or head.lower_ in lex("source_quantity_nouns")
        or head.lemma_.lower() in lex("source_quantity_nouns")
    )


def _is_poll_share(head: Token) -> bool:
    """ "63 percent", "a majority of voters", "nearly eight of 10 voters", "those
    surveyed", "two-thirds of adults polled"."""
    if head.lemma_.lower() in lex("source_poll_shares") or head.text == "%":
        return True
    if _respondents(head):
        return True
    before = head.doc[head.left_edge.i : head.i]
    if any(t.dep_ == "quantmod" and t.lower_ == "of" for t in before):
        return True  # "six of 10 parents": the parse hangs the share on the people
    of_object = _of_object(head)
    if head.like_num and of_object is not None:
        if of_object.like_num or any(c.like_num for c in of_object.children):
            return True  # "eight of 10 voters"
    return _is_partitive(head) and of_object is not None and _respondents(of_object)


def _respondents(head: Token) -> bool:
    """People made a poll's respondents by a participle ("those surveyed", "voters
    polled in May", "those questioned in the survey")."""
    for child in head.children:
        if child.dep_ not in {"acl", "amod", "relcl", "advcl"}:
            continue
        if child.lower_ in lex("source_poll_respondents"):
            return True
        if child.tag_ == "VBN" and any(t.lemma_.lower() in _POLLS for t in child.subtree):
            return True
    return False


def _appositive_person(head: Token) -> bool:
    """A person's name in apposition ("the family's lawyer, Ana Ruiz,"), to a noun that
    can be a person's (not "the Telegram channel Grey Fox")."""
    if is_media_noun(head) or head.lemma_.lower() in lex("organization_words"):
        return False
    return any(
        c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON"
        for c in head.children
    )


def _compound_name(head: Token) -> str:
    """The head with the compounds before it, lower-case ("wall street")."""
    words = [c for c in head.lefts if c.dep_ == "compound"]
    return " ".join(t.lower_ for t in [*words, head])


def _is_collective(head: Token) -> bool:
    return head.tag_ == "NN" and head.lemma_.lower() in lex("source_collective_nouns")


def _party_or_public(head: Token) -> str | None:
    """Party members as a bloc ("Republicans", "some Democrats", "One Republican") and
    peoples ("Mexicans"): never a named organization."""
    word = head.lower_
    if word in lex("source_party_members"):
        return _party(head)
    if head.ent_type_ == "NORP" and head.tag_ in PLURAL_NOUN_TAGS:
        return "vague" if not _counted(head) else "anonymous"
    return None


def _in_organization_name(head: Token) -> bool:
    return any(
        ent.label_ == "ORG" and len(ent) > 1 and ent.start <= head.i < ent.end
        for ent in head.doc.ents
    )


def _party(head: Token) -> str:
    return party_members(head, _quantified(head), _counted(head), _is_definite(head))


def _pronoun(head: Token) -> str:
    word = head.lower_
    if word in _UNNAMED_PRONOUNS:
        return "anonymous"
    if word in lex("source_public_categories"):
        return "vague"
    return "unknown"


def _proper(head: Token) -> str:
    if head.ent_type_ in {"GPE", "ORG", "NORP", "FAC"}:
        return "named_organization"
    return "named_person"


def _common_noun(head: Token, names_people: bool) -> str:
    """A common noun head not resolved to a named cluster. A definite title ("the
    senator") stands for a person the article names, if it names anyone."""
    lemma, word = head.lemma_.lower(), head.lower_
    plural = head.tag_ in PLURAL_NOUN_TAGS
    if is_media_noun(head):
        return "media"
    if word in lex("source_kin_nouns") or lemma in lex("source_kin_nouns"):
        return "named_person"
    if word in lex("source_party_members"):
        return _party(head)
    if plural and broad_scope(head):
        return "vague"  # "officials from both parties", "world leaders"
    if word in lex("organization_plural_bodies") and (_is_definite(head) or _national(head)):
        return "named_organization"  # "Ukrainian forces", "the security services"
    if word == "police" or (lemma in lex("organization_words") and not plural):
        return "named_organization"  # "the ministry", "Ruiz's campaign", "a union"
    if _is_collective(head) and _is_definite(head):
        return "named_organization"  # "Ruiz's team", "the Marsh team"
    if word in lex("source_insider_roles") or lemma in lex("source_insider_roles"):
        if not plural and names_people and lemma in lex("source_person_roles"):
            if _is_definite(head):
                return "named_person"  # "the general" once named
        return "anonymous"
    if word in lex("source_public_categories") or (
        plural and lemma in lex("source_public_categories")
    ):
        counted_body = _counted(head) and lemma in lex("source_counted_bodies")
        return "anonymous" if counted_body else "vague"
    if lemma in lex("source_person_roles"):
        if plural:
            return "vague" if _quantified(head) else "anonymous"
        return "named_person" if names_people and _is_definite(head) else "anonymous"
    if plural:
        if _quantified(head):
            return "vague"
        if lemma in lex("organization_words"):
            return "anonymous" if _counted(head) else "vague"
        return "anonymous" if _specific(head) else "vague"
    return "unknown"


def _is_definite(head: Token) -> bool:
    first = head.doc[head.left_edge.i]
    return (
        _determiner(head) in _DEFINITE
        or (first.dep_ in {"det", "poss"} and first.lower_ in _DEFINITE)  # "The ... and senator"
        or _owner(head) is not None
        or _has_proper_modifier(head)
        or _headline_subject(head)
    )


def _national(head: Token) -> bool:
    """A nationality or place before the head ("Ukrainian forces", "Israeli forces")."""
    return any(c.ent_type_ in {"NORP", "GPE"} for c in head.lefts)


def _headline_subject(head: Token) -> bool:
    """A capitalized role opening a title-case headline ("Former DNC Chairman Says",
    "Retired General Reveals"): it stands for the person the story names."""
    first = head.doc[head.left_edge.i]
    return (
        head.text[:1].isupper()
        and head.head.text[:1].isupper()  # title case: "General Reveals"
        and first.i == head.sent.start
        and first.dep_ not in {"det", "poss", "nummod"}
        and not first.like_num
    )


def _has_proper_modifier(head: Token) -> bool:
    """ "the New York businessman", "Connecticut's tax commissioner", "E.U. leaders". A
    name inside a participle modifier ("Iranian-backed militias", "Okafor-appointed judges")
    says who backs or appoints them, not which body or person they are."""
    return any(
        t.pos_ == "PROPN"
        for t in head.doc[head.left_edge.i : head.i]
        if t.dep_ != "det" and not _modifies_participle(t)
    )


def _modifies_participle(token: Token) -> bool:
    """``token`` hangs on a participle modifier: "Chinese" in "Chinese-backed forces"."""
    return token.dep_ == "npadvmod" and token.head.tag_ == "VBN"


def _specific(head: Token) -> bool:
    """A plural made specific by a determiner, number, owner or modifier ("the debate
    moderators", "two speechwriters", "federal prosecutors")."""
    return (
        _determiner(head) in _DEFINITE
        or _counted(head)
        or any(c.dep_ in {"amod", "compound", "poss"} for c in head.children)
    )


@cache
def _common_words() -> frozenset[str]:
    return (
        lex("source_documents")
        | lex("source_insider_roles")
        | lex("source_public_categories")
        | lex("media_nouns")
        | lex("source_person_roles")
    )
