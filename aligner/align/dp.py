"""Monotone dynamic programming over beads, in an adaptive band.

The search scores *structure*; content evidence comes from a :class:`~aligner.similarity.Scorer`.
Every candidate break between two sentences is either cut (a bead ends there) or absorbed (the
bead runs through it). A break the segmenter was sure of is expensive to absorb, a doubtful one
(a stray full stop) cheap, so fragments are rejoined when the translation runs straight through
them, and real sentences stay apart unless the translator merged them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

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
    guided_band: int = 6           # ... of the search after the refit, around the first path
    #: The band stops widening before it would hold more cells than this: on repetitive or
    #: unpunctuated text the best path can keep touching the band's edge, and widening to the
    #: whole n×m table made the search quadratic (issue 11).
    max_cells: int = 200_000
    #: ... or, on a long document, more than this many cells a row on average (O(n · band)).
    max_row_cells: int = 400
    rows: int = 256                # start rows whose beads are made and scored together
    #: Documents with more sentences than this on both sides are searched coarse-to-fine.
    coarse_min: int = 400
    coarse_block: int = 8          # sentences per block in the coarse search
    coarse_band: int = 8           # initial half-width of the coarse band, in blocks


PARAMS = AlignParams()


def _break_costs(sents: Sequence[Sentence],
                 params: AlignParams) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per sentence: cost of cutting after it, of absorbing its break, and paragraph ends."""
    cut, absorb, par_end = [], [], []
    for k, s in enumerate(sents):
        ends_par = k + 1 == len(sents) or sents[k + 1].paragraph != s.paragraph
        p = 1.0 if ends_par else min(max(s.break_conf, 0.001), 0.999)
        q = params.merge_paragraph if ends_par else params.merge
        cut.append(-math.log(p * (1 - q)))
        absorb.append(-math.log((1 - p) + p * q))
        par_end.append(ends_par)
    return np.array(cut), np.array(absorb), np.array(par_end, dtype=bool)


class _Side:
    """Break costs of one document side, with prefix sums so that a bead's cost is O(1)."""

    def __init__(self, sents: Sequence[Sentence], params: AlignParams, most: int = 0) -> None:
        self.n = len(sents)
        self.cut, absorb, self.par_end = _break_costs(sents, params)
        self.absorb_prefix = np.concatenate([[0.0], np.cumsum(absorb)])
        self.lengths = np.concatenate([[0], np.cumsum([len(s.text) for s in sents])])
        # costs() of every span of up to ``most`` sentences, made once: a bead's side is then
        # one read instead of a dozen array operations (row k: spans of k sentences; a span
        # past the end is never asked for).
        start = np.arange(self.n + 1)
        self.spans = np.concatenate([self.costs(start, np.minimum(start + k, self.n))
                                     for k in range(most + 1)])

    def span_costs(self, i0: np.ndarray, i1: np.ndarray) -> np.ndarray:
        """:meth:`costs` of spans of at most ``most`` sentences, read from the table."""
        return self.spans[(i1 - i0) * (self.n + 1) + i0]

    def costs(self, i0: np.ndarray, i1: np.ndarray) -> np.ndarray:
        """Cost of the breaks inside and at the end of each span ``[i0, i1)``."""
        last = np.maximum(i1 - 1, 0)
        inner = self.absorb_prefix[last] - self.absorb_prefix[np.minimum(i0, last)]
        end = np.where(i1 < self.n, self.cut[last], 0.0)
        return np.where(i1 > i0, inner + end, 0.0)


def structure_costs(i0: np.ndarray, i1: np.ndarray, j0: np.ndarray, j1: np.ndarray,
                    src: _Side, tgt: _Side, params: AlignParams) -> np.ndarray:
    """Cost of each bead's shape: breaks cut or run through, paragraph agreement, size."""
    a, b = i1 - i0, j1 - j0
    cost = src.span_costs(i0, i1) + tgt.span_costs(j0, j1)
    skip = (a == 0) | (b == 0)
    sync = src.par_end[np.maximum(i1 - 1, 0)] != tgt.par_end[np.maximum(j1 - 1, 0)]
    return cost + np.where(skip, params.skip,
                           params.paragraph_sync * sync + params.extra_sentence * (a + b - 2))


