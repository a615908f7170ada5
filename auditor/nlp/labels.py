"""Parser label sets used by several passes, defined once.

Dependency labels and part-of-speech tags are the parser's closed vocabulary, not words,
so they stay in code; a set that more than one module needs lives here.
"""

from __future__ import annotations

#: Dependency labels of a nominal subject, active or passive: "[the mayor] said",
#: "[the plan] was criticised".
NOMINAL_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: Fine-grained tags of a finite verb or modal, which a clause of its own needs: "she
#: [said]", "they [say]", "it [says]", "he [would]".
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
