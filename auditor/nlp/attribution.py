"""``auditor_attributions``: who said what, as cue / source / content character spans.

Four passes over a parsed document, in this order, each claiming what it finds:

1. direct quotes: every quotation found by ``auditor_quotes`` gets the reporting verb that
   governs it or sits beside it ("...,' said X", "X said: '...'", "'...,' X added"), or
   an "according to X" next to it;
2. reported speech: a reporting verb with a clausal complement ("Pushilin confirmed that
   ...", "He estimates that ..."); a complement that holds a quotation is a mixed quote;
3. "according to X": the clause the phrase is attached to;
4. floating quotes: a quoted sentence with no cue of its own inherits the speaker of the
   attribution just before it in the same or the previous paragraph.

Results are plain dicts on ``doc._.auditor_attributions`` (see :class:`RawAttribution`).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Token

from auditor.lexicon import load_lexicon
from auditor.nlp.content import (
    inside_reported_clause,
    is_content_verb,
    makes_clear,
    preposition_of_cue,
    raised_content,
    reported_content,
    word_count,
)
from auditor.nlp.cues import (
    cue_tokens,
    is_reporting_verb,
    reporting_verbs,
    subject_bounds,
    subject_of,
    trimmed_bounds,
)
from auditor.nlp.extensions import register_extensions
from auditor.nlp.headlines import headline_bounds, sentence_cased
from auditor.nlp.nominal import (
    framed_attributions,
    noun_cue_attributions,
    predicate_stance_attributions,
)
from auditor.nlp.raw import QuoteIndex, RawAttribution, overlaps

register_extensions()

#: A quotation shorter than this many words, inside a sentence, is read as a scare quote
#: or a title ("a 'buffer zone'") unless a reporting verb governs it.
MIN_QUOTE_WORDS = 4
#: How many tokens after a closing quotation mark a cue may start ("', said X").
MAX_CUE_GAP_AFTER = 4
#: How far a cue may follow when everything before it is the speaker's name and title
#: ('", Tulsa police Chief Chuck Jordan said').
MAX_CUE_GAP_AFTER_NAME = 12
#: How many tokens before an opening quotation mark a cue may end ("X said: '").
MAX_CUE_GAP_BEFORE = 3
#: How a quotation's words may hang on the verb that reports them.
GOVERNED_DEPS = {"ccomp", "parataxis", "dobj", "xcomp", "csubj", "advcl", "conj", "ROOT"}


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
        quotes = doc._.auditor_quotes or []
        reparse = self._reparse if self.nlp is not None else None
        found = find_attributions(
            doc, quotes, self.min_quote_words, self.floating_quotes, reparse=reparse
        )
        doc._.auditor_attributions = [a.to_dict() for a in found]
        return doc

    def _reparse(self, text: str) -> Doc:
        """``text`` through the pipeline's components that come before the auditor's."""
        assert self.nlp is not None
        doc = self.nlp.make_doc(text)
        for name, component in self.nlp.pipeline:
            if name.startswith("auditor_") and name != "auditor_paragraphs":
                break
            doc = component(doc)
        return doc


# --------------------------------------------------------------------------- passes


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
    index = QuoteIndex(quotes, doc.text)
    found: list[RawAttribution] = []
    used_cues: set[int] = set()
    pending_floating: list[int] = []

    for qid, quote in enumerate(quotes):
        attribution = _direct_attribution(doc, index, qid, quote, min_quote_words)
        if attribution is _PART_OF_REPORTED_SPEECH:
            continue
        if attribution is None:
            if _is_standalone_quote(doc, quote, min_quote_words):
                pending_floating.append(qid)
            continue
        found.append(attribution)
        if attribution.cue_head is not None:
            used_cues.add(attribution.cue_head)
    found = _join_halves(index.text, found)

    for attribution in _reported_speech(doc, index, used_cues):
        found.append(attribution)

    for attribution in _according_to(doc, index, found):
        found.append(attribution)

    found.extend(noun_cue_attributions(doc, index))
    found.extend(predicate_stance_attributions(doc, index))
    for attribution in framed_attributions(doc, index):
        # "In a statement, the ministry said ...": the verb's attribution says it all.
        if not any(overlaps(a.content, attribution.content) for a in found):
            found.append(attribution)

    for attribution in _speaker_colon(doc, found):
        found.append(attribution)

    for attribution in _headline_tail(doc, found):
        found.append(attribution)

    if reparse is not None:
        for attribution in _title_case_headline(doc, index, reparse):
            if not any(overlaps(a.content, attribution.content) for a in found):
                found.append(attribution)

    _headline_runs_to_line_end(doc, found)
    found.sort(key=lambda a: a.content[0])
    if floating_quotes:
        found = _attach_floating(doc, quotes, pending_floating, found)
    else:
        found.extend(
            RawAttribution("direct", (quotes[q]["start"], quotes[q]["end"]), quote_ids=[q])
            for q in pending_floating
        )
    found.sort(key=lambda a: a.content[0])
    return _drop_overlaps(found)


def _join_halves(text: str, found: list[RawAttribution]) -> list[RawAttribution]:
    """'"On this basis," the analyst said, "unemployment is higher."': both halves took
    the one cue between them; they are one attribution."""
    joined: list[RawAttribution] = []
    for attribution in found:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and attribution.cue_head is not None
            and previous.cue_head == attribution.cue_head
            and _continues(text, previous, {"start": attribution.content[0],
                                            "end": attribution.content[1]})
        ):
            previous.content = (previous.content[0], attribution.content[1])
            previous.quote_ids.extend(attribution.quote_ids)
            continue
        joined.append(attribution)
    return joined


def _quote_tokens(doc: Doc, quote: dict) -> tuple[int, int]:
    span = doc.char_span(quote["start"], quote["end"], alignment_mode="expand")
    if span is None:  # pragma: no cover - expand mode always yields a span for valid offsets
        return 0, 0
    return span.start, span.end


def _is_standalone_quote(doc: Doc, quote: dict, min_words: int) -> bool:
    """A quotation long enough to be someone's words rather than a scare quote or title."""
    start, end = _quote_tokens(doc, quote)
    words = word_count(doc, start, end)
    if words >= min_words:
        return True
    # A short quote that is a whole sentence on its own ("'Never.'") still counts.
    previous = next((t for t in reversed(doc[:start]) if not t.is_space), None)
    return words >= 1 and (previous is None or previous.text[-1] in ".!?")


