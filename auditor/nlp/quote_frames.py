"""How news frames a direct quotation around its cue, read off the token sequence where
the parser's tree is unreliable (quotation marks and commas around a cue confuse it).

- an interrupted quotation: '"The council," she said, sighing, "has failed."' -- the
  reporting verb between the two halves is the cue of both;
- a speaker written between the quotation and its verb that the parser did not make the
  verb's subject: '"...," Dale County police Chief Ann Boyd said Monday.';
- a speaker written after the verb: '"...," said Ann Boyd' and 'Said Boyd: "..."';
- a sentence ending with a colon that introduces the quotation after it;
- a clause fronted before the cue of a quotation that goes on with it ('So when the deal
  fell through, Mr. Reyes said, "we were floored."');
- a dash signature: '"We need law and order." ― Maria Lopez'.

Pure functions over a parsed :class:`~spacy.tokens.Doc` and the quotation index; they
return tokens and character bounds (a dash signature, having no verb, its attribution).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from auditor.lexicon import load_lexicon
from auditor.nlp.cues import is_reporting_verb, noun_phrase_bounds, reporting_verbs
from auditor.nlp.labels import (
    CLAUSAL_COMPLEMENTS,
    CLAUSE_OPENERS,
    CONJUNCTION_POS,
    NOUN_COMPLEMENTS,
    NOUN_OR_PRONOUN_POS,
    VERBAL_POS,
)
from auditor.nlp.quote_shapes import quote_text
from auditor.nlp.raw import QuoteIndex, RawAttribution

#: Punctuation that ends a sentence (a token of its own; "Mr." and "D.C." are one token).
SENTENCE_ENDS = {".", "!", "?", ";"}

#: The last character of a quotation's words, or of the text right after it, that leaves
#: the sentence open for an interrupting cue ('"The council," she said, "has failed."').
OPEN_ENDINGS = {",", "—", "–", "-", "…"}

#: Most words an interrupting cue clause may hold ('"...," Jane Roe, director of the
#: county's water board and a professor at the state university, said, "...").
MAX_CUE_CLAUSE_WORDS = 40

#: Most words a speaker written between a quotation and its verb may hold.
MAX_SPEAKER_WORDS = 30

#: Parts of speech a speaker's noun phrase is made of ("Rep. Ann Boyd (D-Ohio)", "the
#: 52-year-old", "Boyd, a former engineer", "the county's chief engineer").
NOUN_PHRASE_POS = {
    "PROPN", "NOUN", "PRON", "ADJ", "DET", "NUM", "ADP", "PUNCT", "CCONJ", "PART", "SPACE",
}  # fmt: skip


def token_range(doc: Doc, quote: dict) -> tuple[int, int]:
    """The tokens ``[start, end)`` of a quotation dict (``start``/``end`` characters)."""
    span = doc.char_span(quote["start"], quote["end"], alignment_mode="expand")
    if span is None:  # pragma: no cover - expand mode always yields a span for valid offsets
        return 0, 0
    return span.start, span.end


def interrupting_cue(doc: Doc, index: QuoteIndex, qid: int) -> Token | None:
    """The reporting verb that interrupts quotation ``qid`` and the quotation next to it,
    when the two are one quoted sentence broken by its attribution; None otherwise."""
    quotes = index.quotes
    for first in (qid, qid - 1):
        if 0 <= first and first + 1 < len(quotes):
            verb = _cue_between(doc, index, quotes[first], quotes[first + 1])
            if verb is not None:
                return verb
    return None


def _cue_between(doc: Doc, index: QuoteIndex, first: dict, second: dict) -> Token | None:
    between_text = index.text[first["end"] : second["start"]]
    if "\n" in between_text or not between_text.strip():
        return None
    f_start, f_end = token_range(doc, first)
    s_start, _ = token_range(doc, second)
    if not _opens_sentence(doc, f_start) or not _left_open(index.text, first, between_text):
        return None
    between = [t for t in doc[f_end:s_start] if not t.is_space]
    words = [t for t in between if not t.is_punct]
    if not words or len(words) > MAX_CUE_CLAUSE_WORDS:
        return None
    if any(t.text in SENTENCE_ENDS for t in between):
        return None
    if between[-1].text not in {",", ":", "—", "–"}:
        return None
    if words[0].pos_ in CONJUNCTION_POS or words[0].tag_ == "WRB":
        return None  # '"...," but he said, "..."': a clause of its own
    verbs = [t for t in words if is_reporting_verb(t) and t.pos_ == "VERB"]
    if not verbs:
        return None
    # "she said, sighing,": the finite verb, not the participle of manner after it
    verb = next((v for v in verbs if v.tag_ != "VBG"), verbs[0])
    if any(v is not verb and _has_words_after(v, s_start) for v in verbs):
        return None  # '"A," Lee said, going on to contrast the plans: "B."': a second act
    after_verb = [t for t in words if t.i > verb.i]
    if any(
        t.pos_ in CONJUNCTION_POS or t.tag_ in {"WRB", "VBD", "VBZ", "VBP"} for t in after_verb
    ):
        return None  # '"A," Ruiz said, while Blake said, "B."': another speaker's cue
    before_verb = [t for t in words if t.i < verb.i]
    if any(t.pos_ == "VERB" and t.tag_ not in {"VBN"} for t in before_verb):
        return None  # another clause comes before the cue
    return verb


def _has_words_after(verb: Token, end: int) -> bool:
    """The verb has an object or clause of its own before token ``end``."""
    return any(not c.is_punct and verb.i < c.i < end for c in verb.children)


def _opens_sentence(doc: Doc, start: int) -> bool:
    """The quotation begins its sentence (or its paragraph)."""
    i = start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 0 or "\n" in doc[i].text or "\n" in doc[i].whitespace_:
        return True
    previous = doc[i].text
    return previous[-1] in ".!?:" or (doc[i].is_quote and i > 0 and doc[i - 1].text[-1] in ".!?")


def _left_open(text: str, first: dict, between: str) -> bool:
    """The first quotation does not close its sentence: its words end in a comma or a dash
    inside the marks, or a comma follows the marks."""
    inner = text[first["start"] : first["end"]].rstrip(" \"'”’»")
    return bool(inner) and (inner[-1] in OPEN_ENDINGS or between.lstrip()[:1] == ",")


def speaker_between(
    doc: Doc, index: QuoteIndex, q_end: int, verb: Token
) -> tuple[Token, tuple[int, int]] | None:
    """The noun phrase between a quotation (ending at token ``q_end``) and its cue verb
    after it, when it is nothing but a name with its title and description: its head
    (the last noun before an apposition) and its character bounds."""
    if verb.i <= q_end:
        return None
    tokens = _trimmed(list(doc[q_end : verb.i]))
    if not tokens or len(tokens) > MAX_SPEAKER_WORDS:
        return None
    if tokens[0].pos_ in CONJUNCTION_POS or tokens[0].tag_ == "WRB":
        return None
    if any(t.text in SENTENCE_ENDS or "\n" in t.text for t in tokens):
        return None
    if any(index.inside(t) is not None and not is_nickname(doc, index, t) for t in tokens):
        return None
    if any(t.pos_ not in NOUN_PHRASE_POS and not _misread_name(t) for t in tokens):
        return None
    head = _phrase_head(tokens)
    if head is None:
        return None
    return head, (tokens[0].idx, tokens[-1].idx + len(tokens[-1]))


def speaker_after_cue(
    doc: Doc, index: QuoteIndex, verb: Token
) -> tuple[Token, tuple[int, int]] | None:
    """A name right after the verb, in the inverted order news uses around quotes:
    '"...," said Ann Boyd, the mayor.' or 'Said Boyd: "..."'. Its head and bounds."""
    end = verb.i + 1
    while end < len(doc) and doc[end].text not in {",", ":", ".", ";", "!", "?"} and not (
        "\n" in doc[end].text or index.inside(doc[end]) is not None
    ):
        end += 1
    tokens = _trimmed(list(doc[verb.i + 1 : end]))
    if not tokens or len(tokens) > 8 or not any(t.pos_ == "PROPN" for t in tokens):
        return None
    if any(t.pos_ not in NOUN_PHRASE_POS for t in tokens):
        return None
    head = _phrase_head(tokens)
    if head is None:
        return None
    start, stop = noun_phrase_bounds(head) if head.head == verb else (tokens[0].idx, 0)
    stop = max(stop, tokens[-1].idx + len(tokens[-1]))
    return head, (min(start, tokens[0].idx), stop)


def _trimmed(tokens: list[Token]) -> list[Token]:
    """Without punctuation at either end, nor auxiliaries and adverbs before the verb
    ("Boyd has also said")."""
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    while tokens and (
        (tokens[-1].is_punct and tokens[-1].text != ")")
        or tokens[-1].is_space
        or tokens[-1].pos_ in {"AUX", "ADV", "PART"}
    ):
        tokens.pop()
    return tokens


def _phrase_head(tokens: list[Token]) -> Token | None:
    """The head of a speaker's phrase: the last name or noun before its first comma or
    bracket ("Boyd" in "Ann Boyd, the mayor,", "Boyd" in "Rep. Ann Boyd (D-Ohio)")."""
    head = None
    for token in tokens:
        if token.text in {",", "("}:
            break
        if token.pos_ in NOUN_OR_PRONOUN_POS or _misread_name(token):
            head = token
    return head


def _misread_name(token: Token) -> bool:
    """A capitalized word of a name the tagger read as a verb ("Tulsa police Chief")."""
    return token.pos_ == "VERB" and token.text[:1].isupper() and not is_reporting_verb(token)


def is_nickname(doc: Doc, index: QuoteIndex, token: Token) -> bool:
    """A short quoted nickname inside a name: 'Rep. Robert "Bobby" Boyd'."""
    qid = index.inside(token)
    if qid is None:
        return False
    start, end = token_range(doc, index.quotes[qid])
    words = [t for t in doc[start:end] if not t.is_punct]
    return (
        len(words) <= 2
        and all(t.text[:1].isupper() for t in words)
        and start > 0
        and doc[start - 1].text[:1].isupper()
        and end < len(doc)
        and doc[end].text[:1].isupper()
    )


def inverted_cue(token: Token) -> bool:
    """A reporting verb opening its sentence before the speaker's name, as in 'Said Boyd:
    "..."' or 'Added Boyd, "..."'; the tagger often reads the capitalized verb as a
    name."""
    doc = token.doc
    if not token.text[:1].isupper() or token.i + 1 >= len(doc):
        return False
    if not _opens_sentence(doc, token.i):
        return False
    if doc[token.i + 1].pos_ != "PROPN":
        return False
    return _verb_form_lemma(token.lower_) in reporting_verbs()


def _verb_form_lemma(form: str) -> str | None:
    """The lemma of an inflected verb form, from the irregular forms' lexicon or by its
    regular ending ("added" -> "add", "argues" -> "argue", "asks" -> "ask")."""
    irregular = _irregular_forms()
    if form in irregular:
        return irregular[form]
    verbs = reporting_verbs()
    for cut in (1, 2, 3):
        if form[:-cut] in verbs and form[-cut:] in {"s", "es", "d", "ed"}:
            return form[:-cut]
    return None


@lru_cache(maxsize=1)
def _irregular_forms() -> dict[str, str]:
    pairs = (entry.split() for entry in load_lexicon("reporting_verb_irregular_forms"))
    return {pair[0]: pair[1] for pair in pairs if len(pair) == 2}


def colon_cue(colon: Token) -> Token | None:
    """The cue of a sentence that ends with ``colon`` and announces the quotation after
    it: its last reporting verb ("Boyd said on Friday in a statement:"), or the verb
    governing a noun that announces words ("Reed made the following comment:", "She
    answered with a warning:", "He had this to say:")."""
    sentence = [t for t in colon.sent if t.i < colon.i]
    verbs = [t for t in sentence if is_reporting_verb(t)]
    if verbs:
        # "... and said she has the quality the job needs: "..."": the verb reports its
        # own clause; the quotation after the colon goes on with that attribution
        return None if _reports_clause(verbs[-1]) else verbs[-1]
    for token in reversed(sentence):
        if token.lower_ in _introducing_nouns() or (
            token.lower_ == "this" and token.dep_ in NOUN_COMPLEMENTS
        ):
            verb = _governing_verb_of(token)
            if verb is not None:
                return verb
    return None


def _reports_clause(verb: Token) -> bool:
    """The verb has a clause of its own as its content ("said she has ...")."""
    return any(c.dep_ in CLAUSAL_COMPLEMENTS and c.i > verb.i for c in verb.children)


def _governing_verb_of(token: Token) -> Token | None:
    """The verb a noun hangs on, through prepositions ("answered [with] a warning")."""
    head = token.head
    while head.dep_ in {"prep", "amod", "compound"} and head.head is not head:
        head = head.head
    return head if head.pos_ in VERBAL_POS and head is not token else None


def _introducing_nouns() -> frozenset[str]:
    return load_lexicon("quote_introducing_nouns")


#: Words that open a clause a quoted sentence may begin with before the cue interrupts it.
SUBORDINATORS = {
    "when", "if", "as", "because", "while", "after", "before", "once", "since", "unless",
    "although", "though", "whenever",
}  # fmt: skip


def fronted_clause(
    doc: Doc, index: QuoteIndex, quote: dict, verb: Token, q_start: int
) -> int | None:
    """'So when the deal fell through, Mr. Reyes said, "we were floored."': a quotation
    that opens in lower case goes on a sentence begun before the cue; the clause fronted
    before the speaker is part of what is reported. The token where it starts, or None."""
    if verb.i >= q_start:
        return None
    inner = next((ch for ch in quote_text(index.text, quote) if ch.isalpha()), "")
    if not inner.islower():
        return None
    clause = next(
        (
            c for c in verb.lefts
            if c.dep_ == "advcl"
            and any(m.lower_ in SUBORDINATORS for m in c.children if m.dep_ in CLAUSE_OPENERS)
        ),
        None,
    )
    if clause is None or index.inside(clause) is not None:
        return None
    start = clause.left_edge.i
    sentence_start = verb.sent.start
    # "So when ...": only adverbs and conjunctions before the clause go with it
    if all(t.pos_ in {"ADV", "CCONJ", "PUNCT", "SPACE"} for t in doc[sentence_start:start]):
        start = sentence_start
    return start


DASHES = {"―", "—", "–", "--"}


def dash_signature(doc: Doc, qid: int, quote: dict, q_end: int) -> RawAttribution | None:
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
