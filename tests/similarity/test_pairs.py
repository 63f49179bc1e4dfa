"""Pairwise evidence by sorted joins (aligner/similarity/pairs.py) against plain loops, and the
name match table against names_match."""

import random

import numpy as np

from aligner import translit
from aligner.similarity.pairs import BLOCK, Join, Postings, pair_sums


def _side(rng, n, vocab, weights):
    return [{rng.randrange(vocab): float(rng.choice(weights)) for _ in range(rng.randrange(4))}
            for _ in range(n)]


def _brute(src, tgt, reduce, bead):
    i0, i1, j0, j1 = bead
    total = 0.0
    for i in range(i0, i1):
        for j in range(j0, j1):
            for tok, w in src[i].items():
                if tok in tgt[j]:
                    total += min(w, tgt[j][tok]) if reduce == "min" else w * tgt[j][tok]
    return total


def test_pair_sums_equal_the_loops():
    rng = random.Random(5)
    n, m = 2 * BLOCK + 40, 2 * BLOCK + 10
    src, tgt = _side(rng, n, 30, (1, 2, 3)), _side(rng, m, 30, (1, 2))
    beads = []
    for _ in range(400):
        i0, j0 = rng.randrange(n), rng.randrange(m)
        a, b = rng.choice(((1, 1), (2, 1), (1, 3), (0, 1), (1, 0), (6, 2)))
        beads.append((i0, min(n, i0 + a), j0, min(m, j0 + b)))
    arrays = [np.array(x) for x in zip(*beads)]
    for reduce in ("min", "prod"):
        got = pair_sums([[Join(Postings(src), Postings(tgt), reduce)]], *arrays)[0]
        want = [_brute(src, tgt, reduce, b) for b in beads]
        assert np.allclose(got, want)
        assert sum(want) > 0  # the draw has overlaps to find


def test_pair_sums_of_blocks_of_sentences_equal_the_loops():
    # The coarse search's beads pair blocks of 8 and 6 sentences: the sums are read off a
    # block matrix with one bin per block of sentences, and must equal the loops exactly.
    rng = random.Random(11)
    n, m = 3 * BLOCK + 13, 3 * BLOCK - 29
    src, tgt = _side(rng, n, 25, (1, 2)), _side(rng, m, 25, (1, 3))
    s_cut, t_cut = [*range(0, n, 8), n], [*range(0, m, 6), m]
    beads = []
    for k in range(len(s_cut) - 3):
        c = min(len(t_cut) - 3, k * (len(t_cut) - 1) // (len(s_cut) - 1))
        for a, b in ((1, 1), (1, 0), (0, 1), (1, 2), (2, 1)):
            beads.append((s_cut[k], s_cut[k + a], t_cut[c], t_cut[c + b]))
    arrays = [np.array(x) for x in zip(*beads)]
    for reduce in ("min", "prod"):
        got = pair_sums([[Join(Postings(src), Postings(tgt), reduce)]], *arrays)[0]
        want = [_brute(src, tgt, reduce, b) for b in beads]
        assert got.tolist() == want
        assert sum(want) > 0


def test_match_table_agrees_with_names_match():
    latin = {translit.latin_skeleton(w) for w in (
        "Kutrashev", "al-Hakim", "Baghdad", "Moscow", "Sudani", "Lavrov", "Putin", "Hussein",
        "Abdullah", "Mahmoud", "Tehran", "Washington", "Qasim", "Shiite")}
    arabic = set().union(*(translit.arabic_skeletons(w) for w in (
        "كوتراشيف", "الحكيم", "بغداد", "موسكو", "السوداني", "لافروف", "بوتين", "حسين",
        "عبدالله", "محمود", "طهران", "واشنطن", "قاسم", "الشيعي", "الوزير", "الحكومة")))
    table = translit.match_table(latin, arabic)
    pairs = {(n, a) for a in arabic for n in latin if translit.names_match(n, {a})}
    found = {(n, a) for a, names in table.items() for n in names}
    assert found <= pairs  # never a match names_match would refuse
    assert len(found) >= 0.9 * len(pairs) and len(pairs) >= 10
