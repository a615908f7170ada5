"""Docs with a hand-written parse, for tests of rules that depend on a particular parse."""

from __future__ import annotations

from spacy.tokens import Doc


def parsed(nlp, rows, ents=None) -> Doc:
    """A Doc with the parse given row by row: (word, tag, pos, dep, head index, lemma);
    ``ents`` are IOB entity tags ("B-PERSON", "O", ...), one a row."""
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(rows) and rows[i + 1][2] != "PUNCT" for i in range(len(rows))]
    return Doc(
        nlp.vocab,
        words=words,
        spaces=spaces,
        tags=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        heads=[r[4] for r in rows],
        lemmas=[r[5] for r in rows],
        ents=ents,
    )
