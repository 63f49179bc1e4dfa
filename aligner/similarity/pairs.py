"""Pairwise evidence between the sentences of two documents, computed a block at a time.

A scorer turns each sentence into a few token sets once (numbers, name keys, dictionary
glosses); the evidence of a sentence pair is the overlap of their tokens, and the evidence of a
bead the sum over its sentence pairs. :func:`pair_sums` computes those sums for whole arrays of
beads: the beads are grouped into blocks of neighbouring rows and columns, each block's pairwise
overlaps come from one sorted join of the two sides' token arrays, and a bead's sum is read off
the block's 2-D prefix sums, so nothing is done per bead or per sentence pair in Python.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np

#: Rows and columns of one block of pairwise evidence (a bead's start decides its block).
BLOCK = 256


class Postings:
    """The tokens of each sentence of one side, with a weight each, as flat arrays."""

    def __init__(self, per_sentence: Sequence[Mapping[int, float]]) -> None:
        counts = np.fromiter((len(d) for d in per_sentence), dtype=np.int64,
                             count=len(per_sentence))
        total = int(counts.sum())
        self.offsets = np.concatenate([[0], np.cumsum(counts)])
        self.sent = np.repeat(np.arange(len(per_sentence), dtype=np.int64), counts)
        self.tok = np.fromiter(chain.from_iterable(per_sentence), dtype=np.int64, count=total)
        self.weight = np.fromiter(chain.from_iterable(d.values() for d in per_sentence),
                                  dtype=np.float64, count=total)

    def rows(self, a: int, b: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        lo, hi = self.offsets[a], self.offsets[b]
        return self.sent[lo:hi], self.tok[lo:hi], self.weight[lo:hi]


@dataclass(frozen=True)
class Join:
    """One kind of pairwise evidence: source tokens against target tokens. ``reduce`` says how
    two weights of a shared token combine: ``"min"`` (a multiset intersection: counts of a
    number) or ``"prod"`` (occurrences on one side times presence on the other)."""

    src: Postings
    tgt: Postings
    reduce: str = "prod"


def _overlap(join: Join, r0: int, r1: int, c0: int, c1: int, row_bin: np.ndarray | None,
             col_bin: np.ndarray | None, rows: int, cols: int) -> np.ndarray:
    """Dense rows × cols matrix of pairwise overlaps: sentence ``r0 + k`` in row ``row_bin[k]``
    (``k`` itself where ``row_bin`` is None), columns alike."""
    s_sent, s_tok, s_w = join.src.rows(r0, r1)
    t_sent, t_tok, t_w = join.tgt.rows(c0, c1)
    if not len(s_tok) or not len(t_tok):
        return np.zeros((rows, cols))
    order = np.argsort(t_tok, kind="stable")
    sorted_tok = t_tok[order]
    left = np.searchsorted(sorted_tok, s_tok, "left")
    count = np.searchsorted(sorted_tok, s_tok, "right") - left
    total = int(count.sum())
    if not total:
        return np.zeros((rows, cols))
    which = np.repeat(np.arange(len(s_tok)), count)
    starts = np.cumsum(count) - count
    t_idx = order[left[which] + np.arange(total) - starts[which]]
    if join.reduce == "min":
        values = np.minimum(s_w[which], t_w[t_idx])
    else:
        values = s_w[which] * t_w[t_idx]
    s_at, t_at = s_sent[which] - r0, t_sent[t_idx] - c0
    if row_bin is not None:
        s_at = row_bin[s_at]
    if col_bin is not None:
        t_at = col_bin[t_at]
    flat = s_at * cols + t_at
    return np.bincount(flat, weights=values, minlength=rows * cols).reshape(rows, cols)


def pair_sums(joins: Sequence[Sequence[Join]], i0: np.ndarray, i1: np.ndarray, j0: np.ndarray,
              j1: np.ndarray) -> np.ndarray:
    """For each group of joins, the sum of its pairwise overlaps over each bead's sentence
    pairs: an array of shape ``(len(joins), len(i0))``."""
    out = np.zeros((len(joins), len(i0)))
    if not len(i0) or not joins:
        return out
    key = (i0 // BLOCK) * (int(j0.max()) // BLOCK + 1) + j0 // BLOCK
    order = np.argsort(key, kind="stable")
    bounds = np.flatnonzero(np.diff(key[order])) + 1
    for idx in np.split(order, bounds):
        r0, r1 = int(i0[idx].min()), int(i1[idx].max())
        c0, c1 = int(j0[idx].min()), int(j1[idx].max())
        if r1 <= r0 or c1 <= c0:
            continue  # every bead of the block has an empty side: no pairs
        a, b, row_bin, rows = _bins(i0[idx], i1[idx], r0, r1)
        c, d, col_bin, cols = _bins(j0[idx], j1[idx], c0, c1)
        # The four corners of each bead's rectangle in the flattened prefix sums, for every
        # group of the block.
        a, b = a * (cols + 1), b * (cols + 1)
        bd, ad, bc, ac = b + d, a + d, b + c, a + c
        for g, group in enumerate(joins):
            if not group:
                continue
            block = _overlap(group[0], r0, r1, c0, c1, row_bin, col_bin, rows, cols)
            for join in group[1:]:
                block += _overlap(join, r0, r1, c0, c1, row_bin, col_bin, rows, cols)
            if not block.any():
                continue  # no shared token in the block (most blocks, for names or verbatim)
            prefix = np.zeros((rows + 1, cols + 1))
            np.cumsum(block, 0, out=block)
            np.cumsum(block, 1, out=prefix[1:, 1:])
            flat = prefix.reshape(-1)
            # An empty side gives a zero-area rectangle, so its sum is 0 without a special case.
            out[g, idx] = flat[bd] - flat[ad] - flat[bc] + flat[ac]
    return out


def _bins(start: np.ndarray, end: np.ndarray, lo: int,
          hi: int) -> tuple[np.ndarray, np.ndarray, np.ndarray | None, int]:
    """Bead sides ``[start, end)`` within ``[lo, hi)`` as indices into the prefix sums of a
    block, with the block's bin of each sentence and the number of bins.

    Only the prefix sums at the beads' ends are read, so sentences between two consecutive ends
    share one bin: the beads of blocks of sentences (the coarse search) make a block smaller
    by the square of their size, and the sums are the same (integer counts, exact in float64).
    Where every sentence starts or ends a bead, each is its own bin (``None``).
    """
    start, end = start - lo, end - lo
    is_end = np.zeros(hi - lo + 1, dtype=bool)
    is_end[start] = True
    is_end[end] = True
    if is_end.all():
        return start, end, None, hi - lo
    # Ends up to and including each sentence, less one: its bin, or an end's place in order.
    rank = np.cumsum(is_end) - 1
    return rank[start], rank[end], rank[:-1], int(rank[-1])


class Vocabulary:
    """Token ids shared by both sides of a document pair."""

    def __init__(self) -> None:
        self.ids: dict = {}

    def __call__(self, token) -> int:
        return self.ids.setdefault(token, len(self.ids))

    def counts(self, tokens) -> dict[int, float]:
        ids = self.ids
        out: dict[int, float] = {}
        for t in tokens:
            k = ids.setdefault(t, len(ids))
            out[k] = out.get(k, 0.0) + 1.0
        return out

    def present(self, tokens) -> dict[int, float]:
        ids = self.ids
        return {ids.setdefault(t, len(ids)): 1.0 for t in tokens}
