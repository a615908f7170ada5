"""Share of the tokens ``auditor_ner_windows`` hands the entity recognizer (issue 16).

    python bench/ner_window_share.py ../shared/eval/polnear-dev/text
    python bench/ner_window_share.py /tmp/auditor-bench/records.jsonl --n 1000 --context 2 4 6

Texts are a folder of ``*.txt`` or a JSON Lines file of records with ``text`` (the bench
corpus of ``make_corpus.py``). For each ``--context`` the texts go through the auditor's
pipeline up to the component (the model's tagger, parser, lemmas) and the component
counts the tokens it keeps.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def read_texts(where: Path, limit: int | None) -> list[str]:
    """The texts of a folder of ``*.txt`` or of a JSON Lines file."""
    if where.is_dir():
        texts = [p.read_text(encoding="utf-8") for p in sorted(where.glob("*.txt"))]
    else:
        with where.open(encoding="utf-8") as handle:
            texts = [json.loads(line)["text"] for line in handle if line.strip()]
    return texts[:limit] if limit else texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("texts", type=Path)
    parser.add_argument("--n", type=int, default=None, help="the first N texts only")
    parser.add_argument("--context", type=int, nargs="+", default=[4])
    args = parser.parse_args()

    from auditor.pipeline import load_pipeline

    texts = read_texts(args.texts, args.n)
    nlp = load_pipeline()
    # Only what the component needs before it: the model's own components.
    needed = nlp.pipe_names[: nlp.pipe_names.index("auditor_ner_windows")]
    with nlp.select_pipes(enable=needed):
        docs = list(nlp.pipe(texts, batch_size=16))
    for context in args.context:
        component = nlp.create_pipe("auditor_ner_windows", config={"context": context})
        list(component.pipe(docs))
        share = component.kept_tokens / component.all_tokens
        print(
            f"context {context}: {component.kept_tokens:,} of {component.all_tokens:,} "
            f"tokens kept ({share:.1%}), {len(texts)} texts"
        )


if __name__ == "__main__":
    main()
