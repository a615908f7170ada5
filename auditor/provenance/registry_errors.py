"""What can go wrong with a registry file, said in one line.

:func:`connect` opens the registry with a connection whose every query (the statement and
every row read from it) turns SQLite's own failures of the *file* into a
:class:`RegistryError`: a damaged file (garbled pages, SQLite's "database disk image is
malformed") becomes :class:`RegistryDamaged`, whose message says how to start a new
registry; a full disk or unreadable file names the file. Locks are left to the caller's
retry loop, and errors that would be the auditor's own bug (SQL, constraints) are left as
they are.

Why not ``PRAGMA quick_check`` on every open: it reads the whole file, seconds for a large
registry on every ``auditor sources`` command; SQLite checks each page it reads anyway.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from auditor.errors import AuditorError

#: The first 16 bytes of every SQLite database file.
SQLITE_HEADER = b"SQLite format 3\x00"
#: Primary result codes of a damaged file: SQLITE_CORRUPT, SQLITE_NOTADB.
_DAMAGE_CODES = frozenset({11, 26})
#: Primary result codes of a file or disk that fails: SQLITE_PERM, SQLITE_READONLY,
#: SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN.
_FILE_CODES = frozenset({3, 8, 10, 13, 14})
# Before Python 3.11 exceptions carry no result code: the messages SQLite gives them.
_DAMAGE_WORDS = ("malformed", "not a database", "corrupt", "could not decode")
_FILE_WORDS = ("disk i/o error", "disk is full", "unable to open", "readonly", "access perm")


class RegistryError(AuditorError):
    """The registry file cannot be used (not a registry, newer schema, locked too long)."""


class SourceNotFound(RegistryError):
    """No source by that name; the message suggests close names."""


class RegistryDamaged(RegistryError):
    """The registry is an SQLite file whose pages are garbled; it cannot be read."""


def _code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF  # extended codes keep the primary one


def _is_sqlite_file(path: Path) -> bool:
    try:
        with open(path, "rb") as stream:
            return stream.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def damaged(path: Path | str, reason: object) -> RegistryDamaged:
    """The error for a damaged registry at ``path``: what is wrong, and what to do."""
    shown = "".join(c if c.isprintable() else "?" for c in str(reason)[:100])  # one line
    return RegistryDamaged(
        f"{path}: the registry is damaged ({shown}); move it aside, or pass "
        "another --registry PATH, to start a new one"
    )


def registry_failure(path: Path, exc: sqlite3.Error) -> RegistryError | None:
    """The one-line error ``exc`` means for the registry at ``path``, or None when it is
    not a failure of the file (a lock, or a bug to show as it is)."""
    code, message = _code(exc), str(exc).lower()
    if code in _DAMAGE_CODES or (code is None and any(w in message for w in _DAMAGE_WORDS)):
        if not _is_sqlite_file(path):
            return RegistryError(f"{path}: not a registry (not an SQLite file)")
        return damaged(path, exc)
    if code in _FILE_CODES or (code is None and any(w in message for w in _FILE_WORDS)):
        return RegistryError(f"{path}: cannot use the registry file ({exc})")
    return None


class GuardedCursor(sqlite3.Cursor):
    """A cursor whose statements and rows raise :class:`RegistryError` for a bad file."""

    def _run(self, method: Callable[..., Any], *args: Any) -> Any:
        try:
            return method(*args)
        except sqlite3.DatabaseError as exc:
            failure = registry_failure(self.connection.registry_path, exc)
            if failure is None:
                raise
        except UnicodeDecodeError as exc:  # the registry holds only the UTF-8 it wrote
            failure = damaged(self.connection.registry_path, exc)
        # Finish the statement now: one left half-read keeps a read lock on the file (and
        # the closed connection open) for as long as the traceback is kept.
        self.close()
        raise failure from None

    def execute(self, *args: Any) -> GuardedCursor:
        return self._run(super().execute, *args)

    def executemany(self, *args: Any) -> GuardedCursor:
        return self._run(super().executemany, *args)

    def executescript(self, *args: Any) -> GuardedCursor:
        return self._run(super().executescript, *args)

    def fetchone(self) -> Any:
        return self._run(super().fetchone)

    def fetchmany(self, *args: Any) -> list[Any]:
        return self._run(super().fetchmany, *args)

    def fetchall(self) -> list[Any]:
        return self._run(super().fetchall)

    def __next__(self) -> Any:
        return self._run(super().__next__)


class GuardedConnection(sqlite3.Connection):
    """A connection whose shortcuts (``execute`` and the like) use :class:`GuardedCursor`."""

    registry_path: Path

    def cursor(self, factory: Any = GuardedCursor) -> Any:  # type: ignore[override]
        return super().cursor(factory)

    def execute(self, *args: Any) -> Any:  # type: ignore[override]
        return self.cursor().execute(*args)

    def executemany(self, *args: Any) -> Any:  # type: ignore[override]
        return self.cursor().executemany(*args)

    def executescript(self, *args: Any) -> Any:  # type: ignore[override]
        return self.cursor().executescript(*args)


def connect(path: Path, timeout: float) -> GuardedConnection:
    """Open the registry file at ``path`` (autocommit: transactions are explicit)."""
    try:
        db = sqlite3.connect(path, timeout=timeout, isolation_level=None, factory=GuardedConnection)
    except sqlite3.DatabaseError as exc:
        raise registry_failure(path, exc) or exc from None
    db.registry_path = Path(path)
    return db
