"""Find the sources named on a command line: files, directories and globs.

A *source* is a tuple of one or two paths, checked as one unit:

* ``NAME.ar.txt`` with ``NAME.en.txt`` (same folder, two different language tags) is one
  parallel source;
* any other ``.txt`` is a combined source (both languages in one file), and a bilingual file
  (a ``.tmx`` translation memory, an ``.xlf``/``.xliff`` XLIFF or a ``.po`` file) is a source
  on its own;
* two plain files given together on the command line that turn out to be in different
  languages are one parallel source (``align check ar.txt en.txt``): see :func:`plan_sources`.

Hidden files and folders (``.git``, ``.tox``...) are never searched. A directory or pattern
that yields no source is an :class:`~aligner.errors.InputError`: a gate that silently checks
nothing would always pass.
"""

from __future__ import annotations

import glob
import re
from collections.abc import Sequence
from pathlib import Path

from ..errors import InputError
from ..inputs import DEFAULT_MAX_BYTES
from ..lang import language_name
from . import read_source

TEXT_SUFFIX = ".txt"
TMX_SUFFIX = ".tmx"
BILINGUAL_SUFFIXES = (TMX_SUFFIX, ".xlf", ".xliff", ".po")
SOURCE_SUFFIXES = (TEXT_SUFFIX, *BILINGUAL_SUFFIXES)
_LANG_SUFFIX = re.compile(r"^(?P<name>.+)\.(?P<lang>[a-zA-Z]{2,3}(?:-[A-Za-z0-9]+)*)\.txt$")
_GLOB_CHARS = "*?["
# Formats a translator may hand over that are not prose and have no reader here: read as text,
# their markup would be aligned and checked as if it were the translation (and pass). Refused
# by name. (.xlf/.xliff, .po/.pot and .tmx have readers: BILINGUAL_SUFFIXES.)
_NOT_PROSE = {".sdlxliff": "a Trados SDLXLIFF file (export it as XLIFF or TMX)",
              ".mqxliff": "a memoQ XLIFF file (export it as XLIFF or TMX)",
              ".tbx": "a TBX termbase (use --glossary)",
              ".docx": "a Word document", ".doc": "a Word document", ".odt": "an ODF document",
              ".pdf": "a PDF document", ".json": "a JSON file (align report reads results)"}

SourceSpec = tuple[str, ...]


def discover(args: Sequence[str]) -> list[SourceSpec]:
    """Expand arguments into sources, each a tuple of one or two file paths, in order.

    A path found twice (``corpora/`` and ``corpora/a.txt``) is checked once, where it first
    appears. Files named explicitly are taken whatever their suffix; their existence is checked
    by the reader, which names the file in its error.
    """
    found: list[SourceSpec] = []
    explicit: list[Path] = []

    def flush() -> None:
        found.extend(_group(explicit))
        explicit.clear()

    for arg in args:
        if not arg.strip():
            # Path("") is the working directory: an unset shell variable ("$FILE") must not
            # quietly check every source under it.
            raise InputError("empty path argument (an unset variable?)", repr(arg))
        path = Path(arg)
        if path.is_dir():
            flush()
            inside = _in_directory(path)
            if not inside:
                raise InputError("no source found in this directory (expected .txt, .tmx, "
                                 ".xlf/.xliff or .po files)", arg)
            found.extend(inside)
        elif any(ch in arg for ch in _GLOB_CHARS) and not path.exists():
            flush()
            found.extend(_in_glob(arg))
        else:
            explicit.append(path)
    flush()
    for spec in found:
        for name in spec:
            _check_name(name)
            _check_format(name)
    return _unique(found)


def _check_name(name: str) -> None:
    # A name in another encoding than the file system's (a Latin-1 "café.txt" on a UTF-8
    # system) holds lone surrogates: no JSON, TMX or HTML output could carry it.
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        shown = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        raise InputError("file name is not valid UTF-8; rename the file", shown) from None


def _check_format(name: str) -> None:
    kind = _NOT_PROSE.get(Path(name).suffix.lower())
    if kind:
        raise InputError(f"is {kind}, not a source: align reads plain text (.txt), TMX (.tmx), "
                         "XLIFF (.xlf/.xliff) and PO (.po)", name)


