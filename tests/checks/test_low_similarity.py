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


def test_very_low_score_flagged_in_a_widely_spread_document():
    # Unrelated short sentences (a phrase list): the spread hides an outlier from the z-score,
    # but a score this low is no translation whatever the document.
    scores = [0.95, 0.45, 0.9, 0.5, 0.98, 0.55, 0.12, 0.6, 0.97, 0.65]
    (hit,) = run(scores)
    assert hit.pair == 6
    scores[6] = 0.42
    assert run(scores) == []


def test_the_absolute_limit_falls_in_a_document_that_scores_low():
    # Every pair scores low and the scores spread (a technical text whose acronyms the
    # translation spells out): 0.37 is not unusual there (median 0.64, limit
    # 0.40 - 0.5 * (0.80 - 0.64) = 0.32, robust z-score -2.1) ...
    scores = [0.55, 0.75, 0.62, 0.70, 0.58, 0.80, 0.37, 0.66, 0.72, 0.52]
    assert run(scores) == []
    scores[6] = 0.30
    assert [h.pair for h in run(scores)] == [6]
    # ... while in a spread document that scores as usual (median 0.865) it is reported.
    assert [h.pair for h in run([0.95, 0.6, 0.9, 0.65, 0.98, 0.7, 0.37, 0.85, 0.97, 0.88])] == [6]


def test_a_low_score_unusual_in_its_low_scoring_document_is_reported():
    # The median is low (0.655) but the other pairs agree closely, so 0.37 stands out
    # (z-score -6.4): the lowered limit does not spare it.
    scores = [0.62, 0.70, 0.66, 0.64, 0.68, 0.60, 0.37, 0.63, 0.67, 0.69]
    assert [h.pair for h in run(scores)] == [6]
    # Above the absolute limit, a pair needs the full drop of the relative rule.
    scores[6] = 0.45
    assert run(scores) == []


TRANSLATED = ("ينتشر الفيروس بين الأشخاص عن طريق القطيرات الصغيرة التي تخرج من الأنف أو الفم "
              "عندما يسعل الشخص المصاب.",
              "The virus spreads between people through small droplets from the nose or mouth "
              "when an infected person coughs.")
UNRELATED = "The committee approved the budget for the new railway line after a long debate."


def test_translated_words_spare_a_low_score_that_is_not_unusual_in_its_document():
    # A spread, low-scoring document (median 0.63, limit 0.315, z-score of 0.30 about -1.9):
    # 0.30 is under the limit, but the word table finds most of the pair's words translated
    # (the encoder underrates technical text); an unrelated English sentence is reported.
    scores = [0.50, 0.78, 0.60, 0.72, 0.55, 0.82, 0.30, 0.66, 0.74, 0.48]
    options = CheckOptions(scorer="e5")
    src, tgt = list(SRC), list(TGT)
    src[6], tgt[6] = TRANSLATED
    assert list(find(gold_context(src, tgt, options=options, scores=scores))) == []
    tgt[6] = UNRELATED
    assert [h.pair for h in find(gold_context(src, tgt, options=options, scores=scores))] == [6]


def test_translated_words_do_not_spare_a_score_unusual_in_its_document():
    scores = [0.62, 0.70, 0.66, 0.64, 0.68, 0.60, 0.37, 0.63, 0.67, 0.69]
    src, tgt = list(SRC), list(TGT)
    src[6], tgt[6] = TRANSLATED
    hits = find(gold_context(src, tgt, options=CheckOptions(scorer="e5"), scores=scores))
    assert [h.pair for h in hits] == [6]