#: Marks a quotation that is only part of what a verb reports (a mixed quote).
_PART_OF_REPORTED_SPEECH = RawAttribution("mixed", (0, 0))


def _direct_attribution(
    doc: Doc, index: QuoteIndex, qid: int, quote: dict, min_words: int
) -> RawAttribution | None:
    q_start, q_end = _quote_tokens(doc, quote)
    if q_end <= q_start:
        return None
    verb = _governing_verb(doc, index, qid, q_start, q_end)
    if verb is None:
        verb = _adjacent_verb(doc, index, q_start, q_end)
    if verb is None:
        return _dash_attribution(doc, qid, quote, q_end)
    if not _is_standalone_quote(doc, quote, min_words) and not _spoken_sentence(
        doc, verb, q_start, q_end
    ):
        return None  # a scare quote or a title: the reported-speech pass may take it as mixed
    if _paraphrase_around(doc, verb, q_start, q_end):
        return _PART_OF_REPORTED_SPEECH
    subject = subject_of(verb)
    cue = cue_tokens(verb)
    attribution = RawAttribution(
        kind="direct",
        content=(quote["start"], quote["end"]),
        cue=(cue[0].idx, cue[-1].idx + len(cue[-1])),
        cue_head=verb.idx,
        quote_ids=[qid],
    )
    if subject is not None and index.inside(subject) is None:
        attribution.source = subject_bounds(subject, verb)
        attribution.source_head = subject.idx
    return attribution


def _spoken_sentence(doc: Doc, verb: Token, q_start: int, q_end: int) -> bool:
    """A short quote that is a whole utterance the verb reports: 'chanted "What
    curfew?"', 'she said, "Never."' (a sentence mark inside the quote, object of the
    verb)."""
    inner = [t for t in doc[q_start:q_end] if not (t.is_quote or t.is_space)]
    if not inner or inner[-1].text not in {"?", "!", "."}:
        return False
    return any(t.head == verb and t.dep_ in {"dobj", "ccomp", "npadvmod"} for t in inner) or any(
        t.i < q_start and t.text in {",", ":"} for t in doc[verb.i + 1 : q_start]
    )


