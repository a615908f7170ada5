"""Repairs for the parser's misreadings around a speaker: a title split from its name into
a second subject ("[Retired admiral] [Joan Pello] told"), a verb in -s taken for a
plural noun compounded with its subject ("The filing [states] that ..."), an indefinite
hung on the adverb after it ("[Many] online have derided ..."). Used by
auditor/nlp/cues.py."""

from __future__ import annotations

from functools import cache

from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from auditor.lexicon import load_lexicon


def compound_subject(token: Token) -> Token | None:
    """The noun the tagger made a compound of a verb in -s it took for a plural noun
    ("The filing [states] that ...": "filing states" read as one noun) when a clause
    follows: the compound is the verb's subject. None otherwise."""
    if token.tag_ != "NNS" or not token.lower_.endswith("s") or token.i == 0:
        return None
    before = token.doc[token.i - 1]
    if before.dep_ != "compound" or before.head != token or before.pos_ not in {"NOUN", "PROPN"}:
        return None
    if not any(c.dep_ == "ccomp" and c.i > token.i for c in token.children):
        return None
    return before if token.lemma_.lower() in load_lexicon("reporting_verbs") else None


def quantifier_on_modifier(verb: Token) -> Token | None:
    """"[Many] online have mocked ...": the parser hung the indefinite subject on the
    adverb after it and left the verb without a subject; the indefinite speaks."""
    if any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in verb.children):
        return None
    for modifier in (c for c in verb.lefts if c.dep_ in {"advmod", "npadvmod"}):
        first = modifier.doc[modifier.left_edge.i]
        if (
            first.head == modifier
            and first.dep_ in {"amod", "det", "nummod"}
            and first.lower_ in load_lexicon("speaker_indefinites")
            and modifier.left_edge.i == verb.sent.start + _opening_words(verb)
        ):
            return first
    return None


def _opening_words(verb: Token) -> int:
    """How many tokens open the sentence before its subject could start (opening quote
    marks and spaces)."""
    count = 0
    for token in verb.sent:
        if not (token.is_space or token.is_quote):
            break
        count += 1
    return count


def name_after_title(subject: Token) -> Token | None:
    """The name the parser split from its title into a second subject ("[Retired admiral]
    [Joan Mercer] told ..."): the name is the speaker; None when there is no such split."""
    if subject.pos_ != "NOUN" or subject.right_edge != subject or not is_title(subject):
        return None  # only a bare title ("a leader [of a group] Lashkar" is no title)
    after = subject.doc[subject.right_edge.i + 1] if subject.right_edge.i + 1 < len(
        subject.doc
    ) else None
    if after is None or after.pos_ != "PROPN":
        return None
    name = after if after.head == subject.head else after.head
    if name.head != subject.head or name.dep_ != subject.dep_ or name.pos_ != "PROPN":
        return None
    return name if name.left_edge.i == subject.right_edge.i + 1 else None


def is_title(noun: Token) -> bool:
    """A person's title ("admiral") or an outlet's descriptor ("wire service"), which
    can stand right before a name."""
    lemma = noun.lemma_.lower()
    compounds = [t.lower_ for t in noun.lefts if t.dep_ == "compound"]
    return any(
        lemma in load_lexicon(name) for name in ("person_titles", "source_person_roles")
    ) or any(
        phrase in load_lexicon("media_descriptors")
        for phrase in (lemma, " ".join([*compounds[-1:], lemma]))
    )


def title_before_name(name: Token) -> Token | None:
    """The title subject right before a name subject of the same verb, or None."""
    if name.pos_ != "PROPN" or name.left_edge.i == 0:
        return None
    before = name.doc[name.left_edge.i - 1]
    title = next(
        (t for t in (before, *before.ancestors) if t.head == name.head and t.dep_ == name.dep_),
        None,
    )
    if title is None or title == name or name_after_title(title) != name:
        return None
    return title


def clause_misread_as_subject(verb: Token) -> tuple[Token, int] | None:
    """"The bridge reopened on Sunday, the news agency Ostwind reported.": the parser made
    the reported clause's subject a second subject of the reporting verb (its verb a
    participle on it), or left a fragment without a verb on it as a subject or a loose
    dependent ("People like him, she said.", "Rules unclear on who is covered, experts
    say."). Returns the speaker, the subject right before the verb, and the index of the
    comma that ends the clause; None for anything else."""
    subjects = [c for c in verb.lefts if c.dep_ == "nsubj"]
    if verb.dep_ != "ROOT" or not subjects:
        return None
    speaker = subjects[-1]
    comma = speaker.left_edge.i - 1
    if speaker.right_edge.i + 1 != verb.i or comma <= verb.sent.start:
        return None
    if verb.doc[comma].text != ",":
        return None
    clause = next(
        (
            c
            for c in verb.lefts
            if c.dep_ in {"nsubj", "dep"} and c != speaker and c.left_edge.i == verb.sent.start
        ),
        None,
    )
    if clause is None or clause.right_edge.i != comma - 1:
        return None
    if not (
        clause.dep_ == "dep"
        or any(c.dep_ == "acl" and c.tag_ in {"VBD", "VBN"} for c in clause.children)
        or not any(t.pos_ in {"VERB", "AUX"} for t in clause.subtree)
    ):
        return None
    if any(not t.is_punct and not t.is_space for t in verb.doc[verb.i + 1 : verb.sent.end]):
        return None
    return speaker, comma


def subject_after_heading(verb: Token) -> Token | None:
    """"THE LOANS Back when he wrote his book, Mr. Lee said that ...": a section heading
    run into the sentence became a first subject of the verb; the subject after the
    comma, right before the verb, is the speaker. None unless the verb has two subjects
    on its left parted by a phrase of the verb ("when he wrote his book") and a comma."""
    subjects = [c for c in verb.lefts if c.dep_ == "nsubj"]
    if len(subjects) != 2:
        return None
    first, speaker = subjects
    comma = speaker.left_edge.i - 1
    if comma <= first.right_edge.i + 1 or verb.doc[comma].text != ",":
        return None  # "Ann Lee, the mayor, said", "The family, friends and aides have said"
    between = verb.doc[speaker.right_edge.i + 1 : verb.i]
    if any(t.head != verb or t.dep_ not in {"advmod", "aux", "neg"} for t in between):
        return None
    return speaker


# ---------------------------------------------------------------- verbs read as nouns
#
# "House panel [votes] to hold him in contempt", "Trump [questions] the fairness of the
# moderators": the tagger took a verb of saying or planning in -s (or its bare plural
# form) for a noun, and the parser built a noun phrase around it, so no pass sees a verb.
# Such a sentence is read again with "also" put before the word: an adverb there leaves
# only the verb reading, and the model parses the sentence as English puts it. The new
# reading replaces the old one for that sentence only when the word comes out as a
# finite verb whose subject is the noun phrase right before it.

#: What a re-reading sets on each token.
_ATTRS = [TAG, POS, MORPH, LEMMA, HEAD, DEP]
#: The adverb put before a word to read it as a verb.
NUDGE = "also"
#: Tags of a word that may follow the verb: an object's or a clause subject's first word.
_OBJECT_STARTS = {"DT", "PRP$", "PRP", "NNP", "NNPS", "CD", "WRB", "WP", "WDT", "NN", "NNS", "JJ"}
#: Words that may stand right before the subject of a clause.
_CLAUSE_OPENERS = {"CCONJ", "SCONJ", "PUNCT", "SPACE"}


@cache
def saying_or_planning_verbs() -> frozenset[str]:
    """Lemmas of verbs of saying, planning, stance and attitude (the lexicons the passes
    read), single words only: "vote" for "vote against"."""
    lemmas: set[str] = set()
    for name in (
        "reporting_verbs", "intention_verbs", "stance_verbs", "reporting_verbs_with_object",
        "reporting_verbs_documents", "attitude_verbs", "reporting_verb_prepositions",
    ):
        lemmas.update(entry.split()[0] for entry in load_lexicon(name))
    return frozenset(lemmas)


@cache
def _verb_prepositions() -> frozenset[str]:
    """"lemma preposition" pairs whose preposition belongs to the verb ("rule against")."""
    return frozenset(
        entry
        for name in ("reporting_verb_prepositions", "attitude_verbs")
        for entry in load_lexicon(name)
        if " " in entry
    )


def misread_verb(token: Token) -> bool:
    """Is ``token`` a verb of saying or planning the tagger read as a noun? Decided by
    its place: right after a noun phrase that agrees with it as a subject ("panel votes",
    "documents show"), before an infinitive, an object, a clause or the verb's own
    preposition ("votes to hold", "questions the fairness", "rules against"), and not
    the object of a verb or a preposition ("cited remarks", "a set of rules that")."""
    doc = token.doc
    if token.tag_ not in {"NN", "NNS"} or token.i == 0 or token.i + 1 >= len(doc):
        return False
    if token.tag_ == "NNS" and not token.lower_.endswith("s"):
        return False  # "data", "people": no verb in -s
    if token.lemma_.lower() not in saying_or_planning_verbs():
        return False
    if token.head.pos_ in {"VERB", "AUX", "ADP"} and token.dep_ in {"dobj", "pobj", "attr"}:
        return False
    before = doc[token.i - 1]
    if before.pos_ not in {"NOUN", "PROPN"} or before.tag_ == "VBG":
        return False
    subject = next((c for c in token.lefts if c.dep_ == "nsubj"), before)
    plural = subject.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in subject.children)
    if (token.tag_ == "NNS") == plural:
        return False  # "panel votes", "documents show"; not "panels votes"
    return _verb_complement_follows(token)


