"""Baselines: findings a reviewer has already judged, so a gate only reports new ones.

A finding is identified by a *fingerprint* that survives edits elsewhere in the document: it is
built from the check id, the side, the text at the span and a little text around it, all
normalised (NFC, whitespace collapsed, ASCII digits). Line numbers and pair ids are left out on
purpose: inserting a paragraph above a finding must not make it "new".

The file format (``version`` 1)::

    {"version": 1, "tool": "aligner",
     "entries": [{"fingerprint": "...", "check": "...", "status": "accepted",
                  "excerpt": "...", "file": "..."}]}

``status`` is ``accepted`` (a real finding the team lives with) or ``false-positive``. The HTML
report's review mode writes this format from the browser (``aligner/data/html/report.js``
builds the same entries from fingerprints computed here), and ``align check --baseline`` reads it.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from .errors import InputError
from .export.atomic import atomic_write
from .inputs import DEFAULT_MAX_BYTES, read_input
from .model import Finding, Pair, Result
from .text import ascii_digits

BASELINE_VERSION = 1
TOOL = "aligner"
STATUSES = ("accepted", "false-positive")
#: Characters of normalised text either side of the span that go into a fingerprint.
CONTEXT = 20
FINGERPRINT_LENGTH = 16

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class BaselineEntry:
    """One judged finding, as stored in a baseline file."""

    fingerprint: str
    check: str
    status: str
    excerpt: str
    file: str

    def to_dict(self) -> dict:
        return asdict(self)


def normalise(text: str) -> str:
    """NFC, ASCII digits, every run of whitespace as one space (not stripped)."""
    return _SPACE.sub(" ", ascii_digits(unicodedata.normalize("NFC", text)))


def fingerprint(finding: Finding, pair: Pair) -> str:
    """A stable id for ``finding``: independent of line numbers, pair ids and spacing."""
    text = pair.text(finding.side)
    start, end = finding.span
    excerpt = normalise(text[start:end]).strip()
    before = normalise(text[:start]).lstrip()[-CONTEXT:]
    after = normalise(text[end:]).rstrip()[:CONTEXT]
    key = "\x1f".join((finding.check, finding.side, excerpt, before, after))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:FINGERPRINT_LENGTH]


def finding_fingerprints(result: Result) -> list[str]:
    """The fingerprint of each of ``result.findings``, in order."""
    pairs = {p.id: p for p in result.pairs}
    return [fingerprint(f, pairs[f.pair]) for f in result.findings]


def finding_file(finding: Finding, result: Result) -> str:
    """The file a finding belongs to: its location's, else the result's first source."""
    if finding.loc and finding.loc.file:
        return finding.loc.file
    return result.sources[0] if result.sources else ""


def entry_for(finding: Finding, result: Result, fp: str, status: str) -> BaselineEntry:
    """The baseline entry that records ``finding`` with ``status``."""
    if status not in STATUSES:
        raise ValueError(f"unknown baseline status {status!r} (expected one of {STATUSES})")
    return BaselineEntry(fingerprint=fp, check=finding.check, status=status,
                         excerpt=finding.excerpt, file=finding_file(finding, result))


def baseline_dict(entries: Iterable[BaselineEntry]) -> dict:
    """The file's JSON object; entries sorted by (file, fingerprint), one per pair of those.

    The HTML report's JavaScript sorts and deduplicates the same way so that a downloaded
    baseline is byte-identical to one written here.
    """
    unique: dict[tuple[str, str], BaselineEntry] = {}
    for entry in entries:
        unique.setdefault((entry.file, entry.fingerprint), entry)
    ordered = [unique[k] for k in sorted(unique)]
    return {"version": BASELINE_VERSION, "tool": TOOL, "entries": [e.to_dict() for e in ordered]}


def dumps_baseline(entries: Iterable[BaselineEntry]) -> str:
    """The baseline file's text (two-space indent, UTF-8 kept, final newline)."""
    return json.dumps(baseline_dict(entries), ensure_ascii=False, indent=2) + "\n"


def write_baseline(path: str | Path, entries: Iterable[BaselineEntry]) -> None:
    """Write a baseline file atomically."""
    atomic_write(path, dumps_baseline(entries))


def read_baseline(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> list[BaselineEntry]:
    """Read a baseline file (a regular file of at most ``max_bytes``); a malformed one is an
    :class:`InputError` naming the file."""
    raw = read_input(path, max_bytes, "baseline ")
    try:
        data = json.loads(raw.decode("utf-8"))
    except RecursionError:
        raise InputError("not a baseline file (nested too deeply)", str(path)) from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise InputError(f"not a baseline file ({exc.__class__.__name__}: {exc})",
                         str(path)) from None
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION:
        raise InputError(f"not a version {BASELINE_VERSION} baseline file "
                         "(expected {\"version\": 1, \"entries\": [...]})", str(path))
    entries = data.get("entries")
    if not isinstance(entries, list):
        raise InputError("baseline has no \"entries\" list", str(path))
    out = []
    for k, item in enumerate(entries):
        try:
            entry = BaselineEntry(fingerprint=str(item["fingerprint"]), check=str(item["check"]),
                                  status=str(item.get("status", "accepted")),
                                  excerpt=str(item.get("excerpt", "")),
                                  file=str(item.get("file", "")))
        except (KeyError, TypeError):
            raise InputError(f"baseline entry {k} lacks \"fingerprint\" or \"check\"",
                             str(path)) from None
        if entry.status not in STATUSES:
            raise InputError(f"baseline entry {k} has unknown status {entry.status!r}",
                             str(path))
        out.append(entry)
    return out
