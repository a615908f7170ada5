"""What a verb of stance reports through its object and complements.

"accused [the bank of fraud]", "urges [supporters to monitor polling places]", "called for
[a recount]", "vowed [to appeal]": the content is the object with the complements that
carry the claim, drawn only when a speaker does the act. Used by
:func:`auditor.nlp.content.reported_content` when the verb has no clausal complement.
"""

from __future__ import annotations

from spacy.tokens import Token

from auditor.lexicon import load_lexicon
from auditor.nlp.apparent_acts import hedged_by
from auditor.nlp.claim_end import claim_end, without_setting
from auditor.nlp.contact_relatives import through_contact_clause
from auditor.nlp.content_verbs import (
    inside_reported_clause,
    is_content_verb,
    is_infinitive,
    preposition_of_cue,
    says_what,
    word_count,
)
from auditor.nlp.cues import is_reporting_verb, verb_lemma
from auditor.nlp.documents import document_object_end, document_reports
from auditor.nlp.labels import (
    ADVERBS_OR_NEGATIONS,
    CLAUSAL_OR_PREDICATIVE_COMPLEMENTS,
    COORDINATE_OR_ADVERBIAL_CLAUSES,
    INFINITIVE_OR_CLAUSE_MARKERS,
    NOMINAL_SUBJECTS,
    PARTICLES_OR_PREPOSITIONS,
    PASSIVE_MARKERS,
    PAST_OR_THIRD_PERSON_TAGS,
    PREPOSITION_OBJECTS,
    VERBAL_POS,
)
from auditor.nlp.participles import subject_of_misread_main_verb
from auditor.nlp.quote_gloss import gloss_start
from auditor.nlp.regarding import regarded_as
from auditor.nlp.speaking import can_speak
from auditor.nlp.verb_subjects import subject_of

#: Verbs whose object is only reported speech when a speaker does the emphasizing.
EMPHASIS_VERBS = load_lexicon("emphasis_verbs")
#: Prepositions after an object that continue what a stance verb reports: "accused X of
#: Y", "blamed X for Y", "described X as Y", "compared X to Y", "cited letters from Y".
OBJECT_PREPS = {"for", "of", "on", "as", "about", "against", "over", "with", "to", "from"}
#: Prepositions that say what an addressee was told or asked: "warned them of a storm".
ADDRESSEE_PREPS = {"about", "of", "for", "against"}
#: Adverbs that finish a small clause after an object ("shows Ruiz ahead by 3 points").
SMALL_CLAUSE_ADVERBS = load_lexicon("standing_adverbs")


def object_content(verb: Token) -> tuple[int, int] | None:
    """What a verb of stance reports through its object and complements: "accused [the
    bank of fraud]", "urges [supporters to monitor polling places]", "called for [a
    recount]", "vowed [to appeal]". Only when a speaker does it, and not for a bare
    pronoun ("denied it") or an addressee alone ("told reporters")."""
    subject = subject_of(verb)
    if not (can_speak(subject) or document_reports(verb)) or _is_agentless_passive(verb):
        # "the display of grit underscores the message": nobody speaks; "the rules permit
        # members to ...": a binding text speaks through what it allows
        return None
    if _intention_of_unnamed(verb, subject):
        return None  # "officials plan to ...": a claim about them, not their statement
    if not is_reporting_verb(verb) and inside_reported_clause(verb):
        return None  # "said she would not support Hale": one attribution, the saying
    if verb.dep_ in {"xcomp", "advcl", "acl"} and is_infinitive(verb) and not _act_of_its_own(
        verb
    ):
        # "plan to ask the state": the plan is the claim, and the verb it governs
        # reports it; "not authorized to discuss the talks" is nobody's statement.
        return None
    if (
        verb.tag_ == "VBG"
        and verb_lemma(verb) in EMPHASIS_VERBS
        and not any(c.dep_ == "aux" for c in verb.children)
    ):
        # "..., emphasizing the challenges" describes how, not what, was said; "Lee is
        # stressing the need for ..." is what Lee says.
        return None
    parts = content_parts(verb)
    if not parts:
        return None
    if len(parts) == 1 and parts[0].dep_ == "dobj":
        head = parts[0]
        if head.pos_ == "PRON" and head.lower_ not in {"what", "whatever"}:
            return None  # "denied it": nothing checkable is said
    if verb_lemma(verb) in load_lexicon("reporting_verbs_addressee") and not any(
        p.dep_ in CLAUSAL_OR_PREDICATIVE_COMPLEMENTS
        or p.lower_ in ADDRESSEE_PREPS
        or _predicate_of_object(p) is not None
        for p in parts
    ):
        return None  # "told reporters on the steps": the addressee, not what was said
    parts = _without_judged(verb, parts)
    start = min(_content_start(c) for c in parts)
    end = gloss_start(verb, parts) or max(c.right_edge.i for c in parts) + 1
    end = _coordinated_complements(verb, parts, end)
    end = through_contact_clause(verb, claim_end(verb.doc, start, end, verb))
    if not document_reports(verb):
        end = without_setting(verb.doc, start, end)
    else:  # a document holds its words in no setting, but may be followed by an aside
        end = document_object_end(verb.doc, start, end)
    if word_count(verb.doc, start, end) < 1:
        return None
    return start, end


