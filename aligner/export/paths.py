"""How output formats name files: relative to the working directory where possible."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

from ..model import Location


def display_path(file: str, root: Path | None = None) -> str:
    """``file`` relative to ``root`` (default: the working directory) in ``/`` form when it lies
    inside it, else the absolute path: what CI annotations and editors resolve."""
    inside = _inside(file, root or Path.cwd())
    return inside.as_posix() if inside is not None else Path(file).resolve().as_posix()


def place(loc: Location, file: str | None = None) -> str:
    """``file:line:col`` (1-based), the form editors and CI logs turn into a link; ``file``
    replaces ``loc.file`` where a format shows a display path."""
    return f"{loc.file if file is None else file}:{loc.line}:{loc.col}"


def relative_uri(file: str, root: Path) -> str | None:
    """A relative URI reference for ``file`` under ``root``, or ``None`` outside it."""
    inside = _inside(file, root)
    return quote(inside.as_posix(), safe="/") if inside is not None else None


def _inside(file: str, root: Path) -> Path | None:
    """``file``'s path relative to ``root`` (both resolved), or ``None`` outside it."""
    try:
        return Path(file).resolve().relative_to(root.resolve())
    except ValueError:
        return None


def file_uri(file: str) -> str:
    """An absolute ``file:`` URI (percent-encoded: Arabic names are common here)."""
    return Path(os.path.abspath(file)).as_uri()
