"""Errors the auditor reports to users as one line (exit code 2), never as a traceback."""

import reprlib


class AuditorError(Exception):
    """Base class: the message is a complete sentence fragment a user can act on."""


def _short_repr() -> reprlib.Repr:
    """How error messages show a bad value: a few items, a few levels, short strings."""
    short = reprlib.Repr()
    short.maxlevel, short.maxstring, short.maxother = 3, 80, 80
    return short


_SHORT_REPR = _short_repr()


def quote_value(value: object, limit: int = 60) -> str:
    """``value`` as an error message quotes it: a repr cut to ``limit`` characters.

    Built with :mod:`reprlib`, so a huge or deeply nested value costs no more than its
    first few items (a YAML or TOML file can hold either).
    """
    shown = _SHORT_REPR.repr(value)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"
