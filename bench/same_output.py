"""Check that a refactoring changed no output: the audits of a set of texts, byte for byte.

Record the JSON before a change, then compare after it::

    python bench/same_output.py record /tmp/before          # dev texts, seeds, examples
    python bench/same_output.py compare /tmp/before         # exit 1 and list what differs

Texts audited: every ``*.txt`` under ``../shared/eval/polnear-dev/text``, every seed in
``../shared/seeds`` (both skipped when ``../shared`` is absent) and every article in
``examples/``; ``--texts DIR`` adds or replaces them. The JSON is the same document
``auditor audit --format json`` writes, with the examples' ``auditor.toml`` applied to the
examples, and the markdown and SARIF reports of each; a difference here is a difference an
editor or a CMS would see.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
# The JSON holds every record; markdown and SARIF show what reports make of them.
FORMATS = ("json", "markdown", "sarif")
DEFAULT_SETS = {
    "dev": SHARED / "eval" / "polnear-dev" / "text",
    "seeds": SHARED / "seeds",
    "examples": ROOT / "examples",
}


def texts_of(folder: Path) -> list[Path]:
    """Articles in ``folder`` that ``auditor audit`` reads, in name order."""
    return sorted(
        p for p in folder.iterdir() if p.suffix in {".txt", ".md", ".html"} and p.is_file()
    )


def audit_json(sets: dict[str, Path]) -> dict[str, str]:
    """Each text's audit in each of :data:`FORMATS`, keyed ``set/file name.format``."""
    from auditor import Auditor
    from auditor.config import load_config
    from auditor.ingest import read_article
    from auditor.report import render

    out: dict[str, str] = {}
    plain = Auditor()
    for name, folder in sets.items():
        if not folder.is_dir():
            print(f"skipped {name}: {folder} not found", file=sys.stderr)
            continue
        toml = folder / "auditor.toml"
        auditor = (
            Auditor(nlp=plain.nlp, config=load_config(explicit=toml)) if toml.exists() else plain
        )
        for path in texts_of(folder):
            result = auditor.audit(read_article(path))
            for fmt in FORMATS:
                out[f"{name}/{path.name}.{fmt}"] = render(result, fmt)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["record", "compare"])
    parser.add_argument("folder", type=Path, help="where the recorded JSON is kept")
    parser.add_argument("--texts", type=Path, action="append", default=[],
                        help="a folder of articles to audit instead of the default sets")
    args = parser.parse_args(argv)
    sets = {p.name: p for p in args.texts} if args.texts else DEFAULT_SETS
    current = audit_json(sets)
    if args.action == "record":
        for key, text in current.items():
            target = args.folder / key
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        print(f"recorded {len(current)} audits in {args.folder}")
        return 0
    differ = [
        key for key, text in current.items()
        if not (args.folder / key).exists()
        or (args.folder / key).read_text(encoding="utf-8") != text
    ]
    recorded = {str(p.relative_to(args.folder)) for p in args.folder.rglob("*") if p.is_file()}
    missing = sorted(recorded - set(current))
    for key in differ:
        print(f"differs: {key}")
    for key in missing:
        print(f"not audited now: {key}")
    print(f"{len(current) - len(differ)} of {len(current)} audits identical")
    return 1 if differ or missing else 0


if __name__ == "__main__":
    sys.exit(main())
