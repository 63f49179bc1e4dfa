"""The array chrF of the lexical scorer's pair scores gives sacrebleu's sentence chrF exactly."""

from __future__ import annotations

import random
from pathlib import Path

from sacrebleu.metrics import CHRF

from aligner.similarity import chrf, lexicon

DATA = Path(__file__).resolve().parent.parent / "data" / "flores200"


def _sacrebleu(hyps, refs):
    metric = CHRF()
    return [metric.sentence_score(h, [r]).score for h, r in zip(hyps, refs)]


def test_same_scores_as_sacrebleu_on_glossed_flores_pairs():
    # The scorer's use: lower-cased English against a word-by-word gloss of the Arabic, true
    # pairs and shuffled ones (more than one chunk of pairs).
    en = (DATA / "eng_Latn.devtest").read_text(encoding="utf-8").splitlines()[:700]
    ar = (DATA / "arb_Arab.devtest").read_text(encoding="utf-8").splitlines()[:700]
    lex = lexicon.load()
    assert lex is not None, "the test environment installs aligner[lexicon]"
    glosses = [lex.gloss_text(a) for a in ar]
    rng = random.Random(3)
    hyps = [e.lower() for e in en] + [rng.choice(en).lower() for _ in ar]
    refs = glosses + glosses
    got = chrf.sentence_scores(hyps, refs).tolist()
    assert got == _sacrebleu(hyps, refs)
    assert sum(got[:700]) > 1.5 * sum(got[700:])  # true pairs score higher: not all zeros


def test_same_scores_as_sacrebleu_on_short_empty_and_unicode_text():
    hyps = ["", "a", "ab c", "x" * 7, "", "日本語 テキスト", "\u2003a\u00a0b", "abcabcabc",
            "The cat", "Arabic العربية text"]
    refs = ["x", "", "abc", "x" * 6, "", "日本", "ab", "abcabc", "the cat", "العربية"]
    assert chrf.sentence_scores(hyps, refs).tolist() == _sacrebleu(hyps, refs)


def test_alphabet_too_wide_for_packed_codes_still_scores_like_sacrebleu():
    # Over 1,024 distinct characters n-grams no longer fit in 64 bits: counted with Counters;
    # a narrow pair in the same call keeps the packed codes.
    wide = "".join(chr(0x4E00 + k) for k in range(1100))
    hyps, refs = [wide, "abc"], [wide[:500], "abd"]
    assert chrf.sentence_scores(hyps, refs).tolist() == _sacrebleu(hyps, refs)