DASHES = {"―", "—", "–", "--"}


def _dash_attribution(doc: Doc, qid: int, quote: dict, q_end: int) -> RawAttribution | None:
    """A quotation signed with a dash: '"We need law and order." ― Maria Lopez, 34'.

    Read off the characters, because the tokenizer may glue a dash to the closing mark
    ('.”― Maria Lopez')."""
    window = doc[max(q_end - 1, 0) : min(q_end + 6, len(doc))]
    base, text = window.start_char, window.text
    dash_at = quote["end"] - base
    while 0 <= dash_at < len(text) and text[dash_at].isspace() and text[dash_at] != "\n":
        dash_at += 1
    dash = next((d for d in DASHES if dash_at >= 0 and text.startswith(d, dash_at)), None)
    if dash is None:
        return None
    dash_end = dash_at + len(dash)
    first = next((t for t in window if t.idx - base >= dash_end and not t.is_space), None)
    if first is None or first.pos_ != "PROPN" or "\n" in text[dash_end : first.idx - base]:
        return None
    dash_at, dash_end = dash_at + base, dash_end + base
    # The name runs over the proper nouns after the dash; its head is the last of them.
    last = first
    while last.i + 1 < len(doc) and doc[last.i + 1].pos_ == "PROPN":
        last = doc[last.i + 1]
    return RawAttribution(
        kind="direct",
        content=(quote["start"], quote["end"]),
        cue=(dash_at, dash_end),
        source=(first.idx, last.idx + len(last)),
        source_head=last.idx,
        cue_head=dash_at,
        quote_ids=[qid],
    )


def _paraphrase_around(doc: Doc, verb: Token, q_start: int, q_end: int) -> bool:
    """What the verb reports holds the quote and several words of paraphrase besides:
    'said that the campaign was "taking a close look" at provisions' and 'praised the mayor
    for "bold new ideas"' are mixed quotes."""
    content = reported_content(verb)
    if content is None:
        return False
    start, end = content
    # The quote's words, not its marks or final punctuation, which the parser often
    # hangs on the reporting verb.
    words = [t.i for t in doc[q_start:q_end] if not (t.is_punct or t.is_space)]
    if not words or not (start <= words[0] and words[-1] < end):
        return False
    outside = [
        t for t in doc[start:end]
        if not (q_start <= t.i < q_end) and (t.is_alpha or t.like_num) and t.lower_ != "that"
    ]
    return len(outside) >= 3


def _governing_verb(
    doc: Doc, index: QuoteIndex, qid: int, q_start: int, q_end: int
) -> Token | None:
    """A reporting verb outside the quote that a token inside it depends on."""
    for token in doc[q_start:q_end]:
        head = token.head
        if token.dep_ not in GOVERNED_DEPS:
            continue
        if head.i < q_start or head.i >= q_end:
            if is_reporting_verb(head) and index.inside(head) is None:
                if _within_reach(doc, head, q_start, q_end):
                    return head
    return None


def _within_reach(doc: Doc, verb: Token, q_start: int, q_end: int) -> bool:
    """The verb is in the sentence right around the quote, not clauses away."""
    if verb.i >= q_end:
        between = doc[q_end : verb.i]
    else:
        between = doc[verb.i + 1 : q_start]
    return len(between) <= 12 and not any(t.text in {".", "!", "?"} for t in between)


