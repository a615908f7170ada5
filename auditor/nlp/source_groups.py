"""Groups of people as sources: a party's members and groups drawn broadly.

A party's members are a bloc of the public ("Republicans are slamming ...", "some
Democrats", "fellow Republicans": vague) unless the phrase makes them a specific group
("two Democratic speechwriters", "House Republicans", "One Republican": anonymous), or the
article reports the proceedings of a body they sit on (a committee, a panel, its
hearing), where "Democrats said" means that body's Democrats (anonymous). A group spread
across the public ("officials from both parties", "world leaders") is vague whatever its
head noun. A group whose members are named goes by them ("critics, like Senators X and
Y"); people put near the matter ("those close to him") are insiders.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Token

from auditor.lexicon import compile_phrases, load_lexicon
from auditor.nlp.labels import PLURAL_NOUN_TAGS
from auditor.nlp.source_names import per_article

#: Mentions of a deliberative body that make an article the report of its proceedings.
BODY_MENTIONS = 5
#: Quantifiers that keep a group a mass even when some members are named.
_MASS = load_lexicon("group_mass_quantifiers")
#: Dependencies of the modifiers that can spread a group ("world leaders", "officials from
#: both parties"); a relative clause says what the group did, not who it is.
_SCOPE_DEPS = {"amod", "compound", "prep", "nmod"}


def party_members(head: Token, quantified: bool, counted: bool, definite: bool) -> str:
    """The type of a phrase headed by a party's member noun ("Republicans", "Democrat")."""
    if quantified:
        return "vague"  # "some Republicans", "many Democrats", "fellow Republicans"
    if head.tag_ not in PLURAL_NOUN_TAGS and not head.lower_.endswith("s"):
        return "named_person" if definite else "anonymous"  # "the Republican" = a nominee
    if counted or _named_body_modifier(head) or reports_a_body(head.doc):
        return "anonymous"  # "two Democrats", "House Republicans", a committee's members
    return "vague"


def broad_scope(head: Token) -> bool:
    """Is the group spread across the public ("officials from both parties", "world
    leaders", "lawmakers across the aisle")?"""
    if head.tag_ not in PLURAL_NOUN_TAGS:
        return False
    words = [head]
    for child in head.children:
        if child.dep_ in _SCOPE_DEPS:
            words.extend(child.subtree)
    words.sort(key=lambda t: t.i)
    text = " ".join(t.lower_ for t in words if t.i != head.i)
    return bool(text) and _broad_scopes().search(text) is not None


def named_members(head: Token) -> str | None:
    """The type of a plural group by its named members ("other unions, including the
    Teamsters"): the first name after a member marker that the tagger calls a person or
    an organization."""
    if head.tag_ not in PLURAL_NOUN_TAGS or any(c.lower_ in _MASS for c in head.children):
        return None  # "many tax experts, including Mr. Gold,": still a mass of experts
    for child in head.children:
        if child.dep_ != "prep" or child.lower_ not in load_lexicon("source_member_markers"):
            continue
        for token in child.subtree:
            if token.pos_ != "PROPN":
                continue
            if token.ent_type_ == "PERSON" or token.lower_ in load_lexicon("person_titles"):
                return "named_person"
            if token.ent_type_ in {"ORG", "GPE"}:
                return "named_organization"
    return None


def near_the_matter(head: Token) -> bool:
    """People put near the matter by what follows the head ("familiar with the talks")."""
    if head.lower_ not in load_lexicon("source_proximity_heads"):
        return False
    after = head.doc[head.i + 1 : head.right_edge.i + 1].text.lower()
    return bool(after) and _proximity().search(after) is not None


@cache
def _proximity() -> re.Pattern:
    return compile_phrases(sorted(load_lexicon("source_proximity_phrases")))


def reports_a_body(doc: Doc) -> bool:
    """Does the article keep naming a committee, panel, caucus or hearing?"""
    return per_article(doc, ("body_mentions",), lambda: _body_mentions(doc)) >= BODY_MENTIONS


def _body_mentions(doc: Doc) -> int:
    bodies = load_lexicon("source_deliberative_bodies")
    return sum(1 for t in doc if t.lower_ in bodies)


def _named_body_modifier(head: Token) -> bool:
    """ "House Republicans", "Oversight Committee Democrats": members of a named body."""
    return any(
        c.dep_ in {"compound", "nmod"} and c.pos_ == "PROPN" and c.ent_type_ != "NORP"
        for c in head.children
    )


@cache
def _broad_scopes() -> re.Pattern:
    return compile_phrases(sorted(load_lexicon("source_broad_scopes")))
