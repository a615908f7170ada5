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
from auditor.nlp.raw import AttributionRecord
from auditor.nlp.source_names import forget_article, is_media_name
from auditor.nlp.source_phrase import anonymity_stated, judge
from auditor.nlp.source_referent import document_antecedent, referent

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
        attributions: list[AttributionRecord] = doc._.auditor_attributions or []
        for attribution in attributions:
            offset = attribution.get("antecedent_head") or attribution.get("source_head")
            head = token_at.get(offset)
            cluster = clusters.get(attribution.get("speaker"))
            pronoun = token_at.get(attribution.get("source_head"))
            said_before = attribution.get("antecedent_head")
            if pronoun is not None and said_before is None:
                said_before = _last_mention_before(cluster, pronoun)
            if pronoun is not None and document_antecedent(pronoun, said_before) is not None:
                attribution["source_type"] = "document"  # "The ad ran Monday. It says ..."
                continue
            attribution["source_type"] = classify_source(
                doc, head, cluster, names_people, list(clusters.values())
            )
            if head is None and attribution.get("cue") and attribution["kind"] != "direct":
                # "It is said that ...", "X is expected to ...": a claim credited to nobody
                # in particular is a weasel attribution (MOS:WEASEL), not an unknown one.
                attribution["source_type"] = "vague"
        forget(doc)  # the last component: the shared token list has served
        forget_article(doc)
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
    named = referent(head)
    if named is not head:
        cluster = _cluster_at(named, clusters or []) or cluster
    head = named
    kind = judge(head, cluster, names_people, clusters)
    if kind in {"unknown", "vague"} and anonymity_stated(head):
        # "..., said a person who spoke on condition of anonymity"
        return "anonymous"
    return kind


def _cluster_at(token: Token, clusters: list[dict]) -> dict | None:
    """The cluster one of whose mentions holds ``token``."""
    for cluster in clusters:
        if any(start <= token.idx < end for start, end in cluster["mentions"]):
            return cluster
    return None


def _last_mention_before(cluster: dict | None, token: Token) -> int | None:
    """Where ``cluster`` was last named before ``token`` (None if it was not)."""
    if cluster is None:
        return None
    starts = [start for start, _end in cluster["mentions"] if start < token.idx]
    return max(starts, default=None)