def _adjacent_verb(doc: Doc, index: QuoteIndex, q_start: int, q_end: int) -> Token | None:
    """A reporting verb right after the quote ("', said X") or right before it ("X said: '")."""
    if _cue_may_follow(doc, q_start, q_end):
        gap = 0
        i = q_end
        while i < len(doc) and gap <= MAX_CUE_GAP_AFTER_NAME:
            token = doc[i]
            if _stops_search(token, index):
                break
            if is_reporting_verb(token) and token.pos_ == "VERB":
                subject = subject_of(token)
                # '"...," the ISW said' / '"...," said X': the speaker follows the quote,
                # and a long name between quote and verb must be that speaker's.
                if subject is not None and subject.i >= q_end and (
                    gap <= MAX_CUE_GAP_AFTER or _only_subject_between(doc, q_end, token)
                ):
                    return token
                return None
            if not token.is_punct:
                gap += 1
            i += 1
    if _cue_may_precede(doc, q_start):
        gap = 0
        i = q_start - 1
        while i >= 0 and gap <= MAX_CUE_GAP_BEFORE:
            token = doc[i]
            if _stops_search(token, index):
                break
            if is_reporting_verb(token) and token.pos_ == "VERB":
                return token
            if not token.is_punct:
                gap += 1
            i -= 1
    return _introduced_by_colon(doc, index, q_start)


def _introduced_by_colon(doc: Doc, index: QuoteIndex, q_start: int) -> Token | None:
    """A paragraph that ends "X said:" or "The Times reports:" introduces the quotation
    that opens the next paragraph."""
    previous = next((t for t in reversed(doc[:q_start]) if not t.is_space), None)
    if previous is None or previous.text != ":" or index.inside(previous) is not None:
        return None
    between = doc[previous.i + 1 : q_start]
    if not any("\n" in t.text or "\n" in t.whitespace_ for t in [previous, *between]):
        return None  # within the paragraph, the search above had its chance
    verbs = [t for t in previous.sent if t.i < previous.i and is_reporting_verb(t)]
    return verbs[-1] if verbs else None


def _only_subject_between(doc: Doc, q_end: int, verb: Token) -> bool:
    """Every word between the quote and the verb belongs to the verb's subject or its
    auxiliaries: '"...," Tulsa police Chief Chuck Jordan said'."""
    subject = subject_of(verb)
    if subject is None:
        return False
    left, right = subject.left_edge.i, subject.right_edge.i
    return all(
        t.is_punct or t.is_space or left <= t.i <= right or t.head == verb
        for t in doc[q_end : verb.i]
    )


def _stops_search(token: Token, index: QuoteIndex) -> bool:
    return token.text in {".", "!", "?"} or "\n" in token.text or index.inside(token) is not None


def _cue_may_follow(doc: Doc, q_start: int, q_end: int) -> bool:
    """News puts the cue after a quote that ends in a comma ('...,' he said), or in ! or ?
    followed by a lower-case word ('...?' she asked); not after a closed sentence."""
    inner = [t for t in doc[q_start:q_end] if not (t.is_quote or t.is_space)]
    following = next((t for t in doc[q_end:] if not t.is_space), None)
    if not inner or following is None:
        return False
    last = inner[-1].text
    if last == ",":
        return True
    if last in {"!", "?"}:
        # '"Why now?" Smith asked.' as well as '"...?" she asked': the verb search that
        # follows still needs a reporting verb whose subject comes after the quote.
        return True
    if last in {"—", "–", "-", "..."}:
        return following.is_lower or following.text == ","
    if last == ".":
        return False
    # '...', the ISW said  (the comma outside the marks)
    return following.text == ","


def _cue_may_precede(doc: Doc, q_start: int) -> bool:
    """A cue may stand just before a quote introduced by ':' or ',' or by the verb itself."""
    previous = next((t for t in reversed(doc[:q_start]) if not t.is_space), None)
    if previous is None:
        return False
    return previous.text in {":", ","} or is_reporting_verb(previous)


