"""Headlines, transcripts and other lines that attribute without a verb of saying.

- "Name: what they said" at the start of a paragraph: headlines ("Dorn: Flowers Won't
  Be at Debate", "Poll: Race Tightens") and transcripts ("MORROW: Let's start ...");
- "Bridge Will Close, City Says": a headline that ends with its source;
- title-case headlines ("Farm Groups Rip Dana Marsh As A 'Reckless Gambler'"): the
  tagger reads capitalized verbs and function words as parts of proper names, so the
  line is re-parsed with its function words and its verbs of saying and stance in lower
  case; the text keeps its length, so every offset found in the re-parse is an offset in
  the article;
- in a headline, everything after the cue is the claim.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from spacy.tokens import Doc, Token

from auditor.lexicon import load_lexicon
from auditor.nlp.cues import reporting_verbs, trimmed_bounds
from auditor.nlp.doctext import doc_text, doc_tokens
from auditor.nlp.headline_claims import headline_noun_verb, headline_verb_claim, topic_colon
from auditor.nlp.labels import PERSON_OR_ORG_ENTITIES
from auditor.nlp.raw import QuoteIndex, RawAttribution, overlaps

#: At most this many words make a headline.
MAX_HEADLINE_WORDS = 30
#: Share of the longer words that must be capitalized for a line to be in title case.
TITLE_CASE_SHARE = 0.7
#: Words that title case capitalizes but sentence case does not.
FUNCTION_WORDS = load_lexicon("title_case_function_words")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


def headline_bounds(text: str) -> tuple[int, int] | None:
    """Character bounds of the article's first line when it is a title-case headline."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    words = _WORD.findall(text[start:end])
    if not words or len(words) > MAX_HEADLINE_WORDS:
        return None
    long_words = [w for w in words if len(w) > 3]
    if len(long_words) < 3:
        return None
    capitalized = sum(1 for w in long_words if w[0].isupper())
    if capitalized / len(long_words) < TITLE_CASE_SHARE:
        return None
    return start, end


def sentence_cased(line: str) -> str:
    """``line`` with function words and verbs of saying or stance lower-cased after its
    first word (same length, same offsets)."""
    verbs = _verb_forms()
    first = True

    def lower(match: re.Match) -> str:
        nonlocal first
        word = match.group(0)
        if first:
            first = False
            return word
        low = word.lower()
        if word[0].isupper() and not (word.isupper() and len(word) > 1) and (
            low in FUNCTION_WORDS or low in verbs
        ):
            return low
        return word

    return _WORD.sub(lower, line)


@cache
def _verb_forms() -> frozenset[str]:
    """Inflected forms of the reporting and stance verbs ("says", "urges", "vows"), and the
    nouns that take a that-clause or an infinitive ("His Refusal To Serve")."""
    forms = set(load_lexicon("reporting_nouns_clausal"))
    for name in ("reporting_verbs", "stance_verbs", "reporting_verbs_with_object"):
        for lemma in load_lexicon(name):
            forms.add(lemma)
            forms.add(lemma + "s")
            forms.add(lemma + "es")
            if lemma.endswith("y"):
                forms.add(lemma[:-1] + "ies")
            forms.add(lemma + "d" if lemma.endswith("e") else lemma + "ed")
    for pair in load_lexicon("reporting_verb_prepositions"):
        lemma = pair.split()[0]
        forms.update({lemma, lemma + "s", lemma + "es"})
    return frozenset(forms)


#: Words that show a capitalized phrase before a colon is a title rather than a name.
HEADLINE_FUNCTION_WORDS = {"over", "on", "in", "at", "to", "for", "and", "the", "of", "with"}


#: A paragraph this short after "Name:" is a headline or a one-line statement.
MAX_HEADLINE_TOKENS = 30


#: How many words may name the speaker before a colon ("Pat Caddell: ...").
MAX_COLON_SPEAKER_WORDS = 6


def _words_before(doc: Doc, start: int, end: int) -> list[Token]:
    """The non-space tokens of ``doc[start:end]``, or one more than a speaker may have
    (so a colon deep in a long paragraph costs no walk back to its start)."""
    words: list[Token] = []
    for token in doc[start:end]:
        if not token.is_space:
            words.append(token)
            if len(words) > MAX_COLON_SPEAKER_WORDS:
                break
    return words


