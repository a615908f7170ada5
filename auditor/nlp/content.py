"""What a reporting cue reports: the content span, read off the dependency parse.

The functions take the cue's verb and return a token range ``[start, end)``. They follow
how editors (and the PolNeAR annotators) read a claim: the whole that-clause, the object
and its complements for verbs of stance ("accused the bank of fraud", "wants to cut
taxes", "called for a recount"), without the cue and the speaker, and without trailing
material that is not part of the claim (", which ..." asides, a second reporting verb).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from auditor.lexicon import load_lexicon
from auditor.nlp.agents import by_phrase, participle_content
from auditor.nlp.answers import answered_content
from auditor.nlp.apparent_acts import apparent_act, hedged_by
from auditor.nlp.as_clauses import as_clause_range, opening_connective
from auditor.nlp.claim_end import (
    claim_end,
    concessive,
    holds_quotation,
    trim_end,
    without_setting,
)
from auditor.nlp.contact_relatives import through_contact_clause
from auditor.nlp.cues import (
    acts_as_verb,
    is_reporting_verb,
    misread_trailing_report,
    subject_of,
    subtree_token_range,
    verb_lemma,
)
from auditor.nlp.documents import document_object_end, document_reports
from auditor.nlp.misparses import clause_misread_as_subject
from auditor.nlp.misplaced_clauses import clause_start, misplaced_complement
from auditor.nlp.participles import subject_of_misread_main_verb
from auditor.nlp.quote_gloss import gloss_start
from auditor.nlp.regarding import regarded_as
from auditor.nlp.speaking import can_speak
from auditor.nlp.stranded_clauses import clause_on_addressee, stranded_clause

#: Verbs whose object is only reported speech when a speaker does the emphasizing.
EMPHASIS_VERBS = {"emphasize", "emphasise", "stress", "highlight", "underscore"}
#: Prepositions after an object that continue what a stance verb reports: "accused X of
#: Y", "blamed X for Y", "described X as Y", "compared X to Y", "cited letters from Y".
OBJECT_PREPS = {"for", "of", "on", "as", "about", "against", "over", "with", "to", "from"}
#: Prepositions that say what an addressee was told or asked: "warned them of a storm".
ADDRESSEE_PREPS = {"about", "of", "for", "against"}
#: Adverbs that finish a small clause after an object ("shows Clinton ahead by 3 points").
SMALL_CLAUSE_ADVERBS = {"ahead", "behind", "up", "down", "even", "level", "tied"}
#: Named-entity labels of a prepositional object that says when or where, not what.
CIRCUMSTANCE_LABELS = {"DATE", "TIME", "GPE", "LOC", "FAC", "EVENT"}
#: Prepositions whose object, with one of those labels, is a circumstance ("from Ohio").
CIRCUMSTANCE_PREPS = {"on", "at", "to", "over", "from"}


def reported_content(verb: Token) -> tuple[int, int] | None:
    """Token range of what a reporting verb reports, or None.

    In order: words after a colon that follows the verb ("responded with a video: ...");
    the clausal complement ("confirmed that ..."), when it comes before the verb only if a
    comma or quotation mark closes it ("..., officials said"); the object and complements
    of the verb ("accused the bank of fraud", "vowed to appeal"); and the whole sentence
    around a parenthetical "X said," ("Acts of protest, Mr. Obama said, are acts of
    patriotism").
    """
    doc = verb.doc
    after_colon = _after_colon(verb)
    if after_colon is not None:
        return after_colon
    complement = _complement(verb)
    if complement is None and verb.lemma_ == "make":
        complement = next((c for c in verb.subtree if c.dep_ == "ccomp"), None)
    if complement is not None:
        start, end = subtree_token_range(complement)
        if complement.head != verb and start <= verb.i < end:
            # a stranded clause holds the cue's own clause: "while she conceded [costs
            # were rising], Lee noted ..."
            start = verb.right_edge.i + 1
        if end <= verb.i and not closed_before_speaker(doc, end):
            complement = None
        else:
            if start > verb.i:
                start = _object_before_clause(verb, complement, start)
                start = clause_start(complement, start)
                end = _continued_complement(verb, end)
                end = claim_end(doc, start, end, verb, clausal=True)
            return start, end
    framing = as_clause_content(verb)
    if framing is not None:
        return framing
    object_range = (
        passive_content(verb)
        or participle_content(verb)
        or object_content(verb)
        or raised_content(verb)
        or answered_content(verb)
    )
    if object_range is not None:
        return object_range
    if verb.dep_ == "parataxis" and subject_of(verb) is not None:
        return verb.sent.start, verb.sent.end
    if _parenthetical(verb):
        return verb.sent.start, verb.sent.end
    misread = clause_misread_as_subject(verb)
    if misread is not None:
        return verb.sent.start, misread[1]  # "The bridge reopened, the agency reported."
    descriptor = misread_trailing_report(verb)
    if descriptor is not None:
        return verb.sent.start, descriptor.left_edge.i - 1  # "X quit, the agency Y reported"
    return None


def _parenthetical(verb: Token) -> bool:
    """"These workers, Lee explained at the hearing, were "well paid"": the parser takes
    the inserted "Lee explained" for the main clause; what it interrupts, a subject
    before it and a predicate after it, is what was said."""
    if verb.dep_ != "ROOT" or not is_reporting_verb(verb):
        return False
    subject = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
    doc = verb.doc
    if subject is None or subject.left_edge.i - 1 <= verb.sent.start:
        return False
    comma = subject.left_edge.i - 1
    if doc[comma].text != ",":
        return False
    if not any(
        c.i < comma and c.dep_ in {"nsubj", "npadvmod", "dep"} and c.pos_ in {"NOUN", "PROPN"}
        for c in verb.lefts
    ):
        return False  # "In August, Lee said ...": a fronted setting, not a fronted subject
    rest = next(
        (c for c in verb.rights if c.dep_ in {"conj", "advcl", "parataxis"} and c.pos_ in {
            "VERB", "AUX"
        }),
        None,
    )
    if rest is None or doc[rest.left_edge.i - 1].text != ",":
        return False
    return not any(c.dep_ in {"nsubj", "nsubjpass", "mark"} for c in rest.children)


def _complement(verb: Token) -> Token | None:
    """The clause a verb reports: its clausal complement, the one after it when there are
    two ("[While he admitted X], Lee noted [Y]"), or a that-clause the parser hung
    elsewhere after a time phrase: on the verb as an adverbial ("tweeted in the early
    hours [that ...]") or on the phrase as a relative clause ("reported at the time [that
    the editor had quit]")."""
    complements = [c for c in verb.children if c.dep_ == "ccomp"]
    after = [c for c in complements if c.i > verb.i]
    if after:
        return after[0]
    if complements:
        return complements[0]
    for child in verb.rights:
        if child.dep_ == "advcl" and _misread_that_clause(child):
            return child
        if child.dep_ == "prep":
            for obj in child.children:
                if obj.dep_ != "pobj":
                    continue
                clause = next((c for c in obj.children if c.dep_ == "relcl"), None)
                if clause is not None and _misread_that_clause(clause):
                    return clause
    misplaced = misplaced_complement(verb)
    if misplaced is None and is_reporting_verb(verb):
        # "while she conceded [costs rose], Lee noted ...", "reminded them [he was ...]"
        return stranded_clause(verb) or clause_on_addressee(verb)
    return misplaced


def _misread_that_clause(clause: Token) -> bool:
    """A clause opened by "that" as a conjunction, with a subject of its own: a that-clause,
    not a relative clause ("[that] the editor had quit", not "a statement [that] was
    released")."""
    first = clause.left_edge
    return (
        first.lower_ == "that"
        and first.dep_ in {"mark", "advmod"}
        and any(c.dep_ in {"nsubj", "nsubjpass"} and c != first for c in clause.children)
    )


def _object_before_clause(verb: Token, complement: Token, start: int) -> int:
    """"mentioned [disparaging remarks] [Trump had made]": the parser reads a relative
    clause without "that" as the verb's complement; the object before it is part of what
    was mentioned. Not for an addressee ("told [reporters] that ...")."""
    lemma = verb_lemma(verb)
    if lemma in load_lexicon("reporting_verbs_addressee"):
        return start
    if lemma not in load_lexicon("reporting_verbs_with_object") and lemma not in load_lexicon(
        "stance_verbs"
    ):
        return start
    objects = [c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < complement.i]
    if objects and not any(t.dep_ == "mark" for t in complement.children):
        return objects[0].left_edge.i
    return start


def _continued_complement(verb: Token, end: int) -> int:
    """Extend a complement ending at token ``end`` over what the parser hung on the verb
    but still belongs to what was said: a second clause ("said [Trump respects the
    military] and [his comment was about strategy]"), a "but" / modal continuation
    ("said [they had misgivings], but [could not bear to insult him]"), a conjunct that
    goes on quoting, or a condition of the claim ("[if the bill passed]")."""
    doc = verb.doc
    for child in verb.rights:
        if child.i < end:
            continue
        between = doc[end : child.left_edge.i]
        if any(not (t.is_punct or t.dep_ == "cc") for t in between):
            break
        if child.dep_ == "ccomp" or (child.dep_ == "advcl" and _condition_of_claim(child)):
            end = child.right_edge.i + 1
        elif child.dep_ == "advcl" and not between and child.tag_ == "VBG":
            end = child.right_edge.i + 1  # "she was the first [cutting taxes]"
        elif child.dep_ == "conj" and not is_content_verb(child):
            contrast = any(t.lower_ == "but" for t in between)
            modal = any(c.tag_ == "MD" for c in child.children)
            own_subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in child.children)
            finite = child.tag_ in {"VBD", "VBZ", "VBP", "MD"} or any(
                c.dep_ in {"aux", "auxpass"} for c in child.children
            )
            if (
                finite
                and not holds_quotation(child)
                and (own_subject or not (modal or contrast))
            ):
                # a non-finite conjunct ("and the partner [being] supportive") cannot be
                # the narrator's own sentence: it goes on with the complement
                break
            end = child.right_edge.i + 1
        elif not child.is_punct and child.dep_ != "cc":
            break
    return end


def _condition_of_claim(clause: Token) -> bool:
    """An adverbial clause after the complement that qualifies the claim, not the act of
    saying it: "said costs would fall [if the bill passed]", "said there is a gap [when
    it comes to pay]"."""
    marks = {c.lower_ for c in clause.children if c.dep_ in {"mark", "advmod"}}
    if marks & {"if", "unless"}:
        return True
    return (
        "when" in marks
        and clause.lemma_ == "come"
        and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in clause.children)
        and any(c.dep_ == "prep" and c.lower_ == "to" for c in clause.children)
    )