def _reported_speech(doc: Doc, index: QuoteIndex, used_cues: set[int]) -> list[RawAttribution]:
    found = []
    for token in doc:
        if token.idx in used_cues or not (is_content_verb(token) or makes_clear(token)):
            continue
        if index.inside(token) is not None:
            continue  # speech reported inside a quotation belongs to the quoted speaker
        if inside_reported_clause(token):
            continue  # "X said [she believes Y]": X's claim, reported as one attribution
        content_range = reported_content(token)
        if content_range is None:
            continue
        start, end = content_range
        end, via = _split_trailing_according(doc, start, end)
        bounds = trimmed_bounds(doc, start, end)
        if bounds is None or word_count(doc, start, end) < _min_content_words(doc, start, end):
            continue
        bounds = _close_quotes(index, bounds)
        quote_ids = sorted(
            {q for t in doc[start:end] if (q := index.inside(t)) is not None}
        )
        kind = "mixed" if quote_ids else "indirect"
        # "The minister is said to have resigned": the subject is what the claim is about.
        subject = None if raised_content(token) == content_range else subject_of(token)
        cue = cue_tokens(token)
        preposition = preposition_of_cue(token)
        if preposition is not None and preposition.i > cue[-1].i and preposition.idx < bounds[0]:
            # "called for | a recount": the preposition completes the cue.
            cue = [*cue, preposition]
        attribution = RawAttribution(
            kind=kind,
            content=bounds,
            cue=(cue[0].idx, cue[-1].idx + len(cue[-1])),
            cue_head=token.idx,
            quote_ids=quote_ids,
            via=via,
        )
        if subject is not None:
            attribution.source = subject_bounds(subject, token)
            attribution.source_head = subject.idx
        found.append(attribution)
    return found


def _min_content_words(doc: Doc, start: int, end: int) -> int:
    """One word is enough for a name ("Cruz endorsed Trump"); anything else needs two."""
    words = [t for t in doc[start:end] if not (t.is_punct or t.is_space)]
    return 1 if words and all(t.pos_ == "PROPN" for t in words) else 2


def _close_quotes(index: QuoteIndex, bounds: tuple[int, int]) -> tuple[int, int]:
    """Take in the closing mark of a quotation the content ends in: the parser hangs the
    final punctuation and mark on the verb, but the quoted words belong together."""
    start, end = bounds
    quote_id = index.quote_at(end - 1)
    if quote_id is not None:
        quote = index.quotes[quote_id]
        if quote["start"] >= start and quote["end"] > end and (
            quote["start"] == start  # the content is a quotation that runs on
            or not any(ch.isalnum() for ch in index.text[end : quote["end"]])
        ):
            end = quote["end"]
    return start, end


def _split_trailing_according(doc: Doc, start: int, end: int) -> tuple[int, tuple | None]:
    """Cut a trailing ", according to X" off a content span; X is who passed it on."""
    for i in range(start, end - 1):
        if doc[i].lower_ == "according" and doc[i + 1].lower_ == "to":
            source = next((c for c in doc[i + 1].children if c.dep_ == "pobj"), None)
            if source is None or source.right_edge.i + 1 < end - 1:
                return end, None
            return i, subject_bounds(source)
    return end, None


def _according_to(
    doc: Doc, index: QuoteIndex, existing: list[RawAttribution]
) -> list[RawAttribution]:
    found = []
    for token in doc:
        if token.lower_ != "according" or token.i + 1 >= len(doc):
            continue
        to = doc[token.i + 1]
        if to.lower_ != "to":
            continue
        if index.inside(token) is not None:
            continue
        source = next((c for c in to.children if c.dep_ == "pobj"), None)
        phrase_start = token.i
        phrase_end = (source.right_edge.i + 1) if source is not None else to.i + 1
        sentence = token.sent
        if source is not None:
            phrase_end = _before_misread_apposition(doc, source, phrase_end, sentence.end)
        # The claim is the rest of the sentence, on whichever side holds the clause.
        before = trimmed_bounds(doc, sentence.start, phrase_start)
        after = trimmed_bounds(doc, phrase_end, sentence.end)
        if before and after:
            content = (before[0], after[1])
        else:
            content = before or after
        if content is None:
            continue
        content = _close_quotes(index, content)
        # A direct quote next to "according to X" already took this phrase as its cue.
        if any(overlaps(a.content, content) and a.cue_head == token.idx for a in existing):
            continue
        # "X said ..., according to Y": Y passed on what X said.
        speaker_claim = next(
            (a for a in existing if a.source is not None and overlaps(a.content, content)),
            None,
        )
        if speaker_claim is not None:
            if speaker_claim.via is None and source is not None:
                speaker_claim.via = subject_bounds(source)
            continue
        attribution = RawAttribution(
            kind="according_to",
            content=content,
            cue=(token.idx, to.idx + len(to)),
            cue_head=token.idx,
        )
        if source is not None:
            attribution.source = subject_bounds(source)
            if phrase_end <= source.right_edge.i:
                attribution.source = trimmed_bounds(doc, source.left_edge.i, phrase_end)
            attribution.source_head = source.idx
        found.append(attribution)
    return found


