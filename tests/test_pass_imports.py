"""A pass of ``auditor_attributions`` imports shared helper modules only, never another
pass's module: what two passes both need (the shape of a quotation, a claim's bounds, a
noun's owner) lives in a module of its own below them, so a pass can be read, moved or
dropped without reading the others.

The pass modules are derived, not listed: the modules whose finders the passes of
:data:`auditor.nlp.passes.PASSES` call, and those of the steps
:func:`auditor.nlp.attribution.find_attributions` runs after them (floating quotes,
non-attributions, source edges). A finder is a function that returns attributions (its
return annotation names ``RawAttribution``). Every import counts, lazy ones included
(parsed with ``ast``). :mod:`auditor.nlp.passes` and :mod:`auditor.nlp.attribution`
run the passes, so they import them all.
"""

from __future__ import annotations

import ast
import importlib
import inspect
from collections.abc import Callable
from pathlib import Path

from auditor.nlp import attribution, passes

NLP = Path(passes.__file__).parent
#: The modules that run the passes, and may import every pass.
RUNNERS = frozenset({passes.__name__, attribution.__name__})


def _is_finder(value: object) -> bool:
    """A function that returns attributions: ``-> list[RawAttribution]``."""
    if not inspect.isfunction(value):
        return False
    return "RawAttribution" in str(inspect.signature(value).return_annotation)


def _finders_called_by(function: Callable) -> set[Callable]:
    """The finders ``function`` calls: itself when it is one from outside the runners,
    else those it names (globals of its module) or closes over (``_with_index(f)``)."""
    if function.__module__ not in RUNNERS:
        return {function}
    module = importlib.import_module(function.__module__)
    named = [getattr(module, name, None) for name in function.__code__.co_names]
    closed = [cell.cell_contents for cell in function.__closure__ or ()]
    return {
        value
        for value in [*named, *closed]
        if _is_finder(value) and value.__module__ not in RUNNERS
    }


def pass_modules() -> set[str]:
    """The modules holding the finders of the passes and of the steps after them."""
    finders = set()
    for step in passes.PASSES:
        finders |= _finders_called_by(step.find)
    finders |= _finders_called_by(attribution.find_attributions)
    return {finder.__module__ for finder in finders}


def imported_modules(path: Path) -> set[str]:
    """Every ``auditor.nlp`` module the file imports, wherever the import stands."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in found if name.startswith("auditor.nlp.")}


def module_path(name: str) -> Path:
    return NLP.joinpath(*name.split(".")[2:]).with_suffix(".py")


def test_the_pass_modules_are_found():
    modules = pass_modules()
    # the first pass, a middle one, the last one, and a step after the passes
    assert {"auditor.nlp.direct", "auditor.nlp.stance", "auditor.nlp.quoted"} <= modules
    assert "auditor.nlp.floating" in modules
    assert not modules & RUNNERS


def test_no_pass_imports_another_pass():
    modules = pass_modules()
    problems = [
        f"{name} imports {imported} (move what both need to a shared module)"
        for name in sorted(modules)
        for imported in sorted(imported_modules(module_path(name)) & modules - {name})
    ]
    assert problems == []


def test_no_shared_helper_imports_a_pass():
    """A shared helper sits below every pass: it imports none of them."""
    modules = pass_modules()
    problems = []
    for path in sorted(NLP.rglob("*.py")):
        parts = path.relative_to(NLP.parent).with_suffix("").parts
        name = ".".join(["auditor", *parts]).removesuffix(".__init__")
        if name in modules or name in RUNNERS:
            continue
        problems += [f"{name} imports pass {m}" for m in sorted(imported_modules(path) & modules)]
    assert problems == []
