"""Parser label sets used by several passes, defined once.

Dependency labels, part-of-speech tags and entity labels are the model's closed
vocabulary, not words, so they stay in code; a set that more than one place needs lives
here, named for what it means grammatically. Each comment gives an example, the labelled
word in brackets. Word lists (English vocabulary) are lexicons, not labels:
:mod:`auditor.lexicon`. ``tests/test_label_sets.py`` fails when a set of labels is
written out in two places, or written out where a constant here names it.
"""

from __future__ import annotations

# --- dependency labels: subjects ------------------------------------------------------

#: Dependency labels of a nominal subject, active or passive: "[the mayor] said",
#: "[the plan] was criticised".
NOMINAL_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: A nominal subject or the expletive that stands in for one: "[she] said", "[it] is said
#: that ...", "[there] were claims that ...".
NOMINAL_OR_EXPLETIVE_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})
#: Every kind of subject: nominal, expletive or a clause: "[she] said", "[it] is said",
#: "[what she said] was true".
SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
#: The dependents that make a verb passive: "[the plan] was criticised", "the plan [was]
#: criticised".
PASSIVE_MARKERS = frozenset({"nsubjpass", "auxpass"})
#: Auxiliaries, active or passive: "she [has] said", "it [was] said".
AUXILIARIES = frozenset({"aux", "auxpass"})

# --- dependency labels: what completes a verb -------------------------------------------

#: Objects of a verb, direct or indirect: "she said [it]", "she told [him]".
VERB_OBJECTS = frozenset({"dobj", "dative"})
#: Clausal complements, finite or open: "she said [she would go]", "she wants [to go]".
CLAUSAL_COMPLEMENTS = frozenset({"ccomp", "xcomp"})
#: Clausal complements or an object predicate: "said [she would go]", "wants [to go]",
#: "called it [a mistake]".
CLAUSAL_OR_PREDICATIVE_COMPLEMENTS = frozenset({"ccomp", "xcomp", "oprd"})
#: What a verb of saying can take as what it says: an object or a clausal complement:
#: "she said [it]", "she said [she would go]", "she wants [to go]".
VERB_COMPLEMENTS = frozenset({"dobj", "ccomp", "xcomp"})
#: Complements of "be": an adjective or a noun: "she is [sure]", "she is [a critic]".
COPULAR_COMPLEMENTS = frozenset({"acomp", "attr"})
#: An adjective completing a verb, after "be" or an object: "she is [sure]", "it made her
#: [sure]".
ADJECTIVE_COMPLEMENTS = frozenset({"acomp", "oprd"})
#: A noun a verb or preposition takes, or "be"'s complement: "she said [this]", "about
#: [this]", "it is [this]".
NOUN_COMPLEMENTS = frozenset({"dobj", "pobj", "attr"})
#: Objects of a preposition, a noun or a clause: "about [the plan]", "about [leaving]".
PREPOSITION_OBJECTS = frozenset({"pobj", "pcomp"})
#: A particle or preposition right after a verb: "pointed [out]", "spoke [about] it".
PARTICLES_OR_PREPOSITIONS = frozenset({"prt", "prep"})
#: A particle or an adverb beside a verb: "pointed [out]", "said [again]".
PARTICLES_OR_ADVERBS = frozenset({"prt", "advmod"})
#: An adverb or a negation inside a verb phrase: "is [not] sure", "is [very] sure".
ADVERBS_OR_NEGATIONS = frozenset({"advmod", "neg"})

# --- dependency labels: clauses ---------------------------------------------------------

#: A clause completing a verb or a noun: "she said [that it failed]", "the claim [that it
#: failed]".
COMPLEMENT_CLAUSES = frozenset({"ccomp", "acl"})
#: A clause that modifies a noun: "the plan [to leave]", "the man [who spoke]".
NOUN_CLAUSES = frozenset({"acl", "relcl"})
#: A participle hung on a noun, after or before it: "the plan [proposed] by ...", "the
#: [alleged] plan".
PARTICIPIAL_MODIFIERS = frozenset({"acl", "amod"})
#: A clause joined after a verb, coordinated or adverbial: "she said it and [left]", "she
#: spoke, [adding] that ...".
COORDINATE_OR_ADVERBIAL_CLAUSES = frozenset({"conj", "advcl"})
#: An open clause or an adverbial one under a verb: "she went on [to say]", "she spoke [to
#: warn] them".
OPEN_OR_ADVERBIAL_CLAUSES = frozenset({"xcomp", "advcl"})
#: A complement clause or an adverbial one: the clauses the parser hangs on the wrong verb
#: of a sentence ("It is, she said, [a mistake]").
COMPLEMENT_OR_ADVERBIAL_CLAUSES = frozenset({"ccomp", "advcl"})
#: The word that opens a subordinate clause, a marker or a wh-adverb: "[that] it failed",
#: "[whether] it failed", "[how] it failed".
CLAUSE_OPENERS = frozenset({"mark", "advmod"})
#: The marker of a subordinate clause or the "to" of an infinitive: "[that] it failed",
#: "[to] leave".
INFINITIVE_OR_CLAUSE_MARKERS = frozenset({"mark", "aux"})

