"""News outlets recognized by what the phrase calls them, not only by name.

"the wire service X", "the television channel X", "the tabloid X", "the state news
agency X", "the Telegram channel X", "X, a newspaper": a proper name carrying one of the
descriptors of ``media_descriptors.txt`` is an outlet; a common noun of
``media_nouns.txt`` ("the newspaper", "state television") is one too. Names alone are
read by :func:`auditor.nlp.source_names.is_media_name`.
"""

from __future__ import annotations

from spacy.tokens import Token

from auditor.lexicon import load_lexicon
from auditor.nlp.labels import NOUN_PREMODIFIERS
from auditor.nlp.source_names import is_media_name


def is_media_noun(head: Token) -> bool:
    """ "the newspaper", "the network", "a state news agency"."""
    lemma = head.lemma_.lower()
    return (
        lemma in load_lexicon("media_nouns")
        or head.lower_ in load_lexicon("media_nouns")
        or bool(_descriptor_phrase(head) - {lemma} & load_lexicon("media_descriptors"))
    )



def names_outlet_by_descriptor(head: Token) -> bool:
    """An outlet named with its descriptor: "the wire service X", "the tabloid X",
    "X, a newspaper", "the Telegram channel X" -- or an outlet of the known list."""
    if head.pos_ != "PROPN":
        return False
    descriptors = load_lexicon("media_descriptors")
    described = [c for c in head.children if c.dep_ in {"appos", "compound", "nmod"}]
    if head.dep_ == "appos":
        described.append(head.head)
    for token in described:
        if token.pos_ == "NOUN" and _descriptor_phrase(token) & descriptors:
            return True
    before = [t for t in head.doc[head.left_edge.i : head.i] if t.pos_ in {"NOUN", "ADJ"}]
    if before and _words_phrases([t.lemma_.lower() for t in before]) & descriptors:
        return True
    return any(
        is_media_name(ent.text) for ent in head.doc.ents if ent.start <= head.i < ent.end
    )



def _descriptor_phrase(noun: Token) -> set[str]:
    """The noun's lemma with its modifiers ("news agency", "wire service")."""
    words = [c.lemma_.lower() for c in noun.lefts if c.dep_ in NOUN_PREMODIFIERS]
    return _words_phrases([*words, noun.lemma_.lower()])



def _words_phrases(words: list[str]) -> set[str]:
    """Each word and each pair of neighbouring words."""
    return set(words) | {f"{a} {b}" for a, b in zip(words, words[1:], strict=False)}
