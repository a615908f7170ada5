"""Bytes to text: UTF-8 with or without a BOM, and one clear line for anything else."""

from __future__ import annotations

import codecs
from typing import IO

from auditor.errors import AuditorError
from auditor.limits import UTF8_MAX_BYTES

#: How much of the input the binary sniffing looks at.
_SAMPLE = 8192
#: Share of control characters above which input is not text.
_BINARY_SHARE = 0.10
#: Share of undecodable bytes above which input is not text in some legacy encoding either
#: (accented Latin-1 prose stays far below it; random bytes are far above).
_UNDECODABLE_SHARE = 0.30
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\b\x1b")
_OTHER_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
#: Bytes asked for per read: bounded reads stop within one chunk of the limit.
_CHUNK = 1 << 16
#: UTF-8 continuation bytes: every other byte starts a character.
_CONTINUATION = bytes(range(0x80, 0xC0))


class IngestError(AuditorError):
    """An input cannot be read as an article: the message names it, the problem and the fix."""


def too_large(label: str, max_chars: int) -> IngestError:
    """The error for an input longer than ``max_chars`` characters."""
    return IngestError(
        f"{label}: too large (more than {max_chars:,} characters); "
        "raise the limit with --max-chars if it really is one article"
    )


def read_bounded(stream: IO, max_chars: int, label: str) -> bytes | str:
    """Everything ``stream`` holds, read in chunks; :class:`IngestError` as soon as it
    holds more than ``max_chars`` characters (bytes from a binary stream, else ``str``).

    Bytes are counted as UTF-8 characters (each byte that is not a continuation byte
    starts one), so reading stops about one chunk past the limit, and never goes past
    ``UTF8_MAX_BYTES`` bytes per allowed character, whatever the bytes are. The count
    allows one character for a BOM: callers check the decoded text's exact length.
    """
    parts: list = []
    chars = size = 0
    while chunk := stream.read(_CHUNK):
        parts.append(chunk)
        size += len(chunk)
        if isinstance(chunk, bytes):
            chars += len(chunk.translate(None, _CONTINUATION))
        else:
            chars += len(chunk)
        if chars > max_chars + 1 or size > UTF8_MAX_BYTES * (max_chars + 1):
            raise too_large(label, max_chars)
    if parts and isinstance(parts[0], str):
        return "".join(parts)
    return b"".join(parts)


def decode_bytes(data: bytes, label: str) -> str:
    """Decode an article's bytes as UTF-8 (a leading BOM is dropped).

    Raises :class:`IngestError` for binary data and for bytes that are not UTF-8, naming
    ``label`` (the path, or "stdin") and the first bad byte.
    """
    for bom, encoding in _OTHER_BOMS:
        if data.startswith(bom):
            raise IngestError(
                f"{label}: is {encoding} text, not UTF-8; convert it to UTF-8 "
                f"(for example: iconv -f {encoding} -t UTF-8)"
            )
    skipped = 0
    if data.startswith(codecs.BOM_UTF8):
        data, skipped = data[len(codecs.BOM_UTF8) :], len(codecs.BOM_UTF8)
    nul = data.find(b"\0")
    if nul >= 0:
        raise IngestError(
            f"{label}: looks binary (NUL byte at byte {nul + skipped}); "
            "give a text, Markdown or HTML article"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if _mostly_undecodable(data):
            raise IngestError(
                f"{label}: looks binary (mostly not text); give a text, Markdown or HTML article"
            ) from None
        line = data.count(b"\n", 0, exc.start) + 1
        raise IngestError(
            f"{label}: not valid UTF-8 at byte {exc.start + skipped} (line {line}); "
            "convert it to UTF-8 (for example: iconv -f WINDOWS-1252 -t UTF-8)"
        ) from None
    if _mostly_controls(text):
        raise IngestError(
            f"{label}: looks binary (mostly control characters); "
            "give a text, Markdown or HTML article"
        )
    return text


def _mostly_undecodable(data: bytes) -> bool:
    sample = data[:_SAMPLE].decode("utf-8", errors="replace")
    return sample.count("\ufffd") > _UNDECODABLE_SHARE * max(1, len(sample)) or _mostly_controls(
        sample
    )


def _mostly_controls(text: str) -> bool:
    sample = text[:_SAMPLE]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in _TEXT_CONTROLS)
    return controls > _BINARY_SHARE * max(1, len(sample))
