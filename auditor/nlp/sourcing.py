"""``auditor_sourcing``: a first source type for every attribution.

The type follows design.md's taxonomy and is read off the source's noun phrase: a
resolved person or organization, an outlet (secondary sourcing), a document, an unnamed
individual or group (anonymous), or a weasel-word source (vague). Compliance flags for
anonymous sources are added later by :mod:`auditor.sourcing`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from auditor.lexicon import load_lexicon
from auditor.nlp.cues import antecedent
from auditor.nlp.doctext import doc_tokens, forget
from auditor.nlp.extensions import register_extensions
from auditor.nlp.names import normalize_name

register_extensions()


@Language.factory("auditor_sourcing")
def make_source_classifier(nlp: Language, name: str) -> SourceClassifier:
    """Create the component; add it after ``auditor_speakers``."""
    return SourceClassifier()


class SourceClassifier:
    def __call__(self, doc: Doc) -> Doc:
        clusters = {c["id"]: c for c in (doc._.auditor_speakers or [])}
        token_at = {t.idx: t for t in doc_tokens(doc)}
        for attribution in doc._.auditor_attributions or []:
            offset = attribution.get("antecedent_head") or attribution.get("source_head")
            head = token_at.get(offset)
            if head is not None:
                head = antecedent(head)
            cluster = clusters.get(attribution.get("speaker"))
            attribution["source_type"] = classify_source(doc, head, cluster)
            if head is None and attribution.get("cue") and attribution["kind"] != "direct":
                # "It is said that ...", "X is expected to ...": a claim credited to nobody
                # in particular is a weasel attribution (MOS:WEASEL), not an unknown one.
                attribution["source_type"] = "vague"
        forget(doc)  # the last component: the shared token list has served
        return doc


def is_media_name(name: str) -> bool:
    """Is ``name`` a news outlet or agency ("The New York Times", "Interfax")?"""
    outlets = load_lexicon("media_outlets")
    return normalize_name(name).lower() in outlets


def classify_source(doc: Doc, head: Token | None, cluster: dict | None) -> str:
    """The source type of an attribution whose source phrase is headed by ``head``."""
    if head is None:
        return "unknown"
    phrase = doc[head.left_edge.i : head.right_edge.i + 1]
    phrase_words = {t.lower_ for t in phrase}
    lemma = head.lemma_.lower()
    if cluster is not None:
        if cluster["kind"] == "organization" and is_media_name(cluster["name"]):
            return "media"
        if head.pos_ == "NOUN" and lemma in load_lexicon("source_nouns_document"):
            return "media" if is_media_name(cluster["name"]) else "document"
        return "named_person" if cluster["kind"] == "person" else "named_organization"
    if head.pos_ == "NOUN" or (head.pos_ == "PROPN" and head.lower_ in _common_nouns()):
        if lemma in load_lexicon("source_nouns_document") or head.lower_ in load_lexicon(
            "source_nouns_document"
        ):
            # "a report by The New York Times" is the outlet's reporting.
            if _names_outlet(phrase):
                return "media"
            return "document"
        if lemma in load_lexicon("media_nouns"):
            return "media"
        if head.lower_ in load_lexicon("source_nouns_vague") or lemma in load_lexicon(
            "source_nouns_vague"
        ):
            return "vague"
        if head.lower_ in load_lexicon("source_nouns_anonymous") or lemma in load_lexicon(
            "source_nouns_anonymous"
        ):
            return "anonymous"
        if phrase_words & {"some", "many"}:
            return "vague"
        if lemma in load_lexicon("organization_words") and phrase_words & {"the", "its", "their"}:
            return "named_organization"  # "the river authority", "the ministry"
        return "unknown"
    if head.pos_ == "PROPN":
        if _names_outlet(phrase):
            return "media"
        if head.ent_type_ in {"GPE", "ORG", "NORP"}:
            return "named_organization"
        return "named_person"
    if head.pos_ == "PRON" and head.lower_ in load_lexicon("source_nouns_vague"):
        return "vague"
    return "unknown"


def _common_nouns() -> frozenset[str]:
    return (
        load_lexicon("source_nouns_document")
        | load_lexicon("source_nouns_vague")
        | load_lexicon("source_nouns_anonymous")
        | load_lexicon("media_nouns")
    )


def _names_outlet(phrase) -> bool:
    text = phrase.text
    for ent in phrase.ents:
        if is_media_name(ent.text):
            return True
    lowered = normalize_name(text).lower()
    outlets = [outlet for outlet in load_lexicon("media_outlets") if len(outlet) > 3]
    return any(f" {outlet} " in f" {lowered} " for outlet in outlets)
