"""The search never holds the n × m table or all candidate beads (issue 14): its arrays are
per band (O(n · band)) and per block of rows, measured with tracemalloc on 20,000 sentences a
side, where the table alone would take 3.2 GB."""

import tracemalloc

import numpy as np

from aligner.align.dp import AlignParams, search
from aligner.model import Location, Sentence
from aligner.similarity.base import Scorer


class _Lengths(Scorer):
    """Costs from sentence lengths only: cheap, and enough to give the search a real path."""

    name = "lengths"
    per_bead = True

    def prepare(self, src, tgt):
        self.ls = np.concatenate([[0], np.cumsum([len(s.text) for s in src])])
        self.lt = np.concatenate([[0], np.cumsum([len(t.text) for t in tgt])])

    def costs(self, i0, i1, j0, j1):
        return np.abs((self.ls[i1] - self.ls[i0]) - (self.lt[j1] - self.lt[j0])) / 20.0

    def similarities(self, beads):
        return [0.0] * len(beads)


def _sentences(lengths, lang):
    out, pos = [], 0
    for k, n in enumerate(lengths):
        out.append(Sentence("x" * int(n), Location("f", pos, pos + int(n), k + 1, 1), lang, k,
                            k // 5))
        pos += int(n) + 1
    return out


def _peak_bytes(n, params):
    rng = np.random.default_rng(3)
    lengths = rng.integers(20, 200, n)
    src = _sentences(lengths, "ar")
    # The translation: every sentence, a little longer, one in fifty dropped.
    tgt = _sentences((lengths * 1.1)[rng.random(n) > 0.02], "en")
    scorer = _Lengths()
    scorer.prepare(src, tgt)
    tracemalloc.start()
    try:
        path = search(src, tgt, scorer, params)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert path[0][0] == 0 and path[-1][1] == len(src) and path[-1][3] == len(tgt)
    return peak, len(src) * len(tgt) * 8


def test_search_memory_is_per_band_not_per_table():
    peak, table = _peak_bytes(20_000, AlignParams())
    assert table > 3e9
    assert peak < 200e6  # measured: 35 MB


def test_a_band_as_wide_as_the_table_holds_the_table():
    # The twin that must exceed the bound: the diagonal band widened to the whole table.
    peak, table = _peak_bytes(300, AlignParams(coarse_min=10**6, band=10**6,
                                               max_cells=10**8))
    assert peak > table
