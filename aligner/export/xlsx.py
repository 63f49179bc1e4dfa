"""``align check --xlsx``: the findings as an Excel hand-over workbook (docs/review.md).

One sheet, ``findings``: a header row, then one row per finding with the columns of
:data:`aligner.review.COLUMNS`; the header is frozen and filtered, the text columns wrap, and
the source column is right-to-left for Arabic. Every text cell is stored as text, never as a
formula, whatever it starts with. Needs openpyxl (the ``xlsx`` extra).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from ..errors import AlignerError
from ..model import Result
from ..review import COLUMNS, finding_rows
from ..xmlchars import xml_safe
from .atomic import atomic_write

_WIDTHS = {"file": 24, "line": 6, "column": 7, "check": 16, "severity": 9, "source": 50,
           "target": 50, "message": 50, "suggestion": 40, "status": 14, "comment": 30,
           "excerpt": 30, "fingerprint": 18}
_WRAPPED = ("source", "target", "message", "suggestion", "comment", "excerpt")


def require_openpyxl() -> None:
    """Raise :class:`AlignerError` before a run when openpyxl is missing."""
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        raise AlignerError("--xlsx needs openpyxl (pip install 'aligner[xlsx]')") from None


def to_xlsx(results: Sequence[Result]) -> bytes:
    """The workbook's bytes."""
    require_openpyxl()
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "findings"
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in finding_rows(results):
        sheet.append([None] * len(COLUMNS))
        r = sheet.max_row
        for k, name in enumerate(COLUMNS, 1):
            value = row[name]
            cell = sheet.cell(row=r, column=k)
            if isinstance(value, str):
                # Set as text explicitly: openpyxl would store "=..." as a formula.
                cell.value = xml_safe(value)
                cell.data_type = "s"
            else:
                cell.value = value
            if name in _WRAPPED:
                cell.alignment = Alignment(wrap_text=True, vertical="top",
                                           readingOrder=2 if name == "source" else 0)
    for k, name in enumerate(COLUMNS, 1):
        sheet.column_dimensions[get_column_letter(k)].width = _WIDTHS.get(name, 12)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write_xlsx(path: str | Path, results: Sequence[Result]) -> None:
    """Write :func:`to_xlsx` to ``path`` atomically."""
    atomic_write(path, to_xlsx(results))
