"""The stages import only the stages before them: ingest -> nlp -> sourcing -> rules ->
report -> batch -> provenance, with a shared base below all of them and the commands
(cli, serve, evaluate) above.

Every module of ``auditor/`` is parsed with ``ast``, and every import it makes counts:
at the top, inside a function (a lazy import), ``importlib.import_module("...")`` with a
literal name, and a name a package hands out lazily (its ``_LAZY`` table). A stage that
needs something from a later one takes it passed in (a step, a record maker) or declared
as an extension (:mod:`auditor.check_extensions`), never by importing it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "auditor"

#: The data flow, first to last; each stage may import the ones before it and the base.
STAGES = ("ingest", "nlp", "sourcing", "rules", "report", "batch", "provenance")

#: Top-level module or package of auditor/ -> its stage. audit.py and pieces.py run one
#: article from ingest through the rules, so they stand with the last stage they call;
#: pipeline.py (the spaCy pipeline), model_loading.py and analysis.py (Doc -> Analysis) are
#: the nlp stage's.
STAGE_OF = {
    "ingest": "ingest",
    "nlp": "nlp",
    "pipeline": "nlp",
    "model_loading": "nlp",
    "analysis": "nlp",
    "sourcing": "sourcing",
    "rules": "rules",
    "audit": "rules",
    "pieces": "rules",
    "report": "report",
    "batch": "batch",
    "provenance": "provenance",
}

#: Shared by every stage; imports nothing but the base.
BASE = frozenset(
    {
        "auditor",  # the package itself: its version, and names it hands out lazily
        "config",
        "errors",
        "check_extensions",
        "lexicon",
        "lexicons",
        "limits",
        "model",
        "names",
        "result_files",
        "text",
    }
)

#: The programs built from the stages: they may import anything, nothing imports them
#: (lean_spacy: how the command line imports spaCy).
COMMANDS = frozenset({"__main__", "cli", "commands", "evaluate", "lean_spacy", "serve"})


def module_name(path: Path) -> str:
    parts = ["auditor", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def module_names() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def lazy_tables(modules: dict[str, Path]) -> dict[str, dict[str, str]]:
    """Package -> its ``_LAZY`` table (name -> module it comes from), where it has one."""
    tables = {}
    for name, path in modules.items():
        if path.name != "__init__.py":
            continue
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            targets = node.targets if isinstance(node, ast.Assign) else []
            if any(isinstance(t, ast.Name) and t.id == "_LAZY" for t in targets):
                tables[name] = ast.literal_eval(node.value)
    return tables


def imported_modules(name: str, path: Path, modules, lazy) -> set[str]:
    """Every ``auditor`` module ``name`` imports, wherever the import stands."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, *([node.module] if node.module else [])])
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                if submodule in modules:
                    found.add(submodule)
                elif alias.name in lazy.get(base, {}):
                    found.add(lazy[base][alias.name])
                else:
                    found.add(base)
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "import_module":
            if node.args and isinstance(node.args[0], ast.Constant):
                found.add(str(node.args[0].value))
    return {module for module in found if module.split(".")[0] == "auditor"}


def place(module: str) -> str:
    """``base``, ``command`` or the stage of ``module``."""
    parts = module.split(".")
    top = parts[1] if len(parts) > 1 else "auditor"
    if top in BASE:
        return "base"
    if top in COMMANDS:
        return "command"
    if top in STAGE_OF:
        return STAGE_OF[top]
    raise AssertionError(f"{module}: give auditor.{top} a place in {__name__} (STAGE_OF)")


def allowed(importer: str, imported: str) -> bool:
    if importer == "command" or imported == "base":
        return True
    if importer == "base" or imported == "command":
        return False
    return STAGES.index(imported) <= STAGES.index(importer)


def upward_imports() -> list[str]:
    modules = module_names()
    lazy = lazy_tables(modules)
    problems = []
    for name, path in modules.items():
        here = place(name)
        for target in sorted(imported_modules(name, path, modules, lazy)):
            there = place(target)
            if not allowed(here, there):
                problems.append(f"{name} ({here}) imports {target} ({there})")
    return problems


def test_every_module_has_a_place():
    for name in module_names():
        place(name)


def test_stages_import_only_earlier_stages_and_the_base():
    assert upward_imports() == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from auditor.provenance.record import batch_record", {"auditor.provenance.record"}),
        ("def later():\n    from auditor import provenance", {"auditor.provenance"}),
        ("from auditor import Auditor", {"auditor.audit"}),
        ("import importlib\nimportlib.import_module('auditor.batch')", {"auditor.batch"}),
        ("from . import checks", {"auditor.rules.checks"}),
        ("import json", set()),
    ],
)
def test_imports_are_found_wherever_they_stand(tmp_path, source, expected):
    path = tmp_path / "probe.py"
    path.write_text(source, encoding="utf-8")
    modules = module_names()
    found = imported_modules("auditor.rules.probe", path, modules, lazy_tables(modules))
    assert found == expected


def test_an_upward_import_is_refused():
    assert not allowed("rules", "provenance")
    assert not allowed("batch", "provenance")
    assert not allowed("base", "ingest")
    assert not allowed("report", "command")
    assert allowed("provenance", "batch") and allowed("command", "provenance")