def _verb_complement_follows(token: Token) -> bool:
    """What follows ``token`` can be a verb's: "to" with a verb, an object or a clause,
    or a preposition the verb takes ("rules against")."""
    doc = token.doc
    after = doc[token.i + 1]
    if after.tag_ == "TO":
        return token.i + 2 < len(doc) and doc[token.i + 2].tag_ == "VB"
    if after.tag_ in _OBJECT_STARTS or after.lower_ in {"that", "whether", "if"}:
        return True
    return f"{token.lemma_.lower()} {after.lower_}" in _verb_prepositions()


def nudged_text(sentence: Span, word: Token) -> str:
    """The sentence's text with the nudge put before ``word``."""
    text = sentence.doc.text
    return (
        text[sentence.start_char : word.idx] + NUDGE + " " + text[word.idx : sentence.end_char]
    )


def verb_reading(sentence: Span, word: Token, reread: Doc) -> list | None:
    """The re-read sentence's analysis of each token of ``sentence`` (a row of
    :data:`_ATTRS` values: tag, POS, morph, lemma, head offset, dependency), without the
    nudge; None unless the re-reading
    tokenizes alike and makes ``word`` a finite verb with the noun phrase right before
    it as subject ("State panel [also] votes to hold ...")."""
    nudge_i = word.i - sentence.start
    tokens = [t for t in reread if t.i != nudge_i]
    if len(tokens) != len(sentence) or reread[nudge_i].lower_ != NUDGE:
        return None
    if any(a.text != b.text for a, b in zip(tokens, sentence, strict=True)):
        return None
    verb = reread[nudge_i + 1]
    if verb.tag_ not in {"VBZ", "VBP", "VBD"} or any(t.head.i == nudge_i for t in tokens):
        return None
    subject = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ not in {"NOUN", "PROPN"}:
        return None
    if subject.right_edge.i != nudge_i - 1:
        return None
    opener = subject.left_edge.i - 1
    if opener >= 0 and reread[opener].pos_ not in _CLAUSE_OPENERS:
        return None  # "Lee cited disparaging [also] remarks ...": no subject after a verb
    if sum(1 for t in tokens if t.head == t) != 1:
        return None  # the re-reading split the sentence
    rows = reread.to_array(_ATTRS)
    position = {t.i: k for k, t in enumerate(tokens)}
    reading = []
    for k, t in enumerate(tokens):
        row = rows[t.i].copy()
        row[_ATTRS.index(HEAD)] = (position[t.head.i] - k) % 2**64  # unsigned, as spaCy's
        reading.append(row)
    return reading


@Language.factory("auditor_misparses")
def make_misparse_repairer(nlp: Language, name: str) -> MisparseRepairer:
    """Create the component; it goes right after the model's own components."""
    return MisparseRepairer(nlp, name)


class MisparseRepairer:
    """``auditor_misparses``: sentences with a verb read as a noun (see
    :func:`misread_verb`) are re-read with the nudge by the model's components that come
    before this one, and take the re-reading when :func:`verb_reading` accepts it."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        suspects = []
        for sentence in doc.sents:
            word = next((t for t in sentence if misread_verb(t)), None)
            if word is not None:
                suspects.append((sentence, word))
        if not suspects:
            return doc
        rereadings = self._read([nudged_text(s, w) for s, w in suspects])
        readings = [
            (sentence, verb_reading(sentence, word, reread))
            for (sentence, word), reread in zip(suspects, rereadings, strict=True)
        ]
        _apply([(s, r) for s, r in readings if r is not None], doc)
        return doc

    def _read(self, texts: list[str]) -> list[Doc]:
        """``texts`` through the model's components before this one."""
        docs = [self.nlp.make_doc(text) for text in texts]
        for name, component in self.nlp.pipeline:
            if name == self.name:
                break
            docs = [component(d) for d in docs]
        return docs


def _apply(readings: list[tuple[Span, list]], doc: Doc) -> None:
    """Write each sentence's new reading into ``doc``; nothing changes when the new
    heads would move a sentence boundary."""
    if not readings:
        return
    before = doc.to_array(_ATTRS)
    sentences = [s.start for s in doc.sents]
    array = before.copy()
    for sentence, reading in readings:
        for k, row in enumerate(reading):
            array[sentence.start + k] = row
    doc.from_array(_ATTRS, array)
    if [s.start for s in doc.sents] != sentences:
        doc.from_array(_ATTRS, before)