def is_pattern(arg: str) -> bool:
    """Whether ``arg`` is a glob (and not a file whose name happens to contain ``*?[``)."""
    return any(ch in arg for ch in _GLOB_CHARS) and not Path(arg).exists()


def _in_directory(root: Path) -> list[SourceSpec]:
    files = sorted(p for p in root.rglob("*")
                   if p.is_file() and _is_source_file(p) and not _hidden(p, root))
    return _group(files)


def _in_glob(pattern: str) -> list[SourceSpec]:
    files: list[Path] = []
    for match in sorted(glob.glob(pattern, recursive=True)):
        path = Path(match)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*")
                                if p.is_file() and _is_source_file(p) and not _hidden(p, path)))
        elif path.is_file() and _is_source_file(path):
            files.append(path)
    if not files:
        raise InputError("no source matches this pattern (expected .txt, .tmx, "
                         ".xlf/.xliff or .po files)", pattern)
    return _group(files)


def _is_source_file(path: Path) -> bool:
    return path.suffix.lower() in SOURCE_SUFFIXES


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _group(files: list[Path]) -> list[SourceSpec]:
    """Pair ``NAME.ar.txt`` with ``NAME.en.txt``; everything else stands alone.

    Only exactly two files of one name with two different language tags make a pair; three
    (``NAME.ar/en/fr.txt``) or a lone ``NAME.ar.txt`` are each checked on their own.
    """
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
    out: list[SourceSpec] = []
    for item in order:
        if not isinstance(item, tuple):
            out.append((str(item),))
            continue
        members = by_stem[item]
        langs = {_lang_tag(p) for p in members}
        if len(members) == 2 and len(langs) == 2:
            out.append(tuple(str(p) for p in members))
        else:
            out.extend((str(p),) for p in members)
    return out


def _lang_tag(path: Path) -> str:
    m = _LANG_SUFFIX.match(path.name)
    return m.group("lang").split("-")[0].lower() if m else ""


def _unique(specs: list[SourceSpec]) -> list[SourceSpec]:
    seen: set[str] = set()
    out: list[SourceSpec] = []
    for spec in specs:
        try:
            keys = [str(Path(p).resolve()) for p in spec]
        except (RuntimeError, OSError):  # RuntimeError: a symlink loop (Python < 3.13)
            bad = next(p for p in spec if _is_loop(p))
            raise InputError("is a loop of symbolic links", bad) from None
        if any(k in seen for k in keys):
            continue
        seen.update(keys)
        out.append(spec)
    return out


def _is_loop(path: str) -> bool:
    try:
        Path(path).resolve(strict=False)
    except (RuntimeError, OSError):
        return True
    return False


def plan_sources(args: list[str] | tuple[str, ...] | Sequence[str],
                 encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
                 ) -> list[SourceSpec]:
    """The sources to check for a command line: :func:`discover`, plus one rule.

    Exactly two plain text files named on their own (``align check ar.txt en.txt``) that each
    hold one language, and not the same one, are one parallel source: that is how a translator
    hands over an original and its translation. Reading them to find out costs little, and any
    other case (a combined file, a directory, a TMX) is left as discovered.
    """
    specs = discover(args)
    if (len(args) == 2 and len(specs) == 2 and all(len(s) == 1 for s in specs)
            and not any(Path(a).is_dir() or is_pattern(a) for a in args)
            and all(s[0].lower().endswith(TEXT_SUFFIX) for s in specs)):
        return _maybe_parallel(specs, encoding, max_bytes)
    return specs


def _maybe_parallel(specs: list[SourceSpec], encoding: str | None,
                    max_bytes: int) -> list[SourceSpec]:
    langs = [read_source([spec[0]], encoding, max_bytes).langs() for spec in specs]
    if all(len(lang) == 1 for lang in langs):
        if langs[0] == langs[1]:
            # Two originals, or two translations, handed over as a pair: checked one by one,
            # each would pass as a one-language source and the gate would say nothing.
            raise InputError(f"both files are {language_name(langs[0][0])}; expected an "
                             "original and its translation", specs[1][0])
        return [(specs[0][0], specs[1][0])]
    return specs
