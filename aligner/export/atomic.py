"""Write output files safely: a reader never sees half a file, a failure leaves none, and an
output never replaces a file the run reads or a node that is not a regular file.

The rules (docs/security.md):

* ``-`` and ``/dev/stdout`` write to standard output, so JSON and SARIF can be piped.
* A regular file or a new path is written to a temporary file beside it, then renamed into
  place. A symbolic link is followed: the file it points to is replaced, never the link.
* A character device or a pipe (``/dev/null``, ``/dev/full``, ``>(jq .)``) is opened and written
  in place; it is never renamed over. Any other kind of node (a block device, a socket, a
  directory) is refused.
* Every output is checked before a run writes any (:func:`check_writable`), its folder by
  creating and removing a probe file, which is the one test that also holds for root.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..errors import AlignerError

#: Output names that mean standard output.
STDOUT_NAMES = frozenset({"-", "/dev/stdout"})

_STDOUT_KEY = Path("<standard output>")


def is_stdout(path: str | Path | None) -> bool:
    """Whether the output ``path`` means standard output (``-`` or ``/dev/stdout``)."""
    return path is not None and str(path) in STDOUT_NAMES


def atomic_write(path: str | Path, data: str | bytes, encoding: str = "utf-8") -> None:
    """Write ``data`` to the output ``path`` by the rules of this module.

    Raises :class:`AlignerError` naming ``path`` when it cannot be written; a failed write to a
    regular file leaves the old file, or none, never a part.
    """
    payload = data.encode(encoding) if isinstance(data, str) else data
    if is_stdout(path):
        write_stdout(payload)
        return
    target = _target(path)
    kind = _kind(target, path)
    if kind in ("char", "fifo"):
        _write_in_place(target, payload, str(path), fifo=kind == "fifo")
    elif kind in (None, "file"):
        _replace(target, payload, str(path))
    else:
        raise AlignerError(_refused(kind), str(path))


def write_stdout(data: str | bytes) -> None:
    """Write ``data`` to standard output and flush it, or raise :class:`AlignerError` saying
    it could not be written (closed, full, a reader that went away).

    Text goes through the text stream (its encoding and error handler: a console that cannot
    show Arabic gets escapes); bytes (a UTF-8 file's content) go to the binary buffer as they are.
    """
    stream = sys.stdout
    try:
        if stream is None:
            raise OSError(errno.EBADF, "it is closed")
        buffer = getattr(stream, "buffer", None)
        if isinstance(data, bytes) and buffer is not None:
            stream.flush()
            buffer.write(data)
            buffer.flush()
        else:
            stream.write(data.decode("utf-8") if isinstance(data, bytes) else data)
            stream.flush()
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "it is closed"
        raise AlignerError(f"cannot write to standard output ({reason})") from None


def check_stdout() -> None:
    """Raise :class:`AlignerError` when standard output is closed (``>&-``): a report written
    there would be lost without a word, so the run must not start."""
    stream = sys.stdout
    try:
        closed = stream is None or stream.closed or (
            stream.fileno() >= 0 and not _fd_open(stream.fileno()))
    except (OSError, ValueError, AttributeError):
        closed = False  # no descriptor (a test runner's capture): writable as far as we know
    if closed:
        raise AlignerError("cannot write to standard output (it is closed); "
                           "name a file with -o FILE")


def _fd_open(fd: int) -> bool:
    try:
        os.fstat(fd)
    except OSError:
        return False
    return True


def _replace(target: Path, payload: bytes, name: str) -> None:
    directory = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise AlignerError(f"cannot write ({exc.strerror})", name) from None
    try:
        # mkstemp makes the file private (0600); an output is shared like any file the user
        # writes: keep the mode of the file it replaces, else the umask's default.
        os.fchmod(fd, _mode_for(target))
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        os.replace(tmp, target)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise AlignerError(f"cannot write ({exc.strerror})", name) from None
        raise


def _write_in_place(target: Path, payload: bytes, name: str, fifo: bool) -> None:
    # No O_CREAT and no rename: the node stays what it is. O_NONBLOCK makes opening a pipe
    # with no reader fail at once (ENXIO) instead of hanging; writes are then blocking again.
    flags = os.O_WRONLY | os.O_NOCTTY | (os.O_NONBLOCK if fifo else 0)
    try:
        fd = os.open(target, flags)
    except OSError as exc:
        reason = "no process reads this pipe" if exc.errno == errno.ENXIO else exc.strerror
        raise AlignerError(f"cannot write ({reason})", name) from None
    try:
        os.set_blocking(fd, True)
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view):]
    except OSError as exc:
        raise AlignerError(f"cannot write ({exc.strerror})", name) from None
    finally:
        os.close(fd)


def _target(path: str | Path) -> Path:
    """The file ``path`` names once symbolic links are followed (the link itself is kept)."""
    try:
        return Path(os.path.realpath(path, strict=True))
    except FileNotFoundError:
        if os.path.exists(path):
            # A procfs link (/proc/self/fd/1, a link to /dev/stdout) points at "pipe:[…]",
            # not at a path, yet opening it works: the link itself is the target.
            return Path(path)
        return Path(os.path.realpath(path))
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise AlignerError("is a loop of symbolic links", str(path)) from None
        # Not a directory, permission denied on a folder: the write reports it.
        return Path(path)


def _kind(target: Path, name: str | Path) -> str | None:
    """``None`` (nothing there), ``file``, ``dir``, ``char``, ``fifo``, ``block`` or ``other``."""
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        return None
    except NotADirectoryError:
        return None  # the folder check names the problem
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise AlignerError("is a loop of symbolic links", str(name)) from None
        return None
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        return "dir"
    if stat.S_ISCHR(mode):
        return "char"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISBLK(mode):
        return "block"
    return "other"


def _refused(kind: str) -> str:
    if kind == "dir":
        return "is a directory, expected a file name"
    what = "a block device" if kind == "block" else "not a regular file"
    return f"is {what}; an output must be a file, a pipe or a character device"


def check_writable(paths: Iterable[str | Path | None]) -> None:
    """Raise :class:`AlignerError` for the first output ``path`` that could not be written.

    Called before anything is written: when a run writes several outputs, one bad path (its
    folder missing or read-only, a directory in its place) must not leave the others behind,
    half a result.
    """
    seen: dict[Path, str] = {}
    for path in paths:
        if path is None:
            continue
        name = str(path)
        if is_stdout(name):
            key = _STDOUT_KEY
        else:
            if name.endswith(("/", os.sep)) or (os.altsep and name.endswith(os.altsep)):
                raise AlignerError("names a folder (it ends in '/'); give a file name", name)
            key = _target(path)
        if key in seen:
            # `--json r.json -o r.json`: one output would silently replace the other.
            raise AlignerError("is named for two outputs; give each its own file", seen[key])
        seen[key] = name
        if key is not _STDOUT_KEY:
            _check_one(key, name)


def _check_one(target: Path, name: str) -> None:
    kind = _kind(target, name)
    if kind in ("char", "fifo"):
        if not os.access(target, os.W_OK):
            raise AlignerError("cannot write (permission denied)", name)
        return
    if kind not in (None, "file"):
        raise AlignerError(_refused(kind), name)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        reason = "is not a directory" if directory.exists() else "does not exist"
        raise AlignerError(f"cannot write: the folder {directory} {reason}", name)
    _probe(directory, name)


def _probe(directory: Path, name: str) -> None:
    """Create and remove a file in ``directory``: the atomic write needs exactly that, and
    unlike permission bits it also answers for root, read-only mounts and immutable folders."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=".align-probe-", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise AlignerError(f"cannot write: the folder {directory} is not writable "
                           f"({exc.strerror})", name) from None
    os.close(fd)
    os.unlink(tmp)


