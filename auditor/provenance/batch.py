"""The provenance step of ``auditor batch``: run once every document is audited.

    >>> outcome = provenance_step(Path("out"), rule_pack=pack)  # doctest: +SKIP

:func:`with_provenance` hooks it (and each article's record, made by the batch workers)
into the options of a batch run; the batch itself, an earlier stage, knows nothing of it.

1. every result line of ``out/results.jsonl`` is added to the registry (one transaction
   per article; articles already there are skipped, so a re-run or a second batch
   sharing the registry adds, never duplicates);
2. the registry rules (PROV007-PROV009, when the configuration selects them) are
   evaluated for this batch's articles with the evidence of every registered article;
3. the cross-document checks run for this batch's articles;
4. ``provenance.md`` and ``provenance.jsonl`` are written next to ``index.md``, and the
   lines of a short section for ``index.md`` are returned.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from auditor.provenance.crossdoc import Settings, cross_documents
from auditor.provenance.record import batch_record
from auditor.provenance.registry import Registry, RegistryError
from auditor.provenance.report import (
    JSONL,
    REPORT,
    CorpusFinding,
    Findings,
    Limits,
    ProvenanceReport,
    write_jsonl,
)
from auditor.provenance.report_markdown import index_section, render_markdown
from auditor.provenance.source_rules import corpus_hits
from auditor.provenance.working_store import IdSet, Scratch, ScratchMap
from auditor.report.escape import markdown_text
from auditor.result_files import RESULT_SCHEMA, RESULTS, iter_lines, write_atomically

if TYPE_CHECKING:
    from auditor.batch import BatchOptions
    from auditor.rules import RulePack

#: The registry's file name in the output folder when ``--registry`` is not given.
DEFAULT_REGISTRY = "sources.sqlite"
#: Articles whose registry findings are worked out together.
FINDINGS_CHUNK = 1000
_REPORT_ORDER = ("markdown", "html", "json", "text", "sarif", "jsonl", "github")


class _Values(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def default_registry(out_dir: Path) -> Path:
    """Where ``auditor batch`` keeps the registry unless told otherwise."""
    return Path(out_dir) / DEFAULT_REGISTRY


def _synced(registry: Registry, results: Path) -> Iterator[tuple[str, dict[str, Any], int]]:
    """Add every result line of ``results`` to ``registry``, one at a time: yields the
    article's sha256, ``{"doc", "title", "reports"}`` and 1 when it was new."""
    for _, line in iter_lines(Path(results)):
        if line.get("schema") != RESULT_SCHEMA:
            continue
        result = line.get("result") or {}
        document = result.get("document") or {}
        sha = document.get("sha256")
        if not sha:
            continue
        meta = line.get("meta") or {}
        doc = str(line.get("id") or document.get("path") or sha)
        info = {
            "sha256": sha,
            "doc": doc,
            "title": meta.get("title"),
            "outlet": meta.get("outlet"),
            "published": meta.get("published"),
        }
        added = registry.add_article(info, result, line.get("provenance"))
        entry = {
            "doc": doc,
            "title": meta.get("title") or document.get("name") or doc,
            "reports": line.get("reports") or {},
        }
        yield sha, entry, added


def sync_results(registry: Registry, results: Path) -> tuple[dict[str, dict[str, Any]], int]:
    """Add every result line of ``results`` (a results.jsonl) to ``registry``.

    Returns ``sha256 -> {"doc", "title", "reports"}`` for the articles in the file, and
    how many were new to the registry. (The batch step itself keeps these in a working
    database instead: see :func:`provenance_step`.)
    """
    seen: dict[str, dict[str, Any]] = {}
    added = 0
    for sha, entry, new in _synced(registry, results):
        seen[sha] = entry
        added += new
    return seen, added


def iter_corpus_findings(
    registry: Registry, rule_pack: RulePack, articles: dict[int, str]
) -> Iterator[CorpusFinding]:
    """The registry rules' findings in ``articles`` (id -> doc), as configured, rule by
    rule."""
    for rule in rule_pack.enabled:
        if rule.check != "registry":
            continue
        hits = corpus_hits(rule.params["condition"], registry, articles)
        for article_id, found in hits.items():
            for hit in found:
                values = _Values(hit.values)
                values.setdefault("id", rule.id)
                values.setdefault("name", rule.name)
                yield CorpusFinding(
                    rule=rule.id,
                    name=rule.name,
                    severity=rule.severity,
                    message=rule.message.format_map(values),
                    doc=articles[article_id],
                    start=hit.start,
                    end=hit.end,
                    line=hit.line,
                )


def corpus_findings(
    registry: Registry, rule_pack: RulePack, articles: dict[int, str]
) -> list[CorpusFinding]:
    """The registry rules' findings in ``articles`` (id -> doc), as configured, by article
    and position."""
    out = list(iter_corpus_findings(registry, rule_pack, articles))
    out.sort(key=lambda f: (f.doc, f.start, f.rule))
    return out


_BATCH_TABLES = (
    # the batch's articles as results.jsonl lists them (a repeated text: the last line wins)
    "CREATE TABLE batch (sha256 TEXT PRIMARY KEY, doc TEXT, title TEXT, link TEXT)",
    "CREATE INDEX batch_doc ON batch (doc)",
    "CREATE TABLE focus (article_id INTEGER PRIMARY KEY, doc TEXT)",
)


