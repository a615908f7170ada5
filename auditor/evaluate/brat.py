"""Read brat-standoff attribution gold (the PolNeAR layout) into plain spans.

A gold folder holds ``text/NAME.txt`` and ``ann/NAME.ann`` (or, as brat itself stores
them, ``NAME.txt`` next to ``NAME.ann``). In the ``.ann`` file, ``T`` lines are spans and
``E`` lines link one ``Content``, ``Cue`` and (optionally) ``Source`` span into an
attribution::

    T1	Source 0 9	The mayor
    T2	Cue 10 14	said
    T3	Content 15 40;52 60	the bridge would reopen soon
    T4	Attribution 10 14	said
    E1	Attribution:T4 Content:T3 Cue:T2 Source:T1

Each ``E`` line is one gold attribution. Numbered roles (``Content2``) add fragments to
their role. An ``AnnotatorNotes`` line on a Source span gives the name the source
resolves to (``#1	AnnotatorNotes T1	Tom Okafor``): the gold speaker, for speaker
accuracy. Bad input never stops the reading: the offending line is skipped with a
:class:`GoldWarning` naming the file and line, and the rest is kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from auditor.errors import AuditorError
from auditor.evaluate.spans import AttributionSpans, Fragments, fragments, text_of

#: The roles an attribution relation links; ``Content2`` etc. extend their role.
ROLES = ("source", "cue", "content")

#: Line kinds brat writes that carry nothing the scorer needs (relations, attributes,
#: normalizations, notes, equivalences).
IGNORED_KINDS = ("R", "A", "M", "N", "#", "*")

KNOWN = "Source, Cue, Content"
_ROLE_RE = re.compile(r"^(Source|Cue|Content)(\d*)$")
_OFFSETS_RE = re.compile(r"^\d+ \d+(;\d+ \d+)*$")


class GoldDataError(AuditorError):
    """The gold folder cannot be evaluated at all."""


@dataclass(frozen=True)
class GoldWarning:
    """A problem in one place of the gold data; the rest is still scored."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


@dataclass
class GoldDocument:
    """One gold article: its text and its attributions."""

    name: str
    text: str
    attributions: list[AttributionSpans]
    ann_path: str = ""


@dataclass
class GoldSet:
    """Every usable document of a gold folder, and what was wrong with the rest."""

    root: str
    documents: list[GoldDocument] = field(default_factory=list)
    warnings: list[GoldWarning] = field(default_factory=list)
    #: every document the folder has a .txt and an .ann for, also those left out by
    #: ``limit`` or skipped as unreadable
    names: list[str] = field(default_factory=list)


def read_gold(root: str | Path, *, limit: int | None = None) -> GoldSet:
    """Read the gold folder ``root`` (sorted by document name; the first ``limit`` only).

    Raises :class:`GoldDataError` when the folder does not exist, is not laid out as brat
    gold, or holds no usable document.
    """
    root = Path(root)
    if not root.is_dir():
        raise GoldDataError(f"gold folder {str(root)!r} does not exist or is not a folder")
    text_dir, ann_dir = _layout(root)
    gold = GoldSet(root=str(root))
    texts = {p.stem: p for p in text_dir.glob("*.txt") if p.is_file()}
    anns = {p.stem: p for p in ann_dir.glob("*.ann") if p.is_file()}
    for name in sorted(anns.keys() - texts.keys()):
        gold.warnings.append(
            GoldWarning(_rel(anns[name], root), None, f"no {name}.txt for it; skipped")
        )
    for name in sorted(texts.keys() - anns.keys()):
        gold.warnings.append(
            GoldWarning(_rel(texts[name], root), None, f"no {name}.ann for it; skipped")
        )
    names = sorted(texts.keys() & anns.keys())
    gold.names = list(names)
    if limit is not None:
        names = names[:limit]
    for name in names:
        document = _read_document(name, texts[name], anns[name], root, gold.warnings)
        if document is not None:
            gold.documents.append(document)
    if not gold.documents:
        raise GoldDataError(
            f"no usable document in gold folder {str(root)!r} "
            "(each needs a NAME.txt and a NAME.ann, UTF-8)"
        )
    return gold


def parse_ann(
    ann: str, text: str, *, path: str = "<ann>", warnings: list[GoldWarning] | None = None
) -> list[AttributionSpans]:
    """Parse the content of one ``.ann`` file against its ``text``.

    Returns one :class:`AttributionSpans` per usable ``E`` line, in file order; problems
    are appended to ``warnings`` (when given) and the offending line is skipped.
    """
    found: list[GoldWarning] = []

    def warn(line: int, message: str) -> None:
        found.append(GoldWarning(path, line, message))

    spans: dict[str, Fragments] = {}
    bad_spans: set[str] = set()
    events: list[tuple[int, str]] = []
    notes: dict[str, str] = {}
    for number, line in _lines(ann):
        if not line.strip():
            continue
        kind = line[:1]
        if kind == "T":
            _parse_span(number, line, text, spans, bad_spans, warn)
        elif kind == "E":
            events.append((number, line))
        elif kind == "#":
            _parse_note(line, notes)
        elif kind not in IGNORED_KINDS:
            warn(number, f"malformed line (not a brat T, E, R, A, M, N or # line): {_clip(line)}")
    attributions = []
    for number, line in events:
        attribution = _parse_event(number, line, spans, bad_spans, path, warn, notes)
        if attribution is not None:
            attributions.append(attribution)
    if warnings is not None:
        # Relations are checked after all spans are known; report in file order all the same.
        warnings.extend(sorted(found, key=lambda w: w.line or 0))
    return attributions