def search(src: Sequence[Sentence], tgt: Sequence[Sentence], scorer: Scorer,
           params: AlignParams, guide: Sequence[Bead] | None = None) -> list[Bead]:
    """Best monotone bead sequence covering both documents.

    Short documents are searched in a band around the diagonal; long ones (both sides over
    ``params.coarse_min``) around the path of a coarse search over blocks of sentences, as
    Vecalign does; a second search after the scorer's refit around the first one's path
    (``guide``). The band widens where the path touches its edge, up to a bounded size.
    """
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        return [(i, i + 1, 0, 0) for i in range(n)] + [(0, 0, j, j + 1) for j in range(m)]
    shapes = np.array(params.shapes, dtype=np.int64)
    sides = _Side(src, params, int(shapes[:, 0].max())), _Side(tgt, params, int(shapes[:, 1].max()))

    # The band of the sentence search widens only around the rows where the path touched its
    # edge, and seldom: its costs are not kept between passes (on 100,000 sentences that would
    # hold 43 million costs, and sorting them cost more than the reruns they would save).
    def cost(i0, i1, j0, j1):
        structure = structure_costs(i0, i1, j0, j1, sides[0], sides[1], params)
        keep = np.flatnonzero(structure < params.prune)
        out = np.full(len(i0), np.inf)
        if len(keep):
            out[keep] = structure[keep] + scorer.costs(i0[keep], i1[keep], j0[keep], j1[keep])
        return out

    if guide:
        centre_lo, centre_hi = _path_corridor(guide, n)
    elif min(n, m) > params.coarse_min:
        centre_lo, centre_hi = _coarse_corridor(sides, scorer, params)
    else:
        centre = np.arange(n + 1) * m / n
        centre_lo, centre_hi = np.floor(centre), np.ceil(centre)
    width = np.full(n + 1, params.guided_band if guide else params.band)
    limit = max(params.max_cells, (n + 1) * params.max_row_cells)
    while True:
        lo, hi = _band(centre_lo, centre_hi, width, m)
        path, touched = _dp(n, m, lo, hi, shapes, cost, params.rows)
        if not touched:
            return path
        wider = _widen(width, touched, params.band, max(n, m))
        lo2, hi2 = _band(centre_lo, centre_hi, wider, m)
        if np.array_equal(wider, width) or int((hi2 - lo2 + 1).sum()) > limit:
            return path
        width = wider


class _Memo:
    """A scorer's costs, kept from one pass of the coarse search for the next.

    Where the path touches the band's edge the coarse search runs again over a band twice as
    wide, which holds the narrower one: only the beads new to it are scored. Beads arrive a
    block of ``rows`` start rows at a time (:func:`_dp`), so each block's costs are kept apart,
    sorted by a key of the bead, and looked up by binary search. Only the last pass is kept,
    so memory stays that of one pass's scored beads. For scorers whose cost of a bead does not
    depend on the other beads of the call (``Scorer.per_bead``), so the result is the same as
    scoring them again.
    """

    def __init__(self, costs: Callable[[np.ndarray, np.ndarray, np.ndarray, np.ndarray],
                                       np.ndarray], m: int, span: int, rows: int) -> None:
        self.costs, self.m, self.span, self.rows = costs, m, span, rows
        self.saved: dict[int, tuple[np.ndarray, np.ndarray]] = {}

    def __call__(self, i0: np.ndarray, i1: np.ndarray, j0: np.ndarray,
                 j1: np.ndarray) -> np.ndarray:
        if not len(i0):
            return self.costs(i0, i1, j0, j1)
        # Every bead of a call starts in the same block of rows.
        block = int(i0[0]) // self.rows
        key = ((i0 * (self.m + 1) + j0) * self.span + (i1 - i0)) * self.span + (j1 - j0)
        old = self.saved.get(block)
        if old is None:
            values = self.costs(i0, i1, j0, j1)
        else:
            old_key, old_values = old
            at = np.minimum(np.searchsorted(old_key, key), len(old_key) - 1)
            known = old_key[at] == key
            values = np.empty(len(key))
            values[known] = old_values[at[known]]
            new = np.flatnonzero(~known)
            if len(new):
                values[new] = self.costs(i0[new], i1[new], j0[new], j1[new])
        order = np.argsort(key)
        self.saved[block] = key[order], values[order]
        return values


