"""Hand-over to a reviser and back: findings as table rows, reviser decisions as a baseline.

``align check --xlsx/--csv`` writes one row per finding (:data:`COLUMNS`, :func:`finding_rows`);
the reviser fills in ``status`` (and ``comment``) in a spreadsheet; ``align review import``
reads the file back (:func:`read_decisions`) and merges the decided rows into the baseline
(:func:`import_review`), so the next ``align check --baseline`` no longer counts them. See
docs/review.md.

A row's ``fingerprint`` is the finding's baseline fingerprint (:mod:`aligner.baseline`); it is
what ties a row to its finding, so the reviser edits ``status`` and ``comment`` only.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .baseline import (
    BASELINE_VERSION,
    BaselineEntry,
    finding_file,
    finding_fingerprints,
    read_baseline,
    write_baseline,
)
from .errors import InputError
from .inputs import DEFAULT_MAX_BYTES, check_input, read_input
from .model import SRC, TGT, Result
from .review_file import is_review_json, parse_review

#: The columns of the hand-over table, in order. ``status`` and ``comment`` are the reviser's.
COLUMNS = ("file", "line", "column", "check", "severity", "source", "target", "message",
           "suggestion", "status", "comment", "excerpt", "fingerprint")

#: What a reviser may write in ``status`` and the baseline status it means (case, spaces and
#: underscores aside); the statuses in :data:`UNDECIDED` leave the row out of the baseline.
STATUS_WORDS = {"accepted": "accepted", "accept": "accepted", "ok": "accepted",
                "false-positive": "false-positive", "fp": "false-positive",
                "false-alarm": "false-positive"}
UNDECIDED = frozenset({"", "open", "new", "todo", "to-do", "fix", "to-fix", "fixed", "rejected",
                       "error"})


@dataclass(frozen=True)
class Decision:
    """One row of a returned table that says what to do with a finding."""

    row: int          # 1-based row (or entry) number in the file, for messages
    fingerprint: str
    check: str
    status: str       # a baseline status: accepted or false-positive
    excerpt: str
    file: str


def finding_rows(results: Iterable[Result]) -> list[dict[str, object]]:
    """One row per finding of ``results``: :data:`COLUMNS` as keys, status and comment empty."""
    rows: list[dict[str, object]] = []
    for result in results:
        pairs = {p.id: p for p in result.pairs}
        for finding, fp in zip(result.findings, finding_fingerprints(result)):
            pair = pairs[finding.pair]
            loc = finding.loc
            rows.append({
                "file": finding_file(finding, result),
                "line": loc.line if loc and loc.line else "",
                "column": loc.col if loc and loc.line else "",
                "check": finding.check, "severity": finding.severity.value,
                "source": pair.text(SRC), "target": pair.text(TGT),
                "message": finding.message, "suggestion": finding.suggestion,
                "status": "", "comment": "", "excerpt": finding.excerpt, "fingerprint": fp})
    return rows


def normalise_status(value: object) -> str | None:
    """The baseline status a reviser's ``status`` cell means, or None for an undecided row;
    an unknown word raises ValueError."""
    word = "-".join(str(value or "").strip().lower().replace("_", " ").split())
    if word in STATUS_WORDS:
        return STATUS_WORDS[word]
    if word in UNDECIDED:
        return None
    raise ValueError(f"unknown status {str(value)!r} (expected accepted or false-positive, "
                     "or leave it empty)")


def read_decisions(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Decision]:
    """The decided rows of a returned ``.xlsx``, ``.csv`` or review/baseline ``.json`` file."""
    suffix = Path(path).suffix.lower()
    if suffix == ".xlsx":
        return _decided(_xlsx_rows(path, max_bytes), str(path))
    if suffix == ".csv":
        raw = read_input(path, max_bytes, "review ")
        try:
            text = raw.decode("utf-8-sig")  # Excel saves "CSV UTF-8" with a BOM
        except UnicodeDecodeError:
            raise InputError("the CSV file is not UTF-8 (save it as \"CSV UTF-8\")",
                             str(path)) from None
        rows: list[list[object]] = [list(r) for r in csv.reader(io.StringIO(text, newline=""))]
        return _decided(rows, str(path))
    if suffix == ".json":
        return _json_decisions(path, max_bytes)
    raise InputError("expected a .xlsx, .csv or .json review file", str(path))


def merge(previous: Sequence[BaselineEntry], decisions: Sequence[Decision],
          root: Path) -> list[BaselineEntry]:
    """The baseline after the reviser's decisions: a decided finding's entry is replaced by
    the decision (its latest judgement), everything else is kept. Files are written relative
    to ``root`` (the baseline's folder), as ``--update-baseline`` writes them."""
    new = [BaselineEntry(d.fingerprint, d.check, d.status, d.excerpt, _relative(d.file, root))
           for d in decisions]
    decided = {(e.file, e.fingerprint) for e in new}
    return new + [e for e in previous if (e.file, e.fingerprint) not in decided]


def import_review(path: str | Path, baseline: str | Path,
                  max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[int, int]:
    """Merge the decisions of the review file ``path`` into the ``baseline`` file (created if
    missing); return (decisions imported, entries in the baseline)."""
    decisions = read_decisions(path, max_bytes)
    target = Path(baseline)
    previous = read_baseline(target, max_bytes) if target.exists() else []
    entries = merge(previous, decisions, target.parent)
    write_baseline(target, entries)
    return len(decisions), len({(e.file, e.fingerprint) for e in entries})


def _xlsx_rows(path: str | Path, max_bytes: int) -> list[list[object]]:
    try:
        import openpyxl
        from openpyxl.utils.exceptions import InvalidFileException
    except ImportError:
        raise InputError("reading .xlsx files needs openpyxl (pip install 'aligner[xlsx]')",
                         str(path)) from None
    check_input(Path(path), max_bytes)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, OSError, KeyError, ValueError) as exc:
        raise InputError(f"not a readable .xlsx file ({exc.__class__.__name__}: {exc})",
                         str(path)) from None
    except Exception as exc:  # a damaged zip (zipfile.BadZipFile) and the like
        raise InputError(f"not a readable .xlsx file ({exc.__class__.__name__})",
                         str(path)) from None
    try:
        sheet = book.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def _decided(rows: list[list[object]], name: str) -> list[Decision]:
    if not rows:
        raise InputError("the review table is empty", name)
    header = [str(c or "").strip().lower() for c in rows[0]]
    missing = [c for c in ("fingerprint", "check", "status") if c not in header]
    if missing:
        raise InputError(f"the review table has no {', '.join(missing)} column (write it "
                         "with align check --xlsx or --csv)", name)
    col = {c: header.index(c) for c in header if c}
    out = []
    for number, row in enumerate(rows[1:], 2):
        def cell(key: str, row=row) -> str:
            k = col.get(key)
            value = row[k] if k is not None and k < len(row) else None
            return "" if value is None else _unguard(str(value))
        try:
            status = normalise_status(cell("status"))
        except ValueError as exc:
            raise InputError(f"row {number}: {exc}", name) from None
        if status is None:
            continue
        if not cell("fingerprint") or not cell("check"):
            raise InputError(f"row {number}: status {status!r} but no fingerprint or check "
                             "(rows must come from align check --xlsx or --csv)", name)
        out.append(Decision(number, cell("fingerprint"), cell("check"), status,
                            cell("excerpt"), cell("file")))
    return out


def _json_decisions(path: str | Path, max_bytes: int) -> list[Decision]:
    """A baseline file (its entries are decisions already) or a ``review.json`` downloaded
    from the HTML report (:mod:`aligner.review_file`, its ``decisions``)."""
    raw = read_input(path, max_bytes, "review ")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise InputError(f"not a review file ({exc.__class__.__name__})", str(path)) from None
    if is_review_json(data):
        review = parse_review(data, str(path))
        return [Decision(k + 1, d.fingerprint, d.check, d.status, d.excerpt, d.file)
                for k, d in enumerate(review.decisions)]
    if isinstance(data, dict) and "entries" in data:
        if data.get("version") != BASELINE_VERSION:
            raise InputError(f"baseline version {data.get('version')!r} is not supported",
                             str(path))
        return [Decision(k + 1, e.fingerprint, e.check, e.status, e.excerpt, e.file)
                for k, e in enumerate(read_baseline(path, max_bytes))]
    raise InputError("not a review file (expected a review.json from the HTML report or a "
                     "baseline file)", str(path))


#: First characters that make a spreadsheet read a cell as a formula (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def guard(value: object) -> object:
    """A text cell that a spreadsheet would run as a formula, prefixed with ``'`` (the
    convention spreadsheets themselves use to mark text); other values unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _unguard(value: str) -> str:
    if value.startswith("'") and value[1:].startswith(FORMULA_START):
        return value[1:]
    return value


def _relative(path: str, root: Path) -> str:
    if not path:
        return path
    try:
        return Path(os.path.relpath(Path(path).resolve(), root.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return Path(path).resolve().as_posix()

