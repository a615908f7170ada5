"""Verbs of naming, describing and judging in the passive with no agent: "[the bank was
accused of fraud]", "[peacekeepers have been blamed for the outbreak]", "[the plan has
been called a scam]". Somebody judged, but the text does not say who: the claim is the
whole clause, subject, cue and complement together, and it has no source (lexicon
``reporting_verbs_naming``)."""

from __future__ import annotations

from spacy.tokens import Token

from auditor.lexicon import load_lexicon
from auditor.nlp.claim_end import claim_end, without_setting
from auditor.nlp.cues import verb_lemma
from auditor.nlp.labels import PARTICIPIAL_MODIFIERS
from auditor.nlp.quoted_modifiers import through_modified_noun

#: Dependents after the verb that complete a verdict: "of fraud", "a scam", "as weak".
VERDICT_DEPS = {"prep", "oprd", "xcomp", "attr", "acomp", "advcl"}
#: Prepositions of place or direction right after the verb: another sense of the verb.
PLACE_PREPS = {"to", "into", "in", "at", "on", "onto", "up"}
#: Prepositions that carry the object of a comparison ("likened to", "compared with").
COMPARING_PREPS = {"to", "with"}
#: Words that open an aside after a comma: what the writer adds, not the verdict.
ASIDE_OPENERS = {"with", "including", "despite", "although", "though", "while"}


def agentless_verdict(verb: Token) -> tuple[int, int] | None:
    """Token range of a verdict passed in the passive by nobody named, or None.

    The subject must be a noun phrase (not "it", which is the dummy subject of "it was
    said that ...", unless a quotation is the verdict: "it was labeled "False""), and the
    verb must carry its verdict after it ("was accused [of ...]", "was called [a scam]"):
    a bare "was criticized" holds no claim to check."""
    if verb_lemma(verb) not in load_lexicon("reporting_verbs_naming"):
        return None
    if verb.dep_ in PARTICIPIAL_MODIFIERS or any(c.dep_ == "agent" for c in verb.children):
        return None  # "the so-called plan", "a man known as ...", "... by critics"
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.lower_ in {"which", "who"}:
        return None
    if any(c.dep_ == "prt" for c in verb.children):
        return None  # "was called off", "was called out by ...": another verb
    verdict = [c for c in verb.rights if c.dep_ in VERDICT_DEPS and not c.is_punct]
    if subject.lower_ in {"it", "this", "that"} and not (verdict and _quoted(verdict[0])):
        return None  # "it was said that ...", but "it was labeled "false"" names a verdict
    if not verdict or _infinitive(verdict[0]) or (
        verdict[0].lower_ in PLACE_PREPS and not _comparison(verb, verdict[0])
    ):
        return None  # "was called to testify", "was painted in red"
    end = verdict[0].right_edge.i + 1
    for part in verdict[1:]:
        if part.dep_ == "advcl":
            break  # "..., killing more than 10,000": what followed, not the verdict
        end = part.right_edge.i + 1
    start = subject.left_edge.i
    doc = verb.doc
    end = through_modified_noun(doc, end)  # 'as a "use it or lose it" [approach]'
    end = without_setting(doc, start, claim_end(doc, start, end, verb))
    for token in doc[verb.i : end]:
        if token.text == "," and token.i + 1 < end and doc[token.i + 1].lower_ in ASIDE_OPENERS:
            end = token.i  # "accused of abuse[, with claims of ...]": the evidence, aside
            break
    return start, end


def _quoted(verdict: Token) -> bool:
    """The verdict opens with the quoted words given: 'was labeled ["Mostly False."]'."""
    first = next((t for t in verdict.subtree if not t.is_space), verdict)
    return first.is_quote or (first.i > 0 and verdict.doc[first.i - 1].is_quote)


def _infinitive(token: Token) -> bool:
    """"was called [to testify]": a summons or a request, not a name or a verdict."""
    return token.dep_ == "xcomp" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children
    )


def _comparison(verb: Token, preposition: Token) -> bool:
    """"was likened [to a tyrant]": the object of comparison is the verdict."""
    return preposition.lower_ in COMPARING_PREPS and verb_lemma(verb) in load_lexicon(
        "reporting_verbs_comparing"
    )
