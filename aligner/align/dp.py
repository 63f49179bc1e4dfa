"""Monotone dynamic programming over beads, in an adaptive band.

The search scores *structure*; content evidence comes from a :class:`~aligner.similarity.Scorer`.
Every candidate break between two sentences is either cut (a bead ends there) or absorbed (the
bead runs through it). A break the segmenter was sure of is expensive to absorb, a doubtful one
(a stray full stop) cheap, so fragments are rejoined when the translation runs straight through
them, and real sentences stay apart unless the translator merged them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Sentence
from ..similarity.base import Bead, Scorer


@dataclass(frozen=True)
class AlignParams:
    """Tunable costs of the search (docs/tuning.md: each value, what it was tuned on, the test
    that shows it). ``PARAMS`` holds the defaults; pass another instance, never mutate it."""

    #: Bead shapes (source sentences, target sentences) the search may use.
    shapes: tuple[tuple[int, int], ...] = (
        (0, 1), (1, 0), (1, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1), (1, 4), (4, 1),
        (2, 3), (3, 2), (4, 2), (2, 4), (5, 1), (6, 1), (5, 2), (6, 2),
        # A skipped passage may itself be cut by doubtful breaks (a headline with "..").
        (2, 0), (0, 2), (3, 0), (0, 3))
    skip: float = 4.0              # a sentence with no counterpart
    merge: float = 0.02            # chance that a translator merged two real sentences
    merge_paragraph: float = 0.002  # ... or two paragraphs
    paragraph_sync: float = 2.5    # a bead that ends a paragraph on one side only
    extra_sentence: float = 0.3    # per sentence beyond 1-1
    prune: float = 14.0            # structure cost past which a candidate is not scored
    band: int = 12                 # initial half-width of the search band, in sentences
    #: The band stops widening before it would hold more cells than this: on repetitive or
    #: unpunctuated text the best path can keep touching the band's edge, and widening to the
    #: whole n×m table made the search quadratic (issue 11).
    max_cells: int = 200_000


PARAMS = AlignParams()


def _break_costs(sents: Sequence[Sentence], params: AlignParams) -> tuple[list, list, list]:
    """Per sentence: cost of cutting after it, of absorbing its break, and paragraph ends."""
    cut, absorb, par_end = [], [], []
    for k, s in enumerate(sents):
        ends_par = k + 1 == len(sents) or sents[k + 1].paragraph != s.paragraph
        p = 1.0 if ends_par else min(max(s.break_conf, 0.001), 0.999)
        q = params.merge_paragraph if ends_par else params.merge
        cut.append(-math.log(p * (1 - q)))
        absorb.append(-math.log((1 - p) + p * q))
        par_end.append(ends_par)
    return cut, absorb, par_end


class _Side:
    """Break costs of one document side, with prefix sums so that a bead's cost is O(1)."""

    def __init__(self, sents: Sequence[Sentence], params: AlignParams) -> None:
        self.n = len(sents)
        self.cut, absorb, self.par_end = _break_costs(sents, params)
        self.absorb_prefix = [0.0]
        for a in absorb:
            self.absorb_prefix.append(self.absorb_prefix[-1] + a)

    def cost(self, i0: int, i1: int) -> float:
        if i0 == i1:
            return 0.0
        inner = self.absorb_prefix[i1 - 1] - self.absorb_prefix[i0]
        return inner + (self.cut[i1 - 1] if i1 < self.n else 0.0)


def structure_cost(bead: Bead, src: _Side, tgt: _Side, params: AlignParams) -> float:
    """Cost of a bead's shape: breaks cut or run through, paragraph agreement, size."""
    i0, i1, j0, j1 = bead
    a, b = i1 - i0, j1 - j0
    cost = src.cost(i0, i1) + tgt.cost(j0, j1)
    if a == 0 or b == 0:
        return cost + params.skip
    if src.par_end[i1 - 1] != tgt.par_end[j1 - 1]:
        cost += params.paragraph_sync
    return cost + params.extra_sentence * (a + b - 2)


def search(src: Sequence[Sentence], tgt: Sequence[Sentence], scorer: Scorer,
           params: AlignParams) -> list[Bead]:
    """Best monotone bead sequence covering both documents; the band widens until it fits."""
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        return [(i, i + 1, 0, 0) for i in range(n)] + [(0, 0, j, j + 1) for j in range(m)]
    sides = _Side(src, params), _Side(tgt, params)
    width = params.band
    while True:
        path, touched = _search_band(n, m, width, sides, scorer, params)
        if not touched or width >= max(n, m) or (n + 1) * (4 * width + 1) > params.max_cells:
            return path
        width *= 2


_ROWS = 256  # source rows whose beads are made and scored together


def _search_band(n: int, m: int, width: int, sides: tuple[_Side, _Side], scorer: Scorer,
                 params: AlignParams) -> tuple[list[Bead], bool]:
    lo = [max(0, math.floor(i * m / n - width)) for i in range(n + 1)]
    hi = [min(m, math.ceil(i * m / n + width)) for i in range(n + 1)]
    lo[n], hi[0] = min(lo[n], m), max(hi[0], 0)
    best: dict[tuple[int, int], tuple[float, Bead | None]] = {(0, 0): (0.0, None)}
    # Beads are generated in (i, j) order of their start, and every bead moves forward, so each
    # start cell is final before its outgoing beads are relaxed. They are made and scored a few
    # rows at a time: all of a long document's candidate beads at once took ~100 KB a pair.
    for r0 in range(0, n + 1, _ROWS):
        beads: list[Bead] = []
        structure: list[float] = []
        for i in range(r0, min(n + 1, r0 + _ROWS)):
            for j in range(lo[i], hi[i] + 1):
                for a, b in params.shapes:
                    i2, j2 = i + a, j + b
                    if i2 > n or j2 > m or not lo[i2] <= j2 <= hi[i2]:
                        continue
                    bead = (i, i2, j, j2)
                    cost = structure_cost(bead, sides[0], sides[1], params)
                    if cost < params.prune:
                        beads.append(bead)
                        structure.append(cost)
        content = scorer.costs(beads) if beads else []
        for bead, s_cost, c_cost in zip(beads, structure, content):
            start = best.get((bead[0], bead[2]))
            if start is None:
                continue
            total = start[0] + s_cost + c_cost
            end = (bead[1], bead[3])
            if end not in best or total < best[end][0]:
                best[end] = (total, bead)
    path: list[Bead] = []
    cell = (n, m)
    while cell != (0, 0):
        step = best[cell][1]
        assert step is not None
        path.append(step)
        cell = (step[0], step[2])
    path.reverse()
    touched = any((b[2] == lo[b[0]] and lo[b[0]] > 0) or (b[2] == hi[b[0]] and hi[b[0]] < m)
                  for b in path)
    return path, touched
