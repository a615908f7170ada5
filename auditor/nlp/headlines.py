"""Title-case headlines: "Black Lawmakers Rip Donald Trump As A 'Disgusting Fraud'".

The tagger reads capitalized verbs and function words as parts of proper names, so the
parse of such a line finds no cue. The headline is re-parsed with its function words and
its verbs of saying and stance in lower case ("Black Lawmakers rip Donald Trump as a
'Disgusting Fraud'"); the text keeps its length, so every offset found in the re-parse is
an offset in the article.
"""

from __future__ import annotations

import re

from auditor.lexicon import load_lexicon

#: At most this many words make a headline.
MAX_HEADLINE_WORDS = 30
#: Share of the longer words that must be capitalized for a line to be in title case.
TITLE_CASE_SHARE = 0.7
#: Words that title case capitalizes but sentence case does not.
FUNCTION_WORDS = {
    "a", "an", "the", "and", "or", "but", "nor", "as", "at", "by", "for", "from", "in", "into",
    "of", "off", "on", "onto", "over", "to", "up", "with", "about", "against", "after",
    "before", "amid", "than", "that", "if", "is", "are", "was", "were", "be", "been", "being",
    "has", "have", "had", "will", "would", "can", "could", "should", "may", "might", "must",
    "not", "his", "her", "their", "its", "our", "my", "your", "he", "she", "they", "it", "we",
    "who", "what", "when", "while", "why", "how", "all", "this", "these", "those", "still",
}
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


def _verb_forms() -> frozenset[str]:
    """Inflected forms of the reporting and stance verbs ("says", "urges", "vows")."""
    forms = set()
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