def _widen(width: np.ndarray, touched: list[int], band: int, most: int) -> np.ndarray:
    """Double the band around the rows where the path touched its edge: the rest of a long
    document keeps its narrow band, so one hard passage does not double the whole search."""
    out = width.copy()
    for row in touched:
        reach = 4 * int(width[row]) + band
        part = slice(max(0, row - reach), row + reach + 1)
        out[part] = np.minimum(np.maximum(out[part], 2 * width[row]), most)
    return out


def _band(centre_lo: np.ndarray, centre_hi: np.ndarray, width: np.ndarray | int,
          m: int) -> tuple[np.ndarray, np.ndarray]:
    lo = np.clip(np.floor(centre_lo - width), 0, m).astype(np.int64)
    hi = np.clip(np.ceil(centre_hi + width), 0, m).astype(np.int64)
    # Monotone limits keep every row's cells reachable from the previous rows.
    lo = np.maximum.accumulate(lo)
    hi = np.maximum.accumulate(hi)
    lo[0], hi[-1] = 0, m
    return lo, np.maximum(hi, lo)


def _path_corridor(path: Sequence[Bead], n: int) -> tuple[np.ndarray, np.ndarray]:
    """For each source row, the target range a path passes through there."""
    c_lo = np.full(n + 1, np.inf)
    c_hi = np.full(n + 1, -np.inf)
    for i0, i1, j0, j1 in path:
        c_lo[i0:i1 + 1] = np.minimum(c_lo[i0:i1 + 1], j0)
        c_hi[i0:i1 + 1] = np.maximum(c_hi[i0:i1 + 1], j1)
    return c_lo, c_hi


def _coarse_corridor(sides: tuple[_Side, _Side], scorer: Scorer,
                     params: AlignParams) -> tuple[np.ndarray, np.ndarray]:
    """For each source row, the target range the coarse path gives it.

    Both documents are cut into blocks (``coarse_block`` source sentences, and as many target
    blocks), and the blocks are aligned as sentences are, with the scorer's costs of whole
    blocks: summed lengths, the numbers and names two blocks share, their summed vectors (as
    Vecalign does). Lengths alone do not place a block: a shift of a few sentences barely
    changes a block's length, so on 10,000 sentences the fine path strayed dozens of sentences
    from a length-only block path.
    """
    src, tgt = sides
    # Blocks of about the same share of each document, so that true block beads are 1-1.
    k_s = params.coarse_block
    k_t = max(1, round(params.coarse_block * tgt.n / src.n))
    s_cut = np.unique(np.append(np.arange(0, src.n, k_s), src.n))
    t_cut = np.unique(np.append(np.arange(0, tgt.n, k_t), tgt.n))
    big_n, big_m = len(s_cut) - 1, len(t_cut) - 1
    shapes = np.array(((1, 1), (1, 0), (0, 1), (1, 2), (2, 1)), dtype=np.int64)

    def block_cost(i0, i1, j0, j1):
        a0, a1, b0, b1 = s_cut[i0], s_cut[i1], t_cut[j0], t_cut[j1]
        count = (a1 - a0) + (b1 - b0)
        skip = (i0 == i1) | (j0 == j1)
        return scorer.costs(a0, a1, b0, b1) + np.where(
            skip, params.skip * count, params.extra_sentence * ((i1 - i0) + (j1 - j0) - 2))

    cost = _Memo(block_cost, big_m, int(shapes.max()) + 1, params.rows) \
        if scorer.per_bead else block_cost

    centre = np.arange(big_n + 1) * big_m / big_n
    width = params.coarse_band
    limit = max(params.max_cells, (big_n + 1) * params.max_row_cells)
    while True:
        lo, hi = _band(np.floor(centre), np.ceil(centre), width, big_m)
        path, touched = _dp(big_n, big_m, lo, hi, shapes, cost, params.rows)
        wider = _band(np.floor(centre), np.ceil(centre), 2 * width, big_m)
        # The coarse table is small: widened everywhere at once.
        if not touched or width >= max(big_n, big_m) or \
                int((wider[1] - wider[0] + 1).sum()) > limit:
            break
        width *= 2
    # The fine path is expected on the straight line through each block bead; a corner row
    # between skipped blocks may sit anywhere in the skipped span.
    c_lo = np.full(src.n + 1, np.inf)
    c_hi = np.full(src.n + 1, -np.inf)
    for i0, i1, j0, j1 in path:
        a, b, c, d = s_cut[i0], s_cut[i1], t_cut[j0], t_cut[j1]
        rows = np.arange(a, b + 1)
        line = c + (rows - a) * ((d - c) / (b - a)) if b > a else np.array([c, d])
        c_lo[a:b + 1] = np.minimum(c_lo[a:b + 1], np.floor(line.min() if b == a else line))
        c_hi[a:b + 1] = np.maximum(c_hi[a:b + 1], np.ceil(line.max() if b == a else line))
    return c_lo, c_hi


