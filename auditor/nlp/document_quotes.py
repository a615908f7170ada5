"""A quotation with no cue of its own, followed by the document that holds it: '"We see
hope," the letter reads', '"...," read the sign'. Part of the direct-quote pass
(:data:`auditor.nlp.passes.PASSES`): a quotation :func:`auditor.nlp.direct.direct_attribution`
finds no cue for is the document's, not the last speaker's.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from auditor.lexicon import load_lexicon
from auditor.nlp.cues import cue_tokens, verb_lemma
from auditor.nlp.documents import is_document
from auditor.nlp.labels import VERB_COMPLEMENTS
from auditor.nlp.raw import RawAttribution
from auditor.nlp.verb_subjects import subject_bounds, subject_of

#: How many words after a quotation a document's verb of holding words may end
#: ('"...," the campaign's new letter reads').
_READ_GAP = 5


def document_reading_quote(doc: Doc, quote: dict, qid: int) -> RawAttribution | None:
    """A quotation followed by a document that holds it: '"We see hope," the letter
    reads', '"...," read the sign'. The verb is one by which a text holds words (lexicon
    ``source_document_verbs``), has a document as subject and no object of its own; the
    quotation is then the document's, not the last speaker's."""
    after = next((t.i for t in doc if t.idx >= quote["end"]), None)
    if after is None:
        return None
    words = 0
    for token in doc[after : min(len(doc), after + 3 * _READ_GAP)]:
        if token.is_quote or (token.is_punct and token.text not in {",", "—", "-"}):
            return None  # the sentence ends, or another quotation starts
        if token.is_alpha:
            words += 1
        if words > _READ_GAP:
            return None
        if token.pos_ == "VERB" and verb_lemma(token) in load_lexicon("source_document_verbs"):
            return _read_by_document(token, quote, qid)
    return None



def _read_by_document(verb: Token, quote: dict, qid: int) -> RawAttribution | None:
    """The attribution of quotation ``qid`` to the document subject of ``verb``, if it
    is one and the verb has no object of its own ("the letter lists three demands")."""
    subject = subject_of(verb)
    if not is_document(subject) or subject.idx < quote["end"]:
        return None
    if any(c.dep_ in VERB_COMPLEMENTS and c.i > verb.i for c in verb.children):
        return None
    cue = cue_tokens(verb)
    return RawAttribution(
        kind="direct",
        content=(quote["start"], quote["end"]),
        cue=(cue[0].idx, cue[-1].idx + len(cue[-1])),
        cue_head=verb.idx,
        source=subject_bounds(subject, verb),
        source_head=subject.idx,
        quote_ids=[qid],
    )
