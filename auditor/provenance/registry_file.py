"""The source registry's file: opening it (WAL mode), bringing an older schema up to date,
and write transactions that wait while another process holds the lock.

    >>> with RegistryFile("sources.sqlite") as registry:     # doctest: +SKIP
    ...     with registry.transaction() as db:             # all of it is kept, or none
    ...         db.execute("...")

:class:`~auditor.provenance.registry.Registry` builds on it; see there for what is stored.
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from auditor.provenance.registry_errors import RegistryError
from auditor.provenance.registry_errors import connect as _connect
from auditor.provenance.schema import MIGRATIONS, SCHEMA_VERSION

T = TypeVar("T")


class RegistryFile:
    """A registry file (created on first use; older schemas are migrated)."""

    def __init__(self, path: str | Path, *, timeout: float = 60.0, create: bool = True):
        self.path = Path(path)
        self.timeout = timeout
        self.create = create
        self._db: sqlite3.Connection | None = None

    # ------------------------------------------------------------------ opening

    def open(self) -> RegistryFile:
        """Connect, switch to WAL mode and bring the schema up to date."""
        if self._db is not None:
            return self
        if not self.path.exists():
            if not self.create:
                raise RegistryError(f"{self.path}: no such registry")
            if self.path.parent and not self.path.parent.exists():
                self.path.parent.mkdir(parents=True, exist_ok=True)
        elif self.path.is_dir():
            raise RegistryError(f"{self.path}: is a folder, not a registry file")
        self._db = db = _connect(self.path, timeout=min(self.timeout, 5.0))
        try:
            db.row_factory = sqlite3.Row
            db.execute("PRAGMA foreign_keys = ON")
            self._retry(lambda: db.execute("PRAGMA journal_mode = WAL").fetchone())
            db.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except BaseException as exc:
            self.close()  # an open connection could keep the file locked
            if isinstance(exc, sqlite3.DatabaseError):  # a failure the guard does not name
                raise RegistryError(f"{self.path}: not a registry ({exc})") from None
            raise
        return self

    def close(self) -> None:
        """Close the connection (safe to call twice)."""
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> RegistryFile:
        return self.open()

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            self.open()
        assert self._db is not None
        return self._db

    def version(self) -> int:
        """The schema version of the file (0 for an empty file)."""
        try:
            row = self.db.execute("SELECT version FROM schema_version").fetchone()
        except sqlite3.OperationalError:
            return 0
        return int(row[0]) if row else 0

    def _migrate(self) -> None:
        try:
            tables = {
                r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
        except sqlite3.DatabaseError as exc:
            raise RegistryError(f"{self.path}: not a registry ({exc})") from None
        if tables and "schema_version" not in tables:
            raise RegistryError(f"{self.path}: an SQLite file, but not a source registry")
        if self.version() > SCHEMA_VERSION:
            raise RegistryError(
                f"{self.path}: registry schema version {self.version()} is newer than this "
                f"auditor supports ({SCHEMA_VERSION}); upgrade the auditor"
            )
        if self.version() == SCHEMA_VERSION and tables:
            return
        migrate_to(self, SCHEMA_VERSION)

    # ------------------------------------------------------------------ transactions

    def _retry(self, action: Callable[[], T]) -> T:
        """Run ``action``, retrying while another process holds the write lock."""
        deadline = time.monotonic() + self.timeout
        delay = 0.01
        while True:
            try:
                return action()
            except sqlite3.OperationalError as exc:
                message = str(exc).lower()
                if "locked" not in message and "busy" not in message:
                    raise
                if time.monotonic() >= deadline:
                    raise RegistryError(
                        f"{self.path}: still locked by another process after "
                        f"{self.timeout:g} s; try again when it has finished"
                    ) from None
                time.sleep(delay * (1 + random.random()))
                delay = min(delay * 2, 0.5)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (``BEGIN IMMEDIATE``): all of it is kept, or none."""
        db = self.db
        self._retry(lambda: db.execute("BEGIN IMMEDIATE"))
        try:
            yield db
        except BaseException:
            if db.in_transaction:  # SQLite may have rolled back already (a damaged file)
                db.execute("ROLLBACK")
            raise
        else:
            self._retry(lambda: db.execute("COMMIT"))


def migrate_to(registry: RegistryFile, target: int) -> None:
    """Apply the migrations from the file's version up to ``target`` in one transaction."""
    with registry.transaction() as db:
        current = registry.version()
        for version in range(current + 1, target + 1):
            for statement in MIGRATIONS[version - 1]:
                db.execute(statement)
            db.execute("UPDATE schema_version SET version = ?", (version,))
