"""The lexicon folder is the one home of word lists: every lexicon the code names exists,
every lexicon file is used by some code or rule, and every file says what it holds."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import auditor
from auditor.lexicon import LexiconError, entries, groups, load_lexicon, sections
from auditor.rules import default_pack_dir

PACKAGE = Path(auditor.__file__).parent
LEXICONS = PACKAGE / "lexicons"
#: The default rule pack, wherever it is installed (rules/ in a checkout, inside the wheel).
RULES = default_pack_dir()
#: The functions of auditor.lexicon that take a lexicon's name.
READERS = {"load_lexicon", "entries", "pattern", "word_set", "groups", "sections", "lexicon_path"}
#: Rule parameters (rules/*.yaml) whose value is a lexicon's name.
RULE_LEXICON = re.compile(r"^\s*(?:lexicon|verbs):\s*([a-z][a-z0-9_]*)\s*$", re.MULTILINE)


def _files() -> list[Path]:
    return sorted(LEXICONS.glob("*.txt"))


def _sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _named_in_code() -> set[str]:
    """Lexicon names passed as a literal to a reader, or listed in a ``*_LEXICONS`` constant."""
    names: set[str] = set()
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and node.args:
                func = node.func
                called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                first = node.args[0]
                if called in READERS and isinstance(first, ast.Constant):
                    if isinstance(first.value, str):
                        names.add(first.value)
            if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id.endswith("_LEXICONS") for t in node.targets
            ):
                for element in ast.walk(node.value):
                    if isinstance(element, ast.Constant) and isinstance(element.value, str):
                        names.add(element.value)
    for path in sorted(RULES.glob("*.yaml")):
        names.update(RULE_LEXICON.findall(path.read_text(encoding="utf-8")))
    return names


def test_every_lexicon_named_in_code_exists() -> None:
    names = _named_in_code()
    assert len(names) > 50  # the scan itself works
    missing = sorted(n for n in names if not (LEXICONS / f"{n}.txt").is_file())
    assert not missing, f"named in code but no file in auditor/lexicons/: {missing}"


def test_every_lexicon_file_is_used() -> None:
    code = "\n".join(p.read_text(encoding="utf-8") for p in _sources())
    code += "\n".join(p.read_text(encoding="utf-8") for p in sorted(RULES.glob("*.yaml")))
    unused = [p.stem for p in _files() if not re.search(rf"\b{p.stem}\b", code)]
    assert not unused, f"lexicon files no code or rule names: {unused}"


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.stem)
def test_every_lexicon_file_has_a_header(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines and lines[0].startswith("# "), (
        f"{path.name}: begin with '#' lines saying what it holds"
    )
    assert entries(path.stem), f"{path.name}: no entries"


def test_no_word_list_files_outside_the_lexicon_folder() -> None:
    stray = [p for p in PACKAGE.rglob("*.txt") if p.parent != LEXICONS]
    assert not stray, f"word lists belong in auditor/lexicons/: {stray}"


def test_one_comment_rule() -> None:
    """``#`` starts a comment anywhere on a line; entries are stripped, blank lines dropped,
    a name in square brackets opens a section and is no entry."""
    for path in _files():
        for line in path.read_text(encoding="utf-8").splitlines():
            entry = line.split("#", 1)[0].strip()
            if entry.startswith("[") and entry.endswith("]"):
                assert entry not in entries(path.stem)
                assert entry[1:-1].strip() in sections(path.stem)
            elif entry:
                assert entry in entries(path.stem)
    assert load_lexicon("reporting_verbs") == frozenset(
        e.lower() for e in entries("reporting_verbs")
    )


def test_a_missing_lexicon_is_a_lexicon_error() -> None:
    with pytest.raises(LexiconError):
        entries("no_such_lexicon_anywhere")


def test_sections_hold_every_entry_in_file_order() -> None:
    """``sections`` splits a lexicon at its section lines; the known organizations come in
    sections named for the kinds of organization_kinds.txt."""
    for path in _files():
        found = sections(path.stem)
        assert sorted(e for members in found.values() for e in members) == sorted(
            entries(path.stem)
        )
        if list(found) == [""]:
            assert found[""] == entries(path.stem)  # an unsectioned file is one section
    kinds = sections("known_organizations")
    assert "" not in kinds and set(kinds) == set(groups("organization_kinds"))
    assert any(line.startswith("RAND Corporation") for line in kinds["think-tank"])
