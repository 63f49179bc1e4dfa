"""Bead F1 on perturbed real documents (TICO-19, FLORES-200) with known gold beads."""

import sys
from pathlib import Path

import pytest

from aligner.align import align_documents
from aligner.model import Block
from aligner.segment import segment
from aligner.similarity import make_scorer

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from perturb import coarsen, make_documents, predicted_beads


def corpus_f1(docs, scorer_name: str) -> float:
    hits = gold = pred = 0
    for d in docs:
        ar = segment(Block("ar.txt", "ar", d.ar, 0, len(d.ar)))
        en = segment(Block("en.txt", "en", d.en, 0, len(d.en)))
        beads = coarsen(predicted_beads(align_documents(ar, en, make_scorer(scorer_name))),
                        d.gold)
        hits += len(beads & d.gold)
        gold += len(d.gold)
        pred += len(beads)
    precision, recall = hits / pred, hits / gold
    return 2 * precision * recall / (precision + recall)


@pytest.mark.parametrize("source", ["flores", "tico"])
def test_lexical_scorer_floor(source):
    docs = make_documents(source, 12, seed=7)
    # The lexical scorer alone (length + anchors, no embeddings) must stay above this floor.
    assert corpus_f1(docs, "lexical") >= 0.85


def test_generator_gold_is_consistent():
    for d in make_documents("flores", 5, seed=3):
        for a, e in d.gold:
            assert a or e
            if a:
                assert d.ar[a[0]:a[1]].strip() == d.ar[a[0]:a[1]]
            if e:
                assert d.en[e[0]:e[1]].strip() == d.en[e[0]:e[1]]