def check_not_inputs(outputs: Iterable[str | Path | None],
                     inputs: Iterable[str | Path | None]) -> None:
    """Raise :class:`AlignerError` when an output is one of the ``inputs`` (a source, the
    configuration, the glossary, the baseline read): a slip such as ``--json article.txt`` or
    ``-o setup.cfg`` must not replace a file the run reads. Paths are compared once symbolic
    links are followed, and existing files also by device and inode (hard links)."""
    read = [p for p in inputs if p and not is_stdout(p)]
    keys = {_target(p) for p in read}
    ids = {i for i in (_file_id(p) for p in read) if i is not None}
    for out in outputs:
        if not out or is_stdout(out):
            continue
        if _target(out) in keys or _file_id(out) in ids:
            raise AlignerError("is an input of this run; an output must not overwrite it",
                               str(out))


def _file_id(path: str | Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    # A device node (/dev/null read and written) is not a file an output could damage.
    return (st.st_dev, st.st_ino) if stat.S_ISREG(st.st_mode) else None


def check_creatable_dir(path: str | Path | None) -> None:
    """Raise :class:`AlignerError` when the output folder ``path`` could not be created, or
    files could not be written in it."""
    if path is None:
        return
    path = Path(path)
    for folder in (path, *path.parents):
        if folder.exists():
            if not folder.is_dir():
                raise AlignerError(f"cannot create directory: {folder} is a file", str(path))
            _probe(folder, str(path))
            return


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask
