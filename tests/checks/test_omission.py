"""omission: a translation far shorter than the document's own length ratio."""

from __future__ import annotations

from gold import gold_context
from length_docs import SRC, TGT, last_pair_context

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
    from aligner.checks._support.clauses import arabic_clauses

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


def _slightly_short(score: float):
    english = TGT[9].rstrip(".") + SPOKESMAN
    return find_omission(last_pair_context(WORDS_SRC, english, score))


def test_untranslated_clause_in_a_pair_that_also_scores_low_is_an_omission():
    (hit,) = _slightly_short(0.80)
    assert WORDS_SRC[hit.span[0]:hit.span[1]] == "وتلقت معلومات عن نشاط الأحياء الشرقية"


def test_untranslated_clause_in_a_pair_that_scores_as_usual_is_not_an_omission():
    assert list(_slightly_short(0.88)) == []


# Contextual alignment (e5 token states, with the e5 scorer): a clause of five content words or
# more, none of them aligned to an English word, in a pair that is short and scores low in its
# document. The clause's words are not in the word table, so only alignment can judge them.
CHASE_SRC = ("وأكدت الشرطة أنها اعتقلت ثلاثة مشتبه بهم في عملية أمنية جنوب المدينة، بعد مطاردة "
             "استمرت ساعات طويلة بالشوارع.")
CHASE_CLAUSE = "بعد مطاردة استمرت ساعات طويلة بالشوارع"
CHASE_FULL = ("The police said they had arrested three suspects in a security operation south of "
              "the city, after a chase through the streets that lasted long hours.")


def _chase(english: str, score: float, scorer: str = "e5"):
    return list(find_omission(last_pair_context(CHASE_SRC, english, score, scorer)))


def test_clause_aligned_to_nothing_in_a_short_low_scoring_pair_is_an_omission():
    (hit,) = _chase(TGT[9], 0.72)
    assert CHASE_SRC[hit.span[0]:hit.span[1]] == CHASE_CLAUSE
    assert "match no word of the translation" in hit.message


def test_clause_aligned_to_its_translation_is_not_an_omission():
    assert _chase(CHASE_FULL, 0.72) == []


def test_clause_alignment_runs_with_the_e5_scorer_only():
    # Another scorer's user has not chosen e5's cost; the word table alone finds nothing here.
    assert _chase(TGT[9], 0.72, scorer="lexical") == []


def _outlier_factors(arabic: str, english: str) -> tuple[float, list[float]]:
    """The last pair's length factor against the document's norm, and the factors of the
    pairs ``lengths.outliers`` reports, with the last pair replaced."""
    from aligner.checks._support import lengths

    ctx = last_pair_context(arabic, english, 0.88, scorer="lexical")
    (factor,) = [f for pair, f, _z in lengths.deviations(ctx.pairs) if pair.id == 9]
    return factor, [f for _pair, f, _z in lengths.outliers(ctx.pairs)]


def test_a_short_pair_must_stray_further_than_a_long_one():
    # A long sentence whose translation lost its last clauses: about 1.9 times shorter than
    # the document's norm, and reported.
    arabic = ("وقال المتحدث باسم وزارة الخارجية في مؤتمر صحفي عقده في العاصمة صباح اليوم إن "
              "المحادثات بين البلدين ستتناول التعاون الاقتصادي والتجاري وملفات الطاقة والمياه "
              "والحدود المشتركة وعودة اللاجئين إلى مناطقهم الأصلية.")
    english = ("The foreign ministry spokesman said at a press conference this morning that the "
               "talks between the two countries would cover economic and trade cooperation.")
    factor, reported = _outlier_factors(arabic, english)
    assert 1 / 2.0 < factor < 1 / 1.85
    assert reported == [factor]
    # A short sentence whose translation is further from the norm (about 2.2 times shorter):
    # a word more or less is a larger share of it, so it is not reported.
    arabic = "وأكدت الشرطة اعتقال ثلاثة مشتبه بهم جنوب المدينة."
    english = "Police arrested three suspects."
    factor, reported = _outlier_factors(arabic, english)
    assert factor < 1 / 2.1
    assert reported == []


def test_the_length_spread_script_recovers_a_known_curve():
    import numpy as np
    import repo_scripts

    fit = repo_scripts.load("scripts/fit_length_spread.py", "fit_length_spread")
    rng = np.random.default_rng(3)
    longer = rng.uniform(25, 300, 20000)
    residual = rng.normal(0.0, np.sqrt(0.01 + 1.0 / longer))
    base, coef, bins = fit.fit(longer, residual)
    assert len(bins) == fit.BINS
    assert abs(base - 0.01) < 0.004 and abs(coef - 1.0) < 0.15
    # The spread falls with the length: the shortest bin's is the widest.
    assert bins[0][2] > bins[-1][2] * 1.5


def test_the_shipped_length_spread_is_what_the_script_fits_on_the_tune_split():
    import repo_scripts

    from aligner.checks._support.lengths import PARAMS

    fit = repo_scripts.load("scripts/fit_length_spread.py", "fit_length_spread")
    base, coef, _bins = fit.fit(*fit.residuals())
    assert round(base, 4) == PARAMS.spread_base
    assert round(coef, 3) == PARAMS.spread_letters
