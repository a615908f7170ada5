"""Resume keys of a batch: what a document's result depends on, as one digest.

A document is skipped on a re-run when its stored key equals :func:`resume_key` now: the
same content, identity and metadata (the item) under the same settings (the
:func:`settings_fingerprint` of the auditor's version, the result schema, the model, the
rule pack, the severities, the size limits and the HTML extractor).

    >>> key = resume_key(settings_fingerprint(model_id, rule_pack, options), item)  # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

from auditor.batch.article_extraction import extractor_identity
from auditor.batch.items import Item

if TYPE_CHECKING:
    from auditor.batch.run import BatchOptions


def settings_fingerprint(model_id: str, rule_pack, options: BatchOptions) -> str:
    """A digest of everything besides a document's content that shapes its result."""
    from auditor import __version__
    from auditor.model import SCHEMA

    config = rule_pack.config
    parts = (
        __version__,
        SCHEMA,  # a result kept from an earlier schema is not resumed into a newer one
        model_id,
        # the entity recognizer over every word or in windows (--full-parse)
        "full-parse" if options.full_parse else "ner-windows",
        rule_pack.digest,
        sorted(config.severity.items()),
        options.max_chars,
        options.piece_chars,
        extractor_identity(options.html_extractor),
    )
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def resume_key(fingerprint: str, item: Item) -> str:
    """The resume key of ``item``: its content, identity and metadata under these settings."""
    h = hashlib.sha256(fingerprint.encode())
    meta = json.dumps(item.meta, sort_keys=True, ensure_ascii=False, default=str)
    for part in (item.uid, item.path, item.name, item.format, item.content_hash(), meta):
        h.update(b"\0" + part.encode("utf-8"))
    return h.hexdigest()[:32]


def model_identity(model: str, nlp=None) -> str:
    """``name-version`` of the model (from the loaded pipeline, else its meta.json)."""
    if nlp is not None:
        meta = nlp.meta
        return f"{meta.get('lang', '')}_{meta.get('name', model)}-{meta.get('version', '?')}"
    import spacy.util

    from auditor.pipeline import MODEL_ALIASES

    for name in MODEL_ALIASES.get(model, (model,)):
        try:
            path = Path(name) if Path(name).exists() else spacy.util.get_package_path(name)
            meta = spacy.util.load_meta(path / "meta.json")
        except Exception:  # noqa: BLE001 - not installed here; the workers will say so
            continue
        return f"{meta.get('lang', '')}_{meta.get('name', model)}-{meta.get('version', '?')}"
    return model
