"""Invariants of the bead search, on synthetic and real text."""

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aligner.align import align_documents
from aligner.align.dp import AlignParams, search
from aligner.model import Block
from aligner.segment import segment
from aligner.similarity import Scorer, make_scorer

AR_WORDS = "الوزير السفير الحكومة المدينة الاجتماع التقرير الجيش الشعب".split()
EN_WORDS = "minister ambassador government city meeting report army people".split()


def _doc(lang, sentences_per_line):
    words = AR_WORDS if lang == "ar" else EN_WORDS
    lines = []
    for k, count in enumerate(sentences_per_line):
        lines.append(" ".join(
            " ".join(words[(k + i + j) % len(words)] for j in range(3 + (i % 4))) + "."
            for i in range(count)))
    text = "\n".join(lines) + "\n"
    return segment(Block(f"{lang}.txt", lang, text, 0, len(text)))


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(1, 4), min_size=1, max_size=6),
       st.lists(st.integers(1, 4), min_size=1, max_size=6))
def test_every_sentence_appears_once_in_order(ar_lines, en_lines):
    src, tgt = _doc("ar", ar_lines), _doc("en", en_lines)
    pairs = align_documents(src, tgt, make_scorer("lexical"))
    for doc, side in ((src, "src"), (tgt, "tgt")):
        out = [s for p in pairs for s in p.side(side)]
        # Joined sentences cover exactly the segments, in order, without overlap.
        assert out[0].loc.start == doc.sentences[0].loc.start
        assert out[-1].loc.end == doc.sentences[-1].loc.end
        for a, b in itertools.pairwise(out):
            assert a.loc.end < b.loc.start
        covered = sum(len(s.text) for s in out)
        assert covered >= sum(len(s.text) for s in doc.sentences)
    assert [p.id for p in pairs] == list(range(len(pairs)))


def test_empty_side_gives_skip_beads():
    src = _doc("ar", [2])
    assert search(src.sentences, (), make_scorer("lexical"), AlignParams()) == [
        (0, 1, 0, 0), (1, 2, 0, 0)]


class _PathScorer(Scorer):
    """Content evidence for one known path: source sentence i translates target i + offset."""

    name = "path"

    def __init__(self, offset: int) -> None:
        self.offset = offset

    def prepare(self, src, tgt) -> None:
        pass

    def costs(self, i0, i1, j0, j1):
        one_one = (i1 - i0 == 1) & (j1 - j0 == 1)
        return np.where((i0 == i1) | (j0 == j1), 0.0,
                        np.where(one_one & (j0 == i0 + self.offset), -10.0, 10.0))

    def similarities(self, beads):
        return [0.0] * len(beads)


def test_band_widens_when_the_path_leaves_it():
    # 30 extra English paragraphs at the start push the path far off the diagonal: source
    # sentence i translates English sentence 30 + i, which a band of 2 around the diagonal
    # (English 4i) cannot reach, so only a widened band finds the true path.
    ar = _doc("ar", [1] * 10)
    en = _doc("en", [1] * 40)
    params = AlignParams(band=2)
    path = search(ar.sentences, en.sentences, _PathScorer(30), params)
    assert path == [(0, 0, j, j + 1) for j in range(30)] + [
        (i, i + 1, 30 + i, 31 + i) for i in range(10)]
    pairs = align_documents(ar, en, make_scorer("lexical"), params)
    assert sum(len(p.src) for p in pairs) == 10
    assert sum(len(p.tgt) for p in pairs) == 40


def test_a_doubtful_break_is_joined_when_the_translation_runs_through():
    ar_text = "ناقش الوزيران دور البلدين في. تطوير العلاقات الثنائية بين الجانبين\n"
    en_text = "The two ministers discussed the role of both countries in developing relations.\n"
    ar = segment(Block("a", "ar", ar_text, 0, len(ar_text)))
    en = segment(Block("e", "en", en_text, 0, len(en_text)))
    assert len(ar.sentences) == 2
    (pair,) = align_documents(ar, en, make_scorer("lexical"))
    assert pair.bead == "1-1"
    (sentence,) = pair.src
    assert sentence.text == ar_text.strip()
    (offset, conf, _reason), = sentence.joins
    assert sentence.text[offset - 1] == "." and conf < 0.5


def _relax_by_passes(row, back, edge, stay):
    """The array relaxation the scan replaced: every 0-b skip of the row at once, again and
    again until nothing improves."""
    changed = True
    while changed:
        changed = False
        for s, b in stay:
            cand = row[:-b] + edge[s, :-b]
            better = cand < row[b:]
            if better.any():
                row[b:][better] = cand[better]
                back[b:][better] = s
                changed = True


@pytest.mark.parametrize("width", [1, 2, 7, 26, 120])
def test_row_scan_equals_relaxing_until_nothing_changes(width):
    from aligner.align.dp import _scan_row

    rng = np.random.default_rng(width)
    stay = [(0, 1), (3, 2), (5, 3)]
    for _ in range(50):
        row = rng.uniform(0, 30, width)
        # Unreachable cells (inf) that only a chain of skips reaches, as at a band's edge.
        row[rng.random(width) < 0.4] = np.inf
        edge = np.full((6, width), np.inf)
        for s, _b in stay:
            edge[s] = rng.uniform(4, 9, width)
            edge[s][rng.random(width) < 0.2] = np.inf  # pruned beads
        back = np.full(width, -1, dtype=np.int8)
        want_row, want_back = row.copy(), back.copy()
        _relax_by_passes(want_row, want_back, edge, stay)
        _scan_row(row, back, edge, stay, width)
        assert np.array_equal(row, want_row)
        # Random costs do not tie, so each cell's pointer is the same skip.
        assert np.array_equal(back, want_back)
