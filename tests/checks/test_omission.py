"""omission: a translation far shorter than the document's own length ratio."""

from __future__ import annotations

from gold import gold_context
from length_docs import SRC, TGT

from aligner.checks.addition import find_addition
from aligner.checks.omission import find_omission


def test_normal_document_has_no_omission():
    assert list(find_omission(gold_context(SRC, TGT))) == []


def test_truncated_translation_is_an_omission():
    tgt = list(TGT)
    tgt[4] = "The ambassador spoke."
    (hit,) = find_omission(gold_context(SRC, tgt))
    assert hit.pair == 4 and hit.side == "src" and hit.span == (0, len(SRC[4]))
    assert list(find_addition(gold_context(SRC, tgt))) == []


def test_small_documents_are_left_alone():
    ctx = gold_context(SRC[:3], ["Short.", TGT[1], TGT[2]])
    assert list(find_omission(ctx)) == []


def test_corpus_has_no_omission(corpus_result):
    assert [f for f in corpus_result.findings if f.check == "omission"] == []


def test_acronym_spelt_out_in_translation_is_not_an_omission():
    src = list(SRC)
    tgt = list(TGT)
    # The Arabic spells out what the English abbreviates.
    src[5] = ("وأشار تقرير منظمة الصحة العالمية وصندوق الأمم المتحدة للطفولة وبرنامج الأغذية "
              "العالمي إلى تراجع النازحين.")
    tgt[5] = "The WHO, UNICEF and WFP report pointed to fewer IDPs."
    ctx = gold_context(src, tgt)
    assert list(find_omission(ctx)) == []


# Pair 9 of the length document with a figure in a clause of its own.
CLAUSE_SRC = ("وأكدت الشرطة أنها اعتقلت ثلاثة مشتبه بهم في عملية أمنية جنوب المدينة، "
              "وضبطت 250 كيلوغراما من المتفجرات.")


def test_clause_with_a_lost_figure_is_an_omission():
    src, tgt = list(SRC), list(TGT)
    src[9] = CLAUSE_SRC
    # The English leaves the second clause out: shorter than usual, and 250 is gone.
    (hit,) = find_omission(gold_context(src, tgt))
    assert hit.pair == 9 and hit.side == "src"
    assert src[9][hit.span[0]:hit.span[1]] == "وضبطت 250 كيلوغراما من المتفجرات"


def test_clause_translated_in_full_is_not_an_omission():
    src, tgt = list(SRC), list(TGT)
    src[9] = CLAUSE_SRC
    tgt[9] = tgt[9].rstrip(".") + ", and seized 250 kilograms of explosives."
    assert list(find_omission(gold_context(src, tgt))) == []


def test_changed_figure_is_not_an_omission():
    # A figure the translation changed is number-mismatch's finding, not a lost clause.
    src, tgt = list(SRC), list(TGT)
    src[9] = CLAUSE_SRC
    # Shorter than usual (0.79 of the norm) but with a figure of its own: 250 became 25.
    tgt[9] = tgt[9].rstrip(".") + " and seized 25 kilograms."
    assert list(find_omission(gold_context(src, tgt))) == []


# Pair 9 again, with a clause of words alone (no number, date or name).
WORDS_SRC = ("وأكدت الشرطة أنها اعتقلت ثلاثة مشتبه بهم في عملية أمنية جنوب المدينة، "
             "وتلقت معلومات عن نشاط الأحياء الشرقية.")


def test_clause_whose_words_are_not_translated_is_an_omission():
    src, tgt = list(SRC), list(TGT)
    src[9] = WORDS_SRC
    (hit,) = find_omission(gold_context(src, tgt))
    assert hit.pair == 9 and hit.side == "src"
    assert src[9][hit.span[0]:hit.span[1]] == "وتلقت معلومات عن نشاط الأحياء الشرقية"
    assert "معلومات" in hit.message


def test_clause_whose_words_are_translated_is_not_an_omission():
    src, tgt = list(SRC), list(TGT)
    src[9] = WORDS_SRC
    tgt[9] = tgt[9].rstrip(".") + ", and received information on activity in the eastern " \
        "neighbourhoods."
    assert list(find_omission(gold_context(src, tgt))) == []


