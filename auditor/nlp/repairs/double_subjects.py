"""A verb the parser gave two subjects, one of them misread: "[His promises to cut taxes]
notwithstanding, [independent analyses] agree ...", "The Latest: [Marsh] urges ...", "one
of the reasons [that] [Marsh] refuses ...". The nearer subject is the real one when the
farther is a fronted phrase (closed by a word in ``fronted_phrase_closers``), a label
before a colon, or a relative "that"/"which" right before it. Otherwise the farther one
stays first: "[Ban Ki-moon], [the secretary general], vowed ..." (an apposition) and
"[The family], [protesters] and civic leaders have been demanding ..." (a list).
"""

from __future__ import annotations

from spacy.tokens import Token

from auditor.lexicon import load_lexicon
from auditor.nlp.labels import NOMINAL_SUBJECTS

#: Relative words the parser may take for a subject right before the real one.
RELATIVE_WORDS = {"that", "which"}


def nearest_subject_first(verb: Token) -> list[Token]:
    """The verb's dependents, the nearer of two subjects first when the farther one is
    misread (see the module); otherwise in their order."""
    children = list(verb.children)
    subjects = [c for c in children if c.dep_ in NOMINAL_SUBJECTS and c.i < verb.i]
    if len(subjects) != 2 or not _misread_subject(*subjects):
        return children
    farther, nearer = subjects
    return [nearer] + [c for c in children if c is not nearer]


def _misread_subject(farther: Token, nearer: Token) -> bool:
    doc = farther.doc
    between = doc[farther.right_edge.i + 1 : nearer.left_edge.i]
    if farther.lower_ in RELATIVE_WORDS and not len(between):
        return True  # "reasons [that] Marsh refuses": an object relative
    if any(t.text == ":" for t in between):
        return True  # "The Latest: Marsh urges"
    closer = doc[farther.right_edge.i]
    return closer.lower_ in load_lexicon("fronted_phrase_closers")
