"""The cross-document checks: shared origin, quote drift and conflicting details.

All three read the registry's stored article records and LSH keys (see
:mod:`auditor.provenance.minhash_keys`) and look only at pairs of articles that share a key:

1. candidate pairs: for every key held by two or more articles, the pairs among them
   (when more than ``SMALL_BUCKET`` articles hold one key, each is paired only with the
   bucket's first ``REPRESENTATIVES``, so a widely syndicated report costs a line per copy,
   not a square);
2. each candidate pair is checked exactly on the stored claims or quotes;
3. articles linked by shared claims are grouped (union-find) into origin clusters, and the
   place and person names of each cluster are compared for near spellings.

Only groups that involve at least one of the ``focus`` articles (the ones just audited)
are reported, compared against every article the registry holds.

Memory does not grow with the corpus:

* SQLite works out and de-duplicates the candidate pairs in temporary tables of the
  registry's connection (:func:`candidate_pairs`), and hands them over ordered;
* each article's claims and quotes are read from its stored record once, kept in a form
  quick to read again in a private temporary database
  (:class:`~auditor.provenance.working_store.Scratch`), and held in memory for the last
  ``COMPACT_CACHE`` articles only;
* matched claims, cluster members, names, and the articles of each quote version go to
  that database too; union-find runs over an array of machine integers.

The result, :class:`CrossDocuments`, reads its groups back from there: complete (for
``provenance.jsonl``, streamed piece by piece) or as bounded samples with their totals
(for ``provenance.md``). Memory grows only with the distinct quote versions found to
drift (a few hundred bytes each) and, per cluster, with its distinct names.

The package's modules, in the order the checks use them:

* :mod:`.groups` - the thresholds (:class:`Settings`) and the groups reported;
* :mod:`.pairs` - the candidate pairs, worked out by SQLite;
* :mod:`.records` - the bounded caches of article records and of their compact forms;
* :mod:`.tables` - the tables of the working database;
* :mod:`.claims` - the compact form of an article's claims and their matching;
* :mod:`.origin` - shared origin, its clusters and their conflicting names;
* :mod:`.drift` - quote drift;
* :mod:`.results` - :class:`CrossDocuments`, reading the groups back.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from auditor.provenance.crossdoc.drift import quote_drift
from auditor.provenance.crossdoc.groups import Article, QuoteDrift, Settings, SharedOrigin
from auditor.provenance.crossdoc.origin import shared_origin
from auditor.provenance.crossdoc.pairs import candidate_pairs
from auditor.provenance.crossdoc.records import Records
from auditor.provenance.crossdoc.results import CrossDocuments
from auditor.provenance.crossdoc.tables import TABLES
from auditor.provenance.working_store import IdSet, Scratch

if TYPE_CHECKING:
    from auditor.provenance.registry import Registry

__all__ = [
    "Article",
    "CrossDocuments",
    "QuoteDrift",
    "Settings",
    "SharedOrigin",
    "candidate_pairs",
    "cross_documents",
    "quote_drift",
    "shared_origin",
]


def cross_documents(
    registry: Registry, focus: Iterable[int], settings: Settings | None = None
) -> CrossDocuments:
    """Run the three cross-document checks for the ``focus`` articles; close the result
    (or let it be collected) to delete its working database."""
    settings = settings or Settings()
    focus_ids = focus if isinstance(focus, IdSet) else IdSet(focus)
    records = Records(registry)
    store = Scratch()
    try:
        store.script(*TABLES)
        compared_units = shared_origin(registry, focus_ids, settings, records, store)
        compared_quotes = quote_drift(registry, focus_ids, settings, records, store)
    except BaseException:
        store.close()
        raise
    return CrossDocuments(store, {"claim pairs": compared_units, "quote pairs": compared_quotes})
