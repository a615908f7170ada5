"""``auditor sources``: inspect and curate the source registry.

    auditor sources list --registry out/sources.sqlite
    auditor sources show "Denis Pushilin" --registry out/sources.sqlite
    auditor sources merge "Volodymyr Zelenskyy" "Zelensky" --registry ...
    auditor sources verify "Elena Petrova" --by "standards desk" --registry ...
    auditor sources export --registry ... > sources.csv
    auditor sources import known.csv --registry ...

Every subcommand takes ``--registry PATH`` (or the ``AUDITOR_REGISTRY`` environment
variable). Exit codes: 0 success, 2 usage or runtime error (a missing, damaged or
locked registry, an unknown name, an unreadable CSV file).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from auditor.commands.options import CONTEXT_SETTINGS

_KINDS = ("person", "organization", "media")


def registry_option(func: Callable) -> Callable:
    """The ``--registry PATH`` option every ``sources`` command has."""
    return click.option(
        "--registry",
        "registry_path",
        type=click.Path(dir_okay=False, path_type=Path),
        envvar="AUDITOR_REGISTRY",
        metavar="PATH",
        help="The registry file (e.g. OUT/sources.sqlite from `auditor batch`); "
        "default: $AUDITOR_REGISTRY.",
    )(func)


def _open(registry_path: Path | None, *, create: bool = False):
    from auditor.provenance.registry import Registry

    if registry_path is None:
        raise click.UsageError("no registry given: use --registry PATH (or set AUDITOR_REGISTRY)")
    return Registry(registry_path, create=create).open()


def _format_option(choices: tuple[str, ...], default: str) -> Callable:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=default,
        show_default=True,
        help="Text for people, JSON (or CSV) for tools.",
    )


@click.group(context_settings=CONTEXT_SETTINGS)
def sources() -> None:
    """Inspect and curate the source registry: every speaker seen across articles.

    \b
    `auditor batch` adds every audited article's speakers to the registry (default
    OUT/sources.sqlite, or --registry PATH). Import the newsroom's list of verified
    people and organizations with `auditor sources import known.csv`.
    """


@sources.command(name="list", context_settings=CONTEXT_SETTINGS)
@registry_option
@click.option("--kind", type=click.Choice(_KINDS), help="Only people, organizations or media.")
@click.option("--known/--unknown", "known", default=None, help="Only sources on (or off) the list.")
@click.option("--search", metavar="TEXT", help="Only names or variants containing TEXT.")
@click.option("--limit", type=click.IntRange(min=1), metavar="N", help="At most N sources.")
@click.option(
    "--sort",
    type=click.Choice(["articles", "name"]),
    default="articles",
    show_default=True,
    help="Most articles first, or by name.",
)
@_format_option(("table", "json"), "table")
def list_sources(
    registry_path: Path | None,
    kind: str | None,
    known: bool | None,
    search: str | None,
    limit: int | None,
    sort: str,
    fmt: str,
) -> None:
    """List the sources: name, kind, articles, attributions, first and last seen."""
    with _open(registry_path) as registry:
        found = registry.sources(kind=kind, known=known, search=search, order=sort, limit=limit)
        counts = registry.counts()
    if fmt == "json":
        data = [s.to_dict() for s in found]
        for item in data:
            for key in ("variants", "descriptions", "appearances"):
                item.pop(key)
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    if not found:
        click.echo(f"No sources match ({counts['sources']} in the registry).")
        return
    rows = [
        (
            s.name,
            s.kind,
            s.source_type or "-",
            str(s.articles),
            str(s.attributions),
            s.first_seen or "-",
            s.last_seen or "-",
            "yes" if s.known else "",
        )
        for s in found
    ]
    header = ("NAME", "KIND", "TYPE", "ARTICLES", "ATTRIB", "FIRST", "LAST", "KNOWN")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    numeric = {3, 4}
    for row in [header, *rows]:
        cells = [
            cell.rjust(widths[i]) if i in numeric else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        click.echo("  ".join(cells).rstrip())
    if len(found) < counts["sources"]:
        click.echo(f"({len(found)} of {counts['sources']} sources)")


def _show_text(source) -> str:
    lines = [f"{source.name}  (#{source.id}, {source.kind})"]
    status = "on the known-sources list" if source.known else "not on the known-sources list"
    if source.known and (source.verified_by or source.verified_on):
        by = f" by {source.verified_by}" if source.verified_by else ""
        on = f" on {source.verified_on}" if source.verified_on else ""
        status += f" (verified{by}{on})"
    lines.append(f"  status:       {status}")
    if source.role or source.organization:
        known = ", ".join(x for x in (source.role, source.organization) if x)
        lines.append(f"  listed as:    {known}")
    lines.append(f"  source type:  {source.source_type or '-'}")
    lines.append(
        f"  seen:         {source.articles} articles, {source.attributions} attributions, "
        f"first {source.first_seen or '-'}, last {source.last_seen or '-'}"
    )
    if source.variants:
        lines.append("  spellings:    " + "; ".join(f"{v} ({n})" for v, n in source.variants))
    if source.descriptions:
        lines.append("  described as:")
        lines += [f"    - {d} ({n} articles)" for d, n in source.descriptions]
    if source.appearances:
        lines.append("  articles:")
        for a in source.appearances:
            title = f" - {a['title']}" if a.get("title") else ""
            lines.append(
                f"    - {a['date']}  {a['article']}{title}  "
                f"({a['attributions']} as {a['source_type']}, written '{a['name']}')"
            )
    return "\n".join(lines)


@sources.command(context_settings=CONTEXT_SETTINGS)
@click.argument("name")
@registry_option
@_format_option(("text", "json"), "text")
def show(name: str, registry_path: Path | None, fmt: str) -> None:
    """Everything recorded about NAME (a name, a spelling variant or #ID)."""
    with _open(registry_path) as registry:
        source = registry.find(name)
    if fmt == "json":
        click.echo(json.dumps(source.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(_show_text(source))


@sources.command(context_settings=CONTEXT_SETTINGS)
@click.argument("keep", metavar="A")
@click.argument("drop", metavar="B")
@registry_option
def merge(keep: str, drop: str, registry_path: Path | None) -> None:
    """Merge source B into A: one person or body written two ways. A's name is kept; B's
    spellings, descriptions and articles move to A, and B's name finds A from now on."""
    with _open(registry_path) as registry:
        merged = registry.merge(keep, drop)
    click.echo(
        f"Merged {drop!r} into {merged.name!r}: {merged.articles} articles, "
        f"{len(merged.variants)} spellings."
    )


@sources.command(context_settings=CONTEXT_SETTINGS)
@click.argument("name")
@click.option("--by", "by", metavar="WHO", help="Who checked the source (a person or desk).")
@click.option("--date", metavar="YYYY-MM-DD", help="When it was checked [default: today].")
@click.option("--role", metavar="ROLE", help="The role confirmed (e.g. 'director of research').")
@click.option("--organization", metavar="ORG", help="The organization confirmed.")
@registry_option
def verify(
    name: str,
    by: str | None,
    date: str | None,
    role: str | None,
    organization: str | None,
    registry_path: Path | None,
) -> None:
    """Put NAME on the known-sources list: its credential has been checked."""
    if date is not None:
        _check_date(date)
    with _open(registry_path) as registry:
        source = registry.verify(name, by=by, date=date, role=role, organization=organization)
    who = f" by {source.verified_by}" if source.verified_by else ""
    click.echo(
        f"{source.name} is on the known-sources list (verified{who} on {source.verified_on})."
    )


def _check_date(text: str) -> None:
    from datetime import date

    try:
        date.fromisoformat(text)
    except ValueError:
        raise click.BadParameter(
            f"{text!r} is not a date like 2024-03-01", param_hint="--date"
        ) from None


@sources.command(name="export", context_settings=CONTEXT_SETTINGS)
@registry_option
@click.option("--known-only", is_flag=True, help="Only the sources on the known-sources list.")
@click.option(
    "--out",
    "out_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of stdout.",
)
@_format_option(("csv", "json"), "csv")
def export(registry_path: Path | None, known_only: bool, out_path: Path | None, fmt: str) -> None:
    """Write every source as CSV (the format `import` reads) or JSON."""
    from auditor.provenance.known import write_export

    with _open(registry_path) as registry:
        listed = registry.sources(known=True if known_only else None, order="name")
        full = [registry.source(s.id) for s in listed]
    stream: Any = out_path.open("w", encoding="utf-8", newline="") if out_path else sys.stdout
    try:
        if fmt == "json":
            json.dump([s.to_dict() for s in full], stream, indent=2, ensure_ascii=False)
            stream.write("\n")
        else:
            write_export(full, stream)
    finally:
        if out_path:
            stream.close()
    if out_path:
        click.echo(f"Wrote {len(full)} sources to {out_path}.", err=True)


@sources.command(name="import", context_settings=CONTEXT_SETTINGS)
@click.argument("csv_path", metavar="KNOWN.csv", type=click.Path(dir_okay=False, path_type=Path))
@registry_option
def import_known(csv_path: Path, registry_path: Path | None) -> None:
    """Load a newsroom's known-sources list (a CSV file with the columns name, variants,
    role, organization, verified-by, date); creates the registry if needed.

    \b
    Variants are separated by ";". Optional columns: kind (person, organization, media)
    and known (1 or 0). Importing the same file twice changes nothing.
    """
    from auditor.provenance.known import read_known

    rows = read_known(csv_path)
    with _open(registry_path, create=True) as registry:
        created, updated = registry.import_known(rows)
    click.echo(
        f"Imported {len(rows)} sources from {csv_path}: {created} new, {updated} already "
        f"in the registry."
    )
