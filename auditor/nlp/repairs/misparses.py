"""The functions that correct the small model's misreadings live together here.

Read over the parse by auditor/nlp/cues.py: a title split from its name into a second
subject ("[Retired admiral] [Joan Pello] told"), a verb in -s taken for a plural noun
compounded with its subject ("The filing [states] that ..."), an indefinite hung on the
adverb after it ("[Many] online have derided ..."), a verb hung on an extraposed "it"
("It is odd that [Lee] demands ..., yet refuses ...").

The detectors for auditor/nlp/repairs/rereading.py, which reads a sentence again with a word put
in ("nudges"), live beside this module in :mod:`auditor.nlp.repairs.misparse_nudges`."""

from __future__ import annotations

from spacy.tokens import Token

from auditor.lexicon import load_lexicon
from auditor.nlp.labels import NOMINAL_SUBJECTS, NOUN_POS, PAST_VERB_TAGS, SUBJECTS, VERBAL_POS


def compound_subject(token: Token) -> Token | None:
    """The noun the tagger made a compound of a verb in -s it took for a plural noun
    ("The filing [states] that ...": "filing states" read as one noun) when a clause
    follows: the compound is the verb's subject. None otherwise."""
    if token.tag_ != "NNS" or not token.lower_.endswith("s") or token.i == 0:
        return None
    before = token.doc[token.i - 1]
    if before.dep_ != "compound" or before.head != token or before.pos_ not in NOUN_POS:
        return None
    if not any(c.dep_ == "ccomp" and c.i > token.i for c in token.children):
        return None
    return before if token.lemma_.lower() in load_lexicon("reporting_verbs") else None


def quantifier_on_modifier(verb: Token) -> Token | None:
    """"[Many] online have mocked ...": the parser hung the indefinite subject on the
    adverb after it and left the verb without a subject; the indefinite speaks."""
    if any(c.dep_ in SUBJECTS for c in verb.children):
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
        or any(c.dep_ == "acl" and c.tag_ in PAST_VERB_TAGS for c in clause.children)
        or not any(t.pos_ in VERBAL_POS for t in clause.subtree)
    ):
        return None
    if any(not t.is_punct and not t.is_space for t in verb.doc[verb.i + 1 : verb.sent.end]):
        return None
    return speaker, comma


def subject_after_heading(verb: Token) -> Token | None:
    """"THE LOANS Back when he wrote his book, Mr. Lee said that ...": a section heading
    run into the sentence became a first subject of the verb; the subject after the
    comma, right before the verb, is the speaker. None unless the verb has two subjects
    on its left parted by a phrase of the verb ("when he wrote his book") and a comma, or
    by the colon after a headline's label ("The Update: [Lee] urges voters to ...")."""
    subjects = [c for c in verb.lefts if c.dep_ == "nsubj"]
    if len(subjects) != 2:
        return None
    first, speaker = subjects
    comma = speaker.left_edge.i - 1
    label = comma == first.right_edge.i + 1 and verb.doc[comma].text == ":"
    if not label and (comma <= first.right_edge.i + 1 or verb.doc[comma].text != ","):
        return None  # "Ann Lee, the mayor, said", "The family, friends and aides have said"
    between = verb.doc[speaker.right_edge.i + 1 : verb.i]
    if any(t.head != verb or t.dep_ not in {"advmod", "aux", "neg"} for t in between):
        return None
    return speaker


def subject_of_extraposed_clause(verb: Token) -> Token | None:
    """"It is odd that Lee demands answers, yet refuses to give any": the parser hung
    the second verb ("refuses") on "is", whose "it" only stands for the that-clause; the
    clause's subject does both. None unless ``verb`` is a conjunct of a verb with a
    subject "it" and a that-clause before ``verb``."""
    head = verb.head
    if verb.dep_ != "conj" or any(c.dep_ in NOMINAL_SUBJECTS for c in verb.children):
        return None
    if not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in head.children):
        return None
    clause = next(
        (
            c
            for c in head.children
            if c.dep_ == "ccomp"
            and c.i < verb.i
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        ),
        None,
    )
    if clause is None:
        return None
    return next(
        (c for c in clause.children if c.dep_ == "nsubj" and c.lower_ != "it"), None
    )