def _act_of_its_own(verb: Token) -> bool:
    """An infinitive that says what the speaker went and did, under a verb that neither
    reports nor intends: "took to Twitter [to accuse] the campaign of lying", "used the
    speech [to attack] the plan"."""
    head = verb.head
    if hedged_by(verb) is not None:
        return True  # "appeared to blame the staff": the subject's act, hedged
    if not (is_reporting_verb(verb) or document_reports(verb)):
        # "went there to discuss the plan": a topic, not a claim; "polls will begin to
        # measure the effect": what the polls hold
        return False
    if verb.dep_ == "acl" or head.pos_ != "VERB" or is_content_verb(head):
        return False
    if verb_lemma(head) in load_lexicon("intention_verbs"):
        return False
    return not any(c.dep_ in PASSIVE_MARKERS for c in head.children)


def _coordinated_complements(verb: Token, parts: list[Token], end: int) -> int:
    """"wants [to triple X], [grow Y] and [create Z]", "mentioned [refinancing loans] and
    [forcing universities to spend]": the parser hangs the later conjuncts on the cue
    verb, but their form (bare infinitive, gerund) shows they continue its complement."""
    forms = set()
    for part in parts:
        if part.dep_ == "xcomp" and is_infinitive(part):
            forms.add("VB")
        if part.tag_ == "VBG" or any(c.tag_ == "VBG" and c.dep_ == "pcomp" for c in part.children):
            forms.add("VBG")
        elif part.left_edge.tag_ == "VBG" and part.left_edge.dep_ == "amod":
            forms.add("VBG")  # "[refinancing] loans": a gerund read as an adjective
    if verb.tag_ != "VB" and any(
        t.lower_ == "to" and t.i > verb.i for t in verb.doc[verb.i : end]
    ):
        # "advocates rules [to end] X, [stop] Y": a bare verb after an infinitive goes on
        # with it; it cannot go with "advocates" or "referencing" itself
        forms.add("VB")
    dangling = verb.doc[end - 1].dep_ == "cc"  # "to threaten X [or]": a conjunct must follow
    for child in verb.rights:
        if child.i < end or child.dep_ not in COORDINATE_OR_ADVERBIAL_CLAUSES:
            continue
        if dangling and child.dep_ == "conj" and child.pos_ in VERBAL_POS:
            dangling = False
            if child.tag_ in PAST_OR_THIRD_PERSON_TAGS or any(
                c.dep_ in NOMINAL_SUBJECTS for c in child.children
            ):
                end -= 1  # "urges him to stay [and] says ...": a second act; drop the "and"
                break
            end = child.right_edge.i + 1  # a bare verb (or one tagged VBP) goes on with it
            continue
        if child.dep_ == "advcl" and (child.tag_ != "VB" or any(
            c.dep_ in INFINITIVE_OR_CLAUSE_MARKERS for c in child.children
        )):
            continue  # "to end X, [stop] Y": only a bare verb is a misread conjunct
        if child.tag_ in forms and child.tag_ != verb.tag_ and not any(
            c.dep_ in NOMINAL_SUBJECTS for c in child.children
        ):
            end = child.right_edge.i + 1
    return end


def _predicate_of_object(part: Token) -> Token | None:
    """"called the decision "a disgrace"": the parser often reads the predicate after an
    object as its apposition; with no comma between, it is a predicate."""
    if part.dep_ != "dobj":
        return None
    for child in part.rights:
        if child.dep_ == "appos":
            if not any(t.text == "," for t in part.doc[part.i : child.left_edge.i]):
                return child
    return None


def _intention_of_unnamed(verb: Token, subject: Token | None) -> bool:
    """An intention ("plan to", "want") of people the article does not name."""
    if subject is None or verb_lemma(verb) not in load_lexicon("intention_verbs"):
        return False
    lemma = subject.lemma_.lower()
    unnamed = load_lexicon("source_nouns_anonymous") | load_lexicon("source_nouns_vague")
    return subject.pos_ == "NOUN" and lemma in unnamed


