"""What one ``auditor serve`` needs to know, as plain data that crosses process boundaries.

uvicorn starts each worker process by importing the app factory, so the settings travel to
the workers as JSON in the environment variable :data:`SETTINGS_VARIABLE`.
"""

from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass, field

from auditor.pipeline import DEFAULT_MODEL

#: The environment variable the serve command hands the settings to its workers in.
SETTINGS_VARIABLE = "AUDITOR_SERVE_SETTINGS"

#: Largest request body accepted by default (``--max-bytes``): 4 MiB, several long articles.
DEFAULT_MAX_BYTES = 4 * 1024 * 1024

#: Audits that may wait behind the running one before the server answers 503.
DEFAULT_QUEUE = 32


@dataclass(frozen=True)
class ServeSettings:
    """Settings of one server; every worker process gets the same."""

    model: str = DEFAULT_MODEL
    #: the model's entity recognizer over every word (``--full-parse``)
    full_parse: bool = False
    #: auditor.toml or pyproject.toml to use (None: the one found upward from the cwd)
    config_path: str | None = None
    #: the newsroom's source registry (None: no registry checks)
    registry: str | None = None
    #: when set, every API call but health and the schema needs ``Authorization: Bearer``
    token: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    #: audits waiting at most (beyond the one running) before new ones get 503
    queue: int = DEFAULT_QUEUE
    #: origins allowed to call the API from a browser (no CORS headers when empty)
    cors_origins: tuple[str, ...] = field(default_factory=tuple)

    def to_json(self) -> str:
        """The settings as one JSON string (for :data:`SETTINGS_VARIABLE`)."""
        return json.dumps(dataclasses.asdict(self))

    @classmethod
    def from_json(cls, text: str) -> ServeSettings:
        """The settings :meth:`to_json` wrote."""
        data = json.loads(text)
        data["cors_origins"] = tuple(data.get("cors_origins") or ())
        return cls(**data)

    @classmethod
    def from_environment(cls) -> ServeSettings:
        """The settings the serve command left in the environment (defaults without it)."""
        text = os.environ.get(SETTINGS_VARIABLE)
        return cls.from_json(text) if text else cls()
