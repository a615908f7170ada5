"""The edges of a source phrase, settled once every pass has drawn it.

The passes draw a source from the parse (the subject's subtree, a speaker label, a
signature); what the parse puts at its edges is not always the speaker's name and
description. This last pass reads the edges by grammar and punctuation:

- a dateline or other words before an unpaired dash are not the source ("BRUSSELS --
  [European ministers] said"); neither is a conjunction or a focus adverb the parser
  hung on the verb ("But [Lee] said", "Even [Norland] said");
- a quotation mark with no partner inside the source is the quotation's, not the
  source's ('"[RUIZ]: Good evening.'), and a title quoted inside the source keeps its
  closing mark ("[The ad, titled "Roots,"] says");
- a participle set off by commas after a name tells the occasion, not who spoke ("[Lee],
  speaking to reporters on Monday, said"); a participle naming a document ("the poll,
  conducted in May,") or "including ..." is not an occasion and stays;
- a comparison set off after a name points at someone who did not speak ("[Lee], like
  her rival, said");
- a date the parser hung on a speaker tells when it spoke ("[a panel of judges] in 2014
  found"), and a "which" clause on a noun inside the speaker's description describes
  that noun ("[Lee, head of the Farmers Union,] which has 9,000 members, said");
- an aside opened inside the source keeps its closing comma or dash ("[Lee, the
  mayor,] said", "[Lee -- the mayor --] said"), as the PolNeAR annotators mark it, and
  a source never ends inside a hyphenated word ("[His ex-wife]").

``source_head`` follows the trimmed span when its old head falls outside it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from auditor.lexicon import load_lexicon
from auditor.nlp.labels import CONJUNCTION_OR_ADVERB_POS, NOUN_OR_PRONOUN_POS
from auditor.nlp.raw import RawAttribution

#: Dashes that open or close an aside, or set off a dateline.
DASHES = {"--", "—", "–", "-"}
#: Quotation marks that open a quotation, and the mark that closes each.
_CLOSER = {'"': '"', "“": "”", "‘": "’", "'": "'", "''": "''", "``": "''"}
_QUOTE_MARKS = set(_CLOSER) | set(_CLOSER.values())
#: Dependencies of a word the parser hangs before the subject that is no part of it.
_CLAUSE_WORDS = {"cc", "advmod"}
#: Most words of a dateline or of a stray phrase before a dash ("BRUSSELS --").
_MAX_BEFORE_DASH = 3


def tidy_source_edges(doc: Doc, found: list[RawAttribution]) -> list[RawAttribution]:
    """Settle the edges of every source in ``found`` (changed in place and returned).

    >>> # "WASHINGTON -- Mayor Ana Ruiz, speaking on Monday, said ..." -> "Mayor Ana Ruiz"
    """
    for attribution in found:
        if attribution.source is None:
            continue
        bounds = source_edges(doc, attribution.source)
        if bounds is None or bounds == attribution.source:
            continue
        attribution.source = bounds
        head = attribution.source_head
        if head is not None and not bounds[0] <= head < bounds[1]:
            span = doc.char_span(*bounds, alignment_mode="expand")
            attribution.source_head = span.root.idx if span is not None else None
    return found


def source_edges(doc: Doc, bounds: tuple[int, int]) -> tuple[int, int] | None:
    """The character bounds of the source at ``bounds`` with its edges settled; None
    when the span does not fall on tokens."""
    span = doc.char_span(*bounds, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    first, last = span.start, span.end  # token range [first, last)
    first = _after_leading_dash(doc, first, last)
    first = _after_clause_words(doc, first, last)
    last = _before_occasion(doc, first, last)
    last = _before_date(doc, first, last)
    last = _before_comparison(doc, first, last)
    last = _before_inner_aside(doc, first, last)
    first, last = _balanced_quotes(doc, first, last)
    if first >= last:
        return None
    last = _with_closing_mark(doc, first, _whole_word_end(doc, last))
    if (first, last) == (span.start, span.end):
        return bounds  # nothing to settle: keep the span as drawn, to the character
    return doc[first].idx, doc[last - 1].idx + len(doc[last - 1])


def _is_dash(token: Token) -> bool:
    """A dash set off by spaces (not the hyphen of "ex-wife")."""
    return token.text in DASHES and bool(token.whitespace_) and (
        token.i == 0 or bool(token.doc[token.i - 1].whitespace_)
    )


def _after_leading_dash(doc: Doc, first: int, last: int) -> int:
    """Skip a dateline or stray words before a dash that opens no aside: "BRUSSELS -
    [European leaders]", "is also predictable - [Ana Ruiz] has vowed"."""
    dashes = [t.i for t in doc[first:last] if _is_dash(t)]
    if len(dashes) != 1 or _next_word(doc, last) in DASHES:
        return first  # "Lee -- the mayor --": a paired dash closes an aside
    dash = dashes[0]
    if not 0 < dash - first <= _MAX_BEFORE_DASH or dash + 1 >= last:
        return first
    after = doc[dash + 1 : last]
    if not any(t.pos_ in NOUN_OR_PRONOUN_POS for t in after):
        return first
    return dash + 1