def _sync_batch(registry: Registry, results: Path, store: Scratch) -> int:
    """Sync ``results`` into the registry, keeping this batch's articles in ``store``;
    returns how many were new to the registry."""
    store.script(*_BATCH_TABLES)
    added = 0
    for sha, entry, new in _synced(registry, results):
        added += new
        reports = entry["reports"]
        link = next((reports[f] for f in _REPORT_ORDER if f in reports), None)
        row = (sha, entry["doc"], entry["title"], link)
        store.insert("INSERT OR REPLACE INTO batch VALUES (?, ?, ?, ?)", row)
    chunk: list[tuple[str, str]] = []

    def flush() -> None:
        ids = registry.article_ids(sha for sha, _ in chunk)
        for sha, doc in chunk:
            if sha in ids:
                store.insert("INSERT OR REPLACE INTO focus VALUES (?, ?)", (ids[sha], doc))
        chunk.clear()

    for sha, doc in store.rows("SELECT sha256, doc FROM batch ORDER BY rowid"):
        chunk.append((sha, doc))
        if len(chunk) >= 500:
            flush()
    flush()
    return added


def _focus_chunks(store: Scratch) -> Iterator[dict[int, str]]:
    chunk: dict[int, str] = {}
    for article_id, doc in store.rows("SELECT article_id, doc FROM focus ORDER BY article_id"):
        chunk[article_id] = doc
        if len(chunk) >= FINDINGS_CHUNK:
            yield chunk
            chunk = {}
    if chunk:
        yield chunk


def _run(
    out_dir: Path,
    registry_path: Path,
    rule_pack: RulePack,
    settings: Settings | None,
    limits: Limits | None,
) -> tuple[list[str], str]:
    """The whole step with the registry open; returns the index section and a summary."""
    with Registry(registry_path) as registry, Scratch() as store:
        added = _sync_batch(registry, out_dir / RESULTS, store)
        checked = int(store.value("SELECT COUNT(*) FROM focus"))
        findings = Findings(store=store)
        for articles in _focus_chunks(store):
            for finding in iter_corpus_findings(registry, rule_pack, articles):
                findings.add(finding)
        focus = IdSet(article_id for (article_id,) in store.rows("SELECT article_id FROM focus"))
        cross = cross_documents(registry, focus, settings)
        try:
            report = ProvenanceReport(
                registry=str(registry_path),
                checked=checked,
                added=added,
                counts=registry.counts(),
                findings=findings,
                cross=cross,
                links=ScratchMap(store, "batch", "doc", "link"),
                titles=ScratchMap(store, "batch", "doc", "title"),
            )
            write_atomically(out_dir / REPORT, render_markdown(report, limits))
            write_jsonl(report, out_dir / JSONL)
            summary = (
                f"{added} articles added to {registry_path}; shared origin: "
                f"{cross.origin_count}, quote drift: {cross.drift_count}, sources to check: "
                f"{len(findings)} (see {out_dir / REPORT})"
            )
            return index_section(report), summary
        finally:
            cross.close()


@dataclass
class ProvenanceOutcome:
    """What the provenance step gives the batch: the lines of its index section, and why
    it was skipped (None when it ran)."""

    section: list[str]
    skipped: str | None = None


def provenance_step(
    out_dir: Path,
    registry_path: Path | None = None,
    *,
    rule_pack: RulePack | None = None,
    settings: Settings | None = None,
    limits: Limits | None = None,
    say: Callable[[str], None] | None = None,
) -> ProvenanceOutcome:
    """Registry update, registry rules and cross-document checks for the batch in
    ``out_dir``; writes provenance.md (bounded by ``limits``) and provenance.jsonl
    (complete) there.

    A registry that cannot be used (damaged, not a registry, locked too long) skips the
    step: one warning line on stderr, the reason in provenance.md and the index section,
    and ``skipped`` set, so the batch can finish everything else and exit 1.

    Memory stays flat whatever the number of articles: this batch's articles, the
    findings and the cross-document groups are kept in a temporary SQLite database, and
    both files are written from there.
    """
    out_dir = Path(out_dir)
    registry_path = Path(registry_path) if registry_path else default_registry(out_dir)
    say = say or (lambda text: None)
    if rule_pack is None:
        from auditor.rules import load_rule_pack

        rule_pack = load_rule_pack()
    try:
        section, summary = _run(out_dir, registry_path, rule_pack, settings, limits)
    except RegistryError as exc:
        # The audit results are safe and the index is still to be written: report the
        # problem there and on stderr (even with --quiet) instead of failing the batch.
        print(f"auditor: warning: provenance step skipped: {exc}", file=sys.stderr)
        text = f"The provenance step was skipped: {markdown_text(str(exc))}"
        write_atomically(out_dir / REPORT, f"# Provenance across articles\n\n{text}\n")
        return ProvenanceOutcome(["## Provenance across articles", "", text, ""], str(exc))
    say(f"auditor: provenance: {summary}")
    return ProvenanceOutcome(section)


def with_provenance(options: BatchOptions, registry: Path | None) -> BatchOptions:
    """``options`` with the provenance stage hooked into the batch: every result keeps its
    article's provenance record (speakers, quotes, names: :func:`batch_record`) and, given
    a ``registry``, :func:`provenance_step` runs once every document is audited.

        >>> from auditor.batch import BatchOptions
        >>> hooked = with_provenance(BatchOptions(out_dir=Path("out")), Path("sources.sqlite"))
        >>> [key for key, _ in hooked.article_records], hooked.folder_step is not None
        (['provenance'], True)
    """
    step = partial(provenance_step, registry_path=registry) if registry is not None else None
    records = (*options.article_records, ("provenance", batch_record))
    return replace(options, article_records=records, folder_step=step)
