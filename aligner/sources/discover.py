"""Find the sources named on a command line: files, directories and globs.

In a directory: ``NAME.ar.txt`` with ``NAME.en.txt`` is one parallel source, any other ``.txt``
a combined source, any ``.tmx`` a translation memory checked as it is. Two plain files given
together that turn out to be in different languages are one parallel source
(``align check ar.txt en.txt``).
"""

from __future__ import annotations

import glob
import re
from pathlib import Path

from ..errors import InputError

SOURCE_SUFFIXES = (".txt", ".tmx")
_LANG_SUFFIX = re.compile(r"^(?P<name>.+)\.(?P<lang>[a-zA-Z]{2,3}(?:-[A-Za-z0-9]+)?)\.txt$")


def discover(args: list[str] | tuple[str, ...]) -> list[tuple[str, ...]]:
    """Expand arguments into sources, each a tuple of one or two file paths, in order."""
    found: list[tuple[str, ...]] = []
    for arg in args:
        path = Path(arg)
        if path.is_dir():
            inside = _in_directory(path)
            if not inside:
                raise InputError("no source found in this directory "
                                 "(expected .txt or .tmx files)", arg)
            found.extend(inside)
        elif any(ch in arg for ch in "*?[") and not path.exists():
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                raise InputError("no file matches this pattern", arg)
            found.extend(_group([Path(m) for m in matches if Path(m).is_file()]))
        else:
            found.append((arg,))
    return found


def _in_directory(root: Path) -> list[tuple[str, ...]]:
    files = sorted(p for p in root.rglob("*")
                   if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES
                   and not p.name.startswith("."))
    return _group(files)


def _group(files: list[Path]) -> list[tuple[str, ...]]:
    """Pair ``NAME.ar.txt`` with ``NAME.en.txt``; everything else stands alone."""
    by_stem: dict[tuple[Path, str], list[Path]] = {}
    order: list[tuple[Path, str] | Path] = []
    for f in files:
        m = _LANG_SUFFIX.match(f.name)
        if m:
            key = (f.parent, m.group("name"))
            if key not in by_stem:
                by_stem[key] = []
                order.append(key)
            by_stem[key].append(f)
        else:
            order.append(f)
    out: list[tuple[str, ...]] = []
    for item in order:
        if isinstance(item, tuple):
            out.append(tuple(str(p) for p in by_stem[item]))
        else:
            out.append((str(item),))
    return out
