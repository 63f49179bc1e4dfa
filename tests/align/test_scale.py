"""The search's work grows linearly with the documents (issue 14), counted, not timed: the
number of candidate beads the scorer is asked about, on perturbed FLORES-200 documents."""

import sys
from pathlib import Path

import numpy as np
import pytest

from aligner.align import align_documents
from aligner.align.dp import AlignParams
from aligner.model import Block
from aligner.segment import segment
from aligner.similarity.lexical import LexicalScorer

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from perturb_docs import bead_f1, make_documents, pair_spans


class _Counting(LexicalScorer):
    """The lexical scorer, counting the beads it scores."""

    def __init__(self) -> None:
        super().__init__(lexicon=False)
        self.scored = 0

    def costs(self, i0, i1, j0, j1):
        self.scored += len(i0)
        return super().costs(i0, i1, j0, j1)


def _run(n: int, params: AlignParams):
    (ar_text, en_text, gold), = make_documents("flores", 1, seed=4, min_sents=n, max_sents=n)
    ar = segment(Block("ar", "ar", ar_text, 0, len(ar_text)))
    en = segment(Block("en", "en", en_text, 0, len(en_text)))
    scorer = _Counting()
    pairs = align_documents(ar, en, scorer, params)
    return scorer.scored, len(ar.sentences), bead_f1(pair_spans(pairs), gold)


@pytest.fixture(scope="module")
def runs():
    # Coarse-to-fine from 100 sentences, so that both sizes take the long-document path.
    params = AlignParams(coarse_min=100)
    return {n: _run(n, params) for n in (150, 600)}


def test_scored_beads_grow_linearly(runs):
    (small, n_small, _), (large, n_large, _) = runs[150], runs[600]
    growth = np.log(large / small) / np.log(n_large / n_small)
    # Linear is 1.0; the old search around the diagonal grew to 1.5 and beyond. The margin
    # allows for band widening at a hard passage.
    assert growth < 1.15
    # ... and per source sentence, a band's worth of beads, not a row of the table.
    assert large / n_large < 1500


def test_coarse_to_fine_keeps_the_accuracy(runs):
    for _scored, _n, f1 in runs.values():
        assert f1 >= 0.93


def test_diagonal_band_is_quadratic_when_widened_to_the_table():
    # The twin that must fail the bound: a band as wide as the documents scores n·m beads.
    params = AlignParams(coarse_min=10_000, band=10_000)
    (small, n_small, _), (large, n_large, _) = _run(50, params), _run(150, params)
    assert np.log(large / small) / np.log(n_large / n_small) > 1.6
