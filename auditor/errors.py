"""Errors the auditor reports to users as one line (exit code 2), never as a traceback."""


class AuditorError(Exception):
    """Base class: the message is a complete sentence fragment a user can act on."""
