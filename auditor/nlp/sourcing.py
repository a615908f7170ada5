"""``auditor_sourcing``: a first source type for every attribution.

The type follows design.md's taxonomy and is decided here, once, from the source's
referent (see :mod:`auditor.nlp.source_phrase`): a resolved person or organization, an
outlet (secondary sourcing), a document, an unnamed individual or group (anonymous), or a
weasel-word source (vague). Later stages read it; compliance flags for anonymous sources
are added by :mod:`auditor.sourcing`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from auditor.nlp.doctext import doc_tokens, forget
from auditor.nlp.extensions import register_extensions
from auditor.nlp.source_names import is_media_name
from auditor.nlp.source_phrase import anonymity_stated, judge, referent

#: ``is_media_name`` is read by later stages from here.
__all__ = ["SourceClassifier", "classify_source", "is_media_name"]

register_extensions()


@Language.factory("auditor_sourcing")
def make_source_classifier(nlp: Language, name: str) -> SourceClassifier:
    """Create the component; add it after ``auditor_speakers``."""
    return SourceClassifier()


class SourceClassifier:
    def __call__(self, doc: Doc) -> Doc:
        clusters = {c["id"]: c for c in (doc._.auditor_speakers or [])}
        token_at = {t.idx: t for t in doc_tokens(doc)}
        names_people = any(c["kind"] == "person" for c in clusters.values())
        for attribution in doc._.auditor_attributions or []:
            offset = attribution.get("antecedent_head") or attribution.get("source_head")
            head = token_at.get(offset)
            cluster = clusters.get(attribution.get("speaker"))
            attribution["source_type"] = classify_source(
                doc, head, cluster, names_people, list(clusters.values())
            )
            if head is None and attribution.get("cue") and attribution["kind"] != "direct":
                # "It is said that ...", "X is expected to ...": a claim credited to nobody
                # in particular is a weasel attribution (MOS:WEASEL), not an unknown one.
                attribution["source_type"] = "vague"
        forget(doc)  # the last component: the shared token list has served
        return doc


def classify_source(
    doc: Doc,
    head: Token | None,
    cluster: dict | None,
    names_people: bool = True,
    clusters: list[dict] | None = None,
) -> str:
    """The source type of an attribution whose source phrase is headed by ``head``: the
    phrase's referent judged by its grammar (:mod:`auditor.nlp.source_phrase`)."""
    if head is None:
        return "unknown"
    head = referent(head)
    kind = judge(head, cluster, names_people, clusters)
    if kind in {"unknown", "vague"} and anonymity_stated(head):
        # "..., said a person who spoke on condition of anonymity"
        return "anonymous"
    return kind