# --- dependency labels: inside a noun phrase --------------------------------------------

#: Words before a noun that say what kind it is: "[local] officials", "[city] officials".
NOUN_PREMODIFIERS = frozenset({"amod", "compound"})

# --- coarse part-of-speech tags ---------------------------------------------------------

#: A verb, full or auxiliary: "she [said]", "it [is] true", "she [has] said".
VERBAL_POS = frozenset({"VERB", "AUX"})
#: A noun, common or proper: "the [mayor]", "[Okafor]".
NOUN_POS = frozenset({"NOUN", "PROPN"})
#: A noun or a pronoun, the head of a noun phrase: "the [mayor]", "[Okafor]", "[she]".
NOUN_OR_PRONOUN_POS = frozenset({"NOUN", "PROPN", "PRON"})
#: A noun or a number standing for one: "the [mayor]", "[Okafor]", "the [two] of them".
NOUN_OR_NUMBER_POS = frozenset({"NOUN", "PROPN", "NUM"})
#: A noun or an adjective, the words a name or a short subject is built from: "[Local]
#: [officials]", "[Senate] [Republicans]".
NOUN_OR_ADJECTIVE_POS = frozenset({"NOUN", "PROPN", "ADJ"})
#: A conjunction, coordinating or subordinating: "[and]", "[but]", "[because]", "[if]".
CONJUNCTION_POS = frozenset({"CCONJ", "SCONJ"})
#: A connective that can open a sentence: a coordinating conjunction or an adverb: "[But]
#: as she said, ...", "[Yet] ...", "[Still] ...".
CONJUNCTION_OR_ADVERB_POS = frozenset({"CCONJ", "ADV"})

# --- fine-grained tags ------------------------------------------------------------------

#: Fine-grained tags of a finite verb or modal, which a clause of its own needs: "she
#: [said]", "they [say]", "it [says]", "he [would]".
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: A verb in a tense, past or present (finite, no modal): "she [said]", "they [say]", "it
#: [says]".
TENSED_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP"})
#: A verb in the past tense or the third person present: "she [said]", "she [says]".
PAST_OR_THIRD_PERSON_TAGS = frozenset({"VBD", "VBZ"})
#: A past tense or a past participle, which "said" can be either: "she [said]", "she has
#: [said]".
PAST_VERB_TAGS = frozenset({"VBD", "VBN"})
#: A plural noun, common or proper: "[officials]", "[Democrats]".
PLURAL_NOUN_TAGS = frozenset({"NNS", "NNPS"})
#: A common noun, singular or plural: "the [mayor]", "the [officials]".
COMMON_NOUN_TAGS = frozenset({"NN", "NNS"})
#: A wh-word or "that" standing for a noun: "the plan [which] ...", "the man [who] ...",
#: "the plan [that] ...".
WH_PRONOUN_TAGS = frozenset({"WDT", "WP"})

# --- entity labels ----------------------------------------------------------------------

#: Entities that can speak: a person, an organization, a nationality or party: "[Okafor]",
#: "[the Senate]", "[Republicans]".
SPEAKING_ENTITIES = frozenset({"PERSON", "ORG", "NORP"})
#: Entities that can speak or act, places included: "[Okafor]'s plan", "[Nigeria]'s plan".
ACTOR_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: A person or an organization: "[Okafor]", "[the Senate]".
PERSON_OR_ORG_ENTITIES = frozenset({"PERSON", "ORG"})
#: A person or a group of people by nationality, religion or party: "[Okafor]",
#: "[Republicans]".
PERSON_OR_GROUP_ENTITIES = frozenset({"PERSON", "NORP"})
#: A date or a time of day: "[on Tuesday]", "[at noon]".
TIME_ENTITIES = frozenset({"DATE", "TIME"})
