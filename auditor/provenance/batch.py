"""The provenance step of ``auditor batch``: run once every document is audited.

    >>> lines = after_batch(Path("out"), rule_pack=pack)  # doctest: +SKIP

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
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from auditor.provenance.crossdoc import Settings, cross_documents
from auditor.provenance.registry import Registry, RegistryError
from auditor.provenance.report import (
    JSONL,
    REPORT,
    CorpusFinding,
    ProvenanceReport,
    index_section,
    jsonl_lines,
    render_markdown,
)
from auditor.provenance.source_rules import corpus_hits
from auditor.report.escape import markdown_text

if TYPE_CHECKING:
    from auditor.rules import RulePack

#: The registry's file name in the output folder when ``--registry`` is not given.
DEFAULT_REGISTRY = "sources.sqlite"
_REPORT_ORDER = ("markdown", "html", "json", "text", "sarif", "jsonl", "github")


class _Values(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def default_registry(out_dir: Path) -> Path:
    """Where ``auditor batch`` keeps the registry unless told otherwise."""
    return Path(out_dir) / DEFAULT_REGISTRY


def sync_results(registry: Registry, results: Path) -> tuple[dict[str, dict[str, Any]], int]:
    """Add every result line of ``results`` (a results.jsonl) to ``registry``.

    Returns ``sha256 -> {"doc", "title", "reports"}`` for the articles in the file, and
    how many were new to the registry.
    """
    from auditor.batch.store import RESULT_SCHEMA, iter_lines

    seen: dict[str, dict[str, Any]] = {}
    added = 0
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
        added += registry.add_article(info, result, line.get("provenance"))
        seen[sha] = {
            "doc": doc,
            "title": meta.get("title") or document.get("name") or doc,
            "reports": line.get("reports") or {},
        }
    return seen, added


def corpus_findings(
    registry: Registry, rule_pack: RulePack, articles: dict[int, str]
) -> list[CorpusFinding]:
    """The registry rules' findings in ``articles`` (id -> doc), as configured."""
    out = []
    for rule in rule_pack.enabled:
        if rule.check != "registry":
            continue
        hits = corpus_hits(rule.params["condition"], registry, articles)
        for article_id, found in hits.items():
            for hit in found:
                values = _Values(hit.values)
                values.setdefault("id", rule.id)
                values.setdefault("name", rule.name)
                out.append(
                    CorpusFinding(
                        rule=rule.id,
                        name=rule.name,
                        severity=rule.severity,
                        message=rule.message.format_map(values),
                        doc=articles[article_id],
                        start=hit.start,
                        end=hit.end,
                        line=hit.line,
                    )
                )
    out.sort(key=lambda f: (f.doc, f.start, f.rule))
    return out


def _run(out_dir: Path, registry_path: Path, rule_pack: RulePack, settings: Settings | None):
    from auditor.batch.store import RESULTS

    with Registry(registry_path) as registry:
        seen, added = sync_results(registry, out_dir / RESULTS)
        ids = registry.article_ids(seen)
        articles = {article_id: seen[sha]["doc"] for sha, article_id in ids.items()}
        report = ProvenanceReport(
            registry=str(registry_path),
            checked=len(ids),
            added=added,
            counts=registry.counts(),
            findings=corpus_findings(registry, rule_pack, articles),
            cross=cross_documents(registry, ids.values(), settings),
        )
    return report, seen, added


def after_batch(
    out_dir: Path,
    registry_path: Path | None = None,
    *,
    rule_pack: RulePack | None = None,
    settings: Settings | None = None,
    say: Callable[[str], None] | None = None,
) -> list[str]:
    """Registry update, registry rules and cross-document checks for the batch in
    ``out_dir``; writes provenance.md and provenance.jsonl there and returns the lines of
    the index section."""
    from auditor.batch.store import write_atomically

    out_dir = Path(out_dir)
    registry_path = Path(registry_path) if registry_path else default_registry(out_dir)
    say = say or (lambda text: None)
    if rule_pack is None:
        from auditor.rules import load_rule_pack

        rule_pack = load_rule_pack()
    try:
        report, seen, added = _run(out_dir, registry_path, rule_pack, settings)
    except RegistryError as exc:
        # The audit results are safe and the index is still to be written: report the
        # problem there and on stderr (even with --quiet) instead of failing the batch.
        print(f"auditor: warning: provenance step skipped: {exc}", file=sys.stderr)
        text = f"The provenance step was skipped: {markdown_text(str(exc))}"
        write_atomically(out_dir / REPORT, f"# Provenance across articles\n\n{text}\n")
        return ["## Provenance across articles", "", text, ""]
    for entry in seen.values():
        link = next((entry["reports"][f] for f in _REPORT_ORDER if f in entry["reports"]), None)
        if link:
            report.links[entry["doc"]] = link
        report.titles[entry["doc"]] = entry["title"]
    write_atomically(out_dir / REPORT, render_markdown(report))
    write_atomically(out_dir / JSONL, "".join(jsonl_lines(report)))
    cross = report.cross
    say(
        f"auditor: provenance: {added} articles added to {registry_path}; shared origin: "
        f"{len(cross.shared_origin)}, quote drift: {len(cross.quote_drift)}, sources to check: "
        f"{len(report.findings)} (see {out_dir / REPORT})"
    )
    return index_section(report)
