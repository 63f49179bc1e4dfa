"""Alignment that keeps a reviser's re-pairings (``align check --review review.json``).

A re-paired pair is a *forced bead*: its sentences (by file offsets) form one pair whatever the
scorer says. The documents are cut at the forced beads' edges and the stretches between them
are aligned on their own by :func:`aligner.align.align_documents`, so the search itself is not
touched: a forced bead is simply a fixed point it never has to cross.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..errors import InputError
from ..model import Document, Pair, Sentence
from ..similarity.base import Scorer
from . import align_documents
from .rejoin import rejoin

Range = tuple[int, int]


@dataclass(frozen=True)
class ForcedPair:
    """Sentences ``src[i0:i1]`` and ``tgt[j0:j1]`` (segment indexes) make one pair."""

    i0: int
    i1: int
    j0: int
    j1: int


def forced_beads(src: Document, tgt: Document,
                 pairs: Sequence[tuple[Sequence[Range], Sequence[Range], bool]],
                 name: str) -> list[ForcedPair]:
    """The segment index ranges of the reviewed pairs marked re-paired.

    ``pairs`` is the whole reviewed alignment in order, as ``(src ranges, tgt ranges,
    repaired)``: the pairs around a forced bead say where a side it leaves empty sits. A range
    that no longer falls on the segmenter's sentence edges is an :class:`InputError` naming
    ``name`` (the review file).
    """
    s_starts = [s.loc.start for s in src.sentences]
    t_starts = [s.loc.start for s in tgt.sentences]
    pos_i = pos_j = 0
    out: list[ForcedPair] = []
    for k, (s_ranges, t_ranges, repaired) in enumerate(pairs):
        i0, i1 = _indexes(src.sentences, s_starts, s_ranges, pos_i, name, k, repaired)
        j0, j1 = _indexes(tgt.sentences, t_starts, t_ranges, pos_j, name, k, repaired)
        if repaired:
            if out and (i0 < out[-1].i1 or j0 < out[-1].j1):
                raise InputError(f"re-paired pair {k} crosses the one before it", name)
            out.append(ForcedPair(i0, i1, j0, j1))
        pos_i, pos_j = max(pos_i, i1), max(pos_j, j1)
    return out


def _indexes(sentences: Sequence[Sentence], starts: list[int], ranges: Sequence[Range],
             here: int, name: str, k: int, strict: bool) -> tuple[int, int]:
    """Where a reviewed pair's side lies among the segments; ``strict`` (a forced bead) also
    asks that its edges be segment edges."""
    if not ranges:
        return here, here
    first, last = ranges[0][0], ranges[-1][1]
    i0 = bisect.bisect_left(starts, first)
    i1 = bisect.bisect_left(starts, last)
    if not strict:
        return i0, max(i0, i1)
    if i0 >= len(sentences) or sentences[i0].loc.start != first or i1 <= i0 \
            or sentences[i1 - 1].loc.end != last:
        raise InputError(f"pair {k} ({first}-{last}) no longer falls on sentence edges of "
                         f"{sentences[0].loc.file if sentences else 'the source'}", name)
    return i0, i1


def align_with_forced(src: Document, tgt: Document, scorer: Scorer,
                      forced: Sequence[ForcedPair]) -> tuple[Pair, ...]:
    """Align ``src`` with ``tgt`` keeping each forced bead as one pair; every sentence of both
    still appears in exactly one pair, in order."""
    if not forced:
        return align_documents(src, tgt, scorer)
    pairs: list[Pair] = []
    i = j = 0
    for bead in [*forced, ForcedPair(len(src.sentences), len(src.sentences),
                                     len(tgt.sentences), len(tgt.sentences))]:
        pairs.extend(_free(src, tgt, scorer, i, bead.i0, j, bead.j0))
        s_side, t_side = src.sentences[bead.i0:bead.i1], tgt.sentences[bead.j0:bead.j1]
        if s_side or t_side:
            score = None
            if s_side and t_side:
                scorer.prepare(s_side, t_side)
                score = scorer.similarities([(0, len(s_side), 0, len(t_side))])[0]
            pairs.append(Pair(0, tuple(rejoin(src, s_side, t_side or None)),
                              tuple(rejoin(tgt, t_side, s_side or None)), score))
        i, j = bead.i1, bead.j1
    return tuple(replace(p, id=k) for k, p in enumerate(pairs))


def _free(src: Document, tgt: Document, scorer: Scorer, i0: int, i1: int, j0: int,
          j1: int) -> list[Pair]:
    """The stretch between two forced beads, aligned on its own."""
    s_side, t_side = src.sentences[i0:i1], tgt.sentences[j0:j1]
    if s_side and t_side:
        return list(align_documents(replace(src, sentences=s_side),
                                    replace(tgt, sentences=t_side), scorer))
    doc, side = (src, s_side) if s_side else (tgt, t_side)
    return [Pair(0, (s,) if s_side else (), () if s_side else (s,), None)
            for s in rejoin(doc, side, None)]
