"""The provenance report of a batch: ``provenance.md`` for editors, ``provenance.jsonl`` for
machines, and the short section ``index.md`` shows with a link to the full report.

Here: what the report holds (:class:`ProvenanceReport`), its bounds (:class:`Limits`)
and the JSON Lines file; the Markdown is :mod:`auditor.provenance.report_markdown`'s.

``provenance.md`` is bounded whatever the size of the corpus: it shows the most important
items first (the largest shared-origin groups, the quotes that drift in the most versions,
the most severe findings), at most :class:`Limits` of each, with totals and "and N more"
lines pointing to ``provenance.jsonl``, which holds every item, complete. The JSON Lines
file is written piece by piece to a temporary file renamed into place at the end, so
neither file is ever held whole in memory and a failed run leaves no partial file.

Every piece of article text goes through :func:`auditor.report.escape.markdown_text`, so
a quote cannot break a table or inject markup.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from auditor.provenance.crossdoc import CrossDocuments
from auditor.provenance.working_store import Scratch
from auditor.report.json_format import json_line

JSONL_SCHEMA = "auditor-provenance/1"
REPORT = "provenance.md"
JSONL = "provenance.jsonl"
#: Longest claim or quote excerpt shown in a table cell.
CELL_CHARS = 160
_SEVERITY_ORDER = {"error": 0, "warning": 1, "suggestion": 2}

# What provenance.md shows at most (the rest is counted, and is in provenance.jsonl):
#: shared-origin groups (the largest first)
MAX_GROUPS = 20
#: articles listed per group (in the order they were recorded)
MAX_GROUP_ARTICLES = 10
#: shared claims shown side by side per group
MAX_GROUP_CLAIMS = 10
#: upstream sources, and speakers whose statements recur, per group
MAX_GROUP_SOURCES = 10
#: groups of names that differ per group, and articles listed per name
MAX_NAME_GROUPS = 10
MAX_NAME_ARTICLES = 5
#: quotes that drift (the most versions first), versions per quote, articles per version
MAX_DRIFT = 20
MAX_DRIFT_VERSIONS = 8
MAX_VERSION_ARTICLES = 5
#: sources to check (the most severe first)
MAX_FINDINGS = 100


@dataclass(frozen=True)
class Limits:
    """How much of each list ``provenance.md`` shows; the defaults are the ``MAX_*``
    constants of this module."""

    groups: int = MAX_GROUPS
    group_articles: int = MAX_GROUP_ARTICLES
    group_claims: int = MAX_GROUP_CLAIMS
    group_sources: int = MAX_GROUP_SOURCES
    name_groups: int = MAX_NAME_GROUPS
    name_articles: int = MAX_NAME_ARTICLES
    drift: int = MAX_DRIFT
    drift_versions: int = MAX_DRIFT_VERSIONS
    version_articles: int = MAX_VERSION_ARTICLES
    findings: int = MAX_FINDINGS


@dataclass
class CorpusFinding:
    """A registry rule's finding in one article of the batch."""

    rule: str
    name: str
    severity: str
    message: str
    doc: str
    start: int
    end: int
    line: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "doc": self.doc,
            "start": self.start,
            "end": self.end,
            "line": self.line,
        }


class Findings:
    """The registry rules' findings of a batch, kept in a working database (its own when
    ``store`` is None) and read back in order, never all in memory."""

    _COLUMNS = "rule, name, severity, message, doc, start, end, line"

    def __init__(self, findings: Iterable[CorpusFinding] = (), store: Scratch | None = None):
        self._own = store is None
        self.store = store if store is not None else Scratch()
        self.store.script(
            "CREATE TABLE IF NOT EXISTS findings (rule TEXT, name TEXT, severity TEXT, "
            "message TEXT, doc TEXT, start INTEGER, end INTEGER, line INTEGER, rank INTEGER)"
        )
        for finding in findings:
            self.add(finding)

    def add(self, f: CorpusFinding) -> None:
        rank = _SEVERITY_ORDER.get(f.severity, 3)
        row = (f.rule, f.name, f.severity, f.message, f.doc, f.start, f.end, f.line, rank)
        self.store.insert("INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", row)

    def __len__(self) -> int:
        return int(self.store.value("SELECT COUNT(*) FROM findings"))

    def _read(self, order: str, limit: int | None = None) -> Iterator[CorpusFinding]:
        sql = f"SELECT {self._COLUMNS} FROM findings ORDER BY {order}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        for row in self.store.rows(sql):
            yield CorpusFinding(*row)

    def __iter__(self) -> Iterator[CorpusFinding]:
        """Every finding by article and position (as provenance.jsonl lists them)."""
        return self._read("doc, start, rule, rowid")

    def most_severe(self, limit: int | None = None) -> Iterator[CorpusFinding]:
        """The findings the most severe first (as provenance.md shows them)."""
        return self._read("rank, doc, start, rule, rowid", limit)

    def close(self) -> None:
        if self._own:
            self.store.close()


@dataclass
class ProvenanceReport:
    """What the provenance step found, and where it looked."""

    registry: str
    checked: int
    added: int
    counts: dict[str, int]
    findings: Findings = field(default_factory=Findings)
    cross: CrossDocuments = field(default_factory=CrossDocuments)
    #: article doc id -> its report path (relative to the output folder) and title
    links: Mapping[str, str] = field(default_factory=dict)
    titles: Mapping[str, str] = field(default_factory=dict)


# ---------------------------------------------------------------------- JSON Lines


def jsonl_pieces(report: ProvenanceReport) -> Iterator[str]:
    """``provenance.jsonl`` in pieces: one JSON object a line per finding, origin cluster
    and quote drift, every one complete (a line may be long, never held whole)."""

    def head(kind: str) -> dict[str, Any]:
        return {"schema": JSONL_SCHEMA, "kind": kind}

    for finding in report.findings:
        record = {**head("finding"), **finding.to_dict()}
        yield json_line(record)
    for pieces in report.cross.origin_json(head("shared_origin")):
        yield from pieces
        yield "\n"
    for pieces in report.cross.drift_json(head("quote_drift")):
        yield from pieces
        yield "\n"


@contextmanager
def atomic_writer(target: Path) -> Iterator[IO[str]]:
    """A text stream to a temporary file next to ``target``, renamed to ``target`` when
    the block ends normally and deleted when it raises: ``target`` is either the previous
    file or the complete new one, never a part."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        with temporary.open("w", encoding="utf-8", buffering=1 << 20) as stream:
            yield stream
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_jsonl(report: ProvenanceReport, target: Path) -> None:
    """Write ``provenance.jsonl`` to ``target`` (atomically, streamed)."""
    with atomic_writer(target) as stream:
        for piece in jsonl_pieces(report):
            stream.write(piece)
