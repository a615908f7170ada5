"""What stages after the rule engine add to it: checks, named as entry points name objects.

The rule engine (:mod:`auditor.rules`) stands before the report, batch and provenance
stages and imports none of them. A check that needs what a later stage knows (the
``registry`` check reads an article's provenance record) is declared here as
``"module:Class"`` and imported by the engine the first time a rule file names it, the way
the ``spacy_factories`` entry points in pyproject.toml name the pipeline's components.

    >>> CHECK_EXTENSIONS["registry"]
    'auditor.provenance.registry_check:RegistryCheck'
"""

from __future__ import annotations

#: check name -> "module:Class" of a :class:`~auditor.rules.check_params.Check`.
CHECK_EXTENSIONS: dict[str, str] = {
    "registry": "auditor.provenance.registry_check:RegistryCheck",
}
