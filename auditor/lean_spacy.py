"""Import spaCy without its own command line, for the ``auditor`` command.

``import spacy`` runs ``from .cli.info import info`` (for ``spacy.info()``), and
``spacy.cli`` imports every spaCy command with typer, weasel, requests, httpx, jinja2,
rich and pygments: about a third of spaCy's import time (0.25 s of CPU on the 2-core bench
machine), none of which an audit, a check or a batch ever runs.

:func:`install` (called by :func:`auditor.cli.main`, so only the ``auditor`` command is
affected, never a program that imports the package) makes the next import of spaCy see
two small stand-ins for ``spacy.cli`` and ``spacy.cli.info`` while spaCy's ``__init__``
runs, and takes them away again when it is done. Afterwards everything is as usual:
``spacy.info()`` imports the real one when called, ``spacy.cli`` is imported on first use
(``import spacy.cli`` or the attribute), and nothing else in spaCy reads ``spacy.cli``.
The same import hands ``catalogue`` its entry points grouped (:func:`_group_entry_points`).

    >>> install()          # then `import spacy` no longer imports typer or requests
"""

from __future__ import annotations

import importlib
import importlib.machinery
import sys
import types

#: The modules spaCy's ``__init__`` imports only to offer ``spacy.info``.
_STAND_INS = ("spacy.cli", "spacy.cli.info")


def install() -> None:
    """Make the next ``import spacy`` in this process leave out spaCy's command line.

    Does nothing when spaCy is already imported or :func:`install` already ran.
    """
    if "spacy" in sys.modules or any(isinstance(f, _SpacyFinder) for f in sys.meta_path):
        return
    sys.meta_path.insert(0, _SpacyFinder())


def _real_info(*args, **kwargs):
    """``spacy.info``, imported when someone calls it."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def _group_entry_points() -> None:
    """Give ``catalogue`` (spaCy's registries) the installed entry points as a dict by
    group, which it reads as well as the standard library's ``SelectableGroups``: the same
    entry points in the same order, found at once instead of by ``select(group=...)``
    over every entry point installed, which it does at each of the ~200 registry look-ups
    of a model load (about 20 ms of CPU)."""
    import catalogue

    found = catalogue.AVAILABLE_ENTRY_POINTS
    if isinstance(found, dict) and hasattr(found, "select"):
        catalogue.AVAILABLE_ENTRY_POINTS = {
            group: dict.__getitem__(found, group) for group in dict.keys(found)
        }


def _cli_on_demand(name: str):
    """Module ``__getattr__`` of spaCy: ``spacy.cli`` is imported on first use."""
    if name == "cli":
        return importlib.import_module("spacy.cli")
    raise AttributeError(f"module 'spacy' has no attribute {name!r}")


class _SpacyFinder:
    """Finds spaCy as usual (once) and wraps its loader in :class:`_LeanLoader`."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname != "spacy":
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is not None and spec.loader is not None:
            spec.loader = _LeanLoader(spec.loader)
        return spec


class _LeanLoader:
    """spaCy's own loader, with the stand-ins in ``sys.modules`` while ``__init__`` runs.

    (Neither class derives from ``importlib.abc``: importing it costs more than the
    ``--help`` of a command takes.)
    """

    def __init__(self, loader):
        self._loader = loader

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module: types.ModuleType) -> None:
        _group_entry_points()
        placed = {}
        for name in _STAND_INS:
            if name not in sys.modules:
                placed[name] = sys.modules[name] = types.ModuleType(name)
        if "spacy.cli.info" in placed:
            placed["spacy.cli.info"].info = _real_info
        try:
            self._loader.exec_module(module)
        finally:
            for name, stand_in in placed.items():
                if sys.modules.get(name) is stand_in:
                    del sys.modules[name]
        if "cli" not in vars(module):
            module.__getattr__ = _cli_on_demand

    def __getattr__(self, name: str):
        # get_resource_reader, get_source, is_package...: the real loader answers.
        return getattr(self._loader, name)