def as_clause_content(verb: Token) -> tuple[int, int] | None:
    """"As Ms. Lee put it, the plan is dead" / "The plan, as Lee said, is dead": the clause
    the as-clause hangs on is what was said, without the as-clause."""
    if verb.dep_ != "advcl" or not any(
        c.dep_ == "mark" and c.lower_ == "as" for c in verb.children
    ):
        return None
    if any(c.dep_ == "ccomp" for c in verb.children):
        return None
    head = verb.head
    start, end = subtree_token_range(head)
    clause_start, clause_end = as_clause_range(verb)
    doc = verb.doc
    if opening_connective(verb, start, clause_start):
        start = clause_start  # "Yet, as Lee said, ...": the connective is the writer's
    if verb.i == clause_end - 1 and any(c.dep_ == "nsubj" for c in verb.children):
        # "It does not say whether he had a gun, as police have said.": the as-clause
        # ends the sentence with the verb and its own subject (one with an object tells
        # when, not who said; "failed as predicted" names no one)
        while end > clause_end and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
    if clause_start <= start:
        start = clause_end
    elif clause_end >= end:
        end = clause_start
    else:
        return None  # in the middle: the content would be two pieces
    if word_count(doc, start, end) < 2:
        return None
    return start, end


def makes_clear(token: Token) -> bool:
    """"X has made it clear that ...": a statement, though "make" is no verb of saying."""
    if token.lemma_ != "make":
        return False
    near = [c for c in token.subtree if c.head == token or c.head.head == token]
    return any(c.lower_ in {"clear", "plain"} for c in near) and any(
        c.dep_ == "ccomp" for c in token.subtree
    )