def speaker_colon(doc: Doc, existing: list[RawAttribution]) -> list[RawAttribution]:
    """"Name: what they said" at the start of a paragraph: headlines ("Dorn: Flowers
    Won't Be at Debate") and transcripts ("MORROW: Let's start with ...")."""
    found = []
    text = doc_text(doc)
    paragraph_start = 0
    tokens = doc_tokens(doc)
    for token in tokens:
        before = tokens[token.i - 1] if token.i else None
        if before is None or "\n" in before.text or "\n" in before.whitespace_:
            paragraph_start = token.i
        if token.text != ":" or token.i == paragraph_start:
            continue
        speaker = _words_before(doc, paragraph_start, token.i)
        if not speaker or len(speaker) > MAX_COLON_SPEAKER_WORDS:
            continue
        words = [t for t in speaker if t.is_alpha]
        if not words or not all(t.text[0].isupper() for t in words):
            continue
        if " ".join(t.lower_ for t in words) in load_lexicon("colon_labels"):
            continue  # "Original: <link>", "Update: ..." label the text, nobody speaks
        if any(t.text == ":" for t in speaker):
            continue  # "Video: Full Speech: ...": a label and a title, nobody speaks
        if not any(
            t.pos_ == "PROPN"
            or t.text.isupper()
            or t.lower_ in load_lexicon("source_nouns_document")
            or _capitalized_elsewhere(doc, t)
            for t in words
        ):
            continue  # "Poll: Race Tightens" speaks through a document
        if any(t.lower_ in HEADLINE_FUNCTION_WORDS for t in words) and not any(
            t.ent_type_ in PERSON_OR_ORG_ENTITIES for t in words
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
    found.extend(topic_colon(doc, existing + found))  # "Okafor on Jobs: Hiring Is Up"
    found.extend(headline_noun_verb(doc, existing + found))  # "Court rules against ..."
    return found


def _capitalized_elsewhere(doc: Doc, word: Token) -> bool:
    """The tagger misses names at the start of a headline ("Politifact: ..."); the same
    word capitalized inside a sentence elsewhere in the article shows it is one."""
    return any(
        t.text == word.text and t.i != word.i and not t.is_sent_start and t.i > 0
        and doc[t.i - 1].text not in {":", '"', "“", "'", "‘"}
        for t in doc
    )


def _cue_within(attribution: RawAttribution, bounds: tuple[int, int]) -> bool:
    cue = attribution.cue
    return cue is not None and bounds[0] <= cue[0] < bounds[1]


def headline_tail(doc: Doc, existing: list[RawAttribution]) -> list[RawAttribution]:
    """A headline that ends with its source: "Bridge Will Close, City Says",
    "Withdrawal Weakens Leverage, Reports Indicate". Title case hides the verb from the
    tagger, so the pattern is read off the words."""
    found = []
    text = doc_text(doc)
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


def headline_runs_to_line_end(doc: Doc, found: list[RawAttribution]) -> None:
    """In a headline, everything after the cue is the claim: "Okafor Seeks More Refugees
    As He Marks Holiday" (the parser cuts such lines short at every capital)."""
    text = doc_text(doc)[:400]
    line_end = text.find("\n")
    if line_end < 0 or len(text[:line_end].split()) > MAX_HEADLINE_TOKENS:
        return
    end = len(text[:line_end].rstrip(" .;:,"))
    for attribution in found:
        cue = attribution.cue
        start, stop = attribution.content
        claim_end = end
        semicolon = text.find(";", start, end)
        if semicolon > 0:  # "Mayor urges calm; Council to meet": the subhead is not the claim
            claim_end = len(text[:semicolon].rstrip())
        if cue is None or cue[1] > start or stop > line_end or stop >= claim_end:
            continue
        if not attribution.quote_ids or attribution.kind in {"indirect", "mixed"}:
            attribution.content = (start, claim_end)


#: Reads the claims of a re-parsed headline (its doc and quotations): the reported-speech
#: and noun-cue passes, handed in by :mod:`auditor.nlp.passes` so that this pass imports
#: no other pass.
ClaimReader = Callable[[Doc, QuoteIndex], list[RawAttribution]]


def title_case_headline(
    doc: Doc, index: QuoteIndex, reparse: Callable[[str], Doc], read_claims: ClaimReader
) -> list[RawAttribution]:
    """Attributions in a title-case headline, found by ``read_claims`` in its
    sentence-cased re-parse: "Farm Groups Rip Marsh As A 'Reckless Gambler'"."""
    bounds = headline_bounds(index.text)
    if bounds is None:
        return _headline_before_semicolon(index, reparse, read_claims)
    line = sentence_cased(index.text[: bounds[1]])
    headline = reparse(line)
    quotes = [q for q in index.quotes if q["end"] <= bounds[1]]
    line_index = QuoteIndex(quotes, line)
    found = read_claims(headline, line_index)
    found = [a for a in found if a.content[1] <= bounds[1]]
    if not found:
        claim = headline_verb_claim(headline, bounds[1])
        found = [claim] if claim is not None else []
    return found


def _headline_before_semicolon(
    index: QuoteIndex, reparse: Callable[[str], Doc], read_claims: ClaimReader
) -> list[RawAttribution]:
    """A sentence-case headline run into its subhead with ";" ("Mayor urges calm; Council
    says it will meet"): the parser makes the headline a clause of the subhead's verb, so
    the headline is re-parsed alone (its offsets are the article's)."""
    text = index.text
    line_end = text.find("\n")
    line = text if line_end < 0 else text[:line_end]
    semicolon = line.find(";")
    if semicolon <= 0 or len(line.split()) > MAX_HEADLINE_WORDS:
        return []
    headline = reparse(text[:semicolon])
    quotes = [q for q in index.quotes if q["end"] <= semicolon]
    line_index = QuoteIndex(quotes, text[:semicolon])
    return read_claims(headline, line_index)


def _paragraph_end(doc: Doc, i: int) -> int:
    while i < len(doc) and "\n" not in doc[i].text and "\n" not in doc[i].whitespace_:
        i += 1
    return min(i + 1, len(doc))
