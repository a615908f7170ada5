"""The provenance step at any size: provenance.md shows at most ``report.Limits`` of each
list (with totals and "N more"), provenance.jsonl lists everything, written atomically,
and the results do not depend on the size of the caches that keep memory flat."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from registry_articles import add_article, claim_attributions, provenance_record

from auditor.batch.store import RESULT_SCHEMA, iter_lines
from auditor.provenance import crossdoc
from auditor.provenance.batch import provenance_step
from auditor.provenance.crossdoc import CrossDocuments, cross_documents
from auditor.provenance.registry import Registry
from auditor.provenance.report import (
    CorpusFinding,
    Findings,
    Limits,
    ProvenanceReport,
    write_jsonl,
)
from auditor.provenance.report_markdown import index_section, render_markdown
from auditor.provenance.working_store import Forest, IdSet

# Made-up people: each group of articles below has its own speakers, so groups never merge.
PEOPLE = ["Anna Berg", "Ivo Dahl", "Lena Hart", "Omar Falk", "Rita Lund", "Sven Moor", "Ada Kern"]
PLACES = ["Dravsk", "Seversk", "Marenby", "Kolvik"]
TOPICS = [
    "the harbor ferry will keep running every day this week",
    "the spillway had been closed for repairs since early March",
    "the council budget for schools will grow again next year",
    "the evacuation of the lower town was complete by noon",
]


def add(registry, doc, claims=(), quotes=()):
    return add_article(registry, doc, claims, quotes, title=f"Title of {doc}")


def _group_claims(group: int) -> list[tuple[str, str, str]]:
    person = PEOPLE[group % len(PEOPLE)]
    return [(person, "named_person", f"{topic} said {group}") for topic in TOPICS[:2]]


def _corpus(registry, sizes=(7, 2, 2, 2, 2), drifting=4):
    """Groups of articles retelling one report (``sizes`` articles each), and speakers
    each quoted in two versions of one quote (the first of them in four versions)."""
    ids = []
    for group, size in enumerate(sizes):
        for copy in range(size):
            ids.append(add(registry, f"g{group}/copy{copy}.txt", claims=_group_claims(group)))
    for n in range(drifting):
        speaker = PEOPLE[n]
        said = f"We will rebuild every house in {PLACES[n]} before the first snow of the winter"
        ids.append(add(registry, f"q{n}/full.txt", quotes=[(speaker, said)]))
        ids.append(add(registry, f"q{n}/cut.txt", quotes=[(speaker, said.split(" before")[0])]))
        if n == 0:
            for word in ("frost", "rain"):
                changed = said.replace("snow of the winter", word)
                ids.append(add(registry, f"q{n}/{word}.txt", quotes=[(speaker, changed)]))
    return ids


def _findings(n: int) -> list[CorpusFinding]:
    return [
        CorpusFinding(
            rule="PROV007",
            name="credential-not-verifiable",
            severity="suggestion" if i % 2 else "warning",
            message=f"finding number {i}",
            doc=f"doc{i:03d}.txt",
            start=i,
            end=i + 5,
            line=1,
        )
        for i in range(n)
    ]


@pytest.fixture
def registry(tmp_path):
    with Registry(tmp_path / "r.sqlite") as opened:
        yield opened


@pytest.fixture
def report(registry):
    ids = _corpus(registry)
    found = ProvenanceReport(
        registry="r.sqlite",
        checked=len(ids),
        added=len(ids),
        counts=registry.counts(),
        findings=Findings(_findings(12)),
        cross=cross_documents(registry, ids),
    )
    yield found
    found.cross.close()


SMALL = Limits(
    groups=3,
    group_articles=4,
    group_claims=1,
    drift=2,
    drift_versions=2,
    version_articles=1,
    findings=5,
)


def _section(markdown: str, title: str) -> str:
    return markdown.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


def _lines(path: Path, kind: str) -> list[dict]:
    return [line for _, line in iter_lines(path) if line["kind"] == kind]


def test_the_markdown_shows_the_limit_of_each_list_and_counts_the_rest(report):
    markdown = render_markdown(report, SMALL)
    origins = _section(markdown, "Articles that share an origin")
    assert origins.count("\n### ") == 3
    assert "### 1. 7 articles retell one report" in origins  # the largest first
    assert "- … and 3 more articles (all in [provenance.jsonl](provenance.jsonl))" in origins
    assert "2 more groups of articles sharing an origin are in" in origins
    assert "All 42 pairs of shared claims (one per pair of articles" in origins  # 1 shown
    drift = _section(markdown, "Quotes that drift")
    assert drift.count("\n### ") == 2
    assert "### Anna Berg: 4 versions" in drift  # the most versions first
    assert "2 more versions of this quote are in" in drift
    assert "2 more drifting quotes are in" in drift
    checks = _section(markdown, "Sources to check")
    assert checks.count("| PROV007 credential-not-verifiable |") == 5
    assert checks.count("| warning |") == 5  # the most severe first
    assert "7 more sources to check are in" in checks
    # The totals count everything, not what is shown.
    assert "| groups of articles that share an origin | 5 |" in markdown
    assert "| quotes that drift | 4 |" in markdown
    assert "| sources to check (PROV007-PROV009) | 12 |" in markdown
    assert "every item, complete, is in [provenance.jsonl]" in markdown


def test_within_the_limits_nothing_is_cut(report):
    markdown = render_markdown(report)
    for cut in ("… and", "more groups", "more drifting", "more versions", "more sources"):
        assert cut not in markdown
    assert "every item, complete" not in markdown
    assert _section(markdown, "Articles that share an origin").count("\n### ") == 5


def test_the_jsonl_lists_every_item_complete(report, tmp_path):
    target = tmp_path / "provenance.jsonl"
    write_jsonl(report, target)
    origins = _lines(target, "shared_origin")
    assert [len(o["articles"]) for o in origins] == [7, 2, 2, 2, 2]
    assert len(_lines(target, "quote_drift")) == 4
    assert len(_lines(target, "finding")) == 12
    # Streamed piece by piece, each line is the very object the checks found.
    assert origins == [
        c.to_dict() | {"schema": "auditor-provenance/1", "kind": "shared_origin"}
        for c in report.cross.shared_origin
    ]
    drifts = _lines(target, "quote_drift")
    assert drifts == [
        d.to_dict() | {"schema": "auditor-provenance/1", "kind": "quote_drift"}
        for d in report.cross.quote_drift
    ]
    (versions,) = [d["versions"] for d in drifts if len(d["versions"]) == 4]
    assert all(v["articles"] for v in versions)


def test_samples_say_how_many_there_are(report):
    (largest, *_) = report.cross.origins(limit=1, sample=3)
    assert (len(largest.articles), largest.size) == (3, 7)
    assert (len(largest.claims), largest.claim_count) == (2, 42)  # distinct claims only
    (most,) = report.cross.drifts(limit=1, sample=1, order="importance")
    assert (len(most.versions), most.version_count) == (1, 4)
    assert most.versions[0]["article_count"] == 1


def test_the_index_section_stays_short(report):
    lines = index_section(report)
    assert sum(1 for line in lines if line.startswith("- Shared origin:")) == 5
    assert "and 3 more" in lines[lines.index(next(x for x in lines if "Shared origin" in x))]
    assert sum(1 for line in lines if line.startswith("- Quote drift:")) == 4


def test_the_jsonl_is_written_atomically(report, tmp_path, monkeypatch):
    target = tmp_path / "provenance.jsonl"
    target.write_text("the previous run\n", encoding="utf-8")

    def failing(self, head=None):
        yield iter(['{"schema":"auditor-provenance/1","kind":"quote_drift"'])
        raise RuntimeError("disk full")

    monkeypatch.setattr(CrossDocuments, "drift_json", failing)
    with pytest.raises(RuntimeError):
        write_jsonl(report, target)
    assert target.read_text(encoding="utf-8") == "the previous run\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_results_do_not_depend_on_the_cache_sizes(tmp_path, monkeypatch):
    def run(folder: Path) -> tuple[list, list]:
        with Registry(folder / "r.sqlite") as opened:
            ids = _corpus(opened, sizes=(30, 5, 3), drifting=3)
            found = cross_documents(opened, ids)
            try:
                return (
                    [c.to_dict() for c in found.shared_origin],
                    [d.to_dict() for d in found.quote_drift],
                )
            finally:
                found.close()

    (tmp_path / "big").mkdir()
    (tmp_path / "tiny").mkdir()
    expected = run(tmp_path / "big")
    monkeypatch.setattr(crossdoc.records, "RECORD_CACHE", 2)
    monkeypatch.setattr(crossdoc.records, "COMPACT_CACHE", 3)
    assert run(tmp_path / "tiny") == expected
    assert [len(c["articles"]) for c in expected[0]] == [30, 5, 3]


def _result_line(doc: str, claims, quotes=()) -> dict:
    sha = hashlib.sha256(doc.encode()).hexdigest()
    return {
        "schema": RESULT_SCHEMA,
        "id": doc,
        "meta": {"title": f"Title of {doc}"},
        "reports": {"markdown": f"reports/{doc}.md"},
        "result": {
            "document": {"sha256": sha, "path": doc},
            "attributions": claim_attributions(claims),
        },
        "provenance": provenance_record(quotes),
    }


def test_the_batch_step_writes_a_bounded_report_and_a_complete_jsonl(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    lines = [
        _result_line(f"g{group}-{copy}", _group_claims(group))
        for group, size in enumerate((6, 3, 2, 2))
        for copy in range(size)
    ]
    (out / "results.jsonl").write_text(
        "".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8"
    )
    limits = Limits(groups=2, group_articles=2)
    section = provenance_step(out, limits=limits).section
    markdown = (out / "provenance.md").read_text(encoding="utf-8")
    origins = _section(markdown, "Articles that share an origin")
    assert origins.count("\n### ") == 2 and "2 more groups of articles" in origins
    assert "- [Title of g0-0](reports/g0-0.md)" in origins  # titles and links of the batch
    assert "- … and 4 more articles" in origins
    assert [len(o["articles"]) for o in _lines(out / "provenance.jsonl", "shared_origin")] == [
        6,
        3,
        2,
        2,
    ]
    assert "| groups of articles that share an origin | 4 |" in section
    assert not [p for p in out.iterdir() if p.name.endswith(".part")]


def test_id_sets_and_forests_cost_a_bit_and_a_word_per_article():
    ids = IdSet([3, 1000, 7, 3])
    assert len(ids) == 3 and 7 in ids and 8 not in ids and -1 not in ids
    assert list(ids) == [3, 7, 1000]
    forest = Forest()
    forest.union(5, 9)
    forest.union(9, 200)
    forest.union(1, 2)
    roots = dict(forest.members())
    assert set(roots) == {1, 2, 5, 9, 200}
    assert roots[5] == roots[9] == roots[200] != roots[1] == roots[2]
    assert 3 not in forest and 0 not in forest