def _after_colon(verb: Token) -> tuple[int, int] | None:
    doc = verb.doc
    sentence_end = verb.sent.end
    for i in range(verb.i + 1, min(verb.i + 7, sentence_end)):
        if doc[i].text == ":":
            if word_count(doc, i + 1, sentence_end) >= 3:
                return i + 1, sentence_end
            return _next_paragraph(doc, i)

        if doc[i].text in {".", ";", "!", "?"} or doc[i].is_quote:
            return None
    return None


def _next_paragraph(doc: Doc, colon: int) -> tuple[int, int] | None:
    """"The governor added:" closing its paragraph: the next paragraph is what was
    added (a block of the speaker's words set off without quotation marks)."""
    i = colon + 1
    if i >= len(doc) or "\n" not in doc[colon].whitespace_ + doc[i].text:
        return None
    while i < len(doc) and doc[i].is_space:
        i += 1
    end = i
    while end < len(doc) and not (doc[end].is_space and "\n" in doc[end].text):
        if "\n" in doc[end].whitespace_:
            end += 1
            break
        end += 1
    end = trim_end(doc, i, end) if end > i else end
    return (i, end) if word_count(doc, i, end) >= 3 else None


def closed_before_speaker(doc: Doc, end: int) -> bool:
    """"Content, X said": a comma, dash or closing quote separates the content."""
    separators = {",", "—", "–", "―"}
    for i in (end - 1, end):
        if 0 <= i < len(doc) and (doc[i].text in separators or doc[i].is_quote):
            return True
    return False


