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

full_parse_option = click.option(
    "--full-parse",
    is_flag=True,
    help=(
        "Run the model's entity recognizer over every word, not only around names, "
        "numbers and dates (slower; the same audits but for a rare entity type)."
    ),
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

registry_option = click.option(
    "--registry",
    "registry",
    type=click.Path(path_type=Path),  # (a folder or missing file: the registry's own error)
    envvar="AUDITOR_REGISTRY",
    show_envvar=True,
    metavar="PATH",
    help=(
        "The newsroom's source registry (a sources.sqlite of `auditor batch`/`sources`): "
        "the registry rules PROV007-PROV009 then weigh each article against it and report "
        "in its own findings. Read only, never written."
    ),
)

schema_option = click.option(
    "--schema",
    type=click.Choice(["2", "1"]),
    default="2",
    show_default=True,
    help=(
        "JSON layout of the json and jsonl reports: auditor/2, or auditor/1 (no content "
        "parts) for consumers not yet updated; 1 is offered for this release only."
    ),
)
