"""The newsroom's registry where the editor works: PROV007-PROV009 in one article's report.

``auditor batch`` checks its articles against the source registry after the fact, in
provenance.md. ``auditor audit``, ``auditor check`` and ``auditor serve`` given a registry
(``--registry PATH`` or ``AUDITOR_REGISTRY``) put the same verdicts in the article's own
findings, so every report format shows them:

    >>> with DeskRegistry("newsroom/sources.sqlite") as desk:       # doctest: +SKIP
    ...     result = desk.apply(auditor.audit(article), article, auditor.rule_pack)

The article is weighed as if it were one more article of the registry - an expert no
other article quotes and the known-sources list lacks (PROV007), a speaker described
otherwise elsewhere (PROV008), an organization spelled close to a known one (PROV009) -
but the registry file is never written: it is read once into memory (a consistent
snapshot, taken without blocking a batch that writes it), the article is added there
inside a savepoint, the rules are evaluated, and the savepoint is rolled back. A later
call re-reads the file when it has changed. A missing, damaged or foreign file raises
:class:`~auditor.provenance.registry_errors.RegistryError` with one line.
"""

from __future__ import annotations

import dataclasses
import os
import sqlite3
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from auditor.provenance.registry import Registry
from auditor.provenance.registry_errors import (
    GuardedConnection,
    RegistryError,
    registry_failure,
)
from auditor.provenance.source_rules import SourceHit, corpus_hits

if TYPE_CHECKING:
    from auditor.ingest import Article
    from auditor.model import AuditResult
    from auditor.rules import RulePack

#: The environment variable naming the registry when ``--registry`` is not given.
REGISTRY_ENV = "AUDITOR_REGISTRY"
#: The rule engine's check whose rules take the registry's evidence.
REGISTRY_CHECK = "registry"


def registry_path(given: str | Path | None, environ: Mapping[str, str] = os.environ) -> Path | None:
    """The registry to check articles against: ``given``, else ``$AUDITOR_REGISTRY``, else
    None (no registry: the registry rules look at the article alone)."""
    if given is not None and str(given) != "":
        return Path(given)
    value = environ.get(REGISTRY_ENV, "").strip()
    return Path(value) if value else None


class DeskRegistry:
    """A source registry read for single-article audits (thread-safe; never written)."""

    def __init__(self, path: str | Path) -> None:
        """Open the registry at ``path`` now, so a bad file is reported before any audit."""
        self.path = Path(path)
        self._lock = threading.Lock()
        self._snapshot: _Snapshot | None = None
        self._stamp: tuple[int, int] | None = None
        with self._lock:
            self._refresh()

    def __enter__(self) -> DeskRegistry:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Drop the in-memory copy (safe to call twice)."""
        with self._lock:
            if self._snapshot is not None:
                self._snapshot.close()
                self._snapshot = None

    def evidence(
        self, result: AuditResult, conditions: tuple[str, ...]
    ) -> dict[str, list[SourceHit]]:
        """Condition -> what the registry rules find in ``result``'s article with the
        registry's evidence (offsets into the article)."""
        from auditor.provenance.record import cached_record

        if result.analysis is None:
            raise RegistryError("the audit result has no analysis to check against the registry")
        record = cached_record(result.analysis)
        info = {
            "sha256": result.document.sha256,
            "doc": result.document.path if result.document.path != "-" else result.document.name,
            "title": result.document.title,
        }
        with self._lock:
            self._refresh()
            assert self._snapshot is not None
            with self._snapshot.trial() as registry:
                registry.add_article(info, result.to_dict(), record)
                article_id = registry.article_ids([info["sha256"]])[info["sha256"]]
                return {
                    condition: corpus_hits(condition, registry, [article_id]).get(article_id, [])
                    for condition in conditions
                }

    def apply(self, result: AuditResult, article: Article, rule_pack: RulePack) -> AuditResult:
        """``result`` with the registry rules' findings (PROV007-PROV009, as ``rule_pack``
        configures them) judged with the registry's evidence, and its summary re-scored.

        The rule engine evaluates the article again with that evidence, so severities,
        inline suppressions and the one-finding-per-place rule apply as to every finding.
        """
        from auditor.sourcing import summarize

        conditions = registry_conditions(rule_pack)
        if not conditions or result.analysis is None:
            return result
        found = self.evidence(result, conditions)
        findings = rule_pack.evaluate(
            result.analysis, article, outside_evidence={REGISTRY_CHECK: found}
        )
        summary = summarize(result.analysis, findings)
        return dataclasses.replace(result, findings=findings, summary=summary)

    def _refresh(self) -> None:
        """Read the file into memory, again when it changed since the last read."""
        stamp = _stamp(self.path)
        if self._snapshot is not None and stamp == self._stamp:
            return
        snapshot = _Snapshot(self.path)
        snapshot.open()
        if self._snapshot is not None:
            self._snapshot.close()
        self._snapshot, self._stamp = snapshot, stamp


def _stamp(path: Path) -> tuple[int, int]:
    """What tells a changed registry: the newest modification time and the total size of
    the file and its write-ahead log (a batch's commits may sit in the log for a while)."""
    try:
        main = path.stat()
    except FileNotFoundError:
        raise RegistryError(
            f"{path}: no such registry; give the path of an existing sources.sqlite "
            f"(--registry or ${REGISTRY_ENV})"
        ) from None
    except OSError as exc:
        raise RegistryError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if path.is_dir():
        raise RegistryError(f"{path}: is a folder, not a registry file")
    wal = Path(f"{path}-wal")
    extra = wal.stat() if wal.exists() else None
    newest = max(main.st_mtime_ns, extra.st_mtime_ns if extra else 0)
    return newest, main.st_size + (extra.st_size if extra else 0)


class _Snapshot(Registry):
    """A registry read into memory: every query of the rules runs on it, nothing reaches
    the file. Writes happen only inside :meth:`trial`, which rolls them back."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, create=False)

    def open(self) -> _Snapshot:
        if self._db is None:
            self._db = _memory_copy(self.path)
            self._db.row_factory = sqlite3.Row
            try:
                self._migrate()  # an older schema is brought up to date in memory only
            except BaseException:
                self.close()
                raise
        return self

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        # Inside a trial the savepoint holds every write: nothing to begin or commit.
        yield self.db

    @contextmanager
    def trial(self) -> Iterator[_Snapshot]:
        """The snapshot, for writes that are all undone when the block ends."""
        db = self.db
        db.execute("SAVEPOINT desk_trial")
        try:
            yield self
        finally:
            db.execute("ROLLBACK TO desk_trial")
            db.execute("RELEASE desk_trial")


def _memory_copy(path: Path) -> GuardedConnection:
    """An in-memory copy of the SQLite file at ``path``, opened read-only to copy it."""
    memory = sqlite3.connect(
        ":memory:", isolation_level=None, factory=GuardedConnection, check_same_thread=False
    )
    memory.registry_path = path
    try:
        source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5.0)
        try:
            source.backup(memory)
        finally:
            source.close()
    except sqlite3.DatabaseError as exc:
        memory.close()
        raise registry_failure(path, exc) or RegistryError(
            f"{path}: cannot read the registry ({exc})"
        ) from None
    return memory


def registry_conditions(rule_pack: RulePack) -> tuple[str, ...]:
    """The registry conditions the enabled rules of ``rule_pack`` ask about."""
    return tuple(
        dict.fromkeys(
            rule.params["condition"] for rule in rule_pack.enabled if rule.check == REGISTRY_CHECK
        )
    )
