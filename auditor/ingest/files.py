"""Opening input files safely: regular files only, and text that UTF-8 can hold.

Shared by ``auditor audit``/``check`` (through :func:`auditor.ingest.read_article`) and by
``auditor batch``, so both refuse the same inputs the same way.
"""

from __future__ import annotations

import os
import stat
from typing import BinaryIO

_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)


class NotRegularFile(OSError):
    """A path names a FIFO, socket, device or folder: never read as an article."""

    def __init__(self, kind: str) -> None:
        super().__init__(f"{kind}, not a regular file")
        self.kind = kind


def file_kind(mode: int) -> str:
    """What a ``st_mode`` that is not a regular file names ("a FIFO (named pipe)", ...)."""
    return next((name for test, name in _KINDS if test(mode)), "a special file")


def _require_regular(mode: int) -> None:
    if not stat.S_ISREG(mode):
        raise NotRegularFile(file_kind(mode))


def open_regular(path: str | os.PathLike) -> BinaryIO:
    """``path`` opened for binary reading, if it is a regular file.

    A FIFO, a device or a socket named like an article would block or read without end:
    they raise :class:`NotRegularFile`. The type is checked before opening and again on
    the open descriptor (the path may change in between); the non-blocking open keeps a
    FIFO put in the file's place from blocking until a writer appears. Other failures
    raise :class:`OSError` as :func:`os.open` does.
    """
    _require_regular(os.stat(path).st_mode)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        _require_regular(os.fstat(fd).st_mode)
    except OSError:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def lone_surrogate_at(text: str) -> int | None:
    """Where ``text`` holds a lone surrogate (which UTF-8 cannot hold), or None.

    No file can hold one, but a Python string or a JSON record (``"\\ud800"``) can; such
    text cannot be hashed, stored or written to a report.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return exc.start
    return None


def printable(text: str) -> str:
    """``text`` with whatever UTF-8 cannot hold (a file name's undecodable bytes, lone
    surrogates) shown as backslash escapes, so it can be written and read back."""
    if lone_surrogate_at(text) is None:
        return text
    return os.fsencode(text).decode("utf-8", "backslashreplace")
