"""``omission``: a translation far shorter than the document's own length ratio (see
:mod:`aligner.checks._support.lengths` for how the norm is set)."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import SRC, Severity
from ._support.base import Check, CheckContext, Hit
from ._support.lengths import outliers


def find_omission(ctx: CheckContext) -> Iterator[Hit]:
    for pair, factor, _z in outliers(ctx.pairs):
        if factor < 1:
            text = pair.text(SRC)
            yield Hit(pair.id, SRC, (0, len(text)),
                      f"The translation is much shorter than this document's translations "
                      f"usually are (about {factor:.0%} of the expected length): part of the "
                      "source may not be translated.",
                      "Compare the sentences clause by clause and translate anything missing.")


CHECKS = (
    Check("omission", Severity.WARNING,
          "A translation far shorter than the document's own length ratio: text may be "
          "missing.", find_omission),
)
