"""The source registry: recording, idempotence, spelling variants, curation, schema
migrations, concurrent writers, and a writer killed mid-way.

Articles here are built by hand as the batch stores them (an ``auditor/1`` result and a
provenance record), so these tests need no spaCy pipeline.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from auditor.provenance.registry import (
    KnownSource,
    Registry,
    RegistryError,
    SourceNotFound,
    migrate_to,
)
from auditor.provenance.schema import MIGRATIONS, SCHEMA_VERSION

ROOT = Path(__file__).resolve().parent.parent


def speaker(name, kind="person", type_="named_person", descriptions=(), variants=(), n=1):
    return {
        "name": name,
        "kind": kind,
        "type": type_,
        "variants": [name, *variants],
        "descriptions": list(descriptions),
        "attributions": n,
        "at": [10, 10 + len(name), 2],
    }


def article(doc, speakers=(), claims=(), quotes=(), published=None, title=None):
    """(info, result, record) of a hand-made article; ``claims`` are (speaker, type, text)."""
    sha = hashlib.sha256(doc.encode()).hexdigest()
    attributions = [
        {
            "kind": "indirect",
            "content": {"start": 0, "end": len(text), "text": text},
            "source": {"start": 0, "end": len(who), "text": who},
            "speaker": {"name": who, "description": None},
            "source_type": kind,
        }
        for who, kind, text in claims
    ]
    result = {"schema": "auditor/1", "document": {"sha256": sha}, "attributions": attributions}
    record = {
        "v": 1,
        "speakers": list(speakers),
        "quotes": [{"text": t, "speakers": [s], "at": [0, len(t)]} for s, t in quotes],
        "names": {},
        "orgs": {},
    }
    info = {"sha256": sha, "doc": doc, "title": title, "published": published}
    return info, result, record


@pytest.fixture
def registry(tmp_path):
    with Registry(tmp_path / "sources.sqlite") as opened:
        yield opened


def test_a_new_registry_is_at_the_current_schema_in_wal_mode(registry):
    assert registry.version() == SCHEMA_VERSION
    mode = registry.db.execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_speakers_are_recorded_with_counts_variants_descriptions_and_dates(registry):
    first = article(
        "a.txt",
        [speaker("Mira Solberg", descriptions=["the regional governor"], n=2)],
        published="2024-03-01T08:00:00Z",
    )
    second = article(
        "b.txt",
        [
            speaker(
                "Mira Solberg", descriptions=["the governor of the region"], variants=["Solberg"]
            )
        ],
        published="2024-03-09",
    )
    assert registry.add_article(*first) is True
    assert registry.add_article(*second) is True
    source = registry.find("mira solberg")
    assert (source.articles, source.attributions) == (2, 3)
    assert (source.first_seen, source.last_seen) == ("2024-03-01", "2024-03-09")
    assert source.source_type == "named_person"
    assert dict(source.variants) == {"Mira Solberg": 2, "Solberg": 1}
    assert dict(source.descriptions) == {
        "the regional governor": 1,
        "the governor of the region": 1,
    }
    assert [a["article"] for a in source.appearances] == ["a.txt", "b.txt"]


def test_adding_an_article_twice_changes_nothing(registry):
    item = article(
        "a.txt",
        [speaker("Mira Solberg")],
        claims=[
            ("Mira Solberg", "named_person", "The lower town was evacuated by noon on Tuesday")
        ],
    )
    assert registry.add_article(*item) is True
    before = _dump(registry)
    assert registry.add_article(*item) is False
    assert _dump(registry) == before


def _dump(registry) -> dict:
    tables = ["sources", "aliases", "variants", "articles", "appearances", "descriptions"]
    tables += ["unit_keys", "quote_keys"]
    return {t: sorted(map(tuple, registry.db.execute(f"SELECT * FROM {t}"))) for t in tables}


def test_a_registry_shared_by_two_runs_counts_each_article_once(tmp_path):
    path = tmp_path / "shared.sqlite"
    with Registry(path) as first_run:
        first_run.add_article(*article("day1/a.txt", [speaker("Jonas Weber")]))
        first_run.add_article(*article("day1/b.txt", [speaker("Jonas Weber")]))
    with Registry(path) as second_run:
        # The second run sees one old article again and one new one.
        second_run.add_article(*article("day1/b.txt", [speaker("Jonas Weber")]))
        second_run.add_article(*article("day2/c.txt", [speaker("Jonas Weber")]))
        assert second_run.find("Jonas Weber").articles == 3
        assert second_run.counts()["articles"] == 3


def test_spellings_of_one_person_become_one_source(registry):
    registry.add_article(*article("a.txt", [speaker("Volodymyr Zelenskyy")]))
    registry.add_article(*article("b.txt", [speaker("Volodymyr Zelensky")]))
    source = registry.find("Volodymyr Zelensky")
    assert source.name == "Volodymyr Zelenskyy"
    assert source.articles == 2
    assert {v for v, _ in source.variants} == {"Volodymyr Zelenskyy", "Volodymyr Zelensky"}


def test_feminine_forms_stay_two_people(registry):
    registry.add_article(*article("a.txt", [speaker("Ivan Petrov")]))
    registry.add_article(*article("b.txt", [speaker("Ivan Petrova")]))
    assert registry.counts()["sources"] == 2


def test_a_lone_surname_joins_the_one_full_name_it_can_be(registry):
    # Registered alone first, then adopted when the full name arrives...
    registry.add_article(*article("a.txt", [speaker("Solberg")]))
    registry.add_article(*article("b.txt", [speaker("Mira Solberg")]))
    assert registry.counts()["sources"] == 1
    assert registry.find("Solberg").name == "Mira Solberg"
    # ...and joined directly once the full name is known.
    registry.add_article(*article("c.txt", [speaker("Solberg")]))
    assert registry.find("Mira Solberg").articles == 3


def test_a_lone_surname_shared_by_two_people_stays_apart(registry):
    registry.add_article(*article("a.txt", [speaker("Mira Solberg")]))
    registry.add_article(*article("b.txt", [speaker("Erik Solberg")]))
    registry.add_article(*article("c.txt", [speaker("Solberg")]))
    assert registry.counts()["sources"] == 3


def test_organizations_are_found_by_any_name_an_article_gave_them(registry):
    isw = speaker(
        "Institute for the Study of War",
        kind="organization",
        type_="named_organization",
        variants=["ISW"],
    )
    registry.add_article(*article("a.txt", [isw]))
    registry.add_article(
        *article("b.txt", [speaker("ISW", kind="organization", type_="named_organization")])
    )
    assert registry.find("ISW").articles == 2


def test_merge_moves_everything_and_the_old_name_finds_the_merged_source(registry):
    registry.add_article(
        *article("a.txt", [speaker("Hanna Kowalska", descriptions=["a hydrologist"])])
    )
    registry.add_article(
        *article("b.txt", [speaker("Hanna Kovalskaya", descriptions=["an engineer"])])
    )
    registry.add_article(*article("c.txt", [speaker("Hanna Kovalskaya")]))
    assert registry.counts()["sources"] == 2
    merged = registry.merge("Hanna Kowalska", "Hanna Kovalskaya")
    assert merged.articles == 3
    assert {d for d, _ in merged.descriptions} == {"a hydrologist", "an engineer"}
    assert registry.counts()["sources"] == 1
    assert registry.find("Hanna Kovalskaya").id == merged.id
    # An article arriving later under the old name goes to the merged source.
    registry.add_article(*article("d.txt", [speaker("Hanna Kovalskaya")]))
    assert registry.find("Hanna Kowalska").articles == 4
    with pytest.raises(RegistryError, match="already one source"):
        registry.merge("Hanna Kowalska", "Hanna Kovalskaya")


def test_unknown_names_are_errors_with_suggestions(registry):
    registry.add_article(*article("a.txt", [speaker("Mira Solberg")]))
    with pytest.raises(SourceNotFound, match="did you mean Mira Solberg"):
        registry.find("Mira Solbergh")
    assert registry.find(f"#{registry.find('Mira Solberg').id}").name == "Mira Solberg"


def test_verify_puts_a_source_on_the_known_list(registry):
    registry.add_article(*article("a.txt", [speaker("Petra Lind")]))
    source = registry.verify("Petra Lind", by="standards desk", date="2024-05-02", role="economist")
    assert source.known and source.verified_by == "standards desk"
    assert (source.verified_on, source.role) == ("2024-05-02", "economist")
    assert registry.verify("Petra Lind").verified_by == "standards desk"  # kept


def test_import_is_idempotent_and_registers_the_person_s_organization(registry):
    rows = [
        KnownSource(
            "Petra Lind", ["P. Lind"], "economist", "Baltic Policy Institute", "desk", "2024-01-05"
        ),
        KnownSource("CNA", ["Center for Naval Analyses"], verified_by="desk", kind="organization"),
    ]
    assert registry.import_known(rows) == (2, 0)  # rows: new, already there
    assert registry.import_known(rows) == (0, 2)
    lind = registry.find("P. Lind")
    assert lind.known and lind.organization == "Baltic Policy Institute"
    assert registry.find("Baltic Policy Institute").known
    assert registry.find("Center for Naval Analyses").name == "CNA"
    # Articles that quote a known source attach to it.
    registry.add_article(*article("a.txt", [speaker("Petra Lind")]))
    assert registry.find("Petra Lind").articles == 1
    assert registry.counts() == {"sources": 3, "known": 3, "articles": 1}


# ---------------------------------------------------------------------- schema


def _create_at(path: Path, version: int) -> None:
    db = sqlite3.connect(path, isolation_level=None)
    for statements in MIGRATIONS[:version]:
        for statement in statements:
            db.execute(statement)
    db.execute("UPDATE schema_version SET version = ?", (version,))
    db.close()


def test_an_old_registry_is_migrated_and_keeps_its_data(tmp_path):
    path = tmp_path / "old.sqlite"
    _create_at(path, 1)
    db = sqlite3.connect(path)
    db.execute(
        "INSERT INTO sources (id, name, kind, block, known, created) "
        "VALUES (1, 'Jonas Weber', 'person', 'web', 1, '2023-01-01T00:00:00Z')"
    )
    db.execute("INSERT INTO aliases VALUES ('jonas weber', 1)")
    db.execute(
        "INSERT INTO articles (id, sha256, doc, added) VALUES (1, 'x', 'old.txt', '2023-01-01')"
    )
    db.execute(
        "INSERT INTO appearances (article_id, source_id, name, source_type, attributions) "
        "VALUES (1, 1, 'Jonas Weber', 'named_person', 2)"
    )
    db.commit()
    db.close()
    with Registry(path) as registry:
        assert registry.version() == SCHEMA_VERSION
        weber = registry.find("Jonas Weber")
        assert weber.known and weber.articles == 1 and weber.attributions == 2
        # The article from before the cross-document index gets its record on next sight.
        info, result, record = article("old.txt", [speaker("Jonas Weber")])
        info["sha256"] = "x"
        assert registry.add_article(info, result, record) is False
        assert registry.articles([1])[1]["record"] == {
            "units": [],
            "quotes": [],
            "names": {},
            "orgs": {},
        }
        assert registry.find("Jonas Weber").articles == 1


def test_migrations_apply_in_order_to_an_empty_file(tmp_path):
    registry = Registry(tmp_path / "r.sqlite")
    registry._db = sqlite3.connect(registry.path, isolation_level=None)  # no auto-migration
    registry._db.row_factory = sqlite3.Row
    migrate_to(registry, 1)
    assert registry.version() == 1
    migrate_to(registry, SCHEMA_VERSION)
    assert registry.version() == SCHEMA_VERSION
    registry.close()


def test_a_newer_schema_is_refused(tmp_path):
    path = tmp_path / "future.sqlite"
    with Registry(path):
        pass
    db = sqlite3.connect(path)
    db.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION + 1,))
    db.commit()
    db.close()
    with pytest.raises(RegistryError, match="newer than this auditor supports"):
        Registry(path).open()


def test_files_that_are_not_registries_are_refused(tmp_path):
    other = tmp_path / "other.sqlite"
    db = sqlite3.connect(other)
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    with pytest.raises(RegistryError, match="not a source registry"):
        Registry(other).open()
    text = tmp_path / "notes.sqlite"
    text.write_text("just some text, not a database\n" * 50)
    with pytest.raises(RegistryError, match="not a registry"):
        Registry(text).open()
    with pytest.raises(RegistryError, match="no such registry"):
        Registry(tmp_path / "missing.sqlite", create=False).open()


# ---------------------------------------------------------------------- safety


def test_an_error_between_articles_keeps_every_finished_article_whole(tmp_path):
    path = tmp_path / "r.sqlite"
    items = [
        article(f"n{i}.txt", [speaker("Jonas Weber"), speaker(f"Person Number{i}")])
        for i in range(6)
    ]
    registry = Registry(path).open()
    original = registry._add_appearance
    calls = {"n": 0}

    def failing(db, article_id, who, seen):
        calls["n"] += 1
        if calls["n"] == 8:  # the second speaker of the fourth article
            raise RuntimeError("injected")
        return original(db, article_id, who, seen)

    registry._add_appearance = failing
    with pytest.raises(RuntimeError, match="injected"):
        for item in items:
            registry.add_article(*item)
    registry.close()
    with Registry(path) as reopened:
        assert reopened.counts()["articles"] == 3
        assert reopened.find("Jonas Weber").articles == 3
        _assert_consistent(reopened)
        for item in items:  # resuming adds the rest, nothing twice
            reopened.add_article(*item)
        assert reopened.find("Jonas Weber").articles == 6
        _assert_consistent(reopened)


def _assert_consistent(registry) -> None:
    db = registry.db
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    # Every recorded article has its record, and every appearance its article.
    assert db.execute("SELECT COUNT(*) FROM articles WHERE record IS NULL").fetchone()[0] == 0
    orphans = db.execute(
        "SELECT COUNT(*) FROM appearances WHERE article_id NOT IN (SELECT id FROM articles)"
    ).fetchone()[0]
    assert orphans == 0
    variants = dict(
        db.execute(
            "SELECT s.name, v.articles FROM variants v JOIN sources s ON s.id = v.source_id "
            "WHERE v.variant = s.name"
        ).fetchall()
    )
    appearances = dict(
        db.execute(
            "SELECT s.name, COUNT(*) FROM appearances a JOIN sources s ON s.id = a.source_id "
            "GROUP BY s.id"
        ).fetchall()
    )
    assert variants == appearances


_WRITER = textwrap.dedent(
    """
    import hashlib, sys
    from auditor.provenance.registry import Registry

    path, start, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    with Registry(path, timeout=120) as registry:
        for i in range(start, start + count):
            doc = f"doc-{i}.txt"
            sha = hashlib.sha256(doc.encode()).hexdigest()
            speakers = [
                {"name": "Jonas Weber", "kind": "person", "type": "named_person",
                 "variants": ["Jonas Weber"], "descriptions": ["the harbor master"],
                 "attributions": 1, "at": [0, 11, 1]},
                {"name": f"Person Number{i}", "kind": "person", "type": "named_person",
                 "variants": [], "descriptions": [], "attributions": 1, "at": [0, 5, 1]},
            ]
            claims = [{"kind": "indirect", "source_type": "named_person",
                       "speaker": {"name": "Jonas Weber"}, "source": {"text": "Weber"},
                       "content": {"start": 0, "end": 40,
                                   "text": f"the ferry terminal will open in week {i} of spring"}}]
            registry.add_article({"sha256": sha, "doc": doc},
                                 {"attributions": claims},
                                 {"speakers": speakers, "quotes": [], "names": {}, "orgs": {}})
            print(i, flush=True)
    """
)


def _writer(path: Path, start: int, count: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(path), str(start), str(count)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_a_writer_killed_mid_way_leaves_the_registry_consistent(tmp_path):
    path = tmp_path / "r.sqlite"
    with Registry(path):
        pass
    process = _writer(path, 0, 100_000)
    done = 0
    deadline = time.monotonic() + 60
    while done < 20 and time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        done += 1
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    assert done >= 20, process.stderr.read()
    with Registry(path) as registry:
        recorded = registry.counts()["articles"]
        assert recorded >= done
        assert registry.find("Jonas Weber").articles == recorded
        _assert_consistent(registry)


@pytest.mark.slow
def test_concurrent_writers_wait_for_each_other_and_lose_nothing(tmp_path):
    path = tmp_path / "r.sqlite"
    with Registry(path):
        pass
    writers = [_writer(path, start, 40) for start in (0, 20, 1000)]
    for writer in writers:
        _, err = writer.communicate(timeout=240)
        assert writer.returncode == 0, err
    with Registry(path) as registry:
        # 0-39 and 20-59 overlap on 20 documents, which are recorded once.
        assert registry.counts()["articles"] == 100
        assert registry.find("Jonas Weber").articles == 100
        assert registry.counts()["sources"] == 101
        _assert_consistent(registry)


def test_a_registry_locked_too_long_is_an_error_naming_the_file(tmp_path):
    path = tmp_path / "r.sqlite"
    with Registry(path):
        pass
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(RegistryError, match="still locked by another process"):
            with Registry(path, timeout=0.3) as registry:
                registry.add_article(*article("a.txt", [speaker("Jonas Weber")]))
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_records_are_stored_compactly_and_read_back(registry):
    info, result, record = article(
        "a.txt",
        claims=[
            ("Mira Solberg", "named_person", "the lower town was evacuated by noon on Tuesday")
        ],
        quotes=[("Mira Solberg", "We will rebuild every house before the first snow")],
    )
    registry.add_article(info, result, record)
    stored = registry.articles([1])[1]["record"]
    assert stored["units"][0]["who"] == "p:solberg"
    assert stored["quotes"][0]["who"] == ["solberg"]
    assert json.dumps(stored)  # plain data
    assert registry.db.execute("SELECT COUNT(*) FROM unit_keys").fetchone()[0] > 0
    assert registry.db.execute("SELECT COUNT(*) FROM quote_keys").fetchone()[0] > 0


def test_registry_is_usable_from_a_forked_process(tmp_path):
    # Batch workers are forked; the registry is only opened in the main process, but a
    # child opening its own connection must work too.
    path = tmp_path / "r.sqlite"
    with Registry(path) as registry:
        registry.add_article(*article("a.txt", [speaker("Jonas Weber")]))
    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    with context.Pool(1) as pool:
        assert pool.apply(_articles_of, (str(path),)) == 1


def _articles_of(path: str) -> int:
    with Registry(path) as registry:
        return registry.find("Jonas Weber").articles
