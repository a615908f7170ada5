"""``auditor_speakers``: cluster the mentions of each person and organization and resolve
every attribution's source to one of them.

A full name opens a cluster ("Denis Pushilin"); a surname ("Pushilin"), a variant spelling
("Zelenskyi" for "Zelenskyy"), an acronym ("ISW" for the Institute for the Study of War),
a role that matches the description ("the DPR leader" for "the head of the Donetsk
People's Republic") and a pronoun ("he", "it") join the nearest compatible cluster (the
clusters: :mod:`auditor.nlp.speaker_clusters`). Here each attribution is given its
speaker: "he said" goes on with the person quoted last in the paragraph, "they" with the
group named last.
"""

from __future__ import annotations

import bisect

from spacy.language import Language
from spacy.tokens import Doc, Token

from auditor.nlp.doctext import doc_text, doc_tokens
from auditor.nlp.extensions import register_extensions
from auditor.nlp.labels import PLURAL_NOUN_TAGS
from auditor.nlp.pronouns import GROUP
from auditor.nlp.raw import AttributionRecord
from auditor.nlp.speaker_clusters import PERSON_PRONOUNS, SPELLING_SIMILARITY, Cluster, ClusterBook
from auditor.nlp.speaker_mentions import label_votes, name_heads, plain_source_name
from auditor.nlp.speaker_traits import PRONOUN_GENDER
from auditor.nlp.verb_subjects import antecedent

register_extensions()

GROUP_PRONOUNS = GROUP


@Language.factory("auditor_speakers", default_config={"spelling_similarity": SPELLING_SIMILARITY})
def make_speaker_resolver(
    nlp: Language, name: str, spelling_similarity: float
) -> SpeakerResolver:
    """Create the component; add it after ``auditor_attributions``."""
    return SpeakerResolver(spelling_similarity)


class SpeakerResolver:
    def __init__(self, spelling_similarity: float = SPELLING_SIMILARITY):
        self.spelling_similarity = spelling_similarity

    def __call__(self, doc: Doc) -> Doc:
        attributions: list[AttributionRecord] = doc._.auditor_attributions or []
        clusters = resolve_speakers(doc, attributions, self.spelling_similarity)
        doc._.auditor_speakers = [c.to_dict() for c in clusters]
        return doc


def resolve_speakers(
    doc: Doc, attributions: list[AttributionRecord], similarity: float = SPELLING_SIMILARITY
) -> list[Cluster]:
    """Build clusters from the named mentions in ``doc`` and set ``speaker`` (a cluster id,
    or None) and ``speaker_name`` / ``speaker_description`` on each attribution dict."""
    book = ClusterBook(similarity, label_votes(doc))
    sources = {
        a["source_head"]: tuple(a["source"])
        for a in attributions
        if a.get("source_head") is not None and a.get("source")
    }
    token_at = {t.idx: t for t in doc_tokens(doc)}
    for token in name_heads(doc, {token_at[h] for h in sources if h in token_at}):
        book.add_name(token, within=sources.get(token.idx))

    newlines = [i for i, ch in enumerate(doc_text(doc)) if ch == "\n"]
    # content start -> attributions, for inheritance
    by_start: dict[int, list[AttributionRecord]] = {}
    for attribution in attributions:
        by_start.setdefault(attribution["content"][0], []).append(attribution)
    previous_group: AttributionRecord | None = None
    previous_person: tuple[Cluster, int] | None = None  # last person speaker, paragraph
    for attribution in sorted(attributions, key=lambda a: a["content"][0]):
        head = token_at.get(attribution.get("source_head"))
        cluster = None
        if (
            head is not None
            and head.lower_ in PERSON_PRONOUNS
            and previous_person is not None
            and previous_person[1] == _paragraph(newlines, head.idx)
            and previous_person[0].gender in {None, PRONOUN_GENDER.get(head.lower_)}
        ):
            # "he said" goes on with the person quoted last in the paragraph, even when
            # someone else was mentioned in between.
            cluster = previous_person[0]
        elif head is not None:
            source = attribution.get("source")
            cluster = book.resolve(head, within=tuple(source) if source else None)
        if cluster is None and attribution.get("inherited_from") is not None:
            cluster = next(
                (
                    book.by_id(a["speaker"])
                    for a in by_start.get(attribution["inherited_from"], ())
                    if a.get("speaker")
                ),
                None,
            )
        attribution["speaker"] = cluster.id if cluster else None
        _name_speaker(attribution, cluster, head, previous_group)
        if cluster is not None and cluster.kind == "person" and head is not None:
            previous_person = (cluster, _paragraph(newlines, head.idx))
        if head is not None and (
            head.tag_ in PLURAL_NOUN_TAGS or any(c.dep_ == "conj" for c in head.children)
        ):
            # Only once named may a group be referred back to: "they and the developers"
            # is a group but not its own antecedent.
            previous_group = attribution
    return book.clusters


def _name_speaker(
    attribution: AttributionRecord,
    cluster: Cluster | None,
    head: Token | None,
    previous_group: AttributionRecord | None,
) -> None:
    """Set ``speaker_name`` / ``speaker_description`` (and, for "they", the group's head
    as ``antecedent_head``) on ``attribution``."""
    if cluster is not None:
        attribution["speaker_name"] = cluster.name
        attribution["speaker_description"] = cluster.description
    elif head is not None and head.lower_ in {"they", "them"} and previous_group:
        # "Officials and experts have said ... They say ...": the group speaks on.
        attribution["speaker_name"] = previous_group["speaker_name"]
        attribution["speaker_description"] = previous_group["speaker_description"]
        attribution["antecedent_head"] = previous_group["source_head"]
    elif head is not None:
        attribution["speaker_name"] = plain_source_name(antecedent(head))
        attribution["speaker_description"] = None
    else:
        attribution["speaker_name"] = None
        attribution["speaker_description"] = None


def _paragraph(newlines: list[int], offset: int) -> int:
    """The number of the paragraph holding ``offset``, given the newline offsets."""
    return bisect.bisect_left(newlines, offset)