#: Words that show a capitalized phrase before a colon is a title rather than a name.
HEADLINE_FUNCTION_WORDS = {"over", "on", "in", "at", "to", "for", "and", "the", "of", "with"}
#: A paragraph this short after "Name:" is a headline or a one-line statement.
MAX_HEADLINE_TOKENS = 30
def _before_misread_apposition(doc: Doc, source: Token, end: int, sentence_end: int) -> int:
    """"According to Rush Limbaugh, the move reeks of fear": the parser may take the
    claim for an apposition of the source; an "apposition" that runs to the end of the
    sentence is the claim, so the source stops at the comma before it."""
    for token in doc[source.i : end]:
        if token.dep_ != "appos" or token.head.i < source.left_edge.i:
            continue
        start = token.left_edge.i
        last = sentence_end - 1
        while last > start and (doc[last].is_punct or doc[last].is_space):
            last -= 1
        if token.right_edge.i >= last and start > 0 and doc[start - 1].text == ",":
            return start - 1
    return end


#: How many words may name the speaker before a colon ("Pat Caddell: ...").
MAX_COLON_SPEAKER_WORDS = 6


def _speaker_colon(doc: Doc, existing: list[RawAttribution]) -> list[RawAttribution]:
    """"Name: what they said" at the start of a paragraph: headlines ("Pence: Flowers
    Won't Be at Debate") and transcripts ("WALLACE: Let's start with ...")."""
    found = []
    text = doc.text
    paragraph_start = 0
    for token in doc:
        if token.i == 0 or "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_:
            paragraph_start = token.i
        if token.text != ":" or token.i == paragraph_start:
            continue
        speaker = [t for t in doc[paragraph_start : token.i] if not t.is_space]
        if not speaker or len(speaker) > MAX_COLON_SPEAKER_WORDS:
            continue
        words = [t for t in speaker if t.is_alpha]
        if not words or not all(t.text[0].isupper() for t in words):
            continue
        if " ".join(t.lower_ for t in words) in load_lexicon("colon_labels"):
            continue  # "Original: <link>", "Update: ..." label the text, nobody speaks
        if not any(
            t.pos_ == "PROPN"
            or t.text.isupper()
            or t.lower_ in load_lexicon("source_nouns_document")
            or _capitalized_elsewhere(doc, t)
            for t in words
        ):
            continue  # "Poll: Race Tightens" speaks through a document
        if any(t.lower_ in HEADLINE_FUNCTION_WORDS for t in words) and not any(
            t.ent_type_ in {"PERSON", "ORG"} for t in words
        ):
            continue  # "Stealth Over Health: ..." is a title, not a name
        transcript = all(t.text.isupper() for t in words)
        paragraph_end = _paragraph_end(doc, token.i)
        # A headline is one paragraph, however the parser split its title-case words.
        short = paragraph_end - paragraph_start <= MAX_HEADLINE_TOKENS
        end = paragraph_end if transcript or short else token.sent.end
        bounds = trimmed_bounds(doc, token.i + 1, end)
        if bounds is None or any(
            overlaps(a.content, bounds) and not _cue_within(a, bounds) for a in existing
        ):
            continue  # (an attribution inside the words after the colon is nested in it)
        if " " not in text[bounds[0] : bounds[1]].strip():
            continue  # a link or a single word is a label's value, not a statement
        head = speaker[-1]
        found.append(
            RawAttribution(
                kind="direct" if text[bounds[0]] in "\"“'‘" else "indirect",
                content=bounds,
                cue=(token.idx, token.idx + 1),
                source=(speaker[0].idx, head.idx + len(head)),
                source_head=head.idx,
                cue_head=token.idx,
            )
        )
    return found


