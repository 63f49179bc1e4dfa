"""low-similarity: scores far below the document's own, for semantic scorers only."""

from __future__ import annotations

from gold import gold_context

from aligner.checks import CheckOptions
from aligner.checks.low_similarity import find

SRC = [f"جملة عربية رقم {i}" for i in range(10)]
TGT = [f"English sentence number {i}" for i in range(10)]
SCORES = [0.86, 0.88, 0.84, 0.87, 0.85, 0.89, 0.86, 0.83, 0.87, 0.88]


def run(scores, scorer="e5"):
    return list(find(gold_context(SRC, TGT, options=CheckOptions(scorer=scorer), scores=scores)))


def test_outlier_pair_is_flagged():
    scores = list(SCORES)
    scores[6] = 0.41
    (hit,) = run(scores)
    assert hit.pair == 6 and hit.side == "src" and "0.41" in hit.message


def test_uniform_document_has_no_findings():
    assert run(SCORES) == []


def test_small_dip_is_not_flagged():
    scores = list(SCORES)
    scores[6] = 0.78
    assert run(scores) == []


def test_skipped_for_lexical_scorer_and_unscored_pairs():
    scores = list(SCORES)
    scores[6] = 0.41
    assert run(scores, scorer="lexical") == []
    assert run([None] * 10) == []


def test_any_semantic_scorer_name_works():
    scores = list(SCORES)
    scores[2] = 0.30
    assert [h.pair for h in run(scores, scorer="labse")] == [2]
