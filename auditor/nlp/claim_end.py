"""Where a reported claim ends: the trailing material a content span drops.

A reporting verb's complement or object, as the parser hangs it, often runs on past what
was said: a non-restrictive aside (", which forced her to leave"), a second act of the
same speaker (", citing the risks", "and warned ..."), the writer's participle clause, or
the setting of the speech act ("during a stop in Flint"). The functions here take a
token range ``[start, end)`` and return where the claim really ends.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from auditor.lexicon import load_lexicon
from auditor.nlp.cues import is_reporting_verb
from auditor.nlp.labels import (
    CLAUSAL_COMPLEMENTS,
    NOMINAL_SUBJECTS,
    NOUN_POS,
    PAST_VERB_TAGS,
    TIME_ENTITIES,
    VERBAL_POS,
    WH_PRONOUN_TAGS,
)

#: Prepositions that open the setting of a speech act, never its content.
SETTING_PREPS = {"during", "amid"}


def without_setting(doc: Doc, start: int, end: int) -> int:
    """Cut the setting of the speech act off the end of an object content: "criticized
    the law [during a stop in Flint]", "blasted Ruiz as a disgrace [Wednesday on the
    radio]", "likened the rules to arson [- a charge that stung]". The parser hangs these
    on the object, but they say when, where or how the speaker spoke, not what. A setting
    of a verb inside the content ("accused her of sleeping during the attack") stays."""
    for i in range(start + 1, end):
        token = doc[i]
        if token.text in {"—", "–", "--", "-"} and token.whitespace_:
            if i + 1 < end and doc[i + 1].is_quote:
                continue  # 'welcome the governor - "my new best friend"': the speaker's words
            return trim_end(doc, start, i)
        if token.dep_ == "prep" and token.head.pos_ not in VERBAL_POS and (
            # "during a stop in Flint, for his wife": what follows a setting is more
            # setting, whatever the parser hung it on
            token.lower_ in SETTING_PREPS or runs_to(token, end)
        ):
            obj = next((c for c in token.children if c.dep_ == "pobj"), None)
            if token.lower_ in SETTING_PREPS or (
                obj is not None
                and token.lower_ in {"in", "at", "on"}
                and (obj.ent_type_ in TIME_ENTITIES or obj.lemma_.lower() in _settings())
            ):
                return trim_end(doc, start, i)
        if token.ent_type_ in TIME_ENTITIES and token.dep_ == "npadvmod" and runs_to(
            token, end
        ):
            return trim_end(doc, start, token.left_edge.i)
    return end


def _settings() -> frozenset[str]:
    return load_lexicon("speech_settings")


def claim_end(doc: Doc, start: int, end: int, verb: Token, *, clausal: bool = False) -> int:
    """Where the claim in tokens ``[start, end)`` ends: before a trailing non-restrictive
    aside (", which forced her to leave") or a second reporting verb of the same speaker
    (", citing ...", "and warned ..."). In a ``clausal`` content (a that-clause) a
    trailing which-clause may go on with the claim (see :func:`_which_goes_on`)."""
    from auditor.nlp.content_verbs import is_content_verb  # content_verbs imports this module

    for i in range(start + 1, end):
        token = doc[i]
        if token.text == "," and i + 1 < end:
            after = doc[i + 1]
            if after.tag_ in WH_PRONOUN_TAGS and after.lower_ in {"which", "who"}:
                if after.head.dep_ == "relcl" and runs_to(after.head, end):
                    if not (clausal and _which_goes_on(after, verb)):
                        return trim_end(doc, start, i)
            if after.head.dep_ == "appos" and after.head.head.i < i and runs_to(after.head, end):
                return trim_end(doc, start, i)  # "... support Mr. Marsh, the favorite"
            if concessive(after):
                return trim_end(doc, start, i)  # "..., although he refused to ..."
            if after.tag_ == "VBG" and is_reporting_verb(after) and after.dep_ in {
                "advcl", "conj", "xcomp", "acl"
            }:
                return trim_end(doc, start, i)
            if _writers_participle(doc, i + 1, start, end):
                return trim_end(doc, start, i)
        if _closes_quoted_clause(doc, i, end):
            return i + 1  # 'said the delay was "deeply troubling," before leaving'
        if (
            token.lower_ == "and"
            and i + 1 < end
            and is_content_verb(doc[i + 1])
            and doc[i + 1].dep_ == "conj"
            and _same_form(doc[i + 1], verb)
            and not any(c.dep_ in NOMINAL_SUBJECTS for c in doc[i + 1].children)
        ):
            return trim_end(doc, start, i)
    return end


def _which_goes_on(pronoun: Token, verb: Token) -> bool:
    """A which-clause closing a reported that-clause, with "which" its subject and a
    noun of the claim's own clause its antecedent, is part of the claim: "warned that
    the levee would fail under the strain, which would flood the valley", "wrote that
    the firm had hidden a loss, which let it avoid taxes". Not a who-clause (the writer
    saying who a person is), nor one with a subject of its own, where the writer brings
    the story up to date ("..., which the court has since put on hold"), nor one that
    reports on its own ("..., which he said was a mistake"), nor one in a clause nested
    in the claim (see :func:`_inside_nested_clause`)."""
    from auditor.nlp.content_verbs import is_content_verb  # content_verbs imports this module

    clause = pronoun.head
    return (
        pronoun.lower_ == "which"
        and pronoun.dep_ in NOMINAL_SUBJECTS
        and clause.head.pos_ in NOUN_POS
        and not _inside_nested_clause(clause.head, verb)
        and not any(is_content_verb(t) for t in clause.subtree if t.i > pronoun.i)
    )


def _inside_nested_clause(token: Token, verb: Token) -> bool:
    """``token`` hangs in a clause nested inside the reported one ("said he expects [her
    to recover from the flu], which ..."): a which-clause there describes what the
    writer knows of the thing, not the claim."""
    clauses = 0
    current = token
    for _ in range(12):
        if current == verb or current.head == current:
            return False
        if current.dep_ in CLAUSAL_COMPLEMENTS:
            clauses += 1
            if clauses > 1 or current.dep_ == "xcomp":
                return True
        current = current.head
    return False


def _closes_quoted_clause(doc: Doc, i: int, end: int) -> bool:
    """``doc[i]`` is a closing quotation mark after a comma (',"'), followed by a phrase
    of time or manner that runs to the end: 'told the council that the delay was "deeply
    troubling," [before leaving the hall]'. The comma inside the quote ends the speaker's
    clause; the writer goes on with what the speaker did."""
    if not (doc[i].is_quote and i > 0 and doc[i - 1].text == "," and i + 1 < end):
        return False
    after = doc[i + 1]
    return (
        after.pos_ in {"ADP", "SCONJ"}
        and after.dep_ in {"prep", "mark"}
        and (after.head if after.dep_ == "mark" else after).right_edge.i + 1 >= end - 1
    )


def _writers_participle(doc: Doc, i: int, start: int, end: int) -> bool:
    """A participle clause that closes the content after a comma, hung on a verb of the
    content: "he would consider it an insult[, implicitly putting his name on the line]",
    "whether the moderators will be fair[, engaging in old tactics]". News adds such
    clauses to say what the speaker was doing, not what was said."""
    if i < end and doc[i].pos_ == "ADV" and i + 1 < end:
        i += 1  # ", implicitly putting ..."
    participle = doc[i]
    return (
        participle.tag_ == "VBG"
        and participle.dep_ == "advcl"
        and start <= participle.head.i < i
        and participle.head.pos_ in VERBAL_POS
        and not any(c.dep_ in {"nsubj", "mark"} for c in participle.children)
        and participle.right_edge.i + 1 >= end - 1
        and not holds_quotation(participle)
    )


def _same_form(a: Token, b: Token) -> bool:
    """Two verbs in the same form, the tagger's VBD / VBN and VB / VBP confusions aside
    ("[tweeted] that ... and [encouraged] ...": two acts of one speaker)."""
    return a.tag_ == b.tag_ or any(
        a.tag_ in pair and b.tag_ in pair for pair in (PAST_VERB_TAGS, {"VB", "VBP"})
    )


#: Conjunctions that open the writer's own counterpoint after a reported claim.
CONCESSIVE_MARKS = {"although", "though", "whereas"}


def concessive(token: Token) -> bool:
    """``token`` opens a concessive clause ("although he refused to pledge ...")."""
    return token.lower_ in CONCESSIVE_MARKS and token.dep_ == "mark" and token.head.dep_ == "advcl"


def runs_to(token: Token, end: int) -> bool:
    """``token``'s phrase reaches the end of the content (give or take punctuation)."""
    return token.right_edge.i + 1 >= end - 1


def trim_end(doc: Doc, start: int, end: int) -> int:
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return end


def holds_quotation(token: Token) -> bool:
    """``token``'s phrase holds a quotation, opening and closing mark ("and there was "no
    evidence" yet"): a writer goes on quoting the speaker, not speaking for themselves."""
    marks = [t for t in token.subtree if t.is_quote]
    return len(marks) >= 2