def _headline_runs_to_line_end(doc: Doc, found: list[RawAttribution]) -> None:
    """In a headline, everything after the cue is the claim: "Obama Seeks More Refugees
    As He Marks Holiday" (the parser cuts such lines short at every capital)."""
    text = doc.text[:400]
    line_end = text.find("\n")
    if line_end < 0 or len(text[:line_end].split()) > MAX_HEADLINE_TOKENS:
        return
    end = len(text[:line_end].rstrip(" .;:,"))
    for attribution in found:
        cue = attribution.cue
        start, stop = attribution.content
        if cue is None or cue[1] > start or stop > line_end or stop >= end:
            continue
        if not attribution.quote_ids or attribution.kind in {"indirect", "mixed"}:
            attribution.content = (start, end)


def _title_case_headline(
    doc: Doc, index: QuoteIndex, reparse: Callable[[str], Doc]
) -> list[RawAttribution]:
    """Attributions in a title-case headline, found in its sentence-cased re-parse."""
    bounds = headline_bounds(index.text)
    if bounds is None:
        return []
    line = sentence_cased(index.text[: bounds[1]])
    headline = reparse(line)
    quotes = [q for q in index.quotes if q["end"] <= bounds[1]]
    line_index = QuoteIndex(quotes, line)
    found = _reported_speech(headline, line_index, set())
    found.extend(noun_cue_attributions(headline, line_index))
    return [a for a in found if a.content[1] <= bounds[1]]


def _cue_within(attribution: RawAttribution, bounds: tuple[int, int]) -> bool:
    cue = attribution.cue
    return cue is not None and bounds[0] <= cue[0] < bounds[1]


def _capitalized_elsewhere(doc: Doc, word: Token) -> bool:
    """The tagger misses names at the start of a headline ("Politifact: ..."); the same
    word capitalized inside a sentence elsewhere in the article shows it is one."""
    return any(
        t.text == word.text and t.i != word.i and not t.is_sent_start and t.i > 0
        and doc[t.i - 1].text not in {":", '"', "“", "'", "‘"}
        for t in doc
    )


def _headline_tail(doc: Doc, existing: list[RawAttribution]) -> list[RawAttribution]:
    """A headline that ends with its source: "Bridge Will Close, City Says",
    "Withdrawal Weakens Leverage, Reports Indicate". Title case hides the verb from the
    tagger, so the pattern is read off the words."""
    found = []
    text = doc.text
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        stripped = line.strip()
        comma = stripped.rfind(",")
        if 0 < comma and stripped[-1:].isalpha() and len(stripped.split()) <= 25:
            tail = stripped[comma + 1 :].split()
            if 1 <= len(tail) <= 5 and all(w[:1].isupper() for w in tail):
                verb = tail[-1].lower()
                if verb.rstrip("s") in reporting_verbs() or verb in reporting_verbs():
                    offset = start + line.index(stripped)
                    content = (offset, offset + comma)
                    source_start = offset + comma + 1 + (len(stripped[comma + 1 :]) - len(
                        stripped[comma + 1 :].lstrip()
                    ))
                    verb_start = offset + len(stripped) - len(tail[-1])
                    source_end = verb_start - 1
                    if source_end > source_start and not any(
                        overlaps(a.content, content) for a in existing
                    ):
                        head = doc.char_span(source_start, source_end, alignment_mode="expand")
                        found.append(
                            RawAttribution(
                                kind="indirect",
                                content=content,
                                cue=(verb_start, offset + len(stripped)),
                                source=(source_start, source_end),
                                source_head=head[-1].idx if head is not None else None,
                                cue_head=verb_start,
                            )
                        )
        start = end + 1
    return found


def _paragraph_end(doc: Doc, i: int) -> int:
    while i < len(doc) and "\n" not in doc[i].text and "\n" not in doc[i].whitespace_:
        i += 1
    return min(i + 1, len(doc))


def _paragraph_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset)


