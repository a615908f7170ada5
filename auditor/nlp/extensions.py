"""The ``Doc._`` extension attributes the auditor's components write, registered once."""

from __future__ import annotations

from spacy.tokens import Doc

#: Extension name -> what it holds. Every value is a list of plain dicts.
EXTENSIONS = {
    "auditor_quotes": "quotation spans (auditor.model.Quote.to_dict)",
    "auditor_attributions": "attributions with char offsets (see nlp/attribution.py)",
    "auditor_speakers": "speaker clusters (auditor.model.SpeakerCluster.to_dict)",
}


def register_extensions() -> None:
    """Register the auditor's ``Doc`` extensions; safe to call any number of times."""
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
