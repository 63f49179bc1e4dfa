"""The embedding scorers' orphan post-pass (``EmbeddingScorer.regroup``): a segment the search
left with no counterpart is joined to its neighbour only when the encoder, reading the joined
text, finds the neighbour's translation covers it.

Real TICO-19 sentences (tests/data/tico19). Each test encodes a few new texts with e5 (the
fragments and the joined sides), cached in pytest's cache like every other e5 test.
"""

from __future__ import annotations

import pytest

from aligner.model import Block
from aligner.segment import segment
from aligner.similarity import make_scorer
from aligner.similarity.embedding import ORPHANS

# TICO-19 Wikipedia_handpicked_4:1741, with a stray full stop after its third word that the
# segmenter trusts (0.87): the fragment is left as a 1-0 bead before its sentence.
FRAGMENT_AR = ("قد يحمل الصابون. الصلب، بسبب طبيعته القابلة لإعادة الاستخدام، البكتيريا المكتسبة "
               "من الاستخدامات السابقة.\n")
FRAGMENT_EN = ("Solid soap, because of its reusable nature, may hold bacteria acquired from "
               "previous uses.\n")
# TICO-19 PubMed_8:579-580: a short real sentence whose English counterpart was dropped.
REAL_AR = ("تنتشر فيروسات كورونا الأربعة المكتسبة من المجتمع بين تجمعات البشر على مدى سنوات "
           "عديدة، مسببة الزكام لدى الأشخاص ذوي المناعة الجيدة. "
           "لا تحتاج هذه الفيروسات إلى مستودع حيواني.\n")
REAL_EN = ("For many years, the four community-acquired CoVs circulate in human populations, "
           "triggering common cold in immunocompetent subjects.\n")


def _prepared(ar: str, en: str, cache: str):
    src = segment(Block("ar.txt", "ar", ar, 0, len(ar)))
    tgt = segment(Block("en.txt", "en", en, 0, len(en)))
    assert (len(src.sentences), len(tgt.sentences)) == (2, 1)
    scorer = make_scorer("e5", cache_dir=cache)
    scorer.prepare(src.sentences, tgt.sentences)
    if not scorer.active:
        pytest.fail(f"e5 not active: {scorer.notices()}")
    return scorer


def test_fragment_cut_off_by_a_stray_stop_joins_its_sentence(e5_cache):
    scorer = _prepared(FRAGMENT_AR, FRAGMENT_EN, e5_cache)
    beads = [(0, 1, 0, 0), (1, 2, 0, 1)]  # the fragment left as a 1-0 bead before its sentence
    (orphan, host, gain), = scorer.orphan_gains(beads)
    assert (orphan, host) == (0, 1) and gain > ORPHANS.gain
    assert scorer.regroup(beads) == [(0, 2, 0, 1)]


def test_real_short_sentence_without_counterpart_stays_alone(e5_cache):
    scorer = _prepared(REAL_AR, REAL_EN, e5_cache)
    beads = [(0, 1, 0, 1), (1, 2, 1, 1)]  # the dropped translation: a 1-0 bead after a 1-1
    assert scorer.orphan_gains(beads) == []
    assert scorer.regroup(beads) == beads


def test_lexical_scorer_leaves_the_beads_as_the_search_made_them():
    src = segment(Block("ar.txt", "ar", FRAGMENT_AR, 0, len(FRAGMENT_AR)))
    tgt = segment(Block("en.txt", "en", FRAGMENT_EN, 0, len(FRAGMENT_EN)))
    scorer = make_scorer("lexical")
    scorer.prepare(src.sentences, tgt.sentences)
    assert scorer.regroup([(0, 1, 0, 0), (1, 2, 0, 1)]) == [(0, 1, 0, 0), (1, 2, 0, 1)]
