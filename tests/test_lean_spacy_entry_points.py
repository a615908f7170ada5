"""The ``auditor`` command's spaCy import hands catalogue its entry points by group (issue 16).

A fresh interpreter: the test session has imported spaCy already.
"""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = """
import importlib.metadata, json
from auditor import lean_spacy
lean_spacy.install()
import catalogue, spacy
grouped = catalogue.AVAILABLE_ENTRY_POINTS
standard = importlib.metadata.entry_points()
print(json.dumps({
    "is_dict": type(grouped) is dict,
    "same": all(
        [(e.name, e.value) for e in grouped.get(g, [])]
        == [(e.name, e.value) for e in standard.select(group=g)]
        for g in {e.group for d in importlib.metadata.distributions() for e in d.entry_points}
    ),
}))
"""


def test_entry_points_are_grouped_and_the_same():
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=300, check=True
    )
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["is_dict"]
    assert found["same"]
