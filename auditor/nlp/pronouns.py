"""Pronoun classes shared by the extraction passes, the sourcing judgement and the rules.

Pronouns are a closed grammatical class, so they are constants here rather than lexicon
files; each class is defined once and the wider ones are built from the narrower.
"""

from __future__ import annotations

#: Personal pronouns in subject form, for a person or group who may speak or go on to
#: speak: "[she] said", "reminded the voters [they] had voted".
PERSONAL_SUBJECTS = frozenset({"i", "we", "he", "she", "they"})
#: Subject pronouns for people, the reader included: who can be the other side of a
#: meeting ("met [you] on Monday").
PEOPLE_SUBJECTS = PERSONAL_SUBJECTS | {"you"}
#: Pronouns that can be a speaker: people, "who", and "it" for a body or a document
#: ("[it] said in a statement").
SPEAKING_SUBJECTS = PEOPLE_SUBJECTS | {"who", "it"}
#: Pronouns that cannot themselves show a source is anonymous (their antecedent might):
#: the speaking ones and the relatives "which", "that".
REFERRING_SOURCES = SPEAKING_SUBJECTS | {"which", "that"}
#: Object pronouns that name people: the subject of a gerund takes this form ("clips of
#: [her] supporting the war", "recordings of [them] praising the plan").
PEOPLE_OBJECTS = frozenset({"him", "her", "them", "me", "us"})
#: Third-person pronouns in any case, which a speaker's mention may be ("[his] aides",
#: "told [them]").
THIRD_PERSON = frozenset(
    {"he", "she", "they", "him", "her", "them", "his", "hers", "their", "it", "its"}
)
#: Pronouns for one person, of either gender, in any case: a speaker who is one person
#: ("[she] said", "[his] remarks", "[herself]").
ONE_PERSON = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
#: Pronouns that may stand for a group or a body: "[they] said", "[its] statement".
GROUP = frozenset({"they", "them", "it", "its"})
