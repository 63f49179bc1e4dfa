"""Bead F1 of the offline default on perturbed real documents (TICO-19, FLORES-200).

Documents of 20–40 sentences in paragraphs of 2–5, with English sentences merged, sentences
missing on one side and Arabic sentences cut by stray full stops (tests/perturb_docs.py).
"""

import sys
from pathlib import Path

import pytest

from aligner.config import Config
from aligner.similarity import make_scorer

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from perturb_docs import align_texts, bead_f1, make_documents, pair_spans


@pytest.fixture(scope="module")
def documents():
    # Three draws of 3 FLORES-200 + 2 TICO-19 documents: about 400 gold beads.
    return [doc for seed in (1, 2, 3)
            for source, n in (("flores", 3), ("tico", 2))
            for doc in make_documents(source, n, seed=seed)]


@pytest.fixture(scope="module")
def lexical_f1(documents) -> float:
    return _f1(documents, lambda: make_scorer("lexical"))


def _f1(documents, scorer) -> float:
    predicted, gold = [], []
    for k, (ar, en, beads) in enumerate(documents):
        # Tag spans with the document so that beads of different documents never coincide.
        predicted += [(k, *s) for s in pair_spans(align_texts(ar, en, scorer()))]
        gold += [(k, *s) for s in beads]
    return bead_f1(predicted, gold)


@pytest.mark.slow
def test_offline_default_scorer(documents, lexical_f1, e5_cache):
    cache = e5_cache
    default = Config().scorer
    assert default == "e5"
    f1 = _f1(documents, lambda: make_scorer(default, cache_dir=cache))
    assert f1 >= 0.97
    assert f1 > lexical_f1


def test_lexical_scorer_floor(lexical_f1):
    # Length and anchors alone, no embeddings: a floor that catches regressions in the search.
    assert lexical_f1 >= 0.93


def test_generator_gold_spans_are_trimmed_text():
    for ar, en, gold in make_documents("flores", 2, seed=3):
        for s0, s1, t0, t1 in gold:
            assert (s0, s1) != (-1, -1) or (t0, t1) != (-1, -1)
            if s0 >= 0:
                assert ar[s0:s1].strip() == ar[s0:s1] and ar[s0:s1]
            if t0 >= 0:
                assert en[t0:t1].strip() == en[t0:t1] and en[t0:t1]