def _after_clause_words(doc: Doc, first: int, last: int) -> int:
    """Skip a conjunction or adverb the parser hung outside the phrase: "But [Lee]
    said", "Even [Norland], the closest ally, said"."""
    while first < last - 1:
        token = doc[first]
        outside = not first <= token.head.i < last
        focus = token.dep_ == "advmod" and token.lower_ in load_lexicon("source_focus_adverbs")
        connective = token.pos_ in CONJUNCTION_OR_ADVERB_POS
        if focus or (token.dep_ in _CLAUSE_WORDS and outside and connective):
            first += 1
        else:
            break
    return first


def _whole_word_end(doc: Doc, last: int) -> int:
    """Never end inside a hyphenated word the tokenizer split: "[His ex-wife] agreed",
    not "His ex"."""
    while (
        0 < last < len(doc) - 1
        and doc[last].text == "-"
        and not doc[last - 1].whitespace_
        and not doc[last].whitespace_
        and doc[last + 1].is_alpha
    ):
        last += 2
    return last


def _before_occasion(doc: Doc, first: int, last: int) -> int:
    """End a named source before a participle set off by a comma that tells when or
    where it spoke: "[Lee], speaking to veterans in Ohio, said"."""
    span = doc[first:last]
    for token in span:
        if token.tag_ != "VBG" or token.dep_ not in {"acl", "advcl"}:
            continue
        comma = token.left_edge.i - 1
        if comma <= first or doc[comma].text != "," or token.head.pos_ != "PROPN":
            continue
        if not first <= token.head.i < comma:
            continue
        return comma
    return last


def _before_inner_aside(doc: Doc, first: int, last: int) -> int:
    """End the source before a relative clause set off by a comma that describes a noun
    inside the speaker's description, not the speaker: "[Lee, head of the Farmers
    Union,] which has 9,000 members, said". A clause opened by "who" may be the
    speaker's, whatever the parse says; an apposition to the inner noun stays ("Lee,
    director of the Bureau, a state agency,"), as the annotators mark it."""
    span = doc[first:last]
    speaker = _speaker_nouns(span.root)
    for token in span:
        if token.dep_ != "relcl" or token.i <= span.root.i:
            continue
        comma = token.left_edge.i - 1
        if comma <= first or doc[comma].text != "," or token.head in speaker:
            continue
        if any(t.tag_ in {"WP", "WP$"} for t in doc[token.left_edge.i : token.i]):
            continue  # "who", "whose": a person, and the speaker is one
        return comma
    return last


def _speaker_nouns(head: Token) -> set[Token]:
    """The source's head and the nouns in apposition to it ("Lee, the mayor," "Lee and
    Baker")."""
    nouns, todo = set(), [head]
    while todo:
        noun = todo.pop()
        nouns.add(noun)
        todo.extend(c for c in noun.children if c.dep_ in {"appos", "conj"} and c not in nouns)
    return nouns


