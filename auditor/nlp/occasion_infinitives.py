"""Who speaks through an infinitive of saying that hangs on a noun of a chance or an
attempt: "[Lee] never misses a chance to tell voters ...", "[she] took the
chance to say ...". The noun (lexicon ``occasion_nouns_infinitive``) cannot speak; the
subject of the verb whose object it is does. Used by :func:`auditor.nlp.verb_subjects.subject_of`.
"""

from __future__ import annotations

from spacy.tokens import Token

from auditor.lexicon import load_lexicon
from auditor.nlp.labels import VERBAL_POS


def chance_host(infinitive: Token) -> Token | None:
    """The verb that takes the chance ``infinitive`` hangs on ("[missed] an opportunity
    to remind"), or None: for "a chance to win" on a subject, or any other noun."""
    if infinitive.dep_ != "acl" or not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in infinitive.children
    ):
        return None
    noun = infinitive.head
    if noun.lemma_.lower() not in load_lexicon("occasion_nouns_infinitive"):
        return None
    if noun.dep_ != "dobj" or noun.head.pos_ not in VERBAL_POS:
        return None
    return noun.head
