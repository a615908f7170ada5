"""The verb whose subject does what a gerund after "of" reports, when the of-phrase
completes the verb's object: "[voters] will have [no way] of knowing how much he pays",
"[she] has made [a habit] of saying ...", "[the two] never seem to [tire] of telling the
story" (the parser may read the verb "tire" as a noun).

The gerund's owner is then the verb's subject, found as for any cue. A noun that is not
the verb's object or complement ("the risk of saying", "spoke of the importance of
telling") and an "of" on the verb itself ("accused him of lying": the one accused lies)
give no host.
"""

from __future__ import annotations

from spacy.tokens import Token

from auditor.nlp.labels import VERBAL_POS


def noun_gerund_host(gerund: Token) -> Token | None:
    """The verb a gerund's "of"-phrase completes through its object: "[have] no way of
    [knowing]" -> "have"; ``None`` for any other gerund."""
    if gerund.dep_ != "pcomp" or gerund.tag_ != "VBG":
        return None
    preposition = gerund.head
    if preposition.dep_ != "prep" or preposition.lower_ != "of":
        return None
    noun = preposition.head
    if noun.pos_ != "NOUN" or noun.dep_ not in {"dobj", "xcomp"} or noun.i > gerund.i:
        return None
    host = noun.head
    return host if host.pos_ in VERBAL_POS and host != noun else None