def word_count(doc: Doc, start: int, end: int) -> int:
    """Words and numbers among tokens ``[start, end)``."""
    return sum(1 for t in doc[start:end] if t.is_alpha or t.like_num)


def is_content_verb(token: Token) -> bool:
    """A verb that may attribute content: a reporting verb ("said", "believes"), a verb of
    stance that reports through its object ("endorses", "refuses to"), or the verb of a
    prepositional cue ("called for", "spoke of")."""
    if not acts_as_verb(token):
        return False
    lemma = verb_lemma(token)
    if lemma in load_lexicon("aspectual_verbs") and not can_speak(subject_of(token)):
        if any(c.dep_ == "xcomp" for c in token.children):
            return False  # "as the conflict continues to evolve, ..."
    return (
        is_reporting_verb(token)
        or lemma in load_lexicon("stance_verbs")
        or lemma in load_lexicon("raising_verbs")
        or preposition_of_cue(token) is not None
        or document_reports(token)
    )


def inside_reported_clause(token: Token) -> bool:
    """``token`` is part of what a reporting verb above it reports ("said she would not
    support Hale"): a stance there is the speaker's claim, not an attribution of its own."""
    if (
        token.dep_ in {"conj", "advcl"}
        and is_reporting_verb(token)
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)
    ):
        # "said he would act and warned against delay", "..., citing the risks": a second
        # act of the same speaker that the parser hung inside the first one's clause.
        return False
    if token.dep_ == "xcomp" and is_content_verb(token.head) and any(
        c.dep_ in {"dobj", "dative"} and c.i < token.i for c in token.head.children
    ):
        return True  # "urged [the board] to explain ...": what was urged, not an act
    current = token
    for _ in range(8):
        if current.dep_ == "advcl" and any(concessive(c) for c in current.children):
            return False  # "claimed X, although he refused to ...": the writer's aside
        if current.dep_ in {"ccomp", "conj", "xcomp", "advcl"} and current.head != current:
            if current.dep_ == "ccomp" and is_reporting_verb(current.head):
                return True
            current = current.head
            continue
        break
    return False


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
    if verb.dep_ in {"xcomp", "advcl", "acl"} and _is_infinitive(verb) and not _act_of_its_own(
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
        p.dep_ in {"xcomp", "ccomp", "oprd"}
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
    return not any(c.dep_ in {"auxpass", "nsubjpass"} for c in head.children)


def _coordinated_complements(verb: Token, parts: list[Token], end: int) -> int:
    """"wants [to triple X], [grow Y] and [create Z]", "mentioned [refinancing loans] and
    [forcing universities to spend]": the parser hangs the later conjuncts on the cue
    verb, but their form (bare infinitive, gerund) shows they continue its complement."""
    forms = set()
    for part in parts:
        if part.dep_ == "xcomp" and _is_infinitive(part):
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
        if child.i < end or child.dep_ not in {"conj", "advcl"}:
            continue
        if dangling and child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"}:
            dangling = False
            if child.tag_ in {"VBZ", "VBD"} or any(
                c.dep_ in {"nsubj", "nsubjpass"} for c in child.children
            ):
                end -= 1  # "urges him to stay [and] says ...": a second act; drop the "and"
                break
            end = child.right_edge.i + 1  # a bare verb (or one tagged VBP) goes on with it
            continue
        if child.dep_ == "advcl" and (child.tag_ != "VB" or any(
            c.dep_ in {"mark", "aux"} for c in child.children
        )):
            continue  # "to end X, [stop] Y": only a bare verb is a misread conjunct
        if child.tag_ in forms and child.tag_ != verb.tag_ and not any(
            c.dep_ in {"nsubj", "nsubjpass"} for c in child.children
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


def passive_content(verb: Token) -> tuple[int, int] | None:
    """A passive with its agent reports its subject: "[the nominee] was endorsed by the
    Times", "[Oz] has been called a charlatan by fellow doctors"."""
    lemma = verb_lemma(verb)
    if lemma not in load_lexicon("reporting_verbs_with_object") and lemma not in load_lexicon(
        "stance_verbs"
    ):
        return None  # "This article was published by the Gazette" reports nothing
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    agent = by_phrase(verb)  # also a "by" the parser hung on the predicate
    if subject is None or agent is None or subject.pos_ == "PRON" or not can_speak(
        subject_of(verb)
    ):
        return None
    start, end = subtree_token_range(subject)
    complements = [c for c in verb.rights if c.dep_ in {"oprd", "xcomp"} and c.i < agent.i]
    if complements:
        end = min(max(c.right_edge.i for c in complements) + 1, agent.i)
    return start, end


def raised_content(verb: Token) -> tuple[int, int] | None:
    """A claim attributed to nobody: "[the minister] is said [to have resigned]",
    "[turnout] is expected [to rise]", "[the dam] is considered [a threat]", "[the plan]
    seems [to work]". The content runs from the subject to the end of its predicate (the
    cue between them included, since a content is one stretch of text)."""
    lemma = verb_lemma(verb)
    if lemma not in load_lexicon("raising_verbs") or any(
        c.dep_ == "agent" for c in verb.children
    ):
        return None
    if apparent_act(verb) is not None:
        return None  # "the chief appeared to blame workers": his act, not nobody's claim
    active = lemma in {"seem", "appear"}
    subject_dep = "nsubj" if active else "nsubjpass"
    subject = next((c for c in verb.children if c.dep_ == subject_dep), None)
    if subject is None or subject.lower_ == "it":
        return None
    predicate = next(
        (
            c for c in verb.rights
            if (c.dep_ == "xcomp" and _is_infinitive(c)) or (c.dep_ == "oprd" and not active)
        ),
        None,
    )
    if predicate is None:
        return None
    return subject.left_edge.i, predicate.right_edge.i + 1


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
        elif child.dep_ == "xcomp" and (_is_infinitive(child) or has_object):
            parts.append(child)
        elif child.dep_ == "xcomp" and child.tag_ == "VBG" and child.i == verb.i + 1 + sum(
            1 for t in verb.doc[verb.i + 1 : child.i] if t.dep_ in {"advmod", "neg"}
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


def preposition_of_cue(verb: Token) -> Token | None:
    """The preposition that completes a prepositional cue ("called for", "spoke of",
    "complained about"): listed with the verb, right after it or its particle."""
    doc = verb.doc
    i = verb.i + 1
    while (
        i < len(doc)
        and doc[i].dep_ in {"prt", "advmod"}
        and doc[i].head == verb
        and not _particle_with_object(doc[i])
    ):
        i += 1
    if i < len(doc) and doc[i].head == verb and doc[i].dep_ in {"prep", "prt"}:
        pair = f"{verb_lemma(verb)} {doc[i].lower_}"
        if pair in load_lexicon("reporting_verb_prepositions") and says_what(doc[i]):
            return doc[i]
    return None


def _particle_with_object(token: Token) -> bool:
    """"called [on] fellow senators to ...": a preposition the parser took for a particle,
    its object still hung on it."""
    return token.dep_ == "prt" and any(c.dep_ == "pobj" for c in token.children)


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
    if part.dep_ in {"prep", "prt"} and preposition_of_cue(part.head) == part:
        objects = [c for c in part.children if c.dep_ in {"pobj", "pcomp"}]
        if objects:
            return objects[0].left_edge.i
    return part.left_edge.i


def _is_infinitive(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children
    )


def says_what(preposition: Token) -> bool:
    """A prepositional object that is a topic or a claim, not a time or a place."""
    objects = [c for c in preposition.children if c.dep_ in {"pobj", "pcomp"}]
    if not objects:
        return False
    obj = objects[0]
    if obj.ent_type_ in CIRCUMSTANCE_LABELS and preposition.lower_ in CIRCUMSTANCE_PREPS:
        return False
    return not (obj.pos_ == "PRON" and obj.lower_ not in {"what", "whatever"} and len(
        list(obj.subtree)
    ) == 1 and preposition.lower_ in {"to", "with", "at"})


