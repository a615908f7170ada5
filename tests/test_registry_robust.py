"""A registry file whose pages are garbled (its 100-byte header intact): every way in says
the registry is damaged in one line, naming the file and how to start a new one."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import cli
from auditor.provenance.registry import Registry, RegistryError
from auditor.provenance.registry_errors import RegistryDamaged

HEADER = 100  # bytes of the SQLite file header, left as they are
PAGE = 4096


def _speaker(name: str) -> dict:
    return {"name": name, "kind": "person", "variants": [name], "descriptions": ["a witness"]}


def write_registry(path: Path, articles: int = 60) -> Path:
    """A registry of ``articles`` made-up articles, spread over many pages."""
    with Registry(path) as registry:
        for n in range(articles):
            registry.add_article(
                {"sha256": f"{n:064x}", "doc": f"article-{n}.txt", "title": "t" * 200},
                {"attributions": []},
                {"speakers": [_speaker(f"Witness Number{n}"), _speaker("Mira Solberg")]},
            )
    # Fold the write-ahead log into the main file, so the garbage below hits real pages.
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute("PRAGMA journal_mode = DELETE")
    db.close()
    return path


def garble(path: Path, start: int) -> Path:
    """Overwrite everything from byte ``start`` on with random bytes."""
    data = bytearray(path.read_bytes())
    assert len(data) > 4 * PAGE, "the registry should span several pages"
    noise = random.Random(11)
    data[start:] = bytes(noise.randrange(256) for _ in range(len(data) - start))
    path.write_bytes(bytes(data))
    return path


def damaged_registry(path: Path, start: int = PAGE) -> Path:
    """A registry at ``path`` whose pages from byte ``start`` on are garbage."""
    return garble(write_registry(path), start)


@pytest.fixture(params=[HEADER, PAGE], ids=["schema-page-too", "data-pages"])
def damaged(request, tmp_path) -> Path:
    return damaged_registry(tmp_path / "sources.sqlite", request.param)


def _is_damage_line(text: str, path: Path) -> bool:
    return (
        text.count("\n") <= 1
        and str(path) in text
        and "damaged" in text
        and "move it aside" in text
        and "--registry" in text
    )


def test_opening_or_reading_a_damaged_registry_raises_registry_damaged(damaged):
    with pytest.raises(RegistryDamaged) as caught:
        with Registry(damaged) as registry:
            registry.sources()
            registry.counts()
            registry.source(1)
    assert isinstance(caught.value, RegistryError)
    assert _is_damage_line(str(caught.value), damaged)


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["show", "Mira Solberg"],
        ["export"],
        ["export", "--format", "json"],
        ["merge", "Mira Solberg", "Witness Number1"],
        ["verify", "Mira Solberg"],
    ],
    ids=lambda a: " ".join(a),
)
def test_sources_commands_on_a_damaged_registry_exit_2_with_one_line(damaged, args):
    result = CliRunner().invoke(cli, ["sources", *args, "--registry", str(damaged)])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.output.startswith("auditor: error: ")
    assert _is_damage_line(result.output.strip(), damaged)


def test_importing_into_a_damaged_registry_exits_2(damaged, tmp_path):
    known = tmp_path / "known.csv"
    known.write_text("name,role\nAna Ruiz,mayor\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["sources", "import", str(known), "--registry", str(damaged)])
    assert result.exit_code == 2, result.output
    assert _is_damage_line(result.output.strip(), damaged)


def test_a_file_that_is_not_sqlite_is_not_called_damaged(tmp_path):
    text = tmp_path / "notes.sqlite"
    text.write_text("just some text, not a database\n" * 500, encoding="utf-8")
    with pytest.raises(RegistryError, match="not a registry") as caught:
        Registry(text).open()
    assert not isinstance(caught.value, RegistryDamaged)


def test_a_sound_registry_still_opens_and_reads(tmp_path):
    path = write_registry(tmp_path / "sound.sqlite", articles=5)
    with Registry(path) as registry:
        assert registry.counts() == {"sources": 6, "known": 0, "articles": 5}
        assert registry.find("Mira Solberg").articles == 5


def _read_everything(path: Path) -> None:
    with Registry(path, timeout=1) as registry:
        for source in registry.sources():
            registry.source(source.id)
        registry.counts()
        registry.articles(range(1, 100))
        registry.find("Mira Solberg")


def test_random_damage_is_a_registry_error_or_nothing(tmp_path):
    """Bytes garbled here and there (not whole pages): text that is not UTF-8, a stored
    record that does not decompress, a broken schema: each is one line."""
    sound = write_registry(tmp_path / "sound.sqlite").read_bytes()
    noise = random.Random(2024)
    outcomes = set()
    for trial in range(60):
        data = bytearray(sound)
        for _ in range(noise.randint(1, 5)):
            start = noise.randrange(HEADER, len(data))
            data[start : start + 48] = bytes(noise.randrange(256) for _ in range(48))
        path = tmp_path / f"garbled-{trial}.sqlite"
        path.write_bytes(bytes(data[: len(sound)]))
        try:
            _read_everything(path)
        except RegistryError as exc:
            message = str(exc)
            assert "\n" not in message and message.startswith(str(path))
            outcomes.add(type(exc).__name__)
        else:
            outcomes.add("read")
    assert "RegistryDamaged" in outcomes


def test_a_damaged_read_leaves_no_lock_behind(tmp_path):
    path = write_registry(tmp_path / "sources.sqlite")
    sound = path.read_bytes()
    garble(path, PAGE)
    with pytest.raises(RegistryDamaged) as kept:  # its traceback keeps the cursor alive
        _read_everything(path)
    path.write_bytes(sound)  # the same file (same inode), sound again
    with Registry(path, timeout=1) as registry:
        registry.import_known([])  # a write: fails if a read lock were still held
        assert registry.counts()["articles"] == 60
    assert kept.value is not None
