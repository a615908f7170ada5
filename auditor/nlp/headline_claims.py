"""Headline forms that state a claim without an ordinary cue:

- "Name on Topic: claim" ("Mayor Ruiz on Housing: The Costs Are 'Unbearable'"): the name
  is the source, "on Topic:" the cue and the words after the colon the claim;
- a title-case headline whose verb of saying or stance takes a bare object or phrase
  ("Governor Sees 'Betrayal' If Party Stays Home", "Senator Urges New Sanctions On Iran"):
  in a headline everything after the verb is the claim;
- a headline verb the tagger took for a plural noun ("State court rules against the
  purge", "Mayor questions the count"): headlines drop the articles that would show it
  is a verb.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from auditor.lexicon import load_lexicon
from auditor.nlp.cues import reporting_verbs, trimmed_bounds
from auditor.nlp.doctext import doc_tokens
from auditor.nlp.labels import NOUN_OR_ADJECTIVE_POS, SPEAKING_ENTITIES
from auditor.nlp.raw import RawAttribution, overlaps
from auditor.nlp.speaking import can_speak
from auditor.nlp.verb_subjects import subject_of

#: Prepositions that open the topic in "Name on Topic:".
TOPIC_WORDS = {"on", "about"}
#: How many words the name before the topic may have ("Sen. Ann Marsh on ...").
MAX_NAME_WORDS = 4
#: A paragraph this short is a headline or a subhead.
MAX_HEADLINE_TOKENS = 30
#: Verbs whose bare object or phrase a headline states as the subject's claim.
VERB_LEXICONS = ("reporting_verbs", "stance_verbs", "reporting_verbs_with_object")


def topic_colon(doc: Doc, existing: list[RawAttribution]) -> list[RawAttribution]:
    """"Name on Topic: claim" opening a short paragraph: "Okafor on Jobs: Hiring Is Up"."""
    found = []
    for start in _paragraph_starts(doc):
        end = _paragraph_end(doc, start)
        if end - start > MAX_HEADLINE_TOKENS:
            continue
        colon = next((t for t in doc[start:end] if t.text == ":"), None)
        if colon is None:
            continue
        words = [t for t in doc[start : colon.i] if not t.is_space]
        topic = next((i for i, t in enumerate(words) if t.lower_ in TOPIC_WORDS), None)
        if topic is None or not 1 <= topic <= MAX_NAME_WORDS or topic == len(words) - 1:
            continue
        name = words[:topic]
        if not all(t.is_alpha and t.text[0].isupper() for t in name):
            continue
        if not any(_is_name(t) for t in name):
            continue  # "Focus on Jobs: ..." is a title, not a speaker
        bounds = trimmed_bounds(doc, colon.i + 1, end)
        if bounds is None or any(overlaps(a.content, bounds) for a in existing):
            continue
        head = name[-1]
        found.append(
            RawAttribution(
                kind="indirect",
                content=bounds,
                cue=(words[topic].idx, colon.idx + 1),
                source=(name[0].idx, head.idx + len(head)),
                source_head=head.idx,
                cue_head=colon.idx,
            )
        )
    return found


def _is_name(word: Token) -> bool:
    """A person's or body's name: tagged so, or capitalized inside a sentence elsewhere
    in the article (the tagger misses names at the start of a headline)."""
    if word.ent_type_ in SPEAKING_ENTITIES:
        return True
    return any(
        t.text == word.text and t.i != word.i and not t.is_sent_start
        and t.doc[t.i - 1].text not in {":", '"', "“", "'", "‘"}
        for t in word.doc
    )


def headline_verb_claim(headline: Doc, line_end: int) -> RawAttribution | None:
    """In a re-parsed title-case headline, a verb of saying or stance with a speaking
    subject: the words after the verb, to the end of the line, are the claim
    ("Governor Sees ['Betrayal' If Party Stays Home]")."""
    verbs = frozenset().union(*(load_lexicon(name) for name in VERB_LEXICONS))
    for verb in headline:
        if verb.dep_ != "ROOT" or verb.pos_ != "VERB" or verb.lemma_.lower() not in verbs:
            continue
        subject = subject_of(verb)
        if subject is None or subject.i > verb.i or not can_speak(subject):
            continue
        after = max([verb.i] + [c.i for c in verb.children if c.dep_ == "prt"]) + 1
        end = next((t.i for t in headline if t.idx >= line_end), len(headline))
        bounds = trimmed_bounds(headline, after, end)
        if bounds is None:
            continue
        last = headline[after - 1]
        return RawAttribution(
            kind="indirect",
            content=bounds,
            cue=(verb.idx, last.idx + len(last)),
            source=(subject.left_edge.idx, subject.idx + len(subject)),
            source_head=subject.idx,
            cue_head=verb.idx,
        )
    return None


#: Words of the subject before a headline verb misread as a noun ("House panel", "State
#: court").
MAX_SUBJECT_WORDS = 4
#: Parts of speech that may open what a headline verb takes ("rules [against] ...",
#: "questions [the] count", "urges [voters] to ...").
OBJECT_STARTS = {"DET", "ADP", "PART", "PRON", "ADJ", "NOUN", "PROPN", "NUM"}


def headline_noun_verb(doc: Doc, existing: list[RawAttribution]) -> list[RawAttribution]:
    """The first line's verb of saying read as a plural noun after its subject: "State
    court [rules against] [the purge of voter rolls]", "Mayor [questions] [the count]"."""
    tokens = [t for t in doc_tokens(doc)[: MAX_HEADLINE_TOKENS + 1] if not t.is_space]
    line = []
    for token in tokens:
        line.append(token)
        if "\n" in token.whitespace_ or token.text in {";", "."}:
            break
    if len(line) > MAX_HEADLINE_TOKENS:
        return []
    subject = []
    for token in line[:-1]:
        if token.pos_ not in NOUN_OR_ADJECTIVE_POS or len(subject) >= MAX_SUBJECT_WORDS:
            return []
        if subject and token.tag_ == "NNS" and _verb_form(token):
            return _noun_verb_claim(doc, subject, token, line, existing)
        subject.append(token)
    return []


