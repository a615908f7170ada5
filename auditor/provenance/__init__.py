"""Provenance across articles: the source registry and the cross-document checks.

* :class:`~auditor.provenance.registry.Registry` - every speaker seen across articles in
  one SQLite file (``auditor sources``), with a known-sources list a newsroom imports;
* :func:`~auditor.provenance.batch.provenance_step` - what ``auditor batch`` runs when it has
  audited everything: add the articles to the registry, evaluate the registry rules
  (PROV007-PROV009) and the cross-document checks (quote drift, shared origin,
  conflicting details), write ``provenance.md`` and ``provenance.jsonl``;
* :func:`~auditor.provenance.record.article_record` - what one article contributes.

See docs/provenance.md. The rule engine imports the ``registry`` check
(:mod:`auditor.provenance.registry_check`) by the name :mod:`auditor.check_extensions`
declares, so this package imports nothing heavy at the top.
"""

from __future__ import annotations

__all__ = [
    "Registry",
    "RegistryDamaged",
    "RegistryError",
    "article_record",
    "provenance_step",
]

_LAZY = {
    "Registry": "auditor.provenance.registry",
    "RegistryError": "auditor.provenance.registry_errors",
    "RegistryDamaged": "auditor.provenance.registry_errors",
    "provenance_step": "auditor.provenance.batch",
    "article_record": "auditor.provenance.record",
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'auditor.provenance' has no attribute {name!r}")