def test_arabic_clauses_split_at_punctuation_and_joined_conjunctions():
    from aligner.checks.omission import arabic_clauses

    text = "قال الوزير إن الحكومة مستعدة، وأضاف أن المفاوضات التي بدأت أمس ستستمر."
    assert [text[a:b] for a, b in arabic_clauses(text)] == [
        "قال الوزير إن الحكومة مستعدة", "وأضاف أن المفاوضات", "التي بدأت أمس ستستمر"]


def test_corpus_without_glossary_gets_no_omission():
    from conftest import CORPUS

    from aligner import check
    from aligner.config import Config

    result = check([str(CORPUS)], Config(default_glossary=False))
    # The corpus's "short-range pieces" (قطع الغيار على المدى القصير, "spare parts in the
    # short term") is out of reach of word evidence: "short" and "range" do translate
    # القصير and المدى, "pieces" is قطع; only the glossary finds it
    # (docs/translation-checks.md). The word rule must not invent an omission there either.
    assert [f for f in result.findings if f.check == "omission"] == []
    assert not any(f.check == "term-mismatch" for f in result.findings)


# The word rule's second signal: in a translation only a little shorter than the norm (length
# z-score -0.95), the untranslated clause is reported when the pair's similarity is also low in
# its document, not when the pair scores as the others do.
SPOKESMAN = ", a spokesman for the force told the local press."
USUAL = [0.88, 0.90, 0.87, 0.89, 0.86, 0.90, 0.88, 0.87, 0.89, 0.88]


def _slightly_short(score: float):
    from aligner.checks import CheckOptions

    src, tgt = list(SRC), list(TGT)
    src[9] = WORDS_SRC
    tgt[9] = tgt[9].rstrip(".") + SPOKESMAN
    scores = list(USUAL)
    scores[9] = score
    return src, find_omission(gold_context(src, tgt, options=CheckOptions(scorer="e5"),
                                           scores=scores))


def test_untranslated_clause_in_a_pair_that_also_scores_low_is_an_omission():
    src, hits = _slightly_short(0.80)
    (hit,) = hits
    assert src[9][hit.span[0]:hit.span[1]] == "وتلقت معلومات عن نشاط الأحياء الشرقية"


def test_untranslated_clause_in_a_pair_that_scores_as_usual_is_not_an_omission():
    _src, hits = _slightly_short(0.88)
    assert list(hits) == []


# Contextual alignment (e5 token states, with the e5 scorer): a clause of five content words or
# more, none of them aligned to an English word, in a pair that is short and scores low in its
# document. The clause's words are not in the word table, so only alignment can judge them.
CHASE_SRC = ("وأكدت الشرطة أنها اعتقلت ثلاثة مشتبه بهم في عملية أمنية جنوب المدينة، بعد مطاردة "
             "استمرت ساعات طويلة بالشوارع.")
CHASE_CLAUSE = "بعد مطاردة استمرت ساعات طويلة بالشوارع"
CHASE_FULL = ("The police said they had arrested three suspects in a security operation south of "
              "the city, after a chase through the streets that lasted long hours.")


def _chase(english: str, score: float, scorer: str = "e5"):
    from aligner.checks import CheckOptions

    src, tgt = list(SRC), list(TGT)
    src[9], tgt[9] = CHASE_SRC, english
    scores = list(USUAL)
    scores[9] = score
    return list(find_omission(gold_context(src, tgt, options=CheckOptions(scorer=scorer),
                                           scores=scores)))


def test_clause_aligned_to_nothing_in_a_short_low_scoring_pair_is_an_omission():
    (hit,) = _chase(TGT[9], 0.72)
    assert CHASE_SRC[hit.span[0]:hit.span[1]] == CHASE_CLAUSE
    assert "match no word of the translation" in hit.message


def test_clause_aligned_to_its_translation_is_not_an_omission():
    assert _chase(CHASE_FULL, 0.72) == []


def test_clause_alignment_runs_with_the_e5_scorer_only():
    # Another scorer's user has not chosen e5's cost; the word table alone finds nothing here.
    assert _chase(TGT[9], 0.72, scorer="lexical") == []