def _verb_form(word: Token) -> bool:
    """A plural noun that is also the third person of a verb of saying: "rules", "urges"."""
    low = word.lower_
    verbs = reporting_verbs()
    return low.endswith("s") and (low[:-1] in verbs or (low.endswith("es") and low[:-2] in verbs))


def _noun_verb_claim(
    doc: Doc, subject: list[Token], verb: Token, line: list[Token], existing: list[RawAttribution]
) -> list[RawAttribution]:
    """The attribution of a headline verb misread as a noun, or none if it does not fit."""
    following = line[line.index(verb) + 1 :]
    if not following or following[0].pos_ not in OBJECT_STARTS or following[0].lower_ == "of":
        return []  # "Police reports of abuse rise": the plural is a noun
    if not can_speak(subject[-1]):
        return []
    cue_end = verb
    pairs = load_lexicon("reporting_verb_prepositions")
    if following[0].pos_ == "ADP" and f"{verb.lower_[:-1]} {following[0].lower_}" in pairs:
        cue_end = following[0]  # "rules against"
    end = line[-1].i + 1
    bounds = trimmed_bounds(doc, cue_end.i + 1, end)
    if bounds is None or any(overlaps(a.content, bounds) for a in existing):
        return []
    head = subject[-1]
    return [
        RawAttribution(
            kind="indirect",
            content=bounds,
            cue=(verb.idx, cue_end.idx + len(cue_end)),
            source=(subject[0].idx, head.idx + len(head)),
            source_head=head.idx,
            cue_head=verb.idx,
        )
    ]


def _paragraph_starts(doc: Doc) -> list[int]:
    """Token indices that open a paragraph (the first token, or one after a line break)."""
    starts = []
    for token in doc_tokens(doc):
        if token.is_space:
            continue
        before = doc[token.i - 1] if token.i else None
        if before is None or "\n" in before.text or "\n" in before.whitespace_:
            starts.append(token.i)
    return starts


def _paragraph_end(doc: Doc, i: int) -> int:
    while i < len(doc) and "\n" not in doc[i].text and "\n" not in doc[i].whitespace_:
        i += 1
    return min(i + 1, len(doc))