def _attach_floating(
    doc: Doc, quotes: list[dict], pending: list[int], found: list[RawAttribution]
) -> list[RawAttribution]:
    """Give each cue-less quotation the speaker of the attribution just before it."""
    text = doc.text
    result = list(found)
    for qid in pending:
        quote = quotes[qid]
        # The closest attribution before the quote speaks on, if it named anyone.
        previous = None
        for candidate in sorted(result, key=lambda a: a.content[0]):
            if candidate.content[1] <= quote["start"]:
                previous = candidate
        if previous is not None and previous.source is None:
            previous = None
        if previous is not None and _continues(text, previous, quote):
            # '"A," she said. "B."' and '"Every time," he said, "you lose."' are one
            # attribution whose words run on past the cue.
            previous.content = (previous.content[0], quote["end"])
            previous.quote_ids.append(qid)
            continue
        if not _starts_sentence(text, quote):
            # A phrase quoted inside a sentence nobody is said to say: keep it, but do
            # not hand it the last speaker's name.
            result.append(RawAttribution("direct", (quote["start"], quote["end"]), quote_ids=[qid]))
            continue
        attribution = RawAttribution(
            kind="direct", content=(quote["start"], quote["end"]), quote_ids=[qid]
        )
        if previous is not None:
            gap_paragraphs = _paragraph_of(text, quote["start"]) - _paragraph_of(
                text, previous.content[1]
            )
            # Blank lines count as paragraph separators of their own in the view.
            between = text[previous.content[1] : quote["start"]]
            paragraphs_between = sum(1 for part in between.split("\n")[1:-1] if part.strip())
            if gap_paragraphs == 0 or paragraphs_between == 0:
                attribution.kind = "floating"
                attribution.source = previous.source
                attribution.source_head = previous.source_head
                attribution.inherited_from = previous.content[0]
        result.append(attribution)
    return result


def _nested(a: RawAttribution, b: RawAttribution) -> bool:
    """One attribution sits inside the other's content, cue and all."""
    for inner, outer in ((a, b), (b, a)):
        if inner.cue is not None and outer.content[0] <= inner.cue[0] < outer.content[1]:
            # "pledged to impose sanctions over what it called "a clear threat"": the
            # inner quote keeps its own cue, the outer claim holds it.
            if inner.kind in {"indirect", "mixed", "direct"} and outer.kind in {
                "indirect", "mixed"
            }:
                return True
    return False


def _starts_sentence(text: str, quote: dict) -> bool:
    before = text[: quote["start"]].rstrip(" \t")
    return not before or before[-1] in ".!?:\n\"”’'»—―-"


def _continues(text: str, previous: RawAttribution, quote: dict) -> bool:
    """The quote goes on with the previous direct quote: same paragraph, and nothing but
    that quote's own cue and source in between.

    A content is one stretch of text, so joining the halves takes in the cue and source
    between them. When those are longer than the quoted words ('"A," said X, a lawyer
    who ... . "B."'), the halves stay two attributions, the second inheriting the speaker.
    """
    if previous.kind not in {"direct", "floating"} or previous.content[1] > quote["start"]:
        return False
    between = text[previous.content[1] : quote["start"]]
    if "\n" in between or len(between) > 160:
        return False
    quoted = (previous.content[1] - previous.content[0]) + (quote["end"] - quote["start"])
    if len(between.strip()) > quoted:
        return False
    if not between.strip(" ,.:;"):
        return True
    marks = [previous.cue, previous.source]
    return any(m is not None and previous.content[1] <= m[0] < quote["start"] for m in marks)


def _drop_overlaps(found: list[RawAttribution]) -> list[RawAttribution]:
    """Keep one attribution per stretch of content: the first pass that claimed it wins,
    except that an attribution with a source beats one without."""
    priority = {"direct": 0, "mixed": 1, "indirect": 2, "according_to": 3, "floating": 4}
    kept: list[RawAttribution] = []
    for candidate in sorted(
        found, key=lambda a: (a.source is None, priority.get(a.kind, 9), a.content[0])
    ):
        clash = False
        for other in kept:
            if overlaps(candidate.content, other.content):
                inter = min(candidate.content[1], other.content[1]) - max(
                    candidate.content[0], other.content[0]
                )
                shorter = min(
                    candidate.content[1] - candidate.content[0],
                    other.content[1] - other.content[0],
                )
                same_cue = candidate.cue_head is not None and candidate.cue_head == other.cue_head
                if not same_cue and _nested(candidate, other):
                    continue  # "X said that Y claimed Z": both are attributions
                if same_cue or inter >= 0.5 * shorter:
                    clash = True
                    break
        if not clash:
            kept.append(candidate)
    kept.sort(key=lambda a: a.content[0])
    return kept