def _dp(n: int, m: int, lo: np.ndarray, hi: np.ndarray, shapes: np.ndarray,
        cost: Callable[[np.ndarray, np.ndarray, np.ndarray, np.ndarray], np.ndarray],
        rows: int) -> tuple[list[Bead], list[int]]:
    """Best path from (0, 0) to (n, m) in the band ``lo[i] <= j <= hi[i]``.

    Row ``i`` of the table holds cells ``j = lo[i] + c``. Each row is computed by arrays: one
    gather pulls every bead shape that ends in it from earlier rows, then the shapes that stay
    in the row (0-b skips) are relaxed in one scan from left to right. Bead costs are computed a
    block of ``rows`` start rows at a time, so memory is O(n · band) for the table and
    O(rows · band) for the costs.
    """
    width = int((hi - lo).max()) + 1
    cells = (n + 1) * width
    # One cell past the table holds inf: a bead that would start outside the band reads it.
    total = np.full(cells + 1, np.inf)
    back = np.full(cells, -1, dtype=np.int8)
    total[0] = 0.0
    cols = np.arange(width)
    a_s, b_s = shapes[:, 0], shapes[:, 1]
    pull = np.flatnonzero(a_s > 0)
    stay = [(int(s), int(b_s[s])) for s in np.flatnonzero(a_s == 0)]
    n_shapes = len(shapes)
    # Edge costs of the start rows [e_row, e_row + e_rows), shape-major: [s, row, col].
    edge = np.full((n_shapes, 0, width), np.inf)
    e_row = 0
    for r0 in range(0, n + 1, rows):
        r1 = min(n + 1, r0 + rows)
        fresh = _edge_costs(r0, r1, n, m, lo, hi, width, shapes, cost)
        keep = max(0, edge.shape[1] - int(a_s.max()))
        edge = np.concatenate([edge[:, keep:], fresh], axis=1)
        e_row += keep
        e_rows = edge.shape[1]
        flat_edge = np.append(edge.reshape(-1), np.inf)
        # For every row of the block and every shape that ends in it, where its beads start:
        # target column c is j = lo[i] + c; the bead started at j - b, column j - b - lo[i - a].
        block_rows = np.arange(r0, r1)[:, None]
        start_row = block_rows - a_s[pull][None, :]
        inside = start_row >= 0
        start_row = np.maximum(start_row, 0)
        col = (lo[block_rows] - b_s[pull][None, :] - lo[start_row])[:, :, None] + cols
        valid = inside[:, :, None] & (col >= 0) & (col < width)
        from_cell = np.where(valid, (start_row * width)[:, :, None] + col, cells)
        from_edge = np.where(valid, ((pull * e_rows)[None, :] + start_row - e_row)[:, :, None]
                             * width + col, len(flat_edge) - 1)
        for r in range(r0, r1):
            base = r * width
            row = total[base:base + width]
            row_back = back[base:base + width]
            if r > 0:
                cand = total[from_cell[r - r0]]
                cand += flat_edge[from_edge[r - r0]]
                best = cand.argmin(axis=0)
                row[:] = cand[best, cols]
                # An unreachable cell (inf) gets a pointer too; the traceback never follows it.
                row_back[:] = pull[best]
            if stay:
                _scan_row(row, row_back, edge[:, r - e_row], stay, width)
    path: list[Bead] = []
    i, j = n, m
    assert math.isfinite(total[n * width + m - lo[n]]), "the band holds no path"
    while (i, j) != (0, 0):
        s = int(back[i * width + j - lo[i]])
        a, b = int(a_s[s]), int(b_s[s])
        path.append((i - a, i, j - b, j))
        i, j = i - a, j - b
    path.reverse()
    touched = [i0 for i0, _i1, j0, _j1 in path
               if (j0 == lo[i0] and lo[i0] > 0) or (j0 == hi[i0] and hi[i0] < m)]
    return path, touched


