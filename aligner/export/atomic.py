"""Write output files atomically: a reader never sees half a file, a failure leaves none."""

from __future__ import annotations

import os
import tempfile
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


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask
