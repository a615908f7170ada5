"""``auditor_attributions``: who said what, as cue / source / content character spans.

Passes over a parsed document, in this order; each lives in its own module:

1. direct quotes (:mod:`auditor.nlp.direct`): every quotation found by ``auditor_quotes``
   gets the reporting verb that governs it or sits beside it ("...,' said X", "X said:
   '...'", "'...,' X added"), or a dash signature; halves around one cue are joined; a
   quotation followed by the document that holds it ('"...," the letter reads') is the
   document's (:mod:`auditor.nlp.documents`);
2. reported speech (:mod:`auditor.nlp.reported`): a verb of saying, thinking or stance
   with what it reports ("Pushilin confirmed that ...", "accused the bank of fraud",
   "vowed to appeal", "is said to have resigned"); a content that holds a quotation is
   a mixed quote; content spans are drawn by :mod:`auditor.nlp.content`, who can speak
   is :mod:`auditor.nlp.speaking`; verdicts in the agentless passive
   (:mod:`auditor.nlp.judging`), documents that set out what they hold
   (:mod:`auditor.nlp.documents`) and verbs of regarding (:mod:`auditor.nlp.regarding`)
   have modules of their own;
3. "according to X": the clause the phrase is attached to; polls, estimates and
   documents named by a preposition ("fared well in online polls", "by one estimate",
   "as stated in the report"; :mod:`auditor.nlp.document_phrases`);
4. noun and predicate cues (:mod:`auditor.nlp.nominal`): "his claim that ...", "In a
   statement, ...", "has been critical of ..."; owned nouns with a topic
   (:mod:`auditor.nlp.topical`): "Ruiz's comments on the shooting"; owned claims
   stated with "is that" (:mod:`auditor.nlp.copular_claims`): "her bet is that ...";
   judgements given
   and received (:mod:`auditor.nlp.given_judgements`): "faced criticism from X"; idioms
   of saying (:mod:`auditor.nlp.saying_idioms`): "had little to say about X";
5. headlines and transcripts (:mod:`auditor.nlp.headlines`): "Name: words", "..., City
   Says", title-case headlines re-parsed in sentence case;
6. quoted words under any verb (:mod:`auditor.nlp.quoted`): a quotation left over, in
   the object of a verb whose subject can speak, is that subject's ("Tasker pounded Marsh
   as a "con artist"");
7. floating quotes (:mod:`auditor.nlp.floating`): a quoted sentence with no cue of its
   own goes on with, or inherits the speaker of, the attribution just before it.

The passes and their order are listed once, in :data:`auditor.nlp.passes.PASSES`, with
the rule for a later pass meeting an earlier one's content
(:func:`auditor.nlp.passes.blocked_by_earlier`). Overlapping results are settled last
(:func:`_drop_overlaps`): one attribution per stretch of content, except that an
attribution may sit inside another's content with its own cue ("X said that Y claimed
Z"). Results are plain dicts on ``doc._.auditor_attributions`` (see
:class:`~auditor.nlp.raw.RawAttribution`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from auditor.nlp.direct import MIN_QUOTE_WORDS
from auditor.nlp.doctext import doc_text
from auditor.nlp.extensions import register_extensions
from auditor.nlp.floating import attach_floating
from auditor.nlp.headlines import headline_bounds, sentence_cased
from auditor.nlp.non_attributions import without_non_attributions
from auditor.nlp.passes import PassState, find_in_order
from auditor.nlp.raw import ChosenRanges, QuoteIndex, RawAttribution
from auditor.nlp.repairs.rereading import model_reading
from auditor.nlp.source_asides import without_attributed_asides
from auditor.nlp.source_edges import tidy_source_edges

register_extensions()

__all__ = ["AttributionFinder", "RawAttribution", "find_attributions"]


@Language.factory(
    "auditor_attributions",
    default_config={"min_quote_words": MIN_QUOTE_WORDS, "floating_quotes": True},
)
def make_attribution_finder(
    nlp: Language, name: str, min_quote_words: int, floating_quotes: bool
) -> AttributionFinder:
    """Create the component; it needs ``auditor_quotes`` and a dependency parser before it.

    >>> nlp.add_pipe("auditor_quotes"); nlp.add_pipe("auditor_attributions")
    >>> doc = nlp('"We will rebuild," Mayor Ana Ruiz said.')
    >>> doc._.auditor_attributions[0]["kind"]
    'direct'
    """
    return AttributionFinder(
        min_quote_words=min_quote_words, floating_quotes=floating_quotes, nlp=nlp
    )


class AttributionFinder:
    """The component: runs the passes and stores plain dicts on the doc.

    With ``nlp``, a title-case headline is re-parsed in sentence case by the pipeline's
    own tagger and parser (see :mod:`auditor.nlp.headlines`).
    """

    def __init__(
        self,
        min_quote_words: int = MIN_QUOTE_WORDS,
        floating_quotes: bool = True,
        nlp: Language | None = None,
    ):
        self.min_quote_words = min_quote_words
        self.floating_quotes = floating_quotes
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        reparse = self._reparse if self.nlp is not None else None
        return self._find(doc, reparse)

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128, **_: object) -> Iterator[Doc]:
        """``__call__`` over a stream; the headlines of a batch are re-parsed together
        (one pass of the model over all of them costs a fraction of one pass each)."""
        for batch in minibatch(docs, size=batch_size):
            parsed = self._reparse_headlines(batch) if self.nlp is not None else {}

            def reparse(text: str, parsed=parsed) -> Doc:
                return parsed[text] if text in parsed else self._reparse(text)

            for doc in batch:
                yield self._find(doc, reparse if self.nlp is not None else None)

    def _find(self, doc: Doc, reparse: Callable[[str], Doc] | None) -> Doc:
        quotes = doc._.auditor_quotes or []
        found = find_attributions(
            doc, quotes, self.min_quote_words, self.floating_quotes, reparse=reparse
        )
        doc._.auditor_attributions = [a.to_dict() for a in found]
        return doc

    def _reparse(self, text: str) -> Doc:
        """``text`` through the pipeline's components that come before the auditor's."""
        return self._reparse_all([text])[0]

    def _reparse_headlines(self, docs: list[Doc]) -> dict[str, Doc]:
        """Sentence-cased title-case headline -> its parse, for the docs that have one."""
        lines = []
        for doc in docs:
            text = doc_text(doc)
            bounds = headline_bounds(text)
            if bounds is not None:
                lines.append(sentence_cased(text[: bounds[1]]))
        lines = list(dict.fromkeys(lines))
        return dict(zip(lines, self._reparse_all(lines), strict=True))

    def _reparse_all(self, texts: list[str]) -> list[Doc]:
        assert self.nlp is not None
        return model_reading(self.nlp, texts)


def find_attributions(
    doc: Doc,
    quotes: list[dict],
    min_quote_words: int = MIN_QUOTE_WORDS,
    floating_quotes: bool = True,
    reparse: Callable[[str], Doc] | None = None,
) -> list[RawAttribution]:
    """All attributions in ``doc`` given its quotations (dicts as in ``Quote.to_dict``).

    ``reparse`` parses a piece of text; given, a title-case headline is read again in
    sentence case."""
    index = QuoteIndex(quotes, doc_text(doc))
    state = PassState(doc, quotes, index, min_quote_words, reparse)
    found = find_in_order(state)  # the passes, in the order PASSES lists them
    pending_floating = state.pending_floating
    found.sort(key=lambda a: a.content[0])
    if floating_quotes:
        found = attach_floating(doc, quotes, pending_floating, found)
    else:
        found.extend(
            RawAttribution("direct", (quotes[q]["start"], quotes[q]["end"]), quote_ids=[q])
            for q in pending_floating
        )
    found = without_non_attributions(doc, found)  # "It is worth noting that ..."
    found.sort(key=lambda a: a.content[0])
    return tidy_source_edges(doc, without_attributed_asides(doc, _drop_overlaps(found)))


def _nested(a: RawAttribution, b: RawAttribution) -> bool:
    """One attribution sits inside the other's content, cue and all."""
    for inner, outer in ((a, b), (b, a)):
        if inner.in_excerpt and outer.content[0] <= inner.content[0] < outer.content[1]:
            return True  # a quotation within a pasted excerpt keeps its own speaker
        if inner.cue is not None and _in_frame(inner.cue[0], outer):
            return True  # '"A," said Lee, speaking of the vote. "B."': an aside in the frame
        if inner.cue is not None and outer.content[0] <= inner.cue[0] < outer.content[1]:
            # "pledged to impose sanctions over what it called "a clear threat"": the
            # inner quote keeps its own cue, the outer claim holds it.
            if inner.kind in {"indirect", "mixed", "direct"} and outer.kind in {
                "indirect",
                "mixed",
                "according_to",
            }:
                return True
    return False


def _in_frame(offset: int, outer: RawAttribution) -> bool:
    """``offset`` lies in ``outer``'s content but between its recorded parts: in the cue
    and source that frame a quote resumed after them."""
    if not outer.parts or not outer.content[0] <= offset < outer.content[1]:
        return False
    return not any(start <= offset < end for start, end in outer.parts)


def _drop_overlaps(found: list[RawAttribution]) -> list[RawAttribution]:
    """Keep one attribution per stretch of content: the first pass that claimed it wins,
    except that an attribution with a source beats one without, and then one with a cue
    beats one without ("in what is being called a "pay to play" scheme": the verdict,
    not the bare quotation)."""
    priority = {"direct": 0, "mixed": 1, "indirect": 2, "according_to": 3, "floating": 4}
    kept: ChosenRanges[RawAttribution] = ChosenRanges(a.content for a in found)
    for candidate in sorted(
        found,
        key=lambda a: (a.source is None, a.cue is None, priority.get(a.kind, 9), a.content[0]),
    ):
        if not any(_clash(candidate, other) for other in kept.overlapping(candidate.content)):
            kept.add(candidate.content, candidate)
    return sorted(kept.items(), key=lambda a: a.content[0])


def _clash(candidate: RawAttribution, other: RawAttribution) -> bool:
    """Two overlapping attributions cannot both stand: they share a cue, or overlap by
    half the shorter one without one sitting inside the other."""
    inter = min(candidate.content[1], other.content[1]) - max(
        candidate.content[0], other.content[0]
    )
    shorter = min(
        candidate.content[1] - candidate.content[0],
        other.content[1] - other.content[0],
    )
    same_cue = candidate.cue_head is not None and candidate.cue_head == other.cue_head
    if not same_cue and _nested(candidate, other):
        return False  # "X said that Y claimed Z": both are attributions
    return same_cue or inter >= 0.5 * shorter
