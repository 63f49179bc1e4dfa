"""``omission``: source text with no counterpart in the translation.

Two kinds of evidence:

* the whole pair: a translation far shorter than the document's own length ratio (see
  :mod:`aligner.checks._support.lengths` for how the norm is set);
* one clause: a source clause holding a number, a date or a name that the translation lacks
  (what ``number-mismatch``, ``date-mismatch`` and ``name-mismatch`` find on the source side),
  in a pair whose translation is also shorter than the document's norm. A lost figure alone may
  be a typo; a lost figure in a translation that is short as well is most often a clause that
  was left out. The finding's span is that clause of the source.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import SRC, Severity
from . import date_mismatch, name_mismatch, number_mismatch
from ._support.base import Check, CheckContext, Hit
from ._support.lengths import deviations, outliers


@dataclass(frozen=True)
class OmissionParams:
    """When a source clause with a lost number, date or name is reported (docs/tuning.md)."""

    #: The translation must be shorter than the document's norm by both measures: a robust
    #: z-score of the length ratio at or below ``clause_z``, and at most ``1 / clause_factor``
    #: of the expected length.
    clause_z: float = -0.5
    clause_factor: float = 1.1


PARAMS = OmissionParams()

# Where a clause of the source ends: commas, semicolons, colons, brackets, dashes, in both
# scripts.
_CLAUSE_END = re.compile(r"[،,؛;:()\[\]—–]|\s-\s")
_ANCHOR_CHECKS = (number_mismatch, date_mismatch, name_mismatch)


def clause_around(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The clause of ``text`` that holds ``span``, without its surrounding spaces."""
    start = max((m.end() for m in _CLAUSE_END.finditer(text, 0, span[0])), default=0)
    end = next((m.start() for m in _CLAUSE_END.finditer(text, span[1])), len(text))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " .!?؟\n\t":
        end -= 1
    return (start, end) if start < end else span


def _clause_hits(ctx: CheckContext, reported: set[int]) -> Iterator[Hit]:
    short = {pair.id: factor for pair, factor, z in deviations(ctx.pairs)
             if z <= PARAMS.clause_z and factor <= 1 / PARAMS.clause_factor
             and pair.id not in reported}
    if not short:
        return
    anchors: dict[int, list[Hit]] = {}
    replaced: set[int] = set()
    for module in _ANCHOR_CHECKS:
        for check in module.CHECKS:
            for hit in check.run(ctx):
                if hit.pair not in short:
                    continue
                if hit.side == SRC:
                    anchors.setdefault(hit.pair, []).append(hit)
                else:
                    # The translation has a figure or name of its own: one was changed, not
                    # left out (the anchor's own check says so).
                    replaced.add(hit.pair)
    for pair_id in replaced:
        anchors.pop(pair_id, None)
    by_id = {pair.id: pair for pair in ctx.pairs}
    for pair_id, hits in sorted(anchors.items()):
        text = by_id[pair_id].text(SRC)
        first = min(hits, key=lambda h: h.span)
        span = clause_around(text, first.span)
        lost = text[first.span[0]:first.span[1]]
        yield Hit(pair_id, SRC, span,
                  f"This part of the source has no counterpart in the translation: its "
                  f"'{lost}' is not there, and the translation is shorter than this document's "
                  f"translations usually are (about {short[pair_id]:.0%} of the expected "
                  "length).",
                  "Check whether this clause was left out of the translation and translate it.")


def find_omission(ctx: CheckContext) -> Iterator[Hit]:
    reported: set[int] = set()
    for pair, factor, _z in outliers(ctx.pairs):
        if factor < 1:
            text = pair.text(SRC)
            reported.add(pair.id)
            yield Hit(pair.id, SRC, (0, len(text)),
                      f"The translation is much shorter than this document's translations "
                      f"usually are (about {factor:.0%} of the expected length): part of the "
                      "source may not be translated.",
                      "Compare the sentences clause by clause and translate anything missing.")
    yield from _clause_hits(ctx, reported)


CHECKS = (
    Check("omission", Severity.WARNING,
          "Source text with no counterpart in the translation: a translation far shorter than "
          "the document's own length ratio, or a shorter translation that lacks a number, date "
          "or name of one source clause.", find_omission),
)
