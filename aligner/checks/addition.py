"""``addition``: a translation far longer than the document's own length ratio (see
:mod:`aligner.checks._support.lengths` for how the norm is set)."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import TGT, Severity
from ._support.base import Check, CheckContext, Hit
from ._support.lengths import outliers


def find_addition(ctx: CheckContext) -> Iterator[Hit]:
    for pair, factor, _z in outliers(ctx.pairs):
        if factor > 1:
            text = pair.text(TGT)
            yield Hit(pair.id, TGT, (0, len(text)),
                      f"The translation is much longer than this document's translations "
                      f"usually are (about {factor:.1f} times the expected length): it may add "
                      "text that is not in the source.",
                      "Compare the sentences clause by clause and remove anything the source "
                      "does not say.")


CHECKS = (
    Check("addition", Severity.WARNING,
          "A translation far longer than the document's own length ratio: text may be "
          "added.", find_addition),
)