def _scan_row(row: np.ndarray, row_back: np.ndarray, row_edge: np.ndarray,
              stay: list[tuple[int, int]], width: int) -> None:
    """Relax the 0-b skips of one row left to right, each cell final before it is read.

    The same values as relaxing the whole row by array passes until nothing changes, in one
    pass of O(width): a cell reached only by a chain of skips moved a few columns per array
    pass, so a row of 26 cells needed about four passes of a dozen array calls each, and a wide
    row with a long chain width / 6 passes (docs/similarity.md has the timings).
    """
    vals = row.tolist()
    edges = [(s, b, row_edge[s].tolist()) for s, b in stay]
    moved = []
    for t in range(1, width):
        v = vals[t]
        came = -1
        for s, b, e in edges:
            if t >= b:
                c = vals[t - b] + e[t - b]
                if c < v:
                    v, came = c, s
        if came >= 0:
            vals[t] = v
            moved.append((t, came))
    if moved:
        row[:] = vals
        for t, s in moved:
            row_back[t] = s


def _edge_costs(r0: int, r1: int, n: int, m: int, lo: np.ndarray, hi: np.ndarray, width: int,
                shapes: np.ndarray, cost: Callable) -> np.ndarray:
    """Cost of every bead that starts in rows [r0, r1): array [shape, row, column], ``inf``
    where the bead leaves the table or the band, or was pruned."""
    out = np.full((len(shapes), r1 - r0, width), np.inf)
    i = np.arange(r0, r1)[:, None]
    c = np.arange(width)[None, :]
    j = lo[i] + c
    in_row = c <= (hi[i] - lo[i])
    picks, beads = [], []
    for s, (a, b) in enumerate(shapes.tolist()):
        i1, j1 = i + a, j + b
        end = np.minimum(i1, n)
        ok = in_row & (i1 <= n) & (j1 <= m) & (j1 >= lo[end]) & (j1 <= hi[end])
        rr, cc = np.nonzero(ok)
        picks.append((s, rr, cc))
        beads.append((rr + r0, rr + r0 + a, lo[rr + r0] + cc, lo[rr + r0] + cc + b))
    if picks:
        i0s, i1s, j0s, j1s = (np.concatenate(x) for x in zip(*beads))
        values = cost(i0s, i1s, j0s, j1s)
        at = 0
        for s, rr, cc in picks:
            out[s, rr, cc] = values[at:at + len(rr)]
            at += len(rr)
    return out
