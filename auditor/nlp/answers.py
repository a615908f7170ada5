"""One-word answers a speaker gives: 'Lee said yes', 'the mayor said no, no, no'.

The parser hangs "yes" and "no" on the verb of saying as interjections, not as its
object, so the passes that read objects and clauses find nothing said; yet the answer is
the content.
"""

from __future__ import annotations

from spacy.tokens import Token

from auditor.lexicon import load_lexicon
from auditor.nlp.cues import is_reporting_verb
from auditor.nlp.speaking import can_speak
from auditor.nlp.verb_subjects import subject_of

#: Words that are a whole answer on their own.
ANSWER_WORDS = load_lexicon("answer_words")


def answered_content(verb: Token) -> tuple[int, int] | None:
    """Token range of the answer a reporting verb reports: "Ann said [yes, yes, yes],
    over and over" (the answer words hung on the verb right after it, and what joins
    them); None when the verb has no such answer or no speaking subject."""
    if not is_reporting_verb(verb) or not can_speak(subject_of(verb)):
        return None
    answers = [c for c in verb.rights if c.dep_ in {"intj", "dobj"} and c.lower_ in ANSWER_WORDS]
    if not answers or answers[0].i != verb.i + 1:
        return None
    end = answers[0].i + 1
    for token in verb.doc[end:]:
        if token.lower_ in ANSWER_WORDS and token.head in {verb, *answers}:
            end = token.i + 1
        elif not (
            token.text == ","
            and token.i + 1 < len(verb.doc)
            and verb.doc[token.i + 1].lower_ in ANSWER_WORDS
        ):
            break
    return answers[0].i, end
