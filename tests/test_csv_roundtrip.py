"""Known-sources CSV: the standard dialect, no formula injection, exact round trips, long
fields, and errors that name the line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.cli import cli
from auditor.provenance.csvio import MAX_FIELD_CHARS, read_rows, write_rows
from auditor.provenance.known import parse_known, read_known, write_export
from auditor.provenance.name_keys import clean_name
from auditor.provenance.registry import KnownSource, Registry, Source

FORMULAS = [
    "=cmd|' /C calc'!A0",
    "@SUM(1)",
    "-2+3+cmd|' /C calc'!A0",
    "+1",
    '=HYPERLINK("http://example.invalid/?q=1","click")',
    "\tTabbed Name",
    "\rCarriage Name",
    "'=already quoted",
    "''@twice",
]
#: Text a spreadsheet or the csv module could trip on: quotes, separators, line breaks,
#: formula starts, quotes before them, unicode (no lone surrogates: UTF-8 cannot hold them).
CELL = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("\"',;|\t\r\n =+-@ \u00a0\u2028“”")),
        st.characters(blacklist_categories=("Cs",)),
    ),
    max_size=40,
)


def run(*args: str):
    result = CliRunner().invoke(cli, ["sources", *args])
    return result.exit_code, result.output


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(CELL, min_size=1, max_size=6), max_size=6))
def test_writing_then_reading_rows_is_the_identity(rows):
    stream = io.StringIO(newline="")
    write_rows(rows, stream)
    stream.seek(0)
    assert [values for _, values in read_rows(stream, "<test>")] == rows


@settings(max_examples=300, deadline=None)
@given(CELL)
def test_no_written_cell_can_start_a_formula(value):
    stream = io.StringIO(newline="")
    write_rows([[value, value]], stream)
    (cells,) = list(csv.reader(io.StringIO(stream.getvalue(), newline="")))
    assert all(not cell or cell[0] not in "=+-@\t\r" for cell in cells)


def _field(text: str) -> str:
    """What import keeps of a field: it strips the spaces around it."""
    return text.strip()


def _name(text: str) -> str:
    return clean_name(text.replace(";", " ").replace("|", " "))


@settings(max_examples=200, deadline=None)
@given(
    name=CELL.map(_name).filter(bool),
    role=CELL.map(_field),
    organization=CELL.map(_field),
    verified_by=CELL.map(_field),
    variant=CELL.map(_name),
)
def test_an_export_imports_as_the_same_list(name, role, organization, verified_by, variant):
    source = Source(
        id=1,
        name=name,
        kind="person",
        known=True,
        role=role or None,
        organization=organization or None,
        verified_by=verified_by or None,
        verified_on="2024-03-01",
        variants=[(name, 1)] + ([(variant, 1)] if variant and variant != name else []),
    )
    stream = io.StringIO(newline="")
    write_export([source], stream)
    (row,) = parse_known(stream.getvalue())
    assert row.name == name
    assert row.variants == ([variant] if variant and variant != name else [])
    assert (row.role, row.organization, row.verified_by) == (
        source.role,
        source.organization,
        source.verified_by,
    )
    assert (row.date, row.kind, row.known) == ("2024-03-01", "person", True)


def test_doubled_quotes_of_rfc_4180_keep_their_columns(tmp_path):
    known = tmp_path / "known.csv"
    known.write_text(
        'name,role,organization\r\n"Ana ""Bo"" Ruiz","the ""acting"" mayor",Dravsk\r\n'
        'Jonas Weber,"engineer, retired","Dam ""Safety"" Board"\r\n',
        encoding="utf-8",
    )
    (ana, jonas) = parse_known(known.read_text(encoding="utf-8"))
    assert (ana.name, ana.role, ana.organization) == (
        'Ana "Bo" Ruiz',
        'the "acting" mayor',
        "Dravsk",
    )
    assert (jonas.role, jonas.organization) == ("engineer, retired", 'Dam "Safety" Board')
    registry = tmp_path / "r.sqlite"
    assert run("import", str(known), "--registry", str(registry))[0] == 0
    code, out = run("export", "--registry", str(registry))
    assert code == 0
    again = tmp_path / "again.csv"
    again.write_text(out, encoding="utf-8")
    other = tmp_path / "other.sqlite"
    assert run("import", str(again), "--registry", str(other))[0] == 0
    code, shown = run("show", 'Ana "Bo" Ruiz', "--registry", str(other), "--format", "json")
    assert json.loads(shown)["role"] == 'the "acting" mayor'
    assert run("export", "--registry", str(other))[1] == out


def test_export_neutralizes_formulas_and_import_restores_them(tmp_path):
    registry = tmp_path / "r.sqlite"
    with Registry(registry) as opened:
        opened.import_known(
            KnownSource(name=f"Person Number{n}", role=f, verified_by=f, kind="person")
            for n, f in enumerate(FORMULAS)
        )
    code, out = run("export", "--registry", str(registry))
    assert code == 0
    cells = [cell for row in csv.reader(io.StringIO(out, newline="")) for cell in row]
    assert "'=cmd|' /C calc'!A0" in cells and "'@SUM(1)" in cells and "'\tTabbed Name" in cells
    assert "''=already quoted" in cells and "'''@twice" in cells
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    # JSON keeps the values as they are.
    code, out_json = run("export", "--registry", str(registry), "--format", "json")
    roles = {item["name"]: item["role"] for item in json.loads(out_json)}
    assert [roles[f"Person Number{n}"] for n in range(len(FORMULAS))] == FORMULAS
    # Importing the export gives back the same values (import strips spaces around each).
    exported = tmp_path / "export.csv"
    assert run("export", "--registry", str(registry), "--out", str(exported))[0] == 0
    rows = read_known(exported)
    assert [(r.role, r.verified_by) for r in rows] == [(f.strip(), f.strip()) for f in FORMULAS]


def test_a_field_over_the_csv_module_default_limit_imports(tmp_path):
    known = tmp_path / "known.csv"
    role = "a" * 200_000
    known.write_text(f"name,role\nAna Ruiz,{role}\n", encoding="utf-8")
    code, out = run("import", str(known), "--registry", str(tmp_path / "r.sqlite"))
    assert code == 0, out
    assert csv.field_size_limit() == 131_072  # the process-wide setting is left as it was


def test_a_field_over_the_limit_is_one_line_naming_the_line(tmp_path):
    known = tmp_path / "known.csv"
    huge = "x" * (MAX_FIELD_CHARS + 1)
    known.write_text(f'name,role\n"Ana\nRuiz",mayor\nBo Lind,"{huge}"\n', encoding="utf-8")
    code, out = run("import", str(known), "--registry", str(tmp_path / "r.sqlite"))
    assert code == 2
    assert out == (
        f"auditor: error: {known}: line 4: a field is longer than {MAX_FIELD_CHARS:,} characters\n"
    )


def test_a_semicolon_separated_file_says_which_separator_to_use(tmp_path):
    known = tmp_path / "known.csv"
    known.write_text("name;role\nAna Ruiz;mayor\n", encoding="utf-8")
    code, out = run("import", str(known), "--registry", str(tmp_path / "r.sqlite"))
    assert code == 2 and out.count("\n") == 1
    assert "no 'name' column" in out and "separated by ',', not ';'" in out


@pytest.mark.parametrize("text", ["", "\ufeff"])
def test_an_empty_file_is_refused(text, tmp_path):
    known = Path(tmp_path / "empty.csv")
    known.write_text(text, encoding="utf-8")
    code, out = run("import", str(known), "--registry", str(tmp_path / "r.sqlite"))
    assert code == 2 and "empty file" in out


def test_the_docs_give_the_field_limit_and_the_escaping():
    docs = (Path(__file__).parents[1] / "docs" / "provenance.md").read_text(encoding="utf-8")
    assert f"up to {MAX_FIELD_CHARS:,} characters" in docs
    assert "`'=HYPERLINK(...)`" in docs
