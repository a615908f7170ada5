"""Who speaks in a sentence framed by an act of speech: "In a statement issued Tuesday,
[Senator Ruiz] was more cautious than her colleagues" - the statement is Ruiz's, so she,
not the statement, is the source of what the sentence says she said.

Only nouns of spoken or written words a speaker issues (lexicon ``spoken_by_owner``:
"statement", "remarks", "interview") hand the sentence to its subject, and only a
subject that names someone (a name, or a person, organization or group entity). A poll,
report or study frames its own findings ("In the poll, 43 percent ...") and stays the
source.
"""

from __future__ import annotations

from spacy.tokens import Token

from auditor.lexicon import load_lexicon
from auditor.nlp.labels import SPEAKING_ENTITIES


def frame_speaker(preposition: Token, frame: Token) -> Token | None:
    """The named subject of the clause an "In <words>," phrase frames: "In a statement,
    [Lee] was cautious" -> "Lee"; ``None`` when the frame is no act of speech or the
    subject names nobody."""
    if frame.lemma_.lower() not in load_lexicon("spoken_by_owner"):
        return None
    verb = preposition.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.i < frame.i:
        return None
    if subject.pos_ != "PROPN" and subject.ent_type_ not in SPEAKING_ENTITIES:
        return None
    return subject
