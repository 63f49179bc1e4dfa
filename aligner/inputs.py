"""Read input files safely: only regular files or standard input (``-``), never more than a
size cap.

A device (``/dev/zero``, ``/dev/urandom``), a pipe or a socket named as an input would be read
until memory runs out, or wait forever for a writer: each is refused at once, by its type, in one
line. A regular file larger than the cap is refused before it is read; standard input, whose
size is unknown, is read up to the cap and refused beyond it. See docs/security.md.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError, InputError

#: What ``-`` means as an input.
STDIN = "-"


@dataclass(frozen=True)
class InputLimits:
    """Limits on what a run reads (``--max-bytes``)."""

    max_bytes: int = 100_000_000   # 100 MB: far above any article or glossary, far below RAM


LIMITS = InputLimits()
DEFAULT_MAX_BYTES = LIMITS.max_bytes

_SIZE = re.compile(r"\s*(\d+)\s*([kmg]?)i?b?\s*", re.IGNORECASE)
_UNITS = {"": 1, "k": 10**3, "m": 10**6, "g": 10**9}


def parse_size(value: str) -> int:
    """``"100000"``, ``"500k"``, ``"100M"``, ``"2GB"`` (powers of 1000) as a byte count.

    Raises :class:`ConfigError` on anything else or on zero.
    """
    m = _SIZE.fullmatch(value)
    if not m or int(m.group(1)) == 0:
        raise ConfigError(f"--max-bytes {value!r} is not a size such as 100M or 500000")
    return int(m.group(1)) * _UNITS[m.group(2).lower()]


def format_size(n: int) -> str:
    """``100000000`` → ``100 MB``: how a limit is shown in a message."""
    for unit, factor in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if n >= factor and n % factor == 0:
            return f"{n // factor} {unit}"
    return f"{n} bytes"


#: Bytes read at a time by :func:`iter_input`.
CHUNK = 1 << 20


def read_input(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES,
               what: str = "") -> bytes:
    """The bytes of the regular file ``path``, or of standard input for ``-``.

    Raises :class:`InputError` naming the file when it is missing, not a regular file, larger
    than ``max_bytes``, or unreadable. ``what`` names the role in messages ("glossary ").
    """
    return b"".join(iter_input(path, max_bytes, what))


def iter_input(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES,
               what: str = "") -> Iterator[bytes]:
    """The bytes of ``path`` (or standard input for ``-``) in chunks of at most ``CHUNK``
    bytes, with the checks of :func:`read_input`: the file is opened and checked before the
    first chunk, and the cap is enforced as the bytes arrive, so a reader that decodes chunk
    by chunk never holds the whole file's bytes."""
    name = str(path)
    chunk = CHUNK
    if name == STDIN:
        yield from _iter_stdin(max_bytes, what, chunk)
        return
    fd = _open(path, what)
    try:
        _check_fd(fd, name, max_bytes, what)
        total = 0
        # The file may grow while it is read: read one byte past the cap, never more.
        while True:
            try:
                data = os.read(fd, min(chunk, max_bytes + 1 - total))
            except OSError as exc:
                raise InputError(f"cannot read {what}({exc.strerror})", name) from None
            if not data:
                break
            total += len(data)
            if total > max_bytes:
                raise InputError(_too_large(max_bytes, what), name)
            yield data
    finally:
        os.close(fd)


def check_input(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES, what: str = "") -> None:
    """Raise :class:`InputError` unless ``path`` is a regular file of at most ``max_bytes``
    (for readers that parse a file by name, such as the TMX parser). ``-`` passes."""
    if str(path) == STDIN:
        return
    fd = _open(path, what)
    try:
        _check_fd(fd, str(path), max_bytes, what)
    finally:
        os.close(fd)


def is_regular_file(path: str | Path) -> bool:
    """Whether ``path`` is a regular file (following links); never blocks, never raises."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _open(path: str | Path, what: str) -> int:
    name = str(path)
    try:
        # O_NONBLOCK: opening a pipe with no writer must not wait for one; it changes nothing
        # for a regular file. O_NOCTTY: a terminal named as input does not become ours.
        return os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except FileNotFoundError:
        raise InputError(f"no such {what}file", name) from None
    except IsADirectoryError:
        raise InputError("is a directory, expected a file", name) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError("is a loop of symbolic links", name) from None
        raise InputError(f"cannot read {what}({exc.strerror})", name) from None
    except ValueError:  # a NUL in the name
        raise InputError("is not a valid file name", repr(name)) from None


def _check_fd(fd: int, name: str, max_bytes: int, what: str) -> None:
    mode = os.fstat(fd).st_mode
    if stat.S_ISDIR(mode):
        raise InputError("is a directory, expected a file", name)
    if not stat.S_ISREG(mode):
        kind = ("a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
                else "a pipe" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
                else "not a regular file")
        raise InputError(f"is {kind}; {what or 'an input '}must be a regular file "
                         "(or '-' for standard input)", name)
    if os.fstat(fd).st_size > max_bytes:
        raise InputError(_too_large(max_bytes, what), name)


def _iter_stdin(max_bytes: int, what: str, chunk: int) -> Iterator[bytes]:
    stream = getattr(sys.stdin, "buffer", sys.stdin)
    if stream is None:
        raise InputError("standard input is closed", STDIN)
    total = 0
    while True:
        try:
            data = stream.read(min(chunk, max_bytes + 1 - total))
        except (OSError, ValueError) as exc:
            raise InputError(f"cannot read standard input ({exc})", STDIN) from None
        if not data:
            return
        if isinstance(data, str):
            data = data.encode("utf-8")
        total += len(data)
        if total > max_bytes:
            raise InputError(_too_large(max_bytes, what), "standard input")
        yield data


def _too_large(max_bytes: int, what: str) -> str:
    return (f"{what}is larger than {format_size(max_bytes)} "
            "(raise the limit with --max-bytes)")