def _without_judged(verb: Token, parts: list[Token]) -> list[Token]:
    """"accused the bank [of "fraud"]": when a verb of judging quotes the charge, the
    quoted charge is what is said and the one charged is not part of it (while in "called
    [the plan "a scam"]" or "described [the plan as "a scam"]" the thing named stays)."""
    if verb_lemma(verb) not in load_lexicon("reporting_verbs_naming"):
        return parts
    verdicts = [
        p for p in parts
        if p.dep_ == "prep" and p.lower_ == "of" and _quotes_words(p)
    ]
    if not verdicts:
        return parts
    return [p for p in parts if p.dep_ != "dobj" or p.i > verdicts[0].i]


def _quotes_words(token: Token) -> bool:
    """A quotation mark opens inside the token's phrase."""
    return any(t.is_quote for t in token.subtree)


def content_parts(verb: Token) -> list[Token]:
    """The verb's dependents after it that carry what is reported.

    A prepositional cue gives its preposition ("called for [a recount]"); a verb that
    reports through its object gives the object, an infinitive ("wants [to cut]"), a
    predicate ("called it [a hoax]") and the prepositions stance verbs take after an
    object ("blamed X [for Y]", "described X [as Y]").
    """
    parts = []
    preposition = preposition_of_cue(verb)
    if preposition is not None:
        parts.append(preposition)
    regarded = regarded_as(verb)
    if regarded:
        return parts + regarded  # "critics see [the bill] [as a giveaway]"
    lemma = verb_lemma(verb)
    if (
        lemma not in load_lexicon("reporting_verbs_with_object")
        and lemma not in load_lexicon("stance_verbs")
        and not document_reports(verb)
    ):
        return parts + _as_predicate(verb, preposition)
    has_object = False
    for child in verb.rights:
        if child == preposition:
            continue
        if child.dep_ in {"dobj", "oprd", "dative"} and not child.is_punct:
            parts.append(child)
            has_object = True
        elif child.dep_ == "advmod" and has_object and child.lower_ in SMALL_CLAUSE_ADVERBS:
            parts.append(child)  # "shows [the incumbent ahead by four points]"
        elif child.dep_ == "prep" and child.lower_ == "by" and parts and (
            parts[-1].lower_ in SMALL_CLAUSE_ADVERBS
        ):
            parts.append(child)
        elif child.dep_ == "xcomp" and (is_infinitive(child) or has_object):
            parts.append(child)
        elif child.dep_ == "xcomp" and child.tag_ == "VBG" and child.i == verb.i + 1 + sum(
            1 for t in verb.doc[verb.i + 1 : child.i] if t.dep_ in ADVERBS_OR_NEGATIONS
        ):
            parts.append(child)  # "proposes [doing away with the mandate]", "admitted [using]"
        elif child.dep_ == "ccomp" and child.i > verb.i:
            parts.append(child)
        elif (
            child.dep_ == "prep"
            and (has_object or preposition is not None)
            and child.lower_ in OBJECT_PREPS
            and says_what(child)
        ):
            parts.append(child)
        elif child.dep_ == "prep" and has_object and document_reports(verb):
            parts.append(child)  # "the study found [40 errors] [out of a million votes]"
    return parts


def _as_predicate(verb: Token, preposition: Token | None) -> list[Token]:
    """"referred to [the plan] [as a scam]", "focused on [jobs] [as the central issue]":
    after a prepositional cue, the as-phrase says what the speaker made of the topic."""
    if preposition is None:
        return []
    return [
        c for c in verb.rights
        if c.i > preposition.i and c.dep_ == "prep" and c.lower_ == "as" and says_what(c)
    ][:1]


def _is_agentless_passive(verb: Token) -> bool:
    """"X was charged with fraud", "a group known as Y": the subject is not the speaker."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and subject_of_misread_main_verb(verb) is None:
        return True  # "[One of the nurses] who signed it called ...": a main verb misread
    return any(c.dep_ == "nsubjpass" for c in verb.children) and not any(
        c.dep_ == "agent" for c in verb.children
    )


def _content_start(part: Token) -> int:
    """Where a part's content starts: a preposition right after the cue belongs to the
    cue ("called for | a recount"), so its object starts the content."""
    if part.dep_ in PARTICLES_OR_PREPOSITIONS and preposition_of_cue(part.head) == part:
        objects = [c for c in part.children if c.dep_ in PREPOSITION_OBJECTS]
        if objects:
            return objects[0].left_edge.i
    return part.left_edge.i