def _layout(root: Path) -> tuple[Path, Path]:
    text_dir, ann_dir = root / "text", root / "ann"
    if text_dir.is_dir() and ann_dir.is_dir():
        return text_dir, ann_dir
    if text_dir.is_dir() or ann_dir.is_dir():
        missing = "ann" if text_dir.is_dir() else "text"
        raise GoldDataError(f"gold folder {str(root)!r} has no {missing}/ folder")
    if any(root.glob("*.ann")):
        return root, root  # brat's own layout: NAME.txt next to NAME.ann
    raise GoldDataError(
        f"gold folder {str(root)!r} has no text/ and ann/ folders (and no .ann files)"
    )


def _read_document(
    name: str, text_path: Path, ann_path: Path, root: Path, warnings: list[GoldWarning]
) -> GoldDocument | None:
    rel_text, rel_ann = _rel(text_path, root), _rel(ann_path, root)
    try:
        # Bytes, not read_text: universal newlines would turn \r\n into \n and shift offsets.
        text = text_path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        warnings.append(GoldWarning(rel_text, None, f"cannot read as UTF-8 ({exc}); skipped"))
        return None
    try:
        ann = ann_path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        warnings.append(GoldWarning(rel_ann, None, f"cannot read as UTF-8 ({exc}); skipped"))
        return None
    attributions = parse_ann(ann, text, path=rel_ann, warnings=warnings)
    return GoldDocument(name=name, text=text, attributions=attributions, ann_path=rel_ann)


def _lines(ann: str) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(ann.split("\n"), 1):
        yield number, line.rstrip("\r")


def _parse_span(
    number: int,
    line: str,
    text: str,
    spans: dict[str, Fragments],
    bad_spans: set[str],
    warn: Callable[[int, str], None],
) -> None:
    ident, _, rest = line.partition("\t")
    parts = rest.split("\t")
    head = parts[0].split(" ", 1)
    if len(ident) < 2 or len(head) != 2 or not _OFFSETS_RE.match(head[1]):
        warn(number, f"malformed span line (want 'Tn<TAB>Type start end<TAB>text'): {_clip(line)}")
        bad_spans.add(ident)
        return
    pairs = [(int(a), int(b)) for a, b in (frag.split(" ") for frag in head[1].split(";"))]
    for start, end in pairs:
        if end > len(text):
            problem = f"is outside the text ({len(text)} characters)"
        elif start >= end:
            problem = "is empty or reversed"
        else:
            continue
        warn(number, f"{ident}: fragment {start} {end} {problem}; span skipped")
        bad_spans.add(ident)
        return
    if ident in spans or ident in bad_spans:
        warn(number, f"{ident} is defined twice; the later definition is ignored")
        return
    spans[ident] = fragments(pairs)
    if len(parts) > 1 and _squash(parts[1]) != _squash(text_of(text, tuple(pairs))):
        # Kept, since the offsets are what is scored, but this usually means the .txt is
        # not the file the annotation was made on (encoding, line ends, later edits).
        warn(number, f"{ident}: the text in the line does not match its offsets in the .txt")


def _parse_note(line: str, notes: dict[str, str]) -> None:
    """Keep an ``AnnotatorNotes`` line's note under the span it is on; other comment
    lines carry nothing the scorer needs."""
    _, _, rest = line.partition("\t")
    head, _, note = rest.partition("\t")
    kind, _, target = head.partition(" ")
    if kind == "AnnotatorNotes" and target.strip() and note.strip():
        notes[target.strip()] = " ".join(note.split())


def _parse_event(
    number: int,
    line: str,
    spans: dict[str, Fragments],
    bad_spans: set[str],
    path: str,
    warn: Callable[[int, str], None],
    notes: dict[str, str] | None = None,
) -> AttributionSpans | None:
    ident, _, rest = line.partition("\t")
    args = rest.split()
    if len(ident) < 2 or not args or ":" not in args[0]:
        warn(number, f"malformed relation line (want 'En<TAB>Role:Tn ...'): {_clip(line)}")
        return None
    if not args[0].startswith("Attribution"):
        warn(number, f"{ident}: not an attribution relation ({args[0]}); skipped")
        return None
    roles: dict[str, list[tuple[int, int]]] = {role: [] for role in ROLES}
    speaker = None
    for arg in args[1:]:
        role_name, _, target = arg.partition(":")
        match = _ROLE_RE.match(role_name)
        if not match or not target:
            warn(number, f"{ident}: unknown relation role {arg!r} ignored (known: {KNOWN})")
            continue
        if target in bad_spans:
            warn(number, f"{ident}: uses the unusable span {target}; relation skipped")
            return None
        if target not in spans:
            warn(number, f"{ident}: refers to {target}, which is not defined; relation skipped")
            return None
        roles[match.group(1).lower()].extend(spans[target])
        if match.group(1) == "Source" and speaker is None and notes:
            speaker = notes.get(target)
    if not roles["content"]:
        warn(number, f"{ident}: relation has no Content; skipped")
        return None
    return AttributionSpans(
        content=fragments(roles["content"]),
        cue=fragments(roles["cue"]) if roles["cue"] else None,
        source=fragments(roles["source"]) if roles["source"] else None,
        ref=f"{path}:{number}",
        speaker=speaker,
    )


def _squash(value: str) -> str:
    return " ".join(value.split())


def _clip(line: str, width: int = 60) -> str:
    line = line.replace("\t", " ").strip()
    return line if len(line) <= width else line[: width - 1] + "\u2026"


def _rel(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)