def _before_comparison(doc: Doc, first: int, last: int) -> int:
    """End a named source before a comparison set off by a comma: "[Ana Ruiz], like
    her rival, said" (the rival did not speak); "critics, like Senator Lee," stays."""
    for token in doc[first:last]:
        if token.dep_ != "prep" or token.lower_ not in load_lexicon("source_comparisons"):
            continue
        comma = token.i - 1
        if comma > first and doc[comma].text == "," and token.head.tag_ == "NNP":
            return comma
    return last


def _before_date(doc: Doc, first: int, last: int) -> int:
    """End the source before a date the parser hung on it that tells when it spoke: "[a
    panel of judges] in 2014 found ...". A document keeps its date ("an ad in 2008" is
    which ad)."""
    head = doc[first:last].root
    ending = [c for c in head.rights if c.dep_ == "prep" and c.right_edge.i == last - 1]
    if not ending or head.lemma_.lower() in load_lexicon("source_documents"):
        return last
    preposition = ending[0]
    objects = [c for c in preposition.children if c.dep_ == "pobj"]
    if len(objects) != 1 or objects[0].ent_type_ != "DATE":
        return last
    if any(t.ent_type_ != "DATE" for t in doc[objects[0].left_edge.i : last]):
        return last
    return preposition.i


def _balanced_quotes(doc: Doc, first: int, last: int) -> tuple[int, int]:
    """Drop a quotation mark at either edge whose partner is not in the source."""
    while first < last and doc[first].text in _QUOTE_MARKS and not _closed_inside(
        doc, first, last
    ):
        first += 1
    while last > first and doc[last - 1].text in _QUOTE_MARKS and not _opened_inside(
        doc, first, last - 1
    ):
        last -= 1
    return first, last


def _closed_inside(doc: Doc, opener: int, last: int) -> bool:
    closer = _CLOSER.get(doc[opener].text)
    return closer is not None and any(t.text == closer for t in doc[opener + 1 : last])


def _opened_inside(doc: Doc, first: int, closer: int) -> bool:
    mark = doc[closer].text
    return any(_CLOSER.get(t.text) == mark for t in doc[first:closer])


def _with_closing_mark(doc: Doc, first: int, last: int) -> int:
    """Take in the comma, dash or quotation mark that closes an aside or title opened
    inside the source: "[Lee, the mayor,]", "[Lee -- the mayor --]", "[the ad, titled
    "Roots,"]"."""
    span = doc[first:last]
    if last >= len(doc):
        return last
    following = doc[last]
    if following.text in _QUOTE_MARKS and _open_quote(span, following.text):
        return last + 1
    if span[-1].text in {","} | DASHES:
        return last
    if following.text == "," and any(t.text == "," for t in span[1:]):
        return last + 1
    opened = {t.text for t in span[1:] if _is_aside_dash(t)}
    if following.text in DASHES and following.text in opened:
        return last + 1
    return last


def _is_aside_dash(token: Token) -> bool:
    """A dash that can open an aside: set off by spaces, or a long dash ("debate–published
    by the paper–shows")."""
    return _is_dash(token) or token.text in DASHES - {"-"}


def _open_quote(span: Span, closer: str) -> bool:
    """``span`` opens a quotation that ``closer`` would close."""
    if _CLOSER.get(closer) == closer:  # '"' both opens and closes: an odd count is open
        return sum(t.text == closer for t in span) % 2 == 1
    depth = 0
    for token in span:
        if _CLOSER.get(token.text) == closer and closer != token.text:
            depth += 1
        elif token.text == closer:
            depth -= 1
    return depth > 0


def _next_word(doc: Doc, index: int) -> str:
    while index < len(doc) and doc[index].is_space:
        index += 1
    return doc[index].text if index < len(doc) else ""
