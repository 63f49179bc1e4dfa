"""Decode a source file: UTF-8 (with or without BOM), UTF-16 or UTF-32 with BOM, or Windows-1256.

A file that is not valid UTF-8 is not simply read as Windows-1256 (which decodes any bytes): the
evidence decides. Lines that are valid UTF-8 with non-ASCII characters show the file *is* UTF-8;
then a few bad bytes are a damaged file (refused, naming the line and byte), and lines whose
non-ASCII bytes are mostly not UTF-8 are another encoding mixed in (refused too). Only a file with
no UTF-8 evidence at all is tried as Windows-1256.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..inputs import DEFAULT_MAX_BYTES, iter_input
from ..text import script_counts

# C0 controls other than tab/newline/carriage return never occur in real text: a file that
# decodes to them is binary or in an encoding we did not guess.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class EncodingParams:
    #: A line with at least this many bytes that are not UTF-8 ...
    foreign_min_bad: int = 4
    #: ... making at least this share of its non-ASCII bytes is text in another encoding; fewer
    #: bad bytes among valid UTF-8 are damage.
    foreign_min_share: float = 0.5


PARAMS = EncodingParams()


def read_text(path: str | Path, encoding: str | None = None,
              max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Read and decode ``path`` (a regular file of at most ``max_bytes``, or ``-`` for
    standard input); raise :class:`InputError` naming the file when that fails.

    UTF-8 (with or without a BOM), by far the usual input, is decoded chunk by chunk as it is
    read, so the whole file's bytes are never held beside its text. Anything else (a forced
    encoding, UTF-16 or UTF-32, bytes that are not UTF-8) goes through :func:`decode` on the
    whole bytes, as do the bytes of a UTF-8 stream from the first bad byte on, the decoded part
    re-encoded (exactly the bytes read: UTF-8 decoding loses nothing): every check and message
    is :func:`decode`'s.
    """
    name = str(path)
    text = _read_utf8_stream(iter_input(path, max_bytes), name, encoding)
    # Not ``text.strip()``: that copies the whole text to test it.
    if not text or text.isspace():
        raise InputError("file is empty", name)
    return _cr_line_ends(text)


def _read_utf8_stream(chunks: Iterator[bytes], name: str, encoding: str | None) -> str:
    head = b""
    for first in chunks:
        head += first
        if len(head) >= 4:
            break
    bom = head.startswith(codecs.BOM_UTF8)
    if encoding or (not bom and head.startswith(
            (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE,
             codecs.BOM_UTF16_BE))):
        return decode(head + b"".join(chunks), name, encoding)
    decoder = codecs.getincrementaldecoder("utf-8")()
    pieces: list[str] = []
    data: bytes | None = head[3:] if bom else head
    while data is not None:
        try:
            piece = decoder.decode(data)
        except UnicodeDecodeError:
            break  # the decoder keeps its state from before ``data``
        pieces.append(piece)
        # A control character: decode() refuses the file, with its message.
        data = None if not bom and _CONTROL.search(piece) else next(chunks, b"")
        if data == b"":
            try:
                pieces.append(decoder.decode(b"", final=True))
            except UnicodeDecodeError:
                break
            return _joined(pieces, bom)
    whole = b"".join((codecs.BOM_UTF8 if bom else b"", "".join(pieces).encode("utf-8"),
                      decoder.getstate()[0], data or b"", *chunks))
    return decode(whole, name)


def _joined(pieces: list[str], bom: bool) -> str:
    text = "".join(pieces)
    pieces.clear()
    return text.lstrip("\ufeff") if bom else text


def _cr_line_ends(text: str) -> str:
    """Old Mac line ends (a lone ``\r``, still written by some exporters) as ``\n``.

    Without this the whole file is one line, and one language "is missing". One character for
    one keeps every offset valid, and lines are then numbered as an editor shows them.
    """
    if "\r" in text and "\n" not in text:
        return text.replace("\r", "\n")
    return text


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """Decode bytes, detecting the encoding unless one is forced."""
    if encoding:
        try:
            codec = codecs.lookup(encoding).name
        except (LookupError, ValueError):  # ValueError: a name with a NUL in it
            raise InputError(f"unknown encoding {encoding!r}", name) from None
        if not codec.startswith("utf") and _is_utf8_beyond_ascii(data):
            # A single-byte code page decodes any bytes, so a UTF-8 file read as, say,
            # Windows-1256 "succeeds" as mojibake that would be aligned and checked as text.
            raise InputError(f"is UTF-8, not {encoding} (leave out --encoding)", name)
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(f"cannot be decoded as {encoding} (byte {exc.start})", name) from None
        return text.lstrip("\ufeff")
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", name)
    # UTF-32 LE's BOM starts with UTF-16 LE's, so it is tested first.
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return _strict(data, "utf-32", name)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        _refuse_damaged_utf8(data, name, exc.start)
        text = _windows_1256(data, name)
    if _CONTROL.search(text):
        raise InputError("cannot be decoded: binary data or an unsupported encoding "
                         "(try --encoding)", name)
    return text


def _refuse_damaged_utf8(data: bytes, name: str, first_bad: int,
                         params: EncodingParams = PARAMS) -> None:
    """Raise when the bytes that are not UTF-8 sit in a file that otherwise is UTF-8."""
    utf8_lines = 0
    foreign_line = 0
    for number, line in enumerate(data.split(b"\n"), 1):
        if line.isascii():
            continue
        decoded = line.decode("utf-8", errors="replace")
        bad = decoded.count("\ufffd") - line.count("\ufffd".encode())
        if bad <= 0:
            utf8_lines += 1
            continue
        non_ascii = sum(1 for b in line if b >= 0x80)
        if not foreign_line and bad >= params.foreign_min_bad \
                and bad >= params.foreign_min_share * non_ascii:
            foreign_line = number
    if not utf8_lines:
        return  # no evidence for UTF-8: a legacy code page is tried
    if foreign_line:
        raise InputError(f"mixes encodings: {utf8_lines} lines are UTF-8, line {foreign_line} "
                         "is not (another encoding, such as Windows-1256, pasted in); re-save "
                         "the whole file as UTF-8", name)
    line_no = data.count(b"\n", 0, first_bad) + 1
    raise InputError(f"invalid UTF-8 at line {line_no} (byte {first_bad}, 0x{data[first_bad]:02x})"
                     "; the rest of the file is UTF-8: fix or delete that byte", name)


def _is_utf8_beyond_ascii(data: bytes) -> bool:
    """Whether ``data`` is valid UTF-8 with multi-byte characters: real text in a legacy code
    page (Arabic in Windows-1256, accents in Latin-1) practically never is."""
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"invalid {encoding} at byte {exc.start}", name) from None
    return text.lstrip("\ufeff")


def _windows_1256(data: bytes, name: str) -> str:
    """Accept Windows-1256 only when it yields Arabic text, not when it merely yields *something*.

    Any byte string decodes as Windows-1256, so decoding alone proves nothing.
    """
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        text = ""
    arabic, _latin = script_counts(text)
    if arabic == 0 or _CONTROL.search(text):
        raise InputError("cannot be decoded: not UTF-8, UTF-16 with BOM or Windows-1256 "
                         "(try --encoding)", name)
    return text