# The alignment rule's evidence (pure: a hand-built alignment, no encoder) and its fitted model.
def _alignment(arabic: str, english: str, ar_linked: set[int], best: list[float]):
    import numpy as np

    from aligner.similarity import words
    from aligner.similarity.word_align import WordAlignment

    ar, en = tuple(words.ar_tokens(arabic)), tuple(words.en_tokens(english))
    links = np.zeros((len(en), len(ar)), bool)
    for k in ar_linked:
        links[k % len(en), k] = True
    sim = np.tile(np.array(best, np.float32), (len(en), 1))
    return WordAlignment(ar, en, sim, links, np.ones(len(ar), bool), np.ones(len(en), bool))


def test_aligned_evidence_points_at_the_clause_whose_words_match_nothing():
    from aligner.checks.omission import aligned_evidence

    arabic = "وأكدت الشرطة اعتقال ثلاثة مشتبهين، بعد مطاردة استمرت ساعات طويلة بالشوارع."
    # Words 0-4 (before the comma) are linked and alike; 5-10 (after it) match nothing.
    alignment = _alignment(arabic, "The police confirmed the arrest of three suspects.",
                           {0, 1, 2, 3, 4}, [0.8] * 5 + [0.3] * 6)
    evidence = aligned_evidence(alignment, arabic, -1.0, -1.5, 0.7)
    assert arabic[slice(*evidence.span)] == "بعد مطاردة استمرت ساعات طويلة بالشوارع"
    assert evidence.lost == ["بعد", "مطاردة", "استمرت", "ساعات", "طويلة", "بالشوارع"]
    f = evidence.features
    assert f["weakest_unaligned"] == 1.0 and f["most_unaligned"] == 1.0
    assert abs(f["weakest_cosine"] - 0.3) < 1e-6 and abs(f["window_cosine"] - 0.3) < 1e-6
    assert f["unaligned_run"] == 6.0 and abs(f["unaligned_ar"] - 6 / 11) < 1e-9
    assert (f["length_z"], f["similarity_z"], f["score"]) == (-1.0, -1.5, 0.7)


def test_aligned_evidence_of_a_fully_aligned_pair_shows_nothing_lost():
    from aligner.checks.omission import aligned_evidence

    arabic = "وأكدت الشرطة اعتقال ثلاثة مشتبهين."
    alignment = _alignment(arabic, "Police confirmed arresting three suspects.",
                           set(range(5)), [0.8] * 5)
    evidence = aligned_evidence(alignment, arabic, 0.0, 0.0, 0.9)
    assert evidence.lost == [] and evidence.features["unaligned_run"] == 0.0
    assert evidence.features["weakest_unaligned"] == 0.0


def test_shipped_alignment_model_reads_the_features_the_rule_gives():
    from aligner.checks._support import confidence
    from aligner.checks.omission import ALIGNED_MODEL, aligned_evidence

    fitted = confidence.shipped(ALIGNED_MODEL[0])[ALIGNED_MODEL[1]]
    assert 0 < fitted.cut < 1
    arabic = "وأكدت الشرطة اعتقال ثلاثة مشتبهين."
    evidence = aligned_evidence(_alignment(arabic, "Police.", set(), [0.5] * 5), arabic,
                                0.0, 0.0, 0.5)
    assert {name for name, _w in fitted.weights} == set(evidence.features)
    # More of the clause unmatched, and less alike, is more likely an omission.
    weights = dict(fitted.weights)
    assert weights["length_z"] < 0 and weights["window_cosine"] < 0


def test_fit_script_cut_finds_the_most_cut_clauses_within_the_clean_budget():
    import importlib.util
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parents[2] / "scripts" / "fit_omission_model.py"
    spec = importlib.util.spec_from_file_location("fit_omission_model", script)
    assert spec is not None and spec.loader is not None
    fit = importlib.util.module_from_spec(spec)
    # Its dataclass looks its module up while the module runs.
    sys.modules[spec.name] = fit
    spec.loader.exec_module(fit)
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
