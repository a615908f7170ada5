"""The fixed set of checks a rule file can use, and the parameters each accepts.

A rule names one check (``check: phrase``) and gives its parameters as top-level keys of
the YAML file. Adding a rule never needs code here; adding a *kind* of check does.

=============  ==========================================================================
check          finds
=============  ==========================================================================
phrase         cue phrases in sentences (``cues``), ``unless`` conditions around them hold
attribution    attributions by ``source_type``, ``kind``, ``flags``, ``not_flags``, cue
               words, source wording, or a speaker named too late in a quote
claim          checkable claims by ``status`` (unattributed / unverified) and ``kinds``
quote          quotations: ``unclosed``, ``broken``, ``unattributed``, ``contains`` cues
speaker        speakers ``spelled_two_ways`` or ``not_introduced`` before first use
document       article-wide ``metric`` compared with a threshold
suppression    inline suppressions that silenced nothing or name no known rule
=============  ==========================================================================
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator, Mapping

from auditor.check_extensions import CHECK_EXTENSIONS
from auditor.rules.attribution_check import AttributionCheck
from auditor.rules.check_params import Check
from auditor.rules.claim_quote_checks import ClaimCheck, QuoteCheck
from auditor.rules.context import Context, Hit
from auditor.rules.document_check import DocumentCheck
from auditor.rules.phrase_check import PhraseCheck
from auditor.rules.rule import Rule
from auditor.rules.speaker_check import SpeakerCheck
from auditor.rules.verbs import CueVerbCheck


class SuppressionCheck(Check):
    """Runs after every other rule: the engine passes it the suppressions left unused."""

    name = "suppression"
    doc = "inline suppressions that silenced nothing or name no known rule"
    params = {}
    placeholders = frozenset({"rules", "reason"})

    def run(self, rule: Rule, ctx: Context) -> Iterator[Hit]:
        return iter(())


class CheckTable(Mapping[str, Check]):
    """The checks a rule file can name, by name: the rule engine's own, then those a later
    stage declares in :data:`auditor.check_extensions.CHECK_EXTENSIONS` ("module:Class", as an
    entry point names an object), each imported the first time a rule needs it, so the
    rule engine imports no stage after it.

        >>> table = CheckTable([SuppressionCheck(), "registry"], {})
        >>> list(table), "registry" in table
        (['suppression'], False)
    """

    def __init__(self, order: Iterable[Check | str], extensions: Mapping[str, str]):
        """``order``: the engine's own checks and, by name, where each declared one goes
        (a declared check not named there comes last)."""
        items = list(order)
        self._declared = dict(extensions)
        self._order = [item if isinstance(item, str) else item.name for item in items]
        self._order += [name for name in self._declared if name not in self._order]
        self._checks = {item.name: item for item in items if not isinstance(item, str)}

    def _load(self, name: str) -> None:
        target = self._declared.get(name)
        if target is not None and name not in self._checks:
            module, _, attribute = target.partition(":")
            self._checks[name] = getattr(importlib.import_module(module), attribute)()

    def __getitem__(self, name: str) -> Check:
        self._load(name)
        return self._checks[name]

    def __contains__(self, name: object) -> bool:
        return name in self._checks or name in self._declared

    def __iter__(self) -> Iterator[str]:
        return iter([name for name in self._order if name in self])

    def __len__(self) -> int:
        return len([name for name in self._order if name in self])


#: Every check, in the order docs/rules.md lists them.
CHECKS = CheckTable(
    (
        PhraseCheck(),
        AttributionCheck(),
        ClaimCheck(),
        QuoteCheck(),
        DocumentCheck(),
        SuppressionCheck(),
        "registry",  # declared by the provenance stage
        SpeakerCheck(),
        CueVerbCheck(),
    ),
    CHECK_EXTENSIONS,
)
