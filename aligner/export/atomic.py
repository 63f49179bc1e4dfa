"""Write output files atomically: a reader never sees half a file, a failure leaves none."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..errors import AlignerError


def atomic_write(path: str | Path, data: str | bytes, encoding: str = "utf-8") -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place."""
    path = Path(path)
    payload = data.encode(encoding) if isinstance(data, str) else data
    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise AlignerError(f"cannot write ({exc.strerror})", str(path)) from None
    try:
        # mkstemp makes the file private (0600); an output is shared like any file the user
        # writes: keep the mode of the file it replaces, else the umask's default.
        os.fchmod(fd, _mode_for(path))
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise AlignerError(f"cannot write ({exc.strerror})", str(path)) from None
        raise


def check_writable(paths: Iterable[str | Path | None]) -> None:
    """Raise :class:`AlignerError` for the first output ``path`` that could not be written.

    Called before anything is written: when a run writes several outputs, one bad path (its
    folder missing, a directory in its place) must not leave the others behind, half a result.
    """
    seen: set[Path] = set()
    for path in paths:
        if path is None:
            continue
        path = Path(path)
        if path.resolve() in seen:
            # `--json r.json -o r.json`: one output would silently replace the other.
            raise AlignerError("is named for two outputs; give each its own file", str(path))
        seen.add(path.resolve())
        directory = path.parent if str(path.parent) else Path(".")
        if path.is_dir():
            raise AlignerError("is a directory, expected a file name", str(path))
        if not directory.is_dir():
            reason = "is not a directory" if directory.exists() else "does not exist"
            raise AlignerError(f"cannot write: the folder {directory} {reason}", str(path))


def check_not_inputs(outputs: Iterable[str | Path | None],
                     inputs: Iterable[str | Path]) -> None:
    """Raise :class:`AlignerError` when an output path is one of the ``inputs``: a slip such
    as ``--json article.txt`` must not replace the text being checked."""
    read = {Path(p).resolve() for p in inputs if p}
    for out in outputs:
        if out and Path(out).resolve() in read:
            raise AlignerError("is an input of this run; an output must not overwrite it",
                               str(out))


def check_creatable_dir(path: str | Path | None) -> None:
    """Raise :class:`AlignerError` when the output folder ``path`` could not be created."""
    if path is None:
        return
    path = Path(path)
    for folder in (path, *path.parents):
        if folder.exists():
            if not folder.is_dir():
                raise AlignerError(f"cannot create directory: {folder} is a file", str(path))
            return


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask
