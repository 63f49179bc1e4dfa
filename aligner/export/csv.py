"""``align check --csv``: the findings as a CSV hand-over table (docs/review.md).

UTF-8 with a byte-order mark, so Excel opens Arabic correctly; one row per finding with the
columns of :data:`aligner.review.COLUMNS`. A text cell that a spreadsheet would run as a
formula (``=``, ``+``, ``-``, ``@`` first) is prefixed with ``'``; ``align review import``
takes the prefix off again.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from ..model import Result
from ..review import COLUMNS, finding_rows, guard
from .atomic import atomic_write


def to_csv(results: Sequence[Result]) -> str:
    """The CSV text (header row, then one row per finding)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in finding_rows(results):
        writer.writerow([guard(row[c]) for c in COLUMNS])
    return "\ufeff" + out.getvalue()


def write_csv(path: str | Path, results: Sequence[Result]) -> None:
    """Write :func:`to_csv` to ``path`` atomically."""
    atomic_write(path, to_csv(results))
