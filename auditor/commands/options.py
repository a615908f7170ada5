"""Click options every command spells the same way."""

from __future__ import annotations

from pathlib import Path

import click

from auditor.config import DEFAULT_MODEL
from auditor.limits import DEFAULT_MAX_CHARS, DEFAULT_PIECE_CHARS

#: Shared by every command: -h as well as --help, and help text up to 100 columns.
CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

model_option = click.option(
    "--model",
    default=DEFAULT_MODEL,
    show_default=True,
    metavar="NAME",
    help="Installed spaCy pipeline (package name or path) to run; it needs a parser.",
)

config_option = click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="auditor.toml or pyproject.toml to use instead of the one found upward.",
)

max_chars_option = click.option(
    "--max-chars",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_CHARS,
    show_default=True,
    metavar="N",
    help=(
        "Refuse an article (file or stdin) longer than N characters; reading stops there. "
        f"Articles over {DEFAULT_PIECE_CHARS:,} characters are audited in pieces cut at "
        "paragraphs."
    ),
)
